//! What the two comparisons share: the word-level score of `examples/eval_import.rs`
//! in Claimdesk (the same reference text, the same bag of words, the same sums),
//! and running one extraction on a thread of its own behind `catch_unwind` with a
//! time limit.

use claimdesk::import::html::blocks_of_fragment;
use claimdesk::import::worker::Stop;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The text of an HTML fragment as Claimdesk's evaluator reads `expected.html`:
/// its blocks, separated by blank lines.
pub fn reference_text(html: &str) -> String {
    blocks_of_fragment(html, &Stop::never())
        .map(|blocks| {
            blocks
                .iter()
                .map(|b| b.text.clone())
                .collect::<Vec<_>>()
                .join("\n\n")
        })
        .unwrap_or_default()
}

/// Words (runs of letters and digits), lower-cased, counted.
pub fn bag(text: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for w in words(text) {
        *out.entry(w).or_default() += 1;
    }
    out
}

/// Pairs of consecutive words, counted: a bag that also sees word order (lines
/// run into each other, columns interleaved, a passage moved).
pub fn pair_bag(text: &str) -> HashMap<String, usize> {
    let words: Vec<String> = words(text).collect();
    let mut out = HashMap::new();
    for pair in words.windows(2) {
        *out.entry(format!("{} {}", pair[0], pair[1])).or_default() += 1;
    }
    out
}

/// The words of `text` in order, lower-cased.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Whitespace collapsed and trimmed.
pub fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Word overlap of one text with its reference.
#[derive(Clone, Copy, Debug, Default)]
pub struct Overlap {
    /// Words in both (multiset).
    pub common: usize,
    /// Words in the extracted text.
    pub got: usize,
    /// Words in the reference.
    pub want: usize,
}

impl Overlap {
    /// Counts the words `got` and `want` share.
    pub fn of(got: &str, want: &str) -> Self {
        Self::of_bags(&bag(got), &bag(want))
    }

    /// Counts the pairs of consecutive words `got` and `want` share.
    pub fn of_pairs(got: &str, want: &str) -> Self {
        Self::of_bags(&pair_bag(got), &pair_bag(want))
    }

    fn of_bags(g: &HashMap<String, usize>, w: &HashMap<String, usize>) -> Self {
        Self {
            common: g
                .iter()
                .map(|(k, n)| (*n).min(*w.get(k).unwrap_or(&0)))
                .sum(),
            got: g.values().sum(),
            want: w.values().sum(),
        }
    }

    /// Precision, recall and F1, as `eval_import` computes them for one page
    /// (an empty extraction has precision 0; an empty reference, recall 1).
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.got == 0 {
            0.0
        } else {
            self.common as f64 / self.got as f64
        };
        let r = if self.want == 0 {
            1.0
        } else {
            self.common as f64 / self.want as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f1)
    }
}

/// Scores over many documents: micro (summed counts) and mean per-document F1.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    common: usize,
    got: usize,
    want: usize,
    f1_sum: f64,
    /// Documents added.
    pub docs: usize,
}

impl Totals {
    /// Adds one document; returns its F1.
    pub fn add(&mut self, o: Overlap) -> f64 {
        self.common += o.common;
        self.got += o.got;
        self.want += o.want;
        let f1 = o.prf().2;
        self.f1_sum += f1;
        self.docs += 1;
        f1
    }

    /// Micro precision, recall, F1, and the mean per-document F1.
    pub fn scores(&self) -> (f64, f64, f64, f64) {
        let p = self.common as f64 / self.got.max(1) as f64;
        let r = self.common as f64 / self.want.max(1) as f64;
        let f1 = 2.0 * p * r / (p + r).max(f64::MIN_POSITIVE);
        (p, r, f1, self.f1_sum / self.docs.max(1) as f64)
    }
}

/// How one limited run ended.
pub enum Outcome<T> {
    /// Returned, after this long.
    Done(T, Duration),
    /// Panicked (the message), after this long.
    Panicked(String, Duration),
    /// Still running at the limit (its thread is left behind).
    TimedOut,
}

/// Runs `f` on a thread of its own behind `catch_unwind`, waiting at most `limit`.
pub fn run_limited<T, F>(limit: Duration, f: F) -> Outcome<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let start = Instant::now();
            let result = catch_unwind(AssertUnwindSafe(f));
            let _ = tx.send((result, start.elapsed()));
        });
    if spawned.is_err() {
        return Outcome::Panicked("could not start a thread".into(), Duration::ZERO);
    }
    match rx.recv_timeout(limit) {
        Ok((Ok(value), took)) => Outcome::Done(value, took),
        Ok((Err(payload), took)) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "(not a string)".into());
            Outcome::Panicked(message, took)
        }
        Err(_) => Outcome::TimedOut,
    }
}

/// Silences the default panic message (panics are counted and reported instead).
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}

/// Seconds, for tables.
pub fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// The first `n` characters of `text`, whitespace collapsed.
pub fn opening(text: &str, n: usize) -> String {
    norm(text).chars().take(n).collect()
}
