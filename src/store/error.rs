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
    /// Too big to be a session we could have written.
    #[error("the file is {0} MB, larger than any session Claimdesk writes")]
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
    /// Well-formed but inconsistent.
    #[error("the session is damaged: {0}")]
    Invalid(String),
}

/// A session could not be saved. The previous file on disk is untouched.
#[derive(Debug, thiserror::Error)]
#[error("Could not save {}: {source}. The previous version of the file is unchanged and your work is still open; try another folder or free some disk space", path.display())]
pub struct SaveError {
    /// The target file.
    pub path: PathBuf,
    /// The operating system's reason.
    pub source: std::io::Error,
}
