//! What an original holds: a web page, a PDF or text. The content decides first
//! (a PDF starts with `%PDF-`, a page with `<!doctype html>` or `<html>`), then
//! the server's content type, then the file's extension, then a weaker look at
//! the content.

/// The kind of an original, as detected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detected {
    /// Plain text or Markdown.
    Text,
    /// HTML or XHTML.
    Html,
    /// A PDF.
    Pdf,
    /// Some other binary file (an image, an archive, a word-processor file).
    Binary,
}

/// How many leading bytes are looked at.
const SNIFF: usize = 2048;

/// Detects the kind of `bytes`. `name` is a file name or URL whose extension is a
/// hint; `content_type` the server's `Content-Type`, when downloaded.
pub fn detect(bytes: &[u8], name: Option<&str>, content_type: Option<&str>) -> Detected {
    let head = sniff_prefix(bytes);
    // PDF readers accept the marker anywhere in the first kilobyte.
    if find(&head[..head.len().min(1024)], b"%PDF-").is_some() {
        return Detected::Pdf;
    }
    let lower = head.to_ascii_lowercase();
    let start = trim_start(&lower);
    if starts_like_html(start) {
        return Detected::Html;
    }
    let mime = content_type
        .and_then(|c| c.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase());
    match mime.as_deref() {
        Some("text/html" | "application/xhtml+xml") => return Detected::Html,
        Some("application/pdf" | "application/x-pdf") => return Detected::Pdf,
        Some("text/plain" | "text/markdown") => return text_or_binary(bytes),
        _ => {}
    }
    let ext = name.and_then(extension_of);
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml" | "xht" | "shtml" | "php" | "asp" | "aspx") => {
            return Detected::Html;
        }
        Some("pdf") => return Detected::Pdf,
        Some("txt" | "md" | "markdown" | "text") => return text_or_binary(bytes),
        _ => {}
    }
    if looks_like_markup(&lower) {
        return Detected::Html;
    }
    text_or_binary(bytes)
}

/// The first bytes to look at; UTF-16 text (with a byte-order mark) is narrowed
/// to its ASCII so that a UTF-16 page is recognised too.
fn sniff_prefix(bytes: &[u8]) -> Vec<u8> {
    let head = &bytes[..bytes.len().min(SNIFF)];
    match head {
        [0xFF, 0xFE, rest @ ..] => rest.iter().step_by(2).copied().collect(),
        [0xFE, 0xFF, rest @ ..] => rest.iter().skip(1).step_by(2).copied().collect(),
        [0xEF, 0xBB, 0xBF, rest @ ..] => rest.to_vec(),
        _ => head.to_vec(),
    }
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[n..]
}

/// A document that begins as HTML does: a doctype, `<html>`, an XML declaration
/// of an XHTML page, or a browser's "saved from" comment.
fn starts_like_html(start: &[u8]) -> bool {
    let mut s = start;
    // Comments before the doctype ("saved from url=", SingleFile's banner).
    while s.starts_with(b"<!--") {
        if s.starts_with(b"<!-- saved from url=") || s.starts_with(b"<!--saved from url=") {
            return true;
        }
        match find(s, b"-->") {
            Some(end) => s = trim_start(&s[end + 3..]),
            None => return false,
        }
    }
    s.starts_with(b"<!doctype html")
        || s.starts_with(b"<html")
        || (s.starts_with(b"<?xml") && find(s, b"<html").is_some())
}

/// Tags that only markup has, near the start.
fn looks_like_markup(lower: &[u8]) -> bool {
    [
        &b"<head"[..],
        b"<body",
        b"<meta ",
        b"<title>",
        b"<article",
        b"<div",
        b"<p>",
    ]
    .iter()
    .any(|tag| find(lower, tag).is_some())
}

fn text_or_binary(bytes: &[u8]) -> Detected {
    let has_utf16_bom = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !has_utf16_bom && bytes[..bytes.len().min(8192)].contains(&0) {
        Detected::Binary
    } else {
        Detected::Text
    }
}

/// The lower-case extension of a file name or of a URL's path.
fn extension_of(name: &str) -> Option<String> {
    let path = name.split(['?', '#']).next().unwrap_or(name);
    let last = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let (_, ext) = last.rsplit_once('.')?;
    (!ext.is_empty() && ext.len() <= 8).then(|| ext.to_ascii_lowercase())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_before_the_name() {
        assert_eq!(detect(b"%PDF-1.7\n...", Some("a.txt"), None), Detected::Pdf);
        assert_eq!(
            detect(b"\n  <!DOCTYPE html><html>", Some("a.txt"), None),
            Detected::Html
        );
        assert_eq!(
            detect(
                b"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
                None,
                None
            ),
            Detected::Html
        );
        assert_eq!(
            detect(
                b"<!-- saved from url=(0022)https://example.org/ -->\n<html>",
                None,
                None
            ),
            Detected::Html
        );
        assert_eq!(
            detect(b"<!-- banner -->\n<!DOCTYPE html>", None, None),
            Detected::Html
        );
    }

    #[test]
    fn then_the_content_type_and_the_extension() {
        assert_eq!(
            detect(b"<p>Hi", None, Some("text/html; charset=utf-8")),
            Detected::Html
        );
        assert_eq!(
            detect(b"Title\n\nText", Some("page.HTM"), None),
            Detected::Html
        );
        assert_eq!(
            detect(b"Title\n\nText", Some("https://x.org/a.pdf?x=1"), None),
            Detected::Pdf
        );
        assert_eq!(
            detect(b"Title\n\n<div>", Some("notes.md"), None),
            Detected::Text
        );
        assert_eq!(detect(b"Title\n\n<div>x</div>", None, None), Detected::Html);
        assert_eq!(detect(b"Title\n\nText", None, None), Detected::Text);
        assert_eq!(
            detect(b"PK\x03\x04\0\0", Some("a.docx"), None),
            Detected::Binary
        );
    }

    #[test]
    fn utf16_pages_are_pages() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "<!DOCTYPE html><p>x".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(detect(&bytes, None, None), Detected::Html);
    }
}
