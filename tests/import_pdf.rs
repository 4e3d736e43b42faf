//! PDFs: the fixtures made with LibreOffice (`tests/fixtures/import/make_pdfs.py`)
//! come in as clean paragraphs with their pages, and bad or hostile PDFs get
//! their own plain messages, never a panic, hang or runaway memory.
//!
//! `UPDATE_GOLDEN=1 cargo test --test import_pdf` rewrites the expected texts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

#[path = "support/minipdf.rs"]
mod minipdf;

use claimdesk::import::{ImportError, ImportOptions, PdfError, Source, import_source};
use claimdesk::model::{Article, ArticleKind};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn import_path(path: &Path) -> Result<Article, ImportError> {
    let never = AtomicBool::new(false);
    import_source(
        &Source::File(path.into()),
        &ImportOptions::default(),
        &never,
        &mut |_| {},
    )
    .map(|i| i.article)
}

fn import_bytes(bytes: &[u8]) -> Result<Article, ImportError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.pdf");
    std::fs::write(&path, bytes).unwrap();
    import_path(&path)
}

/// Compares with the golden text, or rewrites it under `UPDATE_GOLDEN=1`.
fn golden(name: &str, text: &str) {
    let path = fixture(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, text).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(text, want, "{name} differs; UPDATE_GOLDEN=1 rewrites it");
}

#[test]
fn a_report_becomes_paragraphs_with_pages() {
    let a = import_path(&fixture("report.pdf")).unwrap();
    golden("report.expected.txt", &a.text);
    assert_eq!(a.origin.kind, ArticleKind::Pdf);
    assert_eq!(a.title, "Port traffic fell by a third in 2023");
    assert_eq!(a.meta.byline, "Harbour Authority");
    // Running header, footer and page numbers are gone.
    assert!(!a.text.contains("Annual Report 2023"), "{}", a.text);
    assert!(!a.text.contains("Page 1"), "{}", a.text);
    // Words split at line ends are whole again; compounds keep their hyphen.
    assert!(a.text.contains("neighbouring countries"), "{}", a.text);
    assert!(!a.text.contains("neigh-"), "{}", a.text);
    // Headings are paragraphs of their own; the table keeps its cells.
    assert!(
        a.text.contains("\n\n1. Summary\n\n")
            || a.text.contains("\n\n## 1. Summary\n\n")
            || a.text.contains("\n1. Summary\n"),
        "{}",
        a.text
    );
    assert!(a.text.contains("2021 | 1.7 | 2,310"), "{}", a.text);
    // Each paragraph knows its page.
    let last = a.text.find("The authority expects traffic").unwrap();
    let last = a.text[..last].chars().count();
    assert_eq!(a.page_at(last), Some(2));
    assert_eq!(a.page_at(0), Some(1));
    assert_eq!(a.page_label(last..last + 10).as_deref(), Some("p. 2"));
}

#[test]
fn two_columns_are_read_in_order() {
    let a = import_path(&fixture("columns.pdf")).unwrap();
    golden("columns.expected.txt", &a.text);
    let mut at = 0;
    for i in 1..=8 {
        let found = a.text[at..]
            .find(&format!("Paragraph {i} of the columns."))
            .unwrap_or_else(|| panic!("paragraph {i} out of order in {}", a.text));
        at += found;
    }
    assert!(
        a.text.trim_end().ends_with("below both columns."),
        "{}",
        a.text
    );
    assert!(
        a.text.contains("telecommunications infrastructure"),
        "{}",
        a.text
    );
}

#[test]
fn encrypted_and_scanned_pdfs_say_so() {
    let err = import_path(&fixture("encrypted.pdf")).unwrap_err();
    assert!(
        matches!(err, ImportError::Pdf(PdfError::Encrypted)),
        "{err:?}"
    );
    assert!(err.to_string().contains("password"), "{err}");

    let err = import_bytes(&minipdf::image_only_pdf(3)).unwrap_err();
    assert!(
        matches!(err, ImportError::Pdf(PdfError::NoText { pages: 3 })),
        "{err:?}"
    );
    assert!(err.to_string().contains("no text layer"), "{err}");
}

#[test]
fn generated_pages_are_read_with_headers_and_numbers_dropped() {
    let pdf = minipdf::text_pdf(&minipdf::report_pages(5, 20));
    let a = import_bytes(&pdf).unwrap();
    assert!(
        !a.text.contains("Harbour Authority Annual Report"),
        "{}",
        &a.text[..300]
    );
    assert_eq!(a.origin.pages.len(), 5, "{:?}", a.origin.pages);
    assert_eq!(
        a.origin.pages.iter().map(|p| p.0).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
}

#[test]
fn truncated_and_garbage_pdfs_are_damaged_not_a_crash() {
    let whole = std::fs::read(fixture("report.pdf")).unwrap();
    for cut in [10, 400, whole.len() / 2, whole.len() - 20] {
        match import_bytes(&whole[..cut]) {
            Err(ImportError::Pdf(PdfError::Damaged { .. } | PdfError::NoText { .. })) => {}
            // lopdf can rebuild a file cut near its end from its objects.
            Ok(a) => assert!(!a.text.is_empty()),
            Err(other) => panic!("cut at {cut}: {other:?}"),
        }
    }
    let err = import_bytes(b"%PDF-1.7\n garbage \x00\x01\x02").unwrap_err();
    assert!(
        matches!(err, ImportError::Pdf(PdfError::Damaged { .. })),
        "{err:?}"
    );
    assert!(err.to_string().contains("damaged"), "{err}");
}

#[test]
fn a_pdf_bomb_is_refused_before_parsing() {
    use flate2::Compression;
    use flate2::write::ZlibEncoder;
    use std::io::Write;
    // A page whose content stream inflates to 1 GB of spaces (about 1 MB on disk).
    let mut e = ZlibEncoder::new(Vec::new(), Compression::best());
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..1024 {
        e.write_all(&spaces).unwrap();
    }
    let bomb = e.finish().unwrap();
    let mut pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Count 1 /Kids [3 0 R] >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n4 0 obj\n".to_vec();
    pdf.extend_from_slice(
        format!(
            "<< /Length {} /Filter /FlateDecode >>\nstream\n",
            bomb.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(&bomb);
    pdf.extend_from_slice(b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    let start = Instant::now();
    let err = import_bytes(&pdf).unwrap_err();
    assert!(
        matches!(err, ImportError::Pdf(PdfError::Bomb { .. })),
        "{err:?}"
    );
    assert!(start.elapsed() < Duration::from_secs(20));
}

#[test]
fn ten_thousand_pages_are_refused_quickly() {
    let pages = vec![vec!["x".to_owned()]; 10_000];
    let pdf = minipdf::text_pdf(&pages);
    let start = Instant::now();
    let err = import_bytes(&pdf).unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::Pdf(PdfError::TooManyPages { pages: 10_000, .. })
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("10000 pages"), "{err}");
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn a_slow_pdf_is_stopped_at_the_time_limit() {
    let pdf = minipdf::text_pdf(&minipdf::report_pages(400, 40));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let options = ImportOptions {
        pdf_time_limit: Duration::from_millis(1),
        ..ImportOptions::default()
    };
    let never = AtomicBool::new(false);
    let err = import_source(&Source::File(path), &options, &never, &mut |_| {}).unwrap_err();
    assert!(
        matches!(err, ImportError::TimedOut { what: "PDF", .. }),
        "{err:?}"
    );
}
