//! The catalog: every archived file with the stamp it had when it was read (size,
//! modification time, SHA-256) and the checks read from it.
//!
//! It is a cache, written whole and atomically by an update (`catalog.json`). A file
//! that does not parse, or that a newer Claimdesk wrote, is not trusted: the archive is
//! then rebuilt from the files it lists in `folders.txt`.

use super::disk::replace_file;
use super::record::ArchivedClaim;
use super::sources::FileKind;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The catalog format this build reads and writes.
pub const CATALOG_VERSION: u32 = 1;

/// What [`Catalog::load`] found.
#[derive(Debug)]
pub enum CatalogState {
    /// A catalog this build can use.
    Ready(Catalog),
    /// No catalog yet (a new archive).
    Missing,
    /// A catalog that cannot be trusted, with the reason in plain words.
    Untrusted(String),
}

/// Every archived file and its checks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// [`CATALOG_VERSION`] when written.
    pub format_version: u32,
    /// Counts the updates written; the full-text index records the generation it matches.
    pub generation: u64,
    /// The next claim key to hand out (keys are never reused within a catalog).
    pub next_key: u64,
    /// The next file key to hand out.
    pub next_file_key: u64,
    /// The files, sorted by path.
    pub files: Vec<FileEntry>,
}

/// One archived file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Stable while the file keeps its content (also when it moves).
    pub key: u64,
    /// Where the file is.
    pub path: PathBuf,
    /// What kind of file it is.
    pub kind: FileKind,
    /// Its size in bytes when read.
    pub len: u64,
    /// Its modification time when read, in nanoseconds since 1970.
    #[serde(default)]
    pub modified: Option<u128>,
    /// SHA-256 of its bytes, lower-case hex.
    pub sha256: String,
    /// Why the file could not be read, if it could not (it then has no claims).
    #[serde(default)]
    pub error: Option<String>,
    /// What reading it noticed (repaired fields, reviews left out).
    #[serde(default)]
    pub notes: Vec<String>,
    /// The checks read from it.
    #[serde(default)]
    pub claims: Vec<StoredClaim>,
}

/// A check with the keys the index knows it by.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredClaim {
    /// The claim's key in the index (search results name it).
    pub key: u64,
    /// Hash of the text the embedding is computed from (embeddings are shared by
    /// identical texts and survive a file being moved or rewritten).
    pub text_hash: u64,
    /// The check.
    pub claim: ArchivedClaim,
}

impl Catalog {
    /// An empty catalog.
    pub fn new() -> Self {
        Self {
            format_version: CATALOG_VERSION,
            generation: 0,
            next_key: 1,
            next_file_key: 1,
            files: Vec::new(),
        }
    }

    /// Reads the catalog at `path`.
    pub fn load(path: &Path) -> CatalogState {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return CatalogState::Missing,
            Err(e) => return CatalogState::Untrusted(format!("it could not be read ({e})")),
        };
        #[derive(Deserialize)]
        struct Version {
            format_version: u32,
        }
        match serde_json::from_slice::<Version>(&bytes) {
            Ok(v) if v.format_version > CATALOG_VERSION => {
                return CatalogState::Untrusted(format!(
                    "a newer Claimdesk wrote it (format {}, this one reads {CATALOG_VERSION})",
                    v.format_version
                ));
            }
            Ok(_) => {}
            Err(_) => return CatalogState::Untrusted("it is damaged".to_owned()),
        }
        match serde_json::from_slice::<Catalog>(&bytes) {
            Ok(catalog) => match catalog.check() {
                Ok(()) => CatalogState::Ready(catalog),
                Err(why) => CatalogState::Untrusted(why),
            },
            Err(_) => CatalogState::Untrusted("it is damaged".to_owned()),
        }
    }

    /// Checks what the rest of the archive relies on: unique keys below the counters.
    fn check(&self) -> Result<(), String> {
        let mut keys = std::collections::HashSet::new();
        let mut file_keys = std::collections::HashSet::new();
        for file in &self.files {
            if file.key >= self.next_file_key || !file_keys.insert(file.key) {
                return Err("it is damaged (a file key repeats)".to_owned());
            }
            for c in &file.claims {
                if c.key >= self.next_key || !keys.insert(c.key) {
                    return Err("it is damaged (a claim key repeats)".to_owned());
                }
            }
        }
        Ok(())
    }

    /// Writes the catalog to `path`, replacing the old one atomically.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let bytes = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        replace_file(path, &bytes)
    }

    /// Every stored claim, in file order.
    pub fn claims(&self) -> impl Iterator<Item = &StoredClaim> {
        self.files.iter().flat_map(|f| f.claims.iter())
    }

    /// Hands out a claim key.
    pub fn allocate_key(&mut self) -> u64 {
        let key = self.next_key;
        self.next_key += 1;
        key
    }

    /// Hands out a file key.
    pub fn allocate_file_key(&mut self) -> u64 {
        let key = self.next_file_key;
        self.next_file_key += 1;
        key
    }
}

/// The stable 64-bit hash of the text an embedding is computed from: the first eight
/// bytes of the SHA-256 of the text with its whitespace collapsed.
pub fn text_hash(text: &str) -> u64 {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            hasher.update(b" ");
        }
        hasher.update(word.as_bytes());
    }
    let digest = hasher.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_le_bytes(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_newer_and_missing_catalogs_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog.json");
        assert!(matches!(Catalog::load(&path), CatalogState::Missing));
        let mut c = Catalog::new();
        c.generation = 3;
        c.save(&path).unwrap();
        assert!(matches!(Catalog::load(&path), CatalogState::Ready(ref r) if r.generation == 3));
        std::fs::write(&path, b"{\"format_version\": 1, \"gener").unwrap();
        assert!(matches!(Catalog::load(&path), CatalogState::Untrusted(_)));
        std::fs::write(&path, b"{\"format_version\": 99}").unwrap();
        match Catalog::load(&path) {
            CatalogState::Untrusted(why) => assert!(why.contains("newer"), "{why}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn text_hashes_ignore_spacing_only() {
        assert_eq!(text_hash("a  b\n c"), text_hash(" a b c "));
        assert_ne!(text_hash("a b c"), text_hash("a b d"));
    }
}
