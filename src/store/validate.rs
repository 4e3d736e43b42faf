//! Consistency checks for a session read from disk.
//!
//! Anything that would make the app misbehave and cannot be repaired is an error.
//! Anything that can be repaired without losing information (an anchor past the
//! end of the text, two claims with one id or one number after a line-by-line git
//! merge) is repaired and reported as a warning, so one damaged claim never locks
//! the user out of the rest.

use super::error::LoadErrorKind;
use super::format::Loaded;
use crate::model::Session;
use std::collections::HashSet;

/// Claim numbers above this are refused: no session gets near it, and numbers
/// printed in JSON must stay exact for JavaScript readers (2^53). Ids are random
/// 64-bit numbers and are never exported.
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
                claim.number, claim.status, session.scheme.id
            )));
        }
    }
    renumber_duplicates(&mut session, &mut warnings);
    drop_stale_conflicts(&mut session, &mut warnings);
    for claim in &mut session.claims {
        let a = &mut claim.anchor;
        if a.start >= a.end || a.end > len {
            warnings.push(format!(
                "Claim #{} pointed at characters {}..{}, outside the article ({len} characters); it is kept with its quote and marked \"needs review\".",
                claim.number, a.start, a.end
            ));
            a.start = a.start.min(len.saturating_sub(1));
            a.end = a.end.clamp(a.start + 1, len.max(a.start + 1));
            claim.needs_review = true;
        } else if !claim.anchor.matches_article(&session.article) && !claim.needs_review {
            claim.needs_review = true;
            warnings.push(format!(
                "Claim #{} no longer matches the article text at its position; it is marked \"needs review\".",
                claim.number
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
                claim.number
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
    let too_big =
        session.next_claim_number > MAX_ID || session.claims.iter().any(|c| c.number >= MAX_ID);
    if too_big {
        return Err(LoadErrorKind::Invalid(format!(
            "its claim numbers are out of range (above {MAX_ID})"
        )));
    }
    Ok(())
}

/// Gives later claims (and sources) that share an id with an earlier one a fresh
/// id, and claims without a number or sharing one a fresh number, so nothing is
/// dropped (a line-by-line git merge may put two claims #7 in one file). Also moves
/// the number counter past every number in use, so numbers are never handed out twice.
fn renumber_duplicates(session: &mut Session, warnings: &mut Vec<String>) {
    let highest = session.claims.iter().map(|c| c.number).max().unwrap_or(0);
    session.next_claim_number = session.next_claim_number.max(highest + 1);
    let mut claim_ids = HashSet::new();
    let mut source_ids = HashSet::new();
    let mut numbers = HashSet::new();
    for i in 0..session.claims.len() {
        let Some((id, number)) = session.claims.get(i).map(|c| (c.id, c.number)) else {
            continue;
        };
        if number == 0 || !numbers.insert(number) {
            let new = session.allocate_claim_number();
            numbers.insert(new);
            warnings.push(if number == 0 {
                format!("A claim had no number; it is now claim #{new}.")
            } else {
                format!("Two claims had the number {number}; the second is now claim #{new}.")
            });
            if let Some(c) = session.claims.get_mut(i) {
                c.number = new;
            }
        }
        if !claim_ids.insert(id) {
            let new = session.allocate_claim_id();
            claim_ids.insert(new);
            let number = session.claims.get(i).map_or(0, |c| c.number);
            warnings.push(format!(
                "Two claims had the same id; claim #{number} was given a new one."
            ));
            if let Some(c) = session.claims.get_mut(i) {
                c.id = new;
            }
        }
        let mut fresh = Vec::new();
        if let Some(claim) = session.claims.get(i) {
            for (k, source) in claim.sources.iter().enumerate() {
                if !source_ids.insert(source.id) {
                    fresh.push(k);
                }
            }
        }
        for k in fresh {
            let new = loop {
                let id = session.allocate_source_id();
                if source_ids.insert(id) {
                    break id;
                }
            };
            if let Some(claim) = session.claims.get_mut(i)
                && let Some(source) = claim.sources.get_mut(k)
            {
                source.id = new;
                warnings.push(format!(
                    "Two sources had the same id; the one on claim #{} was given a new one.",
                    claim.number
                ));
            }
        }
    }
}

/// Forgets conflicts about claims that are no longer in the session (nothing is
/// left to settle) and second conflicts about one subject.
fn drop_stale_conflicts(session: &mut Session, warnings: &mut Vec<String>) {
    let ids: HashSet<_> = session.claims.iter().map(|c| c.id).collect();
    let mut seen = HashSet::new();
    let before = session.conflicts.len();
    session.conflicts.retain(|c| {
        c.about.claim().is_none_or(|id| ids.contains(&id)) && seen.insert(c.about.clone())
    });
    let dropped = before - session.conflicts.len();
    if dropped > 0 {
        warnings.push(format!(
            "{dropped} merge conflict(s) concerned claims that are no longer in the session; they were dropped."
        ));
    }
}
