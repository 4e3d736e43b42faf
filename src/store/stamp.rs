//! Noticing that a session file changed on disk since Claimdesk read or wrote it
//! (another program, a git pull, a second window that did not take the lock).

use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::Path;
use std::time::SystemTime;

/// What a session file looked like when it was last loaded or saved.
///
/// The content hash decides: a file rewritten with the same bytes (a `touch`, a git
/// checkout of the same commit) has not changed, and a file changed within the
/// filesystem's timestamp resolution has. The length is a cheap first check and the
/// modification time is kept for messages ("changed on disk at ...").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    /// Size in bytes.
    pub len: u64,
    /// Modification time, where the filesystem reports one.
    pub modified: Option<SystemTime>,
    /// SHA-256 of the bytes.
    pub sha256: [u8; 32],
}

impl DiskStamp {
    /// The stamp of `bytes`, with the modification time of the file they came from.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Self {
            len: bytes.len() as u64,
            modified,
            sha256: Sha256::digest(bytes).into(),
        }
    }

    /// Reads the file at `path` and stamps it (regular files only: a device or a
    /// named pipe is refused rather than read forever).
    pub fn read(path: &Path) -> std::io::Result<Self> {
        Self::read_at_most(path, u64::MAX)
    }

    /// [`DiskStamp::read`], reading no more than `limit + 1` bytes (enough to tell
    /// that a file is longer than `limit`).
    fn read_at_most(path: &Path, limit: u64) -> std::io::Result<Self> {
        let file = crate::limited_read::open_without_blocking(path)?;
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "it is not a regular file",
            ));
        }
        let mut file = file.take(limit.saturating_add(1));
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 1 << 16];
        let mut len = 0u64;
        loop {
            let n = file.read(&mut buf)?;
            if n == 0 {
                break;
            }
            len += n as u64;
            hasher.update(buf.get(..n).unwrap_or_default());
        }
        Ok(Self {
            len,
            modified: meta.modified().ok(),
            sha256: hasher.finalize().into(),
        })
    }
}

/// Whether the file at `path` no longer holds what `stamp` describes: other bytes,
/// removed, unreadable, or no longer a regular file. Reads the whole file only when
/// its size is unchanged, and never more than one byte past that size.
pub fn changed_since(path: &Path, stamp: &DiskStamp) -> bool {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() || meta.len() != stamp.len => return true,
        Ok(_) => {}
        Err(_) => return true,
    }
    match DiskStamp::read_at_most(path, stamp.len) {
        Ok(now) => now.len != stamp.len || now.sha256 != stamp.sha256,
        Err(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_content_changes_not_touches() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        std::fs::write(&p, "one").unwrap();
        let stamp = DiskStamp::read(&p).unwrap();
        assert_eq!(stamp, DiskStamp::of_bytes(b"one", stamp.modified));
        assert!(!changed_since(&p, &stamp));
        // Same bytes rewritten: not a change.
        std::fs::write(&p, "one").unwrap();
        assert!(!changed_since(&p, &stamp));
        // Same length, other bytes, possibly within the same mtime tick: a change.
        std::fs::write(&p, "two").unwrap();
        assert!(changed_since(&p, &stamp));
        std::fs::write(&p, "three").unwrap();
        assert!(changed_since(&p, &stamp));
        std::fs::remove_file(&p).unwrap();
        assert!(changed_since(&p, &stamp));
    }
}
