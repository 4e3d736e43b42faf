//! Session files as archived checks: every claim with its verdict, sources and note.

use crate::archive::record::{ArchivedClaim, ArchivedSource, ArticleFacts, Origin, Verdict};
use crate::model::{Claim, Session};
use std::path::Path;

/// What the archive needs to know of a session's article, and the number the desk sees
/// for a claim.
///
/// Kept in this one function so that richer article metadata (a URL, a publication date)
/// and per-session display numbers are picked up in one place when the model has them.
pub fn article_and_number(session: &Session, claim: &Claim) -> (ArticleFacts, u64) {
    let facts = ArticleFacts {
        title: session.article.title.trim().to_owned(),
        date: None,
        url: None,
    };
    (facts, claim.id.0)
}

/// Every claim of `session` (read from `path`) as an archived check.
///
/// `saved` is the day the file was last written (`YYYY-MM-DD`), the check's date when
/// no source says when it was read.
pub fn claims_of(session: &Session, path: &Path, saved: Option<&str>) -> Vec<ArchivedClaim> {
    session
        .claims
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .map(|claim| {
            let (article, number) = article_and_number(session, claim);
            let label = session.scheme.label(&claim.status);
            let verdict = Verdict {
                label_id: Some(claim.status.clone()),
                name: session.scheme.name_of(&claim.status).to_owned(),
                rating: label.and_then(|l| l.rating),
                reviewed: session.scheme.is_reviewed(&claim.status),
            };
            let sources = claim
                .sources
                .iter()
                .map(|s| ArchivedSource {
                    url: s.url.clone(),
                    title: s.title.clone(),
                    quote: s.quote.clone(),
                    stance: s.stance,
                    accessed: s.accessed.clone(),
                })
                .collect();
            // The latest day a source was read says best when the check was made.
            let read = claim
                .sources
                .iter()
                .filter_map(|s| crate::export::date::parse_date(&s.accessed).ok())
                .max();
            ArchivedClaim {
                text: claim.text.trim().to_owned(),
                verdict,
                claimant: claim.claimant.trim().to_owned(),
                note: claim.note.clone(),
                sources,
                article,
                headline: None,
                publisher: None,
                date: read.or_else(|| saved.map(str::to_owned)),
                origin: Origin::Session {
                    path: path.to_path_buf(),
                    claim_id: claim.id.0,
                    number,
                },
            }
        })
        .collect()
}
