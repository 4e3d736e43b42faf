//! Every user action with its label, shortcut and tooltip, in one place, so menus,
//! buttons, keyboard handling and the shortcut list never disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A user action that is not tied to one widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Import an article as a new session.
    NewFromArticle,
    /// Open a session or article.
    Open,
    /// Save to the current file (asks for a name the first time).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Close the app (asks about unsaved changes).
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Make a claim of the selected article text.
    NewClaim,
    /// Delete the selected claim (undoable).
    DeleteClaim,
    /// Accept the selected suggestion as a claim.
    AcceptSuggestion,
    /// Select the next claim in article order.
    NextClaim,
    /// Select the previous claim in article order.
    PreviousClaim,
    /// Jump to the claims filter.
    Find,
    /// Show the keyboard shortcuts.
    ShowShortcuts,
    /// Replace the article with a corrected version and re-anchor the claims.
    UpdateArticle,
    /// Show only the claims that need re-attaching after an article update.
    ShowNeedsReview,
    /// Read-only: try to get the session for editing again.
    RetryLock,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

impl Action {
    /// All actions. Longer chords come before the ones they contain (Ctrl+Shift+S
    /// before Ctrl+S), because egui matches a shortcut even when Shift is also held.
    pub const ALL: [Action; 17] = [
        Action::SaveAs,
        Action::Redo,
        Action::NewFromArticle,
        Action::Open,
        Action::Save,
        Action::Quit,
        Action::Undo,
        Action::NewClaim,
        Action::DeleteClaim,
        Action::AcceptSuggestion,
        Action::NextClaim,
        Action::PreviousClaim,
        Action::Find,
        Action::ShowShortcuts,
        Action::UpdateArticle,
        Action::ShowNeedsReview,
        Action::RetryLock,
    ];

    /// Menu and button label.
    pub fn label(self) -> &'static str {
        match self {
            Action::NewFromArticle => "New from article…",
            Action::Open => "Open…",
            Action::Save => "Save",
            Action::SaveAs => "Save as…",
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::NewClaim => "New claim",
            Action::DeleteClaim => "Delete claim",
            Action::AcceptSuggestion => "Accept suggestion",
            Action::NextClaim => "Next claim",
            Action::PreviousClaim => "Previous claim",
            Action::Find => "Filter claims",
            Action::ShowShortcuts => "Keyboard shortcuts",
            Action::UpdateArticle => "Update article text…",
            Action::ShowNeedsReview => "Claims that need review",
            Action::RetryLock => "Try again",
        }
    }

    /// One sentence for the tooltip.
    pub fn tooltip(self) -> &'static str {
        match self {
            Action::NewFromArticle => "Import a .txt or .md article and start a new session on it",
            Action::Open => "Open a session (.ron) or an article (.txt, .md)",
            Action::Save => "Save the session",
            Action::SaveAs => "Save the session under a new name",
            Action::Quit => "Close Claimdesk",
            Action::Undo => "Undo the last change",
            Action::Redo => "Redo the last undone change",
            Action::NewClaim => "Make a claim of the text selected in the article",
            Action::DeleteClaim => {
                "Delete the selected claim with its sources and note (undo brings it back)"
            }
            Action::AcceptSuggestion => "Make the selected suggestion a claim, with its claimant",
            Action::NextClaim => "Select the next claim (Down or j)",
            Action::PreviousClaim => "Select the previous claim (Up or k)",
            Action::Find => "Filter the claims list by text",
            Action::ShowShortcuts => "List every keyboard shortcut",
            Action::UpdateArticle => {
                "Replace the article with a corrected or updated version; every claim is moved to its text in it"
            }
            Action::ShowNeedsReview => {
                "List the claims that could not be placed with confidence after the article changed"
            }
            Action::RetryLock => {
                "Open the session for editing, if the other window has closed it (reloads it if it was saved there)"
            }
        }
    }

    /// The keyboard shortcut, if the action has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let s = |m, k| Some(KeyboardShortcut::new(m, k));
        match self {
            Action::NewFromArticle => None,
            Action::Open => s(CTRL, Key::O),
            Action::Save => s(CTRL, Key::S),
            Action::SaveAs => s(CTRL_SHIFT, Key::S),
            Action::Quit => s(CTRL, Key::Q),
            Action::Undo => s(CTRL, Key::Z),
            Action::Redo => s(CTRL_SHIFT, Key::Z),
            Action::NewClaim => s(CTRL, Key::N),
            Action::DeleteClaim => s(Modifiers::NONE, Key::Delete),
            Action::AcceptSuggestion => s(Modifiers::NONE, Key::Enter),
            Action::NextClaim => s(Modifiers::NONE, Key::ArrowDown),
            Action::PreviousClaim => s(Modifiers::NONE, Key::ArrowUp),
            Action::Find => s(CTRL, Key::F),
            Action::ShowShortcuts => s(Modifiers::NONE, Key::F1),
            Action::UpdateArticle | Action::ShowNeedsReview | Action::RetryLock => None,
        }
    }

    /// Whether the shortcut would clash with typing, so it only works when no
    /// editable text field has the keyboard.
    pub fn needs_free_keyboard(self) -> bool {
        matches!(
            self,
            Action::AcceptSuggestion
                | Action::DeleteClaim
                | Action::NextClaim
                | Action::PreviousClaim
                | Action::Undo
                | Action::Redo
        )
    }

    /// Tooltip text with the shortcut appended.
    pub fn hint(self, ctx: &egui::Context) -> String {
        match self.shortcut() {
            Some(sc) => format!("{} ({})", self.tooltip(), ctx.format_shortcut(&sc)),
            None => self.tooltip().to_owned(),
        }
    }
}

/// Keys 1-9 pick the n-th verdict of the scheme.
pub const STATUS_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// Extra keys that move between claims when no text field has the keyboard (vi style).
pub const NEXT_KEY: Key = Key::J;
/// See [`NEXT_KEY`].
pub const PREVIOUS_KEY: Key = Key::K;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_actions_share_a_shortcut() {
        let shortcuts: Vec<_> = Action::ALL
            .iter()
            .filter_map(|a| a.shortcut().map(|s| (s, *a)))
            .collect();
        for (i, (a, x)) in shortcuts.iter().enumerate() {
            for (b, y) in &shortcuts[i + 1..] {
                assert!(a != b, "{x:?} and {y:?} share a shortcut");
            }
        }
    }

    #[test]
    fn longer_chords_are_checked_first() {
        // If Ctrl+S were consumed first it would swallow Ctrl+Shift+S.
        let pos = |a| Action::ALL.iter().position(|x| *x == a).unwrap();
        assert!(pos(Action::SaveAs) < pos(Action::Save));
        assert!(pos(Action::Redo) < pos(Action::Undo));
    }

    #[test]
    fn every_action_is_listed_once() {
        for (i, a) in Action::ALL.iter().enumerate() {
            assert!(!Action::ALL[i + 1..].contains(a));
            assert!(!a.label().is_empty() && !a.tooltip().is_empty());
        }
    }
}
