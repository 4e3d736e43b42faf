//! The window around the work: its title, files dropped on it, noticing when the
//! user comes back to it, and the start-up measurement run.

use crate::document::Document;
use crate::ui::intent::Intent;

/// Set this environment variable to make the app close after its first frame that
/// shows the session it opened (used by `scripts/measure-startup.sh`; nothing is
/// saved or autosaved).
pub const EXIT_AFTER_FIRST_FRAME_ENV: &str = "CLAIMDESK_EXIT_AFTER_FIRST_FRAME";

/// With [`EXIT_AFTER_FIRST_FRAME_ENV`], the launch time (Unix epoch milliseconds, as
/// `date +%s%3N` prints it): the app then prints how long after it the first frame
/// was painted.
pub const STARTED_AT_ENV: &str = "CLAIMDESK_STARTED_AT_MS";

/// What happened to the window this frame.
#[derive(Debug, Default, PartialEq)]
pub struct WindowEvents {
    /// Files dropped on the window, to open.
    pub intents: Vec<Intent>,
    /// The user came back to the window (it regained the keyboard focus).
    pub returned: bool,
    /// The user asked to close the window.
    pub close_requested: bool,
}

/// The window's title, focus and measurement state.
#[derive(Default)]
pub struct WindowChrome {
    title: String,
    focused: Option<bool>,
    /// Close right after the first frame (start-up time and memory measurements).
    measuring: bool,
    measured_frames: u32,
}

impl WindowChrome {
    /// The chrome of a new window; measures start-up if the environment asks for it.
    pub fn new() -> Self {
        Self {
            measuring: std::env::var_os(EXIT_AFTER_FIRST_FRAME_ENV).is_some(),
            ..Self::default()
        }
    }

    /// Reads this frame's window events.
    pub fn events(&mut self, ctx: &egui::Context) -> WindowEvents {
        let mut events = WindowEvents {
            close_requested: ctx.input(|i| i.viewport().close_requested()),
            ..WindowEvents::default()
        };
        let dropped = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .find_map(|f| Some(f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()))
        });
        if let Some(path) = dropped {
            events.intents.push(Intent::OpenPath(path));
        }
        let focused = ctx.input(|i| i.viewport().focused);
        events.returned = focused == Some(true) && self.focused == Some(false);
        self.focused = focused;
        events
    }

    /// Shows the document's name and an unsaved marker in the title bar.
    pub fn update_title(&mut self, ctx: &egui::Context, doc: &Document) {
        let marker = if doc.is_dirty() { "● " } else { "" };
        let conflicts = match doc.session.conflicts.len() {
            0 => String::new(),
            n => format!(" ({} to settle)", crate::ui::conflicts_pane::count_words(n)),
        };
        let title = format!("{marker}{}{conflicts} — Claimdesk", doc.display_name());
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title as last sent.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Whether this is a measurement run (nothing is saved or remembered).
    pub fn is_measuring(&self) -> bool {
        self.measuring
    }

    /// A measurement run: once the opened session has been drawn (a large one loads on
    /// its worker first, `busy`) and painted, which the next call means, report and close.
    pub fn measurement_frame(&mut self, ctx: &egui::Context, busy: bool) {
        if !self.measuring || busy {
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
}
