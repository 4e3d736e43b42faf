//! What the panes ask for. Panes only read state and push intents; the app applies
//! them in one place after drawing (see `app.rs`).

use super::actions::Action;
use crate::command::Command;
use crate::model::ClaimId;
use std::path::PathBuf;

/// A request from the UI.
#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    /// Change the session.
    Edit(Command),
    /// Run a menu/shortcut action.
    Run(Action),
    /// Select a claim (or clear the selection).
    Select {
        /// The claim, or `None` to clear.
        claim: Option<ClaimId>,
        /// Scroll the article to it.
        reveal_in_article: bool,
        /// Scroll the claims list to it.
        reveal_in_list: bool,
    },
    /// Set the selected claim's verdict to the scheme's n-th label.
    SetStatusByIndex(usize),
    /// Select a suggested sentence (shows it in the Suggestions pane).
    SelectSuggestion {
        /// First character.
        start: usize,
        /// One past the last character.
        end: usize,
    },
    /// Scroll the article to this character.
    RevealText(usize),
    /// Export the session in this format (asks where).
    Export(crate::export::ExportFormat),
    /// Edit the publisher profile.
    OpenPreferences,
    /// Choose the session's rating scheme.
    ChooseScheme,
    /// Open this file (after asking about unsaved changes).
    OpenPath(PathBuf),
}
