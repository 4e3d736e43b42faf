//! `claimdesk reanchor SESSION NEW_ARTICLE [-o OUT]` end to end.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::command::{Command, apply};
use claimdesk::import::import_text;
use claimdesk::model::Session;
use claimdesk::store::{SessionLock, backup_path, load_session, save_session};
use std::process::Command as Process;

const OLD: &str = "Budget row\n\nThe minister said unemployment fell to 4.2 percent last year. \
Critics disagree with the figure. The mayor said schools got a record budget.\n";

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Process::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn session() -> Session {
    let mut s = Session::new(import_text(OLD, Some("old.txt".into())).unwrap())
        .with_ids(claimdesk::model::IdGenerator::seeded(3));
    for quote in [
        "unemployment fell to 4.2 percent",
        "Critics disagree with the figure.",
        "schools got a record budget",
    ] {
        let b = OLD.find(quote).unwrap();
        let start = OLD[..b].chars().count();
        let cmd = Command::AddClaim {
            start,
            end: start + quote.chars().count(),
            claimant: String::new(),
            attribution: None,
        };
        let id = apply(&mut s, cmd).unwrap().claim.unwrap();
        apply(
            &mut s,
            Command::SetNote {
                claim: id,
                note: format!("note for {quote}"),
            },
        )
        .unwrap();
    }
    s
}

#[test]
fn reanchors_prints_counts_and_writes_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.ron");
    save_session(&path, &session(), None).unwrap();
    let new = dir.path().join("new.txt");
    let new_text = OLD
        .replace("Budget row\n\n", "Budget row\n\nCorrection appended.\n\n")
        .replace("Critics disagree with the figure. ", "")
        .replace("record budget", "recrd budget");
    std::fs::write(&new, &new_text).unwrap();
    let out = dir.path().join("out.ron");
    let (code, stdout, stderr) = cli(&[
        "reanchor",
        path.to_str().unwrap(),
        new.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("Re-anchored 3 claims: 0 kept, 1 moved, 1 fuzzy, 1 need review\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("needs review\t#2\tCritics disagree"),
        "{stdout}"
    );
    assert!(stdout.contains("fuzzy ("), "{stdout}");
    let (loaded, _) = load_session(&out).unwrap();
    let s = loaded.session;
    assert_eq!(s.article.text, new_text);
    assert_eq!(s.claims.len(), 3);
    assert!(s.claims.iter().all(|c| c.note.starts_with("note for")));
    assert_eq!(s.claims.iter().filter(|c| c.needs_review).count(), 1);
    // The input session is untouched when -o is given.
    assert_eq!(load_session(&path).unwrap().0.session, session());

    // In place: the old version is kept as .bak.
    let (code, stdout, _) = cli(&["reanchor", path.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Wrote"), "{stdout}");
    assert_eq!(
        load_session(&backup_path(&path)).unwrap().0.session,
        session()
    );
    assert_eq!(
        load_session(&path).unwrap().0.session.article.text,
        new_text
    );
}

#[test]
fn refuses_while_the_session_is_open_elsewhere_and_names_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.ron");
    save_session(&path, &session(), None).unwrap();
    let new = dir.path().join("new.txt");
    std::fs::write(&new, OLD).unwrap();
    let before = std::fs::read(&path).unwrap();
    {
        let _app = SessionLock::acquire(&path).unwrap();
        let (code, _, stderr) = cli(&["reanchor", path.to_str().unwrap(), new.to_str().unwrap()]);
        assert_eq!(code, 1);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("already open in another Claimdesk window"),
            "{stderr}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
    let binary = dir.path().join("photo.jpg");
    std::fs::write(&binary, b"\xFF\xD8\xFF\xE0\0\x10JFIF").unwrap();
    let (code, _, stderr) = cli(&["reanchor", path.to_str().unwrap(), binary.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("photo.jpg") && stderr.contains("binary"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
