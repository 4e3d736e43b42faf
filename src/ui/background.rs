//! Work that runs off the UI thread (opening, saving and re-anchoring large
//! sessions) while the window keeps drawing a progress bar.

use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// Sessions above this size (article bytes plus about 256 bytes per claim) are
/// opened, saved and re-anchored on a worker thread. Smaller ones take a few
/// milliseconds, and doing them in place keeps the result in the same frame.
pub const LARGE_BYTES: usize = 512 * 1024;

/// A piece of work and, once it finished, its result.
pub struct Job<T> {
    /// What is being done, for the progress dialog ("Saving report.ron").
    pub label: String,
    started: Instant,
    state: State<T>,
}

enum State<T> {
    Running(Receiver<T>),
    Done(Option<T>),
}

/// What a job has to say this frame.
pub enum Poll<T> {
    /// Still working.
    Running,
    /// Finished with this result (given once).
    Done(T),
    /// The worker stopped without a result (it crashed). Nothing was applied.
    Lost,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a worker thread, or runs it right here when `in_place`.
    pub fn start(
        label: impl Into<String>,
        in_place: bool,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Self {
        let state = if in_place {
            State::Done(Some(work()))
        } else {
            let (tx, rx) = channel();
            std::thread::spawn(move || {
                // The receiver is gone only if the app closed meanwhile; nothing to tell.
                let _ = tx.send(work());
            });
            State::Running(rx)
        };
        Self {
            label: label.into(),
            started: Instant::now(),
            state,
        }
    }
}

impl<T> Job<T> {
    /// The result if the work is done.
    pub fn poll(&mut self) -> Poll<T> {
        match &mut self.state {
            State::Done(result) => result.take().map_or(Poll::Lost, Poll::Done),
            State::Running(rx) => match rx.try_recv() {
                Ok(result) => {
                    self.state = State::Done(None);
                    Poll::Done(result)
                }
                Err(TryRecvError::Empty) => Poll::Running,
                Err(TryRecvError::Disconnected) => Poll::Lost,
            },
        }
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

    #[test]
    fn in_place_jobs_are_done_at_once_and_give_their_result_once() {
        let mut job = Job::start("x", true, || 7);
        assert!(matches!(job.poll(), Poll::Done(7)));
        assert!(matches!(job.poll(), Poll::Lost));
    }

    #[test]
    fn worker_jobs_report_running_then_their_result() {
        let (go, wait) = channel::<()>();
        let mut job = Job::start("x", false, move || {
            let _ = wait.recv();
            "done"
        });
        assert!(matches!(job.poll(), Poll::Running));
        go.send(()).unwrap();
        let result = loop {
            match job.poll() {
                Poll::Running => std::thread::sleep(Duration::from_millis(1)),
                Poll::Done(r) => break r,
                Poll::Lost => panic!("lost"),
            }
        };
        assert_eq!(result, "done");
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

    #[test]
    fn a_crashed_worker_is_reported_as_lost_not_as_a_hang() {
        let mut job: Job<u8> = Job::start("x", false, || panic!("boom"));
        let lost = (0..2000).any(|_| {
            std::thread::sleep(Duration::from_millis(1));
            matches!(job.poll(), Poll::Lost)
        });
        assert!(lost);
    }
}
