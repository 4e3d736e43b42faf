//! Shortcut keys to intents. Runs before the panes draw, so a shortcut is consumed
//! before a widget can act on the same key.

use crate::ui::actions::{Action, NEXT_KEY, PREVIOUS_KEY, STATUS_KEYS};
use crate::ui::intent::Intent;

/// This frame's shortcuts as intents. `typing`: an editable text field has the
/// keyboard, so single keys (digits, j/k, Delete, Enter) are left to it.
pub fn shortcuts(ctx: &egui::Context, typing: bool) -> Vec<Intent> {
    let mut intents = Vec::new();
    ctx.input_mut(|input| {
        for (action, shortcut) in Action::by_shortcut_precedence() {
            if action.needs_free_keyboard() && typing {
                continue;
            }
            if input.consume_shortcut(&shortcut) {
                intents.push(Intent::Run(action));
            }
        }
        if !typing {
            // No field takes typed text now (the read-only article may have the
            // keyboard): a digit's text would only move the article's cursor.
            input
                .events
                .retain(|event| !matches!(event, egui::Event::Text(_)));
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
    intents
}
