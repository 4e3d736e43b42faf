//! The look of the app from the preferences (issue 11): light, dark or the system's
//! theme and the article's text size, chosen in Edit › Preferences…, shown at once,
//! saved, and applied again at the next start.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::prefs::{Appearance, Preferences, ThemeChoice, load_prefs_from};
use claimdesk::sample::sample_session;
use claimdesk::ui::palette;
use claimdesk::ui::{ClaimdeskApp, StartOptions};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::Path;

#[path = "common/ui_kit.rs"]
mod kit;

/// A paragraph of the seed article (two or three lines, depending on the text size).
const PARAGRAPH: &str = "The Kremlin has offered Washington the use of its military bases in Central Asia to gather intelligence from Afghanistan.";

fn app(prefs: Preferences, prefs_file: &Path) -> Harness<'static, ClaimdeskApp> {
    kit::start(StartOptions {
        session: Some(sample_session()),
        prefs,
        prefs_file: Some(prefs_file.to_path_buf()),
        ..Default::default()
    })
}

/// Whether the window is drawn with the dark palette (its panels, text and colours).
fn is_dark(harness: &Harness<'_, ClaimdeskApp>) -> bool {
    let style = harness.ctx.global_style();
    assert_eq!(
        style.visuals.panel_fill,
        palette::Palette::of(&style.visuals).page,
        "the panels use the theme's palette"
    );
    style.visuals.dark_mode
}

/// How tall the paragraph is on screen (it grows with the text size).
fn paragraph_height(harness: &Harness<'_, ClaimdeskApp>) -> f32 {
    harness.get_by_value(PARAGRAPH).rect().height()
}

fn open_preferences(harness: &mut Harness<'_, ClaimdeskApp>) {
    harness.get_all_by_label("Edit").next().unwrap().click();
    harness.run();
    harness.get_by_label_contains("Preferences…").click();
    harness.run();
}

#[test]
fn the_theme_and_text_size_show_at_once_are_saved_and_apply_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("prefs.ron");
    let mut harness = app(Preferences::default(), &file);
    // "Follow the system", and no system theme is known here: light.
    assert!(!is_dark(&harness));
    let before = paragraph_height(&harness);

    open_preferences(&mut harness);
    harness.get_by_label("Follow the system");
    harness
        .get_by_role_and_label(Role::RadioButton, "Dark")
        .click();
    harness.run();
    assert!(is_dark(&harness), "the choice shows before it is saved");
    harness
        .get_by_role_and_label(Role::Slider, "Article text size")
        .set_value_accesskit(24.0);
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();

    assert!(is_dark(&harness));
    let larger = paragraph_height(&harness);
    assert!(
        larger > before * 1.2,
        "the article's text is larger: {before} → {larger}"
    );
    let saved = load_prefs_from(&file).unwrap();
    assert_eq!(saved.appearance.theme, ThemeChoice::Dark);
    assert_eq!(saved.appearance.article_text_size(), 24.0);
    harness.get_by_label("Saved the preferences");

    // The next start comes up dark, with the larger text.
    let harness = app(saved, &file);
    assert!(is_dark(&harness));
    assert!((paragraph_height(&harness) - larger).abs() < 1.0);
}

#[test]
fn cancel_puts_the_saved_look_back_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("prefs.ron");
    let prefs = Preferences {
        appearance: Appearance {
            theme: ThemeChoice::Dark,
            ..Appearance::default()
        },
        ..Preferences::default()
    };
    let mut harness = app(prefs, &file);
    assert!(is_dark(&harness), "a dark preference applies at start");
    open_preferences(&mut harness);
    harness
        .get_by_role_and_label(Role::RadioButton, "Light")
        .click();
    harness.run();
    assert!(!is_dark(&harness));
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(is_dark(&harness), "back to the saved theme");
    assert!(!file.exists(), "nothing was saved");
}
