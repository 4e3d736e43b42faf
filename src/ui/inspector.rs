//! The inspector: everything about the selected claim, editable.
//!
//! Fields edit a copy of the claim; any change becomes a [`Command`], so every edit
//! is undoable and goes through the one place that applies changes.

use super::actions::Action;
use super::intent::Intent;
use super::theme;
use super::view_state::ViewState;
use crate::command::Command;
use crate::model::{Claim, Session, SourceDraft, Stance};
use egui::{RichText, ScrollArea, TextEdit, Ui};

/// Shows the inspector for the selected claim (or a hint when none is selected).
pub fn show(ui: &mut Ui, session: &Session, view: &mut ViewState, intents: &mut Vec<Intent>) {
    let Some(claim) = view.selected.and_then(|id| session.claim(id)) else {
        ui.add_space(16.0);
        ui.vertical_centered(|ui| {
            ui.weak("No claim selected.");
            ui.weak("Click a highlight in the article or a claim in the list,\nor select text and press New claim (Ctrl+N).");
        });
        return;
    };
    let mut editing = false;
    ScrollArea::vertical()
        .id_salt("inspector")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(format!("Claim #{}", claim.number));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let del = Action::DeleteClaim;
                    if ui
                        .button("🗑 Delete")
                        .on_hover_text(del.hint(ui.ctx()))
                        .clicked()
                    {
                        intents.push(Intent::Run(del));
                    }
                });
            });
            if claim.needs_review {
                needs_review(ui, claim, view, intents);
                ui.weak("Its text before the article changed:");
            }
            ui.label(RichText::new(format!("“{}”", claim.anchor.exact)).italics())
                .on_hover_text(format!(
                    "Quoted from the article, characters {}–{}",
                    claim.anchor.start, claim.anchor.end
                ));
            ui.add_space(6.0);

            status_picker(ui, session, claim, intents);
            ui.add_space(6.0);

            editing |= text_field(
                ui,
                "Claim wording",
                &claim.text,
                true,
                ("wording", claim.id),
                |text| Command::SetText {
                    claim: claim.id,
                    text,
                },
                intents,
            );
            editing |= text_field(
                ui,
                "Claimant",
                &claim.claimant,
                false,
                ("claimant", claim.id),
                |claimant| Command::SetClaimant {
                    claim: claim.id,
                    claimant,
                },
                intents,
            );
            if let Some(a) = &claim.attribution {
                ui.weak(format!("Detected: “{}” ({})", a.claimant, a.cue));
            }
            ui.add_space(6.0);
            editing |= sources(ui, claim, intents);
            ui.add_space(6.0);
            editing |= text_field(
                ui,
                "Note",
                &claim.note,
                true,
                ("note", claim.id),
                |note| Command::SetNote {
                    claim: claim.id,
                    note,
                },
                intents,
            );
        });
    view.editing_text |= editing;
}

fn status_picker(ui: &mut Ui, session: &Session, claim: &Claim, intents: &mut Vec<Intent>) {
    ui.label(RichText::new("Verdict").strong());
    ui.horizontal_wrapped(|ui| {
        for (i, label) in session.scheme.labels.iter().enumerate() {
            let colour = theme::status_colour(&session.scheme, &label.id);
            let selected = claim.status == label.id;
            let text = if selected {
                RichText::new(&label.name)
                    .color(theme::text_on(colour))
                    .strong()
            } else {
                RichText::new(&label.name)
            };
            let mut button = egui::Button::new(text)
                .selected(selected)
                .corner_radius(10.0);
            button = if selected {
                button.fill(colour)
            } else {
                button.stroke(egui::Stroke::new(1.5, colour))
            };
            let key = if i < 9 {
                format!(" (key {})", i + 1)
            } else {
                String::new()
            };
            if ui
                .add(button)
                .on_hover_text(format!("{}{key}", label.description))
                .clicked()
                && !selected
            {
                intents.push(Intent::Edit(Command::SetStatus {
                    claim: claim.id,
                    status: label.id.clone(),
                    by: crate::prefs::reviewer_name(),
                    date: crate::export::today_utc(),
                }));
            }
        }
    });
    if let Some(label) = session.scheme.label(&claim.status) {
        ui.weak(&label.description);
    }
}

/// A labelled text field; pushes `make(new_text)` when the user changes it.
/// Returns whether it has the keyboard.
fn text_field(
    ui: &mut Ui,
    label: &str,
    value: &str,
    multiline: bool,
    id: impl std::hash::Hash + std::fmt::Debug,
    make: impl FnOnce(String) -> Command,
    intents: &mut Vec<Intent>,
) -> bool {
    let heading = ui.label(RichText::new(label).strong());
    let mut text = value.to_owned();
    let edit = if multiline {
        TextEdit::multiline(&mut text).desired_rows(2)
    } else {
        TextEdit::singleline(&mut text)
    };
    let response = ui
        .add(edit.id_salt(id).desired_width(f32::INFINITY))
        .labelled_by(heading.id);
    if response.changed() {
        intents.push(Intent::Edit(make(text)));
    }
    response.has_focus()
}

fn sources(ui: &mut Ui, claim: &Claim, intents: &mut Vec<Intent>) -> bool {
    let mut editing = false;
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Sources ({})", claim.sources.len())).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("+ Add source")
                .on_hover_text("Add a piece of evidence for or against this claim")
                .clicked()
            {
                intents.push(Intent::Edit(Command::AddSource {
                    claim: claim.id,
                    draft: SourceDraft {
                        accessed: crate::export::today_utc(),
                        ..Default::default()
                    },
                }));
            }
        });
    });
    if claim.sources.is_empty() {
        ui.weak("No sources yet.");
    }
    for (n, source) in claim.sources.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let mut edited = source.clone();
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("Source {}", n + 1)).strong());
                for stance in Stance::ALL {
                    let label = match stance {
                        Stance::Supports => "Supports",
                        Stance::Refutes => "Refutes",
                        Stance::Context => "Context",
                    };
                    ui.radio_value(&mut edited.stance, stance, label);
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .small_button("Remove")
                        .on_hover_text("Remove this source (undo brings it back)")
                        .clicked()
                    {
                        intents.push(Intent::Edit(Command::RemoveSource {
                            claim: claim.id,
                            source: source.id,
                        }));
                    }
                });
            });
            let id = (claim.id, source.id);
            egui::Grid::new(("source-grid", id))
                .num_columns(2)
                .spacing([8.0, 4.0])
                .show(ui, |ui| {
                    editing |=
                        grid_field(ui, "URL", &mut edited.url, false, ("url", id), "https://…");
                    editing |= grid_field(
                        ui,
                        "Title or publisher",
                        &mut edited.title,
                        false,
                        ("title", id),
                        "Page title or publisher",
                    );
                    editing |= grid_field(
                        ui,
                        "Quoted passage",
                        &mut edited.quote,
                        true,
                        ("quote", id),
                        "The passage that matters",
                    );
                    editing |= grid_field(
                        ui,
                        "Accessed",
                        &mut edited.accessed,
                        false,
                        ("accessed", id),
                        "YYYY-MM-DD",
                    );
                });
            if edited != *source {
                intents.push(Intent::Edit(Command::UpdateSource {
                    claim: claim.id,
                    source: edited,
                }));
            }
        });
    }
    editing
}

fn grid_field(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    multiline: bool,
    id: impl std::hash::Hash + std::fmt::Debug,
    hint: &str,
) -> bool {
    let l = ui.label(label);
    let edit = if multiline {
        TextEdit::multiline(value).desired_rows(2)
    } else {
        TextEdit::singleline(value)
    };
    let response = ui
        .add(
            edit.id_salt(id)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    ui.end_row();
    response.has_focus()
}

/// A claim that lost its place when the article changed: say so, and re-attach it
/// to the text the user selects.
fn needs_review(ui: &mut Ui, claim: &Claim, view: &ViewState, intents: &mut Vec<Intent>) {
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, ui.visuals().warn_fg_color))
        .show(ui, |ui| {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                RichText::new("⚠ Needs review").strong(),
            );
            ui.label("The article changed and this claim's text was not found with confidence. Its verdict, sources and note are kept. Select the right text in the article, then re-attach the claim to it.");
            let selection = view.text_selection.clone();
            let button = ui
                .add_enabled(selection.is_some(), egui::Button::new("Re-attach to selection"))
                .on_hover_text("Anchor this claim to the text selected in the article")
                .on_disabled_hover_text("Select the claim's text in the article first");
            if button.clicked()
                && let Some(range) = selection
            {
                intents.push(Intent::Edit(Command::ReattachClaim {
                    claim: claim.id,
                    start: range.start,
                    end: range.end,
                }));
            }
        });
}
