//! Typographic folding: the characters that change when an article is re-typeset
//! (curly vs straight quotes, dashes, non-breaking or other spaces) compare equal.
//!
//! Folding maps one character to one character, so positions in the folded text
//! are positions in the real text: a match found in folded text is a match at the
//! same character offsets in the article.

/// The folded form of one character.
pub fn fold(c: char) -> char {
    match c {
        c if c.is_whitespace() => ' ',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        c => c,
    }
}

/// Folds every character of `s`.
pub fn fold_str(s: &str) -> Vec<char> {
    s.chars().map(fold).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_dashes_and_spaces_fold_one_to_one() {
        let curly = "\u{201C}Don\u{2019}t\u{201D}\u{00A0}\u{2014} he\nsaid";
        let straight = "\"Don't\" - he said";
        assert_eq!(fold_str(curly), fold_str(straight));
        assert_eq!(fold_str(curly).len(), curly.chars().count());
    }
}
