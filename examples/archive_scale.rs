//! Indexes a generated archive with the shipped model, once at full size, and times
//! what a desk would notice: the first indexing, an update when one session changed,
//! opening the index, a search, and matching a 2,000-word article. The results are in
//! docs/performance.md.
//!
//! ```sh
//! cargo run --release --example archive_scale -- [CLAIMS (default 100000)] [WORK_DIR]
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A measuring tool: fail loudly.

#[path = "../benches/archive_gen/mod.rs"]
mod archive_gen;

use claimdesk::archive::{
    Archive, ArchiveDir, Embedder, MatchOptions, SearchOptions, Stage, UpdateOptions, add_paths,
    match_article, update,
};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let claims: usize = args
        .get(1)
        .map_or(100_000, |a| a.parse().expect("a number of claims"));
    let tmp = tempfile::tempdir().unwrap();
    let work = args
        .get(2)
        .map_or_else(|| tmp.path().to_path_buf(), PathBuf::from);
    let per_session = 10;
    let folder = work.join("desk");
    let t = Instant::now();
    archive_gen::write_archive(&folder, claims / per_session, per_session, 7);
    println!(
        "wrote {} sessions in {:.1?}",
        claims / per_session,
        t.elapsed()
    );

    let t = Instant::now();
    let model = Embedder::load_default().unwrap();
    println!("loaded the model in {:.2?}", t.elapsed());

    let dir = ArchiveDir::new(work.join("index"));
    let t = Instant::now();
    let mut last = Instant::now();
    let report = add_paths(
        &dir,
        std::slice::from_ref(&folder),
        Some(&model),
        &UpdateOptions::default(),
        &mut |p| {
            if p.stage == Stage::Embedding && last.elapsed().as_secs() >= 30 {
                last = Instant::now();
                eprintln!(
                    "  embedding {} of {} after {:.0?}",
                    p.done,
                    p.total,
                    t.elapsed()
                );
            }
        },
        &AtomicBool::new(false),
    )
    .unwrap();
    println!(
        "first indexing: {} claims, {} embeddings, in {:.1?}",
        report.claims,
        report.embedded,
        t.elapsed()
    );

    // One session changes: a claim reworded.
    let changed = folder.join("session-00003.ron");
    let text = std::fs::read_to_string(&changed).unwrap();
    let edited = text.replacen("The ", "Our ", 1);
    std::fs::write(&changed, edited).unwrap();
    let t = Instant::now();
    let report = update(
        &dir,
        Some(&model),
        &UpdateOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    println!(
        "update after one session changed: {} changed, {} unchanged, {} embeddings, in {:.2?}",
        report.changed,
        report.unchanged,
        report.embedded,
        t.elapsed()
    );

    let t = Instant::now();
    let archive = Archive::open(&dir).unwrap();
    println!("opened {} claims in {:.2?}", archive.len(), t.elapsed());

    let mut times = Vec::new();
    for q in [
        "Unemployment rose by 40 percent in rural areas last year, the minister said",
        "petrol prices doubled since the election",
        "The mayor said crime fell across the country",
        "child poverty tripled under the previous government",
        "rents grew by 12 percent in the capital",
    ] {
        let t = Instant::now();
        let hits = archive
            .search(q, &SearchOptions::default(), Some(&model))
            .unwrap();
        times.push(t.elapsed());
        assert!(!hits.is_empty());
    }
    times.sort();
    println!("search: median {:.1?}, worst {:.1?}", times[2], times[4]);

    let article = archive_gen::article(2_000, 11);
    let t = Instant::now();
    let items = match_article(&archive, &article, Some(&model), &MatchOptions::default()).unwrap();
    println!(
        "matched a {}-word article: {} sentences checked before, in {:.2?}",
        article.split_whitespace().count(),
        items.len(),
        t.elapsed()
    );
}
