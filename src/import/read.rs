//! Reading an original file from disk: the one place import reads a path.

use super::{ImportError, MAX_ARTICLE_BYTES};
use std::path::Path;

/// Reads a whole file, refusing one larger than [`MAX_ARTICLE_BYTES`] before
/// reading it.
///
/// Every import of a path goes through here. The read itself is capped
/// ([`crate::limited_read`]): a device or a pipe that never ends is refused or
/// timed out, whatever size the file system reports.
pub fn read_original(path: &Path) -> Result<Vec<u8>, ImportError> {
    let read_err = |source| ImportError::Read {
        path: path.display().to_string(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge {
            megabytes: meta.len() >> 20,
        });
    }
    crate::limited_read::read_capped(path, MAX_ARTICLE_BYTES).map_err(|e| read_err(e.into()))
}
