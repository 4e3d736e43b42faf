//! The strip that says the session is read-only, and how to get out of it.

use super::actions::Action;
use super::intent::Intent;
use super::pane::PaneContext;
use egui::Ui;

/// Draws the strip (only shown while the session is open read-only).
pub fn ui(cx: &PaneContext<'_>, ui: &mut Ui) -> Vec<Intent> {
    let mut intents = Vec::new();
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(format!(
                "Read-only: {} is open in another Claimdesk window, so changes cannot be made here.",
                cx.doc.display_name()
            ))
            .color(ui.visuals().warn_fg_color),
        );
        for action in [Action::SaveCopyAs, Action::RetryLock] {
            if ui
                .button(action.label())
                .on_hover_text(action.tooltip())
                .clicked()
            {
                intents.push(Intent::Run(action));
            }
        }
    });
    intents
}
