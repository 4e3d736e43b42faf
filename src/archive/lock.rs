//! One update at a time: two Claimdesk windows (or a window and the command line) that
//! update the same archive take turns on an advisory lock, `update.lock` in the index
//! folder. Reading needs no lock, because every index file is replaced whole, by rename.
//!
//! If a process dies while updating, the operating system releases its lock; the index
//! files it was writing are either the old ones or the new ones.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How often a waiting update looks at the lock again.
const POLL: Duration = Duration::from_millis(50);

/// The update lock, held until dropped.
#[derive(Debug)]
pub struct UpdateLock {
    _file: File,
}

/// Why the lock was not taken.
#[derive(Debug)]
pub enum LockWait {
    /// Another process kept it for longer than the wait allowed.
    TimedOut,
    /// The caller cancelled while waiting.
    Cancelled,
    /// The lock file could not be created or locked.
    Io(std::io::Error),
}

impl UpdateLock {
    /// Takes the lock at `path`, waiting up to `wait` for another process to finish
    /// (calling `waiting` once if it has to wait), and giving up early when `cancel` is set.
    pub fn acquire(
        path: &Path,
        wait: Duration,
        cancel: &AtomicBool,
        mut waiting: impl FnMut(),
    ) -> Result<UpdateLock, LockWait> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(LockWait::Io)?;
        let start = Instant::now();
        let mut told = false;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(UpdateLock { _file: file }),
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(e)) => return Err(LockWait::Io(e)),
            }
            if cancel.load(Ordering::Relaxed) {
                return Err(LockWait::Cancelled);
            }
            if start.elapsed() >= wait {
                return Err(LockWait::TimedOut);
            }
            if !told {
                waiting();
                told = true;
            }
            std::thread::sleep(POLL);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_waits_then_times_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("update.lock");
        let never = AtomicBool::new(false);
        let first = UpdateLock::acquire(&path, Duration::ZERO, &never, || {}).unwrap();
        let mut told = 0;
        let second = UpdateLock::acquire(&path, Duration::from_millis(120), &never, || told += 1);
        assert!(matches!(second, Err(LockWait::TimedOut)));
        assert_eq!(told, 1);
        let cancelled = AtomicBool::new(true);
        let third = UpdateLock::acquire(&path, Duration::from_secs(60), &cancelled, || {});
        assert!(matches!(third, Err(LockWait::Cancelled)));
        drop(first);
        assert!(UpdateLock::acquire(&path, Duration::ZERO, &never, || {}).is_ok());
    }
}
