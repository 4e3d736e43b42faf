//! The RON session format: deterministic writing, versioned and validated reading.

use super::error::LoadErrorKind;
use super::validate::validate;
use crate::model::{FORMAT_VERSION, Session};
use serde::Deserialize;

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
pub fn to_ron(session: &Session) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_owned())
        .new_line("\n".to_owned())
        .struct_names(false);
    let body = match ron::ser::to_string_pretty(session, config) {
        Ok(body) => body,
        // Serialising plain structs, strings and numbers cannot fail; keep a trace if it ever does.
        Err(e) => format!("// serialisation failed: {e}"),
    };
    format!("// Claimdesk session. Format: docs/session-format.md\n{body}\n")
}

#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
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
    let options = ron::Options::default().with_recursion_limit(RECURSION_LIMIT);
    if let Ok(probe) = options.from_str::<VersionProbe>(text)
        && probe.format_version > FORMAT_VERSION
    {
        return Err(LoadErrorKind::NewerVersion {
            found: probe.format_version,
            supported: FORMAT_VERSION,
        });
    }
    let mut unknown = Vec::new();
    let session = parse_noting_unknown_fields(text, &options, &mut unknown).map_err(|e| {
        let (line, column) = (e.span.start.line, e.span.start.col);
        if matches!(e.code, ron::Error::Eof) {
            LoadErrorKind::Truncated { line, column }
        } else {
            LoadErrorKind::NotASession {
                line,
                column,
                message: e.code.to_string(),
            }
        }
    })?;
    let mut loaded = validate(session)?;
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

fn parse_noting_unknown_fields(
    text: &str,
    options: &ron::Options,
    unknown: &mut Vec<String>,
) -> Result<Session, ron::error::SpannedError> {
    let mut de = ron::Deserializer::from_str_with_options(text, options)?;
    let session: Session = serde_ignored::deserialize(&mut de, |path| {
        unknown.push(path.to_string());
    })
    .map_err(|e| de.span_error(e))?;
    de.end().map_err(|e| de.span_error(e))?;
    Ok(session)
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
