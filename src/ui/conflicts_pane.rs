//! The Conflicts tab: what a merge left for a person to settle, one card per
//! conflict with the base and both sides side by side, and a button to keep each.
//!
//! Keeping a value is one [`Command::ResolveConflict`], so Undo brings the conflict
//! back. To write a value of one's own, keep the closest one and edit it in the claim.

use super::intent::Intent;
use super::pane::PaneContext;
use crate::command::Command;
use crate::model::{Conflict, ConflictValue, Resolution, Session, Side};
use egui::{RichText, Ui};

/// Draws the list of conflicts; returns what the user asked for.
pub fn ui(cx: &PaneContext<'_>, ui: &mut Ui) -> Vec<Intent> {
    let mut intents = Vec::new();
    let session = cx.session();
    if session.conflicts.is_empty() {
        ui.add_space(8.0);
        ui.label("No conflicts left. Every change from the merge is settled.");
        return intents;
    }
    ui.weak(format!(
        "{} left from a merge. Keep one version of each; Undo brings a conflict back. Exports wait until none is left.",
        count_words(session.conflicts.len())
    ));
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .id_salt("conflicts")
        .auto_shrink(false)
        .show(ui, |ui| {
            for (i, conflict) in session.conflicts.iter().enumerate() {
                ui.push_id(i, |ui| card(cx, session, conflict, ui, &mut intents));
                ui.add_space(6.0);
            }
        });
    intents
}

/// "1 conflict", "3 conflicts".
pub fn count_words(n: usize) -> String {
    super::words::count(n, "conflict", "conflicts")
}

/// One conflict: what it is about, then base, ours and theirs with a Keep button each.
fn card(
    cx: &PaneContext<'_>,
    session: &Session,
    conflict: &Conflict,
    ui: &mut Ui,
    intents: &mut Vec<Intent>,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let title = conflict.describe(session);
        match conflict
            .about
            .claim()
            .filter(|id| session.claim(*id).is_some())
        {
            Some(id) => {
                let link = ui
                    .link(RichText::new(&title).strong())
                    .on_hover_text("Select this claim (its inspector is below)");
                if link.clicked() {
                    intents.push(Intent::Select {
                        claim: Some(id),
                        reveal_in_article: true,
                        reveal_in_list: false,
                    });
                }
            }
            None => {
                ui.label(RichText::new(&title).strong());
            }
        }
        let sides = [
            (Side::Ours, side_heading(&conflict.ours.label, "ours")),
            (Side::Theirs, side_heading(&conflict.theirs.label, "theirs")),
            (Side::Base, "Before both (base)".to_owned()),
        ];
        for (side, heading) in sides {
            let value = conflict.value(side);
            ui.separator();
            ui.horizontal(|ui| {
                let keep = ui
                    .add_enabled(
                        cx.editable(),
                        egui::Button::new(format!("Keep {}", short(side))),
                    )
                    .on_hover_text(format!("Keep this version: {heading}"));
                if keep.clicked() {
                    intents.push(Intent::Edit(Command::ResolveConflict {
                        about: conflict.about.clone(),
                        resolution: Resolution::Pick(side),
                    }));
                }
                ui.vertical(|ui| {
                    // A verdict's summary already says who set it and when.
                    let who = match side {
                        _ if matches!(value, ConflictValue::Verdict { .. }) => String::new(),
                        Side::Ours => by_line(&conflict.ours.by, &conflict.ours.date),
                        Side::Theirs => by_line(&conflict.theirs.by, &conflict.theirs.date),
                        Side::Base => String::new(),
                    };
                    ui.weak(format!("{heading}{who}"));
                    ui.add(egui::Label::new(value.summary(&session.scheme)).wrap());
                });
            });
        }
    });
}

/// The button's word for a side.
fn short(side: Side) -> &'static str {
    match side {
        Side::Ours => "ours",
        Side::Theirs => "theirs",
        Side::Base => "base",
    }
}

/// "Ours (main)" or just "Ours" when the merge named the side plainly.
fn side_heading(label: &str, plain: &str) -> String {
    let capital = if plain == "ours" { "Ours" } else { "Theirs" };
    let label = label.trim();
    if label.is_empty() || label.eq_ignore_ascii_case(plain) {
        capital.to_owned()
    } else {
        format!("{capital} ({label})")
    }
}

/// " · by Ada, 2026-11-30" when known.
fn by_line(by: &str, date: &str) -> String {
    let parts: Vec<&str> = [by.trim(), date.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" · by {}", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_sides_read_as_words() {
        assert_eq!(count_words(1), "1 conflict");
        assert_eq!(count_words(3), "3 conflicts");
        assert_eq!(side_heading("ours", "ours"), "Ours");
        assert_eq!(side_heading("ben", "theirs"), "Theirs (ben)");
        assert_eq!(by_line("Ada", "2026-11-30"), " · by Ada, 2026-11-30");
        assert_eq!(by_line("", ""), "");
    }
}
