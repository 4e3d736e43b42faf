//! Reading and writing session files: RON, atomic, versioned, validated.

pub mod atomic;
pub mod autosave;
pub mod error;
pub mod format;
pub mod validate;

pub use atomic::{backup_path, write_atomic};
pub use autosave::{Autosave, Recovered};
pub use error::{LoadError, LoadErrorKind, SaveError};
pub use format::{Loaded, from_bytes, from_ron, to_ron};

use crate::import::{ImportError, import_bytes};
use crate::model::Session;
use std::path::{Path, PathBuf};

/// Reads a session file.
pub fn load_session(path: &Path) -> Result<Loaded, LoadError> {
    let err = |kind| LoadError {
        path: path.to_path_buf(),
        kind,
    };
    let meta = std::fs::metadata(path).map_err(|e| err(e.into()))?;
    if meta.len() > format::MAX_SESSION_BYTES {
        return Err(err(LoadErrorKind::TooLarge(meta.len() / 1_000_000)));
    }
    let bytes = std::fs::read(path).map_err(|e| err(e.into()))?;
    from_bytes(&bytes).map_err(err)
}

/// Saves a session atomically (see [`write_atomic`]), keeping the previous file as `.bak`.
pub fn save_session(path: &Path, session: &Session) -> Result<(), SaveError> {
    write_atomic(path, to_ron(session).as_bytes()).map_err(|source| SaveError {
        path: path.to_path_buf(),
        source,
    })
}

/// What a path turned out to hold.
#[derive(Debug)]
pub enum Opened {
    /// A saved session (with load warnings).
    Session(Loaded),
    /// An article, made into a new session.
    Article(Session),
}

/// Opening a file failed.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// A session file that could not be loaded.
    #[error(transparent)]
    Session(#[from] LoadError),
    /// An article file that could not be imported.
    #[error("Could not open {}: {source}", path.display())]
    Article {
        /// The file.
        path: PathBuf,
        /// Why.
        source: ImportError,
    },
}

/// Article files larger than this are refused (the app lays out text in memory).
pub const MAX_ARTICLE_BYTES: u64 = 256 << 20;

/// Opens a `.ron` session or imports any other file as an article.
pub fn open_path(path: &Path) -> Result<Opened, OpenError> {
    let is_session = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    if is_session {
        return Ok(Opened::Session(load_session(path)?));
    }
    let article_err = |source| OpenError::Article {
        path: path.to_path_buf(),
        source,
    };
    let read_err = |e: std::io::Error| {
        article_err(ImportError::Read {
            path: path.display().to_string(),
            source: e,
        })
    };
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(read_err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!(
                "the file is {} MB; articles up to {} MB are supported",
                meta.len() >> 20,
                MAX_ARTICLE_BYTES >> 20
            ),
        )));
    }
    let bytes = std::fs::read(path).map_err(read_err)?;
    let article = import_bytes(&bytes, Some(path.display().to_string())).map_err(article_err)?;
    Ok(Opened::Article(Session::new(article)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::{Command, apply};
    use crate::import::import_text;
    use crate::model::{SourceDraft, Stance};

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
        save_session(&p, &s).unwrap();
        let first = std::fs::read(&p).unwrap();
        let loaded = load_session(&p).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(loaded.session, s);
        save_session(&p, &loaded.session).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), first);
    }

    #[test]
    fn article_text_is_written_as_lines() {
        let text = to_ron(&sample());
        assert!(text.contains("\n            \"Photo: ALAMI\",\n"), "{text}");
        assert!(text.contains("format_version: 1,"));
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
        let newer = s.replace("format_version: 1,", "format_version: 99,");
        assert!(matches!(
            from_ron(&newer),
            Err(LoadErrorKind::NewerVersion { found: 99, .. })
        ));
        let past_end = s.replace("end: 20,", "end: 99999,");
        assert!(matches!(
            from_ron(&past_end),
            Err(LoadErrorKind::Invalid(_))
        ));
        let bad_status = s.replace("status: \"misleading\"", "status: \"nonsense\"");
        assert!(matches!(
            from_ron(&bad_status),
            Err(LoadErrorKind::Invalid(_))
        ));
    }

    #[test]
    fn hand_edited_article_marks_claims_for_review() {
        let s = to_ron(&sample()).replace("\"To spy on the Taliban", "\"Spying on the Taliban");
        let loaded = from_ron(&s).unwrap();
        assert!(loaded.session.claims[0].needs_review);
        assert_eq!(loaded.warnings.len(), 2);
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
}
