//! What every pane gets to read: one read-only view of the app's state (like
//! kitdiff's `AppStateRef`). Panes draw from it and return
//! [`super::intent::Intent`]s; they never change the state themselves, so each one
//! can be shown alone in a test and judged by the intents it returns.

use super::archive_state::ArchiveState;
use super::suggestions::SuggestionsState;
use super::view_state::{ViewRequest, ViewState};
use crate::document::Document;
use crate::model::Session;
use std::path::PathBuf;

/// The state a pane may read this frame.
#[derive(Clone, Copy)]
pub struct PaneContext<'a> {
    /// The open document: session, history, file and whether it is read-only.
    pub doc: &'a Document,
    /// Selection, filter and which side pane is shown.
    pub view: &'a ViewState,
    /// What the panes were asked to do this frame (scroll, focus, clear a selection).
    pub requests: &'a [ViewRequest],
    /// Suggested claims and their settings.
    pub suggestions: &'a SuggestionsState,
    /// Recently opened files, newest first.
    pub recent: &'a [PathBuf],
    /// The latest notice for the status bar ("Saved report.ron").
    pub notice: &'a str,
    /// The archive: search results and the open session's earlier checks.
    pub archive: &'a ArchiveState,
}

impl<'a> PaneContext<'a> {
    /// The open session.
    pub fn session(&self) -> &'a Session {
        &self.doc.session
    }

    /// Changes whenever the session changes (for caches).
    pub fn revision(&self) -> u64 {
        self.doc.revision()
    }

    /// Whether the session may be changed (it is not open read-only).
    pub fn editable(&self) -> bool {
        !self.doc.is_read_only()
    }

    /// Whether the panes were asked for `request` this frame.
    pub fn requested(&self, request: &ViewRequest) -> bool {
        self.requests.contains(request)
    }
}
