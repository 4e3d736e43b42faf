//! Benchmarks of saving, loading and re-anchoring a large generated session (about
//! 1.2 MB of article text in 5,000 paragraphs, 10,000 claims with 3 sources each).
//! Plain library code: runs without the `gui` feature. Budgets and latest results:
//! docs/performance.md. Run with `cargo bench --bench store`.

#![allow(clippy::expect_used)] // benchmark set-up may stop on a broken temp dir

use claimdesk::import::import_text;
use claimdesk::model::{Article, Session};
use claimdesk::reanchor::reanchor;
use claimdesk::sample::large_session;
use claimdesk::store::{load_session, save_session};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const PARAGRAPHS: usize = 5_000;

fn session_10k() -> Session {
    large_session(PARAGRAPHS, 10_000, 3)
}

fn save_and_load(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.ron");
    let session = session_10k();
    c.bench_function("save_10k_claims", |b| {
        b.iter(|| save_session(&path, black_box(&session), None).expect("save"))
    });
    save_session(&path, &session, None).expect("save");
    c.bench_function("load_10k_claims", |b| {
        b.iter(|| black_box(load_session(&path).expect("load")))
    });
}

/// The article after a typical correction near its start: a paragraph inserted
/// after the headline, a figure corrected in the first paragraph and a word changed
/// in the second. Imported the way `claimdesk reanchor` imports the new version.
fn edited_article(session: &Session) -> Article {
    let mut paragraphs: Vec<String> = session
        .article
        .text
        .split("\n\n")
        .map(str::to_owned)
        .collect();
    assert!(paragraphs.len() > 3, "the generated article has paragraphs");
    paragraphs[1] = paragraphs[1].replacen("4,200 troops", "4,300 troops", 1);
    paragraphs[2] = paragraphs[2].replacen("taxpayers", "tax payers", 1);
    paragraphs.insert(
        1,
        "Editor's note: this article was updated on Friday to correct the number of troops."
            .to_owned(),
    );
    import_text(&paragraphs.join("\n\n"), Some("generated".into())).expect("import")
}

fn reanchor_10k(c: &mut Criterion) {
    let session = session_10k();
    let article = edited_article(&session);
    c.bench_function("reanchor_10k_claims", |b| {
        b.iter(|| black_box(reanchor(&session, article.clone())))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = save_and_load, reanchor_10k
}
criterion_main!(benches);
