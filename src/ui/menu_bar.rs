//! The menu bar. Entries come from [`Action`], so labels and shortcuts match everywhere.

use super::actions::Action;
use super::intent::Intent;
use crate::model::Session;
use egui::{Button, Ui};
use std::path::PathBuf;

/// What the menus need to know to enable their entries.
pub struct MenuContext<'a> {
    /// The open session.
    pub session: &'a Session,
    /// Whether undo is possible.
    pub can_undo: bool,
    /// Whether redo is possible.
    pub can_redo: bool,
    /// Whether a claim is selected.
    pub has_selected_claim: bool,
    /// Whether article text is selected.
    pub has_text_selection: bool,
    /// Recently opened files, newest first.
    pub recent: &'a [PathBuf],
    /// Whether the session may be changed (not open read-only).
    pub editable: bool,
}

/// Draws the menu bar.
pub fn show(ui: &mut Ui, cx: &MenuContext<'_>, intents: &mut Vec<Intent>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, Action::NewFromArticle, true, intents);
            item(ui, Action::Open, true, intents);
            ui.menu_button("Open recent", |ui| {
                if cx.recent.is_empty() {
                    ui.weak("Nothing opened yet");
                }
                for path in cx.recent {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    if ui
                        .button(name)
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        intents.push(Intent::OpenPath(path.clone()));
                        ui.close();
                    }
                }
            });
            ui.separator();
            item(ui, Action::Save, true, intents);
            item(ui, Action::SaveAs, true, intents);
            item(ui, Action::UpdateArticle, cx.editable, intents);
            ui.menu_button("Export", |ui| {
                for format in crate::export::ExportFormat::ALL {
                    if ui.button(format!("{}…", format.label())).clicked() {
                        intents.push(Intent::Export(format));
                        ui.close();
                    }
                }
            });
            ui.separator();
            item(ui, Action::Quit, true, intents);
        });
        ui.menu_button("Edit", |ui| {
            item(ui, Action::Undo, cx.can_undo, intents);
            item(ui, Action::Redo, cx.can_redo, intents);
            ui.separator();
            item(ui, Action::NewClaim, cx.has_text_selection, intents);
            item(ui, Action::DeleteClaim, cx.has_selected_claim, intents);
            ui.separator();
            item(ui, Action::Find, true, intents);
            ui.separator();
            if ui
                .button("Publisher profile…")
                .on_hover_text("Organisation and reviewer used by exports")
                .clicked()
            {
                intents.push(Intent::OpenPreferences);
                ui.close();
            }
        });
        ui.menu_button("Claim", |ui| {
            item(
                ui,
                Action::PreviousClaim,
                !cx.session.claims.is_empty(),
                intents,
            );
            item(
                ui,
                Action::NextClaim,
                !cx.session.claims.is_empty(),
                intents,
            );
            let review = cx.session.claims.iter().filter(|c| c.needs_review).count();
            item(ui, Action::ShowNeedsReview, review > 0, intents);
            ui.separator();
            if ui
                .button("Rating scheme…")
                .on_hover_text(format!("This session uses “{}”", cx.session.scheme.name))
                .clicked()
            {
                intents.push(Intent::ChooseScheme);
                ui.close();
            }
            ui.add_enabled_ui(cx.has_selected_claim, |ui| {
                ui.menu_button("Set verdict", |ui| {
                    for (i, label) in cx.session.scheme.labels.iter().enumerate() {
                        let mut b = Button::new(&label.name);
                        if i < 9 {
                            b = b.shortcut_text(format!("{}", i + 1));
                        }
                        if ui.add(b).on_hover_text(&label.description).clicked() {
                            intents.push(Intent::SetStatusByIndex(i));
                            ui.close();
                        }
                    }
                });
            });
        });
        ui.menu_button("Help", |ui| {
            item(ui, Action::ShowShortcuts, true, intents);
        });
    });
}

fn item(ui: &mut Ui, action: Action, enabled: bool, intents: &mut Vec<Intent>) {
    let mut button = Button::new(action.label());
    if let Some(sc) = action.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
    }
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(action.tooltip())
        .clicked()
    {
        intents.push(Intent::Run(action));
        ui.close();
    }
}
