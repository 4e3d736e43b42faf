//! A claim: a checkable statement in the article, with its verdict and evidence.

use super::anchor::Anchor;
use super::ids::{ClaimId, SourceId};
use super::scheme::LabelId;
use super::source::Source;
use serde::{Deserialize, Serialize};

/// A statement in the article that is being checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable random id, the same in every copy of the session; never shown to people.
    pub id: ClaimId,
    /// The number people know the claim by ("Claim #7"): unique within the session,
    /// never reused, and changed only when a merge finds two claims with one number.
    #[serde(default)]
    pub number: u64,
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
    /// Who set the current verdict (the reviewer's name), when known. Changes only
    /// when the verdict changes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub verdict_by: String,
    /// The day the current verdict was set, `YYYY-MM-DD`, when known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub verdict_date: String,
    /// Evidence, in the order it was added.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Free-form notes for the desk.
    #[serde(default)]
    pub note: String,
    /// Set when re-anchoring after an article change could not place the claim confidently.
    #[serde(default)]
    pub needs_review: bool,
    /// The page where this claim's fact check is published (ClaimReview `url`); empty
    /// means the export's pattern (`--url` plus `#claim-N`) is used.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub review_url: String,
    /// When the claim was made, `YYYY-MM-DD` (ClaimReview's claim date); may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub claim_date: String,
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
    /// A fresh claim on `anchor` with the scheme's "not yet reviewed" status and no
    /// number yet (the session gives it one when it is added).
    pub fn new(id: ClaimId, anchor: Anchor, status: LabelId) -> Self {
        Self {
            id,
            number: 0,
            text: anchor.exact.clone(),
            anchor,
            claimant: String::new(),
            attribution: None,
            status,
            sources: Vec::new(),
            note: String::new(),
            needs_review: false,
            verdict_by: String::new(),
            verdict_date: String::new(),
            review_url: String::new(),
            claim_date: String::new(),
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
