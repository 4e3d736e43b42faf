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
///
/// The messages say what happened without advice, since that depends on where
/// they are shown: the app offers to open the session read-only, the command line
/// says to try again later. [`LockError::holder_info`] says who holds the lock.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another Claimdesk window or command has the session open.
    #[error("{}", held_message(path, holder))]
    HeldElsewhere {
        /// The session file.
        path: PathBuf,
        /// What the holder wrote into the lock file (`process N (who)`), if readable.
        holder: Option<String>,
    },
    /// The lock file could not be created or locked (a read-only folder, a
    /// filesystem without locks, or something other than a lock file in its place).
    /// The session can still be opened read-only.
    #[error("could not lock {} for editing: {source}", path.display())]
    Io {
        /// The session file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

impl LockError {
    /// Who holds the lock, when it is held elsewhere and the lock file says.
    pub fn holder_info(&self) -> Option<LockHolder> {
        match self {
            LockError::HeldElsewhere {
                holder: Some(text), ..
            } => Some(LockHolder::parse(text)),
            _ => None,
        }
    }
}

/// Who takes a lock: written into the lock file so that the one refused can say
/// who has the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockUser {
    /// The app, for as long as the session is open in a window.
    Window,
    /// A `claimdesk` subcommand (`"edit"`, `"reanchor"`…), for as long as it runs.
    Command(&'static str),
}

/// Who holds a lock, as read from its lock file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockHolder {
    /// The holder's process id.
    pub pid: Option<u32>,
    /// What kind of program it is.
    pub kind: HolderKind,
}

/// What kind of program holds a lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HolderKind {
    /// A Claimdesk window.
    Window,
    /// A `claimdesk` subcommand, by name.
    Command(String),
    /// Not said (a lock file written by an older Claimdesk).
    Unknown,
}

const WINDOW_WORDS: &str = "Claimdesk window";

impl LockHolder {
    /// Reads `process N (who)` as written by [`SessionLock::acquire_as`].
    pub fn parse(text: &str) -> LockHolder {
        let text = text.trim();
        let rest = text.strip_prefix("process ").unwrap_or(text);
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let who = rest
            .get(digits.len()..)
            .unwrap_or_default()
            .trim()
            .trim_start_matches('(')
            .trim_end_matches(')');
        let kind = if who == WINDOW_WORDS {
            HolderKind::Window
        } else if let Some(command) = who.strip_prefix("claimdesk ") {
            HolderKind::Command(command.to_owned())
        } else {
            HolderKind::Unknown
        };
        LockHolder {
            pid: digits.parse().ok(),
            kind,
        }
    }

    fn text(user: LockUser) -> String {
        let who = match user {
            LockUser::Window => WINDOW_WORDS.to_owned(),
            LockUser::Command(name) => format!("claimdesk {name}"),
        };
        format!("process {} ({who})", std::process::id())
    }
}

fn held_message(path: &Path, holder: &Option<String>) -> String {
    let path = path.display();
    let holder = holder.as_deref().map(LockHolder::parse);
    let pid = holder
        .as_ref()
        .and_then(|h| h.pid)
        .map(|p| format!("process {p}"));
    match holder.map(|h| h.kind) {
        Some(HolderKind::Window) => format!(
            "{path} is already open in another Claimdesk window{}",
            pid.map(|p| format!(" ({p})")).unwrap_or_default()
        ),
        Some(HolderKind::Command(c)) => format!(
            "{path} is being changed by `claimdesk {c}`{}",
            pid.map(|p| format!(" ({p})")).unwrap_or_default()
        ),
        _ => format!(
            "{path} is in use by another Claimdesk{}",
            pid.map(|p| format!(" ({p})")).unwrap_or_default()
        ),
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

/// The sidecar lock file for a session: `.NAME.lock` in the same folder (for a
/// name too long for that, a shortened one; see `atomic::sidecar_base`).
pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(super::atomic::sidecar_base(
        session.file_name().unwrap_or_default(),
    ));
    name.push(".lock");
    session.with_file_name(name)
}

/// The most a lock file holds (`process N (claimdesk reanchor)` is 35 bytes).
const MAX_LOCK_BYTES: u64 = 256;

impl SessionLock {
    /// Locks `session` for editing in a window, or says who has it open. See
    /// [`SessionLock::acquire_as`].
    pub fn acquire(session: &Path) -> Result<SessionLock, LockError> {
        Self::acquire_as(session, LockUser::Window)
    }

    /// Locks `session` for `user`, or says who has it open.
    ///
    /// The session file itself need not exist yet (a "save as" target can be locked
    /// before the first save), but its folder must. A session reached through a
    /// symbolic link is locked beside its target, where it is saved.
    ///
    /// The lock file is opened without following links and must be a regular file
    /// holding nothing but a lock's words: a link, a folder, a file with other
    /// content (a planted `.NAME.lock` pointing at someone's file) is refused with
    /// [`LockError::Io`] and never written to.
    pub fn acquire_as(session: &Path, user: LockUser) -> Result<SessionLock, LockError> {
        let io_err = |source| LockError::Io {
            path: session.to_path_buf(),
            source,
        };
        let target = super::atomic::resolve_links(session).map_err(io_err)?;
        let lock_path = lock_path(&target);
        // A few rounds, because a holder that is closing removes the lock file just
        // before releasing it; we may have opened the file it is removing.
        for _ in 0..8 {
            let mut file = open_lock_file(&lock_path).map_err(io_err)?;
            let mut holder = String::new();
            // Decided before locking or writing anything: never truncate what is
            // not a lock file.
            let read = (&mut file)
                .take(MAX_LOCK_BYTES + 1)
                .read_to_string(&mut holder);
            if read.is_err() || !is_lock_text(&holder) {
                return Err(io_err(not_a_lock(&lock_path, "holds something else")));
            }
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    return Err(LockError::HeldElsewhere {
                        path: session.to_path_buf(),
                        holder: Some(holder),
                    });
                }
                Err(TryLockError::Error(e)) => return Err(io_err(e)),
            }
            if !still_linked(&file, &lock_path) {
                continue;
            }
            // Who holds it, for the other one's message. Best effort.
            let _ = file.set_len(0);
            let _ = file.write_all(LockHolder::text(user).as_bytes());
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

/// Whether a lock file's content is what Claimdesk writes there: nothing, or
/// `process N` and an optional `(who)`.
fn is_lock_text(text: &str) -> bool {
    let text = text.trim();
    text.is_empty()
        || (text.len() as u64 <= MAX_LOCK_BYTES
            && text
                .strip_prefix("process ")
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
            && !text.contains('\n'))
}

fn not_a_lock(lock_path: &Path, what: &str) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!(
            "its lock file {} {what}, not a lock Claimdesk made; it was left untouched. Remove it if you did not put it there",
            lock_path.display()
        ),
    )
}

/// Opens (or creates) the lock file for reading and writing without following a
/// symbolic link and without waiting (a named pipe planted there would block), then
/// makes sure it is one regular file, not a hard link to something else.
fn open_lock_file(lock_path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    #[cfg(not(unix))]
    if std::fs::symlink_metadata(lock_path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(not_a_lock(lock_path, "is a symbolic link"));
    }
    let file = match options.open(lock_path) {
        Ok(file) => file,
        Err(e) => {
            let meta = std::fs::symlink_metadata(lock_path);
            return Err(match meta {
                Ok(m) if m.file_type().is_symlink() => not_a_lock(lock_path, "is a symbolic link"),
                Ok(m) if m.is_dir() => not_a_lock(lock_path, "is a folder"),
                _ => e,
            });
        }
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_a_lock(lock_path, "is not a regular file"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(not_a_lock(lock_path, "is linked to another file"));
        }
    }
    Ok(file)
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
    match (file.metadata(), std::fs::symlink_metadata(path)) {
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
            msg.contains("s.ron") && msg.contains("already open in another Claimdesk window"),
            "{msg}"
        );
        assert!(!msg.contains("read-only"), "no advice for the app: {msg}");
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

    /// Issue 15, item 6: `ln -s ../victim.txt repo/.s.ron.lock` made a lock write
    /// "process N" into the victim.
    #[cfg(unix)]
    #[test]
    fn a_planted_lock_link_or_foreign_file_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("repo");
        std::fs::create_dir(&repo).unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "precious").unwrap();
        let session = repo.join("s.ron");
        std::os::unix::fs::symlink("../victim.txt", lock_path(&session)).unwrap();
        let err = SessionLock::acquire_as(&session, LockUser::Command("edit")).unwrap_err();
        assert!(matches!(err, LockError::Io { .. }), "{err}");
        let msg = err.to_string();
        assert!(
            msg.contains("symbolic link") && msg.contains(".s.ron.lock"),
            "{msg}"
        );
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");

        // A regular file that is not a lock (copied into place, or a hard link).
        std::fs::remove_file(lock_path(&session)).unwrap();
        std::fs::hard_link(&victim, lock_path(&session)).unwrap();
        let msg = SessionLock::acquire(&session).unwrap_err().to_string();
        assert!(msg.contains("linked to another file"), "{msg}");
        std::fs::remove_file(lock_path(&session)).unwrap();
        std::fs::write(lock_path(&session), "my notes, not a lock").unwrap();
        let msg = SessionLock::acquire(&session).unwrap_err().to_string();
        assert!(msg.contains("holds something else"), "{msg}");
        assert_eq!(
            std::fs::read_to_string(lock_path(&session)).unwrap(),
            "my notes, not a lock"
        );
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    }

    #[test]
    fn the_holder_is_named_for_what_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        let held = SessionLock::acquire_as(&p, LockUser::Command("edit")).unwrap();
        let err = SessionLock::acquire(&p).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("is being changed by `claimdesk edit`"),
            "{msg}"
        );
        assert!(!msg.contains("window"), "{msg}");
        assert_eq!(
            err.holder_info(),
            Some(LockHolder {
                pid: Some(std::process::id()),
                kind: HolderKind::Command("edit".into())
            })
        );
        drop(held);
        // A lock file from an older Claimdesk says only the process.
        assert_eq!(
            LockHolder::parse("process 12"),
            LockHolder {
                pid: Some(12),
                kind: HolderKind::Unknown
            }
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_session_through_a_link_is_locked_beside_its_target() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        let real = dir.path().join("real").join("c.ron");
        std::fs::write(&real, "x").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink("real/c.ron", &link).unwrap();
        let _held = SessionLock::acquire(&link).unwrap();
        assert!(lock_path(&real).exists());
        assert!(matches!(
            SessionLock::acquire(&real),
            Err(LockError::HeldElsewhere { .. })
        ));
    }
}
