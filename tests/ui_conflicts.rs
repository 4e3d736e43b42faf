//! Settling a merge's conflicts in the app (issue 12): a session with conflicts opens
//! on the Conflicts tab, the title and status bar count them, keeping a version is
//! undoable, and exports wait until none is left.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::model::{
    ClaimField, Conflict, ConflictSide, ConflictSubject, ConflictValue, Session,
};
use claimdesk::sample::sample_session;
use claimdesk::ui::{ClaimdeskApp, StartOptions};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

#[path = "common/ui_kit.rs"]
mod kit;

/// The sample session with the first claim's verdict set to False by Ada on our side
/// and to True by Ben on theirs.
fn conflicted() -> Session {
    let mut s = sample_session();
    let claim = &s.claims[0];
    let verdict = |status: &str, by: &str| ConflictValue::Verdict {
        status: status.into(),
        by: by.into(),
        date: "2026-11-30".into(),
    };
    s.conflicts.push(Conflict {
        about: ConflictSubject::ClaimField {
            claim: claim.id,
            field: ClaimField::Verdict,
        },
        base: verdict(&claim.status, ""),
        ours: ConflictSide {
            label: "main".into(),
            by: "Ada".into(),
            date: "2026-11-30".into(),
            value: verdict("false", "Ada"),
        },
        theirs: ConflictSide {
            label: "ben".into(),
            by: "Ben".into(),
            date: "2026-11-30".into(),
            value: verdict("true", "Ben"),
        },
    });
    s
}

fn open(dir: &std::path::Path) -> Harness<'static, ClaimdeskApp> {
    let path = dir.join("merged.ron");
    claimdesk::store::save_session(&path, &conflicted(), None).unwrap();
    let mut harness = kit::start(StartOptions {
        open: Some(path),
        ..Default::default()
    });
    harness.run();
    harness
}

#[test]
fn a_merged_session_opens_on_its_conflicts_and_keeping_a_version_is_undoable() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open(dir.path());
    assert!(
        harness
            .state()
            .window_title()
            .contains("1 conflict to settle"),
        "{}",
        harness.state().window_title()
    );
    harness.get_by_label("1 conflict to settle");
    harness.get_by_label("Conflicts (1)");
    // Who set each verdict is said once, with the verdict, not again in the heading.
    harness.get_by_label("Ours (main)");
    harness.get_by_label("Theirs (ben)");
    harness.get_by_label("False (by Ada, 2026-11-30)");
    harness.get_by_label("True (by Ben, 2026-11-30)");
    assert!(
        harness.query_by_label_contains("· by Ada").is_none(),
        "the side's heading repeats who set the verdict"
    );

    kit::click(&mut harness, "Keep theirs");
    let session = &harness.state().document().session;
    assert!(session.conflicts.is_empty());
    assert_eq!(session.claims[0].status, "true");
    assert_eq!(session.claims[0].verdict_by, "Ben");
    harness.get_by_label("No conflicts left. Every change from the merge is settled.");
    assert!(!harness.state().window_title().contains("conflict"));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let session = &harness.state().document().session;
    assert_eq!(session.conflicts.len(), 1, "undo brings the conflict back");
    assert_ne!(session.claims[0].status, "true");
}

#[test]
fn exports_wait_until_the_conflicts_are_settled() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open(dir.path());
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label("CSV table…").click();
    harness.run();
    harness.get_by_label("Settle the conflicts first");
    assert!(
        harness
            .query_by_label_contains("has 1 conflict left from a merge. Nothing is published")
            .is_some()
    );
    assert!(!dir.path().join("merged.csv").exists());
}

#[test]
fn the_inspector_says_who_set_the_verdict_and_edits_publishing_fields() {
    let mut session = sample_session();
    session.claims[0].verdict_by = "Ada".into();
    session.claims[0].verdict_date = "2026-11-30".into();
    let id = session.claims[0].id;
    let mut harness = kit::start(StartOptions {
        session: Some(session),
        ..Default::default()
    });
    harness.state_mut().select_claim(id);
    harness.run();
    harness.get_by_label("Verdict set by Ada on 2026-11-30");
    kit::type_into(&mut harness, "Claim date (YYYY-MM-DD)", "12 March");
    harness.get_by_label("Write the date as YYYY-MM-DD, for example 2026-03-12.");
    kit::type_into(&mut harness, "Review URL", "desk.example/checks/1");
    let claim = &harness.state().document().session.claims[0];
    assert_eq!(claim.claim_date, "12 March");
    assert_eq!(claim.review_url, "desk.example/checks/1");
}

/// Issue 12's workflow end to end: a real merge of two sides that set one verdict and
/// one note differently opens with its conflicts, the app settles them, saves, and
/// the saved session then exports.
#[test]
fn a_merge_settled_in_the_app_saves_and_exports() {
    use claimdesk::command::{Command, apply};
    use claimdesk::merge::{MergeLabels, merge};
    let base = sample_session();
    let id = base.claims[0].id;
    let side = |status: &str, note: &str, by: &str| {
        let mut s = base.clone();
        let set = |s: &mut Session, c: Command| apply(s, c).unwrap();
        set(
            &mut s,
            Command::SetStatus {
                claim: id,
                status: status.into(),
                by: by.into(),
                date: "2026-11-30".into(),
            },
        );
        set(
            &mut s,
            Command::SetNote {
                claim: id,
                note: note.into(),
            },
        );
        s
    };
    let ours = side("false", "Ada's note", "Ada");
    let theirs = side("true", "Ben's note", "Ben");
    let merged = merge(&base, &ours, &theirs, &MergeLabels::default());
    assert_eq!(merged.new_conflicts, 2);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("merged.ron");
    claimdesk::store::save_session(&path, &merged.session, None).unwrap();

    let mut harness = kit::start(StartOptions {
        open: Some(path.clone()),
        ..Default::default()
    });
    harness.run();
    harness.get_by_label("Conflicts (2)");
    // The first card is the verdict (fields in claim order), the second the note.
    harness
        .get_all_by_label("Keep ours")
        .next()
        .unwrap()
        .click();
    harness.run();
    kit::click(&mut harness, "Keep theirs");
    assert!(harness.state().document().session.conflicts.is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();

    let saved = claimdesk::store::load_session(&path).unwrap().0.session;
    assert!(saved.conflicts.is_empty());
    let claim = saved.claim(id).unwrap();
    assert_eq!(
        (claim.status.as_str(), claim.note.as_str()),
        ("false", "Ben's note")
    );
    let options = claimdesk::export::ExportOptions::default();
    claimdesk::export::export(
        &saved,
        claimdesk::export::ExportFormat::ClaimReview,
        &options,
    )
    .unwrap();
}
