//! End-to-end tests of `claimdesk edit` and `claimdesk export`, running the real binary
//! on a copy of the fixture session.

// Test helpers may fail loudly: a panic is a failed test with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture_copy(dir: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/session.ron");
    let dst = dir.join("session.ron");
    std::fs::copy(src, &dst).unwrap();
    dst
}

/// Runs the binary with an empty config folder, so the developer's own prefs never leak in.
fn claimdesk(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(args)
        .env("CLAIMDESK_CONFIG_DIR", config)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn edit_then_export_shows_the_change() {
    let dir = tempfile::tempdir().unwrap();
    let session = fixture_copy(dir.path());
    let s = session.to_str().unwrap();
    let out = claimdesk(
        dir.path(),
        &[
            "edit",
            s,
            "--claim",
            "2",
            "--status",
            "Mostly true",
            "--reviewer",
            "Ada Ngozi",
            "--verdict-date",
            "2026-11-26",
            "--note",
            "Checked with the rail authority",
            "--claimant",
            "Rail Authority",
            "--add-source",
            "https://rail.example.org/budget",
            "--title",
            "Rail budget 2026",
            "--quote",
            "Total cost: €1.9 billion",
            "--stance",
            "supports",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Claim #2: 4 changes saved"),
        "{}",
        stdout(&out)
    );

    let out = claimdesk(dir.path(), &["export", s, "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = stdout(&out);
    let row = csv.lines().find(|l| l.starts_with("2,")).unwrap();
    assert!(row.contains("Mostly true"), "{row}");
    assert!(row.contains("Rail Authority"), "{row}");
    assert!(row.contains("https://rail.example.org/budget"), "{row}");
    assert!(row.contains("Checked with the rail authority"), "{row}");

    let out = claimdesk(
        dir.path(),
        &[
            "export",
            s,
            "--format",
            "claimreview",
            "--date",
            "2026-11-27",
            "--org-name",
            "Desk",
            "--org-url",
            "https://desk.example",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let review = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["reviewRating"]["alternateName"] == "Mostly true"
                && r["itemReviewed"]["author"]["name"] == "Rail Authority"
        })
        .expect("the edited claim is exported");
    // Who set the verdict, and when, is the review's author and date; the
    // organisation publishes it.
    assert_eq!(review["author"]["name"], "Ada Ngozi");
    assert_eq!(review["author"]["@type"], "Person");
    assert_eq!(review["publisher"]["name"], "Desk");
    assert_eq!(review["datePublished"], "2026-11-26");
    // A verdict from before Claimdesk recorded who set it: the organisation and the
    // publication date, as before.
    let older = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["reviewRating"]["alternateName"] != "Mostly true")
        .expect("another reviewed claim");
    assert_eq!(older["author"]["name"], "Desk");
    assert_eq!(older["datePublished"], "2026-11-27");
    assert!(
        stderr(&out).contains("claimdesk: lint:"),
        "lint goes to stderr"
    );
}

#[test]
fn unknown_claim_or_label_fails_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let session = fixture_copy(dir.path());
    let s = session.to_str().unwrap();
    let before = std::fs::read(&session).unwrap();
    for args in [
        vec!["edit", s, "--claim", "999", "--status", "false"],
        vec!["edit", s, "--claim", "1", "--status", "pants-on-fire"],
        vec![
            "edit", s, "--claim", "1", "--note", "x", "--status", "nonsense",
        ],
    ] {
        let out = claimdesk(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.contains("session.ron"), "names the file: {err}");
        assert_eq!(
            std::fs::read(&session).unwrap(),
            before,
            "{args:?} changed the file"
        );
    }
    assert!(
        !claimdesk::store::backup_path(&session).exists(),
        "nothing was saved"
    );
}

#[test]
fn strict_turns_lint_problems_into_failure() {
    let dir = tempfile::tempdir().unwrap();
    let session = fixture_copy(dir.path());
    let s = session.to_str().unwrap();
    let target = dir.path().join("out.jsonld");
    let out = claimdesk(
        dir.path(),
        &[
            "export",
            s,
            "--format",
            "claimreview",
            "--strict",
            "-o",
            target.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("no-publisher-url"), "{err}");
    assert!(err.contains("claim-reviewed-too-long"), "{err}");
    assert!(err.contains("--strict"), "{err}");
    assert!(!target.exists(), "nothing is written under --strict");

    let out = claimdesk(
        dir.path(),
        &[
            "export",
            s,
            "--format",
            "claimreview",
            "-o",
            target.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert!(!json.as_array().unwrap().is_empty());
}

#[test]
fn export_takes_the_publisher_from_preferences_and_flags_override() {
    let dir = tempfile::tempdir().unwrap();
    let session = fixture_copy(dir.path());
    let s = session.to_str().unwrap();
    std::fs::write(
        dir.path().join("prefs.ron"),
        r#"(publisher: (organisation_name: "Prefs Org", organisation_url: "https://prefs.example", reviewer_name: "Pat Prefs"))"#,
    )
    .unwrap();
    let out = claimdesk(
        dir.path(),
        &["export", s, "--format", "html", "--date", "2026-11-27"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(html.contains("Prefs Org") && html.contains("Pat Prefs"));

    let out = claimdesk(
        dir.path(),
        &[
            "export",
            s,
            "--format",
            "markdown",
            "--reviewer",
            "Flag Person",
        ],
    );
    let md = stdout(&out);
    assert!(
        md.contains("Prefs Org") && md.contains("Flag Person") && !md.contains("Pat Prefs"),
        "{md}"
    );

    std::fs::write(
        dir.path().join("prefs.ron"),
        "(publisher: (organisation_name: 3))",
    )
    .unwrap();
    let out = claimdesk(dir.path(), &["export", s, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("prefs.ron") && stderr(&out).contains("line 1"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn every_format_exports_and_bad_dates_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let session = fixture_copy(dir.path());
    let s = session.to_str().unwrap();
    for format in ["claimreview", "webannotation", "csv", "markdown", "html"] {
        let out = claimdesk(
            dir.path(),
            &["export", s, "--format", format, "--date", "2026-11-27"],
        );
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        assert!(!out.stdout.is_empty(), "{format}");
    }
    let out = claimdesk(
        dir.path(),
        &["export", s, "--format", "csv", "--date", "27/11/2026"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("YYYY-MM-DD"));
}

#[test]
fn schemes_lists_builtin_and_user_schemes_and_names_broken_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = claimdesk(dir.path(), &["schemes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list = stdout(&out);
    for id in [
        "default",
        "politifact",
        "meta",
        "africa-check",
        "aap",
        "meedan-check",
    ] {
        assert!(
            list.lines().any(|l| l.starts_with(&format!("{id}\t"))),
            "{id} in {list}"
        );
    }
    let schemes = dir.path().join("schemes");
    std::fs::create_dir(&schemes).unwrap();
    std::fs::write(
        schemes.join("ours.ron"),
        r##"(id: "ours", name: "Ours", unreviewed: "open", labels: [(id: "open", name: "Open", colour: "#888888", description: "Not checked.")])"##,
    )
    .unwrap();
    std::fs::write(schemes.join("broken.ron"), "(\n  id: \"b\",\n  name: \n)").unwrap();
    let out = claimdesk(dir.path(), &["schemes"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("ours\tOurs\tOpen\t"),
        "{}",
        stdout(&out)
    );
    let err = stderr(&out);
    assert!(
        err.contains("broken.ron") && err.contains("line 3"),
        "{err}"
    );
}

#[test]
fn edit_refuses_a_source_url_that_is_not_a_web_address() {
    let dir = tempfile::tempdir().unwrap();
    let session = fixture_copy(dir.path());
    let s = session.to_str().unwrap();
    let before = std::fs::read(&session).unwrap();
    for (url, says) in [
        (
            "deskcheck.example.org/page",
            "https://deskcheck.example.org/page",
        ),
        ("htp:/not-a-url", "htp:"),
        ("", "empty"),
    ] {
        let out = claimdesk(
            dir.path(),
            &["edit", s, "--claim", "1", "--add-source", url],
        );
        // An empty value is a usage error (2); a value that is not a web address, 1.
        let code = if url.is_empty() { 2 } else { 1 };
        assert_eq!(out.status.code(), Some(code), "{url:?}");
        let err = stderr(&out);
        assert!(err.contains("--add-source") && err.contains(says), "{err}");
        assert_eq!(
            std::fs::read(&session).unwrap(),
            before,
            "{url:?} changed the file"
        );
    }
}

#[test]
fn strict_fails_on_source_and_publisher_urls_that_are_not_web_addresses() {
    let dir = tempfile::tempdir().unwrap();
    let session = fixture_copy(dir.path());
    let s = session.to_str().unwrap();
    let out = claimdesk(
        dir.path(),
        &[
            "export",
            s,
            "--format",
            "claimreview",
            "--strict",
            "--org-url",
            "deskcheck.example.org",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("invalid-url: the publisher's organisation URL"),
        "{err}"
    );
    // The fixture's hostile "javascript:alert(1)" source is flagged too.
    assert!(err.contains("javascript:"), "{err}");
}

/// The `### ` headings of a Markdown report.
fn headings(markdown: &str) -> Vec<&str> {
    markdown.lines().filter(|l| l.starts_with("### ")).collect()
}

/// Issue 11: a report numbers each claim as the app and the CLI do (`Claim #6` for the
/// claim added sixth, wherever it sits in the article), not 1., 2., 3. in list order;
/// and `--reviewed-only` leaves out the claims not yet reviewed, from the verdict
/// summary too.
#[test]
fn reports_use_the_apps_claim_numbers_and_can_leave_out_unreviewed_claims() {
    let dir = tempfile::tempdir().unwrap();
    let session = fixture_copy(dir.path());
    let s = session.to_str().unwrap();
    // A sixth claim, on words between the first and the second claim.
    let out = claimdesk(
        dir.path(),
        &[
            "edit",
            s,
            "--new-claim",
            "The Ministry of Finance",
            "--status",
            "false",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));

    let out = claimdesk(dir.path(), &["export", s, "--format", "markdown"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    let numbers: Vec<&str> = headings(&md)
        .iter()
        .map(|h| h.trim_start_matches("### ").split(':').next().unwrap())
        .collect();
    assert_eq!(
        numbers,
        [
            "Claim #1", "Claim #6", "Claim #2", "Claim #3", "Claim #4", "Claim #5"
        ],
        "{md}"
    );
    assert!(
        headings(&md)[1].starts_with("### Claim #6: The Ministry of Finance"),
        "{md}"
    );

    let out = claimdesk(
        dir.path(),
        &["export", s, "--format", "markdown", "--reviewed-only"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    let heads = headings(&md);
    assert_eq!(heads.len(), 5, "{md}");
    assert!(
        !heads.iter().any(|h| h.starts_with("### Claim #2:")),
        "claim #2 is not reviewed yet: {md}"
    );
    assert!(
        md.contains("5 claims: 3 false, 1 misleading, 1 unproven"),
        "{md}"
    );
    assert!(!md.contains("| Unverified |"), "{md}");

    let out = claimdesk(
        dir.path(),
        &["export", s, "--format", "html", "--reviewed-only"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(html.contains("id=\"claim-6\""), "{html}");
    assert!(html.contains(">#6</span>"), "{html}");
    assert!(!html.contains("id=\"claim-2\""), "{html}");
    assert!(!html.contains("<span class=\"number\">1</span>"), "{html}");

    // Other formats say the flag is not theirs, and write nothing.
    let target = dir.path().join("out.csv");
    let out = claimdesk(
        dir.path(),
        &[
            "export",
            s,
            "--format",
            "csv",
            "--reviewed-only",
            "-o",
            target.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--reviewed-only"), "{}", stderr(&out));
    assert!(!target.exists());
}
