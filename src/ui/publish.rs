//! Publishing settings in the app: the rating scheme a session uses (switching asks
//! how existing verdicts map). The publisher profile is in [`super::preferences`].

use crate::command::Command;
use crate::model::scheme_library::SchemeLibrary;
use crate::model::scheme_mapping::propose_choices;
use crate::model::{LabelId, RatingScheme, Session};
use egui::{Modal, RichText};

/// What a dialog decided.
pub enum Outcome<T> {
    /// Still open.
    Open,
    /// Closed without a change.
    Cancelled,
    /// Confirmed with this value.
    Done(T),
}

/// State of the "Rating scheme" dialog.
pub struct SchemeDialog {
    library: SchemeLibrary,
    chosen: usize,
    /// For each label of the session's scheme, what it becomes; `None` until the
    /// user picks one (no label could be proposed).
    mapping: Vec<(LabelId, Option<LabelId>)>,
}

impl SchemeDialog {
    /// Opens the dialog with the built-in and the user's schemes.
    pub fn new(session: &Session, library: SchemeLibrary) -> Self {
        let chosen = library
            .schemes
            .iter()
            .position(|s| s.scheme.id == session.scheme.id)
            .unwrap_or(0);
        let mut dialog = Self {
            library,
            chosen,
            mapping: Vec::new(),
        };
        dialog.remap(session);
        dialog
    }

    fn target(&self) -> Option<&RatingScheme> {
        self.library.schemes.get(self.chosen).map(|s| &s.scheme)
    }

    fn remap(&mut self, session: &Session) {
        self.mapping = self
            .target()
            .map(|to| propose_choices(&session.scheme, to))
            .unwrap_or_default();
    }

    /// Draws the dialog; `Done` carries the switch command.
    pub fn show(&mut self, ctx: &egui::Context, session: &Session) -> Outcome<Command> {
        let mut outcome = Outcome::Open;
        let modal = Modal::new(egui::Id::unique("scheme-dialog")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading("Rating scheme");
            ui.label(format!("This session uses “{}”. Choose another scheme:", session.scheme.name));
            let before = self.chosen;
            egui::ComboBox::from_id_salt("scheme-choice")
                .width(300.0)
                .selected_text(self.target().map_or("", |s| s.name.as_str()).to_owned())
                .show_ui(ui, |ui| {
                    for (i, s) in self.library.schemes.iter().enumerate() {
                        ui.selectable_value(&mut self.chosen, i, &s.scheme.name);
                    }
                })
                .response
                .on_hover_text("Built-in schemes and your own, from the schemes folder in Claimdesk's config folder");
            if before != self.chosen {
                self.remap(session);
            }
            for problem in &self.library.problems {
                ui.colored_label(ui.visuals().error_fg_color, problem.to_string());
            }
            let in_use: Vec<&str> = {
                let mut v: Vec<&str> = session.claims.iter().map(|c| c.status.as_str()).collect();
                v.sort_unstable();
                v.dedup();
                v
            };
            if let Some(target) = self.target().cloned() {
                ui.add_space(6.0);
                ui.label(RichText::new("How existing verdicts carry over").strong());
                egui::Grid::new("mapping-grid").num_columns(3).striped(true).show(ui, |ui| {
                    for (from, to) in &mut self.mapping {
                        if !in_use.contains(&from.as_str()) {
                            continue;
                        }
                        let old_name = session.scheme.name_of(from).to_owned();
                        let old_label = ui.label(&old_name);
                        ui.weak("becomes");
                        let chosen = to.as_ref().map_or("Choose…", |to| target.name_of(to)).to_owned();
                        egui::ComboBox::from_id_salt(("map", from.clone()))
                            .selected_text(chosen)
                            .show_ui(ui, |ui| {
                                for label in &target.labels {
                                    ui.selectable_value(to, Some(label.id.clone()), label.display_name());
                                }
                            })
                            .response
                            .labelled_by(old_label.id)
                            .on_hover_text(format!("The new verdict for claims now marked {old_name}"));
                        ui.end_row();
                    }
                });
                let open: Vec<&str> = self
                    .mapping
                    .iter()
                    .filter(|(from, to)| to.is_none() && in_use.contains(&from.as_str()))
                    .map(|(from, _)| session.scheme.name_of(from))
                    .collect();
                if !open.is_empty() {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        format!(
                            "No match in this scheme for: {}. Choose what each becomes.",
                            open.join(", ")
                        ),
                    );
                }
                if in_use.is_empty() {
                    ui.weak("No claims yet, so nothing needs mapping.");
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let complete = self
                    .mapping
                    .iter()
                    .all(|(from, to)| to.is_some() || !in_use.contains(&from.as_str()));
                let switch = ui
                    .add_enabled(self.target().is_some() && complete, egui::Button::new(RichText::new("Switch scheme").strong()))
                    .on_disabled_hover_text("Choose a new verdict for every one in use first");
                if switch.clicked()
                    && let Some(scheme) = self.target().cloned()
                {
                    // Labels no claim uses need no choice; they go to "not yet reviewed".
                    let mapping = self
                        .mapping
                        .iter()
                        .map(|(from, to)| (from.clone(), to.clone().unwrap_or_else(|| scheme.unreviewed.clone())))
                        .collect();
                    outcome = Outcome::Done(Command::SwitchScheme { scheme, mapping });
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
}
