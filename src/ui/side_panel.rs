//! The side pane: tabs for the claims, the suggestions and (after a merge) the
//! conflicts, the list on top and the
//! selected item's inspector below.

use super::claims_list::ClaimsList;
use super::intent::Intent;
use super::pane::PaneContext;
use super::view_state::SidePane;
use super::{archive_pane, conflicts_pane, inspector, suggestions_pane};
use egui::Ui;

/// Draws the side pane's contents (the panel itself is the app's).
pub fn ui(cx: &PaneContext<'_>, list: &mut ClaimsList, ui: &mut Ui) -> Vec<Intent> {
    let mut intents = Vec::new();
    egui::Frame::NONE
        .inner_margin(egui::Margin::symmetric(6, 4))
        .show(ui, |ui| {
            // The list gets the top 45%; the inspector, where the typing happens, the rest.
            let list_size = egui::vec2(
                ui.available_width(),
                (ui.available_height() * 0.45).max(200.0),
            );
            intents.extend(tabs(cx, ui));
            ui.allocate_ui(list_size, |ui| {
                ui.set_min_size(list_size);
                intents.extend(match cx.view.side {
                    SidePane::Claims => list.ui(cx, ui),
                    SidePane::Suggestions => suggestions_pane::list_ui(cx, ui),
                    SidePane::Conflicts => conflicts_pane::ui(cx, ui),
                    SidePane::Archive => archive_pane::list_ui(cx, ui),
                });
            });
            ui.separator();
            // The archive's panel reads other sessions; it works in a read-only one too.
            let enabled = cx.editable() || cx.view.side == SidePane::Archive;
            ui.add_enabled_ui(enabled, |ui| {
                intents.extend(match cx.view.side {
                    SidePane::Claims | SidePane::Conflicts => inspector::ui(cx, ui),
                    SidePane::Suggestions => suggestions_pane::inspector_ui(cx, ui),
                    SidePane::Archive => archive_pane::inspector_ui(cx, ui),
                });
            });
        });
    intents
}

/// The switch between the claims and the suggestions.
fn tabs(cx: &PaneContext<'_>, ui: &mut Ui) -> Vec<Intent> {
    let suggestions = cx.suggestions;
    let mut side = cx.view.side;
    ui.horizontal(|ui| {
        ui.selectable_value(
            &mut side,
            SidePane::Claims,
            egui::RichText::new(format!("Claims ({})", cx.session().claims.len())).heading(),
        )
        .on_hover_text("The claims in this article, with their verdicts");
        let label = if suggestions.is_running() {
            "Suggestions (…)".to_owned()
        } else if suggestions.is_ready() {
            format!("Suggestions ({})", suggestions.count())
        } else {
            "Suggestions".to_owned()
        };
        ui.selectable_value(
            &mut side,
            SidePane::Suggestions,
            egui::RichText::new(label).heading(),
        )
        .on_hover_text("Sentences worth checking, found by Claimdesk's check-worthiness model");
        // Only while a merge left something to settle (or the tab is open).
        let conflicts = cx.session().conflicts.len();
        if conflicts > 0 || side == SidePane::Conflicts {
            let text = egui::RichText::new(format!("Conflicts ({conflicts})")).heading();
            let text = if conflicts > 0 {
                text.color(ui.visuals().warn_fg_color)
            } else {
                text
            };
            ui.selectable_value(&mut side, SidePane::Conflicts, text)
                .on_hover_text("What a merge left for you to settle: pick a version of each");
        }
        let action = super::actions::Action::SearchArchive;
        ui.selectable_value(
            &mut side,
            SidePane::Archive,
            egui::RichText::new("Archive").heading(),
        )
        .on_hover_text(action.hint(ui.ctx()));
    });
    if side == cx.view.side {
        Vec::new()
    } else {
        vec![Intent::ShowSide(side)]
    }
}
