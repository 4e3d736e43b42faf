//! Measures web-page import on the development set (`../shared/data/web-pages`, 130
//! pages from Mozilla Readability's tests): word-level precision, recall and F1 of
//! the article body against the text of `expected.html`, and title and byline
//! agreement with `expected-metadata.json`, for dom_smoothie's defaults (its own
//! text and metadata) and for Claimdesk's import.
//!
//! ```sh
//! cargo run --release --example eval_import [-- DIR] [--worst N]
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A measuring tool.

use claimdesk::cli::import::body_of;
use claimdesk::import::html::{blocks_of_fragment, extract};
use claimdesk::import::worker::Stop;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn main() {
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
        .or_else(find_data)
        .expect("give the web-pages folder as the first argument");
    let pages = dir.join("pages");
    let mut names: Vec<_> = std::fs::read_dir(&pages)
        .expect("a pages/ folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut defaults = Totals::default();
    let mut ours = Totals::default();
    let mut rows = Vec::new();
    for name in &names {
        let page = pages.join(name);
        let source = std::fs::read(page.join("source.html")).unwrap();
        let expected_html = std::fs::read_to_string(page.join("expected.html")).unwrap();
        let meta: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(page.join("expected-metadata.json")).unwrap(),
        )
        .unwrap();
        let expected_text: String = blocks_of_fragment(&expected_html, &Stop::never())
            .unwrap()
            .iter()
            .map(|b| b.text.clone())
            .collect::<Vec<_>>()
            .join("\n\n");
        let want_title = meta["title"].as_str().unwrap_or("");
        let want_byline = meta["byline"].as_str();

        // dom_smoothie as it comes: default config, its text and metadata.
        let html = String::from_utf8_lossy(&source).into_owned();
        let (d_text, d_title, d_byline) =
            match dom_smoothie::Readability::new(html.as_str(), None, None)
                .and_then(|mut r| r.parse())
            {
                Ok(a) => (
                    a.text_content.to_string(),
                    a.title.clone(),
                    a.byline.clone(),
                ),
                Err(_) => (String::new(), String::new(), None),
            };
        defaults.add(
            &d_text,
            &expected_text,
            &d_title,
            want_title,
            d_byline.as_deref(),
            want_byline,
        );

        // Claimdesk: charset decoding, block layout, metadata merge.
        let (o_body, o_title, o_byline) = match import(&source) {
            Some((text, title, byline)) => (body_of(&text).to_owned(), title, byline),
            None => (String::new(), String::new(), String::new()),
        };
        let f1 = ours.add(
            &o_body,
            &expected_text,
            &o_title,
            want_title,
            Some(o_byline.as_str()).filter(|b| !b.is_empty()),
            want_byline,
        );
        if args.iter().any(|a| a == "--mismatches") {
            let by = |b: &str| claimdesk::import::metadata::clean_byline(b);
            if norm(&o_title) != norm(want_title) {
                println!("title  {name}: {o_title:?} want {want_title:?}");
            }
            if norm(&by(&o_byline)) != norm(&by(want_byline.unwrap_or(""))) {
                println!(
                    "byline {name}: {o_byline:?} want {want_byline:?} (defaults: {d_byline:?})"
                );
            }
        }
        rows.push((f1, name.clone(), o_title, want_title.to_owned()));
    }
    println!("pages: {}", names.len());
    println!(
        "| | precision | recall | F1 (micro) | F1 (mean per page) | title agreement | byline agreement |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    defaults.print("dom_smoothie defaults");
    ours.print("Claimdesk import");
    if worst > 0 {
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (f1, name, got, want) in rows.iter().take(worst) {
            println!("{f1:.3}  {name}  title: {got:?} want {want:?}");
        }
    }
}

fn import(source: &[u8]) -> Option<(String, String, String)> {
    let article =
        claimdesk::import::html::import_html_bytes(source, None, None, &Stop::never()).ok()?;
    let _ = extract; // the same pipeline, without the Article wrapper
    Some((
        article.text.clone(),
        article.title.clone(),
        article.meta.byline.clone(),
    ))
}

/// The data folder next to the repository (or its worktree).
fn find_data() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    root.ancestors()
        .map(|a| a.join("shared/data/web-pages"))
        .find(|p| p.is_dir())
}

#[derive(Default)]
struct Totals {
    common: usize,
    ours: usize,
    expected: usize,
    f1_sum: f64,
    pages: usize,
    titles_same: usize,
    bylines_same: usize,
    bylines_pages: usize,
}

impl Totals {
    /// Adds one page; returns its F1.
    fn add(
        &mut self,
        got: &str,
        want: &str,
        got_title: &str,
        want_title: &str,
        got_byline: Option<&str>,
        want_byline: Option<&str>,
    ) -> f64 {
        let (g, w) = (bag(got), bag(want));
        let common: usize = g
            .iter()
            .map(|(k, n)| (*n).min(*w.get(k).unwrap_or(&0)))
            .sum();
        let (ng, nw): (usize, usize) = (g.values().sum(), w.values().sum());
        self.common += common;
        self.ours += ng;
        self.expected += nw;
        let p = if ng == 0 {
            0.0
        } else {
            common as f64 / ng as f64
        };
        let r = if nw == 0 {
            1.0
        } else {
            common as f64 / nw as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        self.f1_sum += f1;
        self.pages += 1;
        if norm(got_title) == norm(want_title) {
            self.titles_same += 1;
        }
        self.bylines_pages += 1;
        // "By Jane Doe" and "Jane Doe" name the same author.
        let by = |b: Option<&str>| claimdesk::import::metadata::clean_byline(b.unwrap_or(""));
        if norm(&by(got_byline)) == norm(&by(want_byline)) {
            self.bylines_same += 1;
        }
        f1
    }

    fn print(&self, label: &str) {
        let p = self.common as f64 / self.ours.max(1) as f64;
        let r = self.common as f64 / self.expected.max(1) as f64;
        let f1 = 2.0 * p * r / (p + r).max(f64::MIN_POSITIVE);
        println!(
            "| {label} | {p:.3} | {r:.3} | {f1:.3} | {:.3} | {:.3} ({}/{}) | {:.3} ({}/{}) |",
            self.f1_sum / self.pages.max(1) as f64,
            self.titles_same as f64 / self.pages.max(1) as f64,
            self.titles_same,
            self.pages,
            self.bylines_same as f64 / self.bylines_pages.max(1) as f64,
            self.bylines_same,
            self.bylines_pages,
        );
    }
}

/// Words (runs of letters and digits), lower-cased, counted.
fn bag(text: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *out.entry(w.to_lowercase()).or_default() += 1;
    }
    out
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
