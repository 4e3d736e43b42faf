//! Throughput of sentence splitting plus check-worthiness scoring on a generated
//! news-like article of more than 1 MB; `suggest` on one sentence of "according to "
//! repeated 20,000 to 80,000 times (it was quadratic); and `paragraph_ranges` on a
//! 20 MB article. Run with `cargo bench --bench suggest`; criterion prints the
//! throughput (`thrpt`) of each. Memory: `cargo bench --bench suggest_memory`.
//! Results: docs/performance.md, "Suggestions".

#[path = "common/articles.rs"]
#[allow(dead_code)] // The memory bench uses the other generators.
mod articles;

use claimdesk::extract::checkworthiness::Model;
use claimdesk::extract::features::Features;
use claimdesk::extract::{SentenceKind, segment, suggest};
use claimdesk::model::paragraph_ranges;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// Size of the generated article.
const BYTES: usize = 1_200_000;

fn split_and_score(text: &str, model: &Model) -> f32 {
    let mut buf = Features::default();
    let mut total = 0.0;
    for s in segment(text) {
        if s.kind == SentenceKind::Body {
            total += model.score_with(&text[s.byte_start..s.byte_end], &mut buf);
        }
    }
    total
}

/// Splitting alone; splitting and scoring every body sentence (the budgeted path:
/// at least 5 MB/s on one core); and the whole `suggest` (plus reasons and claimants).
fn stages(c: &mut Criterion) {
    let text = articles::news(BYTES, "\n\n");
    let Ok(model) = Model::embedded() else {
        eprintln!("the embedded model does not parse");
        return;
    };
    let mut group = c.benchmark_group("suggestions");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("split", |b| b.iter(|| segment(black_box(&text))));
    group.bench_function("split_and_score", |b| {
        b.iter(|| split_and_score(black_box(&text), model))
    });
    group.bench_function("suggest", |b| b.iter(|| suggest(black_box(&text))));
    group.finish();
}

/// One sentence of "according to " × n: the time per byte must not grow with n.
fn according_to(c: &mut Criterion) {
    let mut group = c.benchmark_group("according_to");
    group.sample_size(10);
    for n in [20_000, 40_000, 80_000] {
        let text = articles::according_to(n);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| suggest(black_box(text)))
        });
    }
    group.finish();
}

/// Paragraph ranges (the article view's layout, and the hard-wrap decision) on a
/// 20 MB article, with blank lines and with one paragraph per line.
fn paragraphs(c: &mut Criterion) {
    let mut group = c.benchmark_group("paragraph_ranges");
    group.sample_size(10);
    for (name, separator) in [("blank_lines", "\n\n"), ("line_per_paragraph", "\n")] {
        let text = articles::news(20_000_000, separator);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
            b.iter(|| paragraph_ranges(black_box(text)))
        });
    }
    group.finish();
}

criterion_group!(benches, stages, according_to, paragraphs);
criterion_main!(benches);
