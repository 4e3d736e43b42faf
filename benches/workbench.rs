//! Benchmarks of the workbench on a large generated session (about 1.2 MB of article
//! text in 5,000 paragraphs, claims with 3 sources each). Budgets and latest results:
//! docs/performance.md. Run with `cargo bench --bench workbench`.

// A benchmark that cannot set up should stop loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claimdesk::model::Session;
use claimdesk::sample::large_session;
use claimdesk::store::{load_session, save_session};
use claimdesk::ui::{ClaimdeskApp, StartOptions};
use divan::{Bencher, black_box};

const PARAGRAPHS: usize = 5_000;

fn main() {
    divan::main();
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

/// One full UI pass of the app, scrolled to the middle of the article with the middle
/// claim selected, for 100 and for 10,000 claims on the same article.
#[divan::bench(args = [100, 10_000], sample_count = 200)]
fn frame(bencher: Bencher, claims: usize) {
    let session = large_session(PARAGRAPHS, claims, 3);
    let middle = session.claims[session.claims.len() / 2].id;
    let ctx = egui::Context::default();
    let mut app = ClaimdeskApp::with_options(
        &ctx,
        StartOptions {
            session: Some(session),
            ..Default::default()
        },
    );
    app.select_claim(middle);
    // Settle: first layouts, scrolling to the claim, caches filled.
    for _ in 0..10 {
        let _ = ctx.run_ui(input(), |ui| app.show(ui));
    }
    bencher.bench_local(|| black_box(ctx.run_ui(input(), |ui| app.show(ui))));
}

fn session_10k() -> Session {
    large_session(PARAGRAPHS, 10_000, 3)
}

/// Saving a 10,000-claim session: RON, temporary file, fsync, backup, rename.
#[divan::bench(sample_count = 20)]
fn save_10k_claims(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.ron");
    let session = session_10k();
    bencher.bench_local(|| save_session(&path, black_box(&session), None).expect("save"));
}

/// Loading a 10,000-claim session: read, parse, validate.
#[divan::bench(sample_count = 20)]
fn load_10k_claims(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.ron");
    save_session(&path, &session_10k(), None).expect("save");
    bencher.bench_local(|| black_box(load_session(&path).expect("load")));
}

/// Serialising alone (no disk), to see where save time goes.
#[divan::bench(sample_count = 20)]
fn serialise_10k_claims(bencher: Bencher) {
    let session = session_10k();
    bencher.bench_local(|| black_box(claimdesk::store::to_ron(&session)));
}
