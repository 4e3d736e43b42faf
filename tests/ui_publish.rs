//! Publishing from the app: exports from the File menu (ClaimReview checked before the
//! file is written, with a button to fix each problem), the verdict chart, and
//! switching the rating scheme with undo.

use claimdesk::sample::sample_session;
use claimdesk::ui::{ClaimdeskApp, StartOptions};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

#[path = "common/ui_kit.rs"]
mod kit;

fn app() -> Harness<'static, ClaimdeskApp> {
    kit::start(StartOptions {
        session: Some(sample_session()),
        ..Default::default()
    })
}

fn export_menu(harness: &mut Harness<'_, ClaimdeskApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

fn export_via_menu(harness: &mut Harness<'_, ClaimdeskApp>, item: &str, path: &std::path::Path) {
    export_menu(harness, item);
    kit::choose_file(harness, path, "Export");
}

fn has(harness: &Harness<'_, ClaimdeskApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn exports_a_report_and_warns_about_claimreview_problems() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app();
    let html = dir.path().join("report.html");
    export_via_menu(&mut harness, "HTML report…", &html);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("six thousand soldiers") && page.contains("Half true"));

    // ClaimReview is checked before anything is written.
    let jsonld = dir.path().join("review.jsonld");
    export_menu(&mut harness, "ClaimReview JSON-LD…");
    harness.get_by_label("Before publishing");
    assert!(has(&harness, "The publisher has no organisation URL"));
    assert!(!jsonld.exists(), "nothing written yet");
    kit::click(&mut harness, "Export anyway");
    kit::choose_file(&mut harness, &jsonld, "Export");
    assert!(has(
        &harness,
        "still missing for Google's fact-check markup"
    ));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&jsonld).unwrap()).unwrap();
    assert!(json.to_string().contains("ClaimReview"));
}

/// Issue 11, item 8: what ClaimReview is missing is listed before the file is written,
/// each with a button to where it is fixed, and the publisher's review URL pattern
/// gives every claim its page.
#[test]
fn before_publishing_lists_what_is_missing_with_a_way_to_fix_each() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app();
    export_menu(&mut harness, "ClaimReview JSON-LD…");
    harness.get_by_label("Before publishing");
    // No CLI options in the app's words.
    assert!(
        !has(&harness, "--"),
        "the app's advice names command-line flags"
    );
    // The article has no address: said once, for all claims.
    assert_eq!(
        harness
            .query_all_by_label_contains("Set the article's address in File › Article details")
            .count(),
        1
    );
    kit::click(&mut harness, "Open the article details");
    harness.get_by_label("Article details");
    harness.key_press(Key::Escape);
    harness.run();

    // A claim's own problem: the button selects it.
    export_menu(&mut harness, "ClaimReview JSON-LD…");
    let go = harness
        .query_all_by_label_contains("Go to claim #")
        .next()
        .and_then(|n| egui_kittest::kittest::NodeT::accesskit_node(&n).label())
        .expect("a claim to go to");
    let number: u64 = go.trim_start_matches("Go to claim #").parse().unwrap();
    kit::click(&mut harness, &go);
    assert!(!has(&harness, "Before publishing"), "the dialog closed");
    let selected = harness.state().selected_claim().expect("a claim selected");
    let session = &harness.state().document().session;
    assert_eq!(session.claim(selected).unwrap().number, number);

    export_menu(&mut harness, "ClaimReview JSON-LD…");
    kit::click(&mut harness, "Open Preferences");
    harness.get_by_label("Preferences");
    harness.get_by_label("Review URL pattern");

    // With a publisher, an address and a pattern, every claim has its page.
    let mut prefs = claimdesk::prefs::Preferences::default();
    prefs.publisher.organisation_name = "Desk".into();
    prefs.publisher.organisation_url = "https://desk.example".into();
    prefs.publisher.review_url_pattern = "https://desk.example/checks/{number}".into();
    let mut session = sample_session();
    session.article.meta.url = "https://news.example/story".into();
    let mut harness = kit::start(StartOptions {
        session: Some(session),
        prefs,
        ..Default::default()
    });
    let jsonld = dir.path().join("review.jsonld");
    export_menu(&mut harness, "ClaimReview JSON-LD…");
    assert!(
        !has(&harness, "url is missing"),
        "the pattern gives each claim its page"
    );
    if has(&harness, "Before publishing") {
        kit::click(&mut harness, "Export anyway");
    }
    kit::choose_file(&mut harness, &jsonld, "Export");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&jsonld).unwrap()).unwrap();
    let urls: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["url"].as_str().unwrap())
        .collect();
    assert!(!urls.is_empty());
    assert!(
        urls.iter()
            .all(|u| u.starts_with("https://desk.example/checks/"))
    );
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

/// Issue 11: the export dialog of a report can leave out claims not yet reviewed; the
/// choice is remembered in the preferences for the next report, and the report
/// numbers claims as the app does.
#[test]
fn a_report_can_leave_out_claims_not_yet_reviewed_and_remembers_it() {
    use egui::accesskit::{Role, Toggled};
    let dir = tempfile::tempdir().unwrap();
    let prefs_file = dir.path().join("prefs.ron");
    let mut harness = kit::start(StartOptions {
        session: Some(sample_session()),
        prefs_file: Some(prefs_file.clone()),
        ..Default::default()
    });
    let open_dialog = |harness: &mut Harness<'_, ClaimdeskApp>| {
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label("Export").click();
        harness.run();
        harness.get_by_label("Markdown report…").click();
        harness.run();
    };
    let ticked = |harness: &Harness<'_, ClaimdeskApp>| {
        harness
            .get_by_role_and_label(Role::CheckBox, "Leave out claims not yet reviewed")
            .accesskit_node()
            .toggled()
            == Some(Toggled::True)
    };

    // All claims by default, each under the app's number.
    let all = dir.path().join("all.md");
    open_dialog(&mut harness);
    assert!(!ticked(&harness));
    harness.get_by_label("(1 of 6 not reviewed yet)");
    kit::choose_file(&mut harness, &all, "Export");
    let report = std::fs::read_to_string(&all).unwrap();
    assert!(report.contains("### Claim #6: "), "{report}");
    assert!(!report.contains("### 1. "), "{report}");

    // Leaving out the claim not yet reviewed (#6, Unverified).
    let reviewed = dir.path().join("reviewed.md");
    open_dialog(&mut harness);
    harness
        .get_by_role_and_label(Role::CheckBox, "Leave out claims not yet reviewed")
        .click();
    harness.run();
    assert!(ticked(&harness));
    kit::choose_file(&mut harness, &reviewed, "Export");
    let report = std::fs::read_to_string(&reviewed).unwrap();
    assert!(!report.contains("### Claim #6: "), "{report}");
    assert!(report.contains("### Claim #4: "), "{report}");
    assert!(report.contains("5 claims:"), "{report}");
    harness.get_by_label_contains("1 claim not yet reviewed is left out");
    assert!(
        claimdesk::prefs::load_prefs_from(&prefs_file)
            .unwrap()
            .reports_reviewed_only
    );

    // The next report starts with the box ticked.
    open_dialog(&mut harness);
    assert!(ticked(&harness));
}
