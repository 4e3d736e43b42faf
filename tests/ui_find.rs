//! Find in the article (issue 11): Ctrl+F opens a bar above the article, typing marks
//! every match and says "1 of N", Enter and Shift+Enter step through them and scroll
//! the article there, typing in the bar never edits claims, Escape closes it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::ui::{ClaimdeskApp, StartOptions};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

#[path = "common/ui_kit.rs"]
mod kit;

fn has(harness: &Harness<'_, ClaimdeskApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// How often `word` occurs in the open article, ignoring case.
fn occurrences(harness: &Harness<'_, ClaimdeskApp>, word: &str) -> usize {
    let text = harness
        .state()
        .document()
        .session
        .article
        .text
        .to_lowercase();
    text.matches(&word.to_lowercase()).count()
}

#[test]
fn ctrl_f_finds_every_match_and_enter_steps_through_them() {
    let mut harness = kit::start(StartOptions::default());
    assert!(!has(&harness, "Find in article"), "no bar before Ctrl+F");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Find in article");
    // The keyboard is in the bar: typing goes there, not to shortcuts.
    harness.get_by_label("Find in article").type_text("Russia");
    harness.run();
    let n = occurrences(&harness, "russia");
    assert!(n > 3, "the seed article names Russia often");
    assert!(has(&harness, &format!("1 of {n}")));
    assert_eq!(harness.state().view().find.matches().len(), n);
    let first = harness.state().view().find.current_match().unwrap().start;

    harness.key_press(Key::Enter);
    harness.run();
    assert!(has(&harness, &format!("2 of {n}")), "Enter: the next match");
    assert!(harness.state().view().find.current_match().unwrap().start > first);

    // Shift+Enter twice from the second: back to the first, then round to the last,
    // which is far down the article, so the article scrolls there.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.run();
    assert!(has(&harness, &format!("1 of {n}")));
    let before = harness.state().view().article_scroll;
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.run();
    harness.run();
    assert!(
        has(&harness, &format!("{n} of {n}")),
        "wraps round to the last"
    );
    assert!(
        harness.state().view().article_scroll > before + 100.0,
        "the article scrolled to the last match ({} -> {})",
        before,
        harness.state().view().article_scroll
    );

    // The buttons do the same.
    kit::click(&mut harness, "Next");
    assert!(has(&harness, &format!("1 of {n}")));

    // Words that are not there say so.
    kit::type_into(&mut harness, "Find in article", "zzqx");
    assert!(has(&harness, "No matches"));

    // Escape closes the bar and takes its marks away.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!has(&harness, "Find in article"));
    assert!(harness.state().view().find.matches().is_empty());
}

#[test]
fn typing_digits_in_the_find_bar_never_sets_a_verdict() {
    let mut harness = kit::start_sized(
        egui::vec2(1280.0, 800.0),
        StartOptions {
            session: Some(claimdesk::sample::sample_session()),
            ..Default::default()
        },
    );
    let id = harness.state().document().session.claims[0].id;
    harness.state_mut().select_claim(id);
    harness.run();
    let status = harness.state().document().session.claims[0].status.clone();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Find in article").type_text("2");
    harness.run();
    assert_eq!(
        harness.state().document().session.claims[0].status,
        status,
        "the digit went into the bar"
    );
    assert!(!harness.state().document().is_dirty());
}
