//! PDFs: pdf-extract (Claimdesk's choice) against pdf_oxide, each on a thread of
//! its own behind `catch_unwind` with a 60 s limit (Claimdesk's), one file at a time.
//! Claimdesk's own import (pdf-extract's glyphs laid out by `import::pdf::layout`)
//! is a third row. A PDF with known text (see `reference_of`) is scored against it
//! by words and by pairs of consecutive words (which also sees reading order).
//!
//! ```sh
//! cargo run --release --bin pdf [-- [--repeat N] FILE.pdf ...]
//! ```
//!
//! With no files: the four real PDFs below, `pdfs/*.pdf`, then Claimdesk's PDF
//! fixtures (`tests/fixtures/import/*.pdf`). `--repeat N` times each extraction
//! N times and keeps the fastest (the machine may be busy).
//!
//! Each extractor's full text goes to `$CARGO_TARGET_DIR/compare-out/pdf/` (or
//! `target/compare-out/pdf/`), with `openings.md`: the first 300 characters of each.

use claimdesk::import::worker::Stop;
use compare::{Outcome, Overlap, Totals, opening, quiet_panics, reference_text, run_limited, secs};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Claimdesk's limit for one PDF.
const LIMIT: Duration = Duration::from_secs(60);

/// The real PDFs on the development machine (none made for this comparison).
const REAL: [&str; 4] = [
    "/usr/share/doc/libtasn1-doc/libtasn1.pdf",
    "/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf",
    "/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/zlib-rs-0.6.8/src/deflate/test-data/paper-100k.pdf",
    "/usr/lib/libreoffice/share/xpdfimport/xpdfimport_err.pdf",
];

/// What an extractor gave for one file.
struct Extracted {
    text: String,
    pages: usize,
    /// Pages it could not read (where it reads page by page).
    page_errors: usize,
}

#[derive(Clone, Copy)]
enum Extractor {
    PdfExtract,
    PdfOxide,
    PdfOxidePlain,
    Claimdesk,
}

impl Extractor {
    const ALL: [Self; 4] = [
        Self::PdfExtract,
        Self::PdfOxide,
        Self::PdfOxidePlain,
        Self::Claimdesk,
    ];

    fn label(self) -> &'static str {
        match self {
            Self::PdfExtract => "pdf-extract 0.12.1 `extract_text_from_mem_by_pages`",
            Self::PdfOxide => "pdf_oxide 0.3.78 `extract_text` per page",
            Self::PdfOxidePlain => "pdf_oxide 0.3.78 `to_plain_text_all`",
            Self::Claimdesk => "Claimdesk import (pdf-extract glyphs + layout)",
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Self::PdfExtract => "pdf-extract",
            Self::PdfOxide => "pdf_oxide",
            Self::PdfOxidePlain => "pdf_oxide-plain",
            Self::Claimdesk => "claimdesk",
        }
    }

    fn run(self, bytes: Vec<u8>) -> Result<Extracted, String> {
        match self {
            Self::PdfExtract => {
                let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes)
                    .map_err(|e| e.to_string())?;
                Ok(Extracted {
                    pages: pages.len(),
                    text: pages.join("\n\n"),
                    page_errors: 0,
                })
            }
            Self::PdfOxide => {
                let doc = pdf_oxide::PdfDocument::from_bytes(bytes).map_err(|e| e.to_string())?;
                let pages = doc.page_count().map_err(|e| e.to_string())?;
                let mut text = String::new();
                let mut page_errors = 0;
                for i in 0..pages {
                    match doc.extract_text(i) {
                        Ok(t) => {
                            text.push_str(&t);
                            text.push_str("\n\n");
                        }
                        Err(_) => page_errors += 1,
                    }
                }
                Ok(Extracted {
                    text,
                    pages,
                    page_errors,
                })
            }
            Self::PdfOxidePlain => {
                let doc = pdf_oxide::PdfDocument::from_bytes(bytes).map_err(|e| e.to_string())?;
                let pages = doc.page_count().map_err(|e| e.to_string())?;
                let options = pdf_oxide::converters::ConversionOptions::default();
                let text = doc.to_plain_text_all(&options).map_err(|e| e.to_string())?;
                Ok(Extracted {
                    text,
                    pages,
                    page_errors: 0,
                })
            }
            Self::Claimdesk => {
                let pdf = claimdesk::import::pdf::extract(&bytes, &Stop::never())
                    .map_err(|e| e.to_string())?;
                Ok(Extracted {
                    text: pdf
                        .blocks
                        .iter()
                        .map(|b| b.text.as_str())
                        .collect::<Vec<_>>()
                        .join("\n\n"),
                    pages: pdf.pages as usize,
                    page_errors: 0,
                })
            }
        }
    }
}

/// A word broken at a line end by a hyphen ("ex-" / "ample"), as the text layer
/// has it.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Break {
    head: String,
    tail: String,
}

/// The hyphen breaks in `text`: a word of letters ending in a hyphen (or soft
/// hyphen), then whitespace (a line end in the text layer; some extractors turn it
/// into a space), then a word starting with a lower-case letter.
fn hyphen_breaks(text: &str) -> Vec<Break> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for pair in words.windows(2) {
        let Some(head) = pair[0].strip_suffix(['-', '\u{ad}']) else {
            continue;
        };
        let head: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let tail: String = pair[1].chars().take_while(|c| c.is_alphabetic()).collect();
        if head.is_empty() || !tail.starts_with(char::is_lowercase) {
            continue;
        }
        out.push(Break { head, tail });
    }
    out
}

/// Whitespace-separated tokens of `text`, counted (punctuation kept, so "ex-ample"
/// and "example" differ).
fn tokens(text: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for t in text.split_whitespace() {
        let t = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\u{ad}');
        *out.entry(t.to_owned()).or_default() += 1;
    }
    out
}

/// How many hyphen breaks `text` has left, and how many of `breaks` (those of
/// pdf-extract's raw text) it joined: the whole words `head+tail` it has beyond
/// those the raw text already had.
fn hyphen_counts(breaks: &[Break], raw: &str, text: &str) -> (usize, usize) {
    let left = hyphen_breaks(text).len();
    let (raw_tokens, tokens) = (tokens(raw), tokens(text));
    let mut seen: HashMap<String, usize> = HashMap::new();
    for b in breaks {
        *seen.entry(format!("{}{}", b.head, b.tail)).or_default() += 1;
    }
    let joined = seen
        .iter()
        .map(|(word, n)| {
            let extra = tokens
                .get(word)
                .unwrap_or(&0)
                .saturating_sub(*raw_tokens.get(word).unwrap_or(&0));
            extra.min(*n)
        })
        .sum();
    (left, joined)
}

/// Page count as lopdf (pdf-extract's parser) reads it, if it can.
fn lopdf_pages(bytes: &[u8]) -> Option<usize> {
    let bytes = bytes.to_vec();
    match run_limited(LIMIT, move || {
        pdf_extract::Document::load_mem(&bytes).map(|d| d.get_pages().len())
    }) {
        Outcome::Done(Ok(n), _) => Some(n),
        _ => None,
    }
}

fn main() {
    quiet_panics();
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let repeat = match args.iter().position(|a| a == "--repeat") {
        Some(i) if i + 1 < args.len() => {
            let n = args[i + 1].parse::<usize>().expect("--repeat N");
            args.drain(i..=i + 1);
            n.max(1)
        }
        _ => 1,
    };
    let files: Vec<(&str, PathBuf)> = if args.is_empty() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let real = REAL.iter().map(|p| ("real", PathBuf::from(p)));
        let made = pdfs_in(&here.join("pdfs"))
            .into_iter()
            .map(|p| ("dev-set pages", p));
        let fixtures = pdfs_in(&here.join("../../tests/fixtures/import"))
            .into_iter()
            .map(|p| ("Claimdesk fixtures", p));
        real.chain(made).chain(fixtures).collect()
    } else {
        args.iter().map(|a| ("given", PathBuf::from(a))).collect()
    };
    let out_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
            PathBuf::from,
        )
        .join("compare-out/pdf");
    std::fs::create_dir_all(&out_dir).expect("an output folder");

    let mut table = String::from(
        "| file | pages (lopdf) | extractor | result | pages | time (s) | pages/s | words | word F1 | word-pair F1 | hyphen breaks left / joined |\n\
         |---|---:|---|---|---:|---:|---:|---:|---:|---:|---|\n",
    );
    let mut openings = String::new();
    // Per extractor: words and word pairs over the files with known text; pages
    // read and time over all files.
    let n = Extractor::ALL.len();
    let mut word_totals: Vec<(&str, Vec<Totals>)> = Vec::new();
    let mut pair_totals: Vec<(&str, Vec<Totals>)> = Vec::new();
    let mut pages_time = vec![(0usize, Duration::ZERO); n];
    for (group, file) in &files {
        if word_totals.last().is_none_or(|(g, _)| g != group) {
            word_totals.push((group, vec![Totals::default(); n]));
            pair_totals.push((group, vec![Totals::default(); n]));
        }
        let (words, pairs) = (
            &mut word_totals.last_mut().expect("a group").1,
            &mut pair_totals.last_mut().expect("a group").1,
        );
        let name = file
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let Ok(bytes) = std::fs::read(file) else {
            eprintln!("{}: cannot read", file.display());
            continue;
        };
        let reference = reference_of(file);
        let lopdf = lopdf_pages(&bytes).map_or_else(|| "unreadable".into(), |n| n.to_string());
        let _ = writeln!(openings, "\n## {name}\n");
        let mut raw_text = String::new();
        let mut breaks = Vec::new();
        for (i, extractor) in Extractor::ALL.into_iter().enumerate() {
            let (result, got, took) = run_timed(extractor, &bytes, repeat);
            let text = got.as_ref().map_or("", |g| g.text.as_str());
            if i == 0 {
                raw_text = text.to_owned();
                breaks = hyphen_breaks(text);
            }
            let _ = std::fs::write(
                out_dir.join(format!("{name}.{}.txt", extractor.slug())),
                text,
            );
            let _ = writeln!(
                openings,
                "- {}: `{}`",
                extractor.slug(),
                opening(text, 300).replace('`', "'")
            );
            let pages = got.as_ref().map_or(0, |g| g.pages);
            pages_time[i].0 += pages;
            pages_time[i].1 += took;
            let (word_f1, pair_f1) = match &reference {
                Some(want) => (
                    format!("{:.3}", words[i].add(Overlap::of(text, want))),
                    format!("{:.3}", pairs[i].add(Overlap::of_pairs(text, want))),
                ),
                None => ("n/a".to_owned(), "n/a".to_owned()),
            };
            let (left, joined) = hyphen_counts(&breaks, &raw_text, text);
            let _ = writeln!(
                table,
                "| {name} | {lopdf} | {} | {result} | {pages} | {:.3} | {:.0} | {} | {word_f1} | {pair_f1} | {left} / {joined} of {} |",
                extractor.slug(),
                secs(took),
                pages as f64 / secs(took).max(1e-9),
                compare::bag(text).values().sum::<usize>(),
                breaks.len(),
            );
        }
    }
    println!("{table}");
    println!("| extractor | pages read | total time (s) | pages/s |");
    println!("|---|---:|---:|---:|");
    for (i, extractor) in Extractor::ALL.into_iter().enumerate() {
        println!(
            "| {} | {} | {:.2} | {:.0} |",
            extractor.label(),
            pages_time[i].0,
            secs(pages_time[i].1),
            pages_time[i].0 as f64 / secs(pages_time[i].1).max(1e-9),
        );
    }
    for ((group, words), (_, pairs)) in word_totals.iter().zip(&pair_totals) {
        if words[0].docs == 0 {
            continue;
        }
        println!(
            "\n{group}, {} files with known text\n\n| extractor | word F1 (micro / mean) | word-pair F1 (micro / mean) |\n|---|---:|---:|",
            words[0].docs
        );
        for (i, extractor) in Extractor::ALL.into_iter().enumerate() {
            let (_, _, f1, mean) = words[i].scores();
            let (_, _, pair_f1, pair_mean) = pairs[i].scores();
            println!(
                "| {} | {f1:.3} / {mean:.3} | {pair_f1:.3} / {pair_mean:.3} |",
                extractor.label()
            );
        }
    }
    std::fs::write(out_dir.join("openings.md"), openings).expect("openings.md");
    println!(
        "\ntimes: the fastest of {repeat} runs; texts and openings: {}",
        out_dir.display()
    );
}

/// Runs `extractor` on `bytes` `repeat` times (once if it fails): what it said,
/// what it gave, and its fastest time (the limit if it hung).
fn run_timed(
    extractor: Extractor,
    bytes: &[u8],
    repeat: usize,
) -> (String, Option<Extracted>, Duration) {
    let mut best: Option<(String, Option<Extracted>, Duration)> = None;
    for _ in 0..repeat {
        let input = bytes.to_vec();
        let (result, got, took) = match run_limited(LIMIT, move || extractor.run(input)) {
            Outcome::Done(Ok(got), took) => {
                let result = if got.page_errors > 0 {
                    format!("ok, {} pages failed", got.page_errors)
                } else if got.text.trim().is_empty() {
                    "no text".to_owned()
                } else {
                    "ok".to_owned()
                };
                (result, Some(got), took)
            }
            Outcome::Done(Err(e), took) => (format!("error: {}", short(&e)), None, took),
            Outcome::Panicked(m, took) => (format!("**panicked**: {}", short(&m)), None, took),
            Outcome::TimedOut => {
                return (
                    format!("**hung** (over {} s)", LIMIT.as_secs()),
                    None,
                    LIMIT,
                );
            }
        };
        let ok = got.is_some();
        best = match best {
            Some(b) if b.2 <= took => Some(b),
            _ => Some((result, got, took)),
        };
        if !ok {
            break;
        }
    }
    best.unwrap_or_else(|| ("not run".to_owned(), None, Duration::ZERO))
}

/// The PDFs in `dir`, sorted.
fn pdfs_in(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// The text a PDF should give, where known: the text of `NAME.html` beside it (as
/// `reference_text` reads it), else `NAME.expected.txt` (Claimdesk's fixtures:
/// the document's text without running headers and page numbers).
fn reference_of(pdf: &Path) -> Option<String> {
    if let Ok(html) = std::fs::read_to_string(pdf.with_extension("html")) {
        return Some(reference_text(&html));
    }
    std::fs::read_to_string(pdf.with_extension("expected.txt")).ok()
}

/// The first line of a message, at most 80 characters.
fn short(message: &str) -> String {
    message
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(80)
        .collect()
}
