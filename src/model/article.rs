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
    /// What the publisher says about the article (author, date, site, address),
    /// as found in the page or typed in by the user. Empty fields are unknown.
    #[serde(default)]
    pub meta: ArticleMeta,
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
///
/// Every field after `sha256` was added later and has a default, so older
/// session files still load.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleOrigin {
    /// The file it was imported from, as given at import (only displayed, never written to).
    #[serde(default)]
    pub path: Option<String>,
    /// SHA-256 of the text, lower-case hex.
    pub sha256: String,
    /// What the original was: plain text, a web page or a PDF.
    #[serde(default)]
    pub kind: ArticleKind,
    /// SHA-256 of the original bytes as read or downloaded (lower-case hex), the
    /// evidence of exactly what was checked. `None` for text typed or pasted in.
    #[serde(default)]
    pub original_sha256: Option<String>,
    /// The address the article was fetched from, after redirects, when it came
    /// from a link.
    #[serde(default)]
    pub fetched_url: Option<String>,
    /// The file name of the copy of the original kept beside the session
    /// (`NAME.original.html`), when one was written.
    #[serde(default)]
    pub original_copy: Option<String>,
    /// For a PDF: `(page, start)` pairs, in text order. The text from character
    /// offset `start` on came from page `page` (counted from 1), up to the next
    /// pair. Empty for other kinds. See [`Article::page_at`].
    #[serde(default)]
    pub pages: Vec<(u32, usize)>,
}

/// The format of the original an article was imported from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ArticleKind {
    /// A text or Markdown file, or pasted plain text.
    #[default]
    Text,
    /// A web page (saved, fetched from a link or copied from a browser).
    Html,
    /// A PDF's text layer.
    Pdf,
}

impl ArticleKind {
    /// The name used in files and on the command line: `text`, `html` or `pdf`.
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleKind::Text => "text",
            ArticleKind::Html => "html",
            ArticleKind::Pdf => "pdf",
        }
    }

    /// The extension a copy of such an original gets (`txt`, `html`, `pdf`).
    pub fn extension(self) -> &'static str {
        match self {
            ArticleKind::Text => "txt",
            ArticleKind::Html => "html",
            ArticleKind::Pdf => "pdf",
        }
    }
}

/// What is known about an article beyond its text, for the article details and
/// for exports. Each field is free text; an empty one is unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleMeta {
    /// The authors, as the publisher names them ("Jane Doe and John Roe").
    pub byline: String,
    /// When the article was published: `YYYY-MM-DD` when the date could be read,
    /// else as the publisher wrote it.
    pub published: String,
    /// The publication ("The Example Times").
    pub site: String,
    /// The article's public address: the canonical URL the page declares, else
    /// the address it was fetched from.
    pub url: String,
    /// The article's language as a BCP 47 tag ("en", "pt-BR").
    pub language: String,
    /// When Claimdesk read the article from the web, `YYYY-MM-DD`.
    pub retrieved: String,
}

impl ArticleMeta {
    /// Whether nothing is known.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl Article {
    /// Builds an article from already normalised text.
    pub fn new(title: String, text: String, path: Option<String>) -> Self {
        Self {
            title,
            origin: ArticleOrigin {
                path,
                sha256: sha256_hex(&text),
                ..ArticleOrigin::default()
            },
            meta: ArticleMeta::default(),
            text,
            index: LazyIndex::default(),
        }
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

    /// The PDF page (counted from 1) the character at `char_offset` came from;
    /// `None` when the article is not from a PDF. Text before the first page
    /// mark (a title taken from the PDF's metadata) counts as the first page.
    pub fn page_at(&self, char_offset: usize) -> Option<u32> {
        let pages = &self.origin.pages;
        let after = pages.partition_point(|&(_, start)| start <= char_offset);
        match after.checked_sub(1) {
            Some(i) => pages.get(i).map(|&(page, _)| page),
            None => pages.first().map(|&(page, _)| page),
        }
    }

    /// "p. 4" (or "pp. 4–5" when `range` spans pages) for a PDF article;
    /// `None` for other articles. For citing where a claim is.
    pub fn page_label(&self, range: Range<usize>) -> Option<String> {
        let first = self.page_at(range.start)?;
        let last = self
            .page_at(range.end.saturating_sub(1).max(range.start))
            .unwrap_or(first);
        Some(if last > first {
            format!("pp. {first}\u{2013}{last}")
        } else {
            format!("p. {first}")
        })
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
    sha256_hex_bytes(text.as_bytes())
}

/// Lower-case hex SHA-256 of bytes (an original file as read or downloaded).
pub fn sha256_hex_bytes(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

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
    fn pages_are_found_by_offset() {
        let mut a = Article::new("t".into(), "Title\n\none\n\ntwo".into(), None);
        assert_eq!(a.page_at(3), None);
        assert_eq!(a.page_label(0..3), None);
        a.origin.pages = vec![(1, 7), (2, 12)];
        assert_eq!(a.page_at(0), Some(1), "the title counts as the first page");
        assert_eq!(a.page_at(7), Some(1));
        assert_eq!(a.page_at(11), Some(1));
        assert_eq!(a.page_at(12), Some(2));
        assert_eq!(a.page_at(1000), Some(2));
        assert_eq!(a.page_label(7..10).as_deref(), Some("p. 1"));
        assert_eq!(a.page_label(8..15).as_deref(), Some("pp. 1\u{2013}2"));
        assert_eq!(a.page_label(12..12).as_deref(), Some("p. 2"));
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
