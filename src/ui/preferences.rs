//! The Preferences dialog (Edit › Preferences…): the publisher profile exports use,
//! how the app looks (theme, article text size), and how close an earlier check must
//! be for a passage to be flagged as checked before.
//!
//! The dialog edits a draft. While it is open the app shows the draft's theme and
//! text size (see `AppState::appearance`), so a choice can be seen before it is
//! saved; Cancel puts the saved look back.

use super::publish::Outcome;
use crate::prefs::{Appearance, Preferences, ThemeChoice};
use egui::{Modal, RichText, Slider, Ui};

/// Draws the dialog over `draft`; `Done` carries the preferences to save.
pub fn show(ctx: &egui::Context, draft: &mut Preferences) -> Outcome<Preferences> {
    let mut outcome = Outcome::Open;
    let modal = Modal::new(egui::Id::unique("preferences")).show(ctx, |ui| {
        ui.set_width(480.0);
        ui.heading("Preferences");
        ui.add_space(4.0);
        ui.label(RichText::new("Publisher profile").strong());
        ui.weak("Used in exports: ClaimReview's author and the reports' byline.");
        publisher_grid(ui, draft);
        ui.add_space(10.0);
        ui.label(RichText::new("Appearance").strong());
        appearance_grid(ui, &mut draft.appearance);
        ui.add_space(10.0);
        ui.label(RichText::new("The archive").strong());
        checked_before(ui, draft);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(RichText::new("Save").strong()).clicked() {
                outcome = Outcome::Done(draft.clone());
            }
            if ui.button("Cancel").clicked() {
                outcome = Outcome::Cancelled;
            }
        });
    });
    if modal.should_close() && matches!(outcome, Outcome::Open) {
        outcome = Outcome::Cancelled;
    }
    outcome
}

/// Organisation name and URL, reviewer, review URL pattern (checked as it is typed).
fn publisher_grid(ui: &mut Ui, draft: &mut Preferences) {
    let publisher = &mut draft.publisher;
    super::dialogs::field_grid(
        ui,
        "publisher-grid",
        300.0,
        [
            (
                "Organisation",
                &mut publisher.organisation_name,
                "Example Fact Check",
            ),
            (
                "Organisation URL",
                &mut publisher.organisation_url,
                "https://factcheck.example.org",
            ),
            ("Reviewer", &mut publisher.reviewer_name, "Your name"),
            (
                "Review URL pattern",
                &mut publisher.review_url_pattern,
                "https://factcheck.example.org/checks/{id}",
            ),
        ],
    );
    ui.add_space(4.0);
    let pattern = publisher.review_url_pattern.trim();
    if pattern.is_empty() {
        ui.weak("Review URL pattern: where each fact check is published, with {id} (the claim's lasting id) or {number} (its number). ClaimReview uses it for every claim without a review URL of its own.");
    } else if let Err(problem) = crate::prefs::check_review_url_pattern(pattern) {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("Review URL pattern: {problem}."),
        );
    } else if let Some(example) = publisher.review_url_for(4_811_502_917, 4) {
        ui.weak(format!("Claim #4 would be published at {example}"));
    }
}

/// Theme (three choices) and the article's text size.
fn appearance_grid(ui: &mut Ui, appearance: &mut Appearance) {
    egui::Grid::new("appearance-grid")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label("Theme");
            ui.horizontal(|ui| {
                for choice in ThemeChoice::ALL {
                    ui.radio_value(&mut appearance.theme, choice, choice.label());
                }
            });
            ui.end_row();
            let label = ui.label("Article text size");
            let mut size = appearance.article_text_size();
            ui.add(
                Slider::new(&mut size, Appearance::ARTICLE_TEXT_SIZES)
                    .step_by(0.5)
                    .suffix(" pt"),
            )
            .labelled_by(label.id)
            .on_hover_text("The size of the article's text; the rest of the window keeps its size");
            appearance.article_text_size = size;
            ui.end_row();
        });
    ui.weak("Changes show at once; Cancel puts the saved look back.");
}

/// The score at which a claim or sentence is flagged as checked before.
fn checked_before(ui: &mut Ui, draft: &mut Preferences) {
    let mut at = draft.checked_before_at();
    ui.horizontal(|ui| {
        let label = ui.label("Flag as checked before at a score of");
        ui.add(
            Slider::new(&mut at, Preferences::CHECKED_BEFORE_SCORES)
                .step_by(0.01)
                .fixed_decimals(2),
        )
        .labelled_by(label.id)
        .on_hover_text("How alike a passage and an earlier check must be, 0 to 1");
    });
    draft.checked_before_at = at;
    ui.weak(format!(
        "Lower flags more reworded repeats, and more passages that only look alike. Default {:.2}.",
        crate::archive::DEFAULT_MATCH_THRESHOLD
    ));
}
