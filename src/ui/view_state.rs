//! What the user is looking at, as opposed to what the session contains.

use crate::model::{ClaimId, LabelId};
use std::ops::Range;

/// Selection, filters and scroll requests shared by the panes.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    /// The claim shown in the inspector and emphasised in the article.
    pub selected: Option<ClaimId>,
    /// Characters currently selected in the article, if any.
    pub text_selection: Option<Range<usize>>,
    /// Drop the article's text selection on the next frame (after it became a claim).
    pub clear_text_selection: bool,

    /// Scroll the article to this claim on the next frame.
    pub reveal_in_article: Option<ClaimId>,
    /// Scroll the article to this character on the next frame.
    pub reveal_char: Option<usize>,
    /// What the side pane shows.
    pub side: SidePane,
    /// Scroll the claims list to this claim on the next frame.
    pub reveal_in_list: Option<ClaimId>,
    /// Claims list filter.
    pub filter: ClaimFilter,
    /// Move keyboard focus to the filter box on the next frame.
    pub focus_filter: bool,
    /// The article's current scroll offset (remembered between launches).
    pub article_scroll: f32,
    /// Scroll the article to this offset on the next frame (restoring a session).
    pub restore_article_scroll: Option<f32>,
    /// Whether an editable text field had the keyboard on the last frame.
    pub editing_text: bool,
    /// The session is open read-only (panes disable what would change it).
    pub read_only: bool,
}

/// The side pane's two views.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SidePane {
    /// The claims list and the claim inspector.
    #[default]
    Claims,
    /// Suggested claims and why they were suggested.
    Suggestions,
}

/// Which claims the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ClaimFilter {
    /// Case-insensitive text to look for in the claim, quote, claimant and note.
    pub text: String,
    /// Only this verdict, or all.
    pub status: Option<LabelId>,
    /// Only claims that need re-attaching after the article changed.
    pub needs_review: bool,
}

impl ClaimFilter {
    /// Whether the filter shows everything.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.status.is_none() && !self.needs_review
    }
}

impl ClaimFilter {
    /// Whether `claim` passes the filter. `needle` is the lower-cased filter text
    /// (computed once per filtering pass, not once per claim).
    pub fn matches(&self, claim: &crate::model::Claim, needle: &str) -> bool {
        if let Some(status) = &self.status
            && claim.status != *status
        {
            return false;
        }
        if self.needs_review && !claim.needs_review {
            return false;
        }
        if needle.is_empty() {
            return true;
        }
        [
            &claim.text,
            &claim.anchor.exact,
            &claim.claimant,
            &claim.note,
        ]
        .iter()
        .any(|field| field.to_lowercase().contains(needle))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Anchor, Claim};

    #[test]
    fn filters_by_text_and_status() {
        let anchor = Anchor::new("The base has 6,000 soldiers.", 0, 28).unwrap();
        let mut claim = Claim::new(ClaimId(1), anchor, "false".into());
        claim.claimant = "Lavrov".into();
        let f = |text: &str, status: Option<&str>| ClaimFilter {
            text: text.into(),
            status: status.map(Into::into),
            needs_review: false,
        };
        let ok = |filter: ClaimFilter| filter.matches(&claim, &filter.text.trim().to_lowercase());
        assert!(ok(f("", None)));
        assert!(ok(f("SOLDIERS", None)));
        assert!(ok(f("lavrov", Some("false"))));
        assert!(!ok(f("lavrov", Some("true"))));
        assert!(!ok(f("tanks", None)));
        let review = ClaimFilter {
            needs_review: true,
            ..f("", None)
        };
        assert!(!review.is_empty());
        assert!(!ok(review.clone()));
        let mut lost = claim.clone();
        lost.needs_review = true;
        assert!(review.matches(&lost, ""));
    }
}
