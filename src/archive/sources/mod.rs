//! The kinds of file an archive reads checks from, and reading one of them.
//!
//! Session files (`.ron`) are the desk's own work; ClaimReview JSON-LD (`.json`,
//! `.jsonld`) and review CSV (`.csv`) files are published fact-checks from other desks.
//! A file that cannot be read yields a message naming what is wrong with it, never a
//! panic, and never stops the rest of the archive from being read.

pub mod claimreview;
pub mod csv;
pub mod session;

use super::record::ArchivedClaim;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The largest review file read (ClaimReview or CSV): far above any real feed, low
/// enough that a hostile file cannot exhaust memory.
pub const MAX_REVIEW_FILE_BYTES: u64 = 256 << 20;

/// What kind of file an archived file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FileKind {
    /// A Claimdesk session (`.ron`).
    Session,
    /// ClaimReview JSON-LD (`.json`, `.jsonld`).
    ClaimReview,
    /// Reviews as CSV (`.csv`).
    ReviewCsv,
}

/// The file extensions the archive reads, each with its kind (lower case).
const KINDS: [(&str, FileKind); 4] = [
    ("ron", FileKind::Session),
    ("json", FileKind::ClaimReview),
    ("jsonld", FileKind::ClaimReview),
    ("csv", FileKind::ReviewCsv),
];

impl FileKind {
    /// The file extensions the archive reads (what a file picker offers).
    pub const EXTENSIONS: [&'static str; KINDS.len()] = {
        let mut out = [""; KINDS.len()];
        let mut i = 0;
        while i < KINDS.len() {
            out[i] = KINDS[i].0;
            i += 1;
        }
        out
    };

    /// The kind a file's extension says it is, if it is one the archive reads.
    pub fn of_path(path: &Path) -> Option<FileKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        KINDS
            .iter()
            .find(|(known, _)| *known == ext)
            .map(|(_, kind)| *kind)
    }

    /// The largest file of this kind that is read.
    pub fn max_bytes(self) -> u64 {
        match self {
            FileKind::Session => crate::store::format::MAX_SESSION_BYTES,
            FileKind::ClaimReview | FileKind::ReviewCsv => MAX_REVIEW_FILE_BYTES,
        }
    }
}

/// The checks read from one file.
#[derive(Debug, Default)]
pub struct FileClaims {
    /// Every check with a claim text.
    pub claims: Vec<ArchivedClaim>,
    /// What the reader noticed but could work around (repaired session fields,
    /// reviews without a claim text), in plain words.
    pub notes: Vec<String>,
}

/// Reads the checks in `bytes`, the content of `path`, a file of kind `kind`.
///
/// `saved` is the day the file was last written (`YYYY-MM-DD`), used as a session
/// claim's date when no source says when it was read. The error is a sentence saying
/// what is wrong with the file (the caller names the file).
pub fn read_checks(
    kind: FileKind,
    path: &Path,
    bytes: &[u8],
    saved: Option<&str>,
) -> Result<FileClaims, String> {
    if bytes.len() as u64 > kind.max_bytes() {
        return Err(format!(
            "it is {} MB, larger than the archive reads",
            bytes.len() / 1_000_000
        ));
    }
    match kind {
        FileKind::Session => {
            let loaded = crate::store::from_bytes(bytes).map_err(|e| e.to_string())?;
            Ok(FileClaims {
                claims: session::claims_of(&loaded.session, path, saved),
                notes: loaded.warnings,
            })
        }
        FileKind::ClaimReview => {
            let text = std::str::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_owned())?;
            let parsed = claimreview::parse_claimreview(text, path).map_err(|e| e.to_string())?;
            Ok(FileClaims {
                claims: parsed.claims,
                notes: skipped_note(parsed.skipped),
            })
        }
        FileKind::ReviewCsv => {
            let text = std::str::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_owned())?;
            let (claims, skipped) = csv::parse_review_csv(text, path).map_err(|e| e.to_string())?;
            Ok(FileClaims {
                claims,
                notes: skipped_note(skipped),
            })
        }
    }
}

fn skipped_note(skipped: usize) -> Vec<String> {
    match skipped {
        0 => Vec::new(),
        1 => vec!["1 review has no claim text and was left out".to_owned()],
        n => vec![format!("{n} reviews have no claim text and were left out")],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_picker_offers_exactly_the_extensions_the_archive_reads() {
        assert_eq!(FileKind::EXTENSIONS, ["ron", "json", "jsonld", "csv"]);
        for ext in FileKind::EXTENSIONS {
            let upper = format!("feed.{}", ext.to_ascii_uppercase());
            assert!(FileKind::of_path(Path::new(&upper)).is_some(), "{upper}");
        }
        assert_eq!(
            FileKind::of_path(Path::new("a.jsonld")),
            Some(FileKind::ClaimReview)
        );
        assert_eq!(FileKind::of_path(Path::new("notes.txt")), None);
        assert_eq!(FileKind::of_path(Path::new("no-extension")), None);
    }
}
