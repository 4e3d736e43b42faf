//! What each part of an article is: title, photo credit, caption, subheading,
//! dateline, byline or body text.
//!
//! Only body sentences can be suggested as claims; the rest are labelled so they
//! are skipped. The text and its offsets are never changed: a non-body block is
//! kept whole as one span of its kind.

use super::segment::{Block, CharCursor, blocks, split_block};

/// The role of a span of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum SentenceKind {
    /// The headline: the first block of the text.
    Title,
    /// "Photo: ALAMI", "Photograph by ...".
    PhotoCredit,
    /// An image caption, such as "Soldiers in Kandahar (Reuters)".
    Caption,
    /// A short heading between paragraphs, or a Markdown `#` heading.
    Subheading,
    /// A date line, or the "MOSCOW (Reuters) -" prefix of a first paragraph.
    Dateline,
    /// "By Jane Doe".
    Byline,
    /// Running text: the only kind that is suggested.
    Body,
}

/// One span of the article with its role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// First character (Unicode scalar offset into the article).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// First byte, for slicing the text without a character scan.
    pub byte_start: usize,
    /// One past the last byte.
    pub byte_end: usize,
    /// What this span is.
    pub kind: SentenceKind,
    /// Index of the block (paragraph) it belongs to, counted from 0.
    pub block: usize,
}

/// Splits `text` into sentences and labels each with its role, in article order.
#[allow(clippy::collapsible_if)] // Nested for readability; clippy 1.95 prefers let chains.
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut cursor = CharCursor::new(text);
    let mut out = Vec::new();
    let all = blocks(text);
    for (index, block) in all.iter().enumerate() {
        let kind = classify_block(text, block, index);
        let mut push = |out: &mut Vec<Sentence>, a: usize, b: usize, kind| {
            let start = cursor.to_char(a);
            let end = cursor.to_char(b);
            out.push(Sentence {
                start,
                end,
                byte_start: a,
                byte_end: b,
                kind,
                block: index,
            });
        };
        if kind != SentenceKind::Body {
            push(&mut out, block.bytes.start, block.bytes.end, kind);
            continue;
        }
        let body = block.bytes.start + block.marker_len..block.bytes.end;
        for (i, r) in split_block(text, body).into_iter().enumerate() {
            let mut start = r.start;
            if i == 0
                && block.marker_len == 0
                && let Some(len) = dateline_prefix_len(&text[r.clone()])
            {
                let dash_end = start + len;
                let prefix = text[start..dash_end].trim_end();
                push(
                    &mut out,
                    start,
                    start + prefix.len(),
                    SentenceKind::Dateline,
                );
                let rest = &text[dash_end..r.end];
                start = dash_end + (rest.len() - rest.trim_start().len());
            }
            if start < r.end {
                push(&mut out, start, r.end, SentenceKind::Body);
            }
        }
    }
    out
}

/// The role of a whole block.
pub fn classify_block(text: &str, block: &Block, index: usize) -> SentenceKind {
    let t = &text[block.bytes.clone()];
    if index == 0 {
        return SentenceKind::Title;
    }
    if block.marker_len > 0 {
        return SentenceKind::Body;
    }
    if t.starts_with('#') {
        return SentenceKind::Subheading;
    }
    if is_photo_credit(t) {
        return SentenceKind::PhotoCredit;
    }
    // Web-page import marks figure captions this way (src/import/blocks.rs).
    if t.starts_with("Caption: ") {
        return SentenceKind::Caption;
    }
    let words = t.split_whitespace().count();
    let last = t.chars().last().unwrap_or('.');
    let closed = matches!(
        last,
        '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ':' | ';'
    );
    if is_byline(t, words, closed) {
        return SentenceKind::Byline;
    }
    if is_date_line(t, words, closed) {
        return SentenceKind::Dateline;
    }
    if t.len() < 300 && ends_with_credit(t) {
        return SentenceKind::Caption;
    }
    if !closed {
        let lower = t.to_lowercase();
        let pictured = [
            "pictured",
            "file photo",
            "in this photo",
            "seen here",
            "above:",
            "top:",
        ]
        .iter()
        .any(|w| lower.contains(w));
        if pictured || words > 14 {
            return SentenceKind::Caption;
        }
        if words <= 14 && t.chars().next().is_some_and(|c| !c.is_lowercase()) {
            return SentenceKind::Subheading;
        }
    }
    SentenceKind::Body
}

fn is_photo_credit(t: &str) -> bool {
    if t.len() > 160 {
        return false;
    }
    let lower = t.to_lowercase();
    let lower = lower.trim_start_matches(['(', '[']);
    [
        "photo:",
        "photo by",
        "photo credit",
        "photos:",
        "photograph:",
        "photograph by",
        "photography:",
        "image:",
        "image credit",
        "image by",
        "picture:",
        "credit:",
        "illustration:",
        "video:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

fn is_byline(t: &str, words: usize, closed: bool) -> bool {
    !closed
        && words <= 10
        && t.strip_prefix("By ")
            .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn is_date_line(t: &str, words: usize, closed: bool) -> bool {
    if words > 10 || (closed && !t.ends_with('.')) {
        return false;
    }
    let lower = t.to_lowercase();
    if [
        "published",
        "updated",
        "posted",
        "last updated",
        "first published",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
    {
        return true;
    }
    let has_digit = t.chars().any(|c| c.is_ascii_digit());
    let has_month = lower
        .split(|c: char| !c.is_alphabetic())
        .any(|w| MONTHS.contains(&w));
    let iso = t.len() <= 25
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | ':' | ' ' | 'T' | 'Z'));
    (has_digit && has_month && !closed) || (iso && has_digit)
}

/// Whether `t` ends in a parenthesised photo credit such as "(Reuters)" or
/// "(AP Photo/John Doe)", with no full stop before it.
fn ends_with_credit(t: &str) -> bool {
    let Some(body) = t.strip_suffix(')') else {
        return false;
    };
    let Some(open) = body.rfind('(') else {
        return false;
    };
    let credit = &body[open + 1..];
    let before = body[..open].trim_end();
    if credit.is_empty() || credit.len() > 60 || before.is_empty() {
        return false;
    }
    let starts_upper = credit.chars().next().is_some_and(char::is_uppercase);
    let lower = credit.to_lowercase();
    let known = [
        "reuters",
        "ap",
        "afp",
        "getty",
        "epa",
        "anadolu",
        "photo",
        "xinhua",
        "tass",
        "shutterstock",
        "file",
        "courtesy",
        "pool",
        "bloomberg",
        "alamy",
        "alami",
        "sputnik",
    ]
    .iter()
    .any(|k| lower.split(|c: char| !c.is_alphanumeric()).any(|w| w == *k));
    // A sentence that ends in "(NATO)" is text; a picture line ending in an agency is not.
    let unfinished = !before.ends_with(['.', '!', '?']);
    starts_upper
        && (known
            || (unfinished
                && credit.split_whitespace().count() <= 4
                && !lower.chars().any(|c| c.is_ascii_digit())))
        && !before.ends_with(',')
}

/// Byte length of a dateline such as "MOSCOW (Reuters) - " or "KABUL, July 4 — " at
/// the start of a first sentence, including the dash and the spaces after it.
fn dateline_prefix_len(sentence: &str) -> Option<usize> {
    let head = sentence.get(..sentence.len().min(90))?;
    let (pos, dash) = ["—", "–", " - ", "--"]
        .iter()
        .filter_map(|d| head.find(d).map(|p| (p, *d)))
        .min_by_key(|(p, _)| *p)?;
    let prefix = head[..pos].trim();
    let first_word: String = prefix
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == ' ' || *c == '.')
        .collect();
    let caps_letters = first_word.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = first_word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    if caps_letters < 3
        || !all_caps
        || (prefix.contains(['.', '!', '?']) && !prefix.contains("D.C."))
    {
        return None;
    }
    let after = pos + dash.len();
    let rest = &sentence[after..];
    Some(after + (rest.len() - rest.trim_start().len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::char_slice;

    fn labelled(text: &str) -> Vec<(SentenceKind, String)> {
        segment(text)
            .into_iter()
            .map(|s| (s.kind, char_slice(text, s.start, s.end).to_owned()))
            .collect()
    }

    #[test]
    fn seed_article_structure() {
        let text = crate::SEED_ARTICLE;
        let got = labelled(text);
        let kind_of = |needle: &str| {
            got.iter()
                .find(|(_, s)| s.starts_with(needle))
                .map(|(k, _)| *k)
        };
        use SentenceKind::*;
        assert_eq!(kind_of("To spy on the Taliban"), Some(Title));
        assert_eq!(kind_of("Photo: ALAMI"), Some(PhotoCredit));
        assert_eq!(kind_of("Afghan soldiers during"), Some(Caption));
        assert_eq!(kind_of("An ambiguous political"), Some(Subheading));
        assert_eq!(kind_of("Russia threatens the Taliban"), Some(Subheading));
        assert_eq!(kind_of("It is noteworthy"), Some(Body));
        assert_eq!(kind_of("Russia also has a smaller base"), Some(Body));
        assert_eq!(kind_of("The Kremlin has offered"), Some(Body));
        for s in segment(text) {
            let slice = char_slice(text, s.start, s.end);
            assert_eq!(slice, &text[s.byte_start..s.byte_end]);
        }
    }

    #[test]
    fn datelines_bylines_and_lists() {
        let text = "Big news today\nBy Jane Doe\nJuly 4, 2021 10:30 BST\n\nMOSCOW (Reuters) - Russia said on Sunday it had 500 jets. More follows.\n\nKey points:\n- Taxes rose 5%\n- Jobs fell\n\nUpdated 5 July 2021";
        use SentenceKind::*;
        assert_eq!(
            labelled(text),
            vec![
                (Title, "Big news today".into()),
                (Byline, "By Jane Doe".into()),
                (Dateline, "July 4, 2021 10:30 BST".into()),
                (Dateline, "MOSCOW (Reuters) -".into()),
                (Body, "Russia said on Sunday it had 500 jets.".into()),
                (Body, "More follows.".into()),
                (Body, "Key points:".into()),
                (Body, "Taxes rose 5%".into()),
                (Body, "Jobs fell".into()),
                (Dateline, "Updated 5 July 2021".into()),
            ]
        );
    }

    #[test]
    fn captions_and_subheadings() {
        use SentenceKind::*;
        let text = "T\n\nPresident Biden speaks in Geneva (AP Photo/Evan Vucci)\n\nWhat comes next\n\nThe alliance was founded in 1949 by the North Atlantic Treaty Organization (NATO).\n\n## Background";
        let kinds: Vec<_> = labelled(text).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, vec![Title, Caption, Subheading, Body, Subheading]);
    }
}
