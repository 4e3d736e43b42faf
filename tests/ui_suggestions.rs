//! Suggested claims in the app: found off the UI thread when an article without claims
//! opens, explained, accepted with their claimant, dismissed for good.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::ui::{ClaimdeskApp, StartOptions};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

#[path = "common/ui_kit.rs"]
mod kit;

fn app(open: Option<std::path::PathBuf>) -> Harness<'static, ClaimdeskApp> {
    // Tall enough that every suggestion row of the seed article is on screen
    // (the list only creates widgets for visible rows).
    kit::start_sized(
        egui::vec2(1280.0, 2400.0),
        StartOptions {
            open,
            ..Default::default()
        },
    )
}

/// Whether any widget's label contains `text`.
fn has(harness: &Harness<'_, ClaimdeskApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// The suggestions are there (the kit runs the suggester in place, so no waiting).
fn wait_for_suggestions(harness: &mut Harness<'_, ClaimdeskApp>) {
    harness.run();
    assert!(has(harness, "Suggestion, score"), "no suggestions arrived");
}

#[test]
fn accept_and_dismiss_suggestions_and_the_dismissal_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(None);
    harness.get_by_label_contains("Suggestions (").click();
    wait_for_suggestions(&mut harness);
    harness.run();

    // Concrete claims are suggested; the photo credit and subheadings are not.
    assert!(has(&harness, "six thousand soldiers"));
    assert!(has(&harness, "Suggestion, score"));
    assert!(!has(&harness, "Photo: ALAMI"));
    assert!(has(&harness, "Suggestion, score 0."));

    harness
        .get_by_label_contains("six thousand soldiers")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_label_contains("six thousand soldiers")
        .click();
    harness.run();
    harness.get_by_label("Why this score");
    harness.key_press(Key::Enter);
    harness.run();
    let doc = harness.state().document();
    assert_eq!(
        doc.session.claims.len(),
        1,
        "Enter accepts the selected suggestion"
    );
    assert!(
        doc.session.claims[0]
            .anchor
            .exact
            .contains("six thousand soldiers")
    );
    assert!(has(&harness, "Suggestion, score"));

    // Dismiss the Lavrov sentence about peace talks; it must stay dismissed.
    let lavrov = "Lavrov said Russia wanted to help start peace talks";
    harness.get_by_label_contains(lavrov).scroll_to_me();
    harness.run();
    harness.get_by_label_contains(lavrov).click();
    harness.run();
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(!has(&harness, &format!("{lavrov} between")));
    assert_eq!(
        harness
            .state()
            .document()
            .session
            .dismissed_suggestions
            .len(),
        1
    );

    let path = dir.path().join("s.ron");
    claimdesk::store::save_session(&path, &harness.state().document().session, None).unwrap();
    let mut reopened = app(Some(path));
    reopened.get_by_label("Suggestions").click();
    wait_for_suggestions(&mut reopened);
    reopened.run();
    assert!(!has(&reopened, lavrov), "dismissed stays dismissed");
    assert!(has(&reopened, "Kommersant"));
}
