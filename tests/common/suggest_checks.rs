//! The checks the `suggest` fuzz target makes on one input. Shared by
//! `fuzz/fuzz_targets/suggest.rs` and `tests/fuzz_suggest.rs`, which replays the seed
//! corpus (`fuzz/seeds/suggest/`) and every input that ever failed
//! (`fuzz/regressions/suggest/`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::extract::{SentenceKind, segment, split_sentences, suggest};
use claimdesk::model::paragraph_ranges;

/// Any bytes (read as UTF-8, invalid sequences replaced) as an article: the
/// suggester never panics; every body sentence comes out exactly once, in order, as
/// the article's own characters; scores are in [0, 1]; every claimant span points at
/// its claimant; sentences and paragraphs are in order, non-empty and trimmed.
pub fn suggest_article(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let chars: Vec<char> = text.chars().collect();
    let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();

    let spans = segment(text);
    let mut last = 0;
    for s in &spans {
        assert!(
            s.start >= last && s.start < s.end && s.end <= chars.len(),
            "{s:?}"
        );
        let t = &text[s.byte_start..s.byte_end];
        assert_eq!(t, slice(s.start, s.end));
        assert_eq!(t, t.trim(), "span not trimmed: {s:?}");
        last = s.end;
    }
    let body: Vec<_> = spans
        .iter()
        .filter(|s| s.kind == SentenceKind::Body)
        .collect();

    let all = suggest(text);
    assert_eq!(all.len(), body.len(), "a body sentence was not suggested");
    for (s, b) in all.iter().zip(&body) {
        assert_eq!((s.start, s.end), (b.start, b.end));
        assert_eq!(s.text, slice(s.start, s.end));
        assert!((0.0..=1.0).contains(&s.score), "score {}", s.score);
        if let Some(a) = &s.attribution {
            assert!(a.start <= a.end && a.end <= chars.len(), "{a:?}");
            assert_eq!(slice(a.start, a.end), a.claimant);
            assert!(!a.claimant.is_empty());
        }
    }

    let mut last = 0;
    for r in split_sentences(text) {
        assert!(r.start >= last && r.start < r.end && r.end <= chars.len());
        last = r.end;
    }
    let mut last = 0;
    for r in paragraph_ranges(text) {
        assert!(r.start >= last && r.start < r.end && r.end <= chars.len());
        assert!(!slice(r.start, r.end).trim().is_empty());
        last = r.end;
    }
}
