//! What can go wrong when reading or writing session files, in words a person can act on.

use std::path::PathBuf;

/// A session file could not be opened.
#[derive(Debug, thiserror::Error)]
#[error("Could not open {}: {kind}", path.display())]
pub struct LoadError {
    /// The file.
    pub path: PathBuf,
    /// What was wrong with it.
    pub kind: LoadErrorKind,
}

/// The reason a session could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadErrorKind {
    /// The file could not be read.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Zero bytes, or only whitespace.
    #[error(
        "the file is empty. It may have been cut off while copying; look for a .bak copy next to it"
    )]
    Empty,
    /// Not text at all.
    #[error(
        "the file is not text (it looks binary). Open a Claimdesk .ron session, or an article as .txt/.md"
    )]
    NotText,
    /// Text, but not UTF-8 (nor UTF-16 with a byte-order mark).
    #[error(
        "the file is not UTF-8 text (invalid byte at offset {0}); it may have been re-encoded by another program"
    )]
    NotUtf8(usize),
    /// Too big to be a session we could have written (over this many MB).
    #[error("the file is over {0} MB, larger than any session Claimdesk writes")]
    TooLarge(u64),
    /// RON syntax error, or the wrong shape.
    #[error("this is not a Claimdesk session (line {line}, column {column}: {message})")]
    NotASession {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// The file stops in the middle.
    #[error(
        "the file ends early at line {line}, column {column}; it was probably cut off. Look for a .bak copy next to it"
    )]
    Truncated {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// Written by a newer Claimdesk.
    #[error(
        "it was written by a newer Claimdesk (format version {found}; this one reads up to {supported}). Update Claimdesk to open it"
    )]
    NewerVersion {
        /// The file's version.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// A line-by-line merge (git's, without Claimdesk's merge driver) left conflict
    /// markers in the file, mixing two versions of the session.
    #[error(
        "the file has git conflict markers (<<<<<<< at line {line}): a line-by-line merge mixed two versions of the session. Take one whole version with `git checkout --ours FILE` (or `--theirs`), then merge the two by meaning with `claimdesk merge` (see docs/team-work.md)"
    )]
    ConflictMarkers {
        /// 1-based line of the first marker.
        line: usize,
    },
    /// Well-formed but inconsistent.
    #[error("the session is damaged: {0}")]
    Invalid(String),
}

/// A session could not be saved. The previous file on disk is untouched and the
/// session in memory is unchanged.
///
/// The message says what happened and that the old file is unchanged, in words that
/// hold wherever it is shown; the app and the command line add what the user can do
/// there (see [`SaveError::reason`] and [`SaveErrorKind`]).
#[derive(Debug, thiserror::Error)]
#[error("{}", save_message(path, kind))]
pub struct SaveError {
    /// The target file.
    pub path: PathBuf,
    /// What went wrong.
    pub kind: SaveErrorKind,
}

/// The reason a save did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SaveErrorKind {
    /// The file on disk is not the one that was loaded or last saved: another
    /// program (or a git pull) changed it. Nothing was written.
    #[error("it was changed on disk since it was read")]
    ChangedOnDisk,
    /// Like [`SaveErrorKind::ChangedOnDisk`], but found at the last moment: another
    /// program changed the file while the new version was being written. Nothing
    /// was replaced; the new version was thrown away.
    #[error("another program changed it while it was being saved")]
    ChangedWhileSaving,
    /// The file was to be created but exists (it appeared meanwhile, or was there).
    #[error("a file with that name exists")]
    AlreadyExists,
    /// The operating system refused the write.
    #[error("{}", io_words(.0))]
    Io(#[from] std::io::Error),
}

impl SaveError {
    /// Whether another program changed the file (before or during the save): the
    /// app then offers reload, save as, or overwrite on explicit confirmation.
    pub fn is_changed_on_disk(&self) -> bool {
        matches!(
            self.kind,
            SaveErrorKind::ChangedOnDisk | SaveErrorKind::ChangedWhileSaving
        )
    }

    /// What went wrong, in plain words, without the file name or advice ("the disk
    /// is full (No space left on device)").
    pub fn reason(&self) -> String {
        self.kind.to_string()
    }

    /// Whether freeing disk space would help.
    pub fn is_disk_full(&self) -> bool {
        use std::io::ErrorKind as K;
        matches!(&self.kind, SaveErrorKind::Io(e)
            if matches!(e.kind(), K::StorageFull | K::QuotaExceeded | K::FileTooLarge))
    }
}

fn save_message(path: &std::path::Path, kind: &SaveErrorKind) -> String {
    let path = path.display();
    match kind {
        SaveErrorKind::ChangedOnDisk => format!(
            "Did not save {path}: it was changed on disk by another program since it was read, and saving would overwrite those changes"
        ),
        SaveErrorKind::ChangedWhileSaving => format!(
            "Did not save {path}: another program changed it while it was being saved. Their version is on disk, unchanged; the new version was not written"
        ),
        SaveErrorKind::AlreadyExists => {
            format!("Did not save {path}: a file with that name exists, and it was left as it is")
        }
        SaveErrorKind::Io(e) => {
            let advice = match e.kind() {
                std::io::ErrorKind::StorageFull
                | std::io::ErrorKind::QuotaExceeded
                | std::io::ErrorKind::FileTooLarge => {
                    "free some disk space or save to another folder"
                }
                std::io::ErrorKind::InvalidFilename => "choose a shorter name",
                _ => "save to another folder",
            };
            format!(
                "Could not save {path}: {}. The previous version of the file is unchanged; {advice}",
                io_words(e)
            )
        }
    }
}

/// An I/O error in words a person can act on, with the system's own words after.
pub(crate) fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let plain = match e.kind() {
        K::StorageFull | K::QuotaExceeded | K::FileTooLarge => "the disk is full",
        K::PermissionDenied | K::ReadOnlyFilesystem => "Claimdesk is not allowed to write there",
        K::NotFound => "the folder no longer exists",
        K::InvalidFilename => "the file name is too long",
        _ => return e.to_string(),
    };
    format!("{plain} ({e})")
}
