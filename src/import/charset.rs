//! Decoding a web page's bytes: by its byte-order mark, else the charset the server
//! or the page declares, with a fallback when the declaration lies.
//!
//! Declarations lie often in one direction: a page says `iso-8859-1` or
//! `windows-1252` but is really UTF-8 (a template copied from an old site). UTF-8
//! is so unlikely to validate by chance that bytes which are valid UTF-8 and not
//! plain ASCII are read as UTF-8 whatever the page says. A page that declares
//! UTF-8 but is not valid UTF-8 is read as windows-1252, the web's old default.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How many leading bytes are searched for a `<meta charset>` (browsers look at
/// 1024; some pages put a long comment or many scripts first).
const PRESCAN: usize = 4096;

/// The page's text and the encoding it was read as.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> (String, &'static Encoding) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc);
    }
    let declared = content_type
        .and_then(charset_param)
        .or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN)]))
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        // A page cannot be UTF-16 without a byte-order mark; browsers read it as UTF-8.
        .map(|e| {
            if e == UTF_16LE || e == UTF_16BE {
                UTF_8
            } else {
                e
            }
        });
    let valid_utf8 = std::str::from_utf8(bytes).ok();
    match (declared, valid_utf8) {
        (_, Some(text)) if !text.is_ascii() || declared.is_none_or(|e| e == UTF_8) => {
            (text.to_owned(), UTF_8)
        }
        (Some(enc), _) if enc != UTF_8 => {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            (text.into_owned(), enc)
        }
        // Declared UTF-8 but invalid, or nothing declared and not UTF-8.
        _ => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), WINDOWS_1252)
        }
    }
}

/// The `charset=` parameter of a `Content-Type` value.
fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (key, value) = p.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
    })
}

/// The charset a page declares in its first bytes: `<meta charset="...">`,
/// `<meta http-equiv="Content-Type" content="...; charset=...">` or an XML
/// declaration's `encoding="..."`.
fn meta_charset(head: &[u8]) -> Option<String> {
    let lower = head.to_ascii_lowercase();
    if lower.starts_with(b"<?xml")
        && let Some(label) = attribute_after(&lower, b"encoding=")
    {
        return Some(label);
    }
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let tag_start = from + at;
        let tag_end = find(&lower[tag_start..], b">").map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(label) = attribute_after(tag, b"charset=") {
            return Some(label);
        }
        from = tag_end;
    }
    None
}

/// The value after `key` in `tag` (quoted or not), as text.
fn attribute_after(tag: &[u8], key: &[u8]) -> Option<String> {
    let at = find(tag, key)? + key.len();
    let rest = &tag[at..];
    let rest = &rest[rest.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .take_while(|&&b| {
            !matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') && !b.is_ascii_whitespace()
        })
        .count();
    let label = std::str::from_utf8(&rest[..len]).ok()?.trim();
    (!label.is_empty()).then(|| label.to_owned())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declared_charset_is_used() {
        let page = b"<html><head><meta charset=\"ISO-8859-1\"></head><body>caf\xe9</body>";
        let (text, enc) = decode_html(page, None);
        assert!(text.contains("café"), "{text}");
        assert_eq!(enc, WINDOWS_1252);
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">\xcf\xf0\xe8\xe2\xe5\xf2";
        assert!(decode_html(page, None).0.ends_with("Привет"));
        let page = b"<p>\xcf\xf0\xe8\xe2\xe5\xf2";
        assert!(
            decode_html(page, Some("text/html; charset=\"koi8-r\""))
                .0
                .ends_with("оПХБЕР")
        );
    }

    #[test]
    fn a_lying_declaration_falls_back() {
        // Says Latin-1, is UTF-8.
        let page = "<meta charset=iso-8859-1><p>café – “quoted”".as_bytes();
        let (text, enc) = decode_html(page, None);
        assert!(text.ends_with("café – “quoted”"), "{text}");
        assert_eq!(enc, UTF_8);
        // Says UTF-8, is Latin-1.
        let page = b"<meta charset=utf-8><p>caf\xe9";
        let (text, enc) = decode_html(page, None);
        assert!(text.ends_with("café"), "{text}");
        assert_eq!(enc, WINDOWS_1252);
        // Says UTF-16 without a byte-order mark: read as UTF-8.
        let page = "<meta charset=utf-16><p>é".as_bytes();
        assert!(decode_html(page, None).0.ends_with('é'));
    }

    #[test]
    fn byte_order_marks_win() {
        let mut page = vec![0xFF, 0xFE];
        for u in "<meta charset=iso-8859-1><p>é".encode_utf16() {
            page.extend_from_slice(&u.to_le_bytes());
        }
        assert!(decode_html(&page, None).0.ends_with("<p>é"));
        let page = b"\xEF\xBB\xBF<meta charset=koi8-r><p>\xc3\xa9";
        assert!(decode_html(page, None).0.ends_with("<p>é"));
    }

    #[test]
    fn xml_declarations_are_read() {
        let page = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><p>caf\xe9";
        assert!(decode_html(page, None).0.ends_with("café"));
    }
}
