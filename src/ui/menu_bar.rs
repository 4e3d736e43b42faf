//! The menu bar. Every entry is an [`Action`], so labels, tooltips and shortcuts
//! match the keyboard and the shortcut list.

use super::actions::Action;
use super::intent::Intent;
use super::pane::PaneContext;
use crate::export::ExportFormat;
use egui::{Button, Ui};
use strum::IntoEnumIterator as _;

/// Draws the menu bar and returns what was picked.
pub fn ui(cx: &PaneContext<'_>, ui: &mut Ui) -> Vec<Intent> {
    let mut intents = Vec::new();
    let session = cx.session();
    let editable = cx.editable();
    let has_claims = !session.claims.is_empty();
    let has_selected_claim = cx.view.selected.is_some();
    let has_text_selection = cx.view.text_selection.is_some() && editable;
    let intents_ref = &mut intents;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, Action::NewFromArticle, true, intents_ref);
            item(ui, Action::Open, true, intents_ref);
            item(ui, Action::OpenLink, true, intents_ref);
            item(ui, Action::NewFromClipboard, true, intents_ref);
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
                        intents_ref.push(Intent::OpenPath(path.clone()));
                        ui.close();
                    }
                }
            });
            ui.separator();
            item(ui, Action::Save, true, intents_ref);
            item(ui, Action::SaveAs, true, intents_ref);
            item(ui, Action::UpdateArticle, editable, intents_ref);
            item(ui, Action::ArticleDetails, true, intents_ref);
            ui.menu_button("Export", |ui| {
                for format in ExportFormat::iter() {
                    item(ui, Action::Export(format), true, intents_ref);
                }
            });
            ui.separator();
            item(ui, Action::Quit, true, intents_ref);
        });
        ui.menu_button("Edit", |ui| {
            item(ui, Action::Undo, cx.doc.can_undo(), intents_ref);
            item(ui, Action::Redo, cx.doc.can_redo(), intents_ref);
            ui.separator();
            item(ui, Action::NewClaim, has_text_selection, intents_ref);
            item(ui, Action::DeleteClaim, has_selected_claim, intents_ref);
            ui.separator();
            item(ui, Action::FindInArticle, true, intents_ref);
            item(ui, Action::FilterClaims, true, intents_ref);
            ui.separator();
            item(ui, Action::Preferences, true, intents_ref);
        });
        ui.menu_button("Claim", |ui| {
            item(ui, Action::PreviousClaim, has_claims, intents_ref);
            item(ui, Action::NextClaim, has_claims, intents_ref);
            let review = session.claims.iter().filter(|c| c.needs_review).count();
            item(ui, Action::ShowNeedsReview, review > 0, intents_ref);
            ui.separator();
            item(ui, Action::RatingScheme, true, intents_ref);
            ui.add_enabled_ui(has_selected_claim, |ui| {
                ui.menu_button("Set verdict", |ui| {
                    for (i, label) in session.scheme.labels.iter().enumerate() {
                        let mut b = Button::new(label.display_name());
                        if i < 9 {
                            b = b.shortcut_text(format!("{}", i + 1));
                        }
                        if ui.add(b).on_hover_text(&label.description).clicked() {
                            intents_ref.push(Intent::SetStatusByIndex(i));
                            ui.close();
                        }
                    }
                });
            });
        });
        ui.menu_button("Archive", |ui| {
            item(ui, Action::SearchArchive, true, intents_ref);
            ui.separator();
            item(ui, Action::AddToArchive, true, intents_ref);
            item(ui, Action::UpdateArchive, true, intents_ref);
        });
        ui.menu_button("Help", |ui| {
            item(ui, Action::ShowShortcuts, true, intents_ref);
        });
    });
    intents
}

/// One menu entry for `action`, with its shortcut and tooltip.
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
