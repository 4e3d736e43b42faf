//! What the HTML and Markdown reports share: which claims they publish, and what they
//! say when there are none.
//!
//! A report numbers each claim with its own number (`Claim #4`, [`Claim::number`]),
//! never its place in the list, so the numbers match the app and the command line
//! even when claims were deleted or left out.
//!
//! [`Claim::number`]: crate::model::Claim::number

use super::ExportOptions;
use crate::model::Session;
use std::borrow::Cow;

/// The session as a report publishes it: as it is, or, with
/// [`ExportOptions::reviewed_only`], without the claims whose verdict is still the
/// scheme's "not yet reviewed" label. The verdict summary and chart are made from
/// the same claims, so they describe what the report shows.
pub fn published<'a>(session: &'a Session, options: &ExportOptions) -> Cow<'a, Session> {
    let reviewed = |c: &crate::model::Claim| session.scheme.is_reviewed(&c.status);
    if !options.reviewed_only || session.claims.iter().all(reviewed) {
        return Cow::Borrowed(session);
    }
    let mut kept = session.clone();
    kept.claims.retain(reviewed);
    Cow::Owned(kept)
}

/// The sentence a report shows instead of claims when it has none: `original` is the
/// session before [`published`] left any out.
pub fn no_claims_sentence(original: &Session) -> &'static str {
    if original.claims.is_empty() {
        "No claims have been marked in this article yet."
    } else {
        "No claims have been reviewed yet."
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_session;

    #[test]
    fn reviewed_only_leaves_out_unreviewed_claims_and_keeps_numbers() {
        let session = sample_session();
        let unreviewed = &session.scheme.unreviewed;
        assert!(session.claims.iter().any(|c| &c.status == unreviewed));
        let all = published(&session, &ExportOptions::default());
        assert_eq!(all.claims.len(), session.claims.len());
        let options = ExportOptions {
            reviewed_only: true,
            ..ExportOptions::default()
        };
        let kept = published(&session, &options);
        assert!(kept.claims.iter().all(|c| &c.status != unreviewed));
        let numbers = |s: &Session| -> Vec<u64> {
            s.claims
                .iter()
                .filter(|c| &c.status != unreviewed)
                .map(|c| c.number)
                .collect()
        };
        assert_eq!(numbers(&kept), numbers(&session));
    }
}
