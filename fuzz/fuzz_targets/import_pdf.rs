//! Fuzz target; the checks live in `tests/common/fuzz_checks.rs`, shared with
//! `tests/fuzz_regressions.rs`, which replays the seeds and every past crash.
#![no_main]

#[path = "../../tests/common/fuzz_checks.rs"]
#[allow(dead_code)] // Each target uses one of the shared checks.
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(
    init: {
        // libFuzzer's panic hook aborts on every panic, even one that is caught. The
        // PDF parser runs on a reader thread behind `catch_unwind`, exactly as in the
        // app, where its panic becomes "could not read this PDF": let those through
        // (they are what the worker is for) and abort on any other.
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let reader = std::thread::current()
                .name()
                .is_some_and(|n| n.starts_with("claimdesk ") && n.ends_with(" reader"));
            if !reader {
                abort(info);
            }
        }));
    },
    |data: &[u8]| fuzz_checks::import_pdf(data)
);
