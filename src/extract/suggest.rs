//! Suggested claims: body sentences scored for check-worthiness, with reasons and
//! the claimant, ready to become claims with one [`Command`].

use super::checkworthiness::Model;
use super::claimant::{Attributor, SentenceRef};
use super::features::Features;
use super::structure::{SentenceKind, segment_each};
use crate::command::Command;
use crate::model::Attribution;

/// Score at or above which a sentence is suggested. The shipped model's intercept
/// is shifted at training time so that 0.5 is the threshold that maximised F1 in
/// cross-validation on the training data.
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// How many reasons a suggestion carries.
const REASONS: usize = 5;

/// How many sentences between two progress reports.
const PROGRESS_EVERY: usize = 256;

/// A sentence worth checking, as found in the article.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Suggestion {
    /// First character (Unicode scalar offset into the article).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The sentence, exactly as in the article.
    pub text: String,
    /// Check-worthiness in [0, 1].
    pub score: f32,
    /// Who makes the claim, when the article says so. Boxed: most sentences have
    /// none, and a long article's suggestions should stay small in memory.
    pub attribution: Option<Box<Attribution>>,
}

impl Suggestion {
    /// The features that moved the score most, largest effect first.
    ///
    /// Worked out again from the sentence when asked, not kept: only the inspector
    /// and `suggest --format json` show them, and keeping five worded reasons for
    /// every sentence made a suggestion several hundred bytes (issue 15: memory).
    pub fn reasons(&self) -> Vec<Reason> {
        explain(&self.text)
    }
}

/// The features that moved `sentence`'s score most, largest effect first (at most
/// five). Nothing if the embedded model cannot be parsed (a test guarantees it can).
pub fn explain(sentence: &str) -> Vec<Reason> {
    let Ok(model) = Model::embedded() else {
        return Vec::new();
    };
    let mut buf = Features::default();
    model.score_with(sentence, &mut buf);
    model
        .explain_features(sentence, &buf, REASONS)
        .into_iter()
        .map(|c| Reason {
            feature: c.feature,
            weight: c.weight,
        })
        .collect()
}

/// One reason for a score.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Reason {
    /// Plain words, e.g. "contains a number" or "the word \"percent\"".
    pub feature: String,
    /// Signed effect on the log-odds: positive raised the score, negative lowered it.
    pub weight: f32,
}

/// Every body sentence of `text` with its score, in article order (no threshold:
/// filter by [`Suggestion::score`], e.g. against [`DEFAULT_THRESHOLD`]).
pub fn suggest(text: &str) -> Vec<Suggestion> {
    suggest_with_progress(text, &mut |_| {})
}

/// [`suggest`], calling `progress` with the fraction done (0 to 1) every few hundred
/// sentences and once at the end, for a progress bar.
///
/// Returns nothing if the embedded model cannot be parsed (a test guarantees it can).
pub fn suggest_with_progress(text: &str, progress: &mut dyn FnMut(f32)) -> Vec<Suggestion> {
    let mut out = Vec::new();
    suggest_each(text, progress, &mut |s| out.push(s));
    out
}

/// [`suggest_with_progress`], handing each suggestion to `f` as soon as it is made
/// instead of collecting them, for callers that print or filter as they go. Besides
/// what `f` keeps, memory stays bounded: the article is read in one pass and only
/// the previous sentence is remembered (for claimants carried over).
pub fn suggest_each(text: &str, progress: &mut dyn FnMut(f32), f: &mut dyn FnMut(Suggestion)) {
    progress(0.0);
    let Ok(model) = Model::embedded() else {
        progress(1.0);
        return;
    };
    let mut buf = Features::default();
    let mut attributor = Attributor::default();
    let mut count = 0usize;
    let total = text.len().max(1) as f64;
    segment_each(text, &mut |s| {
        if s.kind != SentenceKind::Body {
            return;
        }
        count += 1;
        if count.is_multiple_of(PROGRESS_EVERY) {
            progress((s.byte_end as f64 / total) as f32);
        }
        let t = text.get(s.byte_start..s.byte_end).unwrap_or("");
        let score = model.score_with(t, &mut buf);
        let attribution = attributor.next_sentence(&SentenceRef {
            text: t,
            start: s.start,
            block: s.block,
        });
        f(Suggestion {
            start: s.start,
            end: s.end,
            text: t.to_owned(),
            score,
            attribution: attribution.map(Box::new),
        });
    });
    progress(1.0);
}

/// The command that accepts a suggestion as a claim, with its claimant.
///
/// It does not look at the session: to accept a suggestion into a session without
/// making a second claim over text a claim already covers, use
/// [`accept`](super::coverage::accept) or [`accept_all`](super::coverage::accept_all).
pub fn to_command(s: &Suggestion) -> Command {
    Command::AddClaim {
        start: s.start,
        end: s.end,
        claimant: s
            .attribution
            .as_ref()
            .map(|a| a.claimant.clone())
            .unwrap_or_default(),
        attribution: s.attribution.as_deref().cloned(),
    }
}

/// The suggestions at or above `min_score`, in article order.
pub fn above(suggestions: &[Suggestion], min_score: f32) -> Vec<&Suggestion> {
    suggestions
        .iter()
        .filter(|s| s.score >= min_score)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::char_slice;

    #[test]
    fn only_body_sentences_with_exact_text() {
        let text = "Headline about 5 things\nPhoto: AP\n\nThe deficit rose 12 percent in 2020, the ministry said. Thanks.";
        let got = suggest(text);
        assert_eq!(got.len(), 2);
        for s in &got {
            assert_eq!(char_slice(text, s.start, s.end), s.text);
            assert!((0.0..=1.0).contains(&s.score));
        }
        assert!(got[0].score > got[1].score);
        assert_eq!(got[0].attribution.as_ref().unwrap().claimant, "ministry");
    }

    #[test]
    fn reasons_are_worked_out_on_demand_and_explain_the_score() {
        let text = "T\n\nThe deficit rose 12 percent in 2020, the ministry said.";
        let s = &suggest(text)[0];
        let reasons = s.reasons();
        assert!(!reasons.is_empty() && reasons.len() <= REASONS);
        assert!(reasons.iter().all(|r| !r.feature.is_empty()));
        // Largest effect first.
        assert!(
            reasons
                .windows(2)
                .all(|w| w[0].weight.abs() >= w[1].weight.abs())
        );
        assert_eq!(reasons, explain(&s.text));
    }

    #[test]
    fn progress_runs_from_zero_to_one() {
        let text = "A title\n\n".to_owned() + &"Prices rose 5 percent last year. ".repeat(1000);
        let mut seen = Vec::new();
        let got = suggest_with_progress(&text, &mut |p| seen.push(p));
        assert_eq!(got.len(), 1000);
        assert_eq!(seen.first(), Some(&0.0));
        assert_eq!(seen.last(), Some(&1.0));
        assert!(seen.len() > 3);
        assert!(seen.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn accepting_makes_an_add_claim_with_claimant() {
        let text = "T\n\nLavrov said 500 troops left.";
        let s = &suggest(text)[0];
        match to_command(s) {
            Command::AddClaim {
                start,
                end,
                claimant,
                attribution,
            } => {
                assert_eq!((start, end), (s.start, s.end));
                assert_eq!(claimant, "Lavrov");
                assert_eq!(attribution.unwrap().cue, "said");
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
