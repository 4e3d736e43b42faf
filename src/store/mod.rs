//! Reading and writing session files: RON, atomic, versioned, validated.

pub mod atomic;
pub mod autosave;
pub mod error;
pub mod format;
pub mod lock;
mod migrate;
pub mod stamp;
pub mod target;
pub mod validate;
mod writer;

pub use crate::import::MAX_ARTICLE_BYTES;
pub use atomic::{Replace, backup_path, resolve_links, write_atomic};
pub use autosave::{Autosave, Recovered};
pub use error::{LoadError, LoadErrorKind, SaveError, SaveErrorKind};
pub use format::{Loaded, MAX_SESSION_BYTES, from_bytes, from_ron, to_ron, to_ron_generic};
pub use lock::{HolderKind, LockError, LockHolder, LockUser, SessionLock};
pub use stamp::{DiskStamp, changed_since};
pub use target::{TargetError, check_export_target, is_session_file};

use crate::import::{ImportError, import_file};
use crate::model::Session;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Reads a session file. Returns the session with its load warnings, and the
/// [`DiskStamp`] of the bytes read, to pass to [`save_session`] so that a later save
/// notices if another program changed the file in between.
pub fn load_session(path: &Path) -> Result<(Loaded, DiskStamp), LoadError> {
    let err = |kind| LoadError {
        path: path.to_path_buf(),
        kind,
    };
    let meta = std::fs::metadata(path).map_err(|e| err(e.into()))?;
    // Never read past the limit, whatever size the file claims (`/dev/zero` claims
    // none); devices are refused and a silent named pipe is given up on.
    let bytes = match crate::limited_read::read_capped(path, format::MAX_SESSION_BYTES) {
        Ok(bytes) => bytes,
        Err(crate::limited_read::LimitedReadError::TooLarge { limit }) => {
            return Err(err(LoadErrorKind::TooLarge(limit / 1_000_000)));
        }
        Err(e) => return Err(err(LoadErrorKind::Io(e.into()))),
    };
    let modified = meta.modified().ok();
    // Hashing a large file (SHA-256 of ~18 MB for 10,000 claims) takes about a
    // sixth of the parsing time and needs nothing from it: do both at once.
    let (loaded, stamp) = std::thread::scope(|scope| {
        let hashing = std::thread::Builder::new()
            .name("stamp".into())
            .spawn_scoped(scope, || DiskStamp::of_bytes(&bytes, modified));
        let loaded = from_bytes(&bytes);
        let stamp = match hashing.map(|h| h.join()) {
            Ok(Ok(stamp)) => stamp,
            // No thread to be had (or it died): hash here.
            _ => DiskStamp::of_bytes(&bytes, modified),
        };
        (loaded, stamp)
    });
    Ok((loaded.map_err(err)?, stamp))
}

/// Saves a session atomically (see [`write_atomic`]), keeping the previous file as
/// `NAME.bak`, and returns the stamp of what was written (keep it for the next save).
/// A symbolic link is followed: its target is updated, with the backup beside it.
///
/// With `expected` (the stamp from [`load_session`] or the previous save), nothing
/// is written if the file changed on disk since: checked before the new file is
/// built, and again right before it replaces the old one, so a change made while
/// a large session was being written is caught too. The error says
/// [`SaveErrorKind::ChangedOnDisk`] or [`SaveErrorKind::ChangedWhileSaving`] and the
/// app offers reload, save as, or an explicit overwrite (which calls this again with
/// `None`). Pass `None` for a confirmed "save as" or a confirmed overwrite, and
/// [`save_new_session`] for a file that must not exist yet.
///
/// On any error the file on disk is unchanged and nothing in `session` is touched.
pub fn save_session(
    path: &Path,
    session: &Session,
    expected: Option<&DiskStamp>,
) -> Result<DiskStamp, SaveError> {
    save_session_with(path, session, expected, |file, bytes| file.write_all(bytes))
}

/// Saves a session to a file that must not exist: if it does (or appears while the
/// session is being written), nothing is written and the error says
/// [`SaveErrorKind::AlreadyExists`].
pub fn save_new_session(path: &Path, session: &Session) -> Result<DiskStamp, SaveError> {
    let err = |kind| SaveError {
        path: path.to_path_buf(),
        kind,
    };
    let text = to_ron(session);
    let bytes = text.as_bytes();
    let written = Replace::new()
        .only_new()
        .write(
            path,
            |file| file.write_all(bytes),
            |_| Ok::<(), SaveErrorKind>(()),
        )
        .map_err(|kind| match kind {
            SaveErrorKind::Io(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                err(SaveErrorKind::AlreadyExists)
            }
            kind => err(kind),
        })?;
    let modified = std::fs::metadata(written).and_then(|m| m.modified()).ok();
    Ok(DiskStamp::of_bytes(bytes, modified))
}

/// [`save_session`] with the final write done by `write`, so tests can inject a full
/// disk or an I/O error (or another program's change) at the point where it really
/// happens.
#[doc(hidden)]
pub fn save_session_with(
    path: &Path,
    session: &Session,
    expected: Option<&DiskStamp>,
    write: impl FnOnce(&mut File, &[u8]) -> std::io::Result<()>,
) -> Result<DiskStamp, SaveError> {
    let err = |kind| SaveError {
        path: path.to_path_buf(),
        kind,
    };
    if let Some(stamp) = expected
        && changed_since(path, stamp)
    {
        return Err(err(SaveErrorKind::ChangedOnDisk));
    }
    let text = to_ron(session);
    let bytes = text.as_bytes();
    let written = Replace::new()
        .write(
            path,
            |file| write(file, bytes),
            |target| match expected {
                Some(stamp) if changed_since(target, stamp) => {
                    Err(SaveErrorKind::ChangedWhileSaving)
                }
                _ => Ok(()),
            },
        )
        .map_err(err)?;
    let modified = std::fs::metadata(written).and_then(|m| m.modified()).ok();
    Ok(DiskStamp::of_bytes(bytes, modified))
}

/// What a path turned out to hold.
#[derive(Debug)]
pub enum Opened {
    /// A saved session (with load warnings) and the stamp of the bytes read.
    Session(Loaded, DiskStamp),
    /// An article, made into a new session.
    Article(Session),
}

/// Why an article could not be imported, without naming the file a second time
/// ("Could not open X: could not read X: …" said it twice).
fn article_reason(error: &ImportError) -> String {
    match error {
        ImportError::Read { source, .. } => source.to_string(),
        other => other.to_string(),
    }
}

/// Opening a file failed.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// A session file that could not be loaded.
    #[error(transparent)]
    Session(#[from] LoadError),
    /// An article file that could not be imported.
    #[error("Could not open {}: {}", path.display(), article_reason(source))]
    Article {
        /// The file.
        path: PathBuf,
        /// Why.
        source: ImportError,
    },
}

/// Opens a `.ron` session or imports any other file as an article.
///
/// Opening only reads: it never writes, fetches or runs anything, and paths stored
/// inside a session are only displayed (see `docs/robustness.md`).
pub fn open_path(path: &Path) -> Result<Opened, OpenError> {
    let is_session = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    if is_session {
        let (loaded, stamp) = load_session(path)?;
        return Ok(Opened::Session(loaded, stamp));
    }
    let article = import_file(path).map_err(|source| OpenError::Article {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(Opened::Article(Session::new(article)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::{Command, apply};
    use crate::import::import_text;
    use crate::model::{SourceDraft, Stance};

    #[test]
    fn an_unreadable_article_is_named_once() {
        let error = OpenError::Article {
            path: PathBuf::from("/tmp/story.txt"),
            source: ImportError::Read {
                path: "/tmp/story.txt".into(),
                source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            },
        };
        let message = error.to_string();
        assert_eq!(message.matches("story.txt").count(), 1, "{message}");
        assert!(
            message.starts_with("Could not open /tmp/story.txt: "),
            "{message}"
        );
    }

    fn sample() -> Session {
        let mut s =
            Session::new(import_text(crate::SEED_ARTICLE, Some("seeds/seed.txt".into())).unwrap());
        let id = apply(
            &mut s,
            Command::AddClaim {
                start: 0,
                end: 20,
                claimant: "Kremlin".into(),
                attribution: None,
            },
        )
        .unwrap()
        .claim
        .unwrap();
        apply(
            &mut s,
            Command::SetStatus {
                claim: id,
                status: "misleading".into(),
                by: String::new(),
                date: String::new(),
            },
        )
        .unwrap();
        apply(
            &mut s,
            Command::AddSource {
                claim: id,
                draft: SourceDraft {
                    url: "https://example.org/\"quoted\"".into(),
                    title: "Ünïcode — title".into(),
                    quote: "line one\nline two".into(),
                    stance: Stance::Refutes,
                    accessed: "2026-11-27".into(),
                },
            },
        )
        .unwrap();
        apply(
            &mut s,
            Command::SetNote {
                claim: id,
                note: "tabs\tand \\ backslashes".into(),
            },
        )
        .unwrap();
        s
    }

    #[test]
    fn round_trip_is_equal_and_byte_identical() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        let s = sample();
        let saved = save_session(&p, &s, None).unwrap();
        let first = std::fs::read(&p).unwrap();
        let (loaded, stamp) = load_session(&p).unwrap();
        assert_eq!(saved.sha256, stamp.sha256);
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(loaded.session, s);
        save_session(&p, &loaded.session, Some(&stamp)).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), first);
    }

    #[test]
    fn article_text_is_written_as_lines() {
        let text = to_ron(&sample());
        assert!(text.contains("\n            \"Photo: ALAMI\",\n"), "{text}");
        assert!(text.contains("format_version: 2,"));
    }

    #[test]
    fn explains_bad_files() {
        let s = to_ron(&sample());
        assert!(matches!(from_ron(""), Err(LoadErrorKind::Empty)));
        assert!(matches!(
            from_ron(&s[..s.len() / 2]),
            Err(LoadErrorKind::Truncated { .. })
        ));
        assert!(matches!(
            from_ron("Hello, world"),
            Err(LoadErrorKind::NotASession { .. })
        ));
        assert!(matches!(
            from_bytes(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(LoadErrorKind::NotText)
        ));
        let newer = s.replace("format_version: 2,", "format_version: 99,");
        assert!(matches!(
            from_ron(&newer),
            Err(LoadErrorKind::NewerVersion { found: 99, .. })
        ));
        // Repairable damage loads, with a warning and the claim marked for review.
        let past_end = s.replace("end: 20,", "end: 99999,");
        let loaded = from_ron(&past_end).unwrap();
        assert!(loaded.session.claims[0].needs_review);
        assert!(loaded.warnings[0].contains("outside the article"));
        let bad_status = s.replace("status: \"misleading\"", "status: \"nonsense\"");
        assert!(matches!(
            from_ron(&bad_status),
            Err(LoadErrorKind::Invalid(_))
        ));
    }

    #[test]
    fn version_1_files_keep_opening_with_their_ids_as_numbers() {
        let v1 = std::fs::read_to_string("tests/fixtures/session.ron").unwrap();
        assert!(v1.contains("format_version: 1,") && v1.contains("next_claim_id: 6,"));
        let loaded = from_ron(&v1).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let s = &loaded.session;
        assert_eq!(s.format_version, crate::model::FORMAT_VERSION);
        assert!(s.claims.iter().all(|c| c.number == c.id.0));
        assert_eq!(s.next_claim_number, 6, "numbers are never reused");
        let v2 = to_ron(s);
        assert!(v2.contains("format_version: 2,") && v2.contains("next_claim_number: 6,"));
        assert!(!v2.contains("next_source_id"));
        let again = from_ron(&v2).unwrap();
        assert_eq!(again.session, *s);
        assert_eq!(to_ron(&again.session), v2);
    }

    #[test]
    fn lines_merged_by_git_are_explained() {
        let s = to_ron(&sample());
        let marked = s.replacen(
            "    claims: [",
            "<<<<<<< HEAD\n    claims: [\n=======\n    claims: [\n>>>>>>> theirs",
            1,
        );
        let err = from_ron(&marked).unwrap_err();
        assert!(
            matches!(err, LoadErrorKind::ConflictMarkers { line } if line > 50),
            "{err}"
        );
        let msg = err.to_string();
        assert!(
            msg.contains("git checkout --ours") && msg.contains("claimdesk merge"),
            "{msg}"
        );
    }

    #[test]
    fn hand_edited_article_marks_claims_for_review() {
        let s = to_ron(&sample()).replace("\"To spy on the Taliban", "\"Spying on the Taliban");
        let loaded = from_ron(&s).unwrap();
        assert!(loaded.session.claims[0].needs_review);
        assert_eq!(loaded.warnings.len(), 2);
    }

    #[test]
    fn save_refuses_to_overwrite_a_file_changed_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        let s = sample();
        let stamp = save_session(&p, &s, None).unwrap();
        // Another program edits the file.
        let theirs = to_ron(&s).replace("tabs\\t", "their edit ");
        std::fs::write(&p, &theirs).unwrap();
        let err = save_session(&p, &s, Some(&stamp)).unwrap_err();
        assert!(err.is_changed_on_disk());
        assert!(err.to_string().contains("changed on disk"), "{err}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), theirs);
        // Overwriting on purpose.
        let stamp = save_session(&p, &s, None).unwrap();
        assert!(!changed_since(&p, &stamp));
        // A file that vanished also counts as changed.
        std::fs::remove_file(&p).unwrap();
        assert!(
            save_session(&p, &s, Some(&stamp))
                .unwrap_err()
                .is_changed_on_disk()
        );
    }

    #[test]
    fn failed_saves_say_why_and_leave_the_old_file() {
        use std::io::{Error, ErrorKind};
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        let s = sample();
        let stamp = save_session(&p, &s, None).unwrap();
        let before = std::fs::read(&p).unwrap();
        let mut changed = s.clone();
        changed.claims.clear();
        let cases = [
            (ErrorKind::StorageFull, "the disk is full"),
            (ErrorKind::PermissionDenied, "not allowed to write there"),
            (ErrorKind::ReadOnlyFilesystem, "not allowed to write there"),
        ];
        for (kind, words) in cases {
            let err = save_session_with(&p, &changed, Some(&stamp), |f, bytes| {
                // Half the file makes it to disk, then the device gives up.
                f.write_all(bytes.get(..bytes.len() / 2).unwrap_or_default())?;
                Err(Error::from(kind))
            })
            .unwrap_err();
            let msg = err.to_string();
            assert!(msg.contains(words), "{msg}");
            assert!(
                msg.contains("previous version of the file is unchanged"),
                "{msg}"
            );
            assert_eq!(std::fs::read(&p).unwrap(), before);
            assert!(!changed_since(&p, &stamp));
        }
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["s.ron"], "no temporary files left behind");
        // The folder disappears.
        let gone = dir.path().join("gone").join("s.ron");
        let msg = save_session(&gone, &s, None).unwrap_err().to_string();
        assert!(msg.contains("the folder no longer exists"), "{msg}");
    }

    #[test]
    fn open_path_dispatches_on_extension() {
        let dir = tempfile::tempdir().unwrap();
        let art = dir.path().join("a.md");
        std::fs::write(&art, "# Head\n\nText.").unwrap();
        assert!(matches!(open_path(&art), Ok(Opened::Article(s)) if s.article.title == "Head"));
        let bin = dir.path().join("b.txt");
        std::fs::write(&bin, b"\0\x01\x02").unwrap();
        let err = open_path(&bin).unwrap_err().to_string();
        assert!(err.contains("b.txt") && err.contains("binary"), "{err}");
        let missing = open_path(&dir.path().join("nope.ron"))
            .unwrap_err()
            .to_string();
        assert!(missing.contains("nope.ron"), "{missing}");
    }

    /// Issue 15, item 3: the changed-on-disk check ran before the new file was
    /// written, so a change made while a large session was being written was
    /// overwritten. Another program replaces the file while ours is being written.
    #[test]
    fn a_change_made_while_saving_is_caught_right_before_the_rename() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        let s = sample();
        let stamp = save_session(&p, &s, None).unwrap();
        let theirs = to_ron(&s).replace("tabs\\t", "their edit ");
        let mut changed = s.clone();
        changed.claims[0].note = "ours".into();
        let err = save_session_with(&p, &changed, Some(&stamp), |file, bytes| {
            // Replaced the way editors and git do: a new file renamed over it.
            let tmp = p.with_extension("theirs");
            std::fs::write(&tmp, &theirs)?;
            std::fs::rename(&tmp, &p)?;
            file.write_all(bytes)
        })
        .unwrap_err();
        assert!(err.is_changed_on_disk(), "{err}");
        assert!(matches!(err.kind, SaveErrorKind::ChangedWhileSaving));
        let msg = err.to_string();
        assert!(msg.contains("while it was being saved"), "{msg}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), theirs);
        // Written in place, same length, too.
        let stamp = save_session(&p, &s, None).unwrap();
        let same_length = to_ron(&s).replace("Kremlin", "KREMLIN");
        let err = save_session_with(&p, &changed, Some(&stamp), |file, bytes| {
            std::fs::write(&p, &same_length)?;
            file.write_all(bytes)
        })
        .unwrap_err();
        assert!(err.is_changed_on_disk(), "{err}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), same_length);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp-"))
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn a_new_session_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        let s = sample();
        save_new_session(&p, &s).unwrap();
        let before = std::fs::read(&p).unwrap();
        let err = save_new_session(&p, &Session::new(s.article.clone())).unwrap_err();
        assert!(matches!(err.kind, SaveErrorKind::AlreadyExists), "{err}");
        assert_eq!(std::fs::read(&p).unwrap(), before);
    }

    /// Issue 15, item 10: `/dev/zero` passed the size check (it reports 0 bytes)
    /// and was read until memory ran out; a named pipe without a writer hung.
    #[cfg(target_os = "linux")]
    #[test]
    fn special_files_are_refused_or_given_up_on() {
        let msg = load_session(Path::new("/dev/zero"))
            .unwrap_err()
            .to_string();
        assert!(
            msg.contains("/dev/zero") && msg.contains("a device"),
            "{msg}"
        );
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("s.ron");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let msg = load_session(&link).unwrap_err().to_string();
        assert!(msg.contains("a device"), "{msg}");
        let msg = open_path(&dir.path().join("a.txt"))
            .unwrap_err()
            .to_string();
        assert!(msg.contains("a.txt"), "{msg}");
        std::os::unix::fs::symlink("/dev/urandom", dir.path().join("b.txt")).unwrap();
        let msg = open_path(&dir.path().join("b.txt"))
            .unwrap_err()
            .to_string();
        assert!(msg.contains("b.txt") && msg.contains("a device"), "{msg}");
    }
}
