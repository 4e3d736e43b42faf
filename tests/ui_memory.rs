//! The app picks up where the user left off: the last session with its selected
//! claim, and work that was never saved because the app died.

use claimdesk::sample::sample_session;
use claimdesk::store::{Autosave, save_session};
use claimdesk::ui::StartOptions;
use claimdesk::ui::memory::AppMemory;
use egui_kittest::kittest::Queryable as _;

#[path = "common/ui_kit.rs"]
mod kit;

use kit::start as app;

#[test]
fn reopens_the_last_session_with_its_selected_claim() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("last.ron");
    save_session(&path, &sample_session(), None).unwrap();
    let memory = AppMemory {
        last_session: Some(path.clone()),
        last_selected: Some(4),
        ..Default::default()
    };
    let harness = app(StartOptions {
        memory,
        ..Default::default()
    });
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    assert_eq!(harness.state().selected_claim().map(|id| id.0), Some(4));
    harness.get_by_label("Claim #4");
}

#[test]
fn offers_autosaved_work_back_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let autosave = Autosave::in_dir(dir.path());
    autosave.write(&sample_session(), None).unwrap();

    let mut harness = app(StartOptions {
        autosave: Some(autosave.clone()),
        ..Default::default()
    });
    harness.get_by_label("Recover unsaved work?");
    assert!(
        harness.state().document().session.claims.is_empty(),
        "nothing is replaced before the user decides"
    );
    harness.get_by_label("Recover").click();
    harness.run();
    let doc = harness.state().document();
    assert_eq!(doc.session.claims.len(), 6);
    assert!(doc.is_dirty(), "recovered work still needs saving");
    assert!(
        autosave.read().is_some(),
        "the autosave stays until the work is saved"
    );

    let mut declined = app(StartOptions {
        autosave: Some(autosave.clone()),
        ..Default::default()
    });
    declined.get_by_label("Discard").click();
    declined.run();
    assert!(declined.state().document().session.claims.is_empty());
    assert!(autosave.read().is_none(), "discarding deletes the autosave");
}

/// Issue 11: the suggestions' minimum score slider reset on every launch.
#[test]
fn the_suggestion_threshold_and_order_survive_a_relaunch() {
    let memory = AppMemory {
        suggestion_threshold: Some(0.7),
        suggestions_by_score: true,
        ..Default::default()
    };
    let mut harness = app(StartOptions {
        memory,
        ..Default::default()
    });
    let kept = harness.state_mut().memory_to_keep();
    assert_eq!(kept.suggestion_threshold, Some(0.7));
    assert!(kept.suggestions_by_score);
}
