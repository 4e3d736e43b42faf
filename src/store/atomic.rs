//! Crash-safe file replacement.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The backup kept next to a saved file: `NAME.bak` appended to the full name.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Replaces `path` with `bytes` so that, whatever happens, the file on disk is either
/// the old version or the new one, never a mix.
///
/// Writes a temporary file in the same folder, flushes it to disk, keeps the previous
/// version as `NAME.bak`, renames the temporary file over the target and flushes the
/// folder. On error the temporary file is removed and the target is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Like [`write_atomic`], with the content produced by `write` (tests inject failures here).
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path has no file name"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp = dir.join(tmp_name);

    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        write(&mut file)?;
        file.sync_all()?;
        drop(file);
        // Keep the old file's permissions (a session may be private to its owner).
        if let Ok(meta) = fs::metadata(path) {
            let _ = fs::set_permissions(&tmp, meta.permissions());
        }
        keep_backup(path)?;
        fs::rename(&tmp, path)?;
        sync_dir(&dir);
        Ok(())
    })();
    match result {
        Ok(()) => remove_stale_temps(&dir, name),
        Err(_) => {
            let _ = fs::remove_file(&tmp);
        }
    }
    result
}

/// Removes temporary files left by saves of the same file that were killed midway
/// (a crash, a power cut), so they do not pile up next to the session. Only files
/// of processes that no longer run are removed: a concurrent save is never disturbed.
fn remove_stale_temps(dir: &Path, name: &std::ffi::OsStr) {
    let prefix = format!(".{}.tmp-", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_string_lossy()
            .strip_prefix(&prefix)
            .map(str::to_owned)
        else {
            continue;
        };
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
/// when neither exists: a hard link where the filesystem allows, else a copy.
fn keep_backup(path: &Path) -> io::Result<()> {
    if !path.exists() {
        return Ok(());
    }
    let bak = backup_path(path);
    match fs::remove_file(&bak) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    if fs::hard_link(path, &bak).is_err() {
        fs::copy(path, &bak)?;
    }
    Ok(())
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
        let alive = dir.path().join(format!(
            ".s.ron.tmp-{}",
            std::os::unix::process::parent_id()
        ));
        fs::write(&alive, "in progress").unwrap();
        let other = dir.path().join(".other.ron.tmp-4194305");
        for f in [&dead, &other] {
            fs::write(f, "partial").unwrap();
        }
        write_atomic(&p, b"x").unwrap();
        assert!(alive.exists());
        if cfg!(target_os = "linux") {
            assert!(!dead.exists());
        }
        assert!(other.exists(), "other files' temporaries are left alone");
    }

    #[test]
    fn missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("gone").join("s.ron");
        assert!(write_atomic(&p, b"x").is_err());
    }
}
