//! Which suggestions an existing claim already covers, so that accepting one (or
//! all) never makes a second claim over the same text.
//!
//! A suggestion is covered when it shares at least one character with a claim. A
//! claim flagged "needs review" counts where it was last placed: accepting the
//! sentence there would most likely duplicate it once it is re-attached.

use super::suggest::{Suggestion, to_command};
use crate::command::Command;
use crate::model::{ClaimId, Session};

/// The claims of a session, ready for overlap queries: built once in
/// O(n log n), then each query is O(log n).
#[derive(Clone, Debug, Default)]
pub struct Coverage {
    /// (start, end, id) of every claim, by start.
    claims: Vec<(usize, usize, ClaimId)>,
    /// `reach[i]`: the largest end among `claims[..=i]`.
    reach: Vec<usize>,
}

impl Coverage {
    /// The claims of `session`.
    pub fn new(session: &Session) -> Self {
        let mut claims: Vec<(usize, usize, ClaimId)> = session
            .claims
            .iter()
            .filter(|c| c.anchor.start < c.anchor.end)
            .map(|c| (c.anchor.start, c.anchor.end, c.id))
            .collect();
        claims.sort_unstable();
        let reach = claims
            .iter()
            .scan(0, |max, c| {
                *max = (*max).max(c.1);
                Some(*max)
            })
            .collect();
        Self { claims, reach }
    }

    /// The first claim (in article order) that shares a character with the
    /// characters `start..end`, if any.
    pub fn claim_covering(&self, start: usize, end: usize) -> Option<ClaimId> {
        if start >= end {
            return None;
        }
        // The first claim whose end reaches past `start`: every claim before it ends
        // at or before `start`; it overlaps if it also starts before `end`, and if it
        // does not, no later claim (starting even later) can.
        let i = self.reach.partition_point(|&r| r <= start);
        let &(s, e, id) = self.claims.get(i)?;
        (s < end && e > start).then_some(id)
    }

    /// The claim covering `suggestion`, if any.
    pub fn covering(&self, suggestion: &Suggestion) -> Option<ClaimId> {
        self.claim_covering(suggestion.start, suggestion.end)
    }
}

impl Suggestion {
    /// The claim of `session` that already covers this suggestion (shares text with
    /// it), if any. For many suggestions, build one [`Coverage`] instead.
    pub fn covered_by(&self, session: &Session) -> Option<ClaimId> {
        Coverage::new(session).covering(self)
    }
}

/// The command that accepts `suggestion` as a claim in `session`, or `None` when a
/// claim already covers it.
pub fn accept(suggestion: &Suggestion, session: &Session) -> Option<Command> {
    suggestion
        .covered_by(session)
        .is_none()
        .then(|| to_command(suggestion))
}

/// The commands that accept `suggestions` as claims in `session`, in the order
/// given: one per suggestion that no claim covers and that does not overlap one
/// accepted before it in the same call. Callers choose the suggestions (above the
/// threshold, not dismissed); this makes sure none becomes a second claim.
pub fn accept_all<'a>(
    suggestions: impl IntoIterator<Item = &'a Suggestion>,
    session: &Session,
) -> Vec<Command> {
    let coverage = Coverage::new(session);
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for s in suggestions {
        if coverage.covering(s).is_some() || taken.iter().any(|&(a, b)| a < s.end && s.start < b) {
            continue;
        }
        taken.push((s.start, s.end));
        out.push(to_command(s));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::apply;
    use crate::extract::suggest;
    use crate::model::Article;

    fn session(text: &str) -> Session {
        Session::new(Article::new("T".into(), text.into(), None))
    }

    fn add(session: &mut Session, start: usize, end: usize) -> ClaimId {
        apply(
            session,
            Command::AddClaim {
                start,
                end,
                claimant: String::new(),
                attribution: None,
            },
        )
        .unwrap();
        session
            .claims
            .iter()
            .find(|c| c.anchor.start == start && c.anchor.end == end)
            .unwrap()
            .id
    }

    #[test]
    fn overlap_queries_match_a_linear_scan() {
        let text = "x".repeat(200);
        let mut s = session(&text);
        let spans = [
            (5, 20),
            (10, 12),
            (30, 90),
            (40, 45),
            (100, 101),
            (150, 199),
        ];
        for (a, b) in spans {
            add(&mut s, a, b);
        }
        let cov = Coverage::new(&s);
        for start in 0..200 {
            for end in start..=200 {
                let linear = s
                    .claims
                    .iter()
                    .filter(|c| c.anchor.start < end && start < c.anchor.end && start < end)
                    .min_by_key(|c| (c.anchor.start, c.anchor.end))
                    .map(|c| c.id);
                let got = cov.claim_covering(start, end);
                assert_eq!(got.is_some(), linear.is_some(), "{start}..{end}");
                if let Some(id) = got {
                    let c = s.claim(id).unwrap();
                    assert!(c.anchor.start < end && start < c.anchor.end);
                }
            }
        }
    }

    #[test]
    fn a_claim_inside_or_around_a_suggestion_covers_it() {
        let text =
            "T\n\nTaxes rose 5 percent in 2020, the ministry said. Jobs fell by 40,000 in May.";
        let mut s = session(text);
        let all = suggest(text);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].covered_by(&s), None);
        // A claim over a few words of the first sentence.
        let id = add(&mut s, all[0].start + 6, all[0].start + 10);
        assert_eq!(all[0].covered_by(&s), Some(id));
        assert_eq!(all[1].covered_by(&s), None);
        assert!(accept(&all[0], &s).is_none());
        assert!(accept(&all[1], &s).is_some());
        // A claim running over both sentences covers both.
        let mut s2 = session(text);
        let wide = add(&mut s2, all[0].end - 3, all[1].start + 3);
        assert_eq!(all[0].covered_by(&s2), Some(wide));
        assert_eq!(all[1].covered_by(&s2), Some(wide));
        // Touching is not overlapping.
        let mut s3 = session(text);
        add(&mut s3, all[0].end, all[1].start);
        assert_eq!(all[0].covered_by(&s3), None);
    }

    #[test]
    fn accepting_all_never_makes_a_second_claim() {
        let text =
            "T\n\nTaxes rose 5 percent in 2020. Jobs fell by 40,000 in May. Prices rose 3 percent.";
        let mut s = session(text);
        let all = suggest(text);
        assert_eq!(all.len(), 3);
        add(&mut s, all[1].start, all[1].start + 4);
        // The same suggestion twice, as a stale list might hold it.
        let twice = [&all[0], &all[0], &all[1], &all[2]];
        let commands = accept_all(twice, &s);
        assert_eq!(commands.len(), 2);
        apply(&mut s, Command::Batch(commands)).unwrap();
        assert_eq!(s.claims.len(), 3);
        // Accepting again finds everything covered.
        assert!(accept_all(&all, &s).is_empty());
        for a in &s.claims {
            for b in &s.claims {
                assert!(a.id == b.id || !a.anchor.overlaps(&b.anchor));
            }
        }
    }

    #[test]
    fn claims_that_need_review_still_cover() {
        let text = "T\n\nTaxes rose 5 percent in 2020.";
        let mut s = session(text);
        let all = suggest(text);
        let id = add(&mut s, all[0].start, all[0].end);
        s.claims[0].needs_review = true;
        assert_eq!(all[0].covered_by(&s), Some(id));
    }
}
