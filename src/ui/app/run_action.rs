//! Menu and shortcut actions, and the keys that trigger them.

use super::{ClaimdeskApp, Dialog, Pending};
use crate::command::Command;
use crate::model::ClaimId;
use crate::ui::actions::{Action, NEXT_KEY, PREVIOUS_KEY, STATUS_KEYS};
use crate::ui::claims_list::filter_id;
use crate::ui::file_dialog::{FileDialog, FileDialogPurpose};
use crate::ui::intent::Intent;
use crate::ui::view_state::SidePane;

impl ClaimdeskApp {
    /// Carries out a menu or shortcut action.
    pub(super) fn run(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::NewFromArticle => {
                self.guard_unsaved(ctx, Pending::ChooseFile(FileDialogPurpose::ImportArticle))
            }
            Action::Open => self.guard_unsaved(ctx, Pending::ChooseFile(FileDialogPurpose::Open)),
            Action::Save => self.save(ctx, None),
            Action::SaveAs => self.choose_save_path(None, false),
            Action::Quit => self.guard_unsaved(ctx, Pending::Quit),
            Action::Undo | Action::Redo => {
                let applied = if action == Action::Undo {
                    self.doc.undo()
                } else {
                    self.doc.redo()
                };
                match applied {
                    Some(applied) => {
                        if let Some(id) = applied.claim {
                            self.select(Some(id), true, true);
                        } else if self
                            .view
                            .selected
                            .is_some_and(|id| self.doc.session.claim(id).is_none())
                        {
                            self.view.selected = None;
                        }
                    }
                    None => self.notice = format!("Nothing to {}", action.label().to_lowercase()),
                }
            }
            Action::NewClaim => match self.view.text_selection.take() {
                Some(range) => {
                    self.view.clear_text_selection = true;
                    self.edit(Command::AddClaim {
                        start: range.start,
                        end: range.end,
                        claimant: String::new(),
                        attribution: None,
                    });
                }

                None => {
                    self.notice = "Select some article text first, then press New claim.".into()
                }
            },
            Action::DeleteClaim if self.view.side == SidePane::Suggestions => {
                let mut intents = Vec::new();
                self.suggestions.dismiss_selected(&mut intents);
                self.apply_intents(ctx, intents);
            }
            Action::AcceptSuggestion => {
                if self.view.side == SidePane::Suggestions {
                    let mut intents = Vec::new();
                    self.suggestions.accept_selected(&mut intents);
                    self.apply_intents(ctx, intents);
                }
            }
            Action::NextClaim | Action::PreviousClaim
                if self.view.side == SidePane::Suggestions =>
            {
                let step = if action == Action::NextClaim { 1 } else { -1 };
                if let Some(start) = self.suggestions.step(step) {
                    self.view.reveal_char = Some(start);
                }
            }
            Action::DeleteClaim => {
                if let Some(id) = self.view.selected {
                    let number = self.doc.session.claim(id).map_or(0, |c| c.number);
                    let next = self.neighbour(id, 1).or_else(|| self.neighbour(id, -1));
                    self.edit(Command::DeleteClaim(id));
                    self.select(next, true, true);
                    self.notice = format!("Deleted claim #{number}. Undo (Ctrl+Z) brings it back.");
                }
            }
            Action::NextClaim | Action::PreviousClaim => {
                let step = if action == Action::NextClaim { 1 } else { -1 };
                let next = match self.view.selected {
                    Some(id) => self.neighbour(id, step),
                    None => self.list.visible_claims(&self.doc.session).first().copied(),
                };
                if next.is_some() {
                    self.select(next, true, true);
                }
            }
            Action::Find => {
                self.view.focus_filter = true;
                ctx.memory_mut(|m| m.request_focus(filter_id()));
            }
            Action::ShowShortcuts => self.dialog = Some(Dialog::Shortcuts),
            Action::UpdateArticle => {
                self.dialog = Some(Dialog::File(
                    FileDialog::new(
                        FileDialogPurpose::UpdateArticle,
                        self.dialog_dir(),
                        String::new(),
                    ),
                    None,
                ));
            }
            Action::ShowNeedsReview => self.show_needs_review(),
            Action::RetryLock => self.retry_lock(ctx),
        }
    }

    /// The claim `step` places away from `id` in the list's current order.
    fn neighbour(&self, id: ClaimId, step: isize) -> Option<ClaimId> {
        let order = self.list.visible_claims(&self.doc.session);
        let pos = order.iter().position(|c| *c == id)?;
        let next = pos.checked_add_signed(step)?;
        order.get(next).copied()
    }

    /// Turns this frame's shortcut keys into intents (not while a prompt is open).
    pub(super) fn keyboard(&mut self, ctx: &egui::Context, intents: &mut Vec<Intent>) {
        if self.dialog.is_some() || self.busy.is_some() {
            return;
        }
        let free = !self.view.editing_text;
        ctx.input_mut(|input| {
            for action in Action::ALL {
                if action.needs_free_keyboard() && !free {
                    continue;
                }
                if let Some(sc) = action.shortcut()
                    && input.consume_shortcut(&sc)
                {
                    intents.push(Intent::Run(action));
                }
            }
            if free {
                if input.consume_key(egui::Modifiers::NONE, NEXT_KEY) {
                    intents.push(Intent::Run(Action::NextClaim));
                }
                if input.consume_key(egui::Modifiers::NONE, PREVIOUS_KEY) {
                    intents.push(Intent::Run(Action::PreviousClaim));
                }
                for (i, key) in STATUS_KEYS.iter().enumerate() {
                    if input.consume_key(egui::Modifiers::NONE, *key) {
                        intents.push(Intent::SetStatusByIndex(i));
                    }
                }
            }
        });
    }
}
