//! The clipboard's HTML flavour, for File › New from clipboard. egui's paste event
//! carries only plain text; a browser also puts the copied markup on the
//! clipboard, which keeps paragraphs and headings apart and drops menus, so it is
//! read here (with `arboard`, which eframe already uses) when there is one.

/// The HTML a browser put on the clipboard, if any (and if the system clipboard can
/// be reached at all; a headless session has none).
pub fn html_flavour() -> Option<String> {
    #[cfg(not(target_os = "android"))]
    {
        let html = arboard::Clipboard::new().ok()?.get().html().ok()?;
        (!html.trim().is_empty()).then_some(html)
    }
    #[cfg(target_os = "android")]
    {
        None
    }
}
