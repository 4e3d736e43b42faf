//! The egui app. Reads state, emits commands; never mutates the session directly.

/// Opens the main window.
pub fn run_app(_path: Option<std::path::PathBuf>) -> eframe::Result<()> {
    Ok(())
}
