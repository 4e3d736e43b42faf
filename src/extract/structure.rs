//! What each part of an article is: title, photo credit, caption, subheading,
//! dateline, byline, editor's note, credits, links and promotions, or body text.
//!
//! Only body sentences can be suggested as claims; the rest are labelled so they
//! are skipped. The text and its offsets are never changed: a non-body block is
//! kept whole as one span of its kind.

use super::boilerplate::{
    caps_label_len, is_boilerplate, is_caps_heading, is_credit, is_credit_line, is_editors_note,
    is_picture_credit, starts_as_boilerplate,
};
use super::segment::{Block, Blocks, CharCursor};
use super::sentences::split_block_each;

/// The role of a span of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum SentenceKind {
    /// The headline: the first block of the text.
    Title,
    /// "Photo: ALAMI", "Photograph by ...".
    PhotoCredit,
    /// An image caption, such as "Soldiers in Kandahar (Reuters)".
    Caption,
    /// A short heading between paragraphs, a Markdown `#` heading, a heading in
    /// capitals, or the capitals label that opens a paragraph ("WHAT'S NEXT:").
    Subheading,
    /// A date line, or the "MOSCOW (Reuters) -" prefix of a first paragraph.
    Dateline,
    /// "By Jane Doe".
    Byline,
    /// An editor's note or correction: "EDITOR'S NOTE: This story has been amended…".
    EditorsNote,
    /// Reporting and editing credits, contact lines: "(Additional reporting by …)",
    /// "The Associated Press contributed to this report."
    Credits,
    /// Links and promotions: "Related: …", "Read more", "Click here to …",
    /// "Sign up for our newsletter", copyright lines.
    Boilerplate,
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
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    segment_each(text, &mut |s| out.push(s));
    out
}

/// [`segment`], handing each span to `f` in article order instead of collecting
/// them: memory stays flat however long the article.
pub fn segment_each(text: &str, f: &mut dyn FnMut(Sentence)) {
    let mut cursor = CharCursor::new(text);
    for (index, block) in Blocks::new(text).enumerate() {
        let mut push = |a: usize, b: usize, kind| {
            let start = cursor.to_char(a);
            let end = cursor.to_char(b);
            f(Sentence {
                start,
                end,
                byte_start: a,
                byte_end: b,
                kind,
                block: index,
            });
        };
        let kind = classify_block(text, &block, index);
        if kind != SentenceKind::Body {
            push(block.bytes.start, block.bytes.end, kind);
            continue;
        }
        let body = block.bytes.start + block.marker_len..block.bytes.end;
        let mut first = true;
        // An editor's note goes on to the end of its paragraph.
        let mut rest_of_block: Option<SentenceKind> = None;
        split_block_each(text, body, &mut |r| {
            let mut start = r.start;
            if first && block.marker_len == 0 {
                let sentence = &text[r.clone()];
                let prefix = dateline_prefix_len(sentence)
                    .map(|len| (len, SentenceKind::Dateline))
                    .or_else(|| {
                        caps_label_len(sentence).map(|len| (len, SentenceKind::Subheading))
                    });
                if let Some((len, kind)) = prefix {
                    let label = text[start..start + len].trim_end();
                    push(start, start + label.len(), kind);
                    let rest = &text[start + len..r.end];
                    start += len + (rest.len() - rest.trim_start().len());
                }
            }
            first = false;
            if start >= r.end {
                return;
            }
            let kind = rest_of_block.unwrap_or_else(|| classify_sentence(&text[start..r.end]));
            if kind == SentenceKind::EditorsNote {
                rest_of_block = Some(kind);
            }
            push(start, r.end, kind);
        });
    }
}

/// The role of one sentence inside a body paragraph: body, unless it is an editor's
/// note, a credit line or a link.
pub fn classify_sentence(t: &str) -> SentenceKind {
    if is_photo_credit(t) || is_picture_credit(t) {
        SentenceKind::PhotoCredit
    } else if is_editors_note(t) {
        SentenceKind::EditorsNote
    } else if is_credit(t) {
        SentenceKind::Credits
    } else if is_boilerplate(t) {
        SentenceKind::Boilerplate
    } else {
        SentenceKind::Body
    }
}

/// The role of a whole block.
pub fn classify_block(text: &str, block: &Block, index: usize) -> SentenceKind {
    let t = &text[block.bytes.clone()];
    if index == 0 {
        return SentenceKind::Title;
    }
    if is_editors_note(t) {
        return SentenceKind::EditorsNote;
    }
    if is_credit_line(t) {
        return SentenceKind::Credits;
    }
    if starts_as_boilerplate(t) {
        return SentenceKind::Boilerplate;
    }
    if block.marker_len > 0 {
        return SentenceKind::Body;
    }
    if t.starts_with('#') {
        return SentenceKind::Subheading;
    }
    if is_photo_credit(t) || is_picture_credit(t) {
        return SentenceKind::PhotoCredit;
    }
    // Web-page import marks figure captions this way (src/import/blocks.rs).
    if t.starts_with("Caption: ") {
        return SentenceKind::Caption;
    }
    // Counted up to a bound: every rule below is about short blocks.
    let words = t.split_whitespace().take(1000).count();
    let last = t.chars().last().unwrap_or('.');
    let closed = matches!(
        last,
        '.' | '!'
            | '?'
            | '…'
            | '"'
            | '”'
            | '’'
            | '\''
            | ':'
            | ';'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '」'
            | '』'
            | '؟'
            | '۔'
            | '।'
            | '॥'
    );
    if is_byline(t, words, closed) {
        return SentenceKind::Byline;
    }
    if is_date_line(t, words, closed) {
        return SentenceKind::Dateline;
    }
    if is_caps_heading(t) {
        return SentenceKind::Subheading;
    }
    if t.len() < 300 && ends_with_credit(t) {
        return SentenceKind::Caption;
    }
    // A heading or a caption is one sentence; a paragraph whose last sentence lacks
    // a full stop ("... met 3 times. 👨‍👩‍👧 ٣٤") is still text.
    let mut sentences = 0;
    if !closed {
        split_block_each(text, block.bytes.clone(), &mut |_| sentences += 1);
    }
    if !closed && sentences <= 1 {
        let lower = t.get(..t.len().min(1000)).unwrap_or("").to_lowercase();
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
        // Scripts without spaces: count characters, about two to a word.
        let words = words.max(t.chars().take(2000).filter(|c| is_wide(*c)).count() / 2);
        // A caption runs to a few dozen words; a long paragraph that only lacks its
        // full stop is text.
        if pictured || (15..=60).contains(&words) {
            return SentenceKind::Caption;
        }
        if words > 60 {
            return SentenceKind::Body;
        }
        if t.chars().next().is_some_and(|c| !c.is_lowercase()) {
            return SentenceKind::Subheading;
        }
    }
    SentenceKind::Body
}

/// Characters of scripts written without spaces between words (CJK, kana, Thai).
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0x0E00..=0x0E7F | 0xF900..=0xFAFF)
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
        "pictures:",
        "images:",
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
            .or_else(|| t.strip_prefix("BY "))
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
    if t.len() > 200 || words > 10 || (closed && !t.ends_with('.')) {
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
    fn notes_credits_links_and_caps_headings_are_not_body() {
        use SentenceKind::*;
        let text = "Senate passes the budget\n\nEDITOR'S NOTE: This story has been amended to remove a quote. The original said 40 senators agreed.\n\nWASHINGTON (Reuters) - The Senate passed the budget on Friday, 52 to 48. Read more about the vote here.\n\nTHE BIG PICTURE\n\nWHAT'S NEXT: The House votes in May, aides said.\n\nRelated: How the budget grew by $1 trillion\n\nThe deficit will rise 12 percent. An earlier version of this story said 14 percent. It was corrected on Monday.\n\n(Additional reporting by Jane Doe in New York; Editing by John Smith)";
        assert_eq!(
            labelled(text),
            vec![
                (Title, "Senate passes the budget".into()),
                (
                    EditorsNote,
                    "EDITOR'S NOTE: This story has been amended to remove a quote. The original said 40 senators agreed.".into()
                ),
                (Dateline, "WASHINGTON (Reuters) -".into()),
                (Body, "The Senate passed the budget on Friday, 52 to 48.".into()),
                (Boilerplate, "Read more about the vote here.".into()),
                (Subheading, "THE BIG PICTURE".into()),
                (Subheading, "WHAT'S NEXT:".into()),
                (Body, "The House votes in May, aides said.".into()),
                (Boilerplate, "Related: How the budget grew by $1 trillion".into()),
                (Body, "The deficit will rise 12 percent.".into()),
                (EditorsNote, "An earlier version of this story said 14 percent.".into()),
                (EditorsNote, "It was corrected on Monday.".into()),
                (
                    Credits,
                    "(Additional reporting by Jane Doe in New York; Editing by John Smith)".into()
                ),
            ]
        );
    }

    #[test]
    fn credit_and_link_sentences_inside_a_paragraph() {
        use SentenceKind::*;
        let text = "T\n\nThe plant closed in 2019, costing 400 jobs. Click here to see the full list. The Associated Press contributed to this report.";
        let kinds: Vec<_> = labelled(text).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, vec![Title, Body, Boilerplate, Credits]);
    }

    #[test]
    fn one_paragraph_per_line() {
        use SentenceKind::*;
        let text = "Town votes to close its library\nBy Jane Doe\nThe council voted on Monday to close the library, which has served the town since 1904.\nRESIDENTS REACT\nResidents said they would appeal. The appeal is due in May.\nReporting by Jane Doe; Editing by Ali Khan";
        assert_eq!(
            labelled(text),
            vec![
                (Title, "Town votes to close its library".into()),
                (Byline, "By Jane Doe".into()),
                (
                    Body,
                    "The council voted on Monday to close the library, which has served the town since 1904.".into()
                ),
                (Subheading, "RESIDENTS REACT".into()),
                (Body, "Residents said they would appeal.".into()),
                (Body, "The appeal is due in May.".into()),
                (Credits, "Reporting by Jane Doe; Editing by Ali Khan".into()),
            ]
        );
    }

    #[test]
    fn any_script_is_body() {
        use SentenceKind::*;
        let text = "标题\n\n我们今天去了北京。他说很好。\n\nThe minister said 40% of ministers met 3 times. 👨‍👩‍👧 ٣٤";
        let kinds: Vec<_> = labelled(text).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, vec![Title, Body, Body, Body, Body]);
    }

    #[test]
    fn a_long_paragraph_without_a_full_stop_is_body() {
        use SentenceKind::*;
        let long = format!("T\n\n{}the ministry", "according to ".repeat(40));
        let kinds: Vec<_> = labelled(&long).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, vec![Title, Body]);
        // A caption is a few dozen words at most.
        let caption = "T\n\nSoldiers of the 5th brigade patrol the streets of the old town near the border during the curfew on Monday evening";
        assert_eq!(labelled(caption)[1].0, Caption);
    }

    #[test]
    fn captions_and_subheadings() {
        use SentenceKind::*;
        let text = "T\n\nPresident Biden speaks in Geneva (AP Photo/Evan Vucci)\n\nWhat comes next\n\nThe alliance was founded in 1949 by the North Atlantic Treaty Organization (NATO).\n\n## Background";
        let kinds: Vec<_> = labelled(text).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, vec![Title, Caption, Subheading, Body, Subheading]);
    }
}
