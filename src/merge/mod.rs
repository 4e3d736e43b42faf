//! Three-way merge of sessions, the conflicts it records, and the diff git shows.
//!
//! Two people change copies of one session (on two git branches, or two synced
//! folders); [`merge`] combines their work by identity, not by lines:
//!
//! - claims and sources are matched by their random ids, so everything added on
//!   either side is kept;
//! - each field of a claim merges on its own, so edits to different fields combine;
//! - a claim deleted on one side and edited on the other is kept, with a conflict;
//! - the same field changed differently on both sides is a [`Conflict`] recorded in
//!   the session: it keeps the base value until a person picks one (never git's
//!   `<<<<<<<` markers, so the file always opens);
//! - an article text changed on one side re-anchors the other side's claims in the
//!   new text; claims that cannot be placed are flagged "needs review", never dropped.
//!   Both sides changing the text differently is a conflict with both texts kept;
//! - display numbers that two sides gave to different claims are renumbered, the
//!   same way whichever side is "ours".
//!
//! [`diff`] lists what changed between two versions of a session in words, for
//! `claimdesk diff` and git's diff driver.
//!
//! [`Conflict`]: crate::model::Conflict

mod article;
mod claims;
pub mod diff;
mod numbers;
mod three_way;

pub use diff::{SessionDiff, diff};

use crate::model::{
    Conflict, ConflictSide, ConflictSubject, ConflictValue, FORMAT_VERSION, IdGenerator, Session,
};
use three_way::Merged;

/// What to call the two sides in the conflicts a merge records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeLabels {
    /// Our side (the version being merged into): "ours", or a branch name.
    pub ours: String,
    /// Their side (the version being merged in): "theirs", or a branch name.
    pub theirs: String,
}

impl Default for MergeLabels {
    fn default() -> Self {
        Self {
            ours: "ours".into(),
            theirs: "theirs".into(),
        }
    }
}

/// The result of a merge.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeOutcome {
    /// The merged session (its conflicts, old and new, are in `session.conflicts`).
    pub session: Session,
    /// How many conflicts this merge recorded.
    pub new_conflicts: usize,
    /// Claims that re-anchoring could not place in the merged article text.
    pub needs_review: usize,
    /// Claims given a new display number because two sides used the same one:
    /// (old number, new number), in the order they were renumbered.
    pub renumbered: Vec<(u64, u64)>,
}

impl MergeOutcome {
    /// Whether nothing is left for a person to settle.
    pub fn is_clean(&self) -> bool {
        self.session.conflicts.is_empty()
    }
}

/// Merges `ours` and `theirs`, two versions of `base`, into one session.
///
/// Never fails: anything the two sides disagree on is recorded as a conflict in the
/// result. Deterministic: the same three sessions always give the same result, and
/// swapping `ours` and `theirs` gives the same session with the conflicts' sides
/// swapped.
pub fn merge(
    base: &Session,
    ours: &Session,
    theirs: &Session,
    labels: &MergeLabels,
) -> MergeOutcome {
    let mut conflicts = Vec::new();
    let (scheme, [base, ours, theirs]) =
        article::merge_schemes(base, ours, theirs, labels, &mut conflicts);
    let article = article::merge_article(&base, &ours, &theirs, labels, &mut conflicts);
    let merged_claims = claims::merge_claims(&base, &ours, &theirs, &article, labels);
    conflicts.extend(merged_claims.conflicts);
    let new_conflicts = conflicts.len();
    let mut claims = merged_claims.claims;
    let next = ours.next_claim_number.max(theirs.next_claim_number);
    let (next_claim_number, renumbered) = numbers::renumber(&base, &mut claims, next);
    claims.sort_by_key(|c| c.order_key());
    let needs_review = claims.iter().filter(|c| c.needs_review).count();
    let mut session = Session::with_scheme(article.article, scheme);
    session.format_version = FORMAT_VERSION;
    session.claims = claims;
    session.dismissed_suggestions = article.dismissed_suggestions;
    session.next_claim_number = next_claim_number;
    session.conflicts = merge_old_conflicts(&base, &ours, &theirs, conflicts);
    order_conflicts(&mut session);
    session.ids = IdGenerator::default();
    MergeOutcome {
        session,
        new_conflicts,
        needs_review,
        renumbered,
    }
}

/// The conflicts the sides already had (from an earlier merge, not yet settled),
/// merged as a set by subject, plus the new ones, which replace any older conflict
/// about the same thing. A conflict one side settled and the other kept is settled.
fn merge_old_conflicts(
    base: &Session,
    ours: &Session,
    theirs: &Session,
    new: Vec<Conflict>,
) -> Vec<Conflict> {
    let find = |s: &Session, about: &ConflictSubject| s.conflict(about).cloned();
    let mut subjects: Vec<ConflictSubject> = ours
        .conflicts
        .iter()
        .chain(&theirs.conflicts)
        .map(|c| c.about.clone())
        .collect();
    subjects.sort();
    subjects.dedup();
    let mut out = new;
    for about in subjects {
        if out.iter().any(|c| c.about == about) {
            continue;
        }
        let merged = three_way::merge3(
            &find(base, &about),
            &find(ours, &about),
            &find(theirs, &about),
        );
        let kept = match merged {
            Merged::Same(c) | Merged::Ours(c) | Merged::Theirs(c) => c,
            // Both sides hold a different version of one old conflict: keep one, the
            // same one whichever side is ours.
            Merged::Conflict { ours, theirs } => {
                let (o, t) = (format!("{ours:?}"), format!("{theirs:?}"));
                if o <= t { ours } else { theirs }
            }
        };
        out.extend(kept);
    }
    let ids: std::collections::HashSet<_> = out.iter().map(|c| c.about.clone()).collect();
    debug_assert_eq!(ids.len(), out.len());
    out
}

/// Conflicts about the article and scheme first, then by claim in article order.
fn order_conflicts(session: &mut Session) {
    let index: std::collections::HashMap<_, _> = session
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, i))
        .collect();
    let position = |c: &Conflict| match c.about.claim() {
        None => (0, 0),
        Some(id) => (1, index.get(&id).copied().unwrap_or(usize::MAX)),
    };
    let mut keyed: Vec<_> = std::mem::take(&mut session.conflicts)
        .into_iter()
        .map(|c| (position(&c), c.about.clone(), c))
        .collect();
    keyed.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    keyed.retain(|(pos, _, _)| pos.1 != usize::MAX);
    session.conflicts = keyed.into_iter().map(|(_, _, c)| c).collect();
}

/// A conflict about `about` with base, ours and theirs values.
pub(crate) fn conflict(
    about: ConflictSubject,
    base: ConflictValue,
    ours: (ConflictValue, &str, &str),
    theirs: (ConflictValue, &str, &str),
    labels: &MergeLabels,
) -> Conflict {
    Conflict {
        about,
        base,
        ours: ConflictSide {
            label: labels.ours.clone(),
            by: ours.1.to_owned(),
            date: ours.2.to_owned(),
            value: ours.0,
        },
        theirs: ConflictSide {
            label: labels.theirs.clone(),
            by: theirs.1.to_owned(),
            date: theirs.2.to_owned(),
            value: theirs.0,
        },
    }
}

#[cfg(test)]
mod tests;
