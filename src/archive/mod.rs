//! The desk's memory: every claim ever checked, in the team's session files and in
//! published fact-checks from other desks, searchable by words and by meaning, so a
//! claim that comes back (a statistic repeated, a rumour reworded) is recognised as
//! "checked before".
//!
//! - An archive is a list of folders and files ([`add_paths`]): folders of sessions
//!   (`.ron`), and ClaimReview JSON-LD or review CSV files. Its index ([`ArchiveDir`],
//!   in the user's data folder by default) is a cache of what they hold: [`update`]
//!   brings it up to date incrementally (size, modification time, content hash), notices
//!   moved and deleted files, and can always rebuild it. The files stay the only source
//!   of truth; broken ones are skipped with a [`FileWarning`] naming them.
//! - [`Archive::open`] reads the index for searching; [`Archive::search`] ranks checks
//!   by BM25 (tantivy) fused with the cosine similarity of sentence embeddings
//!   (all-MiniLM-L6-v2 on candle, [`embed`]), computed once per claim and kept in the
//!   index.
//! - [`match_session`] and [`match_article`] find the earlier checks of each claim and
//!   sentence; [`copy_check`] turns one into a single undoable command.
//!
//! Nothing here touches the network or egui. Updating and matching can take seconds:
//! the app runs them on a worker (they take a progress callback and a cancel flag), and
//! loads the model there through a [`SharedEmbedder`]. See `docs/archive.md`.

mod catalog;
mod copy;
mod disk;
pub mod embed;
mod error;
mod folders;
mod fusion;
mod index;
mod lexical;
mod location;
mod lock;
mod matching;
mod record;
mod scan;
mod search;
mod semantic;
pub mod sources;
mod update;
mod vectors;

pub use copy::{CopyError, CopyPlan, copy_check, map_verdict};
pub use disk::day_of;
pub use embed::{Embed, EmbedError, Embedder, SharedEmbedder, WordHashEmbedder};
pub use error::ArchiveError;
pub use fusion::{DEFAULT_FUSION, Fusion};
pub use index::{Archive, ArchiveStatus, ArchivedFile};
pub use lexical::LexicalError;
pub use location::ArchiveDir;
pub use matching::{
    DEFAULT_MATCH_THRESHOLD, ItemMatches, MatchOptions, Subject, match_article, match_session,
};
pub use record::{ArchivedClaim, ArchivedSource, ArticleFacts, Origin, Verdict, human_date};
pub use search::{Candidate, Filters, MEANING_FLOOR, SearchHit, SearchOptions};
pub use update::{Progress, Stage, UpdateOptions, UpdateReport, add_paths, remove_paths, update};

use std::path::{Path, PathBuf};

/// A file that was skipped or read with repairs, and why, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileWarning {
    /// The file (or folder).
    pub path: PathBuf,
    /// What happened to it.
    pub message: String,
}

impl FileWarning {
    /// A warning about `path`.
    pub fn new(path: &Path, message: String) -> Self {
        Self {
            path: path.to_path_buf(),
            message,
        }
    }
}

impl std::fmt::Display for FileWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// The words a claim is found by: its text, and a published review's headline.
fn lexical_text(claim: &ArchivedClaim) -> String {
    match claim.headline.as_deref() {
        Some(h) if !h.trim().is_empty() => format!("{}\n{}", claim.text, h),
        _ => claim.text.clone(),
    }
}
