//! Benchmarks of importing a generated 5 MB web page (an article of 2,000
//! paragraphs inside navigation, sidebars, scripts and comments) and a generated
//! 100-page PDF (50 lines a page, a running header and page numbers). Budgets and
//! latest results: docs/performance.md. Run with `cargo bench --bench import`.

#![allow(clippy::expect_used)] // benchmark set-up may stop on a broken input

#[path = "../tests/support/big_page.rs"]
mod big_page;
#[path = "../tests/support/minipdf.rs"]
mod minipdf;

use claimdesk::import::worker::Stop;
use claimdesk::import::{html, pdf};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn import_page(c: &mut Criterion) {
    let page = big_page::big_page();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("web_page_5mb", |b| {
        b.iter(|| {
            html::import_html_bytes(black_box(&page), None, None, &Stop::never()).expect("a page")
        })
    });
    let pdf_bytes = minipdf::text_pdf(&minipdf::report_pages(100, 50));
    group.bench_function("pdf_100_pages", |b| {
        b.iter(|| {
            pdf::extract(black_box(&pdf_bytes), &Stop::never())
                .expect("a pdf")
                .into_article()
                .expect("an article")
        })
    });
    group.finish();
}

criterion_group!(benches, import_page);
criterion_main!(benches);
