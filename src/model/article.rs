//! The article under review.

use super::text::CharIndex;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::ops::Range;

/// The article text and where it came from.
///
/// The text is kept exactly as imported (after line-ending and BOM normalisation),
/// because every anchor's offsets point into it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The headline: the first line, without a Markdown `#`.
    pub title: String,
    /// Where the text was imported from.
    pub origin: ArticleOrigin,
    /// The text. Written to session files as a list of lines, so that git diffs
    /// show changed lines instead of one enormous string. Treat it as read-only:
    /// to change the text, build a new `Article` (the character index below is
    /// built from it once).
    #[serde(with = "text_as_lines")]
    pub text: String,
    #[serde(skip)]
    index: LazyIndex,
}

/// The article's character index, built on first use. Ignored when comparing articles.
#[derive(Clone, Debug, Default)]
struct LazyIndex(std::sync::OnceLock<CharIndex>);

impl PartialEq for LazyIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for LazyIndex {}

/// Provenance of an article's text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleOrigin {
    /// The file it was imported from, as given at import (only displayed, never written to).
    #[serde(default)]
    pub path: Option<String>,
    /// SHA-256 of the text, lower-case hex.
    pub sha256: String,
}

impl Article {
    /// Builds an article from already normalised text.
    pub fn new(title: String, text: String, path: Option<String>) -> Self {
        Self {
            title,
            origin: ArticleOrigin {
                path,
                sha256: sha256_hex(&text),
            },
            text,
            index: LazyIndex::default(),
        }
    }

    /// The same article (title, origin and any other details) with another text, its
    /// checksum updated. A merge uses it to combine one side's text with the other's details.
    pub fn with_text(&self, text: String) -> Self {
        let mut article = self.clone();
        article.origin.sha256 = sha256_hex(&text);
        article.text = text;
        article.index = LazyIndex::default();
        article
    }

    /// Fast character-offset lookups into [`Self::text`].
    pub fn char_index(&self) -> &CharIndex {
        self.index.0.get_or_init(|| CharIndex::new(&self.text))
    }

    /// Length of the text in characters.
    pub fn char_len(&self) -> usize {
        self.char_index().char_count()
    }

    /// The text between two character offsets (clamped to the text).
    pub fn slice(&self, range: Range<usize>) -> &str {
        self.char_index().slice(&self.text, range)
    }

    /// Number of words (runs of non-whitespace).
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }

    /// Whether the stored checksum still matches the text.
    pub fn checksum_matches(&self) -> bool {
        sha256_hex(&self.text) == self.origin.sha256
    }
}

/// Lower-case hex SHA-256 of a text.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Character ranges of the paragraphs of `text`: runs of lines separated by blank lines.
///
/// Each range starts at the paragraph's first character and ends after its last
/// non-newline character. Blank-only text yields no paragraphs.
pub fn paragraph_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    for line in text.split('\n') {
        let len = line.chars().count();
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(s..end);
            }
        } else {
            start.get_or_insert(pos);
            end = pos + len;
        }
        pos += len + 1;
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

mod text_as_lines {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(text.split('\n'))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        let lines: Vec<String> = Vec::deserialize(d)?;
        Ok(lines.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let text = "Title\n\nFirst line\nsecond line\n\n\n  \nLast";
        let paras: Vec<_> = paragraph_ranges(text)
            .into_iter()
            .map(|r| crate::model::text::char_slice(text, r.start, r.end).to_owned())
            .collect();
        assert_eq!(paras, ["Title", "First line\nsecond line", "Last"]);
        assert!(paragraph_ranges("\n \n").is_empty());
    }

    #[test]
    fn checksum_is_sha256() {
        let a = Article::new("t".into(), "abc".into(), None);
        assert_eq!(
            a.origin.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(a.checksum_matches());
    }
}
