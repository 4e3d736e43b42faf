//! Small file helpers for the index: whole-file atomic replacement without a backup
//! (the index is a cache), bounded reads, and a file's modification day.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// Replaces `path` with `bytes` so that readers see the old file or the new one, never
/// a mix: a temporary file in the same folder, flushed, then renamed over the target.
pub fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path has no file name"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Reads at most `limit` bytes of `path`; a longer file is an error saying how large it is.
pub fn read_limited(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let file = File::open(path)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "it is larger than {} MB, more than the archive reads",
                limit / 1_000_000
            ),
        ));
    }
    Ok(bytes)
}

/// A modification time as nanoseconds since 1970 (what the catalog compares).
pub fn nanos(time: Option<SystemTime>) -> Option<u128> {
    time?.duration_since(UNIX_EPOCH).ok().map(|d| d.as_nanos())
}

/// The UTC day of a time, `YYYY-MM-DD`.
pub fn day_of(time: SystemTime) -> Option<String> {
    let secs = time.duration_since(UNIX_EPOCH).ok()?.as_secs();
    let days = i64::try_from(secs / 86_400).ok()?;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn days_are_utc_calendar_days() {
        assert_eq!(day_of(UNIX_EPOCH).as_deref(), Some("1970-01-01"));
        let t = UNIX_EPOCH + Duration::from_secs(1_772_000_000);
        assert_eq!(day_of(t).as_deref(), Some("2026-02-25"));
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(day_of(leap).as_deref(), Some("2000-02-29"));
    }

    #[test]
    fn replacing_leaves_no_temporary_file_and_reads_are_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.bin");
        replace_file(&path, b"one").unwrap();
        replace_file(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        assert_eq!(read_limited(&path, 3).unwrap(), b"two");
        assert!(read_limited(&path, 2).is_err());
    }
}
