//! Benchmarks of importing a generated 5 MB web page (an article of 2,000
//! paragraphs inside navigation, sidebars, scripts and comments) and a generated
//! 100-page PDF (50 lines a page, a running header and page numbers). Budgets and
//! latest results: docs/performance.md. Run with `cargo bench --bench import`.

#![allow(clippy::expect_used)] // benchmark set-up may stop on a broken input

#[path = "../tests/support/minipdf.rs"]
mod minipdf;

use claimdesk::import::worker::Stop;
use claimdesk::import::{html, pdf};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// A page of about 5 MB: boilerplate around a long article.
fn big_page() -> Vec<u8> {
    let mut page = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>A long report | Example News</title>\
         <meta property=\"og:site_name\" content=\"Example News\"><script>var config = {\"a\": 1};</script>\
         <style>body { font-family: serif }</style></head><body>",
    );
    page.push_str("<nav><ul>");
    for i in 0..200 {
        page.push_str(&format!(
            "<li><a href=\"/section/{i}\">Section {i}</a></li>"
        ));
    }
    page.push_str("</ul></nav><main><article><h1>A long report</h1>");
    let mut i = 0;
    while page.len() < 4_600_000 {
        if i % 20 == 0 {
            page.push_str(&format!("<h2>Part {}</h2>", i / 20));
        }
        page.push_str(&format!(
            "<p>Paragraph {i}: the harbour authority reported that container traffic fell by a third in 2023, \
             while the rival port across the bay <a href=\"/x/{i}\">reported record volumes</a>; analysts said the \
             figures were not comparable because of a change in how transhipment is counted, and the ministry \
             declined to comment on the difference between the two sets of numbers published this week.</p>"
        ));
        i += 1;
    }
    page.push_str("</article><aside>");
    while page.len() < 5_000_000 {
        page.push_str("<div class=\"comment\"><p>A reader's comment that is not part of the article.</p><button>Reply</button></div>");
    }
    page.push_str("</aside></main><footer>© Example News</footer></body></html>");
    page.into_bytes()
}

fn import_page(c: &mut Criterion) {
    let page = big_page();
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
