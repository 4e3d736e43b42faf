//! Small phrases the app and the command line share: a count that agrees with its
//! noun, a text cut short.

/// "1 claim", "3 claims": `n` with the noun in the form that goes with it.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The first `max` characters of `text`, with "…" when it was cut.
pub fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{count, cut};

    #[test]
    fn cut_keeps_short_texts_and_cuts_long_ones_on_characters() {
        assert_eq!(cut("Ünïcode", 7), "Ünïcode");
        assert_eq!(cut("Ünïcode", 3), "Ünï…");
        assert_eq!(cut("", 0), "");
    }

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(count(1, "session", "sessions"), "1 session");
        assert_eq!(count(0, "session", "sessions"), "0 sessions");
        assert_eq!(count(12, "review file", "review files"), "12 review files");
    }
}
