//! Every user action with its label, tooltip and shortcut, in one place (as rerun's
//! `UICommand`), so menus, buttons, keyboard handling and the shortcut list never
//! disagree. [`Action::all`] is complete by construction: it is derived from the enum
//! (strum's `EnumIter`) and from [`ExportFormat::iter`], not typed by hand.

use crate::export::ExportFormat;
use egui::{Key, KeyboardShortcut, Modifiers};
use std::borrow::Cow;
use strum::IntoEnumIterator as _;

/// A user action that is not tied to one widget: every menu entry is one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum Action {
    /// Import an article as a new session.
    NewFromArticle,
    /// Open a session or article.
    Open,
    /// Save to the current file (asks for a name the first time).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Save a read-only session under a new name, to edit the copy.
    SaveCopyAs,
    /// Replace the article with a corrected version and re-anchor the claims.
    UpdateArticle,
    /// Publish the session in a format (asks where).
    Export(ExportFormat),
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
    /// Find words in the article: highlight every place they occur and step through.
    FindInArticle,
    /// Jump to the claims filter.
    FilterClaims,
    /// Edit the preferences: the publisher profile used by exports, the theme and the
    /// article's text size.
    Preferences,
    /// Accept the selected suggestion as a claim.
    AcceptSuggestion,
    /// Select the previous claim in article order.
    PreviousClaim,
    /// Select the next claim in article order.
    NextClaim,
    /// Show only the claims that need re-attaching after an article update.
    ShowNeedsReview,
    /// Choose the session's rating scheme.
    RatingScheme,
    /// Show the keyboard shortcuts.
    ShowShortcuts,
    /// Read-only: try to get the session for editing again.
    RetryLock,
    /// Fetch a web page or PDF from an address as a new session.
    OpenLink,
    /// Make a new session of what is on the clipboard.
    NewFromClipboard,
    /// See and edit the article's title, byline, date, site, address and language.
    ArticleDetails,
    /// Search every archived session and published fact-check.
    SearchArchive,
    /// Add a folder of sessions, or a file of published fact-checks, to the archive.
    AddToArchive,
    /// Bring the archive's index up to date with its folders.
    UpdateArchive,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

impl Action {
    /// Every action, in menu order, each export format included.
    pub fn all() -> impl Iterator<Item = Action> {
        Action::iter().flat_map(|action| match action {
            Action::Export(_) => ExportFormat::iter().map(Action::Export).collect(),
            other => vec![other],
        })
    }

    /// The actions that have a shortcut, in the order the keyboard checks them:
    /// chords with more modifiers first, because egui matches a shortcut even when
    /// more modifiers are held (Ctrl+Shift+S must be looked at before Ctrl+S).
    pub fn by_shortcut_precedence() -> Vec<(Action, KeyboardShortcut)> {
        let mut list: Vec<_> = Action::all()
            .filter_map(|a| a.shortcut().map(|s| (a, s)))
            .collect();
        let weight = |m: Modifiers| {
            u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl || m.mac_cmd)
        };
        list.sort_by_key(|(_, s)| std::cmp::Reverse(weight(s.modifiers)));
        list
    }

    /// Menu and button label.
    pub fn label(self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Action::NewFromArticle => "New from article…",
            Action::Open => "Open…",
            Action::Save => "Save",
            Action::SaveAs => "Save as…",
            Action::SaveCopyAs => "Save a copy as…",
            Action::UpdateArticle => "Update article text…",
            Action::Export(format) => return Cow::Owned(format!("{}…", format.label())),
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::NewClaim => "New claim",
            Action::DeleteClaim => "Delete claim",
            Action::FindInArticle => "Find in article…",
            Action::FilterClaims => "Filter claims",
            Action::Preferences => "Preferences…",
            Action::AcceptSuggestion => "Accept suggestion",
            Action::PreviousClaim => "Previous claim",
            Action::NextClaim => "Next claim",
            Action::ShowNeedsReview => "Claims that need review",
            Action::RatingScheme => "Rating scheme…",
            Action::ShowShortcuts => "Keyboard shortcuts",
            Action::RetryLock => "Try again",
            Action::OpenLink => "Open link…",
            Action::NewFromClipboard => "New from clipboard",
            Action::ArticleDetails => "Article details…",
            Action::SearchArchive => "Search all sessions",
            Action::AddToArchive => "Add folder to archive…",
            Action::UpdateArchive => "Update archive",
        })
    }

    /// One sentence for the tooltip.
    pub fn tooltip(self) -> &'static str {
        match self {
            Action::NewFromArticle => {
                "Import an article (.txt, .md, a saved web page .html, or a .pdf) and start a new session on it"
            }
            Action::Open => "Open a session (.ron) or an article (.txt, .md, .html, .pdf)",
            Action::Save => "Save the session",
            Action::SaveAs => "Save the session under a new name",
            Action::SaveCopyAs => "Save this session under a new name and edit the copy",
            Action::UpdateArticle => {
                "Replace the article with a corrected or updated version; every claim is moved to its text in it"
            }
            Action::Export(format) => match format {
                ExportFormat::ClaimReview => {
                    "schema.org ClaimReview JSON-LD, the structured data search engines read"
                }
                ExportFormat::WebAnnotation => {
                    "W3C Web Annotations: each claim anchored to the article text"
                }
                ExportFormat::Csv => "One row per claim, for spreadsheets",
                ExportFormat::Markdown => "A report in Markdown",
                ExportFormat::Html => "A self-contained HTML report",
            },
            Action::Quit => "Close Claimdesk",
            Action::Undo => "Undo the last change",
            Action::Redo => "Redo the last undone change",
            Action::NewClaim => "Make a claim of the text selected in the article",
            Action::DeleteClaim => {
                "Delete the selected claim with its sources and note (undo brings it back)"
            }
            Action::FindInArticle => {
                "Highlight every place some words occur in the article; Enter and Shift+Enter step through them"
            }
            Action::FilterClaims => "Filter the claims list by text",
            Action::Preferences => {
                "The organisation and reviewer exports name; light or dark theme; the article's text size"
            }
            Action::AcceptSuggestion => "Make the selected suggestion a claim, with its claimant",
            Action::PreviousClaim => "Select the previous claim (Up or k)",
            Action::NextClaim => "Select the next claim (Down or j)",
            Action::ShowNeedsReview => {
                "List the claims that could not be placed with confidence after the article changed"
            }
            Action::RatingScheme => {
                "Choose the session's rating scheme and how existing verdicts carry over"
            }
            Action::ShowShortcuts => "List every keyboard shortcut",
            Action::RetryLock => {
                "Open the session for editing, if the other window has closed it (reloads it if it was saved there)"
            }
            Action::OpenLink => {
                "Fetch a web page or PDF from its address and start a new session on its article"
            }
            Action::NewFromClipboard => {
                "Start a new session on the article copied from a browser or another program"
            }
            Action::ArticleDetails => {
                "The article's title, byline, date, site, address and language; the evidence kept of its original"
            }
            Action::SearchArchive => {
                "Find earlier checks in every archived session and published fact-check"
            }
            Action::AddToArchive => {
                "Add a folder of sessions, or a ClaimReview or CSV file of published fact-checks, to the archive"
            }
            Action::UpdateArchive => {
                "Read the archived folders again: new and changed sessions are indexed, deleted ones leave"
            }
        }
    }

    /// The keyboard shortcut, if the action has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let s = |m, k| Some(KeyboardShortcut::new(m, k));
        match self {
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
            Action::FindInArticle => s(CTRL, Key::F),
            Action::ShowShortcuts => s(Modifiers::NONE, Key::F1),
            Action::OpenLink => s(CTRL, Key::L),
            Action::NewFromClipboard => s(CTRL_SHIFT, Key::V),
            Action::SearchArchive => s(CTRL_SHIFT, Key::F),
            Action::Preferences => s(CTRL, Key::Comma),
            Action::NewFromArticle
            | Action::SaveCopyAs
            | Action::UpdateArticle
            | Action::Export(_)
            | Action::FilterClaims
            | Action::ShowNeedsReview
            | Action::RatingScheme
            | Action::RetryLock
            | Action::ArticleDetails
            | Action::AddToArchive
            | Action::UpdateArchive => None,
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
                // In a text field, Ctrl+Shift+V is "paste as plain text".
                | Action::NewFromClipboard
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
        let shortcuts = Action::by_shortcut_precedence();
        for (i, (x, a)) in shortcuts.iter().enumerate() {
            for (y, b) in &shortcuts[i + 1..] {
                assert!(a != b, "{x:?} and {y:?} share a shortcut");
            }
        }
    }

    #[test]
    fn longer_chords_are_checked_first() {
        // If Ctrl+S were consumed first it would swallow Ctrl+Shift+S.
        let order = Action::by_shortcut_precedence();
        let pos = |a| order.iter().position(|(x, _)| *x == a).unwrap();
        assert!(pos(Action::SaveAs) < pos(Action::Save));
        assert!(pos(Action::Redo) < pos(Action::Undo));
    }

    #[test]
    fn import_shortcuts_leave_find_and_paste_alone() {
        let key = |a: Action| a.shortcut().unwrap();
        assert_eq!(key(Action::OpenLink), KeyboardShortcut::new(CTRL, Key::L));
        assert_eq!(
            key(Action::NewFromClipboard),
            KeyboardShortcut::new(CTRL_SHIFT, Key::V)
        );
        // Ctrl+F finds in the article, as in every reader; Ctrl+Shift+F searches all
        // sessions; the claims filter keeps its own field.
        assert_eq!(
            key(Action::FindInArticle),
            KeyboardShortcut::new(CTRL, Key::F)
        );
        assert_eq!(Action::FilterClaims.shortcut(), None);
        // Never while typing: there it pastes without formatting.
        assert!(Action::NewFromClipboard.needs_free_keyboard());
    }

    #[test]
    fn every_action_and_export_format_is_listed_once_with_words() {
        let all: Vec<Action> = Action::all().collect();
        for (i, a) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(a), "{a:?} twice");
            assert!(!a.label().is_empty() && !a.tooltip().is_empty());
        }
        for format in ExportFormat::iter() {
            assert!(all.contains(&Action::Export(format)), "{format:?} missing");
        }
        // Every variant is reached: a new one without a label would not compile, and
        // `all` is derived from the enum, so it cannot be left out of the list.
        assert_eq!(
            all.len(),
            Action::iter().count() - 1 + ExportFormat::iter().count()
        );
    }
}
