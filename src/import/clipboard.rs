//! The clipboard: what a browser puts there when an article is copied. The HTML
//! flavour is cleaned like a web page (only the article, as paragraphs); plain
//! text is imported as written.

use super::blocks::{Block, compose, one_line};
use super::worker::Stop;
use super::{ImportError, html, text};
use crate::model::{Article, ArticleKind};

/// Imports the clipboard: its HTML flavour when there is one with text in it,
/// else its plain text. Copied HTML is small; this runs in place.
pub fn import_clipboard(html: Option<&str>, plain: Option<&str>) -> Result<Article, ImportError> {
    if let Some(fragment) = html.map(strip_windows_header)
        && let Some(article) = from_html(fragment)
    {
        return Ok(article);
    }
    match plain {
        Some(t) if !t.trim().is_empty() => text::import_text(t, None),
        _ => Err(ImportError::Empty),
    }
}

/// A selection copied from a page: when the extractor finds an article in it that
/// keeps most of its words, that; else every block of the selection (the user
/// chose it). The first heading, or the first line, is the title.
fn from_html(fragment: &str) -> Option<Article> {
    let stop = Stop::never();
    let whole = html::blocks_of_fragment(fragment, &stop).ok()?;
    let all_words: usize = whole
        .iter()
        .map(|b| b.text.split_whitespace().count())
        .sum();
    if all_words == 0 {
        return None;
    }
    let extracted = html::extract(fragment, None, &stop).ok();
    // Extraction is worth it when it drops something (menus, share lines) but
    // keeps most of what was selected.
    let kept = |e: &html::Extracted| {
        e.blocks
            .iter()
            .map(|b| b.text.split_whitespace().count())
            .sum::<usize>()
            * 10
    };
    let (title, blocks, meta) = match extracted {
        Some(e) if (all_words * 6..all_words * 9).contains(&kept(&e)) => {
            let title = first_line_title(&e.blocks).unwrap_or(e.title);
            (title, e.blocks, e.meta)
        }
        _ => {
            let title = first_line_title(&whole).unwrap_or_else(|| "Untitled article".into());
            (title, whole, Default::default())
        }
    };
    let composed = compose(&title, &blocks);
    let mut article = Article::new(title, composed.text, None);
    article.meta = meta;
    // A selection's page address is not known; only a saved page's canonical
    // link would be, and a fragment has none worth trusting.
    article.meta.url.clear();
    article.origin.kind = ArticleKind::Html;
    Some(article)
}

/// The first block's text as a title when it is short enough to be one.
fn first_line_title(blocks: &[Block]) -> Option<String> {
    let first = one_line(&blocks.first()?.text);
    (first.chars().count() <= 200).then_some(first)
}

/// Windows puts a header before the HTML ("Version:0.9 StartHTML:..."); the
/// fragment is between its `<!--StartFragment-->` and `<!--EndFragment-->`.
fn strip_windows_header(clip: &str) -> &str {
    if !clip.starts_with("Version:") {
        return clip;
    }
    let start = clip
        .find("<!--StartFragment-->")
        .map(|i| i + "<!--StartFragment-->".len())
        .or_else(|| clip.find('<'))
        .unwrap_or(0);
    let end = clip.find("<!--EndFragment-->").unwrap_or(clip.len());
    clip.get(start..end.max(start)).unwrap_or(clip)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_cleaned_and_plain_text_is_kept() {
        let html = "<meta charset='utf-8'><h1>Big claim</h1><p>The minister said <b>exports</b> doubled.</p><script>x()</script><p>Second paragraph.</p>";
        let a = import_clipboard(Some(html), Some("ignored")).unwrap();
        assert_eq!(a.title, "Big claim");
        assert_eq!(
            a.text,
            "Big claim\n\nThe minister said exports doubled.\n\nSecond paragraph."
        );
        assert_eq!(a.origin.kind, ArticleKind::Html);

        let a = import_clipboard(Some("<span> </span>"), Some("Title\r\n\r\nBody")).unwrap();
        assert_eq!(a.text, "Title\n\nBody");
        assert!(matches!(
            import_clipboard(None, Some("  ")),
            Err(ImportError::Empty)
        ));
    }

    #[test]
    fn the_windows_header_is_dropped() {
        let clip = "Version:0.9\r\nStartHTML:00000097\r\n<html><body><!--StartFragment--><p>Only this.</p><!--EndFragment--></body></html>";
        let a = import_clipboard(Some(clip), None).unwrap();
        assert_eq!(a.text, "Only this.");
    }
}
