//! A look at a PDF's compressed streams before any parser sees them: a "PDF bomb"
//! is a small file whose streams inflate to gigabytes, and the parsers inflate
//! streams whole, without a limit. Each Flate stream that a text reader would
//! inflate is inflated here into nothing, counting bytes, and the file is refused
//! when one stream or all of them together inflate beyond the limits.

use flate2::read::ZlibDecoder;
use std::io::Read;

/// The most one stream may inflate to (a page's content stream is rarely over a
/// few megabytes; an embedded font up to ten).
pub const MAX_STREAM_BYTES: u64 = 64 << 20;

/// The most all of them together may inflate to.
pub const MAX_TOTAL_BYTES: u64 = 512 << 20;

/// What the scan found: how much the streams inflate to, or the first stream
/// that inflates too far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scan {
    /// Within limits: total inflated size of the streams looked at.
    Fine(u64),
    /// One stream, or all of them, inflate beyond the limit (megabytes seen).
    Bomb(u64),
}

/// Scans the raw file for `stream ... endstream` bodies with a Flate filter,
/// skipping images (the text reader never inflates them).
pub fn scan(bytes: &[u8]) -> Scan {
    let mut total = 0u64;
    let mut pos = 0;
    while let Some(at) = find(&bytes[pos..], b"stream") {
        let kw = pos + at;
        pos = kw + 6;
        // "endstream" contains "stream": skip it.
        if kw >= 3 && &bytes[kw - 3..kw] == b"end" {
            continue;
        }
        let mut start = kw + 6;
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) != Some(&b'\n') {
            continue;
        }
        start += 1;
        let dict = dictionary_before(bytes, kw);
        if !mentions(dict, b"/FlateDecode") && !mentions(dict, b"/Fl ") && !mentions(dict, b"/Fl/")
        {
            continue;
        }
        if mentions(dict, b"/Image") {
            continue;
        }
        let end = find(&bytes[start..], b"endstream").map_or(bytes.len(), |e| start + e);
        let inflated = inflated_size(&bytes[start..end], MAX_STREAM_BYTES + 1);
        if inflated > MAX_STREAM_BYTES {
            return Scan::Bomb(inflated >> 20);
        }
        total += inflated;
        if total > MAX_TOTAL_BYTES {
            return Scan::Bomb(total >> 20);
        }
        pos = end;
    }
    Scan::Fine(total)
}

/// The object dictionary that ends just before `stream` (up to 4 kB back).
fn dictionary_before(bytes: &[u8], kw: usize) -> &[u8] {
    let from = kw.saturating_sub(4096);
    let window = &bytes[from..kw];
    // The dictionary starts after the last "obj" keyword before the stream.
    let start = rfind(window, b"obj").map_or(0, |i| i + 3);
    &window[start..]
}

fn mentions(dict: &[u8], what: &[u8]) -> bool {
    find(dict, what).is_some()
}

/// How many bytes `data` inflates to, counting no further than `cap`. Data that
/// is not valid zlib counts what inflated before the error.
fn inflated_size(data: &[u8], cap: u64) -> u64 {
    let mut decoder = ZlibDecoder::new(data).take(cap);
    let mut sink = [0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        match decoder.read(&mut sink) {
            Ok(0) | Err(_) => return total,
            Ok(n) => total += n as u64,
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr_find(haystack, needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Substring search that skips ahead on the first byte (the scan runs over the
/// whole file).
fn memchr_find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut i = 0;
    while i + needle.len() <= haystack.len() {
        let at = haystack[i..].iter().position(|&b| b == first)?;
        i += at;
        if haystack.get(i + 1..i + needle.len()) == Some(rest) {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::ZlibEncoder;
    use std::io::Write;

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut e = ZlibEncoder::new(Vec::new(), Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn pdf_with_stream(dict: &str, body: &[u8]) -> Vec<u8> {
        let mut out = b"%PDF-1.4\n1 0 obj\n".to_vec();
        out.extend_from_slice(dict.as_bytes());
        out.extend_from_slice(b"\nstream\n");
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
        out
    }

    #[test]
    fn ordinary_streams_pass_and_bombs_do_not() {
        let small = pdf_with_stream("<< /Filter /FlateDecode >>", &deflate(b"BT (Hi) Tj ET"));
        assert_eq!(scan(&small), Scan::Fine(13));
        let zeros = vec![0u8; (MAX_STREAM_BYTES + 1024) as usize];
        let bomb = pdf_with_stream("<< /Length 99 /Filter /FlateDecode >>", &deflate(&zeros));
        assert!(bomb.len() < 200_000, "the bomb is small: {}", bomb.len());
        assert!(matches!(scan(&bomb), Scan::Bomb(64)));
        // Images are not inflated by the text reader, so they are not counted.
        let image = pdf_with_stream(
            "<< /Subtype /Image /Filter /FlateDecode >>",
            &deflate(&zeros),
        );
        assert_eq!(scan(&image), Scan::Fine(0));
    }
}
