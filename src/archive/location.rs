//! Where an archive's index lives, and the files in it.
//!
//! The default is `archive/` in Claimdesk's data folder (`$CLAIMDESK_DATA_DIR` when set,
//! as for autosaves; else `~/.local/share/claimdesk` on Linux, `~/Library/Application
//! Support/org.Claimdesk.Claimdesk` on macOS, `%APPDATA%\Claimdesk\Claimdesk\data` on
//! Windows). `claimdesk archive --archive DIR` and the app can use any other folder.
//!
//! Everything in it but `folders.txt` is a cache that can be deleted at any time: the
//! next update rebuilds it from the session and review files.

use std::path::{Path, PathBuf};

/// An archive index folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArchiveDir {
    dir: PathBuf,
}

impl ArchiveDir {
    /// The archive in `dir` (which need not exist yet).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The default archive: `archive/` in the data folder. `None` when the platform has
    /// no home folder.
    pub fn default_location() -> Option<Self> {
        if let Some(dir) =
            std::env::var_os(crate::store::autosave::DATA_DIR_ENV).filter(|d| !d.is_empty())
        {
            return Some(Self::new(PathBuf::from(dir).join("archive")));
        }
        directories::ProjectDirs::from("org", "Claimdesk", "Claimdesk")
            .map(|d| Self::new(d.data_dir().join("archive")))
    }

    /// The folder itself.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// The list of archived folders and files, one path a line (the only file here
    /// that is not a cache; people may edit it).
    pub fn folders_file(&self) -> PathBuf {
        self.dir.join("folders.txt")
    }

    /// The catalog: every archived file with its stamp and its claims.
    pub fn catalog_file(&self) -> PathBuf {
        self.dir.join("catalog.json")
    }

    /// The sentence embeddings, one per distinct claim text.
    pub fn vectors_file(&self) -> PathBuf {
        self.dir.join("vectors.bin")
    }

    /// The full-text (BM25) index.
    pub fn lexical_dir(&self) -> PathBuf {
        self.dir.join("bm25")
    }

    /// The lock file that lets one process at a time update the index.
    pub fn lock_file(&self) -> PathBuf {
        self.dir.join("update.lock")
    }
}
