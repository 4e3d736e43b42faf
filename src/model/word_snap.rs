//! Snapping a selection to whole words, so a drag that starts or ends inside a word
//! never makes a claim like `…Clinton," h`.

use super::Article;
use std::ops::Range;

/// How many characters to look at around a selection's ends: a word longer than this
/// is cut there rather than searched to its end (a hostile text may have no spaces).
const MAX_WORD: usize = 256;

/// Whether `c` belongs to a word: letters and digits, and an apostrophe or hyphen
/// between two of them ("Clinton's", "well-known"), handled by the callers.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Joiners that continue a word when letters stand on both sides.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐')
}

/// `range` widened to whole words and narrowed past whitespace at either end: a start
/// inside a word moves back to the word's start, an end inside a word moves on to
/// its end. A selection that is only whitespace comes back unchanged.
pub fn snap_to_words(article: &Article, range: Range<usize>) -> Range<usize> {
    let len = article.char_len();
    let (mut start, mut end) = (range.start.min(len), range.end.min(len));
    if start >= end {
        return range;
    }
    let window_start = start.saturating_sub(MAX_WORD);
    let window_end = (end + MAX_WORD).min(len);
    let before: Vec<char> = article.slice(window_start..start).chars().collect();
    let inside: Vec<char> = article.slice(start..end).chars().collect();
    let after: Vec<char> = article.slice(end..window_end).chars().collect();

    // Whitespace at the ends is never part of a claim.
    let lead = inside.iter().take_while(|c| c.is_whitespace()).count();
    if lead == inside.len() {
        return range;
    }
    let trail = inside
        .iter()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count();
    let inside = &inside[lead..inside.len() - trail];
    start += lead;
    end -= trail;

    // The word the start is in continues to the left while word characters (or a
    // joiner between two of them) precede it.
    if lead == 0 && inside.first().is_some_and(|c| is_word_char(*c)) {
        let mut i = before.len();
        while i > 0 {
            let c = before[i - 1];
            let joined = is_joiner(c) && i >= 2 && is_word_char(before[i - 2]);
            if is_word_char(c) || joined {
                i -= 1;
            } else {
                break;
            }
        }
        start -= before.len() - i;
    }
    if trail == 0 && inside.last().is_some_and(|c| is_word_char(*c)) {
        let mut i = 0;
        while i < after.len() {
            let c = after[i];
            let joined = is_joiner(c) && after.get(i + 1).is_some_and(|n| is_word_char(*n));
            if is_word_char(c) || joined {
                i += 1;
            } else {
                break;
            }
        }
        end += i;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapped(text: &str, from: &str, to: &str) -> String {
        let article = Article::new("t".into(), text.into(), None);
        let start = text[..text.find(from).unwrap()].chars().count();
        let end_b = text.find(to).unwrap() + to.len();
        let end = text[..end_b].chars().count();
        let r = snap_to_words(&article, start..end);
        article.slice(r).to_owned()
    }

    #[test]
    fn a_drag_ending_inside_a_word_takes_the_whole_word() {
        let text = "“We won,” said Clinton,\" he added later.";
        assert_eq!(snapped(text, "said", "\" h"), "said Clinton,\" he");
    }

    #[test]
    fn a_drag_starting_inside_a_word_takes_the_whole_word() {
        let text = "The ministry said 40% of staff met.";
        assert_eq!(snapped(text, "istry", "40%"), "ministry said 40%");
    }

    #[test]
    fn whole_words_and_punctuation_are_kept_as_selected() {
        let text = "He said: “Prices rose 5%.” Then he left.";
        assert_eq!(snapped(text, "“Prices", "5%.”"), "“Prices rose 5%.”");
    }

    #[test]
    fn whitespace_at_the_ends_is_dropped() {
        let text = "one two three";
        assert_eq!(snapped(text, " two", "two "), "two");
    }

    #[test]
    fn apostrophes_and_hyphens_inside_words_count_as_the_word() {
        let text = "Clinton's well-known plan";
        assert_eq!(snapped(text, "ton", "well"), "Clinton's well-known");
    }

    #[test]
    fn non_latin_words_snap_too() {
        let text = "Президент заявил вчера";
        assert_eq!(snapped(text, "зид", "зая"), "Президент заявил");
    }

    #[test]
    fn only_whitespace_is_left_alone() {
        let article = Article::new("t".into(), "a   b".into(), None);
        assert_eq!(snap_to_words(&article, 1..4), 1..4);
    }
}
