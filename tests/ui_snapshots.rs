//! Pictures of the main views, compared with the blessed PNGs in tests/snapshots.
//! Needs a Vulkan driver (Mesa's lavapipe in CI): `cargo test --features snapshots`.
//! `UPDATE_SNAPSHOTS=1 cargo test --features snapshots` rewrites them.
#![cfg(feature = "snapshots")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::prefs::{Appearance, Preferences, ThemeChoice};
use claimdesk::sample::sample_session;
use claimdesk::ui::worker::RunMode;
use claimdesk::ui::{ClaimdeskApp, StartOptions};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

#[path = "common/ui_kit.rs"]
mod kit;

fn app(session: Option<claimdesk::model::Session>) -> Harness<'static, ClaimdeskApp> {
    app_with(session, Preferences::default())
}

/// The app with `prefs` (the theme comes from them: the harness's own is overruled).
fn app_with(
    session: Option<claimdesk::model::Session>,
    prefs: Preferences,
) -> Harness<'static, ClaimdeskApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(40)
        .with_theme(egui::Theme::Light)
        .wgpu()
        .build_eframe(move |cc| {
            ClaimdeskApp::with_options(
                &cc.egui_ctx,
                StartOptions {
                    session,
                    prefs,
                    // Suggestions are found in place, so the picture is always the same.
                    run_mode: RunMode::Synchronous,
                    ..Default::default()
                },
            )
        });
    harness.run();
    harness
}

#[test]
fn seed_article_on_first_run() {
    let mut harness = app(None);
    harness.snapshot("seed_article");
}

/// Selects the sample's claim #4 (Half true) in the list, as a user clicks it.
fn select_claim_4(harness: &mut Harness<'_, ClaimdeskApp>) {
    harness
        .get_by_label_contains("Claim #4: Half true")
        .scroll_to_me();
    harness.run();
    harness.get_by_label_contains("Claim #4: Half true").click();
    harness.run();
}

#[test]
fn claims_in_several_verdicts_with_one_selected() {
    let mut harness = app(Some(sample_session()));
    select_claim_4(&mut harness);
    harness.snapshot("claims_selected");
}

/// Issue 11: the same view in the dark theme; the highlights, chips and list rows
/// take the dark palette.
#[test]
fn claims_in_the_dark_theme_with_one_selected() {
    let prefs = Preferences {
        appearance: Appearance {
            theme: ThemeChoice::Dark,
            ..Appearance::default()
        },
        ..Preferences::default()
    };
    let mut harness = app_with(Some(sample_session()), prefs);
    select_claim_4(&mut harness);
    harness.snapshot("claims_selected_dark");
}

#[test]
fn suggestions_with_one_explained() {
    let mut harness = app(None);
    harness.get_by_label_contains("Suggestions (").click();
    harness.run();
    harness
        .get_all_by_label_contains("Suggestion, score")
        .nth(1)
        .unwrap()
        .click();
    harness.run();
    harness.snapshot("suggestions");
}

#[test]
fn a_claim_that_needs_review_after_the_article_changed() {
    // The publisher corrected the article: a note on top, one claim's sentence rewritten.
    let mut session = sample_session();
    let corrected = kit::corrected_seed_article();
    let article = claimdesk::import::import_text(&corrected, None).unwrap();
    let update = claimdesk::reanchor::reanchor(&session, article).into_command();
    claimdesk::command::apply(&mut session, update).unwrap();
    let mut harness = app(Some(session));
    harness.get_by_label("Show only these").click();
    harness.run();
    harness.get_by_label_contains("Claim #5: False").click();
    harness.run();
    harness.snapshot("claim_needs_review");
}
