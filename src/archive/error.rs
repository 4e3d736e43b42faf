//! What can go wrong with the archive, in words a fact-checker can act on.

use super::embed::EmbedError;
use super::lexical::LexicalError;
use std::path::PathBuf;

/// Why an archive operation failed. A broken session or review file is never one of
/// these: it is skipped with a [`super::FileWarning`] and the rest is indexed.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The index folder could not be written or read.
    #[error("could not use the archive index in {}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// Another Claimdesk kept the index busy for longer than this one waits.
    #[error(
        "another Claimdesk is updating the archive in {}; try again when it has finished",
        dir.display()
    )]
    Busy {
        /// The index folder.
        dir: PathBuf,
    },
    /// The caller cancelled the update; the index is as it was before it started.
    #[error("the archive update was cancelled")]
    Cancelled,
    /// A path given to add does not exist.
    #[error("there is no file or folder at {}", path.display())]
    NotFound {
        /// The path.
        path: PathBuf,
    },
    /// A file given to add is not of a kind the archive reads.
    #[error(
        "{} is not a session (.ron), ClaimReview (.json, .jsonld) or review CSV (.csv) file",
        path.display()
    )]
    Unsupported {
        /// The file.
        path: PathBuf,
    },
    /// The full-text index failed.
    #[error(transparent)]
    Lexical(#[from] LexicalError),
    /// The sentence-embedding model failed.
    #[error(transparent)]
    Embed(#[from] EmbedError),
}

impl ArchiveError {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        ArchiveError::Io {
            path: path.into(),
            source,
        }
    }
}
