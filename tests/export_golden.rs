//! Golden-file tests of every export format, from `tests/fixtures/session.ron`.
//!
//! `UPDATE_GOLDEN=1 cargo test --test export_golden` rewrites `tests/golden/*` after an
//! intended change; review the diff before committing.

// Test helpers may fail loudly: a panic is a failed test with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claimdesk::export::{
    ExportFormat, ExportOptions, LintRule, SOURCE_SEPARATOR, export, lint_claimreview,
    to_claimreview, to_web_annotation,
};
use claimdesk::model::Session;
use claimdesk::prefs::PublisherProfile;
use claimdesk::store::load_session;
use serde_json::Value;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture() -> Session {
    let (loaded, _) = load_session(&root().join("tests/fixtures/session.ron")).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    loaded.session
}

fn options() -> ExportOptions {
    ExportOptions {
        publisher: PublisherProfile {
            organisation_name: "Example Fact Check".into(),
            organisation_url: "https://factcheck.example.org".into(),
            reviewer_name: "Ada Ngozi".into(),
            ..PublisherProfile::default()
        },
        date: "2026-11-27".into(),
        review_url: Some("https://factcheck.example.org/checks/jobs-speech".into()),
        article_url: Some("https://news.example.com/2026/11/jobs-speech".into()),
        claim_date: Some("2026-11-24".into()),
        reviewed_only: false,
    }
}

fn check_golden(format: ExportFormat) {
    let actual = export(&fixture(), format, &options()).unwrap();
    let path = root()
        .join("tests/golden")
        .join(format!("session.{}", format.cli_name()));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", path.display()));
    assert!(
        actual == expected,
        "{} differs from the golden file; run with UPDATE_GOLDEN=1 and review the diff.\n--- actual ---\n{actual}",
        path.display()
    );
}

#[test]
fn golden_claimreview() {
    check_golden(ExportFormat::ClaimReview);
}

#[test]
fn golden_webannotation() {
    check_golden(ExportFormat::WebAnnotation);
}

#[test]
fn golden_csv() {
    check_golden(ExportFormat::Csv);
}

#[test]
fn golden_markdown() {
    check_golden(ExportFormat::Markdown);
}

#[test]
fn golden_html() {
    check_golden(ExportFormat::Html);
}

fn str_at<'a>(v: &'a Value, path: &[&str]) -> &'a str {
    let mut cur = v;
    for key in path {
        cur = cur
            .get(key)
            .unwrap_or_else(|| panic!("missing {} in {cur}", path.join(".")));
    }
    let s = cur
        .as_str()
        .unwrap_or_else(|| panic!("{} is not a string", path.join(".")));
    assert!(!s.trim().is_empty(), "{} is empty", path.join("."));
    s
}

#[test]
fn claimreview_parses_back_with_every_required_field() {
    let session = fixture();
    let text = export(&session, ExportFormat::ClaimReview, &options()).unwrap();
    let parsed: Value = serde_json::from_str(&text).unwrap();
    let reviews = parsed.as_array().unwrap();
    let reviewed: Vec<_> = session
        .claims
        .iter()
        .filter(|c| c.status != session.scheme.unreviewed)
        .collect();
    assert_eq!(
        reviews.len(),
        reviewed.len(),
        "only reviewed claims are exported"
    );
    assert!(
        reviews.len() < session.claims.len(),
        "the fixture has an unreviewed claim"
    );
    for (review, claim) in reviews.iter().zip(&reviewed) {
        assert_eq!(str_at(review, &["@context"]), "https://schema.org");
        assert_eq!(str_at(review, &["@type"]), "ClaimReview");
        assert_eq!(
            str_at(review, &["url"]),
            format!(
                "https://factcheck.example.org/checks/jobs-speech#claim-{}",
                claim.id
            )
        );
        assert_eq!(str_at(review, &["claimReviewed"]), claim.text.trim());
        assert_eq!(str_at(review, &["author", "@type"]), "Organization");
        assert_eq!(str_at(review, &["author", "name"]), "Example Fact Check");
        assert_eq!(
            str_at(review, &["author", "url"]),
            "https://factcheck.example.org"
        );
        assert_eq!(str_at(review, &["datePublished"]), "2026-11-27");
        assert_eq!(str_at(review, &["reviewRating", "@type"]), "Rating");
        assert_eq!(
            str_at(review, &["reviewRating", "alternateName"]),
            session.scheme.name_of(&claim.status)
        );
        let rating = &review["reviewRating"];
        match session.scheme.label(&claim.status).unwrap().rating {
            Some(n) => {
                assert_eq!(rating["ratingValue"], n.value);
                assert_eq!(rating["bestRating"], n.best);
                assert_eq!(rating["worstRating"], n.worst);
            }
            None => assert!(rating.get("ratingValue").is_none()),
        }
        assert_eq!(str_at(review, &["itemReviewed", "@type"]), "Claim");
        assert_eq!(
            str_at(review, &["itemReviewed", "datePublished"]),
            "2026-11-24"
        );
        assert_eq!(
            str_at(review, &["itemReviewed", "author", "name"]),
            claim.claimant.trim()
        );
        assert!(
            ["Person", "Organization"]
                .contains(&str_at(review, &["itemReviewed", "author", "@type"]))
        );
        assert_eq!(
            str_at(review, &["itemReviewed", "appearance", "@type"]),
            "CreativeWork"
        );
        assert_eq!(
            str_at(review, &["itemReviewed", "appearance", "url"]),
            "https://news.example.com/2026/11/jobs-speech"
        );
        assert_eq!(
            str_at(review, &["itemReviewed", "appearance", "headline"]),
            session.article.title
        );
    }
    assert_eq!(to_claimreview(&session, &options()), parsed);
}

#[test]
fn linter_flags_what_the_fixture_lacks() {
    let session = fixture();
    let problems = lint_claimreview(&session, &options());
    let rules: Vec<LintRule> = problems.iter().map(|p| p.rule).collect();
    assert!(
        rules.contains(&LintRule::ClaimReviewedTooLong),
        "{problems:?}"
    );
    assert!(
        rules.contains(&LintRule::LabelWithoutRating),
        "{problems:?}"
    );
    assert!(!rules.contains(&LintRule::NoPublisherUrl));
    assert!(
        !rules.contains(&LintRule::RequiredFieldMissing),
        "{problems:?}"
    );

    let mut bare = options();
    bare.publisher = PublisherProfile::default();
    bare.review_url = None;
    let problems = lint_claimreview(&session, &bare);
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        text.iter().any(|p| p.starts_with("no-publisher-url")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|p| p.contains("required-field-missing: claim #") && p.contains("url is missing")),
        "{text:?}"
    );
    assert!(
        text.iter().any(|p| p.contains("author.name is missing")),
        "{text:?}"
    );
}

#[test]
fn web_annotation_selectors_point_at_the_article() {
    let session = fixture();
    let text = export(&session, ExportFormat::WebAnnotation, &options()).unwrap();
    let parsed: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed, to_web_annotation(&session, &options()));
    assert_eq!(parsed["type"], "AnnotationCollection");
    assert_eq!(parsed["@context"][0], "http://www.w3.org/ns/anno.jsonld");
    let items = parsed["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), session.claims.len());
    assert_eq!(parsed["total"], session.claims.len());
    let chars: Vec<char> = session.article.text.chars().collect();
    for (item, claim) in items.iter().zip(&session.claims) {
        assert_eq!(item["type"], "Annotation");
        let selectors = item["target"]["selector"].as_array().unwrap();
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let pos = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        let (start, end) = (
            pos["start"].as_u64().unwrap() as usize,
            pos["end"].as_u64().unwrap() as usize,
        );
        let exact: String = chars[start..end].iter().collect();
        assert_eq!(quote["exact"], exact.as_str());
        let prefix: String = chars[start.saturating_sub(32)..start].iter().collect();
        assert_eq!(quote["prefix"], prefix.as_str());
        let bodies = item["body"].as_array().unwrap();
        let verdict = bodies.iter().find(|b| b["purpose"] == "assessing").unwrap();
        assert_eq!(verdict["value"], session.scheme.name_of(&claim.status));
        let links = bodies.iter().filter(|b| b["purpose"] == "linking").count();
        assert_eq!(links, claim.sources.len());
    }
}

#[test]
fn csv_parses_back_one_row_per_claim() {
    let session = fixture();
    let text = export(&session, ExportFormat::Csv, &options()).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        headers,
        [
            "id", "status", "claim", "quote", "start", "end", "claimant", "sources", "note"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), session.claims.len());
    for (row, claim) in rows.iter().zip(&session.claims) {
        assert_eq!(&row[0], claim.id.to_string());
        assert_eq!(&row[2], claim.text);
        assert_eq!(&row[8], claim.note);
        let urls: Vec<&str> = if row[7].is_empty() {
            vec![]
        } else {
            row[7].split(SOURCE_SEPARATOR).collect()
        };
        let expected: Vec<&str> = claim.sources.iter().map(|s| s.url.as_str()).collect();
        assert_eq!(urls, expected);
    }
}

#[test]
fn reports_escape_markup_in_claims() {
    let session = fixture();
    assert!(
        session.claims.iter().any(|c| c.text.contains("<script>")),
        "the fixture must contain a claim with <script>"
    );
    let html = export(&session, ExportFormat::Html, &options()).unwrap();
    assert!(
        !html.to_lowercase().contains("<script"),
        "no script element may appear"
    );
    assert!(html.contains("&lt;script&gt;alert(&quot;boo&quot;)&lt;/script&gt;"));
    assert!(
        !html.contains("href=\"javascript:"),
        "unsafe URLs are never links"
    );
    let md = export(&session, ExportFormat::Markdown, &options()).unwrap();
    assert!(!md.contains("<script"), "Markdown must not carry raw HTML");
    assert!(md.contains("&lt;script&gt;"));
    assert!(md.contains("\\*proven\\*"), "Markdown emphasis is escaped");
    assert!(
        md.contains("\\[colds\\]"),
        "Markdown link syntax is escaped"
    );
    assert!(
        !md.contains("](javascript:"),
        "unsafe URLs are never Markdown links"
    );
}
