//! Advisory locking, so two Claimdesk windows never silently write the same session.
//!
//! The lock is taken on a sidecar file, `.NAME.lock` next to `NAME`, not on the
//! session file itself: every save renames a new file over the session (see
//! [`super::atomic`]), which gives the path a new inode. A lock on the old inode
//! would then guard nothing, and a second window opening the path after the first
//! save would lock the new inode without noticing the first. The sidecar is never
//! renamed over, so its lock stays meaningful for as long as the session is open.
//!
//! The lock is advisory (`File::try_lock`, `flock` on Unix, `LockFileEx` on
//! Windows): other programs can still write the session, which is why saving also
//! checks [`super::DiskStamp`] for changes on disk.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Why a session could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another Claimdesk window (or process) has the session open.
    #[error("{} is already open in another Claimdesk window{}. Open it read-only, or close it there first", path.display(), holder_words(holder))]
    HeldElsewhere {
        /// The session file.
        path: PathBuf,
        /// What the holder wrote into the lock file (its process id), if readable.
        holder: Option<String>,
    },
    /// The lock file could not be created or locked (a read-only folder, or a
    /// filesystem without locks). The session can still be opened read-only.
    #[error("could not lock {} for editing: {source}", path.display())]
    Io {
        /// The session file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

fn holder_words(holder: &Option<String>) -> String {
    match holder {
        Some(h) if !h.trim().is_empty() => format!(" ({})", h.trim()),
        _ => String::new(),
    }
}

/// An exclusive advisory lock on a session file, held until dropped.
///
/// The app acquires it when it opens a session for editing and keeps it for as
/// long as the session is open. Dropping it removes the lock file and releases the
/// lock; if the process dies, the operating system releases the lock and the stale
/// lock file is simply locked again by the next window.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    lock_path: PathBuf,
    session_path: PathBuf,
}

/// The sidecar lock file for a session: `.NAME.lock` in the same folder.
pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(session.file_name().unwrap_or_default());
    name.push(".lock");
    session.with_file_name(name)
}

impl SessionLock {
    /// Locks `session` for editing, or says who has it open.
    ///
    /// The session file itself need not exist yet (a "save as" target can be locked
    /// before the first save), but its folder must.
    pub fn acquire(session: &Path) -> Result<SessionLock, LockError> {
        let lock_path = lock_path(session);
        let io_err = |source| LockError::Io {
            path: session.to_path_buf(),
            source,
        };
        // A few rounds, because a holder that is closing removes the lock file just
        // before releasing it; we may have opened the file it is removing.
        for _ in 0..8 {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&lock_path)
                .map_err(io_err)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    let mut holder = String::new();
                    let holder = file.read_to_string(&mut holder).ok().map(|_| holder);
                    return Err(LockError::HeldElsewhere {
                        path: session.to_path_buf(),
                        holder,
                    });
                }
                Err(TryLockError::Error(e)) => return Err(io_err(e)),
            }
            if !still_linked(&file, &lock_path) {
                continue;
            }
            // Who holds it, for the other window's message. Best effort.
            let _ = file.set_len(0);
            let _ = write!(file, "process {}", std::process::id());
            return Ok(SessionLock {
                file,
                lock_path,
                session_path: session.to_path_buf(),
            });
        }
        Err(io_err(std::io::Error::other(
            "the lock file kept disappearing while it was being locked",
        )))
    }

    /// The session file this lock guards.
    pub fn session_path(&self) -> &Path {
        &self.session_path
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Remove while still holding the lock, so nobody locks a file that is about
        // to vanish (they re-check with `still_linked` and retry). The lock itself is
        // released when `file` is closed right after.
        let _ = std::fs::remove_file(&self.lock_path);
        let _ = self.file.unlock();
    }
}

/// Whether the open lock file is still the one at `path` (not removed or replaced
/// by a closing holder between our open and our lock).
#[cfg(unix)]
fn still_linked(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// On other platforms an open file cannot be removed, so the race cannot happen.
#[cfg(not(unix))]
fn still_linked(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        let first = SessionLock::acquire(&p).unwrap();
        assert!(lock_path(&p).exists());
        let err = SessionLock::acquire(&p).unwrap_err();
        assert!(matches!(err, LockError::HeldElsewhere { .. }), "{err}");
        let msg = err.to_string();
        assert!(
            msg.contains("s.ron") && msg.contains("another Claimdesk window"),
            "{msg}"
        );
        assert!(
            msg.contains(&format!("process {}", std::process::id())),
            "{msg}"
        );
        drop(first);
        assert!(!lock_path(&p).exists());
        let again = SessionLock::acquire(&p).unwrap();
        assert_eq!(again.session_path(), p);
    }

    #[test]
    fn lock_survives_saves_that_replace_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        super::super::write_atomic(&p, b"one").unwrap();
        let _held = SessionLock::acquire(&p).unwrap();
        super::super::write_atomic(&p, b"two").unwrap();
        assert!(matches!(
            SessionLock::acquire(&p),
            Err(LockError::HeldElsewhere { .. })
        ));
    }

    #[test]
    fn stale_lock_file_from_a_dead_process_is_reused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        std::fs::write(lock_path(&p), "process 1").unwrap();
        assert!(SessionLock::acquire(&p).is_ok());
    }

    #[test]
    fn missing_folder_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("gone").join("s.ron");
        assert!(matches!(
            SessionLock::acquire(&p),
            Err(LockError::Io { .. })
        ));
    }
}
