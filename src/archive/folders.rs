//! `folders.txt`: the folders and files an archive indexes, one absolute path a line.
//!
//! It is the one file in the index folder that is not a cache, so it is plain text that
//! cannot be damaged beyond a line: people may edit it, lines starting with `#` are
//! comments, and a line that is not a path is ignored.

use super::disk::replace_file;
use std::path::{Path, PathBuf};

const HEADER: &str =
    "# Claimdesk archive: the folders and files whose checks are indexed, one per line.\n";

/// Reads the list; a missing file is an empty list.
pub fn read_folders(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let text = String::from_utf8_lossy(&bytes);
    let mut out: Vec<PathBuf> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.contains('\u{fffd}') {
            continue;
        }
        let p = PathBuf::from(line);
        if p.is_absolute() && !out.contains(&p) {
            out.push(p);
        }
    }
    Ok(out)
}

/// Writes the list (atomically).
pub fn write_folders(path: &Path, folders: &[PathBuf]) -> std::io::Result<()> {
    let mut text = HEADER.to_owned();
    for f in folders {
        if let Some(s) = f.to_str().filter(|s| !s.contains('\n')) {
            text.push_str(s);
            text.push('\n');
        }
    }
    replace_file(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_absolute_paths_and_skips_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("folders.txt");
        assert!(read_folders(&path).unwrap().is_empty());
        let a = dir.path().join("a");
        let b = dir.path().join("b c");
        write_folders(&path, &[a.clone(), b.clone()]).unwrap();
        assert_eq!(read_folders(&path).unwrap(), [a.clone(), b.clone()]);
        let mut text = std::fs::read(&path).unwrap();
        text.extend_from_slice(b"relative/path\n\xff\xfe\n# note\n");
        text.extend_from_slice(format!("{}\n", a.display()).as_bytes());
        std::fs::write(&path, text).unwrap();
        assert_eq!(read_folders(&path).unwrap(), [a, b]);
    }
}
