//! Whether a file may be written over by an export.
//!
//! An export can always be made again; a session cannot. So an export never
//! replaces the session it was made from, nor any other Claimdesk session, and
//! replaces another existing file only when asked to (`--force`, or the app's
//! "Replace?" prompt).

use std::io::Read;
use std::path::{Path, PathBuf};

/// Why an export was not written to a path.
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    /// The path is the session being exported.
    #[error("{} is the session being exported; writing the export there would replace it", path.display())]
    IsTheSession {
        /// The path.
        path: PathBuf,
    },
    /// The path holds a Claimdesk session (another one).
    #[error("{} is a Claimdesk session; an export never replaces a session", path.display())]
    IsASession {
        /// The path.
        path: PathBuf,
    },
    /// A file exists there and replacing it was not asked for.
    #[error("{} exists", path.display())]
    Exists {
        /// The path.
        path: PathBuf,
    },
    /// A folder is there.
    #[error("{} is a folder", path.display())]
    Folder {
        /// The path.
        path: PathBuf,
    },
}

/// Checks that an export of the session at `session` may be written to `output`:
/// never over that session (by any name: links are followed, and on Unix the file's
/// identity is compared), never over another Claimdesk session, and over another
/// existing file only with `replace`.
pub fn check_export_target(
    output: &Path,
    session: Option<&Path>,
    replace: bool,
) -> Result<(), TargetError> {
    let path = output.to_path_buf();
    let Ok(meta) = std::fs::metadata(output) else {
        // Nothing there (or a dangling link, which is written through to its target).
        return Ok(());
    };
    if meta.is_dir() {
        return Err(TargetError::Folder { path });
    }
    if let Some(session) = session
        && same_file(output, session)
    {
        return Err(TargetError::IsTheSession { path });
    }
    if is_session_file(output) {
        return Err(TargetError::IsASession { path });
    }
    if !replace {
        return Err(TargetError::Exists { path });
    }
    Ok(())
}

/// Whether two paths name the same file.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Whether the file at `path` is a Claimdesk session: its first few kilobytes
/// (read without following it into a device or waiting on a pipe) start with the
/// header every session carries, or with a RON struct that declares a
/// `format_version`. A `.bak` of a session counts too.
pub fn is_session_file(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    let Ok(file) = crate::limited_read::open_without_blocking(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(4096);
    if file.take(4096).read_to_end(&mut head).is_err() {
        return false;
    }
    looks_like_session(&head)
}

/// See [`is_session_file`]. UTF-16 sessions (an editor re-encoded them) count too.
fn looks_like_session(head: &[u8]) -> bool {
    let text: String = match head {
        [0xFF, 0xFE, rest @ ..] | [0xFE, 0xFF, rest @ ..] => {
            let le = head.first() == Some(&0xFF);
            let units = rest.chunks_exact(2).map(|c| {
                let pair = [
                    c.first().copied().unwrap_or(0),
                    c.get(1).copied().unwrap_or(0),
                ];
                if le {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            });
            char::decode_utf16(units).map_while(Result::ok).collect()
        }
        _ => String::from_utf8_lossy(head).into_owned(),
    };
    let text = text.trim_start_matches('\u{feff}');
    if text.starts_with("// Claimdesk session") {
        return true;
    }
    // Skip comments and blank lines; a session is a RON struct `(` that declares
    // its format version near the top.
    let body = text
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty() || l.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    body.starts_with('(') && body.contains("format_version")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_are_recognised_by_their_content() {
        assert!(looks_like_session(
            b"// Claimdesk session. Format: docs/session-format.md\n("
        ));
        assert!(looks_like_session(
            b"\n// hand-made\n(\n  format_version: 1,"
        ));
        assert!(looks_like_session("\u{feff}(format_version: 1)".as_bytes()));
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "// Claimdesk session.".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert!(looks_like_session(&utf16));
        assert!(!looks_like_session(b"id,status,claim\n"));
        assert!(!looks_like_session(
            b"(publisher: (organisation_name: \"x\"))"
        ));
        assert!(!looks_like_session(b""));
    }

    #[test]
    fn exports_never_replace_sessions_and_replace_files_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        std::fs::write(
            &session,
            "// Claimdesk session. Format: x\n(format_version: 1)",
        )
        .unwrap();
        let other = dir.path().join("other.ron");
        std::fs::copy(&session, &other).unwrap();
        let csv = dir.path().join("out.csv");
        std::fs::write(&csv, "old export").unwrap();
        let new = dir.path().join("new.csv");
        for replace in [false, true] {
            assert!(matches!(
                check_export_target(&session, Some(&session), replace),
                Err(TargetError::IsTheSession { .. })
            ));
            assert!(matches!(
                check_export_target(&other, Some(&session), replace),
                Err(TargetError::IsASession { .. })
            ));
            assert!(matches!(
                check_export_target(dir.path(), Some(&session), replace),
                Err(TargetError::Folder { .. })
            ));
            assert!(check_export_target(&new, Some(&session), replace).is_ok());
        }
        assert!(matches!(
            check_export_target(&csv, Some(&session), false),
            Err(TargetError::Exists { .. })
        ));
        assert!(check_export_target(&csv, Some(&session), true).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn the_session_is_recognised_under_another_name() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        // Not recognisable by its content (no header), only by being the same file.
        std::fs::write(&session, "not yet a session").unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&session, &link).unwrap();
        let hard = dir.path().join("hard.csv");
        std::fs::hard_link(&session, &hard).unwrap();
        for other in [&link, &hard] {
            assert!(matches!(
                check_export_target(other, Some(&session), true),
                Err(TargetError::IsTheSession { .. })
            ));
        }
    }
}
