//! The status bar: where the session lives, whether it is saved, and the latest notice.

use super::pane::PaneContext;
use egui::Ui;

/// Draws the status bar.
pub fn ui(cx: &PaneContext<'_>, ui: &mut Ui) {
    ui.horizontal(|ui| {
        let doc = cx.doc;
        let where_ = doc.path().map_or_else(
            || "New session, not saved yet".to_owned(),
            |p| p.display().to_string(),
        );
        ui.weak(where_);
        if doc.is_dirty() {
            ui.separator();
            ui.label(egui::RichText::new("Unsaved changes").color(ui.visuals().warn_fg_color));
        } else if doc.path().is_some() {
            ui.separator();
            ui.weak("All changes saved");
        }
        let conflicts = doc.session.conflicts.len();
        if conflicts > 0 {
            ui.separator();
            ui.label(
                egui::RichText::new(format!(
                    "{} to settle",
                    crate::ui::conflicts_pane::count_words(conflicts)
                ))
                .color(ui.visuals().warn_fg_color),
            );
        }
        if !cx.notice.is_empty() {
            ui.separator();
            ui.weak(cx.notice);
        }
    });
}
