//! The app shell: a thin `eframe::App` around [`state::AppState`] (the document, the
//! view and the prompts, with the one `handle(Intent)`), the panes that draw it, and
//! the small owners of the window around it ([`chrome`]) and of autosaving
//! ([`autosave`]). A frame is a short list of calls; see [`ClaimdeskApp::show`].

pub mod autosave;
pub mod chrome;
mod keyboard;
pub mod prompts;
pub mod state;

use super::article_view::ArticleView;
use super::claims_list::ClaimsList;
use super::intent::Intent;
use super::memory::{AppMemory, STORAGE_KEY};
use super::pane::PaneContext;
use super::worker::RunMode;
use super::{menu_bar, read_only_bar, side_panel, status_bar, theme};
use crate::document::Document;
use crate::import::import_text;
use crate::model::{ClaimId, Session};
use crate::prefs::Preferences;
use crate::store::Autosave;
use autosave::AutosaveOwner;
use chrome::WindowChrome;
use state::AppState;
use std::path::PathBuf;

pub use autosave::AUTOSAVE_INTERVAL;
pub use chrome::{EXIT_AFTER_FIRST_FRAME_ENV, STARTED_AT_ENV};

/// How the app starts.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// A file to open instead of the last session.
    pub open: Option<PathBuf>,
    /// Where autosaves go (`None` disables autosave, for tests that do not need it).
    pub autosave: Option<Autosave>,
    /// What the app remembered from the last launch.
    pub memory: AppMemory,
    /// A session to show, unsaved, instead of the seed article (tests and demos).
    pub session: Option<Session>,
    /// Preferences (the publisher profile used by exports, the look of the app).
    pub prefs: Preferences,
    /// Where changed preferences are saved (`None`: `prefs.ron` in the config
    /// folder). Tests point it into a temporary folder.
    pub prefs_file: Option<PathBuf>,
    /// Where work runs: normally large work on workers; tests run everything in
    /// place ([`RunMode::Synchronous`]) or everything on workers.
    pub run_mode: RunMode,
    /// The archive of earlier checks (`None`: none, as in tests that do not need it;
    /// the app uses the one in the data folder with all-MiniLM-L6-v2).
    pub archive: Option<super::archive_state::ArchiveConfig>,
}

/// The panes' own state between frames (layout caches, scroll positions).
#[derive(Default)]
struct Panes {
    article: ArticleView,
    list: ClaimsList,
}

/// The Claimdesk window.
pub struct ClaimdeskApp {
    state: AppState,
    panes: Panes,
    chrome: WindowChrome,
    /// Whether an editable text field had the keyboard last frame.
    typing: bool,
}

impl ClaimdeskApp {
    /// Builds the app for eframe, reading remembered state from its storage.
    pub fn new(cc: &eframe::CreationContext<'_>, open: Option<PathBuf>) -> Self {
        let memory = cc
            .storage
            .and_then(|s| eframe::get_value::<AppMemory>(s, STORAGE_KEY))
            .unwrap_or_default();
        let (prefs, prefs_problem) = match crate::prefs::load_prefs() {
            Ok(prefs) => (prefs, None),
            Err(e) => (Preferences::default(), Some(e.to_string())),
        };
        let mut app = Self::with_options(
            &cc.egui_ctx,
            StartOptions {
                open,
                autosave: Autosave::default_location(),
                memory,
                prefs,
                archive: super::archive_state::ArchiveConfig::default_location(),
                ..StartOptions::default()
            },
        );
        if let Some(problem) = prefs_problem {
            app.state.show_problem(
                "Preferences could not be read",
                vec![
                    problem,
                    "Defaults are used until you save the preferences again.".into(),
                ],
            );
        }
        app
    }

    /// What eframe stores for the next launch: recent files, where the user was, the
    /// suggestions' minimum score and order.
    pub fn memory_to_keep(&mut self) -> AppMemory {
        self.state.remember().clone()
    }

    /// Builds the app with explicit start options (used by tests).
    pub fn with_options(ctx: &egui::Context, options: StartOptions) -> Self {
        theme::apply(ctx);
        theme::apply_appearance(ctx, &options.prefs.appearance);
        let session = options.session.unwrap_or_else(seed_session);
        let mut state = AppState::new(
            session,
            options.prefs,
            options.memory,
            AutosaveOwner::new(options.autosave),
            options.run_mode,
        );
        state.set_archive(options.archive);
        state.set_prefs_path(options.prefs_file);
        if let Some(path) = options.open {
            state.open(ctx, &path, false);
        } else if let Some(path) = state.memory().last_session.clone().filter(|p| p.exists()) {
            state.open(ctx, &path, true);
        }
        state.offer_recovery();
        Self {
            state,
            panes: Panes::default(),
            chrome: WindowChrome::new(),
            typing: false,
        }
    }

    /// The open document (read-only; for tests).
    pub fn document(&self) -> &Document {
        self.state.document()
    }

    /// The selected claim.
    pub fn selected_claim(&self) -> Option<ClaimId> {
        self.state.view().selected
    }

    /// Selects a claim and scrolls both the article and the list to it.
    pub fn select_claim(&mut self, id: ClaimId) {
        self.state.select(Some(id), true, true);
    }

    /// Selects characters of the article as if the user had dragged over them
    /// (tests use this; real selections come from the article pane).
    pub fn select_text(&mut self, range: std::ops::Range<usize>) {
        self.state.select_text(range);
    }

    /// Whether a file is being opened, saved or re-anchored on a worker thread.
    pub fn is_busy(&self) -> bool {
        self.state.is_busy()
    }

    /// What the user is looking at: selection, filter, find, scroll (for tests).
    pub fn view(&self) -> &super::view_state::ViewState {
        self.state.view()
    }

    /// The suggested claims and their settings (for tests).
    pub fn suggestions(&self) -> &super::suggestions::SuggestionsState {
        self.state.suggestions()
    }

    /// The archive as the app sees it (for tests).
    pub fn archive(&self) -> &super::archive_state::ArchiveState {
        self.state.archive()
    }

    /// The window title as last sent (for tests).
    pub fn window_title(&self) -> &str {
        self.chrome.title()
    }

    /// Draws one frame of the whole window and applies what the user did.
    /// (eframe calls this through [`eframe::App::ui`]; benchmarks call it directly.)
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // The preferences' theme and text size (or the Preferences dialog's draft).
        // Whoever else set the theme (a test harness, egui's memory) is overruled; a
        // change shows from the next frame.
        if theme::apply_appearance(&ctx, &self.state.appearance()) {
            ctx.request_repaint();
        }
        let requests = self.state.begin_frame(&ctx);
        let mut intents = self.window_events(&ctx);
        intents.extend(self.keyboard(&ctx));
        let cx = self.state.pane_context(&requests);
        intents.extend(menu_ui(&cx, ui));
        status_ui(&cx, ui);
        intents.extend(read_only_ui(&cx, ui));
        intents.extend(side_panel_ui(&cx, &mut self.panes.list, ui));
        intents.extend(article_ui(&cx, &mut self.panes.article, ui));
        intents.extend(self.state.modal_ui(&ctx, &requests));
        self.after_typing(&ctx);
        // Intents are applied after drawing, so draw once more to show their effect.
        if !intents.is_empty() {
            ctx.request_repaint();
        }
        self.state.handle_all(&ctx, intents);
        self.state.end_frame(&ctx);
        self.chrome.update_title(&ctx, self.state.document());
        self.chrome.measurement_frame(&ctx, self.state.is_busy());
    }

    /// Files dropped on the window, closing it, and coming back to it.
    fn window_events(&mut self, ctx: &egui::Context) -> Vec<Intent> {
        let events = self.chrome.events(ctx);
        if events.close_requested {
            self.state.close_requested(ctx);
        }
        if events.returned {
            self.state.check_disk(ctx);
        }
        events.intents
    }

    /// Shortcut keys, unless a prompt or the progress dialog has the window.
    fn keyboard(&mut self, ctx: &egui::Context) -> Vec<Intent> {
        // Typing in a field (not selecting in the read-only article) keeps single keys.
        self.typing = ctx.text_edit_focused() && !self.panes.article.has_keyboard(ctx);
        if self.state.has_prompt() || self.state.is_busy() {
            return Vec::new();
        }
        keyboard::shortcuts(ctx, self.typing)
    }

    /// Typing that stopped this frame ends one undo step.
    fn after_typing(&mut self, ctx: &egui::Context) {
        let typing = ctx.text_edit_focused() && !self.panes.article.has_keyboard(ctx);
        if self.typing && !typing {
            self.state.seal_history();
        }
    }
}

/// The menu bar along the top.
fn menu_ui(cx: &PaneContext<'_>, ui: &mut egui::Ui) -> Vec<Intent> {
    egui::Panel::top("menu")
        .show(ui, |ui| menu_bar::ui(cx, ui))
        .inner
}

/// The status bar along the bottom.
fn status_ui(cx: &PaneContext<'_>, ui: &mut egui::Ui) {
    egui::Panel::bottom("status").show(ui, |ui| status_bar::ui(cx, ui));
}

/// The read-only strip, when the session is open in another window.
fn read_only_ui(cx: &PaneContext<'_>, ui: &mut egui::Ui) -> Vec<Intent> {
    if cx.editable() {
        return Vec::new();
    }
    egui::Panel::top("read-only")
        .show(ui, |ui| read_only_bar::ui(cx, ui))
        .inner
}

/// The claims, suggestions and inspector on the right.
fn side_panel_ui(cx: &PaneContext<'_>, list: &mut ClaimsList, ui: &mut egui::Ui) -> Vec<Intent> {
    egui::Panel::right("claims")
        .resizable(true)
        .default_size(460.0)
        .min_size(340.0)
        .show(ui, |ui| side_panel::ui(cx, list, ui))
        .inner
}

/// The article in the middle.
fn article_ui(cx: &PaneContext<'_>, article: &mut ArticleView, ui: &mut egui::Ui) -> Vec<Intent> {
    egui::CentralPanel::default()
        .show(ui, |ui| article.ui(cx, ui))
        .inner
}

impl eframe::App for ClaimdeskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.chrome.is_measuring() {
            return; // a measurement run must not change what the next launch opens
        }
        eframe::set_value(storage, STORAGE_KEY, &self.memory_to_keep());
    }

    fn on_exit(&mut self) {
        if !self.chrome.is_measuring() {
            self.state.on_exit();
        }
    }
}

/// The session opened when there is nothing else: the bundled seed article.
pub fn seed_session() -> Session {
    match import_text(crate::SEED_ARTICLE, Some(crate::SEED_NAME.into())) {
        Ok(article) => Session::new(article),
        // The seed is compiled in and tested; this arm only keeps the app alive if it ever broke.
        Err(_) => Session::new(crate::model::Article::new(
            "Untitled".into(),
            "Paste or open an article.".into(),
            None,
        )),
    }
}

/// A file name from an article title: "To spy on the Taliban…" -> "to-spy-on-the-taliban.ron".
pub fn suggested_file_name(title: &str) -> String {
    let mut slug = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_lowercase());
    }
    if slug.is_empty() {
        slug.push_str("session");
    }
    format!("{slug}.ron")
}

#[cfg(test)]
mod tests {
    use super::suggested_file_name;

    #[test]
    fn file_names_come_from_titles() {
        assert_eq!(
            suggested_file_name("To spy on the Taliban, Putin offers Washington his bases"),
            "to-spy-on-the-taliban-putin.ron"
        );
        assert_eq!(suggested_file_name("¿?"), "session.ron");
    }
}
