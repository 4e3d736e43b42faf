//! An open session: the session itself, its undo history, where it lives on disk
//! and whether it has unsaved changes. Plain Rust, shared by the app and tests.

use crate::command::{Applied, Command, CommandError};
use crate::history::{History, Revision};
use crate::model::Session;
use crate::store::{DiskStamp, SaveError, SessionLock, save_session};
use std::path::{Path, PathBuf};

/// Whether this window may change the document.
#[derive(Debug, Default)]
pub enum Access {
    /// Editable, without a lock: no file yet, or its folder does not support locks.
    #[default]
    Editable,
    /// Editable, and holding the lock on its file so no other window writes it.
    Locked(SessionLock),
    /// Another window has the file open: look, export, "save a copy as", but no edits.
    ReadOnly,
}

/// Why a change was refused.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// The document is open read-only.
    #[error(
        "this session is open read-only (it is open in another window); save a copy to edit it"
    )]
    ReadOnly,
    /// The command itself was refused.
    #[error(transparent)]
    Command(#[from] CommandError),
}

/// Everything a save needs, detached from the document so it can run on another
/// thread while the window keeps drawing (see [`Document::save_job`]).
#[derive(Debug)]
pub struct SaveJob {
    /// Where to write.
    pub path: PathBuf,
    session: Session,
    expected: Option<DiskStamp>,
    revision: Revision,
}

/// A finished save, to hand back to [`Document::finish_save`].
#[derive(Debug)]
pub struct Saved {
    /// Where it was written.
    pub path: PathBuf,
    stamp: DiskStamp,
    revision: Revision,
}

impl SaveJob {
    /// Writes the session (atomically, keeping a `.bak`). Nothing in the document
    /// changes until [`Document::finish_save`] is given the result.
    pub fn run(self) -> Result<Saved, SaveError> {
        let stamp = save_session(&self.path, &self.session, self.expected.as_ref())?;
        Ok(Saved {
            path: self.path,
            stamp,
            revision: self.revision,
        })
    }
}

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
    access: Access,
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
            access: Access::Editable,
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
            access: Access::Editable,
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

    /// Applies a change, recording it for undo. Refused while read-only.
    pub fn apply(&mut self, command: Command) -> Result<Applied, EditError> {
        if self.is_read_only() {
            return Err(EditError::ReadOnly);
        }
        Ok(self.history.apply(&mut self.session, command)?)
    }

    /// Sets whether this window may edit the document (and holds its lock).
    pub fn set_access(&mut self, access: Access) {
        self.access = access;
    }

    /// Whether edits are refused because another window has the file open.
    pub fn is_read_only(&self) -> bool {
        matches!(self.access, Access::ReadOnly)
    }

    /// Whether this window holds the lock on the document's file.
    pub fn holds_lock(&self) -> bool {
        matches!(self.access, Access::Locked(_))
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
        let saved = self.save_job(path, false).run()?;
        self.finish_save(saved, None);
        Ok(())
    }

    /// Saves to `path` even if it changed on disk (after the user confirmed).
    pub fn save_overwriting(&mut self, path: &Path) -> Result<(), SaveError> {
        let saved = self.save_job(path, true).run()?;
        self.finish_save(saved, None);
        Ok(())
    }

    /// A copy of what to save to `path`, to [`SaveJob::run`] anywhere (the app runs
    /// large saves on a worker thread). Unless `overwrite`, saving over the
    /// document's own file checks that nobody changed it on disk in between.
    pub fn save_job(&self, path: &Path, overwrite: bool) -> SaveJob {
        let expected = match (&self.path, &self.stamp) {
            (Some(own), Some(stamp)) if own == path && !overwrite => Some(stamp.clone()),
            _ => None,
        };
        SaveJob {
            path: path.to_path_buf(),
            session: self.session.clone(),
            expected,
            revision: self.history.revision(),
        }
    }

    /// Records a finished save: `saved.path` becomes the document's file, and the
    /// edits made up to the job's revision count as saved. `lock` is the lock taken
    /// on a new file (a "save as"); saving to its own file keeps the lock it has.
    pub fn finish_save(&mut self, saved: Saved, lock: Option<SessionLock>) {
        let same_file = self.path.as_deref() == Some(saved.path.as_path());
        if let Some(lock) = lock {
            self.access = Access::Locked(lock);
        } else if !same_file || self.is_read_only() {
            // A copy saved elsewhere is ours to edit (the app locks it when it can).
            self.access = Access::Editable;
        }
        self.path = Some(saved.path);
        self.stamp = Some(saved.stamp);
        self.saved_revision = Some(saved.revision);
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
