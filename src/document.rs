//! An open session: the session itself, its undo history, where it lives on disk
//! and whether it has unsaved changes. Plain Rust, shared by the app and tests.

use crate::command::{Applied, Command, CommandError};
use crate::history::{History, Revision};
use crate::model::Session;
use crate::store::{DiskStamp, SaveError, save_session};
use std::path::{Path, PathBuf};

/// A session being worked on.
#[derive(Debug)]
pub struct Document {
    /// The session.
    pub session: Session,
    history: History,
    path: Option<PathBuf>,
    /// What [`Self::path`] held when it was loaded or last saved, so a save can tell
    /// whether another program changed the file in between.
    stamp: Option<DiskStamp>,
    /// The revision that matches what is on disk (or the untouched import);
    /// `None` for recovered work, which is unsaved whatever happens next.
    saved_revision: Option<Revision>,
}

impl Document {
    /// A session that has never been saved (for example a freshly imported article).
    /// Until it is edited there is nothing to lose, so it does not count as unsaved.
    pub fn unsaved(session: Session) -> Self {
        let history = History::default();
        let saved_revision = Some(history.revision());
        Self {
            session,
            history,
            path: None,
            stamp: None,
            saved_revision,
        }
    }

    /// A session loaded from `path` (with the stamp [`crate::store::load_session`]
    /// returned), with no unsaved changes.
    pub fn saved(session: Session, path: PathBuf, stamp: DiskStamp) -> Self {
        let history = History::default();
        let saved_revision = Some(history.revision());
        Self {
            session,
            history,
            path: Some(path),
            stamp: Some(stamp),
            saved_revision,
        }
    }

    /// Work recovered from an autosave: it belongs to `path` (if any) but is not saved there.
    pub fn recovered(session: Session, path: Option<PathBuf>) -> Self {
        Self {
            path,
            saved_revision: None,
            ..Self::unsaved(session)
        }
    }

    /// Applies a change, recording it for undo.
    pub fn apply(&mut self, command: Command) -> Result<Applied, CommandError> {
        self.history.apply(&mut self.session, command)
    }

    /// Undoes the last change.
    pub fn undo(&mut self) -> Option<Applied> {
        self.history.undo(&mut self.session)
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self) -> Option<Applied> {
        self.history.redo(&mut self.session)
    }

    /// Ends a run of merged text edits (call when focus leaves a text field).
    pub fn seal_history(&mut self) {
        self.history.seal();
    }

    /// Whether undo is possible.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether redo is possible.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// A number that changes with every edit, undo and redo (for caches).
    pub fn revision(&self) -> Revision {
        self.history.revision()
    }

    /// Whether there are changes not written to [`Self::path`].
    pub fn is_dirty(&self) -> bool {
        self.saved_revision != Some(self.history.revision())
    }

    /// The session file, if it has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Saves to `path` (atomically) and makes it this document's file.
    ///
    /// Saving over the document's own file refuses, with
    /// [`SaveError::is_changed_on_disk`], when another program changed that file
    /// since it was loaded or last saved; [`Self::save_overwriting`] then writes
    /// anyway, once the user confirmed.
    pub fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
        let expected = match (&self.path, &self.stamp) {
            (Some(own), Some(stamp)) if own == path => Some(stamp),
            _ => None,
        };
        let stamp = save_session(path, &self.session, expected)?;
        self.saved_as(path, stamp);
        Ok(())
    }

    /// Saves to `path` even if it changed on disk (after the user confirmed).
    pub fn save_overwriting(&mut self, path: &Path) -> Result<(), SaveError> {
        let stamp = save_session(path, &self.session, None)?;
        self.saved_as(path, stamp);
        Ok(())
    }

    fn saved_as(&mut self, path: &Path, stamp: DiskStamp) {
        self.path = Some(path.to_path_buf());
        self.stamp = Some(stamp);
        self.saved_revision = Some(self.history.revision());
    }

    /// Whether the document's file changed on disk since it was loaded or saved
    /// (for a "the file changed on disk" prompt, e.g. when the window gets focus).
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, &self.stamp) {
            (Some(path), Some(stamp)) => crate::store::changed_since(path, stamp),
            _ => false,
        }
    }

    /// Name for the title bar: the file name, or the article title when never saved.
    pub fn display_name(&self) -> String {
        match self.path.as_deref().and_then(Path::file_name) {
            Some(name) => name.to_string_lossy().into_owned(),
            None => format!("{} (not saved yet)", self.session.article.title),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import_text;

    #[test]
    fn dirty_tracking_follows_edits_saves_and_undo() {
        let dir = tempfile::tempdir().unwrap();
        let session = Session::new(import_text("T\n\nA claim.", None).unwrap());
        let mut doc = Document::unsaved(session.clone());
        assert!(!doc.is_dirty(), "an untouched import has nothing to lose");
        assert!(
            Document::recovered(session, None).is_dirty(),
            "recovered work is unsaved"
        );
        let p = dir.path().join("s.ron");
        doc.save_to(&p).unwrap();
        assert!(!doc.is_dirty());
        assert_eq!(doc.display_name(), "s.ron");
        doc.apply(Command::AddClaim {
            start: 3,
            end: 11,
            claimant: String::new(),
            attribution: None,
        })
        .unwrap();
        assert!(doc.is_dirty());
        doc.undo();
        assert!(!doc.is_dirty());
    }

    #[test]
    fn save_does_not_overwrite_changes_made_by_another_program() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        let session = Session::new(import_text("T\n\nA claim.", None).unwrap());
        let mut doc = Document::unsaved(session);
        doc.save_to(&p).unwrap();
        assert!(!doc.changed_on_disk());
        std::fs::write(&p, "edited elsewhere").unwrap();
        assert!(doc.changed_on_disk());
        assert!(doc.save_to(&p).unwrap_err().is_changed_on_disk());
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "edited elsewhere");
        doc.save_overwriting(&p).unwrap();
        assert!(!doc.changed_on_disk());
        doc.save_to(&p).unwrap();
    }

    #[test]
    fn failed_save_keeps_document_dirty_and_path() {
        let dir = tempfile::tempdir().unwrap();
        let session = Session::new(import_text("T\n\nA claim.", None).unwrap());
        let mut doc = Document::unsaved(session);
        doc.apply(Command::SetNote {
            claim: crate::model::ClaimId(1),
            note: String::new(),
        })
        .ok();
        doc.apply(Command::AddClaim {
            start: 3,
            end: 11,
            claimant: String::new(),
            attribution: None,
        })
        .unwrap();
        assert!(doc.save_to(&dir.path().join("missing/s.ron")).is_err());
        assert!(doc.is_dirty());
        assert!(doc.path().is_none());
    }
}
