//! Hostile files, table-driven: each one gives a clear error or loads with a
//! warning, through the library and through the command line (which exits 1 with
//! one line naming the file). Never a panic, a hang or a changed file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::command::{Command, apply};
use claimdesk::import::{import_bytes, import_file};
use claimdesk::model::Session;
use claimdesk::store::{load_session, to_ron};
use std::path::Path;
use std::process::Command as Process;

/// What must happen with a file.
#[derive(Debug)]
enum Expect {
    /// Refused; the message contains this.
    Error(&'static str),
    /// Loaded; a warning contains this.
    Warning(&'static str),
    /// Loaded without any warning.
    Clean,
}
use Expect::*;

fn valid_session() -> Session {
    let text = "Headline\n\nRTL: \u{05E9}\u{05DC}\u{05D5}\u{05DD} \u{0627}\u{0644}\u{0633}\u{0644}\u{0627}\u{0645}. \
                Combining: cafe\u{0301} n\u{0303}. Emoji: \u{1F469}\u{200D}\u{1F52C} \u{1F389}!\nSecond line.";
    // Ids 1, 2, 3: every call gives the same session, and the cases below can name ids.
    let mut s = Session::new(
        claimdesk::import::import_text(text, Some("../../etc/passwd".into())).unwrap(),
    )
    .with_ids(claimdesk::model::IdGenerator::sequential());
    for (a, b) in [(15, 19), (47, 52), (66, 71)] {
        apply(
            &mut s,
            Command::AddClaim {
                start: a,
                end: b,
                claimant: String::new(),
                attribution: None,
            },
        )
        .unwrap();
    }
    let first = s.claims[0].id;
    apply(
        &mut s,
        Command::AddSource {
            claim: first,
            draft: claimdesk::model::SourceDraft {
                url: "file:///etc/shadow".into(),
                ..Default::default()
            },
        },
    )
    .unwrap();
    s
}

fn valid_ron() -> String {
    to_ron(&valid_session())
}

fn utf16(text: &str, le: bool) -> Vec<u8> {
    let mut out = if le {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

fn session_cases() -> Vec<(&'static str, Vec<u8>, Expect)> {
    let ron = valid_ron();
    let first_claim_id = "id: 1,";
    vec![
        ("0-byte session", vec![], Error("the file is empty")),
        (
            "whitespace-only session",
            b" \n\t\n".to_vec(),
            Error("the file is empty"),
        ),
        (
            "truncated session",
            ron.as_bytes()[..ron.len() / 2].to_vec(),
            Error("ends early"),
        ),
        (
            "binary file",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            Error("not text"),
        ),
        (
            "invalid UTF-8",
            ron.replacen("Headline", "Head\u{1}line", 1)
                .into_bytes()
                .into_iter()
                .map(|b| if b == 1 { 0xC3 } else { b })
                .collect(),
            Error("not UTF-8"),
        ),
        ("UTF-16 LE with BOM", utf16(&ron, true), Warning("UTF-16")),
        ("UTF-16 BE with BOM", utf16(&ron, false), Warning("UTF-16")),
        (
            "UTF-16 with odd length",
            {
                let mut b = utf16(&ron, true);
                b.push(b'x');
                b
            },
            Error("not text"),
        ),
        (
            "NUL bytes",
            ron.replacen("Second line", "Second\0line", 1).into_bytes(),
            Error("not text"),
        ),
        (
            "CRLF line ends",
            ron.replace('\n', "\r\n").into_bytes(),
            Clean,
        ),
        ("UTF-8 BOM", format!("\u{FEFF}{ron}").into_bytes(), Clean),
        (
            "RTL, combining marks and emoji",
            ron.clone().into_bytes(),
            Clean,
        ),
        (
            "deeply nested RON",
            "[".repeat(100_000).into_bytes(),
            Error("not a Claimdesk session"),
        ),
        (
            "deeply nested value in a field",
            ron.replacen("note: \"\"", &format!("note: {}", "(".repeat(50_000)), 1)
                .into_bytes(),
            Error("not a Claimdesk session"),
        ),
        (
            "deeply nested unknown field",
            ron.replacen(
                "format_version: 2,",
                &format!("format_version: 2, extra: {}", "[".repeat(50_000)),
                1,
            )
            .into_bytes(),
            Error("not a Claimdesk session"),
        ),
        (
            "number out of range",
            ron.replacen("start: 15,", "start: 99999999999999999999999999,", 1)
                .into_bytes(),
            Error("not a Claimdesk session"),
        ),
        (
            "negative offset",
            ron.replacen("start: 15,", "start: -15,", 1).into_bytes(),
            Error("not a Claimdesk session"),
        ),
        (
            "id counter out of range",
            ron.replacen(
                "next_claim_number: 4,",
                "next_claim_number: 18446744073709551615,",
                1,
            )
            .into_bytes(),
            Error("out of range"),
        ),
        (
            "anchor past the end",
            ron.replacen("end: 19,", "end: 1900000,", 1).into_bytes(),
            Warning("outside the article"),
        ),
        (
            "anchor reversed",
            ron.replacen("start: 15,", "start: 40,", 1).into_bytes(),
            Warning("outside the article"),
        ),
        (
            "duplicate claim ids",
            ron.replacen("id: 2,", first_claim_id, 1).into_bytes(),
            Warning("Two claims had the same id"),
        ),
        (
            "unknown fields",
            ron.replacen(
                "format_version: 2,",
                "format_version: 2,\n    colour_theme: \"dark\",",
                1,
            )
            .replacen("note: \"\"", "note: \"\", mood: 3", 1)
            .into_bytes(),
            Warning("colour_theme"),
        ),
        (
            "future format_version",
            ron.replacen("format_version: 2,", "format_version: 7,", 1)
                .into_bytes(),
            Error("newer Claimdesk"),
        ),
        (
            "hand-edited article text",
            ron.replacen("\"Second line.\"", "\"Second line, edited.\"", 1)
                .into_bytes(),
            Warning("changed outside Claimdesk"),
        ),
        (
            "unknown verdict",
            ron.replacen("status: \"unverified\"", "status: \"pants-on-fire\"", 1)
                .into_bytes(),
            Error("not in the rating scheme"),
        ),
        (
            "empty article text",
            empty_article_ron().into_bytes(),
            Error("the article text is empty"),
        ),
        (
            "plain text, not a session",
            b"Hello, world. This is not a session.".to_vec(),
            Error("not a Claimdesk session"),
        ),
    ]
}

fn empty_article_ron() -> String {
    let mut s = valid_session();
    s.claims.clear();
    s.article = claimdesk::model::Article::new(s.article.title.clone(), " \n ".into(), None);
    to_ron(&s)
}

fn article_cases() -> Vec<(&'static str, Vec<u8>, Expect)> {
    let text =
        "Headline\n\n\u{05E9}\u{05DC}\u{05D5}\u{05DD} cafe\u{0301} \u{1F469}\u{200D}\u{1F52C}.";
    vec![
        ("empty article", vec![], Error("empty")),
        ("blank article", b"\n \r\n\t".to_vec(), Error("empty")),
        (
            "binary article",
            b"PK\x03\x04\x14\0\0\0\x08\0".to_vec(),
            Error("binary"),
        ),
        (
            "invalid UTF-8 article",
            b"Title\n\nCaf\xE9 au lait".to_vec(),
            Error("not UTF-8"),
        ),
        ("UTF-16 LE article", utf16(text, true), Clean),
        ("UTF-16 BE article", utf16(text, false), Clean),
        (
            "NUL bytes in article",
            b"Title\n\nText\0more".to_vec(),
            Error("binary"),
        ),
        (
            "CRLF article",
            b"Title\r\n\r\nOne.\r\nTwo.\rThree.".to_vec(),
            Clean,
        ),
        (
            "RTL, combining and emoji article",
            text.as_bytes().to_vec(),
            Clean,
        ),
    ]
}

fn exe() -> &'static str {
    env!("CARGO_BIN_EXE_claimdesk")
}

/// Runs the CLI; returns (exit code, stdout, stderr).
fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Process::new(exe())
        .args(args)
        .env("CLAIMDESK_DATA_DIR", std::env::temp_dir())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_one_line_error(name: &str, path: &Path, code: i32, stderr: &str, words: &str) {
    assert_eq!(code, 1, "{name}: exit code; stderr: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{name}: one line: {stderr:?}");
    let file = path.file_name().unwrap().to_string_lossy();
    assert!(stderr.contains(&*file), "{name}: names the file: {stderr}");
    assert!(stderr.contains(words), "{name}: says {words:?}: {stderr}");
}

#[test]
fn hostile_sessions_give_clear_errors_or_warnings() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (name, bytes, expect)) in session_cases().into_iter().enumerate() {
        let path = dir.path().join(format!("case{i}.ron"));
        std::fs::write(&path, &bytes).unwrap();
        let result = load_session(&path);
        let (code, stdout, stderr) = cli(&["show", path.to_str().unwrap()]);
        match (&expect, result) {
            (Error(words), Err(e)) => {
                let msg = e.to_string();
                assert!(msg.contains(words), "{name}: {msg}");
                assert!(msg.contains(&format!("case{i}.ron")), "{name}: {msg}");
                assert_one_line_error(name, &path, code, &stderr, words);
            }
            (Warning(words), Ok((loaded, _))) => {
                assert!(
                    loaded.warnings.iter().any(|w| w.contains(words)),
                    "{name}: {:?}",
                    loaded.warnings
                );
                assert_eq!(code, 0, "{name}: {stderr}");
                assert!(
                    stderr.contains("warning") && stderr.contains(&format!("case{i}.ron")),
                    "{name}: {stderr}"
                );
                assert!(stdout.starts_with("Headline"), "{name}: {stdout}");
                check_loaded(name, &loaded.session);
            }
            (Clean, Ok((loaded, _))) => {
                assert!(loaded.warnings.is_empty(), "{name}: {:?}", loaded.warnings);
                assert_eq!(loaded.session, valid_session(), "{name}");
                assert_eq!((code, stderr.as_str()), (0, ""), "{name}");
            }
            (expect, got) => panic!("{name}: expected {expect:?}, got {got:?}"),
        }
        // Opening never changes or creates files.
        assert_eq!(
            std::fs::read(&path).unwrap(),
            bytes,
            "{name}: the file was changed"
        );
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        session_cases().len(),
        "opening created files: {names:?}"
    );
}

/// Whatever loads is usable: anchors inside the text, on character boundaries.
fn check_loaded(name: &str, s: &Session) {
    let len = s.article.text.chars().count();
    let mut ids = std::collections::HashSet::new();
    for c in &s.claims {
        assert!(
            c.anchor.start < c.anchor.end && c.anchor.end <= len,
            "{name}: {:?}",
            c.anchor
        );
        assert!(ids.insert(c.id), "{name}: duplicate id survived");
        assert!(
            c.number < s.next_claim_number,
            "{name}: number counter behind"
        );
    }
}

#[test]
fn hostile_articles_give_clear_errors_or_import() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (name, bytes, expect)) in article_cases().into_iter().enumerate() {
        let path = dir.path().join(format!("article{i}.txt"));
        let out = dir.path().join(format!("article{i}.ron"));
        std::fs::write(&path, &bytes).unwrap();
        let api = import_file(&path);
        assert_eq!(api.is_ok(), import_bytes(&bytes, None).is_ok(), "{name}");
        let (code, _, stderr) = cli(&["new", path.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        match (&expect, api) {
            (Error(words), Err(e)) => {
                assert!(e.to_string().contains(words), "{name}: {e}");
                assert_one_line_error(name, &path, code, &stderr, words);
                assert!(!out.exists(), "{name}: wrote a session anyway");
            }
            (Clean, Ok(article)) => {
                assert!(
                    !article.text.contains('\r') && !article.text.contains('\0'),
                    "{name}"
                );
                assert_eq!(
                    article.title,
                    if name.starts_with("CRLF") {
                        "Title"
                    } else {
                        "Headline"
                    }
                );
                assert_eq!(code, 0, "{name}: {stderr}");
                let (loaded, _) = load_session(&out).unwrap();
                assert_eq!(loaded.session.article, article, "{name}");
            }
            (expect, got) => panic!("{name}: expected {expect:?}, got {got:?}"),
        }
    }
}

#[test]
fn a_100_mb_article_opens_and_a_300_mb_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let line = "A line of a very long article, with some words in it and a number 42.\n";
    let text = format!("Huge article\n\n{}", line.repeat(100_000_000 / line.len()));
    std::fs::write(&big, &text).unwrap();
    let out = dir.path().join("big.ron");
    let (code, _, stderr) = cli(&["new", big.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = cli(&["show", out.to_str().unwrap()]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, "Huge article\n", "")
    );

    // Too large: refused from its size alone (a sparse file, nothing is read).
    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(300 << 20)
        .unwrap();
    let fresh = dir.path().join("huge-article.ron");
    let (code, _, stderr) = cli(&["new", huge.to_str().unwrap(), "-o", fresh.to_str().unwrap()]);
    assert_one_line_error("300 MB article", &huge, code, &stderr, "256 MB");
    assert!(!fresh.exists());
    let huge_session = dir.path().join("huge.ron");
    std::fs::File::create(&huge_session)
        .unwrap()
        .set_len((1 << 30) + 1)
        .unwrap();
    let (code, _, stderr) = cli(&["show", huge_session.to_str().unwrap()]);
    assert_one_line_error(
        "enormous session",
        &huge_session,
        code,
        &stderr,
        "larger than any session",
    );
}

#[test]
fn missing_files_and_folders_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ron");
    let (code, _, stderr) = cli(&["show", missing.to_str().unwrap()]);
    assert_one_line_error("missing session", &missing, code, &stderr, "No such file");
    let folder = dir.path().join("folder.ron");
    std::fs::create_dir(&folder).unwrap();
    let (code, _, stderr) = cli(&["show", folder.to_str().unwrap()]);
    assert_one_line_error("a folder", &folder, code, &stderr, "folder");
}
