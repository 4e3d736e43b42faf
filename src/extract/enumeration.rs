//! Lists written inside one paragraph: "Three steps: 1. Congress votes. 2. The
//! president signs.", "(a) ... (b) ...", "• ... • ...".
//!
//! An item marker is a number or letter with ".", ")", ".)" or in brackets, at the
//! start of a word and followed by a space. It starts a new sentence (and is left
//! out of it) when it continues a list already seen in the block ("2." after "1."),
//! when it opens the block (after a list bullet), or when it is the first item
//! ("1.", "a)", "(A)") after a full stop, a colon or a semicolon, its text starts with
//! a capital and the next item follows within 2,000 bytes. A list inside a sentence
//! ("requires (1) a permit and (2) a fee") is not split.

use super::sentences::is_opener;

/// How far ahead the next item of a list is looked for.
const ITEM_MAX_BYTES: usize = 2000;

/// Look-ahead allowed per byte of the block (plus a fixed allowance), so that a
/// paragraph full of would-be markers stays linear.
const LOOKAHEAD_PER_BYTE: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Digit,
    Lower,
    Upper,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// "1."
    Dot,
    /// "1)"
    Paren,
    /// "1.)"
    DotParen,
    /// "(1)"
    Enclosed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Style {
    kind: Kind,
    form: Form,
}

#[derive(Clone, Copy, Debug)]
struct Marker {
    style: Style,
    value: u32,
    /// Where the item's text starts (after the marker and the spaces after it).
    text: usize,
}

/// The state of a list inside one block.
#[derive(Debug, Default)]
pub struct Enumeration {
    expected: Option<(Style, u32)>,
    lookahead_used: usize,
}

impl Enumeration {
    /// If an item marker that starts a new sentence is at byte `i` of `s` (the start
    /// of a word), returns where the item's text starts. `fresh` says that only
    /// whitespace, bullets or markers come before it in the block.
    pub fn marker_at(&mut self, s: &str, i: usize, fresh: bool) -> Option<usize> {
        let m = parse(s, i)?;
        let accept = if self.expected == Some((m.style, m.value)) {
            true
        } else {
            // "A." could be an initial: such a list must start at "A." and go on to "B.".
            let initial = m.style.kind == Kind::Upper && m.style.form == Form::Dot;
            let needs_next = !fresh || initial;
            let context = (fresh && (!initial || m.value == 1))
                || (m.value == 1 && after_break(s, i) && starts_item(s, m.text));
            context && (!needs_next || self.has_next(s, &m))
        };
        if accept {
            self.expected = Some((m.style, m.value + 1));
            Some(m.text)
        } else {
            None
        }
    }

    /// Whether the item after `m` follows within [`ITEM_MAX_BYTES`].
    fn has_next(&mut self, s: &str, m: &Marker) -> bool {
        let budget = LOOKAHEAD_PER_BYTE * s.len() + 10 * ITEM_MAX_BYTES;
        let end = s.len().min(m.text + ITEM_MAX_BYTES);
        let b = s.as_bytes();
        for p in m.text..end {
            if self.lookahead_used >= budget {
                return false;
            }
            self.lookahead_used += 1;
            let word_start = p == 0 || b[p - 1].is_ascii_whitespace();
            if word_start
                && (b[p].is_ascii_alphanumeric() || b[p] == b'(')
                && parse(s, p).is_some_and(|n| n.style == m.style && n.value == m.value + 1)
            {
                return true;
            }
        }
        false
    }
}

/// The marker at byte `i`, if any (ASCII only, so `i` may be any byte offset).
fn parse(s: &str, i: usize) -> Option<Marker> {
    let b = s.as_bytes();
    let first = *b.get(i)?;
    let (kind, value, mut p, enclosed) = if first == b'(' {
        let (kind, value, len) = label(b, i + 1)?;
        if b.get(i + 1 + len) != Some(&b')') {
            return None;
        }
        (kind, value, i + 2 + len, true)
    } else {
        let (kind, value, len) = label(b, i)?;
        (kind, value, i + len, false)
    };
    let form = if enclosed {
        Form::Enclosed
    } else {
        match (b.get(p), b.get(p + 1)) {
            (Some(b'.'), Some(b')')) => {
                p += 2;
                Form::DotParen
            }
            (Some(b'.'), _) => {
                p += 1;
                Form::Dot
            }
            (Some(b')'), _) => {
                p += 1;
                Form::Paren
            }
            _ => return None,
        }
    };
    if !b.get(p).is_some_and(u8::is_ascii_whitespace) {
        return None;
    }
    while b.get(p).is_some_and(u8::is_ascii_whitespace) {
        p += 1;
    }
    if p >= b.len() {
        return None;
    }
    Some(Marker {
        style: Style { kind, form },
        value,
        text: p,
    })
}

/// A list label at byte `i`: one or two digits (1 to 99) or one ASCII letter, not
/// followed by another letter or digit. Returns its kind, value and length.
fn label(b: &[u8], i: usize) -> Option<(Kind, u32, usize)> {
    let c = *b.get(i)?;
    if c.is_ascii_digit() {
        let len = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if len > 2 {
            return None;
        }
        let value = b[i..i + len]
            .iter()
            .fold(0u32, |v, d| v * 10 + u32::from(d - b'0'));
        return (value > 0).then_some((Kind::Digit, value, len));
    }
    if b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    if c.is_ascii_lowercase() {
        Some((Kind::Lower, u32::from(c - b'a') + 1, 1))
    } else if c.is_ascii_uppercase() {
        Some((Kind::Upper, u32::from(c - b'A') + 1, 1))
    } else {
        None
    }
}

/// Whether a full stop, a colon or a semicolon (perhaps with closing quotes or
/// brackets) comes before byte `i`, with only whitespace between.
fn after_break(s: &str, i: usize) -> bool {
    let before = s[..i].trim_end();
    let before = before.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    before.ends_with(['.', '!', '?', '…', ':', ';', '。', '！', '？'])
}

/// Whether an item's text at `i` starts like a sentence (capital, digit or a letter
/// of a script without case), not like the rest of a sentence.
fn starts_item(s: &str, i: usize) -> bool {
    s[i..].chars().find(|&c| !is_opener(c)).is_some_and(|c| {
        c.is_uppercase() || c.is_numeric() || (c.is_alphabetic() && !c.is_lowercase())
    })
}

/// Whether a bullet used inside a paragraph ("Highlights: • Taxes rose • Jobs fell")
/// is at byte `i`: a bullet character followed by whitespace.
pub fn is_inline_bullet(s: &str, i: usize) -> bool {
    let mut chars = s[i..].chars();
    chars
        .next()
        .is_some_and(|c| matches!(c, '•' | '●' | '▪' | '■' | '◦' | '‣' | '►' | '▸' | '➤' | '➢'))
        && chars.next().is_some_and(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_parse() {
        let m = parse("1. Item", 0).unwrap();
        assert_eq!((m.value, m.text), (1, 3));
        assert_eq!(parse("12) Item", 0).unwrap().style.form, Form::Paren);
        assert_eq!(parse("3.) Item", 0).unwrap().style.form, Form::DotParen);
        assert_eq!(parse("(b) Item", 0).unwrap().value, 2);
        assert_eq!(parse("C. Item", 0).unwrap().style.kind, Kind::Upper);
        for no in [
            "1990. Item",
            "3.5 percent",
            "e.g. this",
            "ab. c",
            "1.",
            "0. Item",
            "(12a) x",
        ] {
            assert!(parse(no, 0).is_none(), "{no:?}");
        }
    }

    #[test]
    fn lookahead_is_bounded() {
        // Thousands of would-be first items without a second one.
        let text = "Stop. 1. A ".repeat(20_000);
        let mut e = Enumeration::default();
        let mut i = 0;
        let mut accepted = 0;
        while let Some(p) = text[i..].find("1. ").map(|p| p + i) {
            accepted += usize::from(e.marker_at(&text, p, false).is_some());
            i = p + 3;
        }
        assert_eq!(accepted, 0);
        assert!(e.lookahead_used <= LOOKAHEAD_PER_BYTE * text.len() + 10 * ITEM_MAX_BYTES);
    }
}
