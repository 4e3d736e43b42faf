//! Times one import of the benchmark inputs (a generated 5 MB web page and
//! 100-page PDF) without criterion, for a quick look in any build profile:
//! `cargo run --release --example time_import`. The real measurement is
//! `cargo bench --bench import` (docs/performance.md).
#![allow(clippy::unwrap_used, clippy::expect_used)] // A measuring tool.

#[path = "../tests/support/big_page.rs"]
mod big_page;
#[path = "../tests/support/minipdf.rs"]
mod minipdf;

use claimdesk::import::worker::Stop;
use claimdesk::import::{html, pdf};
use std::time::Instant;

fn main() {
    let page = big_page::big_page();
    let doc = minipdf::text_pdf(&minipdf::report_pages(100, 50));
    for round in 0..3 {
        let t = Instant::now();
        let a = html::import_html_bytes(&page, None, None, &Stop::never()).unwrap();
        let page_time = t.elapsed();
        let t = Instant::now();
        let p = pdf::extract(&doc, &Stop::never())
            .unwrap()
            .into_article()
            .unwrap();
        let pdf_time = t.elapsed();
        println!(
            "round {round}: web page {:.1} MB -> {} words in {page_time:?}; PDF 100 pages ({} kB) -> {} words in {pdf_time:?}",
            page.len() as f64 / 1e6,
            a.word_count(),
            doc.len() / 1000,
            p.word_count()
        );
    }
}
