//! Autosave and crash recovery.
//!
//! Unsaved work is copied to the app's data folder every so often and on quit. A clean
//! save or an explicit "discard" removes the copy; if the app dies first, the next
//! launch finds it and offers it back.

use super::atomic::write_atomic;
use super::format::{from_ron, to_ron};
use crate::model::Session;
use std::path::{Path, PathBuf};

/// Environment variable that overrides the data folder (tests and portable installs).
pub const DATA_DIR_ENV: &str = "CLAIMDESK_DATA_DIR";

/// Where autosaves live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Autosave {
    dir: PathBuf,
}

/// Work found in the autosave folder.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovered {
    /// The unsaved session.
    pub session: Session,
    /// The file it belonged to, if it had been saved before.
    pub original_path: Option<PathBuf>,
}

const FILE_NAME: &str = "autosave.ron";
const ORIGIN_MARKER: &str = "// original: ";

impl Autosave {
    /// Autosaves in `dir`.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The platform's data folder for Claimdesk (or `$CLAIMDESK_DATA_DIR`).
    pub fn default_location() -> Option<Self> {
        if let Some(dir) = std::env::var_os(DATA_DIR_ENV) {
            return Some(Self::in_dir(dir));
        }
        directories::ProjectDirs::from("org", "Claimdesk", "Claimdesk")
            .map(|d| Self::in_dir(d.data_dir()))
    }

    /// The folder autosaves are written to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn file(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// Writes the unsaved session (atomically, like a normal save).
    pub fn write(&self, session: &Session, original_path: Option<&Path>) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let origin = original_path
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let text = format!(
            "{ORIGIN_MARKER}{}\n{}",
            origin.replace('\n', " "),
            to_ron(session)
        );
        write_atomic(&self.file(), text.as_bytes())
    }

    /// Reads autosaved work, if any. A damaged autosave is reported, not deleted.
    pub fn read(&self) -> Option<Result<Recovered, String>> {
        let unreadable = |why: String| {
            Some(Err(format!(
                "The autosaved work in {} could not be read: {why}",
                self.file().display()
            )))
        };
        // Capped like a session (plus its first line), never read from a device.
        let limit = super::format::MAX_SESSION_BYTES + 64 * 1024;
        let bytes = match crate::limited_read::read_capped(&self.file(), limit) {
            Ok(bytes) => bytes,
            Err(crate::limited_read::LimitedReadError::Io(e))
                if e.kind() == std::io::ErrorKind::NotFound =>
            {
                return None;
            }
            Err(e) => return unreadable(e.to_string()),
        };
        let Ok(text) = String::from_utf8(bytes) else {
            return unreadable("it is not UTF-8 text".into());
        };
        let original_path = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix(ORIGIN_MARKER))
            .filter(|p| !p.trim().is_empty())
            .map(PathBuf::from);
        Some(
            from_ron(&text)
                .map(|loaded| Recovered {
                    session: loaded.session,
                    original_path,
                })
                .map_err(|e| {
                    format!(
                        "The autosaved work in {} could not be read: {e}",
                        self.file().display()
                    )
                }),
        )
    }

    /// Removes the autosave (after a clean save or an explicit discard).
    pub fn clear(&self) {
        let _ = std::fs::remove_file(self.file());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import_text;

    #[test]
    fn writes_reads_and_clears() {
        let dir = tempfile::tempdir().unwrap();
        let auto = Autosave::in_dir(dir.path().join("data"));
        assert!(auto.read().is_none());
        let session = Session::new(import_text("Title\n\nBody.", None).unwrap());
        auto.write(&session, Some(Path::new("/tmp/x.ron"))).unwrap();
        let got = auto.read().unwrap().unwrap();
        assert_eq!(got.session, session);
        assert_eq!(got.original_path, Some(PathBuf::from("/tmp/x.ron")));
        auto.clear();
        assert!(auto.read().is_none());
    }
}
