//! Suggested claims in the app: found off the UI thread when an article opens (with or
//! without claims), explained, accepted with their claimant, dismissed for good.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::ui::{ClaimdeskApp, StartOptions};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

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
    reopened.get_by_label_contains("Suggestions (").click();
    wait_for_suggestions(&mut reopened);
    reopened.run();
    assert!(!has(&reopened, lavrov), "dismissed stays dismissed");
    assert!(has(&reopened, "Kommersant"));
}

/// Issue 11, defect 5: a suggestion that overlaps a claim shows as covered, cannot be
/// accepted again, and Accept all skips it.
#[test]
fn suggestions_a_claim_covers_are_marked_and_never_accepted_twice() {
    let mut harness = kit::start_sized(
        egui::vec2(1280.0, 2400.0),
        StartOptions {
            session: Some(claimdesk::sample::sample_session()),
            ..Default::default()
        },
    );
    harness.get_by_label_contains("Suggestions").click();
    wait_for_suggestions(&mut harness);
    let claims_before = harness.state().document().session.claims.len();
    assert!(claims_before > 0, "the sample has claims");
    let covered: Vec<String> = harness
        .query_all_by_label_contains("covered by claim #")
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert!(
        !covered.is_empty(),
        "some suggestion overlaps a sample claim"
    );

    // The covered one says so in its inspector, and Enter does not accept it.
    harness.get_by_label(&covered[0]).scroll_to_me();
    harness.run();
    harness.get_by_label(&covered[0]).click();
    harness.run();
    assert!(has(&harness, "already covers this text"));
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().document().session.claims.len(),
        claims_before
    );

    // Accept all makes claims of the uncovered ones only, and no claim twice.
    let label = harness
        .query_all_by_label_contains("Accept all ")
        .filter_map(|n| n.accesskit_node().label())
        .next()
        .unwrap();
    let open: usize = label.trim_start_matches("Accept all ").parse().unwrap();
    harness.get_by_label(&label).click();
    harness.run();
    let session = &harness.state().document().session;
    assert_eq!(session.claims.len(), claims_before + open);
    let mut spans: Vec<(usize, usize)> = session
        .claims
        .iter()
        .map(|c| (c.anchor.start, c.anchor.end))
        .collect();
    spans.sort_unstable();
    assert!(
        spans.windows(2).all(|w| w[0].1 <= w[1].0),
        "no claim overlaps another: {spans:?}"
    );
    assert!(has(&harness, "Accept all 0"));
}

/// Issue 11, item 11: a session that already has claims opens on the Claims tab; its
/// article is still underlined with suggestions, without opening the Suggestions tab.
#[test]
fn suggestions_are_found_for_a_session_with_claims_without_opening_their_tab() {
    let mut harness = kit::start_sized(
        egui::vec2(1280.0, 900.0),
        StartOptions {
            session: Some(claimdesk::sample::sample_session()),
            ..Default::default()
        },
    );
    harness.run();
    assert!(harness.state().document().session.claims.len() > 1);
    let tab = harness
        .query_all_by_label_contains("Suggestions (")
        .filter_map(|n| n.accesskit_node().label())
        .next()
        .expect("the Suggestions tab");
    let count: usize = tab
        .trim_start_matches("Suggestions (")
        .trim_end_matches(')')
        .parse()
        .unwrap_or_else(|_| panic!("no count in {tab:?}"));
    assert!(count > 0, "suggestions are found: {tab}");
    assert!(
        !harness.state().suggestions().marks().suggestions.is_empty(),
        "and the article has them to underline"
    );
}
