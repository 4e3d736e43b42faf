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

mod properties {
    use super::suggest_checks::suggest_article;
    use proptest::prelude::*;

    /// Pieces of text that the splitter and the structure rules treat specially.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "The ministry said ",
            "prices rose ",
            "40% ",
            "a",
            "I",
            "U.S.",
            "U.K. ",
            "Mr. ",
            "J. ",
            "pp. 12 ",
            "No. 7",
            "sec. 4",
            "etc. ",
            ". ",
            ".",
            "...",
            ". . . ",
            "…",
            "? ",
            "! ",
            "“",
            "”",
            "\"",
            "(",
            ")",
            "(p. 12) ",
            "1. ",
            "2) ",
            "3.) ",
            "a. ",
            "(b) ",
            "• ",
            "- ",
            ": ",
            "; ",
            ", ",
            "according to ",
            "said ",
            "— ",
            "\n",
            "\n\n",
            " ",
            "Related: ",
            "Read more ",
            "EDITOR'S NOTE: ",
            "(Reporting by Jane Doe; ",
            "THE BIG PICTURE",
            "我们",
            "。",
            "قال ",
            "٣٤ ",
            "👨‍👩‍👧",
            "é",
            "\u{301}",
            "\u{a0}",
            "\t",
            "#",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any mix of the tricky pieces: every body sentence comes out exactly once,
        /// spans are exact and in order, claimants point at themselves.
        #[test]
        fn suggestions_are_exact_on_tricky_text(pieces in prop::collection::vec(piece(), 0..80)) {
            suggest_article(pieces.concat().as_bytes());
        }

        /// Arbitrary bytes as well.
        #[test]
        fn suggestions_never_panic_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            suggest_article(&bytes);
        }
    }
}
