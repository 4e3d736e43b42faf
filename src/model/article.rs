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

/// Character ranges of the paragraphs of `text`.
///
/// Blank lines always separate paragraphs. A single line break separates them too
/// when the text is not hard-wrapped (see [`line_breaks_end_paragraphs`]): many
/// articles are pasted with one paragraph per line and no blank lines between them.
/// In hard-wrapped text (lines cut at 70-80 columns) the lines of a paragraph stay
/// together.
///
/// Each range starts at the paragraph's first character and ends after its last
/// non-newline character. Blank-only text yields no paragraphs. Linear in the text,
/// with two passes over its lines.
pub fn paragraph_ranges(text: &str) -> Vec<Range<usize>> {
    let each_line = line_breaks_end_paragraphs(text);
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
            if each_line && let Some(s) = start.take() {
                out.push(s..end);
            }
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

/// How many inner lines it takes to judge from their lengths; with fewer, lines are
/// joined unless they end with closing punctuation (a headline over a byline).
const MIN_EVIDENCE: usize = 6;

/// Lines longer than this many characters are not the lines of hard-wrapped text,
/// which is wrapped at 70 to 80 columns (sometimes up to 100).
const WRAPPED_LINE_MAX: usize = 120;

/// Whether a single line break ends a paragraph in `text`: the text is written one
/// paragraph per line rather than hard-wrapped. See [`line_breaks`].
pub fn line_breaks_end_paragraphs(text: &str) -> bool {
    line_breaks(text).end_paragraphs
}

/// How a text uses single line breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineBreaks {
    /// A single line break ends a paragraph (one paragraph per line).
    pub end_paragraphs: bool,
    /// For clearly hard-wrapped text, the width it is wrapped at, in characters (the
    /// 90th percentile of its line lengths): a line nearly that long without closing
    /// punctuation goes on in the next line, whatever that line starts with.
    pub wrap_width: Option<usize>,
}

/// How `text` uses single line breaks, decided once for the whole text from its
/// inner lines (non-blank lines followed by another non-blank line), whose break
/// could be either.
///
/// In hard-wrapped text most inner lines stop mid-sentence (a line ends with a full
/// stop only where a sentence happens to end at the margin), almost none is longer
/// than 120 characters, and a line was cut where the next word would not have fit
/// before a margin of 40 to 120 columns (for at least three in four inner lines, the
/// line plus a space plus the next line's first word is longer than the 90th
/// percentile of the line lengths). So single line
/// breaks end paragraphs when at least half of the inner lines end with closing
/// punctuation, or at least half are longer than 120 characters, or (given six
/// inner lines or more) the lines do not reach to a common margin, as in a list of
/// short items. Text without inner lines has nothing to decide. One pass, no
/// allocation.
pub fn line_breaks(text: &str) -> LineBreaks {
    let mut inner = 0usize;
    let mut closed = 0usize;
    let mut long = 0usize;
    // Lengths of the inner lines, in characters, the last bucket for all longer ones.
    let mut lengths = [0usize; WRAPPED_LINE_MAX + 2];
    // How far each inner line would reach with the next line's first word added.
    let mut reaches = [0usize; WRAPPED_LINE_MAX + 2];
    let mut prev: Option<&str> = None;
    for line in text.split('\n') {
        let line = line.trim_end();
        let blank = line.trim_start().is_empty();
        if let Some(p) = prev
            && !blank
        {
            inner += 1;
            closed += usize::from(ends_closed(p));
            let len = if longer_than(p, WRAPPED_LINE_MAX) {
                WRAPPED_LINE_MAX + 1
            } else {
                p.chars().count()
            };
            long += usize::from(len > WRAPPED_LINE_MAX);
            lengths[len] += 1;
            let word = line
                .split_whitespace()
                .next()
                .map_or(0, |w| w.chars().take(WRAPPED_LINE_MAX).count());
            reaches[(len + 1 + word).min(WRAPPED_LINE_MAX + 1)] += 1;
        }
        prev = (!blank).then_some(line);
    }
    let mut seen = 0;
    let p90 = lengths
        .iter()
        .position(|&n| {
            seen += n;
            seen * 10 >= inner * 9
        })
        .unwrap_or(0);
    // A wrapped line was cut because the next word did not fit before the margin;
    // in a list of short items, most lines had room for it.
    let full: usize = reaches.iter().skip(p90.saturating_sub(1)).sum();
    let wrapped = (40..=WRAPPED_LINE_MAX).contains(&p90) && full * 4 >= inner * 3;
    let end_paragraphs = inner > 0
        && (closed * 2 >= inner || long * 2 >= inner || (inner >= MIN_EVIDENCE && !wrapped));
    let wrap_width = (!end_paragraphs && inner >= MIN_EVIDENCE && wrapped).then_some(p90);
    LineBreaks {
        end_paragraphs,
        wrap_width,
    }
}

/// Whether `s` has more than `n` characters, without counting them all when the
/// byte length already decides it.
fn longer_than(s: &str, n: usize) -> bool {
    if s.len() <= n {
        false
    } else if s.len() > 4 * n {
        true
    } else {
        s.chars().count() > n
    }
}

/// Whether `line` ends with punctuation that ends a sentence or a heading (`.`,
/// `!`, `?`, `…`, `:`, `。`, `؟`, `।`, ...), perhaps followed by closing quotes or
/// brackets. A closing quote or bracket alone (`the "Like"`, `(NATO)`) does not end
/// a line: a sentence may go on after it.
pub fn ends_closed(line: &str) -> bool {
    let mut chars = line.trim_end().chars().rev();
    let mut closers = 0;
    for c in chars.by_ref() {
        if is_line_closer(c) && closers < 3 {
            closers += 1;
            continue;
        }
        return ends_sentence(c);
    }
    false
}

fn is_line_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '」' | '』' | '）' | '》'
    )
}

/// Punctuation that ends a sentence or a heading, in any script.
fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | ':' | '。' | '！' | '？' | '｡' | '؟' | '۔' | '।' | '॥'
    )
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

    fn paragraphs(text: &str) -> Vec<String> {
        paragraph_ranges(text)
            .into_iter()
            .map(|r| crate::model::text::char_slice(text, r.start, r.end).to_owned())
            .collect()
    }

    #[test]
    fn one_paragraph_per_line_is_split_on_single_line_breaks() {
        let text = "Headline of the story\nBy Jane Doe\nThe council voted on Monday to close the library, which has served the town since 1904.\nResidents said they would appeal.\nÉmile, who runs the café, said the decision was “a shame”.\nThe appeal is due in May.";
        assert_eq!(
            paragraphs(text),
            [
                "Headline of the story",
                "By Jane Doe",
                "The council voted on Monday to close the library, which has served the town since 1904.",
                "Residents said they would appeal.",
                "Émile, who runs the café, said the decision was “a shame”.",
                "The appeal is due in May.",
            ]
        );
        assert!(line_breaks_end_paragraphs(text));
    }

    #[test]
    fn long_lines_without_full_stops_are_paragraphs() {
        let long = "word ".repeat(40);
        let text = format!("Title\n{long}\n{long}\n{long}");
        assert_eq!(paragraphs(&text).len(), 4);
    }

    #[test]
    fn hard_wrapped_text_stays_joined() {
        let para = "The council voted on Monday to close the library, which has served the\ntown since 1904. Residents said they would appeal the decision, and a\nlawyer for the group said the vote had broken the rules of the council.\nThe appeal is due in May, when the council meets again to set its budget.";
        let text = format!("Title\n\n{para}\n\n{para}\n");
        assert!(!line_breaks_end_paragraphs(&text));
        assert_eq!(paragraphs(&text), ["Title", para, para]);
        // A text of short lines (a header block) has nothing to split either.
        assert_eq!(
            paragraphs("Title\nBy Jane Doe\n\nBody."),
            ["Title\nBy Jane Doe", "Body."]
        );
    }

    #[test]
    fn the_wrap_width_of_hard_wrapped_text() {
        let para = "The council voted on Monday to close the library, which has served the\ntown since 1904. Residents said they would appeal the decision, and a\nlawyer for the group said the vote had broken the rules of the council.\nThe appeal is due in May, when the council meets again to set its budget.";
        let text = format!("Title\n\n{para}\n\n{para}\n\n{para}\n");
        let breaks = line_breaks(&text);
        assert!(!breaks.end_paragraphs);
        assert_eq!(breaks.wrap_width, Some(71));
        // A header of short lines says nothing about wrapping.
        assert_eq!(
            line_breaks("Title\nBy Jane Doe\nJuly 4\n\nBody.").wrap_width,
            None
        );
    }

    #[test]
    fn short_lines_of_all_lengths_are_one_item_per_line() {
        let text = "Changes this week\nmconley fixed a hang in the startup cache\nemalysz added page ranges\nflorian landed docs for the marker API\ndthayer polished the skeleton UI\nbigiri moved the map off the old file API\nmstriemer disabled the form while loading\nsee the full list";
        assert!(line_breaks_end_paragraphs(text));
        assert_eq!(paragraphs(text).len(), 8);
    }

    #[test]
    fn lines_end_closed_with_a_stop_not_with_a_quote_alone() {
        for closed in [
            "Done.",
            "He said “no.”",
            "Why?\")",
            "Key points:",
            "好。",
            "(See the note.)",
        ] {
            assert!(ends_closed(closed), "{closed:?}");
        }
        for open in [
            "the \"Like\"",
            "the alliance (NATO)",
            "a line that was",
            "",
            "”",
        ] {
            assert!(!ends_closed(open), "{open:?}");
        }
    }

    #[test]
    fn hard_wrap_decision_on_edge_cases() {
        assert!(!line_breaks_end_paragraphs(""));
        assert!(!line_breaks_end_paragraphs("One line only."));
        assert!(!line_breaks_end_paragraphs("A.\n\nB."));
        assert_eq!(line_breaks("A.\nB.").wrap_width, None);
        // Chinese, one paragraph per line.
        assert!(line_breaks_end_paragraphs(
            "标题\n我们今天去了北京。\n他说很好。"
        ));
        assert_eq!(paragraphs("标题\n我们今天去了北京。\n他说很好。").len(), 3);
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
