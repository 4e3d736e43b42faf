//! Web pages: a few pages of the development set (Mozilla Readability's test pages,
//! Apache-2.0, see NOTICE) come in as their golden article texts, and hostile pages
//! get plain messages: huge, deeply nested, script-only, lying about their charset.
//!
//! `UPDATE_GOLDEN=1 cargo test --test import_html` rewrites the expected texts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::import::{
    ImportError, ImportOptions, Source, import_clipboard, import_file, import_source,
};
use claimdesk::model::ArticleKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// Pages copied from the development set, each with its expected article text
/// (`NAME.expected.txt`, Claimdesk's output, checked by hand against
/// Readability's `expected.html`).
const PAGES: [&str; 4] = ["ars-1", "lemonde-1", "daringfireball-1", "v8-blog"];

#[test]
fn development_pages_match_their_golden_text() {
    for name in PAGES {
        let a = import_file(&fixture(&format!("{name}.html"))).unwrap();
        assert_eq!(a.origin.kind, ArticleKind::Html, "{name}");
        let mut text = a.text.clone();
        text.push('\n');
        let golden = fixture(&format!("{name}.expected.txt"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&golden, &text).unwrap();
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        assert_eq!(text, want, "{name} differs; UPDATE_GOLDEN=1 rewrites it");
    }
}

fn write_temp(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

#[test]
fn a_hundred_megabyte_page_is_refused_with_its_size() {
    let mut page = b"<!DOCTYPE html><html><body>".to_vec();
    page.resize(100 << 20, b'a');
    let (_dir, path) = write_temp("huge.html", &page);
    let err = import_file(&path).unwrap_err();
    assert!(
        matches!(err, ImportError::PageTooLarge { megabytes: 100, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("100 MB"), "{err}");
}

#[test]
fn a_hundred_thousand_nested_tags_are_refused() {
    let mut page = String::from("<!DOCTYPE html><html><body>");
    page.push_str(&"<div>".repeat(100_000));
    page.push_str("text");
    let (_dir, path) = write_temp("deep.html", page.as_bytes());
    let err = import_file(&path).unwrap_err();
    assert!(matches!(err, ImportError::TooDeep { .. }), "{err:?}");
    // Nesting that real pages do (and unclosed paragraphs, which do not nest) still opens.
    let mut ok = String::from("<!DOCTYPE html><html><body>");
    ok.push_str(&"<div>".repeat(200));
    ok.push_str(
        &"<p>A paragraph of an article that is long enough to be read as one, with words. "
            .repeat(50),
    );
    let (_dir, path) = write_temp("nested.html", ok.as_bytes());
    assert!(import_file(&path).is_ok());
}

#[test]
fn a_script_only_page_has_no_article() {
    let page = "<!DOCTYPE html><html><head><title>App</title><script src=app.js></script></head><body><div id=root></div><noscript>Enable JavaScript.</noscript><script>boot()</script></body></html>";
    let (_dir, path) = write_temp("app.html", page.as_bytes());
    let err = import_file(&path).unwrap_err();
    assert!(matches!(err, ImportError::NoArticleText), "{err:?}");
    assert!(err.to_string().contains("New from clipboard"), "{err}");
}

#[test]
fn charsets_are_read_and_lies_caught() {
    let body = "<p>Le ministre a déclaré que les exportations de blé avaient doublé, atteignant douze millions de tonnes, un chiffre que les négociants contestent vivement depuis le début de l'année.</p>";
    let latin1: Vec<u8> = format!("<!DOCTYPE html><html><head><meta charset=\"iso-8859-1\"><title>Blé</title></head><body><article>{}</article></body></html>", body.repeat(3))
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    let (_d1, path) = write_temp("latin1.html", &latin1);
    let a = import_file(&path).unwrap();
    assert!(a.text.contains("déclaré"), "{}", a.text);
    assert_eq!(a.title, "Blé");
    // Declared Latin-1, really UTF-8: read as UTF-8.
    let lying = format!(
        "<!DOCTYPE html><html><head><meta charset=\"iso-8859-1\"><title>Blé</title></head><body><article>{}</article></body></html>",
        body.repeat(3)
    );
    let (_d2, path) = write_temp("lying.html", lying.as_bytes());
    let a = import_file(&path).unwrap();
    assert!(
        a.text.contains("déclaré") && !a.text.contains("Ã©"),
        "{}",
        a.text
    );
}

#[test]
fn the_original_is_fingerprinted_and_kept() {
    let page = std::fs::read(fixture("ars-1.html")).unwrap();
    let (dir, path) = write_temp("page.html", &page);
    let never = AtomicBool::new(false);
    let imported = import_source(
        &Source::File(path),
        &ImportOptions::default(),
        &never,
        &mut |_| {},
    )
    .unwrap();
    let mut article = imported.article;
    assert_eq!(
        article.origin.original_sha256.as_deref(),
        Some(claimdesk::model::sha256_hex_bytes(&page).as_str())
    );
    let session = dir.path().join("check.ron");
    let kept =
        claimdesk::import::keep_original(&session, &mut article, &imported.original).unwrap();
    assert_eq!(kept, dir.path().join("check.original.html"));
    assert_eq!(std::fs::read(kept).unwrap(), page);
    assert_eq!(
        article.origin.original_copy.as_deref(),
        Some("check.original.html")
    );
}

#[test]
fn a_copied_selection_is_cleaned() {
    let copied = r#"<meta charset="utf-8"><h2 style="font-size:2em">Port traffic fell by a third</h2><div class="share"><button>Share</button></div><p>Container traffic fell by a third, the authority said.</p><ul><li>2022: 1.8 million</li><li>2023: 1.2 million</li></ul>"#;
    let a = import_clipboard(Some(copied), Some("plain")).unwrap();
    assert_eq!(
        a.text,
        "Port traffic fell by a third\n\nContainer traffic fell by a third, the authority said.\n\n- 2022: 1.8 million\n- 2023: 1.2 million"
    );
}
