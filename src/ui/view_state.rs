//! What the user is looking at, as opposed to what the session contains.

use super::find::FindInArticle;
use crate::model::{ClaimId, LabelId};
use std::ops::Range;

/// Selection, filters and what the panes were asked to do next frame.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    /// The claim shown in the inspector and emphasised in the article.
    pub selected: Option<ClaimId>,
    /// Characters currently selected in the article, if any.
    pub text_selection: Option<Range<usize>>,
    /// What the side pane shows.
    pub side: SidePane,
    /// Claims list filter.
    pub filter: ClaimFilter,
    /// The article's current scroll offset (remembered between launches).
    pub article_scroll: f32,
    /// Find in the article: the bar, the words and where they occur.
    pub find: FindInArticle,
    /// Requests for the panes, handed to them with the next frame's context.
    requests: Vec<ViewRequest>,
}

/// Something a pane is asked to do once: scroll somewhere, take the keyboard, drop a
/// selection. The app queues requests while applying intents; the panes see them in
/// the next frame's [`super::pane::PaneContext`] and then they are gone.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewRequest {
    /// Scroll the article to this claim.
    RevealClaimInArticle(ClaimId),
    /// Scroll the article to this character.
    RevealCharInArticle(usize),
    /// Scroll the claims list to this claim.
    RevealClaimInList(ClaimId),
    /// Give the keyboard to the claims filter.
    FocusFilter,
    /// Give the keyboard to the find bar above the article.
    FocusFind,
    /// Drop the article's text selection (it became a claim).
    ClearTextSelection,
    /// Scroll the article to this offset (restoring where the user left off).
    ScrollArticleTo(f32),
    /// Show the top of the inspector (another claim was selected).
    InspectorToTop,
    /// Scroll the inspector to the claim's last source and put the keyboard in its
    /// URL field (a source was just added).
    RevealNewSource,
    /// Give the keyboard to the archive's search field.
    FocusArchiveSearch,
}

impl ViewState {
    /// Queues a request for the panes.
    pub fn request(&mut self, request: ViewRequest) {
        self.requests.push(request);
    }

    /// Takes the queued requests (once per frame, before drawing).
    pub fn take_requests(&mut self) -> Vec<ViewRequest> {
        std::mem::take(&mut self.requests)
    }

    /// The queued requests, not yet handed out.
    pub fn requests(&self) -> &[ViewRequest] {
        &self.requests
    }
}

/// The side pane's two views.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SidePane {
    /// The claims list and the claim inspector.
    #[default]
    Claims,
    /// Suggested claims and why they were suggested.
    Suggestions,
    /// Search all sessions: the archive of earlier checks.
    Archive,
    /// What a merge left to settle (shown while the session has conflicts).
    Conflicts,
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
    /// Indexes (into `session.claims`) of the claims that pass, in article order.
    pub fn rows(&self, session: &crate::model::Session) -> Vec<usize> {
        let needle = self.text.trim().to_lowercase();
        (0..session.claims.len())
            .filter(|&i| self.matches(&session.claims[i], &needle))
            .collect()
    }

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
