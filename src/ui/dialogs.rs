//! Modal prompts: unsaved changes, errors, crash recovery and the shortcut list.

use super::actions::{Action, STATUS_KEYS};
use egui::{Modal, RichText};

/// The answer to "Save changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Do nothing.
    Cancel,
}

/// Asks what to do with unsaved changes. Returns `None` while undecided.
pub fn unsaved_changes(ctx: &egui::Context, name: &str) -> Option<UnsavedAnswer> {
    let mut answer = None;
    let modal = Modal::new(egui::Id::unique("unsaved-changes")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Save changes?");
        ui.label(format!(
            "“{name}” has changes that are not saved. If you don't save, they are lost."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(RichText::new("Save").strong()).clicked() {
                answer = Some(UnsavedAnswer::Save);
            }
            if ui
                .button("Discard")
                .on_hover_text("Throw the changes away")
                .clicked()
            {
                answer = Some(UnsavedAnswer::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(UnsavedAnswer::Cancel);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(UnsavedAnswer::Cancel);
    }
    answer
}

/// Shows a message with a heading; returns true when dismissed.
pub fn message(ctx: &egui::Context, heading: &str, lines: &[String], error: bool) -> bool {
    let mut done = false;
    let modal = Modal::new(egui::Id::unique(("message", heading))).show(ctx, |ui| {
        ui.set_max_width(520.0);
        let colour = if error {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().warn_fg_color
        };
        ui.label(RichText::new(heading).heading().color(colour));
        ui.add_space(4.0);
        for line in lines {
            ui.label(line);
        }
        ui.add_space(8.0);
        if ui.button("OK").clicked() {
            done = true;
        }
    });
    done || modal.should_close()
}

/// The answer to "Recover unsaved work?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoveryAnswer {
    /// Open the autosaved work.
    Recover,
    /// Delete it.
    Discard,
}

/// Offers autosaved work back after a crash.
pub fn recovery(ctx: &egui::Context, description: &str) -> Option<RecoveryAnswer> {
    let mut answer = None;
    Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading("Recover unsaved work?");
        ui.label(format!("Claimdesk closed before your changes were saved. Autosaved work was found: {description}."));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(RichText::new("Recover").strong()).clicked() {
                answer = Some(RecoveryAnswer::Recover);
            }
            if ui.button("Discard").on_hover_text("Delete the autosaved work").clicked() {
                answer = Some(RecoveryAnswer::Discard);
            }
        });
    });
    answer
}

/// Lists every shortcut; returns true when closed.
pub fn shortcuts(ctx: &egui::Context) -> bool {
    let mut done = false;
    let modal = Modal::new(egui::Id::unique("shortcuts")).show(ctx, |ui| {
        ui.heading("Keyboard shortcuts");
        egui::Grid::new("shortcut-grid")
            .striped(true)
            .num_columns(2)
            .show(ui, |ui| {
                for action in Action::ALL {
                    if let Some(sc) = action.shortcut() {
                        ui.label(RichText::new(ctx.format_shortcut(&sc)).monospace());
                        ui.label(action.label());
                        ui.end_row();
                    }
                }
                ui.label(RichText::new(format!("1 – {}", STATUS_KEYS.len())).monospace());
                ui.label("Set the selected claim's verdict");
                ui.end_row();
                ui.label(RichText::new("j / k").monospace());
                ui.label("Next / previous claim (when not typing)");
                ui.end_row();
            });
        ui.add_space(6.0);
        if ui.button("Close").clicked() {
            done = true;
        }
    });
    done || modal.should_close()
}
