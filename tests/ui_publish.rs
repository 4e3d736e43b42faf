//! Publishing from the app: exports from the File menu (with the ClaimReview linter's
//! warnings), the verdict chart, and switching the rating scheme with undo.

use claimdesk::sample::sample_session;
use claimdesk::ui::{ClaimdeskApp, StartOptions};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

#[path = "common/ui_kit.rs"]
mod kit;

fn app() -> Harness<'static, ClaimdeskApp> {
    kit::start(StartOptions {
        session: Some(sample_session()),
        ..Default::default()
    })
}

fn export_via_menu(harness: &mut Harness<'_, ClaimdeskApp>, item: &str, path: &std::path::Path) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
    kit::choose_file(harness, path, "Export");
}

#[test]
fn exports_a_report_and_warns_about_claimreview_problems() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app();
    let html = dir.path().join("report.html");
    export_via_menu(&mut harness, "HTML report…", &html);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("six thousand soldiers") && page.contains("Half true"));

    let jsonld = dir.path().join("review.jsonld");
    export_via_menu(&mut harness, "ClaimReview JSON-LD…", &jsonld);
    harness.get_by_label("Exported with warnings");
    harness.get_by_label_contains("publisher");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&jsonld).unwrap()).unwrap();
    assert!(json.to_string().contains("ClaimReview"));
}

#[test]
fn the_verdict_chart_follows_status_changes() {
    let mut harness = app();
    harness.get_by_label_contains("Verdicts: Unverified: 1,");
    harness
        .get_by_label_contains("Claim #6: Unverified")
        .click();
    harness.run();
    harness.key_press(Key::Num6);
    harness.run();
    harness.get_by_label_contains(
        "Verdicts: True: 1, Mostly true: 1, Half true: 1, False: 2, Unproven: 1",
    );
}

#[test]
fn switching_the_rating_scheme_maps_verdicts_and_undoes() {
    let mut harness = app();
    harness.get_by_label("Claim").click();
    harness.run();
    harness.get_by_label("Rating scheme…").click();
    harness.run();
    harness.get_by_label("How existing verdicts carry over");
    harness
        .get_by_label_contains("Built-in schemes and your own")
        .click();
    harness.run();
    harness.get_by_label("PolitiFact Truth-O-Meter").click();
    harness.run();
    // "Unproven" has no PolitiFact match: the user picks what it becomes.
    harness.get_by_value("Choose…").click();
    harness.run();
    harness
        .get_all_by_label("Not yet rated")
        .last()
        .unwrap()
        .click();
    harness.run();
    harness.get_by_label("Switch scheme").click();
    harness.run();
    let session = &harness.state().document().session;
    assert_eq!(session.scheme.id, "politifact");
    assert!(
        session
            .claims
            .iter()
            .all(|c| session.scheme.label(&c.status).is_some())
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().document().session,
        sample_session_with_same_ids()
    );
}

fn sample_session_with_same_ids() -> claimdesk::model::Session {
    sample_session()
}
