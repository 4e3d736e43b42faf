//! Benchmark of a three-way merge: two copies of a 10,000-claim session (about 1.2 MB
//! of article text, 3 sources per claim) with 1,000 edits on each side, some of them
//! on the same claims (conflicts). Budget: 1 s (docs/performance.md). Plain library
//! code: runs without the `gui` feature. Run with `cargo bench --bench merge`.

use claimdesk::command::{Command, apply};
use claimdesk::merge::{MergeLabels, diff, merge};
use claimdesk::model::{IdGenerator, Session, SourceDraft, Stance};
use claimdesk::sample::large_session;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// `edits` edits on a copy of `base`: verdicts, notes, new sources, new claims and
/// deletions, spread over the claims from `offset` on (so two sides overlap a little).
fn side(base: &Session, seed: u64, offset: usize, edits: usize) -> Session {
    let mut s = base.clone().with_ids(IdGenerator::seeded(seed));
    let n = base.claims.len();
    let chars = s.article.char_len();
    for k in 0..edits {
        let claim = base.claims[(offset + k * 7) % n].id;
        let command = match k % 5 {
            0 => Command::SetStatus {
                claim,
                status: s.scheme.labels[(k + seed as usize) % s.scheme.labels.len()]
                    .id
                    .clone(),
                by: format!("reviewer {seed}"),
                date: "2026-11-30".into(),
            },
            1 => Command::SetNote {
                claim,
                note: format!("note {seed}-{k}"),
            },
            2 => Command::AddSource {
                claim,
                draft: SourceDraft {
                    url: format!("https://example.org/{seed}/{k}"),
                    stance: Stance::Supports,
                    ..Default::default()
                },
            },
            3 => {
                let start = (k * 997 + seed as usize * 31) % (chars - 40);
                Command::AddClaim {
                    start,
                    end: start + 30,
                    claimant: String::new(),
                    attribution: None,
                }
            }
            _ => Command::DeleteClaim(base.claims[(offset + k * 13 + 1) % n].id),
        };
        let _ = apply(&mut s, command);
    }
    s
}

fn merge_10k(c: &mut Criterion) {
    let base = large_session(5_000, 10_000, 3);
    let ours = side(&base, 1, 0, 1_000);
    let theirs = side(&base, 2, 3_500, 1_000);
    let labels = MergeLabels::default();
    let outcome = merge(&base, &ours, &theirs, &labels);
    eprintln!(
        "merged: {} claims, {} conflicts, {} renumbered",
        outcome.session.claims.len(),
        outcome.new_conflicts,
        outcome.renumbered.len()
    );
    let mut group = c.benchmark_group("merge");
    group.sample_size(10);
    group.bench_function("merge_10k_claims_1000_edits_per_side", |b| {
        b.iter(|| black_box(merge(&base, &ours, &theirs, &labels)))
    });
    group.bench_function("diff_10k_claims_1000_edits", |b| {
        b.iter(|| black_box(diff(&base, &ours)))
    });
    group.finish();
}

criterion_group!(benches, merge_10k);
criterion_main!(benches);
