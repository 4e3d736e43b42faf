//! `AppState`: the open document, what the user is looking at, the open prompt and
//! the work in progress, with the one place that applies what the user did,
//! [`AppState::handle`]. The panes read it through [`AppState::pane_context`].

mod actions;
mod answers;
mod files;
mod import;

pub use files::LockedSession;

use super::autosave::{AutosaveEvent, AutosaveOwner};
use super::prompts::{self, Pending, Prompt};
use crate::command::Command;
use crate::document::Document;
use crate::model::{ClaimId, Session};
use crate::prefs::{Appearance, Preferences, PrefsError};
use crate::ui::archive_state::{ArchiveConfig, ArchiveIntent, ArchiveState};
use crate::ui::file_dialog::FileDialog;
use crate::ui::find::FindStep;
use crate::ui::intent::Intent;
use crate::ui::memory::AppMemory;
use crate::ui::pane::PaneContext;
use crate::ui::suggestions::SuggestionsState;
use crate::ui::view_state::{SidePane, ViewRequest, ViewState};
use crate::ui::worker::RunMode;
use files::FileWork;

/// How long a notice stays in the status bar.
pub const NOTICE_SECONDS: f64 = 8.0;

/// Everything the app knows between frames, except the panes' own layout caches.
pub struct AppState {
    doc: Document,
    view: ViewState,
    suggestions: SuggestionsState,
    prefs: Preferences,
    /// Where changed preferences are saved (`None`: `prefs.ron` in the config folder).
    prefs_path: Option<std::path::PathBuf>,
    memory: AppMemory,
    prompt: Option<Prompt>,
    notice: String,
    /// The notice shown and when it first showed (seconds of egui time).
    notice_since: Option<(String, f64)>,
    files: FileWork,
    autosave: AutosaveOwner,
    run_mode: RunMode,
    /// The user confirmed quitting; the next close request goes through.
    allow_close: bool,
    /// The original page or PDF of the open session, until it is kept beside it.
    original: Option<import::KeptOriginal>,
    /// New from clipboard asked for a paste at this time (egui seconds).
    awaiting_paste: Option<f64>,
    /// The archive: searches, updates and the open session's earlier checks.
    archive: ArchiveState,
    /// git's `user.name`, asked once (a process start) the first time a verdict
    /// needs a reviewer and the publisher profile names none.
    git_user: Option<Option<String>>,
}

impl AppState {
    /// A state showing `session`, unsaved.
    pub fn new(
        session: Session,
        prefs: Preferences,
        memory: AppMemory,
        autosave: AutosaveOwner,
        run_mode: RunMode,
    ) -> Self {
        let mut suggestions = SuggestionsState::default();
        if let Some(t) = memory
            .suggestion_threshold
            .filter(|t| (0.0..=1.0).contains(t))
        {
            suggestions.threshold = t;
        }
        suggestions.by_score = memory.suggestions_by_score;
        Self {
            doc: Document::unsaved(session),
            view: ViewState::default(),
            suggestions,
            prefs,
            prefs_path: None,
            memory,
            prompt: None,
            notice: String::new(),
            notice_since: None,
            files: FileWork::default(),
            autosave,
            run_mode,
            allow_close: false,
            original: None,
            awaiting_paste: None,
            archive: ArchiveState::default(),
            git_user: None,
        }
    }

    /// Uses the archive in `config` (none: the app runs without an archive). Nothing is
    /// read here: the index is opened on a worker when it is first needed.
    pub fn set_archive(&mut self, config: Option<ArchiveConfig>) {
        self.archive = ArchiveState::new(config);
    }

    /// The suggested claims and their settings.
    pub fn suggestions(&self) -> &SuggestionsState {
        &self.suggestions
    }

    /// Saves changed preferences to `path` instead of the config folder (tests).
    pub fn set_prefs_path(&mut self, path: Option<std::path::PathBuf>) {
        self.prefs_path = path;
    }

    /// Writes `prefs` where this app keeps its preferences.
    fn save_prefs(&self, prefs: &Preferences) -> Result<(), PrefsError> {
        match &self.prefs_path {
            Some(path) => crate::prefs::save_prefs_to(path, prefs),
            None => crate::prefs::save_prefs(prefs),
        }
    }

    /// The look to show: the Preferences dialog's draft while it is open (so a
    /// choice shows before it is saved), else the saved preferences.
    pub fn appearance(&self) -> Appearance {
        match &self.prompt {
            Some(Prompt::Preferences(draft)) => draft.appearance,
            _ => self.prefs.appearance,
        }
    }

    /// The archive as the app sees it.
    pub fn archive(&self) -> &ArchiveState {
        &self.archive
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// What the user is looking at.
    pub fn view(&self) -> &ViewState {
        &self.view
    }

    /// What the app remembers between launches.
    pub fn memory(&self) -> &AppMemory {
        &self.memory
    }

    /// Whether a file is being opened, saved or re-anchored (a progress dialog shows).
    pub fn is_busy(&self) -> bool {
        self.files.is_busy()
    }

    /// Whether a prompt is open.
    pub fn has_prompt(&self) -> bool {
        self.prompt.is_some()
    }

    /// Selects characters of the article as if the user had dragged over them.
    pub fn select_text(&mut self, range: std::ops::Range<usize>) {
        self.view.text_selection = Some(range);
    }

    /// Work before drawing: pick up finished workers and start the suggester when it
    /// is wanted. Returns the panes' requests for this frame.
    pub fn begin_frame(&mut self, ctx: &egui::Context) -> Vec<ViewRequest> {
        self.suggestions.poll(ctx, &self.doc.session, self.run_mode);
        self.suggestions
            .refresh(&self.doc.session, self.doc.revision());
        let article = &self.doc.session.article;
        self.view
            .find
            .refresh(&article.text, &article.origin.sha256);
        self.poll_files(ctx);
        self.take_paste(ctx);
        self.poll_archive(ctx);
        self.expire_notice(ctx);
        self.view.take_requests()
    }

    /// A notice stays in the status bar for [`NOTICE_SECONDS`], then goes.
    fn expire_notice(&mut self, ctx: &egui::Context) {
        if self.notice.is_empty() {
            self.notice_since = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        match &self.notice_since {
            Some((text, since)) if *text == self.notice => {
                let age = now - since;
                if age >= NOTICE_SECONDS {
                    self.notice.clear();
                    self.notice_since = None;
                } else {
                    ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                        NOTICE_SECONDS - age,
                    ));
                }
            }
            _ => {
                self.notice_since = Some((self.notice.clone(), now));
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(NOTICE_SECONDS));
            }
        }
    }

    /// What the panes may read this frame.
    pub fn pane_context<'a>(&'a self, requests: &'a [ViewRequest]) -> PaneContext<'a> {
        PaneContext {
            doc: &self.doc,
            view: &self.view,
            requests,
            suggestions: &self.suggestions,
            recent: &self.memory.recent,
            notice: &self.notice,
            archive: &self.archive,
        }
    }

    /// Draws the progress dialog while a file is being worked on, or else the open
    /// prompt; returns the prompt's answer.
    pub fn modal_ui(&mut self, ctx: &egui::Context, requests: &[ViewRequest]) -> Vec<Intent> {
        if let Some((label, elapsed)) = self.files.progress() {
            if let Some((detail, fraction)) = self.files.import_progress() {
                let cancel = crate::ui::dialogs::import_progress(
                    ctx,
                    label,
                    detail.as_deref(),
                    fraction,
                    elapsed,
                );
                return cancel
                    .then_some(Intent::Answer(prompts::Answer::CancelFileWork))
                    .into_iter()
                    .collect();
            }
            crate::ui::dialogs::progress(ctx, label, elapsed);
            return Vec::new();
        }
        let mut prompt = self.prompt.take();
        let intents = prompts::modal_ui(ctx, &mut prompt, &self.pane_context(requests));
        // Drawing cannot open another prompt, so nothing is overwritten here.
        self.prompt = prompt;
        intents
    }

    /// Applies what the user did, in order. While a file is being worked on (the
    /// progress dialog covers the window) nothing else may start.
    pub fn handle_all(&mut self, ctx: &egui::Context, intents: Vec<Intent>) {
        if self.is_busy() {
            // Only Cancel reaches work in progress.
            if intents.contains(&Intent::Answer(prompts::Answer::CancelFileWork)) {
                self.cancel_file_work();
            }
            return;
        }
        for intent in intents {
            self.handle(ctx, intent);
        }
    }

    /// Applies one intent: the one place where the UI changes the app's state.
    pub fn handle(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::Edit(command) => self.edit_in(Some(ctx), command),
            Intent::Run(action) => self.run(ctx, action),
            Intent::Select {
                claim,
                reveal_in_article,
                reveal_in_list,
            } => self.select(claim, reveal_in_article, reveal_in_list),
            Intent::SetStatusByIndex(i) => {
                if let (Some(id), Some(label)) =
                    (self.view.selected, self.doc.session.scheme.labels.get(i))
                {
                    let status = label.id.clone();
                    self.set_verdict(id, status);
                }
            }
            Intent::SetVerdict { claim, status } => self.set_verdict(claim, status),
            Intent::SelectSuggestion(span) => self.suggestions.selected = span,
            Intent::RevealText(char_idx) => self
                .view
                .request(ViewRequest::RevealCharInArticle(char_idx)),
            Intent::OpenPath(path) => self.guard_unsaved(ctx, Pending::OpenPath(path)),
            Intent::TextSelected(range) => self.view.text_selection = range,
            Intent::ArticleScrolled(y) => self.view.article_scroll = y,
            Intent::ShowSide(side) => self.view.side = side,
            Intent::SetFilter(filter) => {
                self.view.filter = filter;
                // A claim the list no longer shows is not selected: a verdict key must
                // never change a claim the user cannot see.
                if let Some(id) = self.view.selected
                    && !self.visible_claims().contains(&id)
                {
                    self.select(None, false, false);
                }
            }
            Intent::SetSuggestionThreshold(threshold) => self.suggestions.threshold = threshold,
            Intent::SortSuggestionsByScore(by_score) => self.suggestions.by_score = by_score,
            Intent::SuggestAgain => self
                .suggestions
                .start(ctx, &self.doc.session, self.run_mode),
            Intent::Answer(answer) => self.answer(ctx, answer),
            Intent::OpenUrl(url) => ctx.open_url(egui::OpenUrl::new_tab(url)),
            Intent::Copy { text, what } => {
                ctx.copy_text(text);
                self.notice = format!("Copied {what}.");
            }
            Intent::Archive(intent) => self.archive_intent(ctx, intent),
            Intent::Find(step) => self.find(step),
        }
    }

    /// Applies a step of find in the article, and scrolls to the match it lands on.
    pub(super) fn find(&mut self, step: FindStep) {
        if step == FindStep::Open {
            self.view.request(ViewRequest::FocusFind);
        }
        let article = &self.doc.session.article;
        if let Some(at) = self
            .view
            .find
            .apply(step, &article.text, &article.origin.sha256)
        {
            self.view.request(ViewRequest::RevealCharInArticle(at));
        }
    }

    /// The archive's work this frame: finished searches, updates and matches; the
    /// open session matched again when it changed; the claim to select in a session
    /// opened from a search result.
    fn poll_archive(&mut self, ctx: &egui::Context) {
        let wanted = self.view.side == SidePane::Archive;
        self.archive.poll(
            ctx,
            &self.doc,
            wanted,
            self.run_mode,
            self.prefs.checked_before_at(),
        );
        if !self.is_busy()
            && let Some(claim) = self.archive.take_pending_select(&self.doc)
        {
            self.view.side = SidePane::Claims;
            if self.doc.session.claim(claim).is_some() {
                self.select(Some(claim), true, true);
            } else {
                self.notice = format!("Claim #{claim} is no longer in this session.");
            }
        }
    }

    /// Carries out what the archive panel asked for.
    fn archive_intent(&mut self, ctx: &egui::Context, intent: ArchiveIntent) {
        match intent {
            ArchiveIntent::OpenSession { path, claim } => {
                if self.doc.path() == Some(path.as_path()) {
                    self.view.side = SidePane::Claims;
                    self.select(Some(claim), true, true);
                } else {
                    self.archive.select_after_open(path.clone(), claim);
                    self.guard_unsaved(ctx, Pending::OpenPath(path));
                }
            }
            ArchiveIntent::CopyCheck { claim, earlier } => {
                let by = self.reviewer();
                let today = crate::export::today_utc();
                match crate::archive::copy_check(&self.doc.session, claim, &earlier, &by, &today) {
                    Ok(plan) => {
                        self.edit_in(Some(ctx), plan.command);
                        if let Some(why) = plan.verdict_skipped {
                            self.notice =
                                format!("Copied the sources and note; not the verdict: {why}.");
                        }
                    }
                    Err(e) => self.notice = format!("Nothing copied: {e}."),
                }
            }
            other => self.archive.handle(ctx, other, self.run_mode),
        }
    }

    /// Work after drawing: the autosave.
    pub fn end_frame(&mut self, ctx: &egui::Context) {
        match self.autosave.tick(ctx, &self.doc, self.run_mode) {
            Some(AutosaveEvent::Failed(message)) => self.notice = message,
            Some(AutosaveEvent::Recovered) => self.notice = "Autosave works again.".into(),
            None => {}
        }
    }

    /// The user asked to close the window: hold it while a file is being written,
    /// or ask about unsaved changes first.
    pub fn close_requested(&mut self, ctx: &egui::Context) {
        if self.allow_close {
            return;
        }
        if self.is_busy() {
            // Closing mid-save would lose the save; it finishes in a moment.
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.notice = "Wait a moment: Claimdesk is still writing or reading a file.".into();
        } else if self.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.prompt = Some(Prompt::Unsaved(Pending::Quit));
        }
    }

    /// The window is going away: keep unsaved work in the autosave folder.
    pub fn on_exit(&mut self) {
        self.autosave.on_exit(&self.doc);
    }

    /// Remembers where the user is, for the next launch.
    pub fn remember(&mut self) -> &AppMemory {
        self.memory.last_session = self.doc.path().map(std::path::Path::to_path_buf);
        self.memory.last_selected = self.view.selected.map(|id| id.0);
        self.memory.last_scroll = self.view.article_scroll;
        self.memory.suggestion_threshold = Some(self.suggestions.threshold);
        self.memory.suggestions_by_score = self.suggestions.by_score;
        &self.memory
    }

    /// Ends a run of merged text edits (typing left a field).
    pub fn seal_history(&mut self) {
        self.doc.seal_history();
    }

    fn show_message(&mut self, heading: &str, lines: Vec<String>, error: bool) {
        self.prompt = Some(Prompt::Message {
            heading: heading.into(),
            lines,
            error,
        });
    }

    /// Shows a problem found at start-up (preferences that could not be read).
    pub fn show_problem(&mut self, heading: &str, lines: Vec<String>) {
        self.show_message(heading, lines, true);
    }

    /// Offers autosaved work back, or says why it could not be read.
    pub fn offer_recovery(&mut self) {
        let Some(found) = self
            .autosave
            .location()
            .and_then(crate::store::Autosave::read)
        else {
            return;
        };
        self.prompt = Some(match found {
            Ok(recovered) => Prompt::Recovery(Box::new(recovered)),
            Err(message) => Prompt::Message {
                heading: "Autosaved work could not be read".into(),
                lines: vec![message],
                error: true,
            },
        });
    }

    /// Runs `pending` now, or asks about unsaved changes first.
    fn guard_unsaved(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.doc.is_dirty() {
            self.prompt = Some(Prompt::Unsaved(pending));
        } else {
            self.proceed(ctx, pending);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::ChooseFile(purpose) => {
                self.prompt = Some(Prompt::File(
                    FileDialog::new(purpose, self.dialog_dir(), String::new()),
                    None,
                ));
            }
            Pending::OpenPath(path) => self.open(ctx, &path, false),
            Pending::EnterLink => {
                self.prompt = Some(Prompt::OpenLink(crate::ui::open_link::LinkDraft::default()))
            }
            Pending::PasteClipboard => self.request_paste(ctx),
        }
    }

    /// Selects a claim (or none) and asks the panes to scroll to it.
    pub fn select(
        &mut self,
        claim: Option<ClaimId>,
        reveal_in_article: bool,
        reveal_in_list: bool,
    ) {
        if self.view.selected != claim {
            self.doc.seal_history();
            self.view.request(ViewRequest::InspectorToTop);
        }
        self.view.selected = claim;
        if let Some(id) = claim {
            if reveal_in_article {
                self.view.request(ViewRequest::RevealClaimInArticle(id));
            }
            if reveal_in_list {
                // A claim the user was sent to (a highlight clicked, a "Go to claim"
                // button, a checked-before link) must not stay hidden by the filter.
                if !self.visible_claims().contains(&id) {
                    self.view.filter = Default::default();
                }
                self.view.request(ViewRequest::RevealClaimInList(id));
            }
        }
    }

    /// Sets a verdict, recording who set it (the publisher profile's reviewer, else
    /// git's user name) and today's date, as merges and exports expect.
    fn set_verdict(&mut self, claim: ClaimId, status: String) {
        let command = Command::SetStatus {
            claim,
            status,
            by: self.reviewer(),
            date: crate::export::today_utc(),
        };
        self.edit(command);
    }

    /// Who is reviewing: the profile's reviewer, else git's `user.name`, else nobody.
    fn reviewer(&mut self) -> String {
        match self.prefs.publisher.reviewer_name.trim() {
            "" => self
                .git_user
                .get_or_insert_with(crate::prefs::git_user_name)
                .clone()
                .unwrap_or_default(),
            name => name.to_owned(),
        }
    }

    fn edit(&mut self, command: Command) {
        self.edit_in(None, command);
    }

    /// Applies `command`; with `ctx`, a re-attach takes whole words like New claim.
    fn edit_in(&mut self, ctx: Option<&egui::Context>, command: Command) {
        // The last notice ("Deleted claim #6…") is about what came before this edit.
        self.notice.clear();
        let command = match (ctx, command) {
            (Some(ctx), Command::ReattachClaim { claim, start, end }) => {
                let range = self.claim_range(ctx, start..end);
                Command::ReattachClaim {
                    claim,
                    start: range.start,
                    end: range.end,
                }
            }
            (_, command) => command,
        };
        let is_add = matches!(command, Command::AddClaim { .. });
        let is_reattach = matches!(command, Command::ReattachClaim { .. });
        let is_new_source = matches!(command, Command::AddSource { .. });
        match self.doc.apply(command) {
            Ok(applied) => {
                if is_add {
                    self.select(applied.claim, false, true);
                }
                if is_new_source {
                    self.view.request(ViewRequest::RevealNewSource);
                }
                if is_reattach {
                    // The selection has become the claim's text.
                    self.clear_text_selection();
                    self.notice = "Re-attached the claim to the selected text.".into();
                }
            }
            Err(e) => self.notice = format!("Not done: {e}"),
        }
    }

    /// The characters a selection makes a claim of: widened to whole words, so a drag
    /// that ends inside a word never makes a claim like `…Clinton," h`; holding Alt
    /// keeps the selection exactly as made.
    fn claim_range(
        &self,
        ctx: &egui::Context,
        range: std::ops::Range<usize>,
    ) -> std::ops::Range<usize> {
        if ctx.input(|i| i.modifiers.alt) {
            range
        } else {
            crate::model::word_snap::snap_to_words(&self.doc.session.article, range)
        }
    }

    /// Drops the article's text selection (it became a claim, or the text changed).
    fn clear_text_selection(&mut self) {
        self.view.text_selection = None;
        self.view.request(ViewRequest::ClearTextSelection);
    }

    /// Ids of the claims the list shows, in order.
    fn visible_claims(&self) -> Vec<ClaimId> {
        self.view
            .filter
            .rows(&self.doc.session)
            .into_iter()
            .filter_map(|i| self.doc.session.claims.get(i).map(|c| c.id))
            .collect()
    }

    /// The claim `step` places away from `id` in the list's current order.
    fn neighbour(&self, id: ClaimId, step: isize) -> Option<ClaimId> {
        let order = self.visible_claims();
        let pos = order.iter().position(|c| *c == id)?;
        let next = pos.checked_add_signed(step)?;
        order.get(next).copied()
    }

    /// The folder file dialogs start in: the session's, or the working folder.
    fn dialog_dir(&self) -> std::path::PathBuf {
        self.doc
            .path()
            .and_then(std::path::Path::parent)
            .map(std::path::Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| std::path::PathBuf::from("."))
    }
}
