//! Small phrases the app and the command line share, so a count always agrees with its noun.

/// "1 claim", "3 claims": `n` with the noun in the form that goes with it.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(count(1, "session", "sessions"), "1 session");
        assert_eq!(count(0, "session", "sessions"), "0 sessions");
        assert_eq!(count(12, "review file", "review files"), "12 review files");
    }
}
