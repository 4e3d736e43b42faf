//! Drives the real app headless through egui_kittest, by labels and roles, the way a
//! fact-checker would: make a claim, give it a verdict and a source, save, reopen.

use claimdesk::ui::{ClaimdeskApp, StartOptions};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::{Path, PathBuf};

#[path = "common/ui_kit.rs"]
mod kit;

use kit::{click, type_into};

fn app(open: Option<PathBuf>) -> Harness<'static, ClaimdeskApp> {
    kit::start(StartOptions {
        open,
        ..Default::default()
    })
}

const SENTENCE: &str = "The Kremlin has offered Washington the use of its military bases in Central Asia to gather intelligence from Afghanistan.";

/// Clicks a paragraph of the article and selects all of it with Ctrl+A, as a user would.
fn select_paragraph(harness: &mut Harness<'_, ClaimdeskApp>, text: &str) {
    harness.get_by_value(text).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
}

fn save_as(harness: &mut Harness<'_, ClaimdeskApp>, path: &Path) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    kit::choose_file(harness, path, "Save");
}

#[test]
fn opens_on_the_seed_article() {
    let harness = app(None);
    harness.get_by_label("To spy on the Taliban, Putin offers Washington his bases");
    harness.get_by_label_contains("words");
    harness.get_by_label("0 claims");
    assert_eq!(
        harness.state().document().session.article.title,
        "To spy on the Taliban, Putin offers Washington his bases"
    );
}

#[test]
fn claim_status_and_source_survive_save_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("check.ron");
    let mut harness = app(None);

    select_paragraph(&mut harness, SENTENCE);
    harness.get_by_label("+ New claim").click();
    harness.run();
    let doc = harness.state().document();
    assert_eq!(doc.session.claims.len(), 1);
    assert_eq!(doc.session.claims[0].anchor.exact, SENTENCE);
    assert!(doc.is_dirty());

    harness.get_by_label("Mostly true").click();
    harness.run();
    click(&mut harness, "+ Add source");
    assert_eq!(
        harness.state().document().session.claims[0].sources.len(),
        1
    );
    type_into(
        &mut harness,
        "URL",
        "https://www.nytimes.com/2021/07/17/us/politics/russia-afghanistan-bases.html",
    );
    type_into(
        &mut harness,
        "Quoted passage",
        "Mr. Putin made the offer in Geneva",
    );
    click(&mut harness, "Refutes");
    type_into(&mut harness, "Claimant", "The Kremlin");
    save_as(&mut harness, &path);
    assert!(
        !harness.state().document().is_dirty(),
        "saving clears the unsaved marker"
    );
    assert!(path.exists());
    assert!(harness.state().window_title().starts_with("check.ron"));
    // Close the window (and its lock on the file) before opening it again.
    drop(harness);

    let reopened = app(Some(path.clone()));
    reopened.get_by_label("1 claim: 1 mostly true");
    reopened
        .get_by_label_contains("Claim #1: Mostly true, 1 source.")
        .click();
    let claim = &reopened.state().document().session.claims[0];
    assert_eq!(claim.anchor.exact, SENTENCE);
    assert_eq!(claim.status, "mostly-true");
    assert_eq!(claim.claimant, "The Kremlin");
    assert_eq!(
        claim.sources[0].url,
        "https://www.nytimes.com/2021/07/17/us/politics/russia-afghanistan-bases.html"
    );
    assert_eq!(claim.sources[0].quote, "Mr. Putin made the offer in Geneva");
    assert_eq!(claim.sources[0].stance, claimdesk::model::Stance::Refutes);
}

#[test]
fn keyboard_sets_status_undoes_and_deletes() {
    let mut harness = app(None);
    select_paragraph(&mut harness, SENTENCE);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert_eq!(harness.state().document().session.claims.len(), 1);
    // Keys pick verdicts in scheme order: 6 is False.
    harness.key_press(Key::Num6);
    harness.run();
    assert_eq!(harness.state().document().session.claims[0].status, "false");
    harness.get_by_label("1 claim: 1 false");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().document().session.claims[0].status,
        "unverified"
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().session.claims[0].status, "false");
    harness.key_press(Key::Delete);
    harness.run();
    assert!(harness.state().document().session.claims.is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().document().session.claims.len(),
        1,
        "undo brings a deleted claim back"
    );
    assert_eq!(harness.state().document().session.claims[0].status, "false");
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let mut harness = app(None);
    select_paragraph(&mut harness, SENTENCE);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    harness.get_by_label("Save changes?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Save changes?").is_none());
    assert_eq!(
        harness.state().document().session.claims.len(),
        1,
        "cancel keeps the work"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.step();
    let closing = harness
        .output()
        .viewport_output
        .values()
        .any(|v| v.commands.contains(&egui::ViewportCommand::Close));
    assert!(closing, "discard lets the window close");
}

#[test]
fn a_bad_file_shows_its_error_and_keeps_the_open_work() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.ron");
    let truncated = "(format_version: 1, scheme: (id: \"default\"";
    std::fs::write(&bad, truncated).unwrap();
    let mut harness = app(None);
    select_paragraph(&mut harness, SENTENCE);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    save_as(&mut harness, &dir.path().join("work.ron"));

    kit::file_menu(&mut harness, "Open… Ctrl+O");
    kit::choose_file(&mut harness, &bad, "Open");
    harness.get_by_label("Could not open the file");
    harness.get_by_label_contains("broken.ron");
    harness.get_by_label_contains("ends early");
    harness.get_by_label("OK").click();
    harness.run();
    let doc = harness.state().document();
    assert_eq!(doc.session.claims.len(), 1, "the open work stays");
    assert!(doc.path().is_some_and(|p| p.ends_with("work.ron")));
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        truncated,
        "a bad file is never overwritten"
    );
}
