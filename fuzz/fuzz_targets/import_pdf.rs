//! Fuzz target; the checks live in `tests/common/fuzz_checks.rs`, shared with
//! `tests/fuzz_regressions.rs`, which replays the seeds and every past crash.
#![no_main]

#[path = "../../tests/common/fuzz_checks.rs"]
#[allow(dead_code)] // Each target uses one of the shared checks.
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_checks::import_pdf(data));
