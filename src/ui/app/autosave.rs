//! Autosave in the app: copies unsaved work to the data folder every
//! [`AUTOSAVE_INTERVAL`], one write at a time on a worker, and says when it fails.

use crate::document::Document;
use crate::store::Autosave;
use crate::ui::worker::{Job, Poll, RunMode};
use std::time::{Duration, Instant};

/// How often unsaved work is copied to the autosave folder.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(20);

/// What happened to an autosave, for the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AutosaveEvent {
    /// The write failed: the message says why and where.
    Failed(String),
    /// A write succeeded after an earlier one failed.
    Recovered,
}

/// Owns the autosave folder, the write in flight and when the next one is due.
pub struct AutosaveOwner {
    autosave: Option<Autosave>,
    last: Instant,
    /// The revision written (or being written) last.
    written_revision: Option<u64>,
    writing: Option<Job<Result<(), String>>>,
    /// A clean save or a discard cleared the autosave while a write was in flight:
    /// clear again once that write lands, or it would bring the autosave back.
    clear_after_write: bool,
    failing: bool,
}

impl AutosaveOwner {
    /// Autosaves to `autosave` (`None`: never).
    pub fn new(autosave: Option<Autosave>) -> Self {
        Self {
            autosave,
            last: Instant::now(),
            written_revision: None,
            writing: None,
            clear_after_write: false,
            failing: false,
        }
    }

    /// Where autosaves go, if anywhere.
    pub fn location(&self) -> Option<&Autosave> {
        self.autosave.as_ref()
    }

    /// Writes a copy of `doc` when it has unsaved changes not yet autosaved and the
    /// interval has passed; reports a finished write's failure (or recovery).
    pub fn tick(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        mode: RunMode,
    ) -> Option<AutosaveEvent> {
        let event = self.finish_write();
        let Some(autosave) = &self.autosave else {
            return event;
        };
        if self.writing.is_some()
            || !doc.is_dirty()
            || self.written_revision == Some(doc.revision())
        {
            return event;
        }
        if self.last.elapsed() < AUTOSAVE_INTERVAL {
            ctx.request_repaint_after(AUTOSAVE_INTERVAL.saturating_sub(self.last.elapsed()));
            return event;
        }
        self.last = Instant::now();
        self.written_revision = Some(doc.revision());
        // Serialising and writing a large session takes a while: do it off the UI thread.
        let session = doc.session.clone();
        let path = doc.path().map(std::path::Path::to_path_buf);
        let autosave = autosave.clone();
        self.writing = Some(Job::start(
            Some(ctx),
            "Autosaving",
            mode == RunMode::Synchronous,
            move |_| {
                autosave.write(&session, path.as_deref()).map_err(|e| {
                    format!(
                        "Autosave to {} failed: {e}. Save your work (Ctrl+S) to keep it.",
                        autosave.dir().display()
                    )
                })
            },
        ));
        self.finish_write().or(event)
    }

    /// Picks up a finished write.
    fn finish_write(&mut self) -> Option<AutosaveEvent> {
        let job = self.writing.as_mut()?;
        let result = match job.poll() {
            Poll::Running => return None,
            Poll::Done(result) => result,
            Poll::Lost => {
                Err("Autosave stopped unexpectedly. Save your work (Ctrl+S) to keep it.".into())
            }
        };
        self.writing = None;
        if std::mem::take(&mut self.clear_after_write)
            && let Some(autosave) = &self.autosave
        {
            autosave.clear();
        }
        match result {
            Err(message) => {
                self.failing = true;
                // Try again at the next interval.
                self.written_revision = None;
                Some(AutosaveEvent::Failed(message))
            }
            Ok(()) if std::mem::take(&mut self.failing) => Some(AutosaveEvent::Recovered),
            Ok(()) => None,
        }
    }

    /// Removes the autosave (after a clean save, or when the user discards the work);
    /// `revision` is the document's revision, which now needs no autosave.
    pub fn clear(&mut self, revision: Option<u64>) {
        if let Some(autosave) = &self.autosave {
            autosave.clear();
        }
        if self.writing.is_some() {
            self.clear_after_write = true;
        }
        if revision.is_some() {
            self.written_revision = revision;
        }
    }

    /// The window is closing: wait for a write in flight, then keep a copy of work
    /// still unsaved (closing normally asks first; this is for the system logging out).
    pub fn on_exit(&mut self, doc: &Document) {
        if let Some(job) = self.writing.take() {
            let _ = job.wait();
            if std::mem::take(&mut self.clear_after_write)
                && let Some(autosave) = &self.autosave
            {
                autosave.clear();
            }
        }
        if doc.is_dirty()
            && self.written_revision != Some(doc.revision())
            && let Some(autosave) = &self.autosave
        {
            // Nothing can be shown any more; the next launch offers what was written.
            let _ = autosave.write(&doc.session, doc.path());
        }
    }
}
