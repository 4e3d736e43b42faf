//! Locating a quote approximately: semi-global edit distance (Sellers' algorithm),
//! where the whole quote must be matched but may start and end anywhere in the
//! window. O(quote × window) time, O(quote) memory.

/// The best approximate occurrence of `pattern` in `window`: `(distance, start, end)`
/// with `window[start..end]` the aligned span. `None` for an empty pattern.
pub fn best_span(pattern: &[char], window: &[char]) -> Option<(usize, usize, usize)> {
    if pattern.is_empty() {
        return None;
    }
    let (dist, end) = best_end(pattern, window.iter().copied());
    // Run backwards from the end to find where that alignment starts.
    let head = window.get(..end).unwrap_or_default();
    let reversed: Vec<char> = pattern.iter().rev().copied().collect();
    let (_, len) = best_end(&reversed, head.iter().rev().copied());
    Some((dist, end - len, end))
}

/// Smallest edit distance of `pattern` against any span of `text` ending at some
/// position, and the first such end.
fn best_end(pattern: &[char], text: impl Iterator<Item = char>) -> (usize, usize) {
    let m = pattern.len();
    // col[i]: distance of pattern[..i] against the best span ending at the current column.
    let mut col: Vec<usize> = (0..=m).collect();
    let mut best = (m, 0);
    for (j, tc) in text.enumerate() {
        let mut diag = 0; // col[0] of the previous column: a span may start anywhere.
        for i in 1..=m {
            let up = col[i];
            let cost = usize::from(pattern[i - 1] != tc);
            col[i] = (diag + cost).min(up + 1).min(col[i - 1] + 1);
            diag = up;
        }
        if col[m] < best.0 {
            best = (col[m], j + 1);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn finds_a_quote_with_a_fixed_typo() {
        let window = chars("Earlier text. The goverment said so. Later text.");
        let (d, s, e) = best_span(&chars("The government said so."), &window).unwrap();
        assert_eq!(d, 1);
        assert_eq!(
            window[s..e].iter().collect::<String>(),
            "The goverment said so."
        );
    }

    #[test]
    fn exact_occurrence_has_distance_zero() {
        let window = chars("abc hello world xyz");
        assert_eq!(best_span(&chars("hello"), &window), Some((0, 4, 9)));
        assert_eq!(best_span(&[], &window), None);
    }
}
