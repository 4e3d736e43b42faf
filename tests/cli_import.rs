//! `claimdesk import` and `claimdesk new` with web pages and PDFs, run as the built
//! binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use std::process::Command;

fn claimdesk() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimdesk"))
}

const PAGE: &str = "tests/fixtures/import/ars-1.html";
const PDF: &str = "tests/fixtures/import/report.pdf";

#[test]
fn import_prints_the_article_as_text_or_json() {
    let out = claimdesk().args(["import", PAGE]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let want = std::fs::read_to_string("tests/fixtures/import/ars-1.expected.txt").unwrap();
    assert_eq!(text, want);

    let out = claimdesk()
        .args(["import", PAGE, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "title",
            "byline",
            "published",
            "site",
            "url",
            "language",
            "body",
            "text"
        ]
    );
    assert_eq!(
        json["title"],
        "Just-released Minecraft exploit makes it easy to crash game servers"
    );
    assert_eq!(json["text"].as_str().unwrap(), want.trim_end_matches('\n'));
    let body = json["body"].as_str().unwrap();
    assert!(body.starts_with("Biz & IT"), "{body}");
    assert!(json["text"].as_str().unwrap().ends_with(body));
}

#[test]
fn new_from_a_pdf_keeps_the_original_and_the_pages() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("report.ron");
    let out = claimdesk()
        .args(["new", PDF, "-o"])
        .arg(&session)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("report.original.pdf"), "{stdout}");
    let copy = dir.path().join("report.original.pdf");
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(PDF).unwrap());
    let (loaded, _) = claimdesk::store::load_session(&session).unwrap();
    let a = &loaded.session.article;
    assert_eq!(a.origin.kind, claimdesk::model::ArticleKind::Pdf);
    assert_eq!(
        a.origin.original_copy.as_deref(),
        Some("report.original.pdf")
    );
    assert!(a.origin.pages.len() >= 2, "{:?}", a.origin.pages);

    let other = dir.path().join("bare.ron");
    let out = claimdesk()
        .args(["new", PDF, "--no-original", "-o"])
        .arg(&other)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!dir.path().join("bare.original.pdf").exists());
}

#[test]
fn unreadable_sources_exit_1_with_one_line() {
    let out = claimdesk()
        .args(["import", "tests/fixtures/import/encrypted.pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("encrypted.pdf") && err.contains("password"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}
