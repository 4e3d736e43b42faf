//! Throughput of sentence splitting plus check-worthiness scoring on a generated
//! news-like article of more than 1 MB. Run with `cargo bench --bench suggest`;
//! criterion prints the throughput (`thrpt`) of each stage. Results:
//! docs/performance.md, "Suggestions".

use claimdesk::extract::checkworthiness::Model;
use claimdesk::extract::features::Features;
use claimdesk::extract::{SentenceKind, segment, suggest};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// Size of the generated article.
const BYTES: usize = 1_200_000;

/// A deterministic article of at least `min_bytes`: a title, then paragraphs of
/// news-like sentences (numbers, names, quotes, abbreviations, attributions),
/// with subheadings and captions now and then.
fn article(min_bytes: usize) -> String {
    const SUBJECTS: &[&str] = &[
        "Russian Foreign Minister Sergei Lavrov",
        "The U.S. Department of Defense",
        "Dr. Amina Yusuf of the World Health Organization",
        "The central bank",
        "Officials in Kabul",
        "Acme Corp.",
        "Mr. Kabulov",
        "The ministry",
    ];
    const VERBS: &[&str] = &[
        "said",
        "reported",
        "stressed",
        "noted",
        "warned",
        "confirmed",
    ];
    const FACTS: &[&str] = &[
        "unemployment rose to 7.4 percent in March, the highest level since 2009",
        "the base in Tajikistan has about 6,000 soldiers",
        "exports fell by $3.2 billion, or 12%, compared with a year earlier",
        "the talks would resume at 9 a.m. on Jan. 5 in Geneva",
        "more than 500 families had been moved from the border area",
        "the new rules would cost taxpayers roughly €40 million a year",
    ];
    const CHATTER: &[&str] = &[
        "It was a long day for everyone involved.",
        "What happens next is anyone's guess...",
        "“We will see,” one diplomat said with a smile.",
        "The mood in the room was tense!",
        "Details are available at https://example.org/report.html for readers.",
    ];
    let mut seed: u64 = 42;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % n
    };
    let mut out = String::from("Putin offers Washington his bases, report says\nPhoto: AP\n\n");
    let mut para = 0;
    while out.len() < min_bytes {
        para += 1;
        if para % 9 == 0 {
            out.push_str("A difficult situation\n\n");
        }
        if para % 13 == 0 {
            out.push_str("Soldiers patrol near the border in Kandahar (Reuters)\n\n");
        }
        for _ in 0..4 + next(3) {
            if next(3) == 0 {
                out.push_str(CHATTER[next(CHATTER.len())]);
            } else {
                out.push_str(&format!(
                    "{} {} that {}.",
                    SUBJECTS[next(SUBJECTS.len())],
                    VERBS[next(VERBS.len())],
                    FACTS[next(FACTS.len())]
                ));
            }
            out.push(' ');
        }
        out.pop();
        out.push_str("\n\n");
    }
    out
}

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
    let text = article(BYTES);
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

criterion_group!(benches, stages);
criterion_main!(benches);
