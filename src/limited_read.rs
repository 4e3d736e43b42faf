//! Reading an input file without trusting it: never past a size limit, never
//! forever.
//!
//! The size a file system reports says nothing for special files: `/dev/zero` says 0
//! bytes and never ends, and a named pipe says 0 bytes and blocks until a writer
//! comes. So every input (sessions, articles, preferences) is read through
//! [`read_capped`], which
//!
//! - reads regular files up to the limit and one byte more, whatever their size
//!   claimed (a file can grow while it is read), and refuses above the limit;
//! - refuses devices, sockets and folders outright with a message that says what
//!   the path is;
//! - reads named pipes (and `/dev/stdin` when it is a pipe) on a helper thread, up to
//!   the limit, and gives up when nothing comes through for [`PIPE_TIMEOUT`].

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

/// How long [`read_capped`] waits for a named pipe to deliver its next bytes (or its
/// writer to appear) before giving up.
pub const PIPE_TIMEOUT: Duration = Duration::from_secs(30);

/// Why an input was not read.
#[derive(Debug, thiserror::Error)]
pub enum LimitedReadError {
    /// The operating system refused (missing file, no permission…).
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Larger than the limit (from its reported size, or found while reading).
    #[error("it is larger than {}", megabytes(*limit))]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// A folder, not a file.
    #[error("it is a folder, not a file")]
    Folder,
    /// A device, socket or other special file that cannot be read as a document.
    #[error("it is {kind}, not a file; choose a regular file")]
    NotAFile {
        /// What it is, in words ("a device", "a socket").
        kind: &'static str,
    },
    /// A named pipe that delivered nothing for too long.
    #[error(
        "it is a named pipe and nothing came through it for {} seconds; start the program that writes into it, then try again",
        waited.as_secs()
    )]
    Timeout {
        /// How long it waited.
        waited: Duration,
    },
}

impl From<LimitedReadError> for std::io::Error {
    /// For callers whose errors hold an `io::Error`: the kind says what happened
    /// (`FileTooLarge`, `IsADirectory`, `TimedOut`, `InvalidInput` for special files)
    /// and the message is the plain words above.
    fn from(e: LimitedReadError) -> Self {
        use std::io::ErrorKind as K;
        let kind = match &e {
            LimitedReadError::Io(io) => return std::io::Error::new(io.kind(), io.to_string()),
            LimitedReadError::TooLarge { .. } => K::FileTooLarge,
            LimitedReadError::Folder => K::IsADirectory,
            LimitedReadError::NotAFile { .. } => K::InvalidInput,
            LimitedReadError::Timeout { .. } => K::TimedOut,
        };
        std::io::Error::new(kind, e.to_string())
    }
}

fn megabytes(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads the whole file at `path`, refusing it if it holds more than `limit` bytes,
/// if it is not a regular file or a named pipe, or if it is a pipe that stays silent
/// for [`PIPE_TIMEOUT`]. Symbolic links are followed (to a file, not to a device).
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, LimitedReadError> {
    read_capped_with(path, limit, PIPE_TIMEOUT)
}

/// [`read_capped`] with another pipe timeout (tests use a short one).
pub fn read_capped_with(
    path: &Path,
    limit: u64,
    pipe_timeout: Duration,
) -> Result<Vec<u8>, LimitedReadError> {
    let meta = std::fs::metadata(path)?;
    let kind = Kind::of(&meta.file_type());
    match kind {
        Kind::File => {}
        Kind::Folder => return Err(LimitedReadError::Folder),
        Kind::Pipe => return read_pipe(path, limit, pipe_timeout),
        Kind::Other(kind) => return Err(LimitedReadError::NotAFile { kind }),
    }
    if meta.len() > limit {
        return Err(LimitedReadError::TooLarge { limit });
    }
    let file = open_without_blocking(path)?;
    // The path may have been swapped for something else since it was looked at.
    let meta = file.metadata()?;
    match Kind::of(&meta.file_type()) {
        Kind::File => {}
        Kind::Folder => return Err(LimitedReadError::Folder),
        Kind::Pipe => {
            drop(file);
            return read_pipe(path, limit, pipe_timeout);
        }
        Kind::Other(kind) => return Err(LimitedReadError::NotAFile { kind }),
    }
    let hint = usize::try_from(meta.len().min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(hint);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(LimitedReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// What a path is, as far as reading it goes.
enum Kind {
    File,
    Folder,
    Pipe,
    Other(&'static str),
}

impl Kind {
    fn of(t: &std::fs::FileType) -> Kind {
        if t.is_file() {
            return Kind::File;
        }
        if t.is_dir() {
            return Kind::Folder;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() {
                return Kind::Pipe;
            }
            if t.is_char_device() || t.is_block_device() {
                return Kind::Other("a device");
            }
            if t.is_socket() {
                return Kind::Other("a socket");
            }
        }
        Kind::Other("not a regular file")
    }
}

/// Opens for reading without waiting: a path swapped for a named pipe between the
/// look and the open would otherwise block here until a writer comes.
pub(crate) fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Reads a named pipe on a helper thread, so that a pipe without a writer, or a
/// writer that stops writing, costs at most `timeout` of waiting (per chunk).
fn read_pipe(path: &Path, limit: u64, timeout: Duration) -> Result<Vec<u8>, LimitedReadError> {
    use std::sync::mpsc::{RecvTimeoutError, sync_channel};
    let (send, receive) = sync_channel::<std::io::Result<Vec<u8>>>(4);
    let owned = path.to_path_buf();
    let reader = std::thread::Builder::new()
        .name("read pipe".into())
        .spawn(move || {
            // Opening a pipe blocks until a writer opens it too.
            let mut file = match File::open(&owned) {
                Ok(f) => f,
                Err(e) => {
                    let _ = send.send(Err(e));
                    return;
                }
            };
            let mut buf = vec![0u8; 1 << 16];
            loop {
                match file.read(&mut buf) {
                    Ok(0) => {
                        let _ = send.send(Ok(Vec::new()));
                        return;
                    }
                    Ok(n) => {
                        let chunk = buf.get(..n).unwrap_or_default().to_vec();
                        // The reader gave up (too large, timed out): stop.
                        if send.send(Ok(chunk)).is_err() {
                            return;
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        let _ = send.send(Err(e));
                        return;
                    }
                }
            }
        })?;
    let mut bytes = Vec::new();
    let result = loop {
        match receive.recv_timeout(timeout) {
            Ok(Ok(chunk)) if chunk.is_empty() => break Ok(()),
            Ok(Ok(chunk)) => {
                bytes.extend_from_slice(&chunk);
                if bytes.len() as u64 > limit {
                    break Err(LimitedReadError::TooLarge { limit });
                }
            }
            Ok(Err(e)) => break Err(LimitedReadError::Io(e)),
            Err(RecvTimeoutError::Timeout) => {
                break Err(LimitedReadError::Timeout { waited: timeout });
            }
            Err(RecvTimeoutError::Disconnected) => {
                break Err(LimitedReadError::Io(std::io::Error::other(
                    "the pipe's reader stopped",
                )));
            }
        }
    };
    drop(receive);
    if result.is_err() {
        release_pipe_reader(path);
    }
    // A finished reader is joined; one still blocked in a read from a silent writer
    // ends when that writer closes the pipe, and is left to do so.
    if reader.is_finished() {
        let _ = reader.join();
    }
    result.map(|()| bytes)
}

/// A reader thread still blocked in opening a pipe that has no writer is woken by
/// opening the pipe for writing (without waiting) and closing it again: its open
/// returns, its read sees the end, and it exits.
fn release_pipe_reader(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let _ = std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path);
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_files_up_to_the_limit_and_refuses_beyond() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, b"12345").unwrap();
        assert_eq!(read_capped(&p, 5).unwrap(), b"12345");
        assert!(matches!(
            read_capped(&p, 4),
            Err(LimitedReadError::TooLarge { limit: 4 })
        ));
        assert!(matches!(
            read_capped(dir.path(), 10),
            Err(LimitedReadError::Folder)
        ));
        let missing = read_capped(&dir.path().join("nope"), 10).unwrap_err();
        let io: std::io::Error = missing.into();
        assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_are_refused_without_reading() {
        for dev in ["/dev/zero", "/dev/null", "/dev/urandom"] {
            let err = read_capped(Path::new(dev), 1 << 30).unwrap_err();
            assert!(
                matches!(err, LimitedReadError::NotAFile { kind: "a device" }),
                "{dev}: {err}"
            );
            assert!(err.to_string().contains("a device, not a file"), "{err}");
        }
        // Through a symbolic link, too.
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("prefs.ron");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert!(matches!(
            read_capped(&link, 1 << 20),
            Err(LimitedReadError::NotAFile { .. })
        ));
    }

    /// Whether `mkfifo` made a pipe at `path` (not every system has it).
    #[cfg(unix)]
    fn mkfifo(path: &Path) -> bool {
        std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success())
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_without_a_writer_times_out_and_its_reader_is_released() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("p.ron");
        if !mkfifo(&pipe) {
            return;
        }
        let started = std::time::Instant::now();
        let err = read_capped_with(&pipe, 100, Duration::from_millis(200)).unwrap_err();
        assert!(matches!(err, LimitedReadError::Timeout { .. }), "{err}");
        assert!(err.to_string().contains("named pipe"), "{err}");
        assert!(started.elapsed() < Duration::from_secs(20));
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_read_to_its_end_or_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("p.txt");
        if !mkfifo(&pipe) {
            return;
        }
        let writer = {
            let pipe = pipe.clone();
            std::thread::spawn(move || std::fs::write(&pipe, b"hello pipe"))
        };
        let bytes = read_capped_with(&pipe, 100, Duration::from_secs(10)).unwrap();
        assert_eq!(bytes, b"hello pipe");
        writer.join().unwrap().unwrap();

        // A writer that never stops is cut off at the limit.
        let writer = {
            let pipe = pipe.clone();
            std::thread::spawn(move || {
                use std::io::Write;
                let mut f = std::fs::OpenOptions::new().write(true).open(&pipe)?;
                loop {
                    f.write_all(&[b'x'; 4096])?;
                }
                #[allow(unreachable_code)]
                Ok::<(), std::io::Error>(())
            })
        };
        let err = read_capped_with(&pipe, 100_000, Duration::from_secs(10)).unwrap_err();
        assert!(
            matches!(err, LimitedReadError::TooLarge { limit: 100_000 }),
            "{err}"
        );
        // The writer gets a broken pipe once the reader is gone.
        assert!(writer.join().unwrap().is_err());
    }
}
