//! Measures the archive's claim matching on the CLEF 2020 CheckThat! task 2 data
//! (tweets that repeat claims Snopes checked; see `docs/archive.md`): MAP@5 for BM25
//! alone, embeddings alone and the fusion; tunes the fusion and the match threshold on
//! the training split and reports them on the development split, with what search's
//! meaning floor would leave out.
//!
//! ```sh
//! cargo run --release --example eval_archive -- ../shared/data/claim-matching [INDEX_DIR]
//! ```
//!
//! The verified claims are written as a ClaimReview file into INDEX_DIR (a temporary
//! folder by default; give one to keep the index and its embeddings between runs) and
//! indexed with the library's own `add_paths`, exactly as a desk would import reviews.
//! Nothing of the data is written anywhere else. Tweets have their links removed first
//! (`https://t.co/…`, `pic.twitter.com/…`): they are not words of the claim.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A measuring tool: fail loudly.

use claimdesk::archive::{
    Archive, ArchiveDir, Candidate, DEFAULT_MATCH_THRESHOLD, Embedder, Filters, Fusion,
    MEANING_FLOOR, Origin, UpdateOptions, add_paths,
};
use serde_json::json;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

/// How deep each ranking is read.
const DEPTH: usize = 100;

struct Query {
    relevant: String,
    /// (vclaim id, bm25, cosine) for every candidate.
    candidates: Vec<(String, f32, Option<f32>)>,
}

fn read_tsv(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .flexible(true)
        .has_headers(true)
        .from_path(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn strip_links(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        // "…#Tagshttps://t.co/x" glues a link to the last word.
        let cut = ["https://", "http://", "pic.twitter.com/"]
            .iter()
            .filter_map(|p| word.find(p))
            .min()
            .unwrap_or(word.len());
        let kept = &word[..cut];
        if !kept.is_empty() {
            out.push_str(kept);
            out.push(' ');
        }
    }
    out.trim().to_owned()
}

fn ap_at_5(ranked: &[&str], relevant: &str) -> f64 {
    ranked
        .iter()
        .take(5)
        .position(|id| *id == relevant)
        .map_or(0.0, |p| 1.0 / (p as f64 + 1.0))
}

/// MAP@5 when candidates are ranked by `score` (higher first; ties by id).
fn map5(queries: &[Query], score: impl Fn(f32, Option<f32>) -> f32) -> f64 {
    let mut total = 0.0;
    for q in queries {
        let mut ranked: Vec<(f32, &str)> = q
            .candidates
            .iter()
            .map(|(id, b, c)| (score(*b, *c), id.as_str()))
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        let ids: Vec<&str> = ranked.iter().map(|r| r.1).collect();
        total += ap_at_5(&ids, &q.relevant);
    }
    total / queries.len().max(1) as f64
}

/// For a threshold: the share of queries whose right claim is ranked first and scores
/// at least it (found), and the share whose best wrong claim scores at least it (what a
/// sentence with no earlier check would bring up: a false alarm). With `close`, a claim
/// at least that close in meaning (cosine) passes too, whatever its score.
fn at_threshold(queries: &[Query], fusion: Fusion, t: f32, close: Option<f32>) -> (f64, f64) {
    let passes = |s: f32, c: Option<f32>| s >= t || close.zip(c).is_some_and(|(m, c)| c >= m);
    let (mut found, mut false_alarm) = (0usize, 0usize);
    for q in queries {
        let mut best_right = (f32::MIN, false);
        let mut best_wrong = f32::MIN;
        let mut wrong_passes = false;
        for (id, b, c) in &q.candidates {
            let s = fusion.score(*b, *c);
            if *id == q.relevant {
                if s > best_right.0 {
                    best_right = (s, passes(s, *c));
                }
            } else {
                best_wrong = best_wrong.max(s);
                wrong_passes |= passes(s, *c);
            }
        }
        if best_right.1 && best_right.0 > best_wrong {
            found += 1;
        }
        if wrong_passes {
            false_alarm += 1;
        }
    }
    let n = queries.len().max(1) as f64;
    (found as f64 / n, false_alarm as f64 / n)
}

/// For a meaning floor: the share of queries whose right claim shares no word with the
/// query and is less close in meaning than the floor (a search would leave it out), and
/// the share of the top five hits (shipped fusion) that the floor leaves out.
fn below_floor(queries: &[Query], fusion: Fusion, floor: f32) -> (f64, f64) {
    let (mut lost, mut dropped, mut shown) = (0usize, 0usize, 0usize);
    for q in queries {
        let under = |b: f32, c: Option<f32>| b <= 0.0 && c.is_none_or(|c| c < floor);
        if q.candidates
            .iter()
            .any(|(id, b, c)| *id == q.relevant && under(*b, *c))
        {
            lost += 1;
        }
        let mut ranked: Vec<(f32, f32, Option<f32>)> = q
            .candidates
            .iter()
            .map(|(_, b, c)| (fusion.score(*b, *c), *b, *c))
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (_, b, c) in ranked.into_iter().take(5) {
            shown += 1;
            if under(b, c) {
                dropped += 1;
            }
        }
    }
    (
        lost as f64 / queries.len().max(1) as f64,
        dropped as f64 / shown.max(1) as f64,
    )
}

fn queries_of(
    archive: &Archive,
    model: &Embedder,
    dir: &Path,
    vclaim_of: &HashMap<u64, String>,
) -> Vec<Query> {
    let tweets = read_tsv(&dir.join("tweets.queries.tsv"));
    let qrels = std::fs::read_to_string(dir.join("tweet-vclaim-pairs.qrels")).unwrap();
    let relevant: HashMap<&str, &str> = qrels
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f.len() == 4).then(|| (f[0], f[2]))
        })
        .collect();
    let texts: Vec<(String, String)> = tweets
        .iter()
        .filter(|r| r.len() >= 2)
        .filter_map(|r| {
            let rel = relevant.get(r[0].as_str())?;
            Some((rel.to_string(), strip_links(&r[1])))
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(|(_, t)| t.as_str()).collect();
    let vectors = model.embed(&refs).unwrap();
    let candidates = archive
        .candidates(&refs, Some(&vectors), &Filters::default(), DEPTH)
        .unwrap();
    texts
        .iter()
        .zip(candidates)
        .map(|((rel, _), cands)| Query {
            relevant: rel.clone(),
            candidates: cands
                .into_iter()
                .filter_map(|c: Candidate| Some((vclaim_of.get(&c.key)?.clone(), c.bm25, c.cosine)))
                .collect(),
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = PathBuf::from(
        args.get(1)
            .expect("usage: eval_archive DATA_DIR [INDEX_DIR]"),
    );
    let tmp = tempfile::tempdir().unwrap();
    let index_dir = args
        .get(2)
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&index_dir).unwrap();

    // The verified claims as published reviews.
    let claims = read_tsv(&data.join("verified_claims.docs.tsv"));
    let reviews: Vec<_> = claims
        .iter()
        .filter(|r| r.len() >= 3)
        .map(|r| {
            json!({"@type": "ClaimReview", "url": format!("https://vclaim.invalid/{}", r[0]),
                   "claimReviewed": r[1], "headline": r[2],
                   "reviewRating": {"@type": "Rating", "alternateName": "Checked"}})
        })
        .collect();
    let feed = index_dir.join("verified_claims.jsonld");
    std::fs::write(&feed, serde_json::to_vec(&reviews).unwrap()).unwrap();

    let t = Instant::now();
    let model = Embedder::load_default().unwrap();
    eprintln!("model loaded in {:.2?}", t.elapsed());
    let dir = ArchiveDir::new(index_dir.join("index"));
    let t = Instant::now();
    let report = add_paths(
        &dir,
        &[feed],
        Some(&model),
        &UpdateOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    eprintln!(
        "indexed {} claims ({} embeddings computed) in {:.1?}",
        report.claims,
        report.embedded,
        t.elapsed()
    );
    let archive = Archive::open(&dir).unwrap();
    let vclaim_of: HashMap<u64, String> = archive
        .claims()
        .filter_map(|(key, c)| match &c.origin {
            Origin::Review { url, .. } => {
                Some((key, url.rsplit('/').next().unwrap_or("").to_owned()))
            }
            Origin::Session { .. } => None,
        })
        .collect();

    let t = Instant::now();
    let train = queries_of(&archive, &model, &data.join("train"), &vclaim_of);
    let dev = queries_of(&archive, &model, &data.join("dev"), &vclaim_of);
    eprintln!(
        "{} train and {} dev queries in {:.1?}",
        train.len(),
        dev.len(),
        t.elapsed()
    );

    let bm25 = |b: f32, _: Option<f32>| b;
    let cosine = |_: f32, c: Option<f32>| c.unwrap_or(-1.0);
    // Tune on train.
    let mut best = (f64::MIN, Fusion::default());
    for w in (0..=20).map(|i| i as f32 / 20.0) {
        for half in [2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0, 30.0, 50.0] {
            let f = Fusion {
                semantic_weight: w,
                bm25_half: half,
            };
            let m = map5(&train, |b, c| f.score(b, c));
            if m > best.0 {
                best = (m, f);
            }
        }
    }
    let fusion = best.1;
    let default = Fusion::default();
    println!("MAP@5            train    dev");
    println!(
        "BM25 alone       {:.3}    {:.3}",
        map5(&train, bm25),
        map5(&dev, bm25)
    );
    println!(
        "embeddings alone {:.3}    {:.3}",
        map5(&train, cosine),
        map5(&dev, cosine)
    );
    println!(
        "fusion (tuned: w={:.2}, half={})  {:.3}    {:.3}",
        fusion.semantic_weight,
        fusion.bm25_half,
        map5(&train, |b, c| fusion.score(b, c)),
        map5(&dev, |b, c| fusion.score(b, c))
    );
    println!(
        "fusion (shipped: w={:.2}, half={})  {:.3}    {:.3}",
        default.semantic_weight,
        default.bm25_half,
        map5(&train, |b, c| default.score(b, c)),
        map5(&dev, |b, c| default.score(b, c))
    );
    println!("\nthreshold (shipped fusion): found first / false alarm, train then dev");
    for t in (40..=80).step_by(2).map(|i| i as f32 / 100.0) {
        let (ft, at) = at_threshold(&train, default, t, None);
        let (fd, ad) = at_threshold(&dev, default, t, None);
        println!("  {t:.2}   {ft:.3} / {at:.3}    {fd:.3} / {ad:.3}");
    }
    println!(
        "\nmeaning floor (no shared word and cosine below it: not a hit): right claim left out / top-5 hits left out, train then dev"
    );
    for floor in [0.2, MEANING_FLOOR, 0.3, 0.35, 0.4] {
        let (lt, dt) = below_floor(&train, default, floor);
        let (ld, dd) = below_floor(&dev, default, floor);
        println!("  {floor:.2}   {lt:.3} / {dt:.3}    {ld:.3} / {dd:.3}");
    }
    println!(
        "\nthreshold {DEFAULT_MATCH_THRESHOLD}, or at least this close in meaning (cosine): found first / false alarm, train then dev"
    );
    for close in [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9] {
        let (ft, at) = at_threshold(&train, default, DEFAULT_MATCH_THRESHOLD, Some(close));
        let (fd, ad) = at_threshold(&dev, default, DEFAULT_MATCH_THRESHOLD, Some(close));
        println!("  {close:.2}   {ft:.3} / {at:.3}    {fd:.3} / {ad:.3}");
    }
}
