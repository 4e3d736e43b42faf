//! The checks each fuzz target makes on one input. Shared by the fuzz targets
//! (`fuzz/fuzz_targets/*.rs` include this file) and by `tests/fuzz_regressions.rs`,
//! which replays the seed corpus and every input that ever crashed a target.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::command::{Command, apply};
use claimdesk::import::{import_bytes, import_text};
use claimdesk::model::Session;
use claimdesk::reanchor::reanchor as reanchor_session;
use claimdesk::store::{from_bytes, from_ron, to_ron};

/// Any bytes as a session file: an error or a valid session, never a panic, and a
/// session that loads saves and loads back equal. Saving writes exactly what RON's
/// own serializer would (the hand-written writer is fuzzed against it).
pub fn load_session(data: &[u8]) {
    if let Ok(loaded) = from_bytes(data) {
        let text = to_ron(&loaded.session);
        assert_eq!(
            text,
            claimdesk::store::format::to_ron_generic(&loaded.session),
            "the session writer and RON's serializer disagree"
        );
        match from_ron(&text) {
            Ok(again) => assert_eq!(again.session, loaded.session),
            Err(e) => panic!("a loaded session did not load back after saving: {e}"),
        }
    }
}

/// Any bytes as an article: an error or an article with no CR and no NUL, whose
/// checksum matches and which makes a session that round-trips.
pub fn import_article(data: &[u8]) {
    if let Ok(article) = import_bytes(data, Some("fuzz.txt".into())) {
        assert!(!article.text.contains('\r'));
        assert!(!article.text.contains('\0'));
        assert!(article.checksum_matches());
        let session = Session::new(article);
        let text = to_ron(&session);
        match from_ron(&text) {
            Ok(loaded) => assert_eq!(loaded.session, session),
            Err(e) => panic!("an imported article did not round-trip: {e}"),
        }
    }
}

/// Two article versions and claim ranges (old text, 0xFF, new text, 0xFF, byte
/// pairs scaled to claim bounds): re-anchoring never panics, every claim gets a
/// valid anchor, a quote that occurs exactly once is found there, and the command
/// applies and undoes cleanly.
pub fn reanchor(data: &[u8]) {
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
            Command::AddClaim {
                start,
                end: end.min(len),
                claimant: String::new(),
                attribution: None,
            },
        );
    }
    let before = session.clone();
    let new_text = new.text.clone();
    let new_len = new_text.chars().count();
    let outcome = reanchor_session(&session, new);
    assert_eq!(outcome.placements.len(), session.claims.len());
    for (p, claim) in outcome.placements.iter().zip(&session.claims) {
        let a = &p.place.anchor;
        assert!(a.start < a.end && a.end <= new_len, "{a:?} in {new_len}");
        if let [only] = occurrences(&new_text, &claim.anchor.exact).as_slice() {
            assert_eq!(
                a.start, *only,
                "unique quote {:?} not found",
                claim.anchor.exact
            );
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
}

/// Character offsets of every occurrence of `needle`, overlapping ones included.
fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    hay.char_indices()
        .enumerate()
        .filter(|&(_, (b, _))| hay[b..].starts_with(needle))
        .map(|(i, _)| i)
        .collect()
}

/// Any bytes as a web page: an error or an article whose text has no CR or NUL,
/// starts with its title and makes a session that round-trips.
pub fn import_html(data: &[u8]) {
    let stop = claimdesk::import::worker::Stop::never();
    if let Ok(article) = claimdesk::import::html::import_html_bytes(data, None, None, &stop) {
        check_article(article);
    }
}

/// Any bytes as a PDF, through the same worker as the app (a panic inside the
/// parser is caught there and becomes an error): an error or a sound article whose
/// page marks are in order and inside the text.
pub fn import_pdf(data: &[u8]) {
    let never = std::sync::atomic::AtomicBool::new(false);
    let options = claimdesk::import::ImportOptions {
        pdf_time_limit: std::time::Duration::from_secs(20),
        ..Default::default()
    };
    let origin = claimdesk::import::Origin {
        name: Some("fuzz.pdf"),
        ..Default::default()
    };
    if let Ok(imported) =
        claimdesk::import::import_original(data.to_vec(), &origin, &options, &never, &mut |_| {})
    {
        let article = imported.article;
        let len = article.text.chars().count();
        assert!(article.origin.pages.windows(2).all(|w| w[0].1 < w[1].1));
        assert!(article.origin.pages.iter().all(|p| p.1 <= len));
        check_article(article);
    }
}

fn check_article(article: claimdesk::model::Article) {
    assert!(!article.text.contains('\r'));
    assert!(!article.text.contains('\0'));
    assert!(
        article.text.starts_with(article.title.as_str()),
        "{:?}",
        article.title
    );
    assert!(article.checksum_matches());
    let session = Session::new(article);
    let text = to_ron(&session);
    match from_ron(&text) {
        Ok(loaded) => assert_eq!(loaded.session, session),
        Err(e) => panic!("an imported page did not round-trip: {e}"),
    }
}
