//! Running a parser that may crash or hang (PDF, web-page extraction) on a thread
//! of its own, with a time limit, so that a hostile or damaged file can cost
//! Claimdesk a few seconds but never the app.

use super::{ImportError, Progress};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

/// The parser thread's stack. Parsers recurse over nested markup; a deep but
/// legitimate page must not overflow it (an overflow aborts the process, which no
/// `catch_unwind` can stop). Only touched pages of it use memory.
const STACK_BYTES: usize = 256 << 20;

/// How often the waiting thread looks at the cancel flag.
const POLL: Duration = Duration::from_millis(50);

/// What a parser gets from the thread waiting for it: a flag to stop early (set
/// when the caller cancels or the time limit passes) and a way to report progress.
#[derive(Clone, Debug, Default)]
pub struct Stop {
    flag: Arc<AtomicBool>,
    progress: Option<Sender<Progress>>,
}

impl Stop {
    /// A flag that is never set (for running a parser in place, in tests and
    /// benchmarks); progress goes nowhere.
    pub fn never() -> Self {
        Self::default()
    }

    /// Whether the parser should stop.
    pub fn is_set(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }

    /// Tells the waiting thread how far the parser got.
    pub fn report(&self, progress: Progress) {
        if let Some(tx) = &self.progress {
            // The waiting thread may have given up already; nothing to tell then.
            let _ = tx.send(progress);
        }
    }

    /// `Err(Cancelled)` once set; parsers call this in their loops.
    pub fn check(&self) -> Result<(), ImportError> {
        if self.is_set() {
            Err(ImportError::Cancelled)
        } else {
            Ok(())
        }
    }

    fn set(&self) {
        self.flag.store(true, Ordering::Relaxed);
    }
}

/// Runs `work(input, stop)` on a new thread and waits for it: at most `limit`, and
/// only while `cancel` is not set, passing what it reports on to `progress`. A panic in `work` becomes
/// [`ImportError::ReaderCrashed`], running out of time [`ImportError::TimedOut`].
/// A thread that overruns is told to stop and left behind (threads cannot be
/// killed); its result is dropped.
pub fn run_limited<I, T>(
    what: &'static str,
    limit: Duration,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
    input: I,
    work: impl FnOnce(I, Stop) -> Result<T, ImportError> + Send + 'static,
) -> Result<T, ImportError>
where
    I: Send + 'static,
    T: Send + 'static,
{
    let (progress_tx, progress_rx) = channel();
    let stop = Stop {
        flag: Arc::default(),
        progress: Some(progress_tx),
    };
    let (tx, rx) = channel();
    let worker_stop = stop.clone();
    let spawned = std::thread::Builder::new()
        .name(format!("claimdesk {what} reader"))
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let result = catch_unwind(AssertUnwindSafe(move || work(input, worker_stop)));
            // The receiver is gone only when the caller gave up; nothing to tell.
            let _ = tx.send(result);
        });
    if spawned.is_err() {
        return Err(ImportError::ReaderCrashed { what });
    }
    let deadline = Instant::now() + limit;
    loop {
        while let Ok(p) = progress_rx.try_recv() {
            progress(p);
        }
        if cancel.load(Ordering::Relaxed) {
            stop.set();
            return Err(ImportError::Cancelled);
        }
        let now = Instant::now();
        if now >= deadline {
            stop.set();
            return Err(ImportError::TimedOut {
                what,
                seconds: limit.as_secs().max(1),
            });
        }
        match rx.recv_timeout(POLL.min(deadline - now)) {
            Ok(Ok(result)) => return result,
            Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => {
                return Err(ImportError::ReaderCrashed { what });
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_panics_and_hangs_come_back_as_results() {
        let never = AtomicBool::new(false);
        let ok = run_limited(
            "test",
            Duration::from_secs(5),
            &never,
            &mut |_| {},
            2,
            |n, _| Ok(n * 3),
        );
        assert_eq!(ok.unwrap(), 6);

        #[allow(clippy::panic)]
        let crashed: Result<(), _> = run_limited(
            "PDF",
            Duration::from_secs(5),
            &never,
            &mut |_| {},
            (),
            |_, _| panic!("boom"),
        );
        assert!(matches!(
            crashed,
            Err(ImportError::ReaderCrashed { what: "PDF" })
        ));

        let hung: Result<(), _> = run_limited(
            "PDF",
            Duration::from_millis(100),
            &never,
            &mut |_| {},
            (),
            |_, stop| {
                while !stop.is_set() {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(ImportError::Cancelled)
            },
        );
        assert!(
            matches!(hung, Err(ImportError::TimedOut { .. })),
            "{hung:?}"
        );
    }

    #[test]
    fn cancelling_stops_the_wait_and_tells_the_worker() {
        let cancel = AtomicBool::new(true);
        let seen = Arc::new(AtomicBool::new(false));
        let seen2 = seen.clone();
        let r: Result<(), _> = run_limited(
            "PDF",
            Duration::from_secs(30),
            &cancel,
            &mut |_| {},
            (),
            move |_, stop| {
                while !stop.is_set() {
                    std::thread::sleep(Duration::from_millis(2));
                }
                seen2.store(true, Ordering::Relaxed);
                Ok(())
            },
        );
        assert!(matches!(r, Err(ImportError::Cancelled)));
        let start = Instant::now();
        while !seen.load(Ordering::Relaxed) && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(seen.load(Ordering::Relaxed), "the worker was told to stop");
    }
}
