//! Replays the fuzz seed corpus (`fuzz/seeds/TARGET/`) and every input that ever
//! crashed a fuzz target (`fuzz/regressions/TARGET/`) through the targets' checks,
//! so a fixed crash stays fixed without running the fuzzer.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

mod common;

use common::fuzz_checks;
use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            if path.file_name().is_some_and(|n| n == ".gitkeep") {
                continue;
            }
            let data = std::fs::read(&path).unwrap();
            eprintln!("{target}: {}", path.display());
            check(&data);
            n += 1;
        }
    }
    assert!(n > 0, "no inputs for {target}");
}

#[test]
fn load_session_inputs() {
    replay("load_session", fuzz_checks::load_session);
}

#[test]
fn import_article_inputs() {
    replay("import_article", fuzz_checks::import_article);
}

#[test]
fn reanchor_inputs() {
    replay("reanchor", fuzz_checks::reanchor);
}

#[test]
fn import_html_inputs() {
    replay("import_html", fuzz_checks::import_html);
}

#[test]
fn import_pdf_inputs() {
    replay("import_pdf", fuzz_checks::import_pdf);
}
