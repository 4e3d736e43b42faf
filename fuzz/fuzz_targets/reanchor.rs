//! Two article versions and claim ranges from the fuzzer: re-anchoring never panics,
//! every claim gets a valid anchor, a quote present exactly once is found, and the
//! command applies and undoes cleanly.
#![no_main]

use claimdesk::command::{Command, apply};
use claimdesk::import::import_text;
use claimdesk::model::Session;
use claimdesk::reanchor::reanchor;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Layout: old text, 0xFF, new text, 0xFF, pairs of u8 claim bounds (scaled).
    let mut parts = data.splitn(3, |&b| b == 0xFF);
    let (Some(old), Some(new)) = (parts.next(), parts.next()) else {
        return;
    };
    let ranges = parts.next().unwrap_or_default();
    let (Ok(old), Ok(new)) = (std::str::from_utf8(old), std::str::from_utf8(new)) else {
        return;
    };
    let (Ok(old), Ok(new)) = (import_text(old, None), import_text(new, None)) else {
        return;
    };
    let mut session = Session::new(old);
    let len = session.article.text.chars().count();
    for pair in ranges.chunks_exact(2) {
        let a = usize::from(pair[0]) * len / 256;
        let b = usize::from(pair[1]) * len / 256;
        let (start, end) = (a.min(b), a.max(b) + 1);
        let _ = apply(
            &mut session,
            Command::AddClaim { start, end: end.min(len), claimant: String::new(), attribution: None },
        );
    }
    let before = session.clone();
    let new_text = new.text.clone();
    let new_len = new_text.chars().count();
    let outcome = reanchor(&session, new);
    assert_eq!(outcome.placements.len(), session.claims.len());
    for (p, claim) in outcome.placements.iter().zip(&session.claims) {
        let a = &p.place.anchor;
        assert!(a.start < a.end && a.end <= new_len, "{a:?} in {new_len}");
        let hits = occurrences(&new_text, &claim.anchor.exact);
        if let [only] = hits.as_slice() {
            assert_eq!(a.start, *only, "unique quote {:?} not found", claim.anchor.exact);
        }
    }
    let applied = match apply(&mut session, outcome.into_command()) {
        Ok(applied) => applied,
        Err(e) => panic!("re-anchoring made a command that does not apply: {e}"),
    };
    if let Err(e) = apply(&mut session, applied.inverse) {
        panic!("undo of re-anchoring failed: {e}");
    }
    assert_eq!(session, before);
});

/// Character offsets of every occurrence of `needle`, overlapping ones included.
fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    hay.char_indices()
        .filter(|&(b, _)| hay[b..].starts_with(needle))
        .map(|(b, _)| hay[..b].chars().count())
        .collect()
}
