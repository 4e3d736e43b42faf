//! Property tests: sessions round-trip through the file format, and re-anchoring
//! after any edit never panics and always finds quotes that still occur once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::command::{Command, apply};
use claimdesk::import::import_text;
use claimdesk::model::{Session, SourceDraft, Stance};
use claimdesk::reanchor::reanchor;
use claimdesk::store::{from_ron, to_ron};
use proptest::prelude::*;

/// Characters that make text hard: RTL, combining marks, emoji, quotes, controls.
fn hard_char() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => prop::char::range('a', 'z'),
        3 => Just(' '),
        2 => Just('\n'),
        1 => Just('.'),
        1 => prop::sample::select(vec![
            '\u{05E9}', '\u{0627}', '\u{0301}', '\u{0303}', '\u{1F389}', '\u{200D}', '\u{1F469}',
            '"', '\'', '\u{201C}', '\u{201D}', '\u{2019}', '\u{00A0}', '\t', '\\', '\u{FEFF}',
            '\u{7F}', '\u{1}', '\r', '#', '(', ')', '[', ']', ',', '\u{10FFFF}',
        ]),
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(hard_char(), 1..max)
        .prop_map(|cs| format!("T{}", cs.into_iter().collect::<String>()))
}

/// Any string at all, for notes, URLs and the like.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(hard_char(), 0..40).prop_map(|c| c.into_iter().collect())
    ]
}

#[derive(Debug, Clone)]
struct ClaimSpec {
    a: usize,
    b: usize,
    status: usize,
    note: String,
    claimant: String,
    sources: Vec<(String, String, String)>,
}

fn claim_spec() -> impl Strategy<Value = ClaimSpec> {
    (
        any::<usize>(),
        any::<usize>(),
        0usize..8,
        any_text(),
        any_text(),
        prop::collection::vec((any_text(), any_text(), any_text()), 0..3),
    )
        .prop_map(|(a, b, status, note, claimant, sources)| ClaimSpec {
            a,
            b,
            status,
            note,
            claimant,
            sources,
        })
}

fn build(text: &str, claims: &[ClaimSpec]) -> Option<Session> {
    let mut s = Session::new(import_text(text, Some("article.txt".into())).ok()?);
    let len = s.article.text.chars().count();
    for c in claims {
        let (x, y) = (c.a % len, c.b % len);
        let (start, end) = (x.min(y), x.max(y) + 1);
        let cmd = Command::AddClaim {
            start,
            end,
            claimant: c.claimant.clone(),
            attribution: None,
        };
        let id = apply(&mut s, cmd).ok()?.claim?;
        let status = s.scheme.labels[c.status % s.scheme.labels.len()].id.clone();
        apply(&mut s, Command::SetStatus { claim: id, status }).ok()?;
        apply(
            &mut s,
            Command::SetNote {
                claim: id,
                note: c.note.clone(),
            },
        )
        .ok()?;
        for (url, title, quote) in &c.sources {
            let draft = SourceDraft {
                url: url.clone(),
                title: title.clone(),
                quote: quote.clone(),
                stance: Stance::Refutes,
                accessed: String::new(),
            };
            apply(&mut s, Command::AddSource { claim: id, draft }).ok()?;
        }
    }
    Some(s)
}

/// Character offsets of every occurrence of `needle` (overlapping ones too).
fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    hay.char_indices()
        .enumerate()
        .filter(|&(_, (b, _))| hay[b..].starts_with(needle))
        .map(|(i, _)| i)
        .collect()
}

#[derive(Debug, Clone)]
struct Edit {
    at: usize,
    delete: usize,
    insert: String,
}

fn edit() -> impl Strategy<Value = Edit> {
    (
        any::<usize>(),
        0usize..30,
        prop::collection::vec(hard_char(), 0..40),
    )
        .prop_map(|(at, delete, ins)| Edit {
            at,
            delete,
            insert: ins.into_iter().collect(),
        })
}

fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        let at = e.at % (chars.len() + 1);
        let end = (at + e.delete).min(chars.len());
        chars.splice(at..end, e.insert.chars());
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_session_saves_and_loads_back_equal(t in text(200), claims in prop::collection::vec(claim_spec(), 0..6)) {
        let Some(session) = build(&t, &claims) else { return Ok(()) };
        let ron = to_ron(&session);
        let loaded = from_ron(&ron).map_err(|e| TestCaseError::fail(format!("{e}\n{ron}")))?;
        prop_assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        prop_assert_eq!(&loaded.session, &session);
        prop_assert_eq!(to_ron(&loaded.session), ron);
    }

    #[test]
    fn reanchoring_after_any_edit_finds_unique_quotes(
        t in text(300),
        claims in prop::collection::vec(claim_spec(), 0..8),
        edits in prop::collection::vec(edit(), 0..6),
    ) {
        let Some(mut session) = build(&t, &claims) else { return Ok(()) };
        let new_text = apply_edits(&session.article.text, &edits);
        let Ok(new_article) = import_text(&new_text, None) else { return Ok(()) };
        let new_text = new_article.text.clone();
        let len = new_text.chars().count();
        let outcome = reanchor(&session, new_article);
        prop_assert_eq!(outcome.placements.len(), session.claims.len());
        for (p, claim) in outcome.placements.iter().zip(&session.claims) {
            let a = &p.place.anchor;
            prop_assert!(a.start < a.end && a.end <= len, "{:?} in {} chars", a, len);
            prop_assert_eq!(p.place.claim, claim.id);
            if let [only] = occurrences(&new_text, &claim.anchor.exact).as_slice() {
                prop_assert_eq!(a.start, *only, "quote {:?} occurs once", claim.anchor.exact);
                prop_assert_eq!(&a.exact, &claim.anchor.exact);
                prop_assert!(!p.place.needs_review);
            }
        }
        let before = session.clone();
        let applied = apply(&mut session, outcome.into_command()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(session.claims.len(), before.claims.len());
        // Still a valid session file.
        let reloaded = from_ron(&to_ron(&session)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(reloaded.session.claims.len(), before.claims.len());
        apply(&mut session, applied.inverse).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(session, before);
    }
}
