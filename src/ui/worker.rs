//! Work off the UI thread, one way for everything: opening, saving and re-anchoring
//! large sessions, the suggester and autosaves all run as a [`Job`].
//!
//! A job runs its work on a worker thread, or right here when it is small or the app
//! runs in [`RunMode::Synchronous`] (UI tests, which then never sleep or poll). Work
//! reports progress and notices cancellation through its [`JobHandle`]; when it
//! finishes, the window is asked to repaint so the result is picked up at once. A
//! worker that dies (a panic in a parser, say) is reported as [`Poll::Lost`], never
//! as a hang.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Sessions above this size (article bytes plus about 256 bytes per claim) are
/// opened, saved and re-anchored on a worker thread. Smaller ones take a few
/// milliseconds, and doing them in place keeps the result in the same frame.
pub const LARGE_BYTES: usize = 512 * 1024;

/// Where jobs run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RunMode {
    /// Large or slow work on worker threads, small work in place (the app).
    #[default]
    Normal,
    /// Everything on worker threads, even small work (tests of the progress dialog).
    AlwaysBackground,
    /// Everything in place on the UI thread, finished before [`Job::start`] returns
    /// (UI tests: results are there in the same frame, without sleeping or polling).
    Synchronous,
}

impl RunMode {
    /// Whether work of this kind runs in place: `slow` is work that may take long
    /// (a large file, the suggester), which normally goes to a worker.
    pub fn in_place(self, slow: bool) -> bool {
        match self {
            RunMode::Normal => !slow,
            RunMode::AlwaysBackground => false,
            RunMode::Synchronous => true,
        }
    }
}

/// What running work sees of its job: where to report progress, and whether the user
/// cancelled it.
#[derive(Clone, Debug)]
pub struct JobHandle {
    progress: Arc<AtomicU32>,
    cancelled: Arc<AtomicBool>,
    /// A line saying what the work is doing now ("Downloading… 120 kB"), if it says.
    detail: Arc<Mutex<String>>,
    repaint: Option<egui::Context>,
}

impl JobHandle {
    fn new(repaint: Option<egui::Context>) -> Self {
        Self {
            progress: Arc::new(AtomicU32::new(f32::NAN.to_bits())),
            cancelled: Arc::new(AtomicBool::new(false)),
            detail: Arc::default(),
            repaint,
        }
    }

    /// Reports how much is done, from 0 to 1, and asks the window to show it.
    pub fn set_progress(&self, fraction: f32) {
        self.progress
            .store(fraction.clamp(0.0, 1.0).to_bits(), Ordering::Relaxed);
        if let Some(ctx) = &self.repaint {
            ctx.request_repaint();
        }
    }

    /// Says what the work is doing now, for the progress dialog ("Reading page 3 of
    /// 40…"), and asks the window to show it.
    pub fn set_detail(&self, detail: String) {
        // A poisoned lock only means a worker panicked mid-write; the text is still a text.
        let mut slot = self.detail.lock().unwrap_or_else(|e| e.into_inner());
        *slot = detail;
        drop(slot);
        if let Some(ctx) = &self.repaint {
            ctx.request_repaint();
        }
    }

    /// Whether the user asked to stop; long work checks this now and then.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// The cancel flag itself, for library functions that take one.
    pub fn cancel_flag(&self) -> Arc<AtomicBool> {
        self.cancelled.clone()
    }
}

/// A piece of work and, once it finished, its result.
pub struct Job<T> {
    /// What is being done, for progress displays ("Saving report.ron").
    pub label: String,
    started: Instant,
    handle: JobHandle,
    state: State<T>,
}

enum State<T> {
    Running {
        results: Receiver<T>,
        thread: Option<JoinHandle<()>>,
    },
    Done(Option<T>),
}

/// What a job has to say this frame.
#[derive(Debug)]
pub enum Poll<T> {
    /// Still working.
    Running,
    /// Finished with this result (given once).
    Done(T),
    /// The worker stopped without a result (it crashed, or could not be started).
    /// Nothing was applied.
    Lost,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a worker thread, or runs it right here when `in_place`.
    /// `repaint` is the window to wake when the work reports progress or finishes.
    pub fn start(
        repaint: Option<&egui::Context>,
        label: impl Into<String>,
        in_place: bool,
        work: impl FnOnce(&JobHandle) -> T + Send + 'static,
    ) -> Self {
        let label = label.into();
        let handle = JobHandle::new(repaint.cloned());
        let state = if in_place {
            State::Done(Some(work(&handle)))
        } else {
            let (tx, rx) = channel();
            let worker = handle.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("claimdesk: {label}"))
                .spawn(move || {
                    let result = work(&worker);
                    // The receiver is gone only if the app closed meanwhile; nothing to tell.
                    let _ = tx.send(result);
                    if let Some(ctx) = &worker.repaint {
                        ctx.request_repaint();
                    }
                });
            match spawned {
                Ok(thread) => State::Running {
                    results: rx,
                    thread: Some(thread),
                },
                // No thread could be made (out of resources): report the job as lost.
                Err(_) => State::Done(None),
            }
        };
        Self {
            label,
            started: Instant::now(),
            handle,
            state,
        }
    }
}

impl<T> Job<T> {
    /// The result, if the work is done.
    pub fn poll(&mut self) -> Poll<T> {
        match &mut self.state {
            State::Done(result) => result.take().map_or(Poll::Lost, Poll::Done),
            State::Running { results, .. } => match results.try_recv() {
                Ok(result) => {
                    self.state = State::Done(None);
                    Poll::Done(result)
                }
                Err(TryRecvError::Empty) => Poll::Running,
                Err(TryRecvError::Disconnected) => {
                    self.state = State::Done(None);
                    Poll::Lost
                }
            },
        }
    }

    /// Waits until the work is done and returns its result (closing the app while an
    /// autosave is being written, say).
    pub fn wait(mut self) -> Poll<T> {
        if let State::Running { thread, .. } = &mut self.state
            && let Some(thread) = thread.take()
        {
            // A panicking worker is reported by `poll` as lost.
            let _ = thread.join();
        }
        self.poll()
    }

    /// Whether the work is still going.
    pub fn is_running(&self) -> bool {
        match &self.state {
            State::Running { thread, .. } => thread.as_ref().is_some_and(|t| !t.is_finished()),
            State::Done(_) => false,
        }
    }

    /// How much is done, from 0 to 1, if the work reports it.
    pub fn progress(&self) -> Option<f32> {
        let value = f32::from_bits(self.handle.progress.load(Ordering::Relaxed));
        (!value.is_nan()).then_some(value)
    }

    /// What the work last said it is doing, if anything.
    pub fn detail(&self) -> Option<String> {
        let detail = self
            .handle
            .detail
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        (!detail.is_empty()).then_some(detail)
    }

    /// Asks the work to stop. Its result, if any, still arrives through [`Self::poll`].
    pub fn cancel(&self) {
        self.handle.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether [`Self::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.handle.is_cancelled()
    }

    /// How long the job has been running.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

/// Whether work on `session` is big enough to go to a worker thread.
pub fn is_large(session: &crate::model::Session) -> bool {
    session.article.text.len() + session.claims.len() * 256 > LARGE_BYTES
}

/// Whether a file should be read on a worker thread: a big one, or one whose size
/// says nothing about how long reading takes (a named pipe blocks until its writer
/// writes). A file that cannot be looked at is read in place: opening it fails at once.
pub fn is_large_file(path: &std::path::Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() || m.len() > LARGE_BYTES as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finish<T>(job: &mut Job<T>) -> Poll<T> {
        for _ in 0..5000 {
            match job.poll() {
                Poll::Running => std::thread::sleep(Duration::from_millis(1)),
                done => return done,
            }
        }
        Poll::Running
    }

    #[test]
    fn in_place_jobs_are_done_at_once_and_give_their_result_once() {
        let mut job = Job::start(None, "x", true, |_| 7);
        assert!(matches!(job.poll(), Poll::Done(7)));
        assert!(matches!(job.poll(), Poll::Lost));
    }

    #[test]
    fn worker_jobs_report_running_then_their_result() {
        let (go, wait) = channel::<()>();
        let mut job = Job::start(None, "x", false, move |_| {
            let _ = wait.recv();
            "done"
        });
        assert!(matches!(job.poll(), Poll::Running));
        assert!(job.is_running());
        go.send(()).unwrap();
        assert!(matches!(finish(&mut job), Poll::Done("done")));
    }

    #[test]
    fn progress_and_cancellation_reach_the_work() {
        let (go, wait) = channel::<()>();
        let mut job = Job::start(None, "x", false, move |h: &JobHandle| {
            h.set_progress(0.25);
            h.set_detail("Reading page 1 of 4…".into());
            let _ = wait.recv();
            h.is_cancelled()
        });
        job.cancel();
        assert!(job.is_cancelled());
        go.send(()).unwrap();
        assert!(matches!(finish(&mut job), Poll::Done(true)));
        assert_eq!(job.progress(), Some(0.25));
        assert_eq!(job.detail().as_deref(), Some("Reading page 1 of 4…"));
    }

    #[test]
    fn a_crashed_worker_is_reported_as_lost_not_as_a_hang() {
        #[allow(clippy::panic)]
        let mut job: Job<u8> = Job::start(None, "x", false, |_| panic!("boom"));
        assert!(matches!(finish(&mut job), Poll::Lost));
    }

    #[test]
    fn waiting_joins_the_worker() {
        let job = Job::start(None, "x", false, |_| {
            std::thread::sleep(Duration::from_millis(20));
            5
        });
        assert!(matches!(job.wait(), Poll::Done(5)));
    }

    #[test]
    fn run_modes_decide_where_work_runs() {
        assert!(RunMode::Normal.in_place(false));
        assert!(!RunMode::Normal.in_place(true));
        assert!(!RunMode::AlwaysBackground.in_place(false));
        assert!(RunMode::Synchronous.in_place(true));
    }

    #[test]
    fn big_files_and_pipes_go_to_a_worker() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("small.ron");
        std::fs::write(&small, "()").unwrap();
        let big = dir.path().join("big.ron");
        std::fs::write(&big, vec![b' '; LARGE_BYTES + 1]).unwrap();
        assert!(!is_large_file(&small));
        assert!(is_large_file(&big));
        assert!(is_large_file(dir.path()), "not a regular file");
        assert!(!is_large_file(&dir.path().join("missing.ron")));
    }
}
