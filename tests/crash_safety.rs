//! Fault injection with real processes: a child saving (or autosaving, or holding
//! the lock) is killed with SIGKILL at random moments, and what it left on disk must
//! load and equal one of the versions it saved.
//!
//! The child is this test binary itself, re-run with an environment variable that
//! makes one of the `child_*` tests do the child's work (they do nothing otherwise).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.
#![cfg(unix)]

use claimdesk::command::{Command, apply};
use claimdesk::import::import_text;
use claimdesk::model::Session;
use claimdesk::store::{Autosave, LockError, SessionLock, backup_path, from_bytes, save_session};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "CLAIMDESK_TEST_CHILD_PATH";

/// A large session (about 300 KB on disk, 200 claims with notes and sources).
fn base_session() -> &'static Session {
    static BASE: OnceLock<Session> = OnceLock::new();
    BASE.get_or_init(|| {
        let body: String = (0..2_000)
            .map(|i| {
                format!(
                    "Paragraph {i} says the figure was {} percent in {}.\n\n",
                    i % 97,
                    1900 + i % 120
                )
            })
            .collect();
        // Seeded ids: the child processes build the same session.
        let mut s = Session::new(import_text(&format!("Big story\n\n{body}"), None).unwrap())
            .with_ids(claimdesk::model::IdGenerator::seeded(7));
        for i in 0..200 {
            let start = 11 + i * 40;
            let id = apply(
                &mut s,
                Command::AddClaim {
                    start,
                    end: start + 30,
                    claimant: format!("Person {i}"),
                    attribution: None,
                },
            )
            .unwrap()
            .claim
            .unwrap();
            apply(
                &mut s,
                Command::SetNote {
                    claim: id,
                    note: format!("note {i}\nwith lines"),
                },
            )
            .unwrap();
            apply(
                &mut s,
                Command::AddSource {
                    claim: id,
                    draft: claimdesk::model::SourceDraft {
                        url: format!("https://example.org/{i}"),
                        ..Default::default()
                    },
                },
            )
            .unwrap();
        }
        s
    })
}

/// Version `v` of the session: the first claim's note says which, and one other
/// claim changes verdict, so versions differ in more than one place.
fn version(v: u64) -> Session {
    let mut s = base_session().clone();
    s.claims[0].note = format!("saved version {v}");
    let n = s.claims.len();
    s.claims[(v as usize) % n].status = "false".into();
    s
}

fn version_of(s: &Session) -> u64 {
    s.claims[0]
        .note
        .strip_prefix("saved version ")
        .and_then(|v| v.parse().ok())
        .unwrap()
}

fn spawn_child(
    test: &str,
    path: &Path,
    data_dir: Option<&Path>,
) -> (Child, BufReader<std::process::ChildStdout>) {
    let mut cmd = Process::new(std::env::current_exe().unwrap());
    cmd.args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(d) = data_dir {
        cmd.env(claimdesk::store::autosave::DATA_DIR_ENV, d);
    }
    let mut child = cmd.spawn().unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    (child, stdout)
}

/// Waits for the child to print `word` (it does once its real work has begun).
fn wait_for(out: &mut BufReader<std::process::ChildStdout>, word: &str) {
    let mut line = String::new();
    loop {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "child exited before saying {word}"
        );
        if line.contains(word) {
            return;
        }
    }
}

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn child_path() -> Option<PathBuf> {
    std::env::var_os(CHILD_ENV).map(PathBuf::from)
}

#[test]
fn child_saves_forever() {
    let Some(path) = child_path() else { return };
    let start: u64 = std::env::var("CLAIMDESK_TEST_FIRST_VERSION")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let versions: Vec<Session> = (0..8).map(|i| version(start + i)).collect();
    println!("saving");
    for (i, v) in (0..).map(|i: u64| (i, i % 8)) {
        save_session(&path, &versions[v as usize], None).unwrap();
        println!("saved {i}");
    }
}

#[test]
fn sigkill_during_saves_never_leaves_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    save_session(&path, &version(0), None).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size > 250_000, "the session should be large ({size} bytes)");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ u64::from(std::process::id()));
    let started = Instant::now();
    let kills = 200;
    let mut seen = std::collections::BTreeSet::new();
    // How long one save takes here, so kills can land anywhere inside a save.
    let save_time = {
        let t = Instant::now();
        save_session(&path, &version(0), None).unwrap();
        t.elapsed().as_micros() as u64
    };
    for round in 0..kills {
        // Each child saves its own range of versions, so we know which may appear.
        let first = 1 + round * 8;
        let (mut child, mut out) = spawn_child_with_version("child_saves_forever", &path, first);
        // Half the time, kill during the child's first save; otherwise after one
        // save has completed, at a random point of a later one.
        if rng.below(2) == 0 {
            wait_for(&mut out, "saving");
        } else {
            wait_for(&mut out, "saved 0");
        }
        std::thread::sleep(Duration::from_micros(rng.below(save_time * 2 + 1)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();

        let bytes = std::fs::read(&path).unwrap();
        let loaded = from_bytes(&bytes)
            .unwrap_or_else(|e| panic!("round {round}: the file does not load: {e}"));
        let v = version_of(&loaded.session);
        assert!(
            v == 0 || v < first + 8,
            "round {round}: unexpected version {v}"
        );
        assert_eq!(
            loaded.session,
            version(v),
            "round {round}: not a saved version"
        );
        seen.insert(v);
        // Some backup exists after every kill (issue 15, item 5: the old one was
        // removed before the new one was made), and it is a whole saved version.
        let bak = backup_path(&path);
        let b = std::fs::read(&bak)
            .unwrap_or_else(|e| panic!("round {round}: no backup after the kill: {e}"));
        let b = from_bytes(&b)
            .unwrap_or_else(|e| panic!("round {round}: the backup does not load: {e}"));
        assert_eq!(b.session, version(version_of(&b.session)), "round {round}");
    }
    // Temporary files of killed saves are cleaned up by later saves, not piled up:
    // only the last killed save's (its new file and its backup link) may be left.
    let temp_owners: std::collections::BTreeSet<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            let rest = name.split(".tmp-").nth(1)?;
            Some(rest.trim_end_matches(".bak").to_owned())
        })
        .collect();
    assert!(
        temp_owners.len() <= 1,
        "temporary files of {} killed saves left: {temp_owners:?}",
        temp_owners.len()
    );
    assert!(
        seen.len() > 20,
        "kills should land on many different versions: {seen:?}"
    );
    eprintln!(
        "{kills} SIGKILLs during saves of a {size}-byte session (one save: {save_time} us) in {:?}; {} distinct versions on disk",
        started.elapsed(),
        seen.len()
    );
}

fn spawn_child_with_version(
    test: &str,
    path: &Path,
    first: u64,
) -> (Child, BufReader<std::process::ChildStdout>) {
    let mut cmd = Process::new(std::env::current_exe().unwrap());
    cmd.args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, path)
        .env("CLAIMDESK_TEST_FIRST_VERSION", first.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut child = cmd.spawn().unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    (child, stdout)
}

#[test]
fn child_autosaves_unsaved_work() {
    let Some(path) = child_path() else { return };
    let auto = Autosave::default_location().unwrap();
    // The user opened `path`, made edits and never saved; the app autosaves.
    let mut edited = version(1);
    edited.claims[1].note = "unsaved research".into();
    auto.write(&edited, Some(&path)).unwrap();
    println!("autosaved");
    for v in (2..).cycle() {
        let mut s = version(v);
        s.claims[1].note = "unsaved research".into();
        auto.write(&s, Some(&path)).unwrap();
    }
}

#[test]
fn sigkill_with_unsaved_work_leaves_the_autosave_to_recover() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.ron");
    let data = dir.path().join("data");
    save_session(&path, &version(0), None).unwrap();
    let mut rng = Rng(42);
    for round in 0..20 {
        let (mut child, mut out) = spawn_child("child_autosaves_unsaved_work", &path, Some(&data));
        wait_for(&mut out, "autosaved");
        std::thread::sleep(Duration::from_micros(rng.below(30_000)));
        child.kill().unwrap();
        child.wait().unwrap();
        // The next launch finds the work.
        let recovered = Autosave::in_dir(&data)
            .read()
            .expect("an autosave")
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert_eq!(recovered.original_path.as_deref(), Some(path.as_path()));
        assert_eq!(recovered.session.claims[1].note, "unsaved research");
        let v = version_of(&recovered.session);
        let mut expect = version(v);
        expect.claims[1].note = "unsaved research".into();
        assert_eq!(recovered.session, expect);
    }
    // The saved file itself was never touched by autosaving.
    assert_eq!(
        from_bytes(&std::fs::read(&path).unwrap()).unwrap().session,
        version(0)
    );
}

#[test]
fn child_holds_the_lock() {
    let Some(path) = child_path() else { return };
    let _lock = SessionLock::acquire(&path).unwrap();
    println!("locked");
    std::thread::sleep(Duration::from_secs(60));
}

#[test]
fn a_killed_window_does_not_leave_the_session_locked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.ron");
    save_session(&path, &version(0), None).unwrap();
    let (mut child, mut out) = spawn_child("child_holds_the_lock", &path, None);
    wait_for(&mut out, "locked");
    let err = SessionLock::acquire(&path).unwrap_err();
    assert!(matches!(err, LockError::HeldElsewhere { .. }), "{err}");
    assert!(
        err.to_string().contains(&format!("process {}", child.id())),
        "{err}"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    // The operating system released the dead process's lock.
    assert!(SessionLock::acquire(&path).is_ok());
}
