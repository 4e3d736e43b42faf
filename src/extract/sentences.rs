//! Splitting one block of text into sentences.
//!
//! A run of `.`, `!`, `?`, `…` (with closing quotes and brackets after it) ends a
//! sentence when whitespace and a sentence start follow; a single `.` is checked
//! against the word before it and the word after it (abbreviations, initials,
//! initialisms, numbers); an ellipsis against the word before it. Inline list
//! markers ("1.", "b)", "•") start a new sentence and are left out of it. CJK full
//! stops end a sentence without a space after them. One pass over the block, with
//! only bounded look-around, so it is linear and allocates nothing but the output.

use super::abbrev::{
    cannot_end_sentence, is_common_starter, is_maybe_final_abbreviation,
    is_never_final_abbreviation, is_reference_abbreviation,
};
use super::enumeration::{Enumeration, is_inline_bullet};
use std::ops::Range;

/// Ends a sentence (with whitespace after it, or for CJK stops without).
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '؟'
            | '۔'
            | '।'
            | '॥'
            | '‽'
    )
}

/// Full stops of scripts written without spaces between sentences.
fn is_unspaced_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Closing quotes and brackets.
pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | ')'
            | ']'
            | '»'
            | '›'
            | '}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '》'
            | '〉'
    )
}

fn is_quote_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | '」' | '』')
}

/// Opening quotes and brackets.
pub(super) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '('
            | '['
            | '«'
            | '‹'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
            | '【'
            | '《'
            | '〈'
    )
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|t| t.chars().next_back())
}

fn skip_whitespace(s: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(s, i) {
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Splits one block (byte range `block` of `text`, list marker already skipped) into
/// sentence byte ranges, trimmed of surrounding whitespace.
pub fn split_block(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    split_block_each(text, block, &mut |r| out.push(r));
    out
}

/// What a run of sentence-ending punctuation is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    /// One '.', perhaps with closing quotes or brackets.
    Dot,
    /// "…", "...", ". . ." (three dots at most).
    Ellipsis,
    /// Anything else: "!", "?!", "....", "。".
    Other,
}

/// [`split_block`], calling `emit` with each sentence's byte range in order.
pub fn split_block_each(text: &str, block: Range<usize>, emit: &mut dyn FnMut(Range<usize>)) {
    let Some(s) = text.get(block.clone()) else {
        return;
    };
    let base = block.start;
    let mut push = |from: usize, to: usize| {
        if let Some(part) = s.get(from..to) {
            let lead = part.len() - part.trim_start().len();
            let body = part.trim();
            if !body.is_empty() {
                let a = base + from + lead;
                emit(a..a + body.len());
            }
        }
    };
    let mut list = Enumeration::default();
    let mut sent = 0usize;
    // Whether only whitespace, bullets and markers came since the block's start.
    let mut fresh = true;
    let mut i = 0usize;
    while let Some(c) = char_at(s, i) {
        let word_start = char_before(s, i).is_none_or(char::is_whitespace);
        if word_start {
            if is_inline_bullet(s, i) {
                push(sent, i);
                i = skip_whitespace(s, i + c.len_utf8());
                sent = i;
                fresh = true;
                continue;
            }
            if let Some(end) = list.marker_at(s, i, fresh) {
                push(sent, i);
                i = end;
                sent = i;
                fresh = true;
                continue;
            }
        }
        if !is_terminal(c) {
            if !c.is_whitespace() {
                fresh = false;
            }
            i += c.len_utf8();
            continue;
        }
        fresh = false;
        let (run, quoted, j) = scan_run(s, i);
        let Some(after) = char_at(s, j) else {
            break;
        };
        let unspaced = s[i..j].chars().any(is_unspaced_terminal);
        if !after.is_whitespace() && !unspaced {
            // "3.5", "U.S.A", "example.com", "x@y.org", "e.g.,": not an end.
            i = j;
            continue;
        }
        let k = skip_whitespace(s, j);
        if k >= s.len() {
            break;
        }
        let ends = if unspaced {
            true
        } else {
            match run {
                Run::Dot => dot_ends_sentence(s, sent, i, k),
                Run::Ellipsis => ellipsis_ends_sentence(s, i, k),
                Run::Other => starts_sentence(s, k),
            }
        };
        if quoted
            && char_at(s, k) == Some('(')
            && let Some(close) = citation_end(s, k)
        {
            // "“...,” he wrote. (p. 12) Next": the reference belongs before.
            let after_close = close + 1;
            let next = skip_whitespace(s, after_close);
            if next > after_close && next < s.len() && starts_sentence(s, next) {
                push(sent, after_close);
                sent = next;
                i = next;
            } else {
                i = after_close;
            }
            continue;
        }
        if ends {
            push(sent, j);
            sent = k;
        }
        i = k;
    }
    push(sent, s.len());
}

/// Number of bytes of a spaced ellipsis (". . ." or ". . . .") starting at `i`, or 0.
fn spaced_dots(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    let mut p = i;
    while b.get(p) == Some(&b'.') {
        n += 1;
        if b.get(p + 1) == Some(&b' ') && b.get(p + 2) == Some(&b'.') && n < 4 {
            p += 2;
        } else {
            p += 1;
            break;
        }
    }
    if n >= 3 { p - i } else { 0 }
}

/// The run of terminals and closers starting at `i`: its kind, whether a closing
/// quote is in it, and where it ends.
fn scan_run(s: &str, i: usize) -> (Run, bool, usize) {
    let mut j = i;
    let mut dots = 0usize;
    let mut ellipsis = false;
    let mut other = false;
    let mut quoted = false;
    while let Some(c) = char_at(s, j) {
        if c == '.' {
            let spaced = spaced_dots(s, j);
            if spaced > 0 {
                dots += s[j..j + spaced].matches('.').count();
                ellipsis = true;
                j += spaced;
            } else {
                dots += 1;
                j += 1;
            }
        } else if c == '…' {
            ellipsis = true;
            dots += 3;
            j += c.len_utf8();
        } else if is_terminal(c) {
            other = true;
            j += c.len_utf8();
        } else if is_closer(c) || matches!(c, '“' | '‘') {
            // German and Czech close a quotation with “ („Nein.“).
            quoted |= is_quote_closer(c) || matches!(c, '“' | '‘');
            j += c.len_utf8();
        } else {
            break;
        }
    }
    let run = if other || dots > 3 {
        Run::Other
    } else if ellipsis || dots > 1 {
        Run::Ellipsis
    } else {
        Run::Dot
    };
    (run, quoted, j)
}

/// Whether the text at byte `k` can start a sentence.
fn starts_sentence(s: &str, k: usize) -> bool {
    let Some(c) = char_at(s, k) else {
        return true;
    };
    if opens_sentence(c) || matches!(c, '$' | '£' | '€' | '¥' | '#' | '@') {
        return true;
    }
    if is_opener(c) || matches!(c, '-' | '•' | '*' | '–' | '—') {
        // An opening quote or bracket counts if what it opens looks like a start.
        return char_at(s, k + c.len_utf8()).is_some_and(|n| opens_sentence(n) || is_opener(n));
    }
    if c.is_lowercase() {
        return false;
    }
    // Emoji and other symbols can open a sentence; punctuation cannot.
    !c.is_alphanumeric() && !c.is_ascii_punctuation() && !is_closer(c)
}

/// A capital, a digit of any script, or a letter of a script without case.
fn opens_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_numeric() || (c.is_alphabetic() && !c.is_lowercase())
}

/// The word (letters and digits) starting at, or just after opening quotes at, `k`,
/// and the character after it.
fn word_at(s: &str, k: usize) -> (&str, Option<char>) {
    let mut a = k;
    while let Some(c) = char_at(s, a).filter(|&c| is_opener(c)) {
        a += c.len_utf8();
    }
    let mut b = a;
    while let Some(c) = char_at(s, b).filter(|c| c.is_alphanumeric()) {
        b += c.len_utf8();
    }
    (&s[a..b], char_at(s, b))
}

/// Whether the word at `k` usually starts a sentence ("The", "Then", "I"), and so
/// is not the rest of a name. A one-letter word followed by a '.' is an initial.
fn starter_at(s: &str, k: usize) -> bool {
    let (word, after) = word_at(s, k);
    is_common_starter(word) && !(word.len() == 1 && after == Some('.'))
}

/// Decides whether a single '.' at byte `dot` (followed by whitespace, then the
/// text at `next`) ends a sentence, from the word before it and the word after it.
fn dot_ends_sentence(s: &str, sent_start: usize, dot: usize, next: usize) -> bool {
    if !starts_sentence(s, next) {
        return false;
    }
    // The token before the dot: back to whitespace or an opening bracket/quote.
    let mut t = dot;
    while t > sent_start {
        match char_before(s, t) {
            Some(c) if !c.is_whitespace() && !is_opener(c) => t -= c.len_utf8(),
            _ => break,
        }
    }
    let tok = &s[t..dot];
    if tok.is_empty() {
        return true;
    }
    let number_next = char_at(s, next).is_some_and(char::is_numeric);
    // "pp. 12", "No. 7", "sec. 4", "c. 1900".
    if number_next && is_reference_abbreviation(tok) {
        return false;
    }
    let starter = starter_at(s, next);
    // A single capital is an initial ("John F. Kennedy") unless a sentence opener
    // follows: "... than I. Then", "World War I. The".
    let mut letters = tok.chars();
    if let (Some(only), None) = (letters.next(), letters.next())
        && only.is_uppercase()
    {
        return starter;
    }
    if is_never_final_abbreviation(tok) {
        return false;
    }
    let lower = tok.to_ascii_lowercase();
    if lower == "a.m" || lower == "p.m" {
        // "at 5 a.m. Police arrived" ends; "5 a.m. EST" does not.
        let (word, _) = word_at(s, next);
        let tz = word.len() <= 4 && word.chars().all(|c| c.is_ascii_uppercase());
        return !tz;
    }
    if lower == "etc" {
        return true;
    }
    if is_maybe_final_abbreviation(tok) || is_dotted_initialism(tok) {
        return starter;
    }
    true
}

/// Whether an ellipsis at `run` (followed by whitespace, then `next`) ends a
/// sentence: a capital must follow, and the word before must be one a sentence can
/// end with ("the ... President" leaves words out inside a sentence).
fn ellipsis_ends_sentence(s: &str, run: usize, next: usize) -> bool {
    if !starts_sentence(s, next) || char_at(s, next).is_some_and(char::is_numeric) {
        return false;
    }
    let before = s[..run].trim_end();
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(before.len(), |(b, _)| b);
    !cannot_end_sentence(&before[word_start..])
}

/// "U.S", "U.K", "Ph.D": letters in groups of at most two, separated by dots.
fn is_dotted_initialism(tok: &str) -> bool {
    tok.contains('.')
        && tok
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(char::is_alphabetic))
}

/// A parenthesis at `open` that holds a citation or page reference ("(p. 12)",
/// "(Smith 2010)", "(emphasis added)"): the byte of its closing bracket.
fn citation_end(s: &str, open: usize) -> Option<usize> {
    let rest = s.get(open + 1..)?;
    // Looked for within 100 bytes only: a citation is short.
    let (len, _) = rest
        .char_indices()
        .take_while(|&(b, _)| b <= 100)
        .find(|&(_, c)| matches!(c, ')' | '(' | '\n'))?;
    if !rest[len..].starts_with(')') {
        return None;
    }
    let inner = rest[..len].trim();
    let lower = inner.to_lowercase();
    let cited = [
        "p.", "pp.", "p ", "page", "ibid", "id.", "cf.", "see ", "emphasis", "quoted", "citing",
        "cited", "source", "translat", "sic", "original", "ch.", "chap", "sec", "§", "art.",
        "para", "vol", "no.", "note", "fn",
    ]
    .iter()
    .any(|w| lower.starts_with(w));
    // A sentence in brackets ("(The vote was 52 to 48.)") is not a citation.
    let sentence = inner.ends_with(['.', '!', '?'])
        && inner.split_whitespace().count() >= 4
        && inner.chars().next().is_some_and(char::is_uppercase);
    let has_digit = inner.chars().any(|c| c.is_ascii_digit());
    (cited || (has_digit && !sentence)).then_some(open + 1 + len)
}

#[cfg(test)]
mod tests;
