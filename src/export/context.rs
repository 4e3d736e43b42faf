//! A claim's quote in context, tidied for reading in a report.

use crate::model::text::char_len;
use crate::model::{Anchor, Session};

/// The text around a quote as a report shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteInContext {
    /// Text before the quote (whitespace runs collapsed, a cut-off first word dropped).
    pub before: String,
    /// The quote itself, whitespace runs collapsed.
    pub exact: String,
    /// Text after the quote (whitespace runs collapsed, a cut-off last word dropped).
    pub after: String,
    /// Whether the article goes on before `before` (show an ellipsis).
    pub more_before: bool,
    /// Whether the article goes on after `after` (show an ellipsis).
    pub more_after: bool,
}

/// The quote of `anchor` with its stored prefix and suffix, ready to display.
pub fn quote_in_context(session: &Session, anchor: &Anchor) -> QuoteInContext {
    let prefix_len = char_len(&anchor.prefix);
    let suffix_len = char_len(&anchor.suffix);
    let more_before = anchor.start > prefix_len;
    let more_after = anchor.end + suffix_len < char_len(&session.article.text);
    // A context cut at a fixed length usually starts or ends mid-word; drop that fragment.
    let before = match (more_before, anchor.prefix.split_once(char::is_whitespace)) {
        (true, Some((_, rest))) => rest,
        _ => anchor.prefix.as_str(),
    };
    let after = match (more_after, anchor.suffix.rsplit_once(char::is_whitespace)) {
        (true, Some((kept, _))) => kept,
        _ => anchor.suffix.as_str(),
    };
    QuoteInContext {
        before: collapse(before, true),
        exact: collapse(&anchor.exact, false),
        after: collapse(after, true),
        more_before,
        more_after,
    }
}

/// Turns runs of whitespace (line and paragraph breaks included) into single spaces.
fn collapse(text: &str, keep_edges: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            in_space = true;
        } else {
            if in_space && (keep_edges || !out.is_empty()) {
                out.push(' ');
            }
            in_space = false;
            out.push(c);
        }
    }
    if in_space && keep_edges {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import_text;

    #[test]
    fn trims_cut_words_and_collapses_breaks() {
        let text = "Title\n\nThis is a rather long opening sentence. The sky is green.\n\nNext paragraph goes on and on and on.";
        let session = Session::new(import_text(text, None).unwrap());
        let start = text.find("The sky").unwrap();
        let a = Anchor::new(text, start, start + "The sky is green.".len()).unwrap();
        let q = quote_in_context(&session, &a);
        assert_eq!(q.exact, "The sky is green.");
        assert!(q.more_before && q.more_after);
        assert_eq!(q.before, "rather long opening sentence. ");
        assert_eq!(q.after, " Next paragraph goes on and on");
        let b = Anchor::new(text, 0, 5).unwrap();
        let q = quote_in_context(&session, &b);
        assert!(!q.more_before);
        assert_eq!(q.before, "");
    }
}
