//! `claimdesk merge`, `diff` and `edit --new-claim` run as git and scripts run them:
//! exit statuses, and clear words for inputs that cannot be merged.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::command::{Command, apply};
use claimdesk::model::{IdGenerator, Session};
use claimdesk::sample::sample_session;
use claimdesk::store::{load_session, save_session, to_ron};
use std::path::{Path, PathBuf};
use std::process::Command as Process;

fn claimdesk(args: &[&str]) -> (i32, String, String) {
    let out = Process::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(args)
        .env("CLAIMDESK_CONFIG_DIR", "/nonexistent-claimdesk-config")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn write(dir: &Path, name: &str, s: &Session) -> PathBuf {
    let path = dir.join(name);
    save_session(&path, s, None).unwrap();
    path
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Base, ours and theirs: theirs sets claim #6's verdict, ours sets it differently
/// when `conflict`, else ours adds a note.
fn three(dir: &Path, conflict: bool) -> (PathBuf, PathBuf, PathBuf) {
    let base = sample_session();
    let id = base.claim_by_number(6).unwrap().id;
    let mut ours = base.clone().with_ids(IdGenerator::seeded(1));
    let mut theirs = base.clone().with_ids(IdGenerator::seeded(2));
    let verdict = |status: &str| Command::SetStatus {
        claim: id,
        status: status.into(),
        by: String::new(),
        date: String::new(),
    };
    apply(&mut theirs, verdict("false")).unwrap();
    if conflict {
        apply(&mut ours, verdict("true")).unwrap();
    } else {
        apply(
            &mut ours,
            Command::SetNote {
                claim: id,
                note: "ours".into(),
            },
        )
        .unwrap();
    }
    (
        write(dir, "base.ron", &base),
        write(dir, "ours.ron", &ours),
        write(dir, "theirs.ron", &theirs),
    )
}

#[test]
fn a_clean_merge_exits_0_and_writes_ours() {
    let dir = tempfile::tempdir().unwrap();
    let (b, o, t) = three(dir.path(), false);
    let (code, out, err) = claimdesk(&["merge", p(&b), p(&o), p(&t)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("no conflicts"), "{out}");
    let s = load_session(&o).unwrap().0.session;
    let six = s.claim_by_number(6).unwrap();
    assert_eq!((six.status.as_str(), six.note.as_str()), ("false", "ours"));
}

#[test]
fn conflicts_exit_1_and_the_output_is_a_session() {
    let dir = tempfile::tempdir().unwrap();
    let (b, o, t) = three(dir.path(), true);
    let out_path = dir.path().join("merged.ron");
    let (code, out, _) = claimdesk(&["merge", p(&b), p(&o), p(&t), "-o", p(&out_path)]);
    assert_eq!(code, 1);
    assert!(
        out.contains("1 conflict to resolve") && out.contains("claim #6: verdict"),
        "{out}"
    );
    let s = load_session(&out_path).unwrap().0.session;
    assert_eq!(s.conflicts.len(), 1);
    let (code, _, err) = claimdesk(&["export", p(&out_path), "--format", "csv"]);
    assert_eq!(code, 1);
    assert!(err.contains("1 merge conflict(s) to resolve"), "{err}");
    let (code, listed, _) = claimdesk(&["resolve", p(&out_path)]);
    assert_eq!(code, 0);
    assert!(
        listed.contains("ours: True") && listed.contains("theirs: False"),
        "{listed}"
    );
    let (code, said, err) = claimdesk(&["resolve", p(&out_path), "1", "--pick", "theirs"]);
    assert_eq!(code, 0, "{err}");
    assert!(said.contains("0 left"), "{said}");
    let (code, _, err) = claimdesk(&["export", p(&out_path), "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn unusable_inputs_exit_2_say_why_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (b, o, t) = three(dir.path(), false);
    let ours_before = std::fs::read(&o).unwrap();
    let good = to_ron(&sample_session());
    let marked = good.replacen(
        "    claims: [",
        "<<<<<<< HEAD\n    claims: [\n=======\n    claims: [\n>>>>>>> theirs",
        1,
    );
    let cases: [(&str, String, &str); 4] = [
        (
            "notes.ron",
            "Just some notes\n".into(),
            "not a Claimdesk session",
        ),
        (
            "newer.ron",
            good.replace("format_version: 2,", "format_version: 9,"),
            "newer Claimdesk",
        ),
        ("cut.ron", good[..good.len() / 2].into(), "cut off"),
        ("marked.ron", marked, "git checkout --ours"),
    ];
    for (name, text, words) in cases {
        let bad = dir.path().join(name);
        std::fs::write(&bad, text).unwrap();
        let (code, _, err) = claimdesk(&["merge", p(&b), p(&o), p(&bad)]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(
            err.contains("their version") && err.contains(words),
            "{name}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert_eq!(
            std::fs::read(&o).unwrap(),
            ours_before,
            "{name}: nothing written"
        );
    }
    let (code, _, err) = claimdesk(&["merge", p(&b), p(&dir.path().join("gone.ron")), p(&t)]);
    assert_eq!(code, 2);
    assert!(err.contains("our version"), "{err}");
}

#[test]
fn an_empty_base_means_both_sides_added_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_, o, t) = three(dir.path(), false);
    let empty = dir.path().join("empty");
    std::fs::write(&empty, "").unwrap();
    let (code, out, err) = claimdesk(&["merge", p(&empty), p(&o), p(&t)]);
    // Both sides hold the same six claims, edited differently: they conflict.
    assert!(code == 0 || code == 1, "{err}");
    assert!(out.starts_with("Merged"), "{out}");
    assert_eq!(load_session(&o).unwrap().0.session.claims.len(), 6);
}

#[test]
fn diff_lists_changes_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let (b, o, t) = three(dir.path(), false);
    let (code, out, _) = claimdesk(&["diff", p(&b), p(&t)]);
    assert_eq!(code, 0);
    assert_eq!(out, "Claim #6 verdict: Unverified → False\n");
    let (_, out, _) = claimdesk(&["diff", p(&b), p(&o)]);
    assert_eq!(out, "Claim #6 note: \"\" → \"ours\"\n");
    let (_, out, _) = claimdesk(&["diff", p(&b), p(&b)]);
    assert_eq!(out, "", "nothing changed, nothing printed");
    // Git's form: path, old file, hex, mode, new file, hex, mode.
    let (code, out, _) = claimdesk(&["diff", "s.ron", "/dev/null", "0", "0", p(&t), "1", "100644"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("New session"), "{out}");
    assert!(out.contains("Claim #1 added (Mostly true)"), "{out}");
}

#[test]
fn new_claims_from_scripts_print_their_number() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "s.ron", &sample_session());
    let (code, out, err) = claimdesk(&[
        "edit",
        p(&path),
        "--new-claim",
        "Afghanistan",
        "--occurrence",
        "2",
        "--status",
        "false",
        "--reviewer",
        "Ada Ngozi",
        "--claimant",
        "A. Person",
        "--claim-date",
        "2021-07-16",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "7\n");
    let s = load_session(&path).unwrap().0.session;
    let c = s.claim_by_number(7).unwrap();
    assert_eq!(c.anchor.exact, "Afghanistan");
    let first = s.article.text.find("Afghanistan").unwrap();
    assert!(
        c.anchor.start > s.article.text[..first].chars().count(),
        "the second one"
    );
    assert_eq!(
        (
            c.status.as_str(),
            c.verdict_by.as_str(),
            c.claimant.as_str(),
            c.claim_date.as_str()
        ),
        ("false", "Ada Ngozi", "A. Person", "2021-07-16")
    );
    let before = std::fs::read(&path).unwrap();
    for (args, words) in [
        (
            vec!["--new-claim", "not in the article at all"],
            "does not contain",
        ),
        (
            vec!["--new-claim", "Taliban", "--occurrence", "99"],
            "occurs only",
        ),
        (
            vec!["--claim", "42", "--note", "x"],
            "there is no claim #42",
        ),
    ] {
        let mut all = vec!["edit", p(&path)];
        all.extend(args);
        let (code, _, err) = claimdesk(&all);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains(words), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "file untouched");
    }
}
