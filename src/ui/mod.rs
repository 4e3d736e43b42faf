//! The egui app. Panes read the state through a [`pane::PaneContext`] and return
//! [`intent::Intent`]s; the app shell applies them in one place
//! (`app::state::AppState::handle`). Nothing here does file I/O except through
//! `store`, and slow work runs as a [`worker::Job`].

pub mod actions;
pub mod app;
pub mod archive_pane;
pub mod archive_state;
pub mod article_details;
pub mod article_view;
pub mod before_publishing;
pub mod claims_list;
pub mod clipboard;
pub mod conflicts_pane;
pub mod dialogs;
pub mod file_dialog;
pub mod find;
pub mod find_bar;
pub mod inspector;
pub mod intent;
pub mod memory;
pub mod menu_bar;
pub mod open_link;
pub mod palette;
pub mod pane;
pub mod preferences;
pub mod publish;
pub mod read_only_bar;
pub mod side_panel;
pub mod status_bar;
pub mod suggestions;
pub mod suggestions_pane;
pub mod theme;
pub mod verdict_chart;
pub mod view_state;
pub use crate::words;
pub mod worker;

pub use app::{ClaimdeskApp, StartOptions};

/// Opens the main window on `path`, or on the last session, or on the seed article.
pub fn run_app(path: Option<std::path::PathBuf>) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Claimdesk")
            .with_app_id("claimdesk")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([760.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Claimdesk",
        options,
        Box::new(|cc| Ok(Box::new(ClaimdeskApp::new(cc, path)))),
    )
}
