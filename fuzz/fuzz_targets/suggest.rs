//! Fuzz target for suggestions (splitting, structure, scoring, claimants); the
//! checks live in `tests/common/suggest_checks.rs`, shared with
//! `tests/fuzz_suggest.rs`, which replays the seeds and every past failure. Run with
//! a time limit per input so that anything slower than linear shows up:
//! `cargo +nightly fuzz run suggest corpus/suggest seeds/suggest -- -timeout=5 -max_len=65536`.
#![no_main]

#[path = "../../tests/common/suggest_checks.rs"]
mod suggest_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| suggest_checks::suggest_article(data));
