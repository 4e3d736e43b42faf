//! Finding the files of an archive: the session files under each archived folder, and
//! each archived file itself.
//!
//! Folders are walked for sessions only (`.ron`): a team's folder also holds exports of
//! those sessions (ClaimReview, CSV), which would repeat every check. Published reviews
//! are added file by file. Hidden entries (`.git`, lock files, temporary files of a save
//! in progress) are skipped, and so are links to folders, so a link loop cannot trap
//! the walk.

use super::FileWarning;
use super::disk::nanos;
use super::sources::FileKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// How deep folders are walked.
const MAX_DEPTH: usize = 32;

/// A file found by a scan, with what its directory entry says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Where it is.
    pub path: PathBuf,
    /// What kind of file it is.
    pub kind: FileKind,
    /// Its size in bytes.
    pub len: u64,
    /// Its modification time, in nanoseconds since 1970.
    pub modified: Option<u128>,
}

/// What a scan found.
#[derive(Debug, Default)]
pub struct Scan {
    /// The files, sorted by path, each once.
    pub files: Vec<Found>,
    /// Archived folders or files that are not there (moved, deleted, or on a drive that
    /// is not connected).
    pub missing: Vec<PathBuf>,
    /// Folders or files that could not be read.
    pub warnings: Vec<FileWarning>,
}

/// Lists the files of `roots`. Returns `None` if `cancel` was set.
pub fn scan(roots: &[PathBuf], cancel: &AtomicBool) -> Option<Scan> {
    let mut out = Scan::default();
    for root in roots {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                out.missing.push(root.clone());
                continue;
            }
            Err(e) => {
                out.warnings.push(FileWarning::new(
                    root,
                    format!("it could not be read ({e})"),
                ));
                continue;
            }
        };
        if meta.is_dir() {
            walk(root, &mut out, cancel)?;
        } else if let Some(kind) = FileKind::of_path(root) {
            out.files.push(Found {
                path: root.clone(),
                kind,
                len: meta.len(),
                modified: nanos(meta.modified().ok()),
            });
        } else {
            out.warnings.push(FileWarning::new(
                root,
                "it is not a session, ClaimReview or review CSV file".to_owned(),
            ));
        }
    }
    out.files.sort_by(|a, b| a.path.cmp(&b.path));
    out.files.dedup_by(|a, b| a.path == b.path);
    Some(out)
}

fn walk(root: &Path, out: &mut Scan, cancel: &AtomicBool) -> Option<()> {
    let mut stack = vec![(root.to_path_buf(), 0usize)];
    while let Some((dir, depth)) = stack.pop() {
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                out.warnings.push(FileWarning::new(
                    &dir,
                    format!("the folder could not be read ({e})"),
                ));
                continue;
            }
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            if file_type.is_dir() {
                if depth + 1 < MAX_DEPTH {
                    stack.push((path, depth + 1));
                }
                continue;
            }
            if FileKind::of_path(&path) != Some(FileKind::Session) {
                continue;
            }
            // Follows a link to a file (never to a folder: those were skipped above).
            let Ok(meta) = std::fs::metadata(&path) else {
                continue;
            };
            if meta.is_file() {
                out.files.push(Found {
                    path,
                    kind: FileKind::Session,
                    len: meta.len(),
                    modified: nanos(meta.modified().ok()),
                });
            }
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_sessions_in_folders_and_named_review_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("desk");
        std::fs::create_dir_all(root.join("2026/march")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for f in [
            "a.ron",
            "2026/march/b.RON",
            "a.ron.bak",
            ".a.ron.lock",
            ".git/c.ron",
            "export.jsonld",
            "export.csv",
            "notes.txt",
        ] {
            std::fs::write(root.join(f), b"x").unwrap();
        }
        let reviews = dir.path().join("feed.json");
        std::fs::write(&reviews, b"[]").unwrap();
        let roots = vec![
            root.clone(),
            reviews.clone(),
            dir.path().join("gone"),
            root.join("a.ron"),
        ];
        let scan = scan(&roots, &AtomicBool::new(false)).unwrap();
        let names: Vec<_> = scan
            .files
            .iter()
            .map(|f| f.path.strip_prefix(dir.path()).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            names,
            [
                PathBuf::from("desk/2026/march/b.RON"),
                PathBuf::from("desk/a.ron"),
                PathBuf::from("feed.json")
            ]
        );
        assert_eq!(scan.files[2].kind, FileKind::ClaimReview);
        assert_eq!(scan.missing, [dir.path().join("gone")]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_loop_does_not_trap_the_walk() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        std::fs::write(dir.path().join("s.ron"), b"x").unwrap();
        let scan = scan(&[dir.path().to_path_buf()], &AtomicBool::new(false)).unwrap();
        assert_eq!(scan.files.len(), 1);
    }
}
