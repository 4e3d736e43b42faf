//! The app shell: owns the open document, draws the panes, and is the one place
//! where the panes' intents are applied. File work lives in [`files`].

mod files;
mod prompts;
mod run_action;

use prompts::Dialog;

use super::actions::Action;
use super::article_view::ArticleView;
use super::claims_list::{ClaimsList, filter_id};
use super::dialogs;
use super::file_dialog::{FileDialog, FileDialogPurpose};
use super::inspector;
use super::intent::Intent;
use super::memory::{AppMemory, STORAGE_KEY};
use super::menu_bar::{self, MenuContext};
use super::publish::SchemeDialog;
use super::suggestions::Suggestions;
use super::theme;
use super::view_state::{SidePane, ViewState};
use crate::command::Command;
use crate::document::Document;
use crate::import::import_text;
use crate::model::scheme_library::SchemeLibrary;
use crate::model::{ClaimId, Session};
use crate::prefs::Preferences;
use crate::store::Autosave;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Set this environment variable to make the app close after its first frame that
/// shows the session it opened (used by `scripts/measure-startup.sh`; nothing is
/// saved or autosaved).
pub const EXIT_AFTER_FIRST_FRAME_ENV: &str = "CLAIMDESK_EXIT_AFTER_FIRST_FRAME";

/// With [`EXIT_AFTER_FIRST_FRAME_ENV`], the launch time (Unix epoch milliseconds, as
/// `date +%s%3N` prints it): the app then prints how long after it the first frame
/// was painted.
pub const STARTED_AT_ENV: &str = "CLAIMDESK_STARTED_AT_MS";

/// How often unsaved work is copied to the autosave folder.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(20);

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
    /// Preferences (the publisher profile used by exports).
    pub prefs: Preferences,
    /// Run opening, saving and re-anchoring on a worker thread even for small
    /// sessions (tests of the progress dialog; normally only large ones go there).
    pub force_background: bool,
}

/// Something to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    Quit,
    ChooseFile(FileDialogPurpose),
    OpenPath(PathBuf),
}

/// The Claimdesk window.
pub struct ClaimdeskApp {
    doc: Document,
    view: ViewState,
    article: ArticleView,
    list: ClaimsList,
    suggestions: Suggestions,
    prefs: Preferences,
    dialog: Option<Dialog>,
    memory: AppMemory,
    autosave: Option<Autosave>,
    last_autosave: Instant,
    autosaved_revision: Option<u64>,
    notice: String,
    allow_close: bool,
    /// Close right after the first frame (start-up time and memory measurements).
    exit_after_first_frame: bool,
    /// Frames drawn with the opened session in a measurement run.
    measured_frames: u32,
    window_title: String,
    /// Opening, saving or re-anchoring in progress (a progress dialog is shown).
    busy: Option<files::Busy>,
    force_background: bool,
    /// Whether the window had the focus last frame (coming back checks the file).
    window_focused: Option<bool>,
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
                session: None,
                prefs,
                force_background: false,
            },
        );
        if let Some(problem) = prefs_problem {
            app.show_message(
                "Preferences could not be read",
                vec![
                    problem,
                    "Defaults are used until you save the publisher profile again.".into(),
                ],
                true,
            );
        }
        app
    }

    /// Builds the app with explicit start options (used by tests).
    pub fn with_options(ctx: &egui::Context, options: StartOptions) -> Self {
        theme::apply(ctx);
        let mut app = Self {
            doc: Document::unsaved(seed_session()),
            view: ViewState::default(),
            article: ArticleView::default(),
            list: ClaimsList::default(),
            suggestions: Suggestions::default(),
            prefs: options.prefs,
            dialog: None,
            memory: options.memory,
            autosave: options.autosave,
            last_autosave: Instant::now(),
            autosaved_revision: None,
            notice: String::new(),
            allow_close: false,
            exit_after_first_frame: std::env::var_os(EXIT_AFTER_FIRST_FRAME_ENV).is_some(),
            measured_frames: 0,
            window_title: String::new(),
            busy: None,
            force_background: options.force_background,
            window_focused: None,
        };
        if let Some(session) = options.session {
            app.doc = Document::unsaved(session);
        }
        if let Some(path) = options.open {
            app.open(ctx, &path, false);
        } else if let Some(path) = app.memory.last_session.clone().filter(|p| p.exists()) {
            app.open(ctx, &path, true);
        }
        if let Some(found) = app.autosave.as_ref().and_then(Autosave::read) {
            app.dialog = Some(match found {
                Ok(recovered) => Dialog::Recovery(Box::new(recovered)),
                Err(message) => Dialog::Message {
                    heading: "Autosaved work could not be read".into(),
                    lines: vec![message],
                    error: true,
                },
            });
        }
        app
    }

    /// The open document (read-only; for tests and the CLI-facing shell).
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The selected claim.
    pub fn selected_claim(&self) -> Option<ClaimId> {
        self.view.selected
    }

    /// Selects a claim and scrolls both the article and the list to it.
    pub fn select_claim(&mut self, id: ClaimId) {
        self.select(Some(id), true, true);
    }

    /// Selects characters of the article as if the user had dragged over them
    /// (tests use this; real selections come from the article pane).
    pub fn select_text(&mut self, range: std::ops::Range<usize>) {
        self.view.text_selection = Some(range);
    }

    fn show_message(&mut self, heading: &str, lines: Vec<String>, error: bool) {
        self.dialog = Some(Dialog::Message {
            heading: heading.into(),
            lines,
            error,
        });
    }

    /// Runs `pending` now, or asks about unsaved changes first.
    fn guard_unsaved(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(pending));
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
                self.dialog = Some(Dialog::File(
                    FileDialog::new(purpose, self.dialog_dir(), String::new()),
                    None,
                ));
            }
            Pending::OpenPath(path) => self.open(ctx, &path, false),
        }
    }

    fn apply_intents(&mut self, ctx: &egui::Context, intents: Vec<Intent>) {
        for intent in intents {
            match intent {
                Intent::Edit(command) => self.edit(command),
                Intent::Run(action) => self.run(ctx, action),
                Intent::Select {
                    claim,
                    reveal_in_article,
                    reveal_in_list,
                } => {
                    self.select(claim, reveal_in_article, reveal_in_list);
                }
                Intent::SetStatusByIndex(i) => {
                    if let (Some(id), Some(label)) =
                        (self.view.selected, self.doc.session.scheme.labels.get(i))
                    {
                        let status = label.id.clone();
                        self.edit(Command::SetStatus {
                            claim: id,
                            status,
                            by: crate::prefs::reviewer_name(),
                            date: crate::export::today_utc(),
                        });
                    }
                }
                Intent::OpenPath(path) => self.guard_unsaved(ctx, Pending::OpenPath(path)),
                Intent::SelectSuggestion { start, end } => {
                    self.suggestions.selected = Some((start, end));
                }
                Intent::RevealText(char_idx) => self.view.reveal_char = Some(char_idx),
                Intent::Export(format) => {
                    let name = suggested_file_name(&self.doc.session.article.title)
                        .replace(".ron", &format!(".{}", format.extension()));
                    let dialog =
                        FileDialog::new(FileDialogPurpose::Export(format), self.dialog_dir(), name);
                    self.dialog = Some(Dialog::File(dialog, None));
                }
                Intent::OpenPreferences => {
                    self.dialog = Some(Dialog::Preferences(self.prefs.publisher.clone()))
                }
                Intent::ChooseScheme => {
                    let library = SchemeLibrary::load();
                    self.dialog = Some(Dialog::Scheme(Box::new(SchemeDialog::new(
                        &self.doc.session,
                        library,
                    ))));
                }
            }
        }
    }

    fn select(&mut self, claim: Option<ClaimId>, reveal_in_article: bool, reveal_in_list: bool) {
        if self.view.selected != claim {
            self.doc.seal_history();
        }
        self.view.selected = claim;
        if reveal_in_article {
            self.view.reveal_in_article = claim;
        }
        if reveal_in_list {
            self.view.reveal_in_list = claim;
        }
    }

    fn edit(&mut self, command: Command) {
        let is_add = matches!(command, Command::AddClaim { .. });
        let is_reattach = matches!(command, Command::ReattachClaim { .. });
        match self.doc.apply(command) {
            Ok(applied) => {
                if is_add {
                    self.select(applied.claim, false, true);
                }
                if is_reattach {
                    // The selection has become the claim's text.
                    self.view.text_selection = None;
                    self.view.clear_text_selection = true;
                    self.notice = "Re-attached the claim to the selected text.".into();
                }
            }
            Err(e) => self.notice = format!("Not done: {e}"),
        }
    }

    fn autosave_tick(&mut self, ctx: &egui::Context) {
        let Some(autosave) = &self.autosave else {
            return;
        };
        if !self.doc.is_dirty() || self.autosaved_revision == Some(self.doc.revision()) {
            return;
        }
        if self.last_autosave.elapsed() < AUTOSAVE_INTERVAL {
            ctx.request_repaint_after(
                AUTOSAVE_INTERVAL.saturating_sub(self.last_autosave.elapsed()),
            );
            return;
        }
        self.last_autosave = Instant::now();
        self.autosaved_revision = Some(self.doc.revision());
        // Serialising and writing a large session takes a while: do it off the UI thread.
        let session = self.doc.session.clone();
        let path = self.doc.path().map(Path::to_path_buf);
        let autosave = autosave.clone();
        std::thread::spawn(move || {
            if let Err(e) = autosave.write(&session, path.as_deref()) {
                eprintln!(
                    "claimdesk: autosave to {} failed: {e}",
                    autosave.dir().display()
                );
            }
        });
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let marker = if self.doc.is_dirty() { "● " } else { "" };
        let title = format!("{marker}{} — Claimdesk", self.doc.display_name());
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// A measurement run: once the opened session has been drawn (a large one loads on
    /// its worker first) and painted, which the next call means, report and close.
    fn measurement_frame(&mut self, ctx: &egui::Context) {
        if self.busy.is_some() {
            return;
        }
        self.measured_frames += 1;
        if self.measured_frames < 2 {
            ctx.request_repaint();
            return;
        }
        let started = std::env::var(STARTED_AT_ENV)
            .ok()
            .and_then(|v| v.trim().parse::<u128>().ok());
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis());
        if let (Some(started), Ok(now)) = (started, now) {
            eprintln!(
                "claimdesk: first frame painted {} ms after start",
                now.saturating_sub(started)
            );
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    /// Whether a file is being opened, saved or re-anchored on a worker thread.
    pub fn is_busy(&self) -> bool {
        self.busy.is_some()
    }

    /// The window title as last sent (for tests).
    pub fn window_title(&self) -> &str {
        &self.window_title
    }

    fn status_bar(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let where_ = self.doc.path().map_or_else(
                || "New session, not saved yet".to_owned(),
                |p| p.display().to_string(),
            );
            ui.weak(where_);
            if self.doc.is_dirty() {
                ui.separator();
                ui.label(egui::RichText::new("Unsaved changes").color(ui.visuals().warn_fg_color));
            } else if self.doc.path().is_some() {
                ui.separator();
                ui.weak("All changes saved");
            }

            if !self.notice.is_empty() {
                ui.separator();
                ui.weak(&self.notice);
            }
        });
    }
}

impl ClaimdeskApp {
    /// Draws one frame of the whole window and applies what the user did.
    /// (eframe calls this through [`eframe::App::ui`]; benchmarks call it directly.)
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let mut intents = Vec::new();
        let wanted = self.view.side == SidePane::Suggestions;
        self.suggestions.poll(&ctx, &self.doc.session, wanted);
        self.poll_busy(&ctx);

        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.busy.is_some() {
                // Closing mid-save would lose the save; it finishes in a moment.
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.notice = "Wait a moment: Claimdesk is still writing or reading a file.".into();
            } else if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.dialog = Some(Dialog::Unsaved(Pending::Quit));
            }
        }
        let dropped = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .find_map(|f| Some(f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()))
        });
        if let Some(path) = dropped {
            intents.push(Intent::OpenPath(path));
        }
        let focused = ctx.input(|i| i.viewport().focused);
        if focused == Some(true) && self.window_focused == Some(false) {
            self.check_disk(&ctx);
        }
        self.window_focused = focused;
        self.keyboard(&ctx, &mut intents);
        let was_editing = self.view.editing_text;
        self.view.editing_text = false;

        let revision = self.doc.revision();
        let session = &self.doc.session;
        egui::Panel::top("menu").show(ui, |ui| {
            let cx = MenuContext {
                session,
                can_undo: self.doc.can_undo(),
                can_redo: self.doc.can_redo(),
                has_selected_claim: self.view.selected.is_some(),
                has_text_selection: self.view.text_selection.is_some() && !self.doc.is_read_only(),
                recent: &self.memory.recent,
                editable: !self.doc.is_read_only(),
            };
            menu_bar::show(ui, &cx, &mut intents);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        if self.doc.is_read_only() {
            egui::Panel::top("read-only").show(ui, |ui| {
                read_only_banner(ui, &self.doc.display_name(), &mut intents)
            });
        }
        let editable = !self.doc.is_read_only();
        self.view.read_only = !editable;
        egui::Panel::right("claims")
            .resizable(true)
            .default_size(460.0)
            .min_size(340.0)
            .show(ui, |ui| {
                egui::Frame::NONE
                    .inner_margin(egui::Margin::symmetric(6, 4))
                    .show(ui, |ui| {
                        // The list gets the top 45%; the inspector, where the typing happens, the rest.
                        let list_size = egui::vec2(
                            ui.available_width(),
                            (ui.available_height() * 0.45).max(200.0),
                        );
                        let suggested = self
                            .suggestions
                            .is_ready()
                            .then(|| self.suggestions.count(session, revision));
                        side_tabs(
                            ui,
                            &mut self.view.side,
                            session.claims.len(),
                            suggested,
                            self.suggestions.is_running(),
                        );
                        ui.allocate_ui(list_size, |ui| {
                            ui.set_min_size(list_size);
                            match self.view.side {
                                SidePane::Claims => self.list.show(
                                    ui,
                                    session,
                                    revision,
                                    &mut self.view,
                                    &mut intents,
                                ),
                                SidePane::Suggestions => self.suggestions.show_list(
                                    ui,
                                    &ctx,
                                    session,
                                    revision,
                                    &mut intents,
                                ),
                            }
                        });
                        ui.separator();
                        match self.view.side {
                            SidePane::Claims => {
                                ui.add_enabled_ui(editable, |ui| {
                                    inspector::show(ui, session, &mut self.view, &mut intents)
                                });
                            }
                            SidePane::Suggestions => {
                                ui.add_enabled_ui(editable, |ui| {
                                    self.suggestions.show_inspector(ui, &mut intents)
                                });
                            }
                        }
                    });
            });
        let marks = self.suggestions.marks(session, revision);
        egui::CentralPanel::default().show(ui, |ui| {
            self.article
                .show(ui, session, revision, marks, &mut self.view, &mut intents);
        });
        // Text fields mark themselves as editing; remember it for next frame's shortcuts.
        self.view.editing_text |= ctx.memory(|m| m.focused() == Some(filter_id()));
        if was_editing && !self.view.editing_text {
            self.doc.seal_history();
        }

        if let Some(busy) = &self.busy {
            let (label, elapsed) = busy.progress();
            dialogs::progress(&ctx, label, elapsed);
            // The progress dialog covers the window; nothing else may start meanwhile.
            intents.clear();
        } else {
            self.dialogs(&ctx);
        }
        // Intents are applied after drawing, so draw once more to show their effect.
        if !intents.is_empty() {
            ctx.request_repaint();
        }
        self.apply_intents(&ctx, intents);
        self.autosave_tick(&ctx);
        self.update_title(&ctx);
        if self.exit_after_first_frame {
            self.measurement_frame(&ctx);
        }
    }
}

impl eframe::App for ClaimdeskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.exit_after_first_frame {
            return; // a measurement run must not change what the next launch opens
        }
        self.memory.last_session = self.doc.path().map(Path::to_path_buf);
        self.memory.last_selected = self.view.selected.map(|id| id.0);
        self.memory.last_scroll = self.view.article_scroll;
        eframe::set_value(storage, STORAGE_KEY, &self.memory);
    }

    fn on_exit(&mut self) {
        // Closing normally asks first; if the window goes away with work still unsaved
        // (the system logging out, say), keep a copy to offer back next time.
        if self.doc.is_dirty()
            && self.autosaved_revision != Some(self.doc.revision())
            && let Some(autosave) = &self.autosave
        {
            let _ = autosave.write(&self.doc.session, self.doc.path());
        }
    }
}

/// The strip that says the session is read-only, and how to get out of it.
fn read_only_banner(ui: &mut egui::Ui, name: &str, intents: &mut Vec<Intent>) {
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(format!(
                "Read-only: {name} is open in another Claimdesk window, so changes cannot be made here."
            ))
            .color(ui.visuals().warn_fg_color),
        );
        if ui
            .button("Save a copy as…")
            .on_hover_text("Save this session under a new name and edit the copy")
            .clicked()
        {
            intents.push(Intent::Run(Action::SaveAs));
        }
        if ui
            .button(Action::RetryLock.label())
            .on_hover_text(Action::RetryLock.tooltip())
            .clicked()
        {
            intents.push(Intent::Run(Action::RetryLock));
        }
    });
}

/// The switch between the claims and the suggestions.
fn side_tabs(
    ui: &mut egui::Ui,
    side: &mut SidePane,
    claims: usize,
    suggested: Option<usize>,
    running: bool,
) {
    ui.horizontal(|ui| {
        ui.selectable_value(
            side,
            SidePane::Claims,
            egui::RichText::new(format!("Claims ({claims})")).heading(),
        )
        .on_hover_text("The claims in this article, with their verdicts");
        let label = match (running, suggested) {
            (true, _) => "Suggestions (…)".to_owned(),
            (false, Some(n)) => format!("Suggestions ({n})"),
            (false, None) => "Suggestions".to_owned(),
        };
        ui.selectable_value(
            side,
            SidePane::Suggestions,
            egui::RichText::new(label).heading(),
        )
        .on_hover_text("Sentences worth checking, found by Claimdesk's check-worthiness model");
    });
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
