//! Sentence splitting with exact spans.
//!
//! The text is first cut into blocks (paragraphs, headings, list items: runs of
//! lines), then each block into sentences. Everything works on byte offsets inside
//! and is converted to character offsets once, at the end, so spans never split a
//! character and stay exact whatever the text contains.

use super::abbrev::{is_common_starter, is_maybe_final_abbreviation, is_never_final_abbreviation};
use std::ops::Range;

/// A block of text: a paragraph, heading, caption or list item (byte offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Byte range of the block's text, without surrounding whitespace.
    pub bytes: Range<usize>,
    /// Whether a blank line (or the start of the text) comes before it.
    pub blank_before: bool,
    /// Whether a blank line (or the end of the text) comes after it.
    pub blank_after: bool,
    /// Byte length of a leading list marker ("1. ", "- ", "• "), 0 when none.
    pub marker_len: usize,
}

/// Cuts `text` into blocks.
///
/// A blank line always ends a block. A single line break ends one too, unless the
/// line looks hard-wrapped: it has no closing punctuation and the next line goes on
/// in lower case (or the line ends with a comma or a word like "the"). List items
/// always start a new block.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut pos = 0;
    let mut prev_blank = true;
    let mut open: Option<Block> = None;
    for line in text.split('\n') {
        let line_start = pos;
        pos += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(mut b) = open.take() {
                b.blank_after = true;
                out.push(b);
            }
            prev_blank = true;
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let start = line_start + lead;
        let end = start + trimmed.len();
        let marker_len = list_marker_len(trimmed);
        if let Some(b) = open.as_mut() {
            let prev_line = &text[b.bytes.clone()];
            if marker_len == 0 && continues_line(prev_line, trimmed) {
                b.bytes.end = end;
                continue;
            }
        }
        if let Some(b) = open.take() {
            out.push(b);
        }
        open = Some(Block {
            bytes: start..end,
            blank_before: prev_blank,
            blank_after: false,
            marker_len,
        });
        prev_blank = false;
    }
    if let Some(mut b) = open.take() {
        b.blank_after = true;
        out.push(b);
    }
    out
}

/// Whether `next` continues the (hard-wrapped) sentence on `prev`.
fn continues_line(prev: &str, next: &str) -> bool {
    let Some(last) = prev.chars().last() else {
        return false;
    };
    if matches!(
        last,
        '.' | '!' | '?' | '…' | ':' | '"' | '”' | '’' | ')' | ']' | '»'
    ) {
        return false;
    }
    if matches!(last, ',' | ';' | '-' | '–' | '—' | '(' | '/' | '&') {
        return true;
    }
    let first = next.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return true;
    }
    let last_word = prev.rsplit(' ').next().unwrap_or("");
    matches!(
        last_word.to_ascii_lowercase().as_str(),
        "the" | "a" | "an" | "of" | "and" | "or" | "to" | "in" | "on" | "for" | "by" | "with"
    )
}

/// Byte length of a list marker and the spaces after it at the start of `line`.
fn list_marker_len(line: &str) -> usize {
    let bytes = line.as_bytes();
    let mut chars = line.char_indices();
    let Some((_, first)) = chars.next() else {
        return 0;
    };
    let marker_end = if matches!(first, '-' | '*' | '•' | '·' | '▪' | '‣' | '◦' | '–' | '—')
    {
        first.len_utf8()
    } else if first.is_ascii_digit() {
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        match bytes.get(digits) {
            Some(b'.' | b')') if digits <= 3 => digits + 1,
            _ => return 0,
        }
    } else if first == '(' {
        let inner = bytes[1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        match bytes.get(1 + inner) {
            Some(b')') if (1..=3).contains(&inner) => inner + 2,
            _ => return 0,
        }
    } else if first.is_ascii_lowercase() {
        match bytes.get(1) {
            Some(b'.' | b')') => 2,
            _ => return 0,
        }
    } else {
        return 0;
    };
    let rest = &line[marker_end..];
    let spaces = rest.len() - rest.trim_start().len();
    if spaces == 0 || rest.trim().is_empty() {
        return 0;
    }
    marker_end + spaces
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '›' | '}')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '‹' | '¿' | '¡'
    )
}

/// Splits one block (byte range `block`, list marker already skipped) into
/// sentence byte ranges, trimmed of surrounding whitespace.
pub fn split_block(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let Some(slice) = text.get(block.clone()) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut out = Vec::new();
    let mut sent_start = 0usize; // index into `chars`
    let mut i = 0usize;
    while i < chars.len() {
        let c = chars[i].1;
        if !is_terminal(c) {
            i += 1;
            continue;
        }
        let run_start = i;
        let mut j = i;
        while j < chars.len() && (is_terminal(chars[j].1) || is_closer(chars[j].1)) {
            j += 1;
        }
        if j >= chars.len() {
            break;
        }
        if !chars[j].1.is_whitespace() {
            // "3.5", "U.S.A", "example.com", "x@y.org", "e.g.,": not an end.
            i = j;
            continue;
        }
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k >= chars.len() {
            break;
        }
        let single_dot = chars[run_start].1 == '.'
            && (run_start + 1 == j || !is_terminal(chars[run_start + 1].1));
        let ends = if single_dot {
            dot_ends_sentence(slice, &chars, sent_start, run_start, k)
        } else {
            starts_sentence(slice, &chars, k)
        };
        if ends {
            push_trimmed(&mut out, slice, &chars, sent_start, j, block.start);
            sent_start = k;
        }
        i = k;
    }
    push_trimmed(
        &mut out,
        slice,
        &chars,
        sent_start,
        chars.len(),
        block.start,
    );
    out
}

fn push_trimmed(
    out: &mut Vec<Range<usize>>,
    slice: &str,
    chars: &[(usize, char)],
    from: usize,
    to: usize,
    base: usize,
) {
    let a = chars.get(from).map_or(slice.len(), |c| c.0);
    let b = chars.get(to).map_or(slice.len(), |c| c.0);
    let Some(part) = slice.get(a..b) else {
        return;
    };
    let lead = part.len() - part.trim_start().len();
    let body = part.trim();
    if !body.is_empty() {
        let s = base + a + lead;
        out.push(s..s + body.len());
    }
}

/// Whether the text at char index `k` can start a sentence.
fn starts_sentence(slice: &str, chars: &[(usize, char)], k: usize) -> bool {
    let Some(&(_, c)) = chars.get(k) else {
        return true;
    };
    if c.is_uppercase() || c.is_ascii_digit() || matches!(c, '$' | '£' | '€' | '¥' | '#' | '@')
    {
        return true;
    }
    if is_opener(c) || matches!(c, '-' | '•' | '*' | '–' | '—') {
        // An opening quote or bracket counts if what it opens looks like a start.
        return chars
            .get(k + 1)
            .is_some_and(|&(_, n)| n.is_uppercase() || n.is_ascii_digit() || is_opener(n));
    }
    let _ = slice;
    // Emoji and other symbols can open a sentence; lower case and punctuation cannot.
    !c.is_alphanumeric() && !c.is_ascii_punctuation() && !is_closer(c)
}

/// Decides whether a single '.' at `dot` (followed by whitespace, then `next`)
/// ends a sentence, looking at the word before it and the word after it.
fn dot_ends_sentence(
    slice: &str,
    chars: &[(usize, char)],
    sent_start: usize,
    dot: usize,
    next: usize,
) -> bool {
    if !starts_sentence(slice, chars, next) {
        return false;
    }
    // The token before the dot: back to whitespace or an opening bracket/quote.
    let mut t = dot;
    while t > sent_start && !chars[t - 1].1.is_whitespace() && !is_opener(chars[t - 1].1) {
        t -= 1;
    }
    let tok_a = chars[t].0;
    let tok = &slice[tok_a..chars[dot].0];
    if tok.is_empty() {
        return true;
    }
    let next_word = word_at(slice, chars, next);
    // Initials: "J. K. Rowling", "George W. Bush".
    if tok.chars().count() == 1 && tok.chars().all(char::is_uppercase) {
        return false;
    }
    if is_never_final_abbreviation(tok) {
        return false;
    }
    let lower = tok.to_ascii_lowercase();
    if lower == "a.m" || lower == "p.m" {
        // "at 5 a.m. Police arrived" ends; "5 a.m. EST" does not.
        let tz = next_word.len() <= 4 && next_word.chars().all(|c| c.is_ascii_uppercase());
        return !tz;
    }
    if is_maybe_final_abbreviation(tok) || is_dotted_initialism(tok) {
        return is_common_starter(next_word);
    }
    true
}

/// "U.S", "U.K", "Ph.D": letters in groups of at most two, separated by dots.
fn is_dotted_initialism(tok: &str) -> bool {
    tok.contains('.')
        && tok
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(char::is_alphabetic))
}

/// The word starting at (or just after an opening quote at) char index `k`.
fn word_at<'a>(slice: &'a str, chars: &[(usize, char)], k: usize) -> &'a str {
    let mut a = k;
    while a < chars.len() && is_opener(chars[a].1) {
        a += 1;
    }
    let mut b = a;
    while b < chars.len() && chars[b].1.is_alphanumeric() {
        b += 1;
    }
    let start = chars.get(a).map_or(slice.len(), |c| c.0);
    let end = chars.get(b).map_or(slice.len(), |c| c.0);
    &slice[start..end]
}

/// Converts increasing byte offsets to character offsets in one pass.
pub struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chr: usize,
}

impl<'a> CharCursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            chr: 0,
        }
    }

    /// Character offset of byte offset `b`. Offsets must not decrease between calls
    /// (a smaller one restarts from the beginning, which is correct but slower).
    pub fn to_char(&mut self, b: usize) -> usize {
        if b < self.byte {
            self.byte = 0;
            self.chr = 0;
        }
        let b = b.min(self.text.len());
        let gap = self.text.get(self.byte..b).unwrap_or("");
        self.chr += gap.chars().count();
        self.byte = b;
        self.chr
    }
}

/// Splits `text` into sentences, returned as character ranges in article order.
///
/// Each block (see [`blocks`]) is split on its own, so a heading or a list item is
/// never glued to the next paragraph.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut cursor = CharCursor::new(text);
    let mut out = Vec::new();
    for b in blocks(text) {
        for r in split_block(text, b.bytes.start + b.marker_len..b.bytes.end) {
            let s = cursor.to_char(r.start);
            let e = cursor.to_char(r.end);
            out.push(s..e);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::char_slice;

    fn sentences(text: &str) -> Vec<String> {
        split_sentences(text)
            .into_iter()
            .map(|r| char_slice(text, r.start, r.end).to_owned())
            .collect()
    }

    #[test]
    fn table_of_hard_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "Mr. Smith met Dr. Jones. They talked.",
                &["Mr. Smith met Dr. Jones.", "They talked."],
            ),
            (
                "The U.S. Army left. The U.S. is big.",
                &["The U.S. Army left.", "The U.S. is big."],
            ),
            (
                "He moved to the U.S. The move was hard.",
                &["He moved to the U.S.", "The move was hard."],
            ),
            (
                "On Jan. 5 the vote was held. It passed.",
                &["On Jan. 5 the vote was held.", "It passed."],
            ),
            (
                "Acme Co. said profits rose. Acme Inc. was sold.",
                &["Acme Co. said profits rose.", "Acme Inc. was sold."],
            ),
            (
                "J. K. Rowling and George W. Bush met. Fine.",
                &["J. K. Rowling and George W. Bush met.", "Fine."],
            ),
            (
                "Inflation hit 3.5 percent in 2021. It fell.",
                &["Inflation hit 3.5 percent in 2021.", "It fell."],
            ),
            (
                "It costs $100.00 now. Before it was $99.5 million.",
                &["It costs $100.00 now.", "Before it was $99.5 million."],
            ),
            (
                "They met at 5 a.m. Police arrived later.",
                &["They met at 5 a.m.", "Police arrived later."],
            ),
            (
                "It began at 5 a.m. EST and ended at 9 p.m. on Sunday.",
                &["It began at 5 a.m. EST and ended at 9 p.m. on Sunday."],
            ),
            (
                "Wait... what happened? Nothing... Then it rained.",
                &["Wait... what happened?", "Nothing...", "Then it rained."],
            ),
            (
                "He said, \"Stop.\" Then he left.",
                &["He said, \"Stop.\"", "Then he left."],
            ),
            (
                "“We will win!” he said. “Never!” She replied.",
                &["“We will win!” he said.", "“Never!”", "She replied."],
            ),
            (
                "The plan (announced Monday.) was dropped. (See the note.) Next.",
                &[
                    "The plan (announced Monday.) was dropped.",
                    "(See the note.)",
                    "Next.",
                ],
            ),
            (
                "Read https://example.com/a.b?c=1 now. Mail me at jo.doe@mail.example.org. Thanks.",
                &[
                    "Read https://example.com/a.b?c=1 now.",
                    "Mail me at jo.doe@mail.example.org.",
                    "Thanks.",
                ],
            ),
            ("Really?! Yes!! Good.", &["Really?!", "Yes!!", "Good."]),
            (
                "Items:\n1. Taxes rose 5%.\n2. Jobs fell.\n- A bullet point\n• Another one",
                &[
                    "Items:",
                    "Taxes rose 5%.",
                    "Jobs fell.",
                    "A bullet point",
                    "Another one",
                ],
            ),
            (
                "e.g. this and i.e. that. Done.",
                &["e.g. this and i.e. that.", "Done."],
            ),
            (
                "It ranked No. 1 in 1990. Then",
                &["It ranked No. 1 in 1990.", "Then"],
            ),
            (
                "Headline here\nPhoto: AP\n\nBody text.",
                &["Headline here", "Photo: AP", "Body text."],
            ),
            (
                "A line that was hard\nwrapped in the middle. Next one.",
                &["A line that was hard\nwrapped in the middle.", "Next one."],
            ),
            (
                "Déjà vu. Ça va. 🎉 Yes.",
                &["Déjà vu.", "Ça va.", "🎉 Yes."],
            ),
            ("", &[]),
            ("  \n ", &[]),
            ("No final stop", &["No final stop"]),
        ];
        for (text, expected) in cases {
            assert_eq!(&sentences(text), expected, "splitting {text:?}");
        }
    }

    #[test]
    fn spans_are_exact_char_offsets() {
        let text = "Ünïcödé 🎉 first. Second “quoted.” Third!";
        let spans = split_sentences(text);
        assert_eq!(spans.len(), 3);
        for r in &spans {
            let s = char_slice(text, r.start, r.end);
            assert_eq!(s, s.trim());
            assert!(!s.is_empty());
        }
        assert_eq!(spans[0], 0..16);
    }

    #[test]
    fn list_markers_are_recognised() {
        assert_eq!(list_marker_len("1. Item"), 3);
        assert_eq!(list_marker_len("12) Item"), 4);
        assert_eq!(list_marker_len("(a) Item"), 4);
        assert_eq!(list_marker_len("- Item"), 2);
        assert_eq!(list_marker_len("2021. Item"), 0);
        assert_eq!(list_marker_len("-5 degrees"), 0);
        assert_eq!(list_marker_len("Item"), 0);
    }

    #[test]
    fn cursor_converts_in_order() {
        let text = "aé🎉b";
        let mut c = CharCursor::new(text);
        assert_eq!(c.to_char(0), 0);
        assert_eq!(c.to_char(1), 1);
        assert_eq!(c.to_char(3), 2);
        assert_eq!(c.to_char(7), 3);
        assert_eq!(c.to_char(1), 1);
    }
}
