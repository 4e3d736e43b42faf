//! Peak memory of `suggest`, measured with a counting allocator, on inputs that
//! used to blow it up (60 MB of '.', 50 MB of 'a', one sentence of "according to "
//! repeated) and on generated news articles. Prints one line per input: its size,
//! the peak bytes allocated during the call above what was allocated before it
//! (the result included), that peak as a multiple of the input, and the time.
//!
//! Run with `cargo bench --bench suggest_memory` (`SUGGEST_MEMORY_MB=N` scales the
//! large inputs; default 50). Budget: 8 times the input. Results:
//! docs/performance.md, "Suggestions".

#[path = "common/articles.rs"]
mod articles;

use claimdesk::extract::{suggest, suggest_each};
use claimdesk::model::paragraph_ranges;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let now = IN_USE.fetch_add(n, Ordering::Relaxed) + n;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrank(n: usize) {
    IN_USE.fetch_sub(n, Ordering::Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; only counters
// are updated besides.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is the system allocator's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns its result, the peak bytes allocated above the level
/// before it, and the seconds it took.
fn measure<T>(f: impl FnOnce() -> T) -> (T, usize, f64) {
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let t = Instant::now();
    let out = f();
    let secs = t.elapsed().as_secs_f64();
    (out, PEAK.load(Ordering::Relaxed) - before, secs)
}

/// Prints one line for `suggest` on `text`: the result is kept until the peak is read.
fn report(name: &str, text: &str) {
    print_line(name, text, measure(|| suggest(text).len()));
}

/// [`report`] for the streaming path `claimdesk suggest` takes: each suggestion is
/// handed on (here: counted) and dropped, so only the article's own work is held.
fn report_streamed(name: &str, text: &str) {
    let counted = measure(|| {
        let mut n = 0usize;
        suggest_each(text, &mut |_| {}, &mut |_| n += 1);
        n
    });
    print_line(name, text, counted);
}

/// The line for one input: its size, the peak above it, the multiple, the time and
/// how many suggestions came out.
fn print_line(name: &str, text: &str, (count, peak, secs): (usize, usize, f64)) {
    let ratio = peak as f64 / text.len() as f64;
    println!(
        "{name:<44} {:>8.1} MB  peak {:>9.1} MB  {:>6.2}x  {:>7.2} s  {count} suggestions{}",
        text.len() as f64 / 1e6,
        peak as f64 / 1e6,
        ratio,
        secs,
        if ratio > 8.0 { "  OVER 8x" } else { "" }
    );
}

fn main() {
    // Criterion's flags (`--bench`) are passed to every bench binary; none apply.
    let mb: usize = std::env::var("SUGGEST_MEMORY_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let big = mb * 1_000_000;
    println!("suggest: peak memory above the input (budget 8x), {mb} MB inputs");
    report(
        "'.' x N (one body sentence)",
        &articles::repeated('.', big * 6 / 5),
    );
    report(
        "'.' x N (no title line: all title)",
        &".".repeat(big * 6 / 5),
    );
    report("'a' x N (one word)", &articles::repeated('a', big));
    report(
        "'a ' x N/2 (one sentence of words)",
        &articles::one_long_sentence(big),
    );
    report(
        "\"according to \" x 80,000 (1 MB)",
        &articles::according_to(80_000),
    );
    report(
        "\"according to \" x N/13",
        &articles::according_to(big / 13),
    );
    report("news, blank lines", &articles::news(big, "\n\n"));
    report("news, one paragraph per line", &articles::news(big, "\n"));
    report("news, 1.2 MB", &articles::news(1_200_000, "\n\n"));
    let tiny = articles::tiny_sentences(big / 5);
    report("\"Ab. \" x N/4 (4-byte sentences)", &tiny);
    report_streamed("  the same, streamed (claimdesk suggest)", &tiny);
    report_streamed("news, blank lines, streamed", &articles::news(big, "\n\n"));
    let text = articles::news(100_000_000, "\n");
    let (ranges, peak, secs) = measure(|| paragraph_ranges(&text));
    println!(
        "paragraph_ranges, {:.0} MB, one paragraph per line: {} paragraphs, peak {:.1} MB, {:.2} s",
        text.len() as f64 / 1e6,
        ranges.len(),
        peak as f64 / 1e6,
        secs
    );
}
