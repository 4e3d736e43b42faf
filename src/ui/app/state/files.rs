//! Opening, saving and updating the article: the session lock, the "changed on
//! disk" conflict, and running large jobs on a worker with a progress dialog.

use super::AppState;
use super::import::ImportJob;
use crate::document::{Access, Document, SaveJob, Saved};
use crate::export::{ExportFormat, ExportOptions};
use crate::import::{ImportError, import_file};
use crate::model::ClaimId;
use crate::reanchor::{ReanchorOutcome, reanchor};
use crate::store::{
    DiskStamp, Loaded, LockError, OpenError, Opened, SaveError, SessionLock, open_path,
};
use crate::ui::app::prompts::{Pending, Prompt};
use crate::ui::before_publishing::BeforePublishing;
use crate::ui::file_dialog::{FileDialog, FileDialogPurpose};
use crate::ui::view_state::{SidePane, ViewRequest, ViewState};
use crate::ui::worker::{Job, Poll, is_large, is_large_file};
use std::path::{Path, PathBuf};

/// The file work the user waits for: at most one job at a time, with a progress
/// dialog covering the window meanwhile.
#[derive(Default)]
pub(super) struct FileWork {
    busy: Option<Busy>,
}

impl FileWork {
    /// Whether a file is being opened, saved or re-anchored.
    pub(super) fn is_busy(&self) -> bool {
        self.busy.is_some()
    }

    /// What the progress dialog says and how long it has been going.
    pub(super) fn progress(&self) -> Option<(&str, std::time::Duration)> {
        self.busy.as_ref().map(Busy::progress)
    }

    /// For an import: what it is doing now, the share done, and that it can be cancelled.
    pub(super) fn import_progress(&self) -> Option<(Option<String>, Option<f32>)> {
        match &self.busy {
            Some(Busy::Importing(import)) => Some((import.job.detail(), import.job.progress())),
            _ => None,
        }
    }

    pub(super) fn start_import(&mut self, import: ImportJob) {
        self.busy = Some(Busy::Importing(import));
    }

    /// Cancels an import in progress: the worker is told to stop and its result, if
    /// it still comes, is dropped. Saves and re-anchoring cannot be cancelled.
    pub(super) fn cancel_import(&mut self) -> bool {
        match &self.busy {
            Some(Busy::Importing(import)) => {
                import.job.cancel();
                self.busy = None;
                true
            }
            _ => false,
        }
    }
}

/// Work in progress that the user waits for.
// One value at a time, while a dialog shows: a session inline costs nothing.
#[allow(clippy::large_enum_variant)]
enum Busy {
    Opening {
        job: Job<Result<Opened, OpenError>>,
        path: PathBuf,
        /// Put back the selection and scroll remembered from the last launch.
        restore_view: bool,
    },
    Saving {
        job: Job<Result<Saved, SaveError>>,
        /// The lock taken on a new file ("save as"), handed to the document on success.
        lock: Option<SessionLock>,
        then: Option<Pending>,
    },
    Updating {
        job: Job<Result<ReanchorOutcome, ImportError>>,
        path: PathBuf,
    },
    /// A file or link being imported as a new session.
    Importing(ImportJob),
}

impl Busy {
    /// What the progress dialog says and how long it has been going.
    fn progress(&self) -> (&str, std::time::Duration) {
        match self {
            Busy::Opening { job, .. } => (&job.label, job.elapsed()),
            Busy::Saving { job, .. } => (&job.label, job.elapsed()),
            Busy::Updating { job, .. } => (&job.label, job.elapsed()),
            Busy::Importing(import) => (&import.job.label, import.job.elapsed()),
        }
    }
}

/// A session that was read but is locked by another window: open it read-only?
#[derive(Clone, Debug, PartialEq)]
pub struct LockedSession {
    /// The session as read.
    pub loaded: Loaded,
    /// The file's state when it was read.
    pub stamp: DiskStamp,
    /// The file.
    pub path: PathBuf,
    /// Which window has it ("… is open in another Claimdesk window (process N)").
    pub message: String,
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl AppState {
    /// Opens `path` (no unsaved-changes check): large files on a worker thread. On
    /// failure the current work stays and the error is shown.
    pub(in crate::ui::app) fn open(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        restore_view: bool,
    ) {
        let is_session = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
        if !is_session {
            // Articles of every kind go through the import, with progress and Cancel.
            self.import(ctx, crate::import::Source::File(path.to_path_buf()));
            return;
        }
        let owned = path.to_path_buf();
        let job = Job::start(
            Some(ctx),
            format!("Opening {}", file_name(path)),
            self.run_mode.in_place(is_large_file(path)),
            move |_| open_path(&owned),
        );
        self.files.busy = Some(Busy::Opening {
            job,
            path: path.to_path_buf(),
            restore_view,
        });
        self.poll_files(ctx);
    }

    fn opened(&mut self, path: PathBuf, result: Result<Opened, OpenError>, restore_view: bool) {
        match result {
            Ok(Opened::Session(loaded, stamp)) => {
                // Reopening our own file: let go of our lock, or we would see ourselves.
                if self.doc.path() == Some(path.as_path()) {
                    self.doc.set_access(Access::Editable);
                }
                match SessionLock::acquire(&path) {
                    Ok(lock) => self.show_session(loaded, stamp, &path, Access::Locked(lock)),
                    Err(LockError::HeldElsewhere { holder, .. }) => {
                        let by = holder
                            .filter(|h| !h.trim().is_empty())
                            .map(|h| format!(" ({})", h.trim()))
                            .unwrap_or_default();
                        let message = format!(
                            "{} is open in another Claimdesk window{by}.",
                            path.display()
                        );
                        self.prompt = Some(Prompt::Locked(Box::new(LockedSession {
                            loaded,
                            stamp,
                            path,
                            message,
                        })));
                        return;
                    }
                    Err(e @ LockError::Io { .. }) => {
                        self.show_session(loaded, stamp, &path, Access::Editable);
                        self.notice = format!(
                            "Opened {}, but {e}; another window could change it too.",
                            path.display()
                        );
                    }
                }
                if restore_view {
                    self.restore_view();
                }
            }
            Ok(Opened::Article(session)) => {
                self.doc = Document::unsaved(session);
                self.view = ViewState::default();
                self.memory.add_recent(&path);
                self.notice = format!("Opened {}", path.display());
            }
            Err(e) => self.show_message(
                "Could not open the file",
                vec![e.to_string(), "Your open work is unchanged.".into()],
                true,
            ),
        }
    }

    /// Makes a loaded session the open document.
    pub(super) fn show_session(
        &mut self,
        loaded: Loaded,
        stamp: DiskStamp,
        path: &Path,
        access: Access,
    ) {
        let read_only = matches!(access, Access::ReadOnly);
        self.doc = Document::saved(loaded.session, path.to_path_buf(), stamp);
        self.doc.set_access(access);
        self.view = ViewState::default();
        if !self.doc.session.conflicts.is_empty() {
            // A merge left work to settle: show it first.
            self.view.side = SidePane::Conflicts;
        }
        self.memory.add_recent(path);
        self.notice = if read_only {
            format!("Opened {} read-only", path.display())
        } else {
            format!("Opened {}", path.display())
        };
        if !loaded.warnings.is_empty() {
            self.show_message("Opened with warnings", loaded.warnings, false);
        }
    }

    /// Selection and scroll position as they were when the app last closed.
    fn restore_view(&mut self) {
        self.view.selected = self
            .memory
            .last_selected
            .map(ClaimId)
            .filter(|id| self.doc.session.claim(*id).is_some());
        self.view
            .request(ViewRequest::ScrollArticleTo(self.memory.last_scroll));
        if let Some(id) = self.view.selected {
            self.view.request(ViewRequest::RevealClaimInList(id));
        }
    }

    /// Read-only: try to take the lock again (the other window may have closed),
    /// reloading first if that window saved meanwhile.
    pub(super) fn retry_lock(&mut self, ctx: &egui::Context) {
        let Some(path) = self.doc.path().map(Path::to_path_buf) else {
            return;
        };
        if self.doc.changed_on_disk() {
            self.open(ctx, &path, false);
            return;
        }
        match SessionLock::acquire(&path) {
            Ok(lock) => {
                self.doc.set_access(Access::Locked(lock));
                self.notice = format!("{} is now open for editing", path.display());
            }
            Err(e) => self.notice = e.to_string(),
        }
    }

    /// Work recovered from an autosave: lock its file, or make it read-only if
    /// another window has that file open (then "save a copy as" keeps it).
    pub(super) fn lock_recovered(&mut self) {
        let Some(path) = self.doc.path().map(Path::to_path_buf) else {
            return;
        };
        match SessionLock::acquire(&path) {
            Ok(lock) => self.doc.set_access(Access::Locked(lock)),
            Err(LockError::HeldElsewhere { .. }) => {
                self.doc.set_access(Access::ReadOnly);
                self.notice = format!(
                    "Recovered work for {}, which is open in another window: save a copy to keep it.",
                    path.display()
                );
            }
            Err(LockError::Io { .. }) => {}
        }
    }

    /// The user came back to the window: if another program changed the file
    /// meanwhile, reload it when nothing here is unsaved, or say that saving will ask.
    pub fn check_disk(&mut self, ctx: &egui::Context) {
        if self.is_busy() || self.prompt.is_some() || !self.doc.changed_on_disk() {
            return;
        }
        let Some(path) = self.doc.path().map(Path::to_path_buf) else {
            return;
        };
        if self.doc.is_dirty() {
            self.notice = format!(
                "{} changed on disk; saving will ask what to do.",
                path.display()
            );
        } else {
            let selected = self.view.selected;
            self.open(ctx, &path, false);
            if self.doc.path() == Some(path.as_path()) {
                self.view.selected = selected.filter(|id| self.doc.session.claim(*id).is_some());
                self.notice = format!("Reloaded {}: it changed on disk.", path.display());
            }
        }
    }

    /// Saves to the current file, or asks for one; then runs `then`.
    pub(super) fn save(&mut self, ctx: &egui::Context, then: Option<Pending>) {
        match self.doc.path().map(Path::to_path_buf) {
            Some(path) if !self.doc.is_read_only() => self.save_to(ctx, &path, false, then),
            _ => self.choose_save_path(then, false),
        }
    }

    /// Asks where to save. A copy (`as_copy`, or any save of a read-only document)
    /// is offered a new name, since its own file is not to be written.
    pub(super) fn choose_save_path(&mut self, then: Option<Pending>, as_copy: bool) {
        let name = match self.doc.path() {
            Some(path) if as_copy || self.doc.is_read_only() => copy_name(path),
            Some(path) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| copy_name(path)),
            None => crate::ui::app::suggested_file_name(&self.doc.session.article.title),
        };
        self.prompt = Some(Prompt::File(
            FileDialog::new(FileDialogPurpose::SaveSession, self.dialog_dir(), name),
            then,
        ));
    }

    /// Saves to `path` (large sessions on a worker thread). `overwrite` skips the
    /// "changed on disk" check, once the user confirmed. On failure the work stays
    /// open and unsaved, and the old file is untouched.
    pub(super) fn save_to(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        overwrite: bool,
        then: Option<Pending>,
    ) {
        // Our own file is already locked by us, unless we opened it read-only.
        let own_file = self.doc.path() == Some(path);
        let lock = if own_file && self.doc.holds_lock() {
            None
        } else {
            match SessionLock::acquire(path) {
                Ok(lock) => Some(lock),
                Err(e @ LockError::HeldElsewhere { .. }) => {
                    self.show_message(
                        "Could not save",
                        vec![
                            e.to_string(),
                            "Choose another name, or close it in the other window first.".into(),
                        ],
                        true,
                    );
                    return;
                }
                // A folder without locks can still be written; the save says if it cannot.
                Err(LockError::Io { .. }) => None,
            }
        };
        self.keep_original_beside(path);
        let save: SaveJob = self.doc.save_job(path, overwrite);
        let in_place = self.run_mode.in_place(is_large(&self.doc.session));
        let job = Job::start(
            Some(ctx),
            format!("Saving {}", file_name(path)),
            in_place,
            move |_| save.run(),
        );
        self.files.busy = Some(Busy::Saving { job, lock, then });
        self.poll_files(ctx);
    }

    fn saved(
        &mut self,
        ctx: &egui::Context,
        result: Result<Saved, SaveError>,
        lock: Option<SessionLock>,
        then: Option<Pending>,
    ) {
        match result {
            Ok(saved) => {
                let path = saved.path.clone();
                self.doc.finish_save(saved, lock);
                self.notice = match self.doc.session.conflicts.len() {
                    0 => format!("Saved {}", path.display()),
                    n => format!(
                        "Saved {} with {} still to settle (exports wait until none is left)",
                        path.display(),
                        crate::ui::conflicts_pane::count_words(n)
                    ),
                };
                self.memory.add_recent(&path);
                self.autosave.clear(None);
                if let Some(then) = then {
                    self.proceed(ctx, then);
                }
            }
            Err(e) if e.is_changed_on_disk() => {
                self.prompt = Some(Prompt::ChangedOnDisk { path: e.path, then });
            }
            Err(e) => self.show_message("Could not save", vec![e.to_string()], true),
        }
    }

    /// Replaces the article with the file at `path` and re-anchors every claim
    /// (large sessions on a worker thread); the result is one undoable change.
    pub(super) fn update_article(&mut self, ctx: &egui::Context, path: &Path) {
        if self.doc.is_read_only() {
            self.notice = "This session is open read-only; save a copy to update it.".into();
            return;
        }
        let session = self.doc.session.clone();
        let owned = path.to_path_buf();
        let in_place = self
            .run_mode
            .in_place(is_large(&session) || is_large_file(path));
        let job = Job::start(
            Some(ctx),
            format!("Re-anchoring claims in {}", file_name(path)),
            in_place,
            move |_| import_file(&owned).map(|article| reanchor(&session, article)),
        );
        self.files.busy = Some(Busy::Updating {
            job,
            path: path.to_path_buf(),
        });
        self.poll_files(ctx);
    }

    fn updated(&mut self, path: &Path, result: Result<ReanchorOutcome, ImportError>) {
        match result {
            Ok(outcome) => {
                let report = outcome.report;
                let revision = self.doc.revision();
                self.edit(outcome.into_command());
                if self.doc.revision() == revision {
                    return; // refused; `edit` said why
                }
                self.clear_text_selection();
                self.notice = format!("Updated the article from {}: {report}", path.display());
                self.prompt = Some(Prompt::Reanchored {
                    source: path.display().to_string(),
                    report,
                });
            }
            Err(e) => self.show_message(
                "Could not update the article",
                vec![
                    format!("Could not read {}: {e}", path.display()),
                    "The article and the claims are unchanged.".into(),
                ],
                true,
            ),
        }
    }

    /// Shows only the claims that need re-attaching after an article update.
    pub(super) fn show_needs_review(&mut self) {
        self.view.side = SidePane::Claims;
        self.view.filter = Default::default();
        self.view.filter.needs_review = true;
        let first = self
            .doc
            .session
            .claims
            .iter()
            .find(|c| c.needs_review)
            .map(|c| c.id);
        if first.is_some() {
            self.select(first, true, true);
        }
    }

    /// Finishes whatever the worker was doing, once it is done.
    pub(super) fn poll_files(&mut self, ctx: &egui::Context) {
        let Some(mut busy) = self.files.busy.take() else {
            return;
        };
        let lost = |what: &str| {
            vec![
                format!("Claimdesk stopped while {what}."),
                "Nothing was changed; try again.".to_owned(),
            ]
        };
        match &mut busy {
            Busy::Opening {
                job,
                path,
                restore_view,
            } => match job.poll() {
                Poll::Running => {}
                Poll::Done(result) => {
                    let (path, restore) = (std::mem::take(path), *restore_view);
                    self.opened(path, result, restore);
                    return;
                }
                Poll::Lost => {
                    self.show_message("Could not open the file", lost("opening it"), true);
                    return;
                }
            },
            Busy::Saving { job, lock, then } => match job.poll() {
                Poll::Running => {}
                Poll::Done(result) => {
                    let (lock, then) = (lock.take(), then.take());
                    self.saved(ctx, result, lock, then);
                    return;
                }
                Poll::Lost => {
                    self.show_message("Could not save", lost("saving"), true);
                    return;
                }
            },
            Busy::Updating { job, path } => match job.poll() {
                Poll::Running => {}
                Poll::Done(result) => {
                    let path = std::mem::take(path);
                    self.updated(&path, result);
                    return;
                }
                Poll::Lost => {
                    self.show_message(
                        "Could not update the article",
                        lost("re-anchoring the claims"),
                        true,
                    );
                    return;
                }
            },
            Busy::Importing(import) => match import.job.poll() {
                Poll::Running => {}
                Poll::Done(result) => {
                    let source = import.source.clone();
                    self.imported(source, result);
                    return;
                }
                Poll::Lost => {
                    self.show_message("Could not open the article", lost("reading it"), true);
                    return;
                }
            },
        }
        self.files.busy = Some(busy);
        // The worker wakes the window when it is done; until then the progress bar moves.
        ctx.request_repaint_after(std::time::Duration::from_millis(50));
    }

    /// What an export from the app uses: the publisher profile and today's date.
    pub(super) fn export_options(&self) -> ExportOptions {
        ExportOptions::new(self.prefs.publisher.clone(), crate::export::today_utc())
    }

    /// Writes an export. The linter ran before the file was chosen ("Before
    /// publishing"), so what it still finds was left on purpose: the notice counts it.
    pub(super) fn export_to(&mut self, format: ExportFormat, path: &Path) {
        let mut options = self.export_options();
        options.reviewed_only = format.is_report() && self.prefs.reports_reviewed_only;
        let written = crate::export::export_checked(&self.doc.session, format, &options)
            .map_err(|e| e.to_string())
            .and_then(|checked| {
                crate::store::write_atomic(path, checked.text.as_bytes())
                    .map(|()| checked.problems)
                    .map_err(|e| e.to_string())
            });
        match written {
            Err(e) => self.show_message(
                "Could not export",
                vec![format!("Could not write {}: {e}", path.display())],
                true,
            ),
            Ok(problems) if problems.is_empty() => {
                let session = &self.doc.session;
                let left_out = session
                    .claims
                    .iter()
                    .filter(|c| options.reviewed_only && !session.scheme.is_reviewed(&c.status))
                    .count();
                self.notice = match left_out {
                    0 => format!("Exported {}", path.display()),
                    1 => format!(
                        "Exported {} (1 claim not yet reviewed is left out)",
                        path.display()
                    ),
                    n => format!(
                        "Exported {} ({n} claims not yet reviewed are left out)",
                        path.display()
                    ),
                };
            }
            Ok(problems) => {
                let missing = BeforePublishing::new(format, problems, &self.doc.session);
                self.notice = format!(
                    "Exported {}, with {} still missing for Google's fact-check markup (File › Export shows them).",
                    path.display(),
                    crate::ui::words::count(missing.things_missing(), "thing", "things"),
                );
            }
        }
    }
}

impl AppState {
    /// Switches "Leave out claims not yet reviewed" for the reports, and remembers it
    /// in the preferences for the next export.
    pub(super) fn set_reports_reviewed_only(&mut self, on: bool) {
        let mut prefs = self.prefs.clone();
        prefs.reports_reviewed_only = on;
        if let Err(e) = self.save_prefs(&prefs) {
            self.notice = format!("{e}; the setting is used until Claimdesk closes.");
        }
        self.prefs = prefs;
    }
}

/// A name for a copy of `path`: `report.ron` becomes `report-copy.ron`, from the
/// file's stem (so `a.ronald.ron` and `X.RON` are named right too).
fn copy_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map_or_else(|| "session".into(), |s| s.to_string_lossy());
    match path.extension() {
        Some(ext) => format!("{stem}-copy.{}", ext.to_string_lossy()),
        None => format!("{stem}-copy.ron"),
    }
}

#[cfg(test)]
mod tests {
    use super::copy_name;
    use std::path::Path;

    #[test]
    fn copies_are_named_from_the_stem() {
        assert_eq!(copy_name(Path::new("/x/report.ron")), "report-copy.ron");
        assert_eq!(copy_name(Path::new("a.ronald.ron")), "a.ronald-copy.ron");
        assert_eq!(copy_name(Path::new("X.RON")), "X-copy.RON");
        assert_eq!(copy_name(Path::new("notes")), "notes-copy.ron");
    }
}
