//! Consistency checks for a session read from disk.
//!
//! Anything that would make the app misbehave and cannot be repaired is an error.
//! Anything that can be repaired without losing information (an anchor past the
//! end of the text, two claims with one id after a git merge) is repaired and
//! reported as a warning, so one damaged claim never locks the user out of the rest.

use super::error::LoadErrorKind;
use super::format::Loaded;
use crate::model::{ClaimId, Session, SourceId};
use std::collections::HashSet;

/// Ids and counters above this are refused: no session gets near it, and exports
/// to JSON must stay exact for JavaScript readers (2^53).
pub const MAX_ID: u64 = 1 << 53;

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
    check_id_range(&session)?;
    if !session.article.checksum_matches() {
        warnings.push(
            "The article text in this file was changed outside Claimdesk (its SHA-256 no longer matches). Claims whose text moved are marked \"needs review\".".into(),
        );
        session.article.origin.sha256 = crate::model::article::sha256_hex(&session.article.text);
    }
    let len = session.article.char_len();
    for claim in &session.claims {
        if session.scheme.label(&claim.status).is_none() {
            return Err(invalid(format!(
                "claim #{} has the verdict \"{}\", which is not in the rating scheme \"{}\"",
                claim.id, claim.status, session.scheme.id
            )));
        }
    }
    renumber_duplicates(&mut session, &mut warnings);
    for claim in &mut session.claims {
        let a = &mut claim.anchor;
        if a.start >= a.end || a.end > len {
            warnings.push(format!(
                "Claim #{} pointed at characters {}..{}, outside the article ({len} characters); it is kept with its quote and marked \"needs review\".",
                claim.id, a.start, a.end
            ));
            a.start = a.start.min(len.saturating_sub(1));
            a.end = a.end.clamp(a.start + 1, len.max(a.start + 1));
            claim.needs_review = true;
        } else if !claim.anchor.matches_article(&session.article) && !claim.needs_review {
            claim.needs_review = true;
            warnings.push(format!(
                "Claim #{} no longer matches the article text at its position; it is marked \"needs review\".",
                claim.id
            ));
        }
        if let Some(att) = &mut claim.attribution
            && (att.start > att.end || att.end > len)
        {
            // The claimant and cue words are kept; only the highlight goes.
            att.start = claim.anchor.start;
            att.end = claim.anchor.start;
            warnings.push(format!(
                "Claim #{}'s claimant mention pointed outside the article; it is no longer highlighted.",
                claim.id
            ));
        }
    }
    if !session.claims.is_sorted_by_key(|c| c.order_key()) {
        session.claims.sort_by_key(|c| c.order_key());
    }
    session
        .dismissed_suggestions
        .retain(|&(s, e)| s < e && e <= len);
    Ok(Loaded { session, warnings })
}

fn check_id_range(session: &Session) -> Result<(), LoadErrorKind> {
    let too_big = session.next_claim_id > MAX_ID
        || session.next_source_id > MAX_ID
        || session
            .claims
            .iter()
            .any(|c| c.id.0 >= MAX_ID || c.sources.iter().any(|s| s.id.0 >= MAX_ID));
    if too_big {
        return Err(LoadErrorKind::Invalid(format!(
            "its claim or source numbers are out of range (above {MAX_ID})"
        )));
    }
    Ok(())
}

/// Gives later claims (and sources) that share an id with an earlier one a fresh
/// id, so nothing is dropped (two branches of a git merge may each add claim #7).
/// Also moves the id counters past every id in use, so ids are never handed out twice.
fn renumber_duplicates(session: &mut Session, warnings: &mut Vec<String>) {
    let max_claim = session.claims.iter().map(|c| c.id.0).max().unwrap_or(0);
    let max_source = session
        .claims
        .iter()
        .flat_map(|c| c.sources.iter().map(|s| s.id.0))
        .max()
        .unwrap_or(0);
    session.next_claim_id = session.next_claim_id.max(max_claim + 1);
    session.next_source_id = session.next_source_id.max(max_source + 1);
    let mut claim_ids = HashSet::new();
    let mut source_ids = HashSet::new();
    for i in 0..session.claims.len() {
        let Some(id) = session.claims.get(i).map(|c| c.id) else {
            continue;
        };
        if !claim_ids.insert(id) {
            let new = ClaimId(session.next_claim_id);
            session.next_claim_id += 1;
            claim_ids.insert(new);
            warnings.push(format!(
                "Two claims had the id {id}; the second is now claim #{new}."
            ));
            if let Some(c) = session.claims.get_mut(i) {
                c.id = new;
            }
        }
        let Some(claim) = session.claims.get_mut(i) else {
            continue;
        };
        for source in &mut claim.sources {
            if !source_ids.insert(source.id) {
                let new = SourceId(session.next_source_id);
                session.next_source_id += 1;
                source_ids.insert(new);
                warnings.push(format!(
                    "Two sources had the id {}; the one on claim #{} is now source #{new}.",
                    source.id, claim.id
                ));
                source.id = new;
            }
        }
    }
}
