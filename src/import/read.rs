//! Reading an original file from disk: the one place import reads a path.

use super::{ImportError, MAX_ARTICLE_BYTES};
use std::path::Path;

/// Reads a whole file, refusing one larger than [`MAX_ARTICLE_BYTES`] before
/// reading it.
///
/// Every import of a path goes through here, so a capped reader (one that also
/// stops a device or pipe that never ends) can replace `std::fs::read` in one
/// place.
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
    std::fs::read(path).map_err(read_err)
}
