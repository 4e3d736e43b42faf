//! `claimdesk suggest` and `claimdesk new --accept-suggestions`, run as the built binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use std::process::Command;

fn claimdesk() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimdesk"))
}

// A test helper: a failed write should fail the test at once.
#[allow(clippy::unwrap_used)]
fn seed_file(dir: &std::path::Path) -> std::path::PathBuf {
    let p = dir.join("seed.txt");
    std::fs::write(&p, claimdesk::SEED_ARTICLE).unwrap();
    p
}

#[test]
fn suggest_prints_tsv_in_article_order() {
    let dir = tempfile::tempdir().unwrap();
    let article = seed_file(dir.path());
    let out = claimdesk().arg("suggest").arg(&article).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("start\tend\tscore\tclaimant\tsentence"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.len() >= 5, "{text}");
    let chars: Vec<char> = claimdesk::SEED_ARTICLE.chars().collect();
    let mut last = 0;
    for r in &rows {
        assert_eq!(r.len(), 5, "{r:?}");
        let (start, end): (usize, usize) = (r[0].parse().unwrap(), r[1].parse().unwrap());
        let score: f32 = r[2].parse().unwrap();
        assert!(start >= last && score >= claimdesk::extract::DEFAULT_THRESHOLD);
        last = start;
        let sentence: String = chars[start..end].iter().collect();
        assert_eq!(sentence.replace('\n', " "), r[4]);
    }
    assert!(text.contains("New York Times\t"));
    assert!(!text.contains("Photo: ALAMI"));
}

#[test]
fn min_score_zero_prints_every_body_sentence_and_json_parses() {
    let dir = tempfile::tempdir().unwrap();
    let article = seed_file(dir.path());
    let all = claimdesk()
        .args(["suggest", "--min-score", "0", "--format", "json"])
        .arg(&article)
        .output()
        .unwrap();
    assert!(all.status.success());
    let v: serde_json::Value = serde_json::from_slice(&all.stdout).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(
        items.len(),
        claimdesk::extract::suggest(claimdesk::SEED_ARTICLE).len()
    );
    assert!(
        items
            .iter()
            .all(|i| i["text"].is_string() && i["reasons"].is_array())
    );
    let bad = claimdesk()
        .args(["suggest", "--min-score", "2"])
        .arg(&article)
        .output()
        .unwrap();
    assert!(!bad.status.success());
}

#[test]
fn new_with_accepted_suggestions_makes_claims_with_claimants() {
    let dir = tempfile::tempdir().unwrap();
    let article = seed_file(dir.path());
    let session = dir.path().join("s.ron");
    let out = claimdesk()
        .arg("new")
        .arg(&article)
        .arg("-o")
        .arg(&session)
        .arg("--accept-suggestions")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let loaded = claimdesk::store::load_session(&session).unwrap().0.session;
    let expected = claimdesk::extract::suggest(claimdesk::SEED_ARTICLE)
        .into_iter()
        .filter(|s| s.score >= claimdesk::extract::DEFAULT_THRESHOLD)
        .count();
    assert_eq!(loaded.claims.len(), expected);
    assert!(loaded.claims.iter().any(|c| c.claimant == "New York Times"));
    let some = dir.path().join("strict.ron");
    let out = claimdesk()
        .arg("new")
        .arg(&article)
        .arg("-o")
        .arg(&some)
        .args(["--accept-suggestions", "--min-score", "0.99"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let strict = claimdesk::store::load_session(&some).unwrap().0.session;
    assert!(strict.claims.len() < loaded.claims.len());
}

#[test]
fn min_score_zero_prints_every_body_sentence_in_any_script() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("scripts.txt");
    std::fs::write(
        &article,
        "Headline\n\nThe minister said 40% of ministers met 3 times. 👨‍👩‍👧‍👦 ٣٤ ٥٦\n\n我们今天去了北京。他说很好。\n\nقال الوزير إن الأسعار ارتفعت ٣٠ في المئة.\n\nΤο σχέδιο απέτυχε.\n",
    )
    .unwrap();
    let out = claimdesk()
        .args(["suggest", "--min-score", "0"])
        .arg(&article)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let sentences: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.rsplit('\t').next().unwrap())
        .collect();
    assert_eq!(
        sentences,
        [
            "The minister said 40% of ministers met 3 times.",
            "👨‍👩‍👧‍👦 ٣٤ ٥٦",
            "我们今天去了北京。",
            "他说很好。",
            "قال الوزير إن الأسعار ارتفعت ٣٠ في المئة.",
            "Το σχέδιο απέτυχε.",
        ],
        "{text}"
    );
}

#[test]
fn a_claimant_stops_at_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("dash.txt");
    std::fs::write(
        &article,
        "Headline\n\nPrices rose 5 percent, according to the ministry — met 3 times by reporters.\n\nThe minister said 40% of ministers met 3 times.\n",
    )
    .unwrap();
    let out = claimdesk()
        .args(["suggest", "--min-score", "0", "--format", "json"])
        .arg(&article)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let claimants: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["claimant"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(claimants, ["ministry", "minister"]);
}
