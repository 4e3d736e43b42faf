//! Property tests of the merge: random edit sequences on two copies of a session.
//!
//! Whatever the two sides did: nothing either side kept is lost, merging a side with
//! itself or with the base gives that side, swapping the sides gives the same session
//! up to the conflicts' labels, and the merged file loads and saves to the same bytes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::command::{Command, apply};
use claimdesk::merge::{MergeLabels, merge};
use claimdesk::model::{ClaimField, ConflictSubject, IdGenerator, Session, SourceDraft, Stance};
use claimdesk::reanchor::reanchor;
use claimdesk::store::{from_ron, to_ron};
use proptest::prelude::*;
use std::sync::OnceLock;

/// One edit a person can make, with indices taken modulo what exists.
#[derive(Debug, Clone)]
enum Edit {
    Add {
        at: usize,
        len: usize,
    },
    Delete(usize),
    Status(usize, usize),
    Note(usize, String),
    Text(usize, String),
    Claimant(usize, String),
    AddSource(usize, String),
    RemoveSource(usize, usize),
    ReviewUrl(usize, String),
    /// Insert a sentence into the article at a paragraph (the article is corrected).
    Article(usize, String),
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "",
        "checked",
        "false",
        "see the ministry's page",
        "Ada's note",
        "Ben's note",
        "noted\nwith lines",
        "“quoted”",
    ])
    .prop_map(str::to_owned)
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<usize>(), 5usize..60).prop_map(|(at, len)| Edit::Add { at, len }),
        1 => any::<usize>().prop_map(Edit::Delete),
        3 => (any::<usize>(), 0usize..8).prop_map(|(c, s)| Edit::Status(c, s)),
        2 => (any::<usize>(), word()).prop_map(|(c, w)| Edit::Note(c, w)),
        1 => (any::<usize>(), word()).prop_map(|(c, w)| Edit::Text(c, w)),
        1 => (any::<usize>(), word()).prop_map(|(c, w)| Edit::Claimant(c, w)),
        2 => (any::<usize>(), word()).prop_map(|(c, w)| Edit::AddSource(c, w)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(c, s)| Edit::RemoveSource(c, s)),
        1 => (any::<usize>(), word()).prop_map(|(c, w)| Edit::ReviewUrl(c, w)),
        1 => (any::<usize>(), word()).prop_map(|(p, w)| Edit::Article(p, w)),
    ]
}

fn base() -> &'static Session {
    static BASE: OnceLock<Session> = OnceLock::new();
    BASE.get_or_init(claimdesk::sample::sample_session)
}

/// Applies the edits that make sense (a person cannot do the others).
fn edited(base: &Session, seed: u64, edits: &[Edit]) -> Session {
    let mut s = base.clone().with_ids(IdGenerator::seeded(seed));
    for e in edits {
        let n = s.claims.len();
        let claim = |i: usize| s.claims.get(i % n.max(1)).map(|c| c.id);
        let command = match e {
            Edit::Add { at, len } => {
                let chars = s.article.char_len();
                let start = at % chars.max(1);
                Some(Command::AddClaim {
                    start,
                    end: (start + len).min(chars),
                    claimant: String::new(),
                    attribution: None,
                })
            }
            Edit::Delete(i) => claim(*i).map(Command::DeleteClaim),
            Edit::Status(i, k) => claim(*i).map(|c| Command::SetStatus {
                claim: c,
                status: s.scheme.labels[k % s.scheme.labels.len()].id.clone(),
                by: format!("reviewer {seed}"),
                date: "2026-11-30".into(),
            }),
            Edit::Note(i, w) => claim(*i).map(|c| Command::SetNote {
                claim: c,
                note: w.clone(),
            }),
            Edit::Text(i, w) => claim(*i).map(|c| Command::SetText {
                claim: c,
                text: w.clone(),
            }),
            Edit::Claimant(i, w) => claim(*i).map(|c| Command::SetClaimant {
                claim: c,
                claimant: w.clone(),
            }),
            Edit::ReviewUrl(i, w) => claim(*i).map(|c| Command::SetReviewUrl {
                claim: c,
                url: w.clone(),
            }),
            Edit::AddSource(i, w) => claim(*i).map(|c| Command::AddSource {
                claim: c,
                draft: SourceDraft {
                    url: format!("https://example.org/{w}"),
                    title: w.clone(),
                    stance: Stance::Refutes,
                    ..Default::default()
                },
            }),
            Edit::RemoveSource(i, k) => claim(*i).and_then(|c| {
                let sources = &s.claim(c)?.sources;
                let source = sources.get(k % sources.len().max(1))?.id;
                Some(Command::RemoveSource { claim: c, source })
            }),
            Edit::Article(p, w) => {
                let mut paragraphs: Vec<&str> = s.article.text.split("\n\n").collect();
                let at = p % paragraphs.len();
                let sentence = format!("Inserted by {seed}: {w}.");
                paragraphs.insert(at.max(1), &sentence);
                let text = paragraphs.join("\n\n");
                Some(reanchor(&s, s.article.with_text(text)).into_command())
            }
        };
        if let Some(command) = command {
            let _ = apply(&mut s, command);
        }
    }
    s
}

fn m(b: &Session, o: &Session, t: &Session) -> Session {
    merge(b, o, t, &MergeLabels::default()).session
}

/// The conflicts' two sides put in a fixed order and unlabelled.
fn without_labels(mut s: Session) -> Session {
    for c in &mut s.conflicts {
        c.ours.label.clear();
        c.theirs.label.clear();
        if format!("{:?}", c.ours) > format!("{:?}", c.theirs) {
            std::mem::swap(&mut c.ours, &mut c.theirs);
        }
    }
    s
}

fn sides() -> impl Strategy<Value = (Vec<Edit>, Vec<Edit>)> {
    (
        prop::collection::vec(edit(), 0..8),
        prop::collection::vec(edit(), 0..8),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn nothing_either_side_kept_is_lost((ours, theirs) in sides()) {
        let b = base();
        let (o, t) = (edited(b, 1, &ours), edited(b, 2, &theirs));
        let merged = m(b, &o, &t);
        for (x, y) in [(&o, &t), (&t, &o)] {
            for c in &x.claims {
                let in_base = b.claim(c.id);
                // Kept unless the other side deleted it and this side left it alone.
                if in_base.is_none() || y.claim(c.id).is_some() {
                    let kept = merged.claim(c.id);
                    prop_assert!(kept.is_some(), "claim #{} was lost", c.number);
                    let kept = kept.unwrap();
                    let base_sources = in_base.map(|b| b.sources.clone()).unwrap_or_default();
                    for s in &c.sources {
                        if !base_sources.iter().any(|bs| bs.id == s.id) {
                            prop_assert!(kept.source(s.id).is_some(), "a source added to claim #{} was lost", c.number);
                        }
                    }
                }
                // A verdict one side set survives, or is a recorded conflict.
                if let (Some(bc), Some(mc)) = (in_base, merged.claim(c.id))
                    && c.status != bc.status
                {
                    let about = ConflictSubject::ClaimField { claim: c.id, field: ClaimField::Verdict };
                    let other = y.claim(c.id).map(|oc| oc.status.clone());
                    prop_assert!(
                        mc.status == c.status
                            || other.as_ref() == Some(&mc.status)
                            || merged.conflict(&about).is_some(),
                        "a verdict was lost"
                    );
                }
            }
        }
        let mut numbers: Vec<u64> = merged.claims.iter().map(|c| c.number).collect();
        numbers.sort();
        numbers.dedup();
        prop_assert_eq!(numbers.len(), merged.claims.len(), "numbers are unique");
    }

    #[test]
    fn merging_a_side_with_itself_or_the_base_gives_that_side(edits in prop::collection::vec(edit(), 0..10)) {
        let b = base();
        let x = edited(b, 3, &edits);
        prop_assert_eq!(&m(b, &x, &x), &x);
        prop_assert_eq!(&m(b, b, &x), &x);
        prop_assert_eq!(&m(b, &x, b), &x);
    }

    #[test]
    fn swapping_the_sides_changes_only_the_labels((ours, theirs) in sides()) {
        let b = base();
        let (o, t) = (edited(b, 1, &ours), edited(b, 2, &theirs));
        prop_assert_eq!(without_labels(m(b, &o, &t)), without_labels(m(b, &t, &o)));
    }

    #[test]
    fn the_merged_file_loads_and_saves_to_the_same_bytes((ours, theirs) in sides()) {
        let b = base();
        let (o, t) = (edited(b, 1, &ours), edited(b, 2, &theirs));
        let merged = m(b, &o, &t);
        let text = to_ron(&merged);
        let loaded = from_ron(&text).unwrap();
        prop_assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        prop_assert_eq!(&loaded.session, &merged);
        prop_assert_eq!(to_ron(&loaded.session), text);
    }
}
