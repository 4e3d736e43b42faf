//! Replays the `suggest` fuzz target's seeds (`fuzz/seeds/suggest/`) and every input
//! that ever failed it (`fuzz/regressions/suggest/`), so a fixed failure stays fixed
//! without running the fuzzer.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

#[path = "common/suggest_checks.rs"]
mod suggest_checks;

use std::path::Path;

#[test]
fn suggest_inputs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join("suggest")) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            if path.file_name().is_some_and(|n| n == ".gitkeep") {
                continue;
            }
            eprintln!("suggest: {}", path.display());
            suggest_checks::suggest_article(&std::fs::read(&path).unwrap());
            n += 1;
        }
    }
    assert!(n > 0, "no inputs for the suggest fuzz target");
}
