//! File › Open link…: a small prompt with an address field. Enter opens, Escape
//! cancels; text that is not an `http://` or `https://` address is refused in the
//! prompt with a message, before anything is fetched.

use super::publish::Outcome;
use crate::import::Source;
use egui::{Key, Modal, RichText, TextEdit};

/// The open link prompt: what is typed, and why the last try was refused.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkDraft {
    /// The address as typed.
    pub text: String,
    /// Why the address cannot be opened, shown under the field.
    pub error: Option<String>,
    /// The field has had the keyboard once (it takes it when the prompt opens).
    focused: bool,
}

impl LinkDraft {
    /// A prompt showing `error` (from a fetch that failed) under `text`.
    pub fn with_error(text: String, error: String) -> Self {
        Self {
            text,
            error: Some(error),
            focused: false,
        }
    }
}

/// The address to fetch, or why `text` is not one a browser would open.
pub fn check_link(text: &str) -> Result<String, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("Type or paste the article's address (https://…).".into());
    }
    match Source::parse(trimmed) {
        Source::Link(url) if url.len() > "https://".len() && !url.contains(char::is_whitespace) => {
            Ok(url)
        }
        Source::Link(_) => Err(format!("“{trimmed}” is not a complete web address.")),
        Source::File(_) => Err(format!(
            "“{trimmed}” is not a web address: it must start with http:// or https://. To open a file, use File › Open…"
        )),
    }
}

/// Draws the prompt; `Done` carries an address that starts with http(s)://.
pub fn show(ctx: &egui::Context, draft: &mut LinkDraft) -> Outcome<String> {
    let mut outcome = Outcome::Open;
    let modal = Modal::new(egui::Id::unique("open-link")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading("Open a link");
        ui.weak("Claimdesk fetches the page (or PDF), keeps its article and notes the address and today's date.");
        ui.add_space(6.0);
        let label = ui.label("Address");
        let field = ui
            .add(
                TextEdit::singleline(&mut draft.text)
                    .hint_text("https://news.example.org/2024/story")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if !std::mem::replace(&mut draft.focused, true) {
            field.request_focus();
        }
        if field.changed() {
            draft.error = None;
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if let Some(error) = &draft.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let open = ui.button(RichText::new("Open").strong());
            if open.clicked() || entered {
                match check_link(&draft.text) {
                    Ok(url) => outcome = Outcome::Done(url),
                    Err(why) => {
                        draft.error = Some(why);
                        draft.focused = false;
                    }
                }
            }
            if ui.button("Cancel").clicked() {
                outcome = Outcome::Cancelled;
            }
        });
    });
    if modal.should_close() && matches!(outcome, Outcome::Open) {
        outcome = Outcome::Cancelled;
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_fetched() {
        assert_eq!(
            check_link("  https://news.example/a?b=1 ").as_deref(),
            Ok("https://news.example/a?b=1")
        );
        assert!(check_link("HTTP://x.example").is_ok());
        let file = check_link("ftp://x.example/a").unwrap_err();
        assert!(file.contains("http://"), "{file}");
        assert!(check_link("").unwrap_err().contains("address"));
        assert!(check_link("https://").is_err());
        assert!(check_link("https://a b").is_err());
    }
}
