//! Where a claim sits in the article: a position plus a quote with context.

use super::text::{char_len, char_slice};
use serde::{Deserialize, Serialize};

/// How many characters of context are kept before and after the quote.
pub const CONTEXT_CHARS: usize = 32;

/// A claim's place in the article text.
///
/// Stored twice over, like a W3C Web Annotation target: a position selector
/// (`start`..`end`, Unicode scalar offsets, end exclusive) and a quote selector
/// (`exact` with up to [`CONTEXT_CHARS`] of `prefix` and `suffix`). The quote lets a
/// claim be found again after the article text changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// First character of the quote.
    pub start: usize,
    /// One past the last character of the quote.
    pub end: usize,
    /// The quoted text, exactly as in the article.
    pub exact: String,
    /// Up to 32 characters just before the quote.
    pub prefix: String,
    /// Up to 32 characters just after the quote.
    pub suffix: String,
}

/// Why an anchor could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnchorError {
    /// The range selects nothing.
    #[error("the selection is empty")]
    Empty,
    /// The range runs past the article's end.
    #[error("the selection {start}..{end} runs past the end of the article ({len} characters)")]
    OutOfRange {
        /// Requested start.
        start: usize,
        /// Requested end.
        end: usize,
        /// Article length in characters.
        len: usize,
    },
}

impl Anchor {
    /// Anchors the characters `start..end` of `text`.
    pub fn new(text: &str, start: usize, end: usize) -> Result<Self, AnchorError> {
        Self::with_len(text, char_len(text), start, end)
    }

    /// Anchors characters `start..end` of an article, using its character index
    /// (fast even for long articles and many claims).
    pub fn in_article(
        article: &super::Article,
        start: usize,
        end: usize,
    ) -> Result<Self, AnchorError> {
        let len = article.char_len();
        if end > len || start > end {
            return Err(AnchorError::OutOfRange { start, end, len });
        }
        if start == end {
            return Err(AnchorError::Empty);
        }
        Ok(Self {
            start,
            end,
            exact: article.slice(start..end).to_owned(),
            prefix: article
                .slice(start.saturating_sub(CONTEXT_CHARS)..start)
                .to_owned(),
            suffix: article
                .slice(end..(end + CONTEXT_CHARS).min(len))
                .to_owned(),
        })
    }

    /// Like [`Anchor::new`] when the caller already knows the text's length in characters.
    pub fn with_len(text: &str, len: usize, start: usize, end: usize) -> Result<Self, AnchorError> {
        if end > len || start > end {
            return Err(AnchorError::OutOfRange { start, end, len });
        }
        if start == end {
            return Err(AnchorError::Empty);
        }
        let prefix_start = start.saturating_sub(CONTEXT_CHARS);
        Ok(Self {
            start,
            end,
            exact: char_slice(text, start, end).to_owned(),
            prefix: char_slice(text, prefix_start, start).to_owned(),
            suffix: char_slice(text, end, (end + CONTEXT_CHARS).min(len)).to_owned(),
        })
    }

    /// Length of the quote in characters.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the anchor selects nothing (never true for anchors made by [`Anchor::new`]).
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether the text at this anchor's position still reads `exact`.
    pub fn matches(&self, text: &str) -> bool {
        char_slice(text, self.start, self.end) == self.exact
    }

    /// Like [`Anchor::matches`], using the article's character index (fast on long texts).
    pub fn matches_article(&self, article: &super::Article) -> bool {
        self.end <= article.char_len() && article.slice(self.start..self.end) == self.exact
    }

    /// Whether two anchors share at least one character.
    pub fn overlaps(&self, other: &Anchor) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_quote_and_context() {
        let text = "Alpha beta gamma delta";
        let a = Anchor::new(text, 6, 10).unwrap();
        assert_eq!(a.exact, "beta");
        assert_eq!(a.prefix, "Alpha ");
        assert_eq!(a.suffix, " gamma delta");
        assert!(a.matches(text));
        assert!(!a.matches("Alpha BETA gamma delta"));
    }

    #[test]
    fn context_is_capped_at_32_characters() {
        let text = format!("{}X{}", "p".repeat(50), "s".repeat(50));
        let a = Anchor::new(&text, 50, 51).unwrap();
        assert_eq!(a.prefix.chars().count(), 32);
        assert_eq!(a.suffix.chars().count(), 32);
    }

    #[test]
    fn rejects_empty_and_out_of_range() {
        assert_eq!(Anchor::new("abc", 1, 1), Err(AnchorError::Empty));
        assert!(matches!(
            Anchor::new("abc", 1, 4),
            Err(AnchorError::OutOfRange { .. })
        ));
        assert!(matches!(
            Anchor::new("abc", 2, 1),
            Err(AnchorError::OutOfRange { .. })
        ));
    }

    #[test]
    fn article_index_gives_the_same_anchor() {
        let text = "Ça coûte 5 € 🎉 ok, ".repeat(40);
        let article = crate::model::Article::new("t".into(), text.clone(), None);
        for (s, e) in [(0, 3), (9, 12), (100, 140), (700, 760)] {
            assert_eq!(Anchor::in_article(&article, s, e), Anchor::new(&text, s, e));
        }
        assert_eq!(Anchor::in_article(&article, 5, 5), Err(AnchorError::Empty));
    }

    #[test]
    fn counts_characters_not_bytes() {
        let text = "Ça coûte 5 € 🎉 ok";
        let a = Anchor::new(text, 9, 12).unwrap();
        assert_eq!(a.exact, "5 €");
        assert_eq!(a.prefix, "Ça coûte ");
    }
}
