//! Crash-safe file replacement.
//!
//! One routine, [`Replace::write`], does every write Claimdesk makes to a document
//! (sessions, exports, preferences, autosaves), in this order:
//!
//! 1. Follow symbolic links to the real file, so a link is updated, not replaced by
//!    a regular file (as editors do); everything below happens beside the target.
//! 2. Create `.NAME.tmp-PID-N` (N numbers this process's writes) exclusively (never through a planted link), with the
//!    target's permissions from the start: a private session is never readable by
//!    others, not even half written.
//! 3. Write and flush it to disk.
//! 4. Run the caller's last check (a session's "changed on disk?"), then, with a
//!    backup, make `NAME.bak` the current version by linking it under a temporary
//!    name and renaming that over the old backup: some `NAME.bak` exists at every
//!    moment. The file's identity is noted before the check and looked at again
//!    right before the rename, so a change in between is caught too.
//! 5. Rename the temporary file over the target (or, for a file that must be new,
//!    link it there, which fails if the name was taken meanwhile) and flush the
//!    folder.
//!
//! On error the temporary files are removed and the target is untouched.

use std::ffi::{OsStr, OsString};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The longest file name (in bytes) most file systems allow.
pub const MAX_NAME_BYTES: usize = 255;

/// The longest name a file saved with a backup may have: `NAME.bak` must fit too.
pub const MAX_SAVED_NAME_BYTES: usize = MAX_NAME_BYTES - ".bak".len();

/// Bytes reserved after the shortened name in hidden side files:
/// `.` + NAME + `.tmp-` + a process id of up to 10 digits + `-` + a write number of
/// up to 10 digits + `.bak`.
const SIDECAR_RESERVE: usize = 1 + ".tmp-".len() + 10 + 1 + 10 + ".bak".len();

/// Numbers this process's writes, so that two writes in flight at once (an autosave
/// and a save, two windows' worth of threads) never share a temporary file.
static WRITE_NUMBER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// The backup kept next to a saved file: `NAME.bak` appended to the full name.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// The name hidden side files (lock, temporary files) are built from: the file's
/// own name, or for a name too long to take a prefix and suffix, its start plus a
/// short hash of the whole, so that the side files still fit the file system's
/// limit and two long names do not share them.
pub(crate) fn sidecar_base(name: &OsStr) -> OsString {
    let bytes = name.as_encoded_bytes();
    if bytes.len() + SIDECAR_RESERVE <= MAX_NAME_BYTES {
        return name.to_os_string();
    }
    use sha2::{Digest, Sha256};
    let hash = Sha256::digest(bytes);
    let tag: String = hash.iter().take(4).map(|b| format!("{b:02x}")).collect();
    let keep = MAX_NAME_BYTES - SIDECAR_RESERVE - 1 - tag.len();
    let text = name.to_string_lossy();
    let mut end = keep.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    OsString::from(format!("{}~{tag}", text.get(..end).unwrap_or_default()))
}

/// `.BASE` + `suffix` beside `path` (see [`sidecar_base`]).
fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = OsString::from(".");
    name.push(sidecar_base(path.file_name().unwrap_or_default()));
    name.push(suffix);
    path.with_file_name(name)
}

/// The file a path finally names: symbolic links followed (at most 40, as the
/// operating system does), each relative to the folder of the link. A dangling
/// link gives the file it would create.
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = if target.is_absolute() {
                    target
                } else {
                    folder_of(&current).join(target)
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "it is a chain of symbolic links that does not end",
    ))
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Replaces `path` with `bytes` so that, whatever happens, the file on disk is either
/// the old version or the new one, never a mix; the previous version is kept as
/// `NAME.bak`. See the module documentation for the steps.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Like [`write_atomic`], with the content produced by `write` (tests inject failures here).
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    Replace::new()
        .write(path, write, |_| Ok::<(), io::Error>(()))
        .map(|_| ())
}

/// How [`Replace::write`] replaces a file.
#[derive(Clone, Copy, Debug)]
pub struct Replace {
    backup: bool,
    only_new: bool,
}

impl Default for Replace {
    fn default() -> Self {
        Self::new()
    }
}

impl Replace {
    /// Replace the file, keeping the previous version as `NAME.bak`.
    pub fn new() -> Self {
        Self {
            backup: true,
            only_new: false,
        }
    }

    /// Keep no backup (exports: they can always be made again).
    pub fn without_backup(mut self) -> Self {
        self.backup = false;
        self
    }

    /// Only create the file: fail with `AlreadyExists` if it exists, even if it
    /// appears while the new one is being written.
    pub fn only_new(mut self) -> Self {
        self.only_new = true;
        self
    }

    /// Writes the file (see the module documentation). `write` fills the temporary
    /// file; `check` runs on the real target right before it is replaced (an error
    /// stops the save with nothing changed) and runs again if the target changes
    /// between that check and the rename. Returns the file written (links followed).
    pub fn write<E: From<io::Error>>(
        &self,
        path: &Path,
        write: impl FnOnce(&mut File) -> io::Result<()>,
        mut check: impl FnMut(&Path) -> Result<(), E>,
    ) -> Result<PathBuf, E> {
        let target = resolve_links(path)?;
        let name = target
            .file_name()
            .ok_or_else(|| {
                io::Error::new(io::ErrorKind::InvalidInput, "the path has no file name")
            })?
            .to_os_string();
        let limit = if self.backup {
            MAX_SAVED_NAME_BYTES
        } else {
            MAX_NAME_BYTES
        };
        if name.len() > limit {
            return Err(io::Error::new(
                io::ErrorKind::InvalidFilename,
                format!(
                    "it is {} bytes long; names can be at most {limit} bytes{}",
                    name.len(),
                    if self.backup {
                        ", so that NAME.bak fits beside it"
                    } else {
                        ""
                    }
                ),
            )
            .into());
        }
        let dir = folder_of(&target);
        let pid = std::process::id();
        let n = WRITE_NUMBER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = sidecar(&target, &format!(".tmp-{pid}-{n}"));
        let tmp_bak = sidecar(&target, &format!(".tmp-{pid}-{n}.bak"));
        let result = self.replace(&target, &tmp, &tmp_bak, write, &mut check);
        let _ = fs::remove_file(&tmp);
        let _ = fs::remove_file(&tmp_bak);
        if result.is_ok() {
            sync_dir(&dir);
            remove_stale_temps(&dir, &target);
        }
        result.map(|()| target)
    }

    fn replace<E: From<io::Error>>(
        &self,
        target: &Path,
        tmp: &Path,
        tmp_bak: &Path,
        write: impl FnOnce(&mut File) -> io::Result<()>,
        check: &mut impl FnMut(&Path) -> Result<(), E>,
    ) -> Result<(), E> {
        let existing = fs::metadata(target).ok();
        let mut file = create_private(tmp, existing.as_ref())?;
        write(&mut file)?;
        file.sync_all()?;
        drop(file);
        if self.only_new {
            check(target)?;
            // Unlike a rename, a link never replaces: if the name was taken while
            // we wrote, this fails and the other file stays.
            return match fs::hard_link(tmp, target) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e.into()),
                // A file system without hard links: look, then rename (the moment
                // between the two is the only one a file could appear unseen).
                Err(_) if fs::symlink_metadata(target).is_err() => {
                    fs::rename(tmp, target).map_err(E::from)
                }
                Err(_) => Err(io::Error::from(io::ErrorKind::AlreadyExists).into()),
            };
        }
        // The check may take a while (hashing a large file): note what the target
        // was before it, and look again right before the rename.
        let mut rounds = 0;
        loop {
            let before = Identity::of(target);
            check(target)?;
            if self.backup {
                keep_backup(target, tmp_bak)?;
            }
            if Identity::of(target) == before {
                break;
            }
            rounds += 1;
            if rounds == 5 {
                return Err(io::Error::other(
                    "another program kept changing the file while Claimdesk was saving",
                )
                .into());
            }
        }
        fs::rename(tmp, target)?;
        Ok(())
    }
}

/// Enough of a file's identity to notice that it was replaced or written to: which
/// file it is (device, inode), its size and modification time. Not its change time
/// or link count, which keeping the backup (a hard link) changes.
#[derive(Debug, PartialEq, Eq)]
struct Identity(Option<(u64, u64, u64, Option<std::time::SystemTime>)>);

impl Identity {
    fn of(path: &Path) -> Identity {
        let Ok(meta) = fs::metadata(path) else {
            return Identity(None);
        };
        #[cfg(unix)]
        let (dev, ino) = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let (dev, ino) = (0, 0);
        Identity(Some((dev, ino, meta.len(), meta.modified().ok())))
    }
}

/// Creates the temporary file exclusively (never following a link someone planted
/// under its predictable name), with the permissions of the file it will replace
/// already set before a byte is written.
fn create_private(tmp: &Path, existing: Option<&fs::Metadata>) -> io::Result<File> {
    let open = || {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
            options.custom_flags(libc::O_NOFOLLOW);
            if let Some(meta) = existing {
                options.mode(meta.permissions().mode() & 0o777);
            }
        }
        options.open(tmp)
    };
    let file = match open() {
        Ok(f) => f,
        // Left by a killed save of a process that had our id: ours to replace.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(tmp)?;
            open()?
        }
        Err(e) => return Err(e),
    };
    // The mode asked for above was narrowed by the umask; set it exactly.
    if let Some(meta) = existing {
        file.set_permissions(same_access(meta))?;
    }
    Ok(file)
}

/// The read, write and execute permissions of an existing file (not its set-id bits).
fn same_access(meta: &fs::Metadata) -> fs::Permissions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::Permissions::from_mode(meta.permissions().mode() & 0o777)
    }
    #[cfg(not(unix))]
    meta.permissions()
}

/// Removes temporary files left by saves of the same file that were killed midway
/// (a crash, a power cut), so they do not pile up next to the session. Only files
/// of processes that no longer run are removed: a concurrent save is never disturbed.
fn remove_stale_temps(dir: &Path, target: &Path) {
    let base = sidecar_base(target.file_name().unwrap_or_default());
    let prefix = format!(".{}.tmp-", base.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let rest = rest.strip_suffix(".bak").unwrap_or(rest);
        // `PID-N` (or `PID` from older versions): the process that wrote it.
        let pid = rest.split('-').next().unwrap_or(rest);
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if pid != std::process::id() && !process_is_running(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether a process with this id runs. Where that cannot be asked cheaply, assume
/// it does (a stale temporary file is harmless; removing a live one is not).
fn process_is_running(pid: u32) -> bool {
    let proc_dir = Path::new("/proc");
    if cfg!(target_os = "linux") && proc_dir.join("self").exists() {
        return proc_dir.join(pid.to_string()).exists();
    }
    true
}

/// Makes `NAME.bak` the current version of `path`, if there is one, without a moment
/// when no backup exists: the current file is linked (or, where links are not
/// possible, copied) under a temporary name, which is then renamed over the old
/// backup in one step.
fn keep_backup(path: &Path, tmp_bak: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    }
    match fs::remove_file(tmp_bak) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    if fs::hard_link(path, tmp_bak).is_err() {
        fs::copy(path, tmp_bak)?;
        File::open(tmp_bak)?.sync_all()?;
    }
    fs::rename(tmp_bak, backup_path(path))
}

/// Flushes a folder's entries so a rename survives a power cut. Best effort: some
/// platforms and filesystems cannot open or sync a directory.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 14: two writes in flight in one process (an autosave and a save) shared
    /// one temporary name, so one of them failed or wrote the other's bytes.
    #[test]
    fn writes_in_flight_at_once_never_share_a_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        std::fs::write(&path, "old").unwrap();
        let versions: Vec<String> = (0..6)
            .map(|i| format!("version {i}").repeat(2000))
            .collect();
        std::thread::scope(|scope| {
            for v in &versions {
                let path = path.clone();
                scope.spawn(move || {
                    for _ in 0..20 {
                        // Writers racing on one file may be told another kept
                        // changing it; a clash over a temporary file is never right.
                        if let Err(e) = write_atomic(&path, v.as_bytes()) {
                            assert!(e.to_string().contains("kept changing"), "{e}");
                        }
                    }
                });
            }
        });
        let last = std::fs::read_to_string(&path).unwrap();
        assert!(versions.contains(&last), "a whole version, not a mix");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp-"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn replaces_and_keeps_backup() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        write_atomic(&p, b"one").unwrap();
        assert!(!backup_path(&p).exists());
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&p)).unwrap(), b"one");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn failed_write_leaves_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        write_atomic(&p, b"old").unwrap();
        let err = write_atomic_with(&p, |f| {
            f.write_all(b"partial")?;
            Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device",
            ))
        })
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert_eq!(fs::read(&p).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn temporary_files_of_dead_processes_are_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        // A pid that cannot be running (above the Linux maximum), and one that is
        // (this process's parent; a concurrent save must not be disturbed).
        let dead = dir.path().join(".s.ron.tmp-4194305");
        let dead_bak = dir.path().join(".s.ron.tmp-4194305.bak");
        let alive = dir.path().join(format!(
            ".s.ron.tmp-{}",
            std::os::unix::process::parent_id()
        ));
        fs::write(&alive, "in progress").unwrap();
        let other = dir.path().join(".other.ron.tmp-4194305");
        for f in [&dead, &dead_bak, &other] {
            fs::write(f, "partial").unwrap();
        }
        write_atomic(&p, b"x").unwrap();
        assert!(alive.exists());
        if cfg!(target_os = "linux") {
            assert!(!dead.exists());
            assert!(!dead_bak.exists());
        }
        assert!(other.exists(), "other files' temporaries are left alone");
    }

    #[test]
    fn missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("gone").join("s.ron");
        assert!(write_atomic(&p, b"x").is_err());
    }

    /// Issue 15, item 9: a 0600 session's temporary file was 0644 until written.
    #[cfg(unix)]
    #[test]
    fn the_temporary_file_of_a_private_file_is_private_from_the_start() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        write_atomic(&p, b"secret").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o600)).unwrap();
        let mut seen = None;
        write_atomic_with(&p, |f| {
            seen = Some(f.metadata()?.permissions().mode() & 0o777);
            f.write_all(b"more secret")
        })
        .unwrap();
        assert_eq!(seen, Some(0o600), "mode while being written");
        let mode = fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    /// Issue 15, item 4: saving through a link replaced the link with a file.
    #[cfg(unix)]
    #[test]
    fn a_symlink_is_written_through_to_its_target() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("real")).unwrap();
        let real = dir.path().join("real").join("c.ron");
        fs::write(&real, b"one").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink("real/c.ron", &link).unwrap();
        write_atomic(&link, b"two").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&real)).unwrap(), b"one");
        assert!(!backup_path(&link).exists(), "no backup beside the link");
        // A dangling link creates its target.
        let dangling = dir.path().join("new.ron");
        std::os::unix::fs::symlink("real/new.ron", &dangling).unwrap();
        write_atomic(&dangling, b"new").unwrap();
        assert_eq!(fs::read(dir.path().join("real/new.ron")).unwrap(), b"new");
        // A loop is an error, not a hang.
        let a = dir.path().join("a.ron");
        std::os::unix::fs::symlink("b.ron", &a).unwrap();
        std::os::unix::fs::symlink("a.ron", dir.path().join("b.ron")).unwrap();
        assert!(write_atomic(&a, b"x").is_err());
    }

    /// Issue 15, item 5: the old backup was removed before the new one existed, so a
    /// kill in between left no backup. A second thread watching the folder during
    /// many saves must never see the backup missing.
    #[test]
    fn a_backup_exists_at_every_moment_of_a_save() {
        use std::sync::atomic::{AtomicBool, Ordering};
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        write_atomic(&p, b"v0").unwrap();
        write_atomic(&p, b"v1").unwrap();
        let bak = backup_path(&p);
        let done = AtomicBool::new(false);
        let missing = std::thread::scope(|scope| {
            let watcher = scope.spawn(|| {
                let mut missing = 0u32;
                while !done.load(Ordering::Relaxed) {
                    if fs::symlink_metadata(&bak).is_err() {
                        missing += 1;
                    }
                }
                missing
            });
            for i in 0..3_000 {
                write_atomic(&p, format!("v{i}").as_bytes()).unwrap();
            }
            done.store(true, Ordering::Relaxed);
            watcher.join().unwrap()
        });
        assert_eq!(missing, 0, "the backup was missing {missing} times");
    }

    /// Issue 15, the 250-character name: the temporary and lock names added
    /// characters past the file system's 255-byte limit.
    #[test]
    fn long_names_get_short_side_files_and_a_clear_limit() {
        let dir = tempfile::tempdir().unwrap();
        let long = format!("{}.ron", "n".repeat(246));
        let p = dir.path().join(&long);
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(backup_path(&p)).unwrap(), b"one");
        let base = sidecar_base(OsStr::new(&long));
        assert!(base.len() + SIDECAR_RESERVE <= MAX_NAME_BYTES);
        assert_ne!(
            sidecar_base(OsStr::new(&format!("{}.ron", "n".repeat(247)))),
            base,
            "two long names do not share side files"
        );
        // Multi-byte characters are not cut in half.
        let wide = format!("{}.ron", "é".repeat(120));
        assert!(sidecar_base(OsStr::new(&wide)).to_str().is_some());
        // Too long for NAME.bak: said in words, nothing written.
        let too_long = dir.path().join(format!("{}.ron", "x".repeat(250)));
        let err = write_atomic(&too_long, b"x").unwrap_err();
        assert!(err.to_string().contains("at most 251 bytes"), "{err}");
        assert!(!too_long.exists());
    }

    #[test]
    fn only_new_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        Replace::new()
            .only_new()
            .write(&p, |f| f.write_all(b"first"), |_| Ok::<(), io::Error>(()))
            .unwrap();
        let err = Replace::new()
            .only_new()
            .write(&p, |f| f.write_all(b"second"), |_| Ok::<(), io::Error>(()))
            .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&p).unwrap(), b"first");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// A link planted under the temporary file's predictable name is not followed.
    #[cfg(unix)]
    #[test]
    fn a_planted_temporary_link_is_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, b"precious").unwrap();
        let p = dir.path().join("s.ron");
        let planted = dir
            .path()
            .join(format!(".s.ron.tmp-{}", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        write_atomic(&p, b"session").unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"precious");
        assert_eq!(fs::read(&p).unwrap(), b"session");
    }
}
