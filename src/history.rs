//! Undo and redo over [`Command`]s.
//!
//! Each applied command leaves its inverse on the undo stack. Consecutive edits of the
//! same text field are merged into one step, so undo does not go back one keystroke
//! at a time; [`History::seal`] ends such a run (the UI calls it when focus moves).

use crate::command::{Applied, Command, CommandError, apply};
use crate::model::{ClaimId, Session};

/// A state of the session, as far as saving is concerned. Two equal revisions mean
/// the same content, which is how "unsaved changes" survives undo back to the saved state.
///
/// Revisions are unique across every history in the process, not just within one:
/// the UI caches layouts per revision, and a newly opened session must never be
/// mistaken for the one it replaced.
pub type Revision = u64;

/// A revision no history has used yet.
fn fresh_revision() -> Revision {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Undo/redo stacks plus a revision counter for the unsaved-changes marker.
#[derive(Debug)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    merge_open: bool,
    revision: Revision,
}

impl Default for History {
    fn default() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            merge_open: false,
            revision: fresh_revision(),
        }
    }
}

#[derive(Debug)]
struct Entry {
    inverse: Command,
    merge_key: Option<(u8, ClaimId, u64)>,
    /// The revision this entry's inverse returns to.
    revision: Revision,
}

impl History {
    /// Applies `command` and records its inverse for undo. Clears redo.
    pub fn apply(
        &mut self,
        session: &mut Session,
        command: Command,
    ) -> Result<Applied, CommandError> {
        let key = merge_key(&command);
        let applied = apply(session, command)?;
        let merge = self.merge_open
            && key.is_some()
            && self.redo.is_empty()
            && self.undo.last().is_some_and(|e| e.merge_key == key);
        if !merge {
            self.undo.push(Entry {
                inverse: applied.inverse.clone(),
                merge_key: key,
                revision: self.revision,
            });
        }
        self.merge_open = key.is_some();
        self.redo.clear();
        self.revision = fresh_revision();
        Ok(applied)
    }

    /// Undoes the last step. Returns what the undo did, or `None` when there is nothing to undo.
    pub fn undo(&mut self, session: &mut Session) -> Option<Applied> {
        self.step(session, true)
    }

    /// Redoes the last undone step.
    pub fn redo(&mut self, session: &mut Session) -> Option<Applied> {
        self.step(session, false)
    }

    fn step(&mut self, session: &mut Session, undo: bool) -> Option<Applied> {
        self.merge_open = false;
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let entry = from.pop()?;
        // Inverses of commands that applied cleanly always apply; if one ever does not
        // (a bug), drop it rather than corrupt the stacks.
        let applied = apply(session, entry.inverse).ok()?;
        to.push(Entry {
            inverse: applied.inverse.clone(),
            merge_key: None,
            revision: self.revision,
        });
        self.revision = entry.revision;
        Some(applied)
    }

    /// Ends the current run of merged text edits.
    pub fn seal(&mut self) {
        self.merge_open = false;
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The session's current revision; compare with the revision at the last save.
    pub fn revision(&self) -> Revision {
        self.revision
    }

    /// Forgets all steps (after opening another session).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

/// Edits of the same field of the same claim (or source) merge into one undo step.
fn merge_key(command: &Command) -> Option<(u8, ClaimId, u64)> {
    match command {
        Command::SetText { claim, .. } => Some((0, *claim, 0)),
        Command::SetClaimant { claim, .. } => Some((1, *claim, 0)),
        Command::SetNote { claim, .. } => Some((2, *claim, 0)),
        Command::UpdateSource { claim, source } => Some((3, *claim, source.id.0)),
        Command::SetReviewUrl { claim, .. } => Some((4, *claim, 0)),
        Command::SetClaimDate { claim, .. } => Some((5, *claim, 0)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import_text;

    fn setup() -> (Session, History, ClaimId) {
        let mut s = Session::new(import_text("T\n\nOne claim here.", None).unwrap());
        let mut h = History::default();
        let id = h
            .apply(
                &mut s,
                Command::AddClaim {
                    start: 3,
                    end: 18,
                    claimant: String::new(),
                    attribution: None,
                },
            )
            .unwrap()
            .claim
            .unwrap();
        (s, h, id)
    }

    #[test]
    fn undo_then_redo_restores_same_claim_id() {
        let (mut s, mut h, id) = setup();
        h.undo(&mut s).unwrap();
        assert!(s.claims.is_empty());
        h.redo(&mut s).unwrap();
        assert_eq!(s.claims[0].id, id);
        assert!(h.undo(&mut s).is_some());
        assert!(h.undo(&mut s).is_none());
    }

    #[test]
    fn typing_merges_into_one_step_until_sealed() {
        let (mut s, mut h, id) = setup();
        for note in ["a", "ab", "abc"] {
            h.apply(
                &mut s,
                Command::SetNote {
                    claim: id,
                    note: note.into(),
                },
            )
            .unwrap();
        }
        h.seal();
        h.apply(
            &mut s,
            Command::SetNote {
                claim: id,
                note: "abcd".into(),
            },
        )
        .unwrap();
        h.undo(&mut s);
        assert_eq!(s.claims[0].note, "abc");
        h.undo(&mut s);
        assert_eq!(s.claims[0].note, "");
    }

    #[test]
    fn new_edit_clears_redo() {
        let (mut s, mut h, id) = setup();
        h.apply(
            &mut s,
            Command::SetStatus {
                claim: id,
                status: "true".into(),
                by: String::new(),
                date: String::new(),
            },
        )
        .unwrap();
        h.undo(&mut s);
        assert!(h.can_redo());
        h.apply(
            &mut s,
            Command::SetStatus {
                claim: id,
                status: "false".into(),
                by: String::new(),
                date: String::new(),
            },
        )
        .unwrap();
        assert!(!h.can_redo());
    }

    #[test]
    fn revision_returns_to_saved_value_after_undo() {
        let (mut s, mut h, id) = setup();
        let saved = h.revision();
        h.apply(
            &mut s,
            Command::SetStatus {
                claim: id,
                status: "true".into(),
                by: String::new(),
                date: String::new(),
            },
        )
        .unwrap();
        assert_ne!(h.revision(), saved);
        h.undo(&mut s);
        assert_eq!(h.revision(), saved);
        h.redo(&mut s);
        assert_ne!(h.revision(), saved);
    }
}
