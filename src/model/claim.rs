//! A claim: a checkable statement in the article, with its verdict and evidence.

use super::anchor::Anchor;
use super::ids::{ClaimId, SourceId};
use super::scheme::LabelId;
use super::source::Source;
use serde::{Deserialize, Serialize};

/// A statement in the article that is being checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id, never reused within a session.
    pub id: ClaimId,
    /// Where the claim sits in the article.
    pub anchor: Anchor,
    /// The claim's wording as it will be published (starts as the exact quote).
    pub text: String,
    /// Who made the claim (a person or organisation); may be empty.
    #[serde(default)]
    pub claimant: String,
    /// How the claimant was found in the text, when a suggestion detected it.
    #[serde(default)]
    pub attribution: Option<Attribution>,
    /// The verdict label's id in the session's rating scheme.
    pub status: LabelId,
    /// Evidence, in the order it was added.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Free-form notes for the desk.
    #[serde(default)]
    pub note: String,
    /// Set when re-anchoring after an article change could not place the claim confidently.
    #[serde(default)]
    pub needs_review: bool,
}

/// Where and how an article attributes a claim to someone ("Lavrov said").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The claimant as written in the text.
    pub claimant: String,
    /// The attribution phrase ("said", "according to", "reported").
    pub cue: String,
    /// Character offset of the claimant's mention in the article.
    pub start: usize,
    /// End (exclusive) of the claimant's mention.
    pub end: usize,
}

impl Claim {
    /// A fresh claim on `anchor` with the scheme's "not yet reviewed" status.
    pub fn new(id: ClaimId, anchor: Anchor, status: LabelId) -> Self {
        Self {
            id,
            text: anchor.exact.clone(),
            anchor,
            claimant: String::new(),
            attribution: None,
            status,
            sources: Vec::new(),
            note: String::new(),
            needs_review: false,
        }
    }

    /// Looks a source up by id.
    pub fn source(&self, id: SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Article-order sort key: by start, then longer first, then id.
    pub fn order_key(&self) -> (usize, std::cmp::Reverse<usize>, ClaimId) {
        (
            self.anchor.start,
            std::cmp::Reverse(self.anchor.end),
            self.id,
        )
    }
}
