//! Laying extracted blocks (paragraphs, headings, list items, captions) out as
//! Claimdesk's article text: the title on the first line, a blank line between
//! paragraphs, so that suggestions see titles, subheadings and captions for what
//! they are (see `src/extract/structure.rs`).

use crate::extract::{SentenceKind, segment};

/// What a block of an extracted article is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// Running text (also block quotes: their words are the article's).
    Paragraph,
    /// A heading inside the article.
    Heading,
    /// One item of a list, with its marker ("- ", "3. ").
    ListItem(String),
    /// An image or table caption written by the article's authors.
    Caption,
    /// Preformatted text or a table row: line breaks kept.
    Lines,
}

/// A block of extracted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Its text: whitespace collapsed, except for [`BlockKind::Lines`] and `<br>`s.
    pub text: String,
    /// The PDF page it came from, counted from 1.
    pub page: Option<u32>,
}

impl Block {
    /// A block without a page.
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Self {
            kind,
            text: text.into(),
            page: None,
        }
    }
}

/// An article's text with, for a PDF, where each page's text starts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Composed {
    /// The text: title line, blank line, blocks separated by blank lines.
    pub text: String,
    /// `(page, first character)` pairs in text order (see `ArticleOrigin::pages`).
    pub pages: Vec<(u32, usize)>,
}

/// The prefix that marks a caption which the suggestions would otherwise take for
/// running text.
pub const CAPTION_PREFIX: &str = "Caption: ";

/// Lays out `blocks` under `title`. A first block that repeats the title (the
/// page's own `<h1>`) is dropped; consecutive list items share a paragraph, one
/// per line.
pub fn compose(title: &str, blocks: &[Block]) -> Composed {
    let title = one_line(title);
    let mut out = Composed {
        text: title.clone(),
        pages: Vec::new(),
    };
    let mut chars = out.text.chars().count();
    let mut last_page = None;
    let mut prev_kind: Option<&BlockKind> = None;
    let mut first = true;
    for block in blocks {
        let body = render(block);
        if body.trim().is_empty() {
            continue;
        }
        if first && same_words(&body, &title) {
            first = false;
            continue;
        }
        first = false;
        let in_list = matches!(block.kind, BlockKind::ListItem(_))
            && matches!(prev_kind, Some(BlockKind::ListItem(_)));
        let sep = if in_list { "\n" } else { "\n\n" };
        out.text.push_str(sep);
        chars += sep.len();
        if let Some(page) = block.page
            && last_page != Some(page)
        {
            out.pages.push((page, chars));
            last_page = Some(page);
        }
        chars += body.chars().count();
        out.text.push_str(&body);
        prev_kind = Some(&block.kind);
    }
    out
}

/// The block's text as it appears in the article.
fn render(block: &Block) -> String {
    let text = block.text.trim();
    match &block.kind {
        BlockKind::Paragraph | BlockKind::Lines => text.to_owned(),
        BlockKind::ListItem(marker) => format!("{marker}{}", one_line(text)),
        BlockKind::Heading => {
            let heading = one_line(text);
            if kind_in_article(&heading) == Some(SentenceKind::Subheading) {
                heading
            } else {
                // Punctuated or long headings would be read as running text.
                format!("## {heading}")
            }
        }
        BlockKind::Caption => {
            let caption = one_line(text);
            match kind_in_article(&caption) {
                Some(SentenceKind::Body) | None => format!("{CAPTION_PREFIX}{caption}"),
                Some(_) => caption,
            }
        }
    }
}

/// How the suggestions would classify `block` as a paragraph of an article.
fn kind_in_article(block: &str) -> Option<SentenceKind> {
    let probe = format!("Title\n\n{block}");
    segment(&probe)
        .into_iter()
        .find(|s| s.block == 1)
        .map(|s| s.kind)
}

/// Whitespace runs (line breaks included) collapsed to one space, ends trimmed.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether two texts have the same words, ignoring case and punctuation.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    !a.is_empty() && a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_first_then_paragraphs_with_blank_lines() {
        let blocks = vec![
            Block::new(BlockKind::Heading, "The  Title"),
            Block::new(BlockKind::Paragraph, "First paragraph."),
            Block::new(BlockKind::Heading, "What happened next"),
            Block::new(BlockKind::Heading, "Is it true? Nobody knows."),
            Block::new(BlockKind::ListItem("- ".into()), "one"),
            Block::new(BlockKind::ListItem("- ".into()), "two"),
            Block::new(BlockKind::Caption, "Soldiers patrol the city on Monday."),
            Block::new(BlockKind::Caption, "Soldiers in Kandahar (Reuters)"),
            Block::new(BlockKind::Paragraph, "Last."),
        ];
        let c = compose("The Title", &blocks);
        assert_eq!(
            c.text,
            "The Title\n\nFirst paragraph.\n\nWhat happened next\n\n## Is it true? Nobody knows.\n\n- one\n- two\n\nCaption: Soldiers patrol the city on Monday.\n\nSoldiers in Kandahar (Reuters)\n\nLast."
        );
        let kind_of = |needle: &str| {
            segment(&c.text)
                .into_iter()
                .find(|s| c.text[s.byte_start..].starts_with(needle))
                .map(|s| s.kind)
        };
        assert_eq!(kind_of("The Title"), Some(SentenceKind::Title));
        assert_eq!(kind_of("What happened"), Some(SentenceKind::Subheading));
        assert_eq!(kind_of("## Is it"), Some(SentenceKind::Subheading));
        assert_eq!(kind_of("Caption: "), Some(SentenceKind::Caption));
        assert_eq!(kind_of("Soldiers in Kandahar"), Some(SentenceKind::Caption));
        assert_eq!(kind_of("First paragraph"), Some(SentenceKind::Body));
        assert!(c.pages.is_empty());
    }

    #[test]
    fn pages_mark_where_their_text_starts() {
        let mut a = Block::new(BlockKind::Paragraph, "Één.");
        a.page = Some(1);
        let mut b = Block::new(BlockKind::Paragraph, "Twee.");
        b.page = Some(1);
        let mut c = Block::new(BlockKind::Paragraph, "Drie.");
        c.page = Some(3);
        let out = compose("Tïtle", &[a, b, c]);
        assert_eq!(out.pages, vec![(1, 7), (3, 20)]);
        let chars: Vec<char> = out.text.chars().collect();
        assert_eq!(chars[7], 'É');
        assert_eq!(chars[20], 'D');
    }
}
