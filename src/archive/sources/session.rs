//! Session files as archived checks: every claim with its verdict, sources and note.

use crate::archive::record::{ArchivedClaim, ArchivedSource, ArticleFacts, Origin, Verdict};
use crate::model::{Claim, Session};
use std::path::Path;

/// What the archive needs to know of a session's article (its title, and its
/// publication date and address from the article details), and the number the desk
/// sees for a claim.
pub fn article_and_number(session: &Session, claim: &Claim) -> (ArticleFacts, u64) {
    let meta = &session.article.meta;
    let known = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let facts = ArticleFacts {
        title: session.article.title.trim().to_owned(),
        date: crate::export::date::parse_date(&meta.published).ok(),
        url: known(&meta.url).or_else(|| {
            session
                .article
                .origin
                .fetched_url
                .as_deref()
                .and_then(known)
        }),
    };
    (facts, claim.number)
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
            // The day the verdict was set says when the check was made; else the
            // latest day a source was read.
            let read = crate::export::date::parse_date(&claim.verdict_date)
                .ok()
                .or_else(|| {
                    claim
                        .sources
                        .iter()
                        .filter_map(|s| crate::export::date::parse_date(&s.accessed).ok())
                        .max()
                });
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
