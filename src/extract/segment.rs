//! Cutting an article into blocks (paragraphs, headings, list items) and sentences,
//! with exact spans.
//!
//! Everything works on byte offsets inside and is converted to character offsets
//! once, at the end, so spans never split a character and stay exact whatever the
//! text contains. Blocks come from an iterator and sentences through a callback, so
//! memory does not grow with the article beyond the spans asked for.

use super::abbrev::is_never_final_abbreviation;
use super::sentences::split_block_each;
use crate::model::article::{ends_closed, line_breaks};
use std::ops::Range;

pub use super::sentences::split_block;

/// A block of text: a paragraph, heading, caption or list item (byte offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Byte range of the block's text, without surrounding whitespace.
    pub bytes: Range<usize>,
    /// Whether a blank line (or the start of the text) comes before it.
    pub blank_before: bool,
    /// Whether a blank line (or the end of the text) comes after it.
    pub blank_after: bool,
    /// Byte length of a leading list marker ("1. ", "- ", "• 2) "), 0 when none.
    pub marker_len: usize,
}

/// Cuts `text` into blocks.
///
/// A blank line always ends a block. When the text is written one paragraph per line
/// (see [`line_breaks`](crate::model::article::line_breaks)), every line break ends
/// one too. Otherwise a single line break ends a block unless the line looks
/// wrapped: it has no closing punctuation and either reaches to near the text's wrap
/// width (two thirds of it or more), or the next line goes on in lower case, or the
/// line ends with a comma or a word like "the". List items always start a new block.
pub fn blocks(text: &str) -> Vec<Block> {
    Blocks::new(text).collect()
}

/// The blocks of a text, one at a time (see [`blocks`]).
pub struct Blocks<'a> {
    text: &'a str,
    lines: std::str::Split<'a, char>,
    pos: usize,
    prev_blank: bool,
    open: Option<Block>,
    /// Byte range of the last line of the open block.
    last_line: Range<usize>,
    each_line: bool,
    wrap_width: Option<usize>,
}

impl<'a> Blocks<'a> {
    /// The blocks of `text` (one pass over it first decides how lines are used).
    pub fn new(text: &'a str) -> Self {
        let breaks = line_breaks(text);
        Self {
            text,
            lines: text.split('\n'),
            pos: 0,
            prev_blank: true,
            open: None,
            last_line: 0..0,
            each_line: breaks.end_paragraphs,
            wrap_width: breaks.wrap_width,
        }
    }
}

impl Iterator for Blocks<'_> {
    type Item = Block;

    fn next(&mut self) -> Option<Block> {
        loop {
            let Some(line) = self.lines.next() else {
                return self.open.take().map(|mut b| {
                    b.blank_after = true;
                    b
                });
            };
            let line_start = self.pos;
            self.pos += line.len() + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() {
                self.prev_blank = true;
                if let Some(mut b) = self.open.take() {
                    b.blank_after = true;
                    return Some(b);
                }
                continue;
            }
            let lead = line.len() - line.trim_start().len();
            let start = line_start + lead;
            let end = start + trimmed.len();
            let marker_len = list_marker_len(trimmed);
            if let Some(b) = self.open.as_mut()
                && !self.each_line
                && marker_len == 0
                && continues_line(&self.text[self.last_line.clone()], trimmed, self.wrap_width)
            {
                b.bytes.end = end;
                self.last_line = start..end;
                continue;
            }
            self.last_line = start..end;
            let block = Block {
                bytes: start..end,
                blank_before: self.prev_blank,
                blank_after: false,
                marker_len,
            };
            self.prev_blank = false;
            if let Some(done) = self.open.replace(block) {
                return Some(done);
            }
        }
    }
}

/// Whether line `next` continues the (hard-wrapped) sentence on line `prev`, in a
/// text wrapped at `wrap_width` characters when that is known.
fn continues_line(prev: &str, next: &str, wrap_width: Option<usize>) -> bool {
    let Some(last) = prev.chars().last() else {
        return false;
    };
    let first = next.chars().next().unwrap_or(' ');
    if ends_closed(prev) {
        // "... in the world of games:\nhe'd created", "... said Mr.\nGeorgelis": a
        // colon or an abbreviation at the margin.
        return (first.is_lowercase() && prev.ends_with(['.', ':', ';']))
            || (wrap_width.is_some() && ends_with_abbreviation(prev));
    }
    if matches!(last, ',' | ';' | '-' | '–' | '—' | '(' | '/' | '&') {
        return true;
    }
    // A line that reaches to near the margin was cut there: the next word did not fit.
    if let Some(width) = wrap_width
        && prev.chars().count() * 3 >= width * 2
    {
        return true;
    }
    if first.is_lowercase() {
        return true;
    }
    // The last word, looked for only among the line's last few characters.
    let tail_start = prev
        .char_indices()
        .rev()
        .take(6)
        .last()
        .map_or(0, |(i, _)| i);
    let tail = &prev[tail_start..];
    let last_word = tail.rsplit(' ').next().unwrap_or("");
    (last_word.len() < tail.len() || tail_start == 0)
        && [
            "the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "by", "with",
        ]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(last_word))
}

/// Whether `line` ends with a title or an initial that is always followed by more of
/// its sentence ("Mr.", "Dr.", "J.").
fn ends_with_abbreviation(line: &str) -> bool {
    let Some(body) = line.strip_suffix('.') else {
        return false;
    };
    let word = body.rsplit([' ', '(', '"', '“']).next().unwrap_or("");
    let mut chars = word.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    initial || is_never_final_abbreviation(word)
}

/// Bullets that start a list item.
pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '●' | '▪' | '■' | '◦' | '‣' | '►' | '▸' | '➤' | '➢' | '·'
    )
}

/// Byte length of a list marker and the spaces after it at the start of `line`: a
/// bullet or dash, a number or letter ("1.", "1)", "1.)", "a.", "(iv)"), or a bullet
/// followed by a number ("• 2) ").
fn list_marker_len(line: &str) -> usize {
    let first = marker_token_len(line, true);
    if first == 0 {
        return 0;
    }
    let is_bullet_first = line
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii_alphanumeric() && c != '(');
    if is_bullet_first {
        let second = marker_token_len(&line[first..], false);
        if second > 0 {
            return first + second;
        }
    }
    first
}

/// One marker (and the spaces after it) at the start of `line`, or 0. Bullets and
/// dashes only when `bullets`.
fn marker_token_len(line: &str, bullets: bool) -> usize {
    let bytes = line.as_bytes();
    let Some(first) = line.chars().next() else {
        return 0;
    };
    let marker_end = if is_bullet(first) || matches!(first, '-' | '*' | '–' | '—') {
        if !bullets {
            return 0;
        }
        first.len_utf8()
    } else if first.is_ascii_digit() {
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits > 3 {
            return 0;
        }
        match (bytes.get(digits), bytes.get(digits + 1)) {
            (Some(b'.'), Some(b')')) => digits + 2,
            (Some(b'.' | b')'), _) => digits + 1,
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
        match (bytes.get(1), bytes.get(2)) {
            (Some(b'.'), Some(b')')) => 3,
            (Some(b'.' | b')'), _) => 2,
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
    for b in Blocks::new(text) {
        split_block_each(text, b.bytes.start + b.marker_len..b.bytes.end, &mut |r| {
            let s = cursor.to_char(r.start);
            let e = cursor.to_char(r.end);
            out.push(s..e);
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::char_slice;

    fn block_texts(text: &str) -> Vec<&str> {
        blocks(text)
            .into_iter()
            .map(|b| &text[b.bytes.start + b.marker_len..b.bytes.end])
            .collect()
    }

    #[test]
    fn list_markers_are_recognised() {
        assert_eq!(list_marker_len("1. Item"), 3);
        assert_eq!(list_marker_len("12) Item"), 4);
        assert_eq!(list_marker_len("3.) Item"), 4);
        assert_eq!(list_marker_len("(a) Item"), 4);
        assert_eq!(list_marker_len("b.) Item"), 4);
        assert_eq!(list_marker_len("- Item"), 2);
        assert_eq!(list_marker_len("• 2. Item"), 7);
        assert_eq!(list_marker_len("• 40% of voters"), 4);
        assert_eq!(list_marker_len("2021. Item"), 0);
        assert_eq!(list_marker_len("-5 degrees"), 0);
        assert_eq!(list_marker_len("Item"), 0);
    }

    #[test]
    fn blocks_follow_the_line_style_of_the_text() {
        // One paragraph per line: every line is a block, even one that goes on in
        // lower case.
        let text = "Title\nThe council voted on Monday to close the library, which has served the town since 1904.\nit was unexpected, said the mayor, who had campaigned against the closure for years.\nResidents said they would appeal.";
        assert_eq!(block_texts(text).len(), 4);
        // Hard-wrapped: lines of a sentence stay together.
        let text = "Title\n\nThe council voted on Monday to close the library, which has\nserved the town since 1904. Residents said they would appeal the\ndecision.\n\nNext paragraph.";
        assert_eq!(
            block_texts(text),
            [
                "Title",
                "The council voted on Monday to close the library, which has\nserved the town since 1904. Residents said they would appeal the\ndecision.",
                "Next paragraph."
            ]
        );
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
}
