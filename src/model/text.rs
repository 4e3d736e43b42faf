//! Character-offset helpers.
//!
//! Anchors count Unicode scalar values (Rust `char`s), as the W3C Web Annotation
//! model and egui's `CCursor` do. Byte offsets are used only at the edges, so a
//! claim can never split a character.

use std::ops::Range;

/// Number of characters (Unicode scalar values) in `s`.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Byte offset of the character at `char_idx`, or `s.len()` when past the end.
pub fn byte_offset(s: &str, char_idx: usize) -> usize {
    s.char_indices().nth(char_idx).map_or(s.len(), |(b, _)| b)
}

/// The substring between two character offsets (clamped to the text).
pub fn char_slice(s: &str, start: usize, end: usize) -> &str {
    let start_b = byte_offset(s, start);
    let end_b = start_b + byte_offset(&s[start_b..], end.saturating_sub(start));
    &s[start_b..end_b]
}

/// Fast character-to-byte lookups for a long text.
///
/// Keeps the byte offset of every 64th character, so a lookup scans at most 63
/// characters while the index stays small (1/8 byte per character).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CharIndex {
    checkpoints: Vec<usize>,
    char_count: usize,
    byte_len: usize,
}

const STRIDE: usize = 64;

impl CharIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut count = 0;
        for (b, _) in text.char_indices() {
            if count % STRIDE == 0 {
                checkpoints.push(b);
            }
            count += 1;
        }
        Self {
            checkpoints,
            char_count: count,
            byte_len: text.len(),
        }
    }

    /// Number of characters in the indexed text.
    pub fn char_count(&self) -> usize {
        self.char_count
    }

    /// Byte offset of character `char_idx` in `text` (the text this index was built from).
    pub fn byte_offset(&self, text: &str, char_idx: usize) -> usize {
        if char_idx >= self.char_count {
            return self.byte_len.min(text.len());
        }
        let Some(&base) = self.checkpoints.get(char_idx / STRIDE) else {
            return text.len();
        };
        let rest = char_idx % STRIDE;
        text.get(base..)
            .and_then(|tail| tail.char_indices().nth(rest))
            .map_or(text.len(), |(b, _)| base + b)
    }

    /// Character offset of byte `byte_idx` (which must be a char boundary; otherwise
    /// the next boundary's character is returned).
    pub fn char_offset(&self, text: &str, byte_idx: usize) -> usize {
        let slot = self.checkpoints.partition_point(|&b| b <= byte_idx);
        let slot = slot.saturating_sub(1);
        let base_b = self.checkpoints.get(slot).copied().unwrap_or(0);
        let upto = byte_idx.min(text.len());
        let tail = text.get(base_b..upto).unwrap_or("");
        slot * STRIDE + tail.chars().count()
    }

    /// The substring for a character range.
    pub fn slice<'a>(&self, text: &'a str, range: Range<usize>) -> &'a str {
        let a = self.byte_offset(text, range.start);
        let b = self.byte_offset(text, range.end.max(range.start));
        text.get(a..b).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_characters_not_bytes() {
        let s = "héllo wörld 🎉!";
        assert_eq!(char_slice(s, 1, 5), "éllo");
        assert_eq!(char_slice(s, 12, 14), "🎉!");
        assert_eq!(char_slice(s, 12, 99), "🎉!");
        assert_eq!(char_len(s), 14);
    }

    #[test]
    fn index_agrees_with_naive_lookup() {
        let s: String = (0..500)
            .map(|i| {
                if i % 7 == 0 {
                    'é'
                } else if i % 11 == 0 {
                    '🎉'
                } else {
                    'a'
                }
            })
            .collect();
        let idx = CharIndex::new(&s);
        assert_eq!(idx.char_count(), 500);
        for c in [0, 1, 63, 64, 65, 200, 499, 500, 600] {
            assert_eq!(idx.byte_offset(&s, c), byte_offset(&s, c), "char {c}");
            if c <= 500 {
                assert_eq!(idx.char_offset(&s, byte_offset(&s, c)), c, "char {c}");
            }
        }
        assert_eq!(idx.slice(&s, 10..20), char_slice(&s, 10, 20));
    }
}
