//! The merge's rules, one scenario each.

use super::*;
use crate::command::{Command, apply};
use crate::model::{ClaimField, ClaimId, ConflictValue, Resolution, Side, SourceDraft, Stance};
use crate::sample::sample_session;
use crate::store::{from_ron, to_ron, to_ron_generic};

fn base() -> Session {
    sample_session()
}

/// The sample's one claim without a verdict yet (claim #6).
fn unreviewed(s: &Session) -> ClaimId {
    s.claims
        .iter()
        .find(|c| c.status == "unverified")
        .unwrap()
        .id
}

/// A copy of `s` that draws its own ids, as a copy on another machine would.
fn side(s: &Session, seed: u64) -> Session {
    s.clone().with_ids(IdGenerator::seeded(seed))
}

fn run(s: &mut Session, command: Command) -> Option<ClaimId> {
    apply(s, command).unwrap().claim
}

fn add(s: &mut Session, quote: &str) -> ClaimId {
    let byte = s.article.text.find(quote).unwrap();
    let start = s.article.text[..byte].chars().count();
    let end = start + quote.chars().count();
    run(
        s,
        Command::AddClaim {
            start,
            end,
            claimant: String::new(),
            attribution: None,
        },
    )
    .unwrap()
}

fn status(claim: ClaimId, status: &str, by: &str) -> Command {
    Command::SetStatus {
        claim,
        status: status.into(),
        by: by.into(),
        date: "2026-11-30".into(),
    }
}

fn m(b: &Session, o: &Session, t: &Session) -> MergeOutcome {
    merge(b, o, t, &MergeLabels::default())
}

/// The session with each conflict's two sides in a fixed order, for comparing a
/// merge with the same merge with sides swapped.
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

/// The merged session survives a save and a load unchanged, byte for byte.
fn check_file(s: &Session) {
    let text = to_ron(s);
    assert_eq!(text, to_ron_generic(s), "the writer matches ron");
    let loaded = from_ron(&text).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.session, *s);
    assert_eq!(to_ron(&loaded.session), text);
}

#[test]
fn additions_on_both_sides_are_all_kept_and_numbers_stay_unique() {
    let b = base();
    let (mut o, mut t) = (side(&b, 1), side(&b, 2));
    let mine = add(&mut o, "Lavrov said");
    let theirs = add(&mut t, "The Kremlin has offered Washington");
    let out = m(&b, &o, &t);
    assert!(out.is_clean());
    let s = &out.session;
    assert_eq!(s.claims.len(), 8);
    let (a, z) = (s.claim(mine).unwrap(), s.claim(theirs).unwrap());
    // Both sides called their new claim #7: the one with the smaller id keeps it.
    assert_eq!(o.claim(mine).unwrap().number, 7);
    assert_eq!(t.claim(theirs).unwrap().number, 7);
    let mut numbers = [a.number, z.number];
    numbers.sort();
    assert_eq!(numbers, [7, 8]);
    assert_eq!(s.claim(mine.min(theirs)).unwrap().number, 7);
    assert_eq!(out.renumbered, [(7, 8)]);
    assert_eq!(s.next_claim_number, 9);
    let swapped = m(&b, &t, &o);
    assert_eq!(
        swapped.session, out.session,
        "the same whichever side is ours"
    );
    check_file(s);
}

#[test]
fn edits_to_different_fields_of_a_claim_merge() {
    let b = base();
    let id = unreviewed(&b);
    let (mut o, mut t) = (side(&b, 1), side(&b, 2));
    run(&mut o, status(id, "false", "Ada"));
    run(
        &mut t,
        Command::SetNote {
            claim: id,
            note: "Checked the transcript".into(),
        },
    );
    run(
        &mut t,
        Command::AddSource {
            claim: id,
            draft: SourceDraft {
                url: "https://example.org/transcript".into(),
                stance: Stance::Refutes,
                ..Default::default()
            },
        },
    );
    let out = m(&b, &o, &t);
    assert!(out.is_clean());
    let c = out.session.claim(id).unwrap();
    assert_eq!((c.status.as_str(), c.verdict_by.as_str()), ("false", "Ada"));
    assert_eq!(c.note, "Checked the transcript");
    assert_eq!(c.sources.len(), 1);
    check_file(&out.session);
}

#[test]
fn the_same_field_changed_differently_is_a_conflict_kept_in_the_session() {
    let b = base();
    let id = unreviewed(&b);
    let (mut o, mut t) = (side(&b, 1), side(&b, 2));
    run(&mut o, status(id, "false", "Ada"));
    run(&mut t, status(id, "misleading", "Ben"));
    run(
        &mut o,
        Command::SetNote {
            claim: id,
            note: "mine".into(),
        },
    );
    run(
        &mut t,
        Command::SetNote {
            claim: id,
            note: "theirs".into(),
        },
    );
    let labels = MergeLabels {
        ours: "main".into(),
        theirs: "ben/checks".into(),
    };
    let out = merge(&b, &o, &t, &labels);
    assert_eq!(out.new_conflicts, 2);
    let s = &out.session;
    // The session holds the base values until someone decides.
    let c = s.claim(id).unwrap();
    assert_eq!((c.status.as_str(), c.note.as_str()), ("unverified", ""));
    let verdict = s
        .conflict(&ConflictSubject::ClaimField {
            claim: id,
            field: ClaimField::Verdict,
        })
        .unwrap();
    assert_eq!(verdict.ours.label, "main");
    assert_eq!(verdict.theirs.by, "Ben");
    assert_eq!(verdict.describe(s), "claim #6: verdict");
    assert_eq!(
        verdict.theirs.value.summary(&s.scheme),
        "Misleading (by Ben, 2026-11-30)"
    );
    check_file(s);
    // Exports refuse; settling both (undoably) lets them through.
    let options = crate::export::ExportOptions::default();
    let err = crate::export::export(s, crate::export::ExportFormat::Csv, &options).unwrap_err();
    assert!(err.to_string().contains("2 merge conflict(s)"), "{err}");
    let mut s = s.clone();
    let before = s.clone();
    let pick = apply(
        &mut s,
        Command::ResolveConflict {
            about: verdict.about.clone(),
            resolution: Resolution::Pick(Side::Theirs),
        },
    )
    .unwrap();
    let c = s.claim(id).unwrap();
    assert_eq!(
        (c.status.as_str(), c.verdict_by.as_str()),
        ("misleading", "Ben")
    );
    apply(&mut s, pick.inverse).unwrap();
    assert_eq!(s, before, "undo puts the old verdict and the conflict back");
    let note = ConflictSubject::ClaimField {
        claim: id,
        field: ClaimField::Note,
    };
    for (about, resolution) in [
        (verdict.about.clone(), Resolution::Pick(Side::Ours)),
        (note, Resolution::Value(ConflictValue::Text("both".into()))),
    ] {
        apply(&mut s, Command::ResolveConflict { about, resolution }).unwrap();
    }
    assert!(s.conflicts.is_empty());
    assert_eq!(s.claim(id).unwrap().note, "both");
    assert!(crate::export::export(&s, crate::export::ExportFormat::Csv, &options).is_ok());
}

#[test]
fn a_claim_deleted_on_one_side_and_edited_on_the_other_is_kept() {
    let b = base();
    let id = b.claims[2].id;
    let (mut o, mut t) = (side(&b, 1), side(&b, 2));
    run(&mut o, Command::DeleteClaim(id));
    run(
        &mut t,
        Command::SetClaimant {
            claim: id,
            claimant: "Lavrov".into(),
        },
    );
    let out = m(&b, &o, &t);
    let s = out.session.clone();
    assert_eq!(s.claim(id).unwrap().claimant, "Lavrov");
    let about = ConflictSubject::ClaimDeleted { claim: id };
    assert!(matches!(
        s.conflict(&about).unwrap().ours.value,
        ConflictValue::Absent
    ));
    check_file(&s);
    let mut deleted = s.clone();
    apply(
        &mut deleted,
        Command::ResolveConflict {
            about: about.clone(),
            resolution: Resolution::Pick(Side::Ours),
        },
    )
    .unwrap();
    assert!(deleted.claim(id).is_none() && deleted.conflicts.is_empty());
    // Deleted on one side and untouched on the other: simply gone.
    let out = m(&b, &o, &b);
    assert!(out.is_clean() && out.session.claim(id).is_none());
}

#[test]
fn an_article_corrected_on_one_side_moves_the_other_sides_claims() {
    let b = base();
    let (mut o, mut t) = (side(&b, 1), side(&b, 2));
    // Ours inserts an editor's note at the top and rewrites one claim's sentence.
    let lavrov = b
        .claims
        .iter()
        .find(|c| c.text.starts_with("Lavrov"))
        .unwrap()
        .id;
    let new_text = b
        .article
        .text
        .replacen(
            "\n\n",
            "\n\nEditor's note: this story was corrected.\n\n",
            1,
        )
        .replace(
            "Lavrov said Russia wanted to help start peace talks",
            "Lavrov spoke",
        );
    let new_article = b.article.with_text(new_text.clone());
    let command = crate::reanchor::reanchor(&o, new_article).into_command();
    run(&mut o, command);
    // Theirs adds a claim in the old text and edits another.
    let added = add(&mut t, "Russia also has a smaller base in Kyrgyzstan");
    let first = b.claims[0].id;
    run(
        &mut t,
        Command::SetNote {
            claim: first,
            note: "theirs".into(),
        },
    );
    let out = m(&b, &o, &t);
    assert!(out.is_clean(), "{:?}", out.session.conflicts);
    let s = &out.session;
    assert_eq!(s.article.text, new_text);
    assert_eq!(s.claims.len(), 7, "nothing dropped");
    let c = s.claim(added).unwrap();
    assert!(c.anchor.matches(&s.article.text) && !c.needs_review);
    assert_eq!(s.claim(first).unwrap().note, "theirs");
    assert!(s.claim(first).unwrap().anchor.matches(&s.article.text));
    assert!(s.claim(lavrov).unwrap().needs_review);
    assert_eq!(out.needs_review, 1);
    check_file(s);
    assert_eq!(m(&b, &t, &o).session, out.session);
}

#[test]
fn articles_changed_differently_on_both_sides_are_a_conflict_with_both_texts() {
    let b = base();
    let (mut o, mut t) = (side(&b, 1), side(&b, 2));
    for (s, fix) in [(&mut o, "Fixed by us."), (&mut t, "Fixed by them.")] {
        let text = format!("{}\n\n{fix}", s.article.text);
        let command = crate::reanchor::reanchor(s, s.article.with_text(text)).into_command();
        run(s, command);
    }
    let out = m(&b, &o, &t);
    let s = &out.session;
    assert_eq!(
        s.article.text, b.article.text,
        "the base text until decided"
    );
    let conflict = s.conflict(&ConflictSubject::ArticleText).unwrap();
    let ConflictValue::Article(theirs) = &conflict.theirs.value else {
        panic!("{conflict:?}");
    };
    assert!(theirs.text.ends_with("Fixed by them."));
    check_file(s);
    let mut s = s.clone();
    apply(
        &mut s,
        Command::ResolveConflict {
            about: ConflictSubject::ArticleText,
            resolution: Resolution::Pick(Side::Theirs),
        },
    )
    .unwrap();
    assert!(s.article.text.ends_with("Fixed by them."));
    assert!(s.claims.iter().all(|c| c.anchor.matches(&s.article.text)));
    check_file(&s);
}

#[test]
fn merging_a_side_with_itself_or_with_the_base_gives_that_side() {
    let b = base();
    let mut x = side(&b, 3);
    let id = b.claims[1].id;
    run(&mut x, status(id, "false", "Ada"));
    add(&mut x, "Lavrov said");
    run(&mut x, Command::DeleteClaim(b.claims[0].id));
    assert_eq!(m(&b, &x, &x).session, x);
    assert_eq!(m(&b, &b, &x).session, x);
    assert_eq!(m(&b, &x, &b).session, x);
}

#[test]
fn swapped_sides_give_the_same_session_up_to_labels() {
    let b = base();
    let id = b.claims[3].id;
    let (mut o, mut t) = (side(&b, 1), side(&b, 2));
    run(&mut o, status(id, "false", "Ada"));
    run(&mut t, status(id, "true", "Ben"));
    add(&mut o, "Lavrov said");
    add(&mut t, "Lavrov said Russia");
    let one = m(&b, &o, &t).session;
    let two = m(&b, &t, &o).session;
    assert_eq!(without_labels(one), without_labels(two));
}
