//! Find in the article (Ctrl+F): every place the words occur, which one is current,
//! and stepping through them. The bar that edits it is drawn by the article pane
//! ([`super::article_view`]); the app applies [`FindStep`] intents here and scrolls
//! the article to the current match.

use std::ops::Range;

/// What the find bar asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum FindStep {
    /// Show the bar and put the keyboard in it.
    Open,
    /// Look for this text instead.
    Query(String),
    /// Go to the next match (1) or the previous one (-1), wrapping around.
    Step(isize),
    /// Hide the bar and its highlights.
    Close,
}

/// The find bar's state: the text looked for and where it occurs in the article.
#[derive(Clone, Debug, Default)]
pub struct FindInArticle {
    /// Whether the bar is shown.
    pub open: bool,
    /// What the user typed.
    pub query: String,
    /// Where it occurs: character ranges in the article, in article order.
    matches: Vec<Range<usize>>,
    /// The match the article is scrolled to.
    current: Option<usize>,
    /// The article (SHA-256) and query the matches were found for.
    found_for: Option<(String, String)>,
}

impl FindInArticle {
    /// Finds the query again if the article or the query changed since the last time.
    /// Cheap when nothing changed; call it before drawing and after each step.
    pub fn refresh(&mut self, text: &str, article_sha: &str) {
        let up_to_date = match &self.found_for {
            Some((sha, query)) => sha == article_sha && *query == self.query,
            // Closed: nothing found, nothing to find.
            None => !self.open,
        };
        if up_to_date {
            return;
        }
        let key = (article_sha.to_owned(), self.query.clone());
        let was = self.current_match().map(|r| r.start);
        self.matches = if self.open {
            find_all(text, &self.query)
        } else {
            Vec::new()
        };
        // Stay near where the user was: the first match at or after the old one.
        self.current = if self.matches.is_empty() {
            None
        } else {
            let from = was.unwrap_or(0);
            Some(
                self.matches
                    .partition_point(|m| m.start < from)
                    .min(self.matches.len() - 1),
            )
        };
        self.found_for = self.open.then_some(key);
    }

    /// Applies a step from the bar. Returns the character to scroll the article to.
    pub fn apply(&mut self, step: FindStep, text: &str, article_sha: &str) -> Option<usize> {
        match step {
            FindStep::Open => {
                self.open = true;
                self.found_for = None;
            }
            FindStep::Query(query) => self.query = query,
            FindStep::Step(by) => {
                self.refresh(text, article_sha);
                let n = self.matches.len();
                if n > 0 {
                    let at = self.current.unwrap_or(0) as isize;
                    self.current = Some((at + by).rem_euclid(n as isize) as usize);
                }
                return self.current_match().map(|r| r.start);
            }
            FindStep::Close => {
                self.open = false;
                self.matches.clear();
                self.current = None;
                self.found_for = None;
                return None;
            }
        }
        self.refresh(text, article_sha);
        self.current_match().map(|r| r.start)
    }

    /// Every match, in article order.
    pub fn matches(&self) -> &[Range<usize>] {
        &self.matches
    }

    /// The match the article is scrolled to.
    pub fn current_match(&self) -> Option<&Range<usize>> {
        self.matches.get(self.current?)
    }

    /// The matches that touch characters `chars` (one paragraph), with whether each is
    /// the current one.
    pub fn matches_in(&self, chars: Range<usize>) -> impl Iterator<Item = (&Range<usize>, bool)> {
        let first = self.matches.partition_point(|m| m.end <= chars.start);
        let current = self.current;
        self.matches[first..]
            .iter()
            .enumerate()
            .take_while(move |(_, m)| m.start < chars.end)
            .map(move |(i, m)| (m, current == Some(first + i)))
    }

    /// "3 of 12", "No matches", or nothing before anything is typed.
    pub fn status(&self) -> String {
        if self.query.trim().is_empty() {
            String::new()
        } else if self.matches.is_empty() {
            "No matches".to_owned()
        } else {
            format!(
                "{} of {}",
                self.current.map_or(0, |c| c + 1),
                self.matches.len()
            )
        }
    }
}

/// Where `query` occurs in `text`, ignoring case: character ranges, in order, not
/// overlapping. Leading and trailing spaces of the query count (looking for " war "
/// finds the word), but a query of only spaces finds nothing.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    // One lower-case character per character, so positions stay character offsets
    // (a character whose lower case is longer, like 'İ', keeps its first one).
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let needle: Vec<char> = query.chars().map(fold).collect();
    let hay: Vec<char> = text.chars().map(fold).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i] == needle[0] && hay[i..i + needle.len()] == needle[..] {
            found.push(i..i + needle.len());
            i += needle.len();
        } else {
            i += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Troops left. The troops came back; TROOPS everywhere. Trooper.";

    #[test]
    fn finds_every_occurrence_ignoring_case_in_characters() {
        assert_eq!(find_all(TEXT, "troops"), vec![0..6, 17..23, 35..41]);
        assert_eq!(find_all("Ça coûte 5 €, ça coûte", "ÇA"), vec![0..2, 14..16]);
        assert_eq!(
            find_all("aaaa", "aa"),
            vec![0..2, 2..4],
            "never overlapping"
        );
        assert!(find_all(TEXT, "   ").is_empty());
        assert!(find_all(TEXT, "").is_empty());
        assert!(find_all("short", "longer than the text").is_empty());
        assert_eq!(find_all(TEXT, " troops "), vec![16..24, 34..42]);
    }

    #[test]
    fn stepping_wraps_around_and_says_where_it_is() {
        let mut find = FindInArticle::default();
        find.apply(FindStep::Open, TEXT, "a");
        assert_eq!(find.status(), "");
        assert_eq!(
            find.apply(FindStep::Query("troops".into()), TEXT, "a"),
            Some(0)
        );
        assert_eq!(find.status(), "1 of 3");
        assert_eq!(find.apply(FindStep::Step(1), TEXT, "a"), Some(17));
        assert_eq!(find.apply(FindStep::Step(1), TEXT, "a"), Some(35));
        assert_eq!(find.apply(FindStep::Step(1), TEXT, "a"), Some(0), "wraps");
        assert_eq!(
            find.apply(FindStep::Step(-1), TEXT, "a"),
            Some(35),
            "and back"
        );
        assert_eq!(find.status(), "3 of 3");
        assert_eq!(
            find.apply(FindStep::Query("nowhere".into()), TEXT, "a"),
            None
        );
        assert_eq!(find.status(), "No matches");
        assert_eq!(find.apply(FindStep::Step(1), TEXT, "a"), None);
        find.apply(FindStep::Close, TEXT, "a");
        assert!(!find.open && find.matches().is_empty());
    }

    #[test]
    fn a_longer_query_stays_near_the_current_match_and_a_new_article_is_searched_again() {
        let mut find = FindInArticle::default();
        find.apply(FindStep::Open, TEXT, "a");
        find.apply(FindStep::Query("troop".into()), TEXT, "a");
        find.apply(FindStep::Step(1), TEXT, "a");
        find.apply(FindStep::Step(1), TEXT, "a");
        assert_eq!(find.current_match(), Some(&(35..40)));
        // Typing on keeps the place: the first match at or after it.
        assert_eq!(
            find.apply(FindStep::Query("troops".into()), TEXT, "a"),
            Some(35)
        );
        find.refresh("No soldiers here.", "b");
        assert_eq!(find.status(), "No matches");
    }

    #[test]
    fn a_paragraph_sees_its_own_matches_and_the_current_one() {
        let mut find = FindInArticle::default();
        find.apply(FindStep::Open, TEXT, "a");
        find.apply(FindStep::Query("troops".into()), TEXT, "a");
        find.apply(FindStep::Step(1), TEXT, "a");
        let in_second_half: Vec<_> = find.matches_in(13..54).collect();
        assert_eq!(in_second_half, vec![(&(17..23), true), (&(35..41), false)]);
        assert_eq!(find.matches_in(54..63).count(), 0);
    }
}
