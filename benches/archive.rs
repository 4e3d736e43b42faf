//! Benchmarks of the archive on generated sessions (see `archive_gen`): searching
//! 100,000 claims, matching a 2,000-word article's sentences against them, an update
//! when nothing changed, and indexing new claims with the shipped model. Budgets and
//! results: docs/performance.md. Run with `cargo bench --bench archive`.
//!
//! Embedding 100,000 claims with the real model takes minutes, so the large archive is
//! embedded with the word-hash stand-in under the real model's id: searching and
//! matching then cost exactly what they cost on real embeddings (the query is embedded
//! by the real model; the archived vectors are the same size). The full-size indexing
//! with the real model is measured once by `examples/archive_scale.rs`.

#![allow(clippy::expect_used)] // benchmark set-up may stop on a broken temp dir

mod archive_gen;

use claimdesk::archive::{
    Archive, ArchiveDir, Embed, EmbedError, Embedder, MatchOptions, SearchOptions, UpdateOptions,
    WordHashEmbedder, add_paths, match_article, update,
};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

/// The stand-in embedder wearing the real model's id.
struct SameSize {
    id: [u8; 32],
    inner: WordHashEmbedder,
}

impl Embed for SameSize {
    fn model_id(&self) -> [u8; 32] {
        self.id
    }
    fn dim(&self) -> usize {
        self.inner.dim
    }
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        self.inner.embed(texts)
    }
}

fn add(dir: &ArchiveDir, folder: &Path, e: &dyn Embed) {
    add_paths(
        dir,
        &[folder.to_path_buf()],
        Some(e),
        &UpdateOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect("add");
}

fn large(c: &mut Criterion) {
    let model = Embedder::load_default().expect("the shipped model");
    let tmp = tempfile::tempdir().expect("temp dir");
    let folder = tmp.path().join("desk");
    archive_gen::write_archive(&folder, 10_000, 10, 7);
    let dir = ArchiveDir::new(tmp.path().join("index"));
    let same = SameSize {
        id: model.model_id(),
        inner: WordHashEmbedder::default(),
    };
    add(&dir, &folder, &same);
    let archive = Archive::open(&dir).expect("open");
    assert_eq!(archive.len(), 100_000);

    let queries = [
        "Unemployment rose by 40 percent in rural areas last year, the minister said",
        "petrol prices doubled since the election",
        "The mayor said crime fell across the country",
        "Is it true that child poverty tripled under the previous government?",
    ];
    let mut i = 0;
    let mut group = c.benchmark_group("archive");
    group.sample_size(20);
    group.bench_function("search_100k_claims", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            black_box(
                archive
                    .search(queries[i], &SearchOptions::default(), Some(&model))
                    .expect("search"),
            )
        })
    });

    let article = archive_gen::article(2_000, 11);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("match_2000_word_article_100k_claims", |b| {
        b.iter(|| {
            black_box(
                match_article(&archive, &article, Some(&model), &MatchOptions::default())
                    .expect("match"),
            )
        })
    });

    group.bench_function("update_100k_claims_nothing_changed", |b| {
        b.iter(|| {
            black_box(
                update(
                    &dir,
                    Some(&same),
                    &UpdateOptions::default(),
                    &mut |_| {},
                    &AtomicBool::new(false),
                )
                .expect("update"),
            )
        })
    });
    group.bench_function("open_100k_claims", |b| {
        b.iter(|| black_box(Archive::open(&dir).expect("open")))
    });
    group.finish();
}

fn indexing(c: &mut Criterion) {
    let model = Embedder::load_default().expect("the shipped model");
    let tmp = tempfile::tempdir().expect("temp dir");
    let folder = tmp.path().join("desk");
    archive_gen::write_archive(&folder, 100, 10, 3);
    let mut group = c.benchmark_group("archive");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(60));
    let mut run = 0;
    group.bench_function("add_1000_claims_with_the_model", |b| {
        b.iter(|| {
            run += 1;
            let dir = ArchiveDir::new(tmp.path().join(format!("index-{run}")));
            add(&dir, &folder, &model);
        })
    });
    group.finish();
}

criterion_group!(benches, large, indexing);
criterion_main!(benches);
