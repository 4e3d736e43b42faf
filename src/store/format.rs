//! The RON session format: deterministic writing, versioned and validated reading.

use super::error::LoadErrorKind;
use super::migrate::SessionFile;
use super::validate::validate;
use crate::model::{FORMAT_VERSION, Session};

/// Sessions larger than this are refused before parsing (a 100 MB article makes a
/// session of about 100 MB; anything far beyond is not ours).
pub const MAX_SESSION_BYTES: u64 = 1 << 30;

/// A loaded session plus anything the user should be told about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The session, ready to use.
    pub session: Session,
    /// Problems that were repaired or need a look, in plain words.
    pub warnings: Vec<String>,
}

/// Writes a session as RON. The same session always gives the same text.
///
/// Hand-written for speed (see `writer.rs`); the text is exactly what
/// [`to_ron_generic`] writes, which defines the format.
pub fn to_ron(session: &Session) -> String {
    super::writer::write_session(session)
}

/// The session as written by ron's generic pretty serializer: the reference that
/// [`to_ron`] must match byte for byte. Slow; kept for the equivalence tests.
#[doc(hidden)]
pub fn to_ron_generic(session: &Session) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_owned())
        .new_line("\n".to_owned())
        .struct_names(false);
    let body = match ron::ser::to_string_pretty(session, config) {
        Ok(body) => body,
        // Serialising plain structs, strings and numbers cannot fail; keep a trace if it ever does.
        Err(e) => format!("// serialisation failed: {e}"),
    };
    format!("{}{body}\n", super::writer::HEADER)
}

/// The `format_version` a file declares, read without parsing the whole file (which
/// may be of a newer shape than this build understands).
fn declared_version(text: &str) -> Option<u32> {
    let rest = &text[text.find("format_version")? + "format_version".len()..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let digits: &str = &rest[..rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len())];
    digits.parse().ok()
}

/// The 1-based line of git's first conflict marker (`<<<<<<< ` at the start of a
/// line), if any. Claimdesk never writes a line starting with `<`: every line of a
/// session is indented, a bracket or the header comment.
fn conflict_marker_line(text: &str) -> Option<usize> {
    let at_start = text.starts_with("<<<<<<<");
    let at = if at_start {
        0
    } else {
        text.find("\n<<<<<<<")? + 1
    };
    Some(text[..at].matches('\n').count() + 1)
}

/// How deeply RON values may nest. A session nests about 6 levels; the limit stops
/// hostile files (`[[[[...`) from exhausting the stack.
const RECURSION_LIMIT: usize = 64;

/// Parses session text, refusing newer format versions and checking consistency.
///
/// Fields this build does not know (written by a newer or another program) are
/// ignored and reported as a warning, since saving will drop them.
pub fn from_ron(text: &str) -> Result<Loaded, LoadErrorKind> {
    if text.trim().is_empty() {
        return Err(LoadErrorKind::Empty);
    }
    if text.contains('\0') {
        return Err(LoadErrorKind::NotText);
    }
    if let Some(line) = conflict_marker_line(text) {
        return Err(LoadErrorKind::ConflictMarkers { line });
    }
    let options = ron::Options::default().with_recursion_limit(RECURSION_LIMIT);
    if let Some(found) = declared_version(text)
        && found > FORMAT_VERSION
    {
        return Err(LoadErrorKind::NewerVersion {
            found,
            supported: FORMAT_VERSION,
        });
    }
    let mut unknown = Vec::new();
    let file = parse_noting_unknown_fields(text, &options, &mut unknown).map_err(|e| {
        let (line, column) = (e.span.start.line, e.span.start.col);
        // Unclosed brackets mean "cut off" only when the parser got to the end: a
        // hostile `[[[[...` fails at its first character, or on the nesting limit.
        let too_deep = is_too_deep(&e.code);
        let near_end = near_end(text, line, column);
        if matches!(e.code, ron::Error::Eof) || (!too_deep && near_end && cut_off(text)) {
            LoadErrorKind::Truncated { line, column }
        } else {
            LoadErrorKind::NotASession {
                line,
                column,
                message: parser_words(&e.code),
            }
        }
    })?;
    // The quick probe above reads the first `format_version` in the text, which a
    // comment can fake; the parsed field decides (found by fuzzing).
    if file.version() > FORMAT_VERSION {
        return Err(LoadErrorKind::NewerVersion {
            found: file.version(),
            supported: FORMAT_VERSION,
        });
    }
    // Version 0 was never written by any Claimdesk: read it as the first version,
    // and say so, since the file came from somewhere else or was edited by hand.
    let declared_zero = file.version() == 0;
    let mut loaded = validate(file.migrate())?;
    if declared_zero {
        loaded.warnings.push(format!(
            "This file says it is format version 0, which no Claimdesk has written (the first is 1); it was read as version 1 and will be saved as version {FORMAT_VERSION}. Check it if it came from another program."
        ));
    }
    if !unknown.is_empty() {
        const SHOWN: usize = 5;
        let more = unknown.len().saturating_sub(SHOWN);
        let mut list = unknown
            .iter()
            .take(SHOWN)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ");
        if more > 0 {
            list.push_str(&format!(" and {more} more"));
        }
        loaded.warnings.insert(
            0,
            format!(
                "This file has fields this version of Claimdesk does not know ({list}); they were ignored and will not be kept when you save."
            ),
        );
    }
    Ok(loaded)
}

/// Whether the parser stopped at the nesting limit (reported as its own error, or
/// as a message when it happened inside a field being skipped).
fn is_too_deep(code: &ron::Error) -> bool {
    matches!(code, ron::Error::ExceededRecursionLimit)
        || code.to_string().contains("recursion limit")
}

/// The parser's message in plain words. Its message for the nesting limit is
/// written for programmers ("try increasing `ron::Options::recursion_limit` and
/// using `serde_stacker`"), not for someone who opened a file.
fn parser_words(code: &ron::Error) -> String {
    if is_too_deep(code) {
        format!(
            "values are nested more than {RECURSION_LIMIT} levels deep, far deeper than in any session"
        )
    } else {
        code.to_string()
    }
}

fn parse_noting_unknown_fields(
    text: &str,
    options: &ron::Options,
    unknown: &mut Vec<String>,
) -> Result<SessionFile, ron::error::SpannedError> {
    let mut de = ron::Deserializer::from_str_with_options(text, options)?;
    let session: SessionFile = serde_ignored::deserialize(&mut de, |path| {
        unknown.push(path.to_string());
    })
    .map_err(|e| de.span_error(e))?;
    de.end().map_err(|e| de.span_error(e))?;
    Ok(session)
}

/// Whether the 1-based `line`:`column` is within the last few characters of the
/// text (where a parser stops on a file cut off mid-token).
fn near_end(text: &str, line: usize, column: usize) -> bool {
    let before: usize = text
        .split('\n')
        .take(line.saturating_sub(1))
        .map(|l| l.chars().count() + 1)
        .sum();
    let offset = before + column.saturating_sub(1);
    text.trim_end().chars().count().saturating_sub(offset) <= 100
}

/// Whether the text stops before its brackets or a string are closed: the mark of
/// a file cut off while being copied, as opposed to one with something wrong in it.
fn cut_off(text: &str) -> bool {
    let mut depth = 0i64;
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '/' if chars.peek() == Some(&'/') => while chars.next_if(|&c| c != '\n').is_some() {},
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    in_string || depth > 0
}

/// Parses session bytes: UTF-8 (a byte-order mark is skipped) or UTF-16 with a
/// byte-order mark (an editor may have re-encoded the file; loaded with a warning).
pub fn from_bytes(bytes: &[u8]) -> Result<Loaded, LoadErrorKind> {
    if bytes.len() as u64 > MAX_SESSION_BYTES {
        return Err(LoadErrorKind::TooLarge(bytes.len() as u64 / 1_000_000));
    }
    if let Some(decoded) = crate::import::decode_utf16_with_bom(bytes) {
        let text = decoded.map_err(|_| LoadErrorKind::NotText)?;
        let mut loaded = from_ron(&text)?;
        loaded.warnings.push(
            "The file was stored as UTF-16 (another program re-encoded it); Claimdesk will save it as UTF-8.".into(),
        );
        return Ok(loaded);
    }
    if bytes.contains(&0) {
        return Err(LoadErrorKind::NotText);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LoadErrorKind::NotUtf8(e.valid_up_to()))?;
    from_ron(text.strip_prefix('\u{feff}').unwrap_or(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_cut_anywhere_is_reported_as_truncated() {
        let text = to_ron(&crate::model::Session::new(
            crate::import::import_text("Title\n\nBody text.", None).unwrap(),
        ));
        for cut in [80, 200, text.len() / 2, text.len() - 3] {
            let err = from_ron(&text[..cut]).unwrap_err();
            assert!(
                matches!(err, LoadErrorKind::Truncated { .. }),
                "cut at {cut}: {err}"
            );
        }
        assert!(matches!(
            from_ron("(format_version: 1, x: ]"),
            Err(LoadErrorKind::NotASession { .. })
        ));
    }

    /// Issue 15: "try increasing `ron::Options::recursion_limit` and using
    /// `serde_stacker`" reached the user.
    #[test]
    fn deep_nesting_is_explained_in_plain_words() {
        let text = to_ron(&crate::model::Session::new(
            crate::import::import_text("Title\n\nBody text.", None).unwrap(),
        ));
        let deep = "[".repeat(5_000);
        let parens = "(".repeat(5_000);
        for hostile in [
            text.replacen(
                "format_version: 2,",
                &format!("format_version: 2, extra: {parens}"),
                1,
            ),
            text.replacen(
                "format_version: 2,",
                &format!("format_version: 2, extra: {deep}"),
                1,
            ),
        ] {
            let msg = from_ron(&hostile).unwrap_err().to_string();
            assert!(msg.contains("nested more than 64 levels"), "{msg}");
            assert!(
                !msg.contains("serde_stacker") && !msg.contains("ron::"),
                "{msg}"
            );
        }
    }

    /// Issue 15: `format_version: 0` loaded without a word.
    #[test]
    fn format_version_zero_loads_with_a_warning() {
        let text = to_ron(&crate::model::Session::new(
            crate::import::import_text("Title\n\nBody text.", None).unwrap(),
        ));
        let zero = text.replacen("format_version: 2,", "format_version: 0,", 1);
        let loaded = from_ron(&zero).unwrap();
        assert!(
            loaded
                .warnings
                .iter()
                .any(|w| w.contains("format version 0")),
            "{:?}",
            loaded.warnings
        );
        assert_eq!(loaded.session.format_version, FORMAT_VERSION);
        assert!(from_ron(&text).unwrap().warnings.is_empty());
    }
}
