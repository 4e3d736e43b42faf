//! Every control a screen reader (or a test) can reach has a name (issue 11): the
//! app is walked through its main views, menus and dialogs, and at each stop every
//! node of an actionable role, every claim row and every verdict chip must carry a
//! non-empty accessible name.
//!
//! kittest's own check (run after each `run()`) covers visible, enabled inputs; this
//! one also looks at disabled controls and at list rows, and visits the views the
//! other tests do not open.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::sample::sample_session;
use claimdesk::ui::{ClaimdeskApp, StartOptions};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

#[path = "common/ui_kit.rs"]
mod kit;

/// The roles a user acts on: each needs a name to be found by ear.
const ACTIONABLE: [Role; 5] = [
    Role::Button,
    Role::CheckBox,
    Role::RadioButton,
    Role::ComboBox,
    Role::Link,
];

/// Every node of an actionable role, and every list row, that has no name, described
/// by its role, its place and the nearest named ancestor.
fn unnamed(harness: &Harness<'_, ClaimdeskApp>) -> Vec<String> {
    let mut problems = Vec::new();
    for node in harness.root().children_recursive() {
        let node = node.accesskit_node();
        let role = node.role();
        if !(ACTIONABLE.contains(&role) || role == Role::ListItem) {
            continue;
        }
        if node.label().is_some_and(|l| !l.trim().is_empty()) {
            continue;
        }
        let ancestor = std::iter::successors(node.parent(), |n| n.parent())
            .find_map(|n| n.label().filter(|l| !l.trim().is_empty()))
            .unwrap_or_default();
        problems.push(format!(
            "{role:?} at {:?} inside {ancestor:?}",
            node.raw_bounds()
        ));
    }
    problems
}

/// Asserts that nothing at this stop is nameless.
#[track_caller]
fn assert_all_named(harness: &Harness<'_, ClaimdeskApp>, stop: &str) {
    let problems = unnamed(harness);
    assert!(
        problems.is_empty(),
        "{stop}: {} control(s) without an accessible name:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Opens each top menu (and its submenus) in turn and checks its entries.
fn check_menus(harness: &mut Harness<'_, ClaimdeskApp>, stop: &str) {
    for (menu, submenus) in [
        ("File", &["Open recent", "Export"][..]),
        ("Edit", &[][..]),
        ("Claim", &["Set verdict"][..]),
        ("Archive", &[][..]),
        ("Help", &[][..]),
    ] {
        // The menu bar comes first in the tree ("Archive" is also a side-pane tab).
        harness.get_all_by_label(menu).next().unwrap().click();
        harness.run();
        assert_all_named(harness, &format!("{stop}, {menu} menu"));
        for sub in submenus {
            if let Some(node) = harness.query_by_label(sub) {
                node.hover();
                harness.run();
                assert_all_named(harness, &format!("{stop}, {menu} › {sub}"));
            }
        }
        harness.key_press(egui::Key::Escape);
        harness.run();
    }
}

#[test]
fn the_seed_article_on_first_start_names_every_control() {
    let mut harness = kit::start(StartOptions::default());
    assert_all_named(&harness, "first start");
    check_menus(&mut harness, "first start");
    harness.get_by_label_contains("Suggestions (").click();
    harness.run();
    assert_all_named(&harness, "Suggestions tab");
    harness
        .get_all_by_label_contains("Suggestion, score")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_all_named(&harness, "a suggestion selected");
    harness.get_all_by_label("Archive").last().unwrap().click();
    harness.run();
    assert_all_named(&harness, "Archive tab");
}

#[test]
fn the_sample_session_names_every_claim_row_verdict_chip_and_control() {
    let mut harness = kit::start(StartOptions {
        session: Some(sample_session()),
        ..Default::default()
    });
    assert_all_named(&harness, "sample session");
    // Every claim row is named by its number and verdict.
    let session = harness.state().document().session.clone();
    for claim in &session.claims {
        let verdict = session.scheme.name_of(&claim.status);
        let name = format!("Claim #{}: {verdict}", claim.number);
        let row = harness.get_by_label_contains(&name);
        assert_eq!(row.accesskit_node().role(), Role::ListItem, "{name}");
    }
    harness.get_by_label_contains("Claim #4: ").click();
    harness.run();
    assert_all_named(&harness, "claim #4 selected");
    // Every verdict chip of the inspector is a named button.
    for label in &session.scheme.labels {
        harness.get_by_role_and_label(Role::Button, &label.name);
    }
    check_menus(&mut harness, "claim #4 selected");
}

/// A scheme file (a user's, or one in a session from elsewhere) may leave a verdict's
/// name blank: its chips, menu entries and list filter were then nameless buttons.
/// Now they fall back to the verdict's id.
#[test]
fn a_verdict_with_a_blank_name_still_names_its_chips_and_rows() {
    let mut session = sample_session();
    let half = session
        .scheme
        .labels
        .iter_mut()
        .find(|l| l.id == "half-true")
        .unwrap();
    half.name = "  ".into();
    let mut harness = kit::start(StartOptions {
        session: Some(session),
        ..Default::default()
    });
    harness.get_by_label_contains("Claim #4: ").click();
    harness.run();
    assert_all_named(&harness, "a blank verdict name, claim #4 selected");
    // The row and the chip say which verdict it is.
    harness.get_by_label_contains("Claim #4: half-true,");
    harness.get_by_role_and_label(Role::Button, "half-true");
    check_menus(&mut harness, "a blank verdict name");
    harness
        .get_by_label("Show only claims with this verdict")
        .click();
    harness.run();
    assert_all_named(&harness, "a blank verdict name, the verdict filter open");
}

#[test]
fn the_dialogs_name_every_control() {
    let mut harness = kit::start(StartOptions {
        session: Some(sample_session()),
        ..Default::default()
    });
    let dialogs: [(&str, &[&str], &str); 7] = [
        ("Edit", &["Preferences…"], "Cancel"),
        ("Claim", &["Rating scheme…"], "Cancel"),
        ("File", &["Article details…"], "Cancel"),
        ("File", &["Open link…"], "Cancel"),
        ("File", &["Export", "HTML report…"], "Cancel"),
        ("File", &["Export", "Markdown report…"], "Cancel"),
        ("Help", &["Keyboard shortcuts"], "Close"),
    ];
    for (menu, path, close) in dialogs {
        harness.get_all_by_label(menu).next().unwrap().click();
        harness.run();
        for item in path {
            harness.get_by_label_contains(item).click();
            harness.run();
        }
        let stop = path.join(" › ");
        assert_all_named(&harness, &stop);
        harness.get_by_role_and_label(Role::Button, close).click();
        harness.run();
    }
}
