//! Consistency checks for a session read from disk.
//!
//! Anything that would make the app misbehave is an error; anything that can be
//! repaired without losing information is repaired and reported as a warning.

use super::error::LoadErrorKind;
use super::format::Loaded;
use crate::model::Session;
use std::collections::HashSet;

/// Checks and repairs a freshly parsed session.
pub fn validate(mut session: Session) -> Result<Loaded, LoadErrorKind> {
    let invalid = |msg: String| LoadErrorKind::Invalid(msg);
    let mut warnings = Vec::new();
    session.scheme.validate().map_err(|e| {
        invalid(format!(
            "its rating scheme \"{}\" is broken: {e}",
            session.scheme.id
        ))
    })?;
    if session.article.text.trim().is_empty() {
        return Err(invalid("the article text is empty".into()));
    }
    if !session.article.checksum_matches() {
        warnings.push(
            "The article text in this file was changed outside Claimdesk (its SHA-256 no longer matches). Claims whose text moved are marked \"needs review\".".into(),
        );
        session.article.origin.sha256 = crate::model::article::sha256_hex(&session.article.text);
    }
    let len = session.article.char_len();
    let mut claim_ids = HashSet::new();
    let mut source_ids = HashSet::new();
    let mut max_claim = 0;
    let mut max_source = 0;
    for claim in &mut session.claims {
        if !claim_ids.insert(claim.id) {
            return Err(invalid(format!("two claims have the id {}", claim.id)));
        }
        max_claim = max_claim.max(claim.id.0);
        let a = &claim.anchor;
        if a.start >= a.end || a.end > len {
            return Err(invalid(format!(
                "claim #{} points at characters {}..{}, outside the article ({len} characters)",
                claim.id, a.start, a.end
            )));
        }
        if session.scheme.label(&claim.status).is_none() {
            return Err(invalid(format!(
                "claim #{} has the verdict \"{}\", which is not in the rating scheme \"{}\"",
                claim.id, claim.status, session.scheme.id
            )));
        }
        if !claim.anchor.matches_article(&session.article) && !claim.needs_review {
            claim.needs_review = true;
            warnings.push(format!(
                "Claim #{} no longer matches the article text at its position; it is marked \"needs review\".",
                claim.id
            ));
        }
        for source in &claim.sources {
            if !source_ids.insert(source.id) {
                return Err(invalid(format!("two sources have the id {}", source.id)));
            }
            max_source = max_source.max(source.id.0);
        }
    }
    // Ids must never be handed out twice, even if the counters were edited by hand.
    session.next_claim_id = session.next_claim_id.max(max_claim.saturating_add(1));
    session.next_source_id = session.next_source_id.max(max_source.saturating_add(1));
    if !session.claims.is_sorted_by_key(|c| c.order_key()) {
        session.claims.sort_by_key(|c| c.order_key());
    }
    session
        .dismissed_suggestions
        .retain(|&(s, e)| s < e && e <= len);
    Ok(Loaded { session, warnings })
}
