//! Web pages: dom_smoothie (Claimdesk's choice) against `readability` (kumabook's
//! port of arc90's Readability) on the development set, scored as Claimdesk's
//! `examples/eval_import.rs` scores its import.
//!
//! ```sh
//! cargo run --release --bin web [-- WEB_PAGES_DIR] [--worst N] [--titles]
//! ```
//!
//! `--worst N` lists the N pages where the two ports' F1 differ most; `--titles`,
//! every title that differs from the reference.

use claimdesk::cli::import::body_of;
use claimdesk::import::worker::Stop;
use compare::{Outcome, Overlap, Totals, norm, quiet_panics, reference_text, run_limited, secs};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Claimdesk's limit for one page.
const LIMIT: Duration = Duration::from_secs(30);

/// What an extractor gave for one page.
#[derive(Default)]
struct Extracted {
    title: String,
    /// Its own plain text.
    text: String,
    /// Its article HTML (empty where it gives none).
    content: String,
}

#[derive(Clone, Copy)]
enum Extractor {
    DomSmoothie,
    Readability,
    Claimdesk,
}

impl Extractor {
    const ALL: [Self; 3] = [Self::DomSmoothie, Self::Readability, Self::Claimdesk];

    fn slug(self) -> &'static str {
        match self {
            Self::DomSmoothie => "dom_smoothie",
            Self::Readability => "readability",
            Self::Claimdesk => "claimdesk",
        }
    }

    fn run(self, source: Vec<u8>) -> Result<Extracted, String> {
        // Both Readability ports get the page as eval_import gives it to dom_smoothie.
        let html = String::from_utf8_lossy(&source).into_owned();
        match self {
            Self::DomSmoothie => {
                let article = dom_smoothie::Readability::new(html.as_str(), None, None)
                    .and_then(|mut r| r.parse())
                    .map_err(|e| e.to_string())?;
                Ok(Extracted {
                    title: article.title.clone(),
                    text: article.text_content.to_string(),
                    content: article.content.to_string(),
                })
            }
            Self::Readability => {
                // It needs a base URL; readability.js's tests use this one.
                let url =
                    url::Url::parse("http://fakehost/test/page.html").map_err(|e| e.to_string())?;
                let product = readability::extractor::extract(&mut html.as_bytes(), &url)
                    .map_err(|e| format!("{e:?}"))?;
                Ok(Extracted {
                    title: product.title,
                    text: product.text,
                    content: product.content,
                })
            }
            Self::Claimdesk => {
                let article =
                    claimdesk::import::html::import_html_bytes(&source, None, None, &Stop::never())
                        .map_err(|e| e.to_string())?;
                Ok(Extracted {
                    title: article.title.clone(),
                    text: body_of(&article.text).to_owned(),
                    content: String::new(),
                })
            }
        }
    }
}

/// One extractor's results over the set.
#[derive(Default)]
struct Row {
    /// Its own text.
    own: Totals,
    /// Its article HTML read as Claimdesk reads `expected.html`.
    via_html: Totals,
    titles_same: usize,
    failed: usize,
    empty: usize,
    panicked: usize,
    timed_out: usize,
    time: Duration,
    /// (own-text F1, page) for `--worst`.
    per_page: Vec<(f64, String)>,
}

fn main() {
    quiet_panics();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let worst = args
        .iter()
        .position(|a| a == "--worst")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(0);
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--") && a.parse::<usize>().is_err())
        .map(PathBuf::from)
        .or_else(|| {
            // The development set beside the checkout: ../shared/data/web-pages.
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .ancestors()
                .map(|a| a.join("shared/data/web-pages"))
                .find(|p| p.is_dir())
        })
        .unwrap_or_else(|| PathBuf::from("web-pages"));
    let pages = dir.join("pages");
    let mut names: Vec<String> = std::fs::read_dir(&pages)
        .expect("a pages/ folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();

    let mut rows: Vec<Row> = Extractor::ALL.iter().map(|_| Row::default()).collect();
    for name in &names {
        let page = pages.join(name);
        let source = std::fs::read(page.join("source.html")).expect("source.html");
        let expected = reference_text(
            &std::fs::read_to_string(page.join("expected.html")).expect("expected.html"),
        );
        let meta: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(page.join("expected-metadata.json")).expect("metadata"),
        )
        .expect("metadata JSON");
        let want_title = meta["title"].as_str().unwrap_or("");

        for (extractor, row) in Extractor::ALL.into_iter().zip(rows.iter_mut()) {
            let input = source.clone();
            let got = match run_limited(LIMIT, move || extractor.run(input)) {
                Outcome::Done(Ok(got), took) => {
                    row.time += took;
                    if got.text.trim().is_empty() {
                        row.empty += 1;
                        eprintln!("{name} ({}): no text", extractor.slug());
                    }
                    got
                }
                Outcome::Done(Err(e), took) => {
                    row.time += took;
                    row.failed += 1;
                    eprintln!("{name} ({}): {e}", extractor.slug());
                    Extracted::default()
                }
                Outcome::Panicked(message, took) => {
                    row.time += took;
                    row.panicked += 1;
                    eprintln!("{name} ({}): panicked: {message}", extractor.slug());
                    Extracted::default()
                }
                Outcome::TimedOut => {
                    row.time += LIMIT;
                    row.timed_out += 1;
                    eprintln!(
                        "{name} ({}): still running after {LIMIT:?}",
                        extractor.slug()
                    );
                    Extracted::default()
                }
            };
            let f1 = row.own.add(Overlap::of(&got.text, &expected));
            row.via_html
                .add(Overlap::of(&reference_text(&got.content), &expected));
            if norm(&got.title) == norm(want_title) {
                row.titles_same += 1;
            } else if args.iter().any(|a| a == "--titles") {
                eprintln!(
                    "title {name} ({}): {:?} want {want_title:?}",
                    extractor.slug(),
                    got.title
                );
            }
            row.per_page.push((f1, name.clone()));
        }
    }

    let labels = [
        "dom_smoothie 0.19.0, defaults",
        "readability 0.3.0 (kumabook), defaults",
        "Claimdesk import (dom_smoothie + layout + metadata)",
    ];
    println!("pages: {}\n", names.len());
    println!(
        "| extractor | text | precision | recall | F1 (micro) | F1 (mean per page) | title agreement | failed / empty / panicked / timed out | time (s) |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---|---:|");
    for ((row, label), extractor) in rows.iter().zip(labels).zip(Extractor::ALL) {
        let mut variants = vec![("its own text", &row.own)];
        if !matches!(extractor, Extractor::Claimdesk) {
            variants.push(("its HTML, read as expected.html is", &row.via_html));
        }
        for (k, (text, totals)) in variants.into_iter().enumerate() {
            let (p, r, f1, mean) = totals.scores();
            // Titles, failures and time belong to the extractor: on its first row.
            let rest = if k == 0 {
                format!(
                    "{:.3} ({}/{}) | {} / {} / {} / {} | {:.2}",
                    row.titles_same as f64 / names.len().max(1) as f64,
                    row.titles_same,
                    names.len(),
                    row.failed,
                    row.empty,
                    row.panicked,
                    row.timed_out,
                    secs(row.time),
                )
            } else {
                " | | ".to_owned()
            };
            println!("| {label} | {text} | {p:.3} | {r:.3} | {f1:.3} | {mean:.3} | {rest} |");
        }
    }
    if worst > 0 {
        // The pages where the two ports differ most (own text).
        let mut gaps: Vec<(f64, &str, f64, f64)> = rows[0]
            .per_page
            .iter()
            .zip(&rows[1].per_page)
            .map(|((a, name), (b, _))| ((a - b).abs(), name.as_str(), *a, *b))
            .collect();
        gaps.sort_by(|x, y| y.0.total_cmp(&x.0));
        println!("\npage | dom_smoothie F1 | readability F1");
        for (_, name, a, b) in gaps.iter().take(worst) {
            println!("{name} | {a:.3} | {b:.3}");
        }
    }
}
