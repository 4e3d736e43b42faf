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

/// Asks what to do with unsaved changes to `name` (already quoted). Returns `None`
/// while undecided.
pub fn unsaved_changes(ctx: &egui::Context, name: &str) -> Option<UnsavedAnswer> {
    let mut answer = None;
    let modal = Modal::new(egui::Id::unique("unsaved-changes")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Save changes?");
        ui.label(format!(
            "{name} has changes that are not saved. If you don't save, they are lost."
        ));
        ui.add_space(8.0);
        const ANSWERS: [UnsavedAnswer; 3] = [
            UnsavedAnswer::Save,
            UnsavedAnswer::Discard,
            UnsavedAnswer::Cancel,
        ];
        answer = buttons(
            ui,
            &[
                ("Save", ""),
                ("Discard", "Throw the changes away"),
                ("Cancel", ""),
            ],
        )
        .and_then(|i| ANSWERS.get(i).copied());
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
        done = buttons(ui, &[("OK", "")]).is_some();
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
        answer = buttons(
            ui,
            &[("Recover", ""), ("Discard", "Delete the autosaved work")],
        )
        .map(|i| {
            if i == 0 {
                RecoveryAnswer::Recover
            } else {
                RecoveryAnswer::Discard
            }
        });
    });
    answer
}

/// Lists every shortcut; `verdict_keys` is how many verdicts the session's scheme
/// has keys for. Returns true when closed.
pub fn shortcuts(ctx: &egui::Context, verdict_keys: usize) -> bool {
    let mut done = false;
    let modal = Modal::new(egui::Id::unique("shortcuts")).show(ctx, |ui| {
        ui.heading("Keyboard shortcuts");
        egui::Grid::new("shortcut-grid")
            .striped(true)
            .num_columns(2)
            .show(ui, |ui| {
                for action in Action::all() {
                    if let Some(sc) = action.shortcut() {
                        ui.label(RichText::new(ctx.format_shortcut(&sc)).monospace());
                        ui.label(action.label());
                        ui.end_row();
                    }
                }
                if verdict_keys > 0 {
                    let keys = verdict_keys.min(STATUS_KEYS.len());
                    let keys = if keys == 1 {
                        "1".to_owned()
                    } else {
                        format!("1 – {keys}")
                    };
                    ui.label(RichText::new(keys).monospace());
                    ui.label("Set the selected claim's verdict (the number on its chip)");
                    ui.end_row();
                }
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

/// Buttons in a row; the first is the suggested answer, which Enter also picks.
/// Returns the one chosen.
fn buttons(ui: &mut egui::Ui, labels: &[(&str, &str)]) -> Option<usize> {
    let mut clicked = ui
        .input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
        .then_some(0);
    ui.horizontal(|ui| {
        for (i, (label, hint)) in labels.iter().enumerate() {
            let text = if i == 0 {
                RichText::new(*label).strong()
            } else {
                RichText::new(*label)
            };
            let mut response = ui.button(text);
            if !hint.is_empty() {
                response = response.on_hover_text(*hint);
            }
            if response.clicked() {
                clicked = Some(i);
            }
        }
    });
    clicked
}

/// "Open read-only?" for a session another window has open. `Some(true)` opens it
/// read-only, `Some(false)` cancels, `None` while undecided.
pub fn locked_elsewhere(ctx: &egui::Context, message: &str) -> Option<bool> {
    let mut answer = None;
    let modal = Modal::new(egui::Id::unique("locked-elsewhere")).show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading("Already open in another window");
        ui.label(message);
        ui.label("Open it read-only to read, filter and export it, or to save a copy to work on. To edit it here, close it in the other window first.");
        ui.add_space(8.0);
        answer = buttons(
            ui,
            &[
                ("Open read-only", "Look at it without changing it"),
                ("Cancel", "Keep the work that is open now"),
            ],
        )
        .map(|i| i == 0);
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(false);
    }
    answer
}

/// The answer to "The file changed on disk".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictAnswer {
    /// Save under another name; both versions are kept.
    SaveAs,
    /// Throw away the changes here and load what is on disk.
    Reload,
    /// Replace what is on disk with the version here.
    Overwrite,
    /// Do not save now.
    Cancel,
}

/// A save found the file changed by another program since it was opened.
pub fn changed_on_disk(ctx: &egui::Context, path: &str) -> Option<ConflictAnswer> {
    let mut answer = None;
    let modal = Modal::new(egui::Id::unique("changed-on-disk")).show(ctx, |ui| {
        ui.set_width(500.0);
        ui.heading("The file changed on disk");
        ui.label(format!(
            "{path} was changed by another program (or a git pull) since Claimdesk opened it. Nothing was saved, so both versions still exist: the one on disk, and yours here."
        ));
        ui.add_space(8.0);
        const ANSWERS: [ConflictAnswer; 4] = [
            ConflictAnswer::SaveAs,
            ConflictAnswer::Reload,
            ConflictAnswer::Overwrite,
            ConflictAnswer::Cancel,
        ];
        answer = buttons(
            ui,
            &[
                ("Save as…", "Save your version under another name; the file on disk stays as it is"),
                ("Reload from disk", "Open the version on disk; your unsaved changes here are discarded"),
                ("Overwrite", "Replace the version on disk with yours; its changes are lost (the old file is kept as .bak)"),
                ("Cancel", "Do not save now"),
            ],
        )
        .and_then(|i| ANSWERS.get(i).copied());
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(ConflictAnswer::Cancel);
    }
    answer
}

/// What re-anchoring did. `Some(true)` asks to list the claims that need review.
pub fn reanchored(
    ctx: &egui::Context,
    source: &str,
    report: &crate::reanchor::ReanchorReport,
) -> Option<bool> {
    let mut answer = None;
    let modal = Modal::new(egui::Id::unique("reanchored")).show(ctx, |ui| {
        ui.set_width(480.0);
        ui.heading("Article updated");
        ui.label(format!("The article text now comes from {source}."));
        ui.add_space(4.0);
        egui::Grid::new("reanchor-report")
            .num_columns(2)
            .show(ui, |ui| {
                let rows = [
                    (report.kept, "kept", "same text, same place"),
                    (report.moved, "moved", "same text, new place"),
                    (report.fuzzy, "matched approximately", "small edits, such as a fixed typo"),
                    (report.needs_review, "need review", "not found with confidence"),
                ];
                for (n, what, why) in rows {
                    ui.label(RichText::new(n.to_string()).strong());
                    ui.label(format!("{what} ({why})"));
                    ui.end_row();
                }
            });
        ui.add_space(4.0);
        if report.needs_review > 0 {
            ui.label("Claims that need review keep their verdict, sources and notes. Select each one's text in the article and press \"Re-attach to selection\".");
        }
        ui.weak("Undo (Ctrl+Z) puts the previous article text back.");
        ui.add_space(8.0);
        answer = if report.needs_review > 0 {
            buttons(ui, &[("Show claims that need review", ""), ("Close", "")]).map(|i| i == 0)
        } else {
            buttons(ui, &[("OK", "")]).map(|_| false)
        };
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(false);
    }
    answer
}

/// A progress dialog for work on a worker thread; the window keeps drawing behind it.
pub fn progress(ctx: &egui::Context, label: &str, elapsed: std::time::Duration) {
    Modal::new(egui::Id::unique("progress")).show(ctx, |ui| {
        ui.set_width(360.0);
        ui.label(RichText::new(format!("{label}…")).strong());
        ui.add_space(6.0);
        sweeping_bar(ui, label, elapsed);
        ui.add_space(2.0);
        ui.weak(format!("{:.0} s", elapsed.as_secs_f32().floor()));
    });
}

/// The progress dialog of an import (a file, page, PDF or link): what it is doing,
/// the share done when known, and Cancel (or Escape). Returns whether Cancel was pressed.
pub fn import_progress(
    ctx: &egui::Context,
    label: &str,
    detail: Option<&str>,
    fraction: Option<f32>,
    elapsed: std::time::Duration,
) -> bool {
    let mut cancel = false;
    let modal = Modal::new(egui::Id::unique("import-progress")).show(ctx, |ui| {
        ui.set_width(380.0);
        ui.label(RichText::new(format!("{label}…")).strong());
        ui.add_space(6.0);
        match fraction {
            Some(f) => {
                ui.add(egui::ProgressBar::new(f).show_percentage());
            }
            None => sweeping_bar(ui, label, elapsed),
        }
        ui.add_space(2.0);
        ui.horizontal(|ui| {
            ui.weak(detail.unwrap_or(""));
            ui.weak(format!("{:.0} s", elapsed.as_secs_f32().floor()));
        });
        ui.add_space(4.0);
        cancel = ui
            .button("Cancel")
            .on_hover_text("Stop; the open work stays as it is")
            .clicked();
    });
    ctx.request_repaint_after(std::time::Duration::from_millis(100));
    cancel || modal.should_close()
}

/// A progress bar for work whose share done is unknown (reading and parsing a file
/// reports no fraction): a segment sweeps along the track, so it never claims to be
/// at 0 % or stuck.
fn sweeping_bar(ui: &mut egui::Ui, label: &str, elapsed: std::time::Duration) {
    const SWEEP_SECONDS: f32 = 1.4;
    let (track, response) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), 8.0), egui::Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::ProgressIndicator, true, label)
    });
    let visuals = ui.visuals();
    let painter = ui.painter();
    painter.rect_filled(track, 4.0, visuals.extreme_bg_color);
    let segment = track.width() * 0.3;
    let t = (elapsed.as_secs_f32() / SWEEP_SECONDS).fract();
    let left = track.left() - segment + t * (track.width() + segment);
    let bar = egui::Rect::from_x_y_ranges(
        left.max(track.left())..=(left + segment).min(track.right()),
        track.y_range(),
    );
    painter.rect_filled(bar, 4.0, visuals.selection.bg_fill);
    ui.ctx().request_repaint();
}

/// A form: one row per field, its label on the left (and naming the field for screen
/// readers and tests), a one-line text box `width` wide with a hint on the right.
pub fn field_grid<'a>(
    ui: &mut egui::Ui,
    id: &str,
    width: f32,
    rows: impl IntoIterator<Item = (&'a str, &'a mut String, &'a str)>,
) {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for (label, value, hint) in rows {
                let l = ui.label(label);
                ui.add(
                    egui::TextEdit::singleline(value)
                        .hint_text(hint)
                        .desired_width(width),
                )
                .labelled_by(l.id);
                ui.end_row();
            }
        });
}
