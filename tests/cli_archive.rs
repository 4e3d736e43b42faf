//! `claimdesk archive`, run as the built binary: add, search (text and JSON), match,
//! status, the default index folder, and two processes updating one index at once.
//! The model is pointed at an empty folder, so these run on words alone and fast.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::command::{Command as Edit, apply};
use claimdesk::import::import_text;
use claimdesk::model::Session;
use claimdesk::store::save_session;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn claimdesk(no_model: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claimdesk"));
    c.env("CLAIMDESK_MODEL_DIR", no_model);
    c
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A session file with one checked claim per sentence.
fn write_session(path: &Path, title: &str, sentences: &[(&str, &str)]) {
    let body: Vec<&str> = sentences.iter().map(|s| s.0).collect();
    let text = format!("{title}\n\n{}", body.join(" "));
    let mut s = Session::new(import_text(&text, None).unwrap());
    for (sentence, status) in sentences {
        let start = text[..text.find(sentence).unwrap()].chars().count();
        let id = apply(
            &mut s,
            Edit::AddClaim {
                start,
                end: start + sentence.chars().count(),
                claimant: String::new(),
                attribution: None,
            },
        )
        .unwrap()
        .claim
        .unwrap();
        apply(
            &mut s,
            Edit::SetStatus {
                claim: id,
                status: (*status).into(),
                by: String::new(),
                date: String::new(),
            },
        )
        .unwrap();
    }
    save_session(path, &s, None).unwrap();
}

fn setup(dir: &Path) -> (PathBuf, PathBuf) {
    let desk = dir.join("desk");
    std::fs::create_dir_all(&desk).unwrap();
    write_session(
        &desk.join("a.ron"),
        "Budget debate",
        &[
            (
                "Defence spending rose by ten percent in two years.",
                "false",
            ),
            ("The harbour tunnel opened three months late.", "true"),
        ],
    );
    let csv = dir.join("other-desk.csv");
    std::fs::write(
        &csv,
        "claim,rating,url,date,publisher\n\
         \"Defence spending rose sharply, says minister\",Mostly true,https://other.example/d,2026-02-01,Other Desk\n",
    )
    .unwrap();
    (desk, csv)
}

#[test]
fn add_search_match_and_status() {
    let tmp = tempfile::tempdir().unwrap();
    let (desk, csv) = setup(tmp.path());
    let index = tmp.path().join("index");
    let none = tmp.path().join("no-model");
    let text = ok(claimdesk(&none)
        .args(["archive", "add"])
        .arg(&desk)
        .arg(&csv)
        .arg("--archive")
        .arg(&index)
        .output()
        .unwrap());
    assert!(
        text.contains("The archive holds 3 checks from 2 files."),
        "{text}"
    );

    let json = ok(claimdesk(&none)
        .args(["archive", "--archive"])
        .arg(&index)
        .args([
            "search", "defence", "spending", "rose", "--format", "json", "--top", "5",
        ])
        .output()
        .unwrap());
    let hits: serde_json::Value = serde_json::from_str(&json).unwrap();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 2, "{json}");
    for key in [
        "score",
        "claim",
        "verdict",
        "url",
        "session",
        "claim_id",
        "publisher",
        "date",
    ] {
        assert!(hits[0].get(key).is_some(), "no {key} in {json}");
    }
    let review = hits
        .iter()
        .find(|h| h["url"] == "https://other.example/d")
        .unwrap();
    assert_eq!(review["publisher"], "Other Desk");
    assert_eq!(review["verdict"], "Mostly true");
    assert!(review["session"].is_null());
    let own = hits.iter().find(|h| h["verdict"] == "False").unwrap();
    assert!(own["session"].as_str().unwrap().ends_with("a.ron"));
    assert_eq!(own["claim_id"], 1);

    let text = ok(claimdesk(&none)
        .args(["archive", "search", "harbour tunnel", "--archive"])
        .arg(&index)
        .output()
        .unwrap());
    let first = text.lines().next().unwrap();
    assert!(
        first.contains("True") && first.contains("a.ron #2"),
        "{text}"
    );
    // Nothing like it: no lines, and a note on stderr that says so.
    let nothing = claimdesk(&none)
        .args(["archive", "search", "striker goal cup final", "--archive"])
        .arg(&index)
        .output()
        .unwrap();
    assert!(nothing.status.success());
    assert!(nothing.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&nothing.stderr).contains("no earlier check is like this claim"),
        "{nothing:?}"
    );

    let article = tmp.path().join("new.txt");
    std::fs::write(
        &article,
        "Opposition reply\n\nThe minister claimed that defence spending rose by ten percent in two years. Nobody disputed the weather.\n",
    )
    .unwrap();
    let json = ok(claimdesk(&none)
        .args(["archive", "match"])
        .arg(&article)
        .args(["--format", "json", "--threshold", "0.25", "--archive"])
        .arg(&index)
        .output()
        .unwrap());
    let items: serde_json::Value = serde_json::from_str(&json).unwrap();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 1, "{json}");
    assert_eq!(items[0]["kind"], "sentence");
    assert_eq!(items[0]["matches"][0]["verdict"], "False");

    let text = ok(claimdesk(&none)
        .args(["archive", "status", "--archive"])
        .arg(&index)
        .output()
        .unwrap());
    assert!(
        text.contains("1 sessions, 1 review files: 3 checks"),
        "{text}"
    );
}

#[test]
fn the_default_index_lives_in_the_data_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let (desk, _) = setup(tmp.path());
    let data = tmp.path().join("data");
    let none = tmp.path().join("no-model");
    ok(claimdesk(&none)
        .env("CLAIMDESK_DATA_DIR", &data)
        .args(["archive", "add"])
        .arg(&desk)
        .output()
        .unwrap());
    assert!(data.join("archive").join("catalog.json").is_file());
    assert!(data.join("archive").join("folders.txt").is_file());
}

#[test]
fn bad_paths_are_refused_with_a_message() {
    let tmp = tempfile::tempdir().unwrap();
    let none = tmp.path().join("no-model");
    let notes = tmp.path().join("notes.txt");
    std::fs::write(&notes, "x").unwrap();
    for path in [tmp.path().join("nope"), notes] {
        let out = claimdesk(&none)
            .args(["archive", "add"])
            .arg(&path)
            .arg("--archive")
            .arg(tmp.path().join("index"))
            .output()
            .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&*path.to_string_lossy()), "{err}");
    }
}

#[test]
fn two_processes_updating_one_index_at_once_do_not_corrupt_it() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let none = tmp.path().join("no-model");
    let mut folders = Vec::new();
    for i in 0..2 {
        let folder = tmp.path().join(format!("desk{i}"));
        std::fs::create_dir_all(&folder).unwrap();
        for j in 0..20 {
            write_session(
                &folder.join(format!("s{j}.ron")),
                "Title",
                &[(
                    &format!("Desk {i} checked claim number {j} about harbour tunnels."),
                    "false",
                )],
            );
        }
        folders.push(folder);
    }
    let spawn = |args: Vec<std::ffi::OsString>| {
        claimdesk(&none)
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let writers: Vec<_> = folders
        .iter()
        .map(|f| {
            spawn(vec![
                "archive".into(),
                "add".into(),
                f.clone().into(),
                "--archive".into(),
                index.clone().into(),
            ])
        })
        .collect();
    // A reader searching while they write never fails.
    for _ in 0..5 {
        let out = claimdesk(&none)
            .args(["archive", "search", "harbour", "--no-update", "--archive"])
            .arg(&index)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for w in writers {
        ok(w.wait_with_output().unwrap());
    }
    let text = ok(claimdesk(&none)
        .args(["archive", "status", "--archive"])
        .arg(&index)
        .output()
        .unwrap());
    assert!(
        text.contains("40 sessions, 0 review files: 40 checks"),
        "{text}"
    );
    let text = ok(claimdesk(&none)
        .args([
            "archive",
            "search",
            "desk 1 claim number 7",
            "--top",
            "1",
            "--no-update",
            "--archive",
        ])
        .arg(&index)
        .output()
        .unwrap());
    assert!(text.contains("Desk 1 checked claim number 7"), "{text}");
}
