//! What the panes ask for. Panes only read state (through a
//! [`super::pane::PaneContext`]) and return intents; the app applies them in one
//! place, `AppState::handle`, after drawing.

use super::actions::Action;
use super::app::prompts::Answer;
use super::archive_state::ArchiveIntent;
use super::find::FindStep;
use super::suggestions::SuggestionSpan;
use super::view_state::{ClaimFilter, SidePane};
use crate::command::Command;
use crate::model::ClaimId;
use std::ops::Range;
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
    /// Set a claim's verdict; the state records who (the reviewer) and when (today).
    SetVerdict {
        /// The claim.
        claim: ClaimId,
        /// The scheme label's id.
        status: String,
    },
    /// Select a suggested sentence (shown in the Suggestions pane), or none.
    SelectSuggestion(Option<SuggestionSpan>),
    /// Scroll the article to this character.
    RevealText(usize),
    /// Open this file (after asking about unsaved changes).
    OpenPath(PathBuf),
    /// The article's text selection changed (characters, or none).
    TextSelected(Option<Range<usize>>),
    /// The article was scrolled to this offset (remembered between launches).
    ArticleScrolled(f32),
    /// Show claims or suggestions in the side pane.
    ShowSide(SidePane),
    /// Show only the claims that pass this filter.
    SetFilter(ClaimFilter),
    /// Show suggestions scoring at least this.
    SetSuggestionThreshold(f32),
    /// Sort suggestions by score (`true`) or in article order.
    SortSuggestionsByScore(bool),
    /// Run the suggester again on the article.
    SuggestAgain,
    /// The user answered a prompt.
    Answer(Answer),
    /// Open this web address in the browser.
    OpenUrl(String),
    /// Put this text on the clipboard; `what` names it in the status bar ("the URL").
    Copy {
        /// The text.
        text: String,
        /// What it is, for the notice.
        what: String,
    },
    /// Search the archive, add to it, update it, open an earlier check.
    Archive(ArchiveIntent),
    /// Find in the article: open the bar, change the words, step, close.
    Find(FindStep),
}
