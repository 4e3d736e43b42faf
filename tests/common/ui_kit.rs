//! What the UI tests do the same way: start the app headless, click and type by
//! label, answer the file dialog. Included with `#[path = "common/ui_kit.rs"] mod kit;`
//! (not through `common/mod.rs`, whose other helpers build without the app).
#![allow(dead_code)] // Each test file uses some of the helpers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::ui::worker::RunMode;
use claimdesk::ui::{ClaimdeskApp, StartOptions};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::Path;

/// The app in a 1280×800 window, after its first frames settled. Work that normally
/// runs on workers (the suggester, autosaves, opening and saving) runs in place, so
/// its result is there in the same frame: tests never sleep or poll for it. A test
/// that wants workers says so in `run_mode`.
pub fn start(options: StartOptions) -> Harness<'static, ClaimdeskApp> {
    start_sized(egui::vec2(1280.0, 800.0), options)
}

/// [`start`] in a window of another size.
pub fn start_sized(size: egui::Vec2, mut options: StartOptions) -> Harness<'static, ClaimdeskApp> {
    if options.run_mode == RunMode::Normal {
        options.run_mode = RunMode::Synchronous;
    }
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(40)
        .build_eframe(move |cc| ClaimdeskApp::with_options(&cc.egui_ctx, options));
    harness.run();
    harness
}

/// Scrolls a widget into view (the inspector scrolls) and clicks it.
pub fn click(harness: &mut Harness<'_, ClaimdeskApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Scrolls a text field into view and types into it.
pub fn type_into(harness: &mut Harness<'_, ClaimdeskApp>, label: &str, text: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Types `path` into the open file dialog's name field.
pub fn type_file_name(harness: &mut Harness<'_, ClaimdeskApp>, path: &Path) {
    harness.get_by_label("File name").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("File name")
        .type_text(&path.display().to_string());
    harness.run();
}

/// Types `path` into the open file dialog and presses its `confirm` button
/// ("Open", "Save", "Export", "Update").
pub fn choose_file(harness: &mut Harness<'_, ClaimdeskApp>, path: &Path, confirm: &str) {
    type_file_name(harness, path);
    harness.get_by_role_and_label(Role::Button, confirm).click();
    harness.run();
}

/// Opens File › `item` (a menu entry's full label, shortcut included).
pub fn file_menu(harness: &mut Harness<'_, ClaimdeskApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

/// The seed article as its publisher corrected it: an editor's note inserted at the
/// top, and the sentence about the base in Kyrgyzstan (claim #5 of the sample
/// session) rewritten completely.
pub fn corrected_seed_article() -> String {
    claimdesk::SEED_ARTICLE
        .replacen(
            "Photo: ALAMI\n\n",
            "Photo: ALAMI\n\nEditor's note: this article was corrected on 28 November.\n\n",
            1,
        )
        .replace(
            "Russia also has a smaller base in Kyrgyzstan, about 500 miles from the Afghan border.",
            "A second, smaller installation lies further north; its size is disputed.",
        )
}
