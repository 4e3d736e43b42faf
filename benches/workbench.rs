//! Benchmarks of the workbench on a large generated session (about 1.2 MB of article
//! text in 5,000 paragraphs, claims with 3 sources each). Budgets and latest results:
//! docs/performance.md. Run with `cargo bench --bench workbench` (needs the `gui`
//! feature; saving, loading and re-anchoring are in `benches/store.rs`).

use claimdesk::sample::large_session;
use claimdesk::ui::{ClaimdeskApp, StartOptions};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const PARAGRAPHS: usize = 5_000;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

/// One full UI pass of the app, scrolled to the middle of the article with the
/// middle claim selected, for 100 and for 10,000 claims on the same article.
fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    for claims in [100, 10_000] {
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
        group.bench_function(format!("{claims}_claims"), |b| {
            b.iter(|| black_box(ctx.run_ui(input(), |ui| app.show(ui))));
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = frame
}
criterion_main!(benches);
