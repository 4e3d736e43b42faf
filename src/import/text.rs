//! Plain text and Markdown: decoded and kept exactly as written, since claims
//! point into the text by character offset.

use super::ImportError;
use crate::model::Article;

/// Imports article bytes: decodes UTF-8 (or UTF-16 with a BOM), drops a BOM, turns
/// CRLF and lone CR into LF, and takes the first line (or `# heading`) as the title.
/// Otherwise the text is kept exactly, since anchors point into it.
pub fn import_bytes(bytes: &[u8], path: Option<String>) -> Result<Article, ImportError> {
    let text = decode(bytes)?;
    import_text(&text, path)
}

/// Imports already decoded text (see [`import_bytes`]).
pub fn import_text(text: &str, path: Option<String>) -> Result<Article, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\0') {
        return Err(ImportError::Binary);
    }
    let text = normalise_line_ends(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let title = title_of(&text);
    Ok(Article::new(title, text, path))
}

/// Decodes UTF-16 text that starts with a byte-order mark (as Windows editors save
/// "Unicode" text). `None` when there is no UTF-16 byte-order mark; an error when
/// the rest is not valid UTF-16 (odd length, unpaired surrogates).
pub fn decode_utf16_with_bom(bytes: &[u8]) -> Option<Result<String, ImportError>> {
    let (data, le) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (rest, true),
        [0xFE, 0xFF, rest @ ..] => (rest, false),
        _ => return None,
    };
    if !data.len().is_multiple_of(2) {
        return Some(Err(ImportError::Binary));
    }
    let units = data.chunks_exact(2).map(|c| {
        let pair = [
            c.first().copied().unwrap_or(0),
            c.get(1).copied().unwrap_or(0),
        ];
        if le {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| ImportError::Binary),
    )
}

pub(crate) fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    if let Some(decoded) = decode_utf16_with_bom(bytes) {
        return decoded;
    }
    if bytes.contains(&0) {
        return Err(ImportError::Binary);
    }
    String::from_utf8(bytes.to_vec())
        .map_err(|e| ImportError::NotUtf8(e.utf8_error().valid_up_to()))
}

pub(crate) fn normalise_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

pub(crate) fn title_of(text: &str) -> String {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let title = first.trim_start_matches('#').trim();
    let title: String = title.chars().take(200).collect();
    if title.is_empty() {
        "Untitled article".to_owned()
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_line_ends_and_bom_but_keeps_text() {
        let a = import_bytes(b"\xEF\xBB\xBFTitle\r\n\r\nBody  text.\rMore", None).unwrap();
        assert_eq!(a.text, "Title\n\nBody  text.\nMore");
        assert_eq!(a.title, "Title");
    }

    #[test]
    fn markdown_heading_becomes_title() {
        let a = import_text("\n\n## Big news \nBody", None).unwrap();
        assert_eq!(a.title, "Big news");
        assert_eq!(a.text, "\n\n## Big news \nBody");
    }

    #[test]
    fn rejects_empty_binary_and_bad_utf8() {
        assert!(matches!(import_bytes(b"", None), Err(ImportError::Empty)));
        assert!(matches!(
            import_bytes(b" \n\t\n", None),
            Err(ImportError::Empty)
        ));
        assert!(matches!(
            import_bytes(b"PK\x03\x04\0\0", None),
            Err(ImportError::Binary)
        ));
        assert!(matches!(
            import_bytes(b"ok \xC3\x28 no", None),
            Err(ImportError::NotUtf8(3))
        ));
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Héllo\r\nworld".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let a = import_bytes(&bytes, None).unwrap();
        assert_eq!(a.text, "Héllo\nworld");
    }

    #[test]
    fn imports_the_seed_article() {
        let a = import_text(crate::SEED_ARTICLE, Some("seed".into())).unwrap();
        assert_eq!(
            a.title,
            "To spy on the Taliban, Putin offers Washington his bases"
        );
        assert!(a.word_count() > 300);
    }
}
