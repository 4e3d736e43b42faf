//! File › Article details…: what is known about the article (title, byline, date,
//! site, address, language), editable for every article, a pasted or .txt one too;
//! the evidence kept of its original (SHA-256, where the copy is); the Wayback
//! Machine link that archives the page publicly; and the preference that keeps
//! originals beside sessions. Also the one-line summary shown under the title.

use crate::command::Command;
use crate::import::{original_copy_path, wayback_save_url};
use crate::model::{Article, ArticleKind, ArticleMeta};
use egui::{Modal, RichText};
use std::path::Path;

/// The article details dialog: a draft of the fields until Save.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleDetailsDialog {
    title: String,
    meta: ArticleMeta,
    /// The article's title and metadata when the dialog opened, to tell a change.
    original: (String, ArticleMeta),
    /// Where the original came from, and the evidence kept of it (read-only lines).
    facts: Vec<(&'static str, String)>,
    /// The preference "keep a copy of the original beside the session".
    keep_originals: bool,
}

/// What the user did in the dialog this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum DetailsOutcome {
    /// Still open, nothing to do.
    Open,
    /// Closed without a change.
    Cancelled,
    /// Saved: the one command that makes the change (`None` when nothing changed).
    Saved(Option<Command>),
    /// The "keep originals" preference was switched (the dialog stays open).
    KeepOriginals(bool),
    /// Copy this link (the Wayback Machine save link); the dialog stays open.
    Copy(String),
}

impl ArticleDetailsDialog {
    /// A dialog on `article`, for the session saved at `session_path` (if it is).
    pub fn new(article: &Article, session_path: Option<&Path>, keep_originals: bool) -> Self {
        Self {
            title: article.title.clone(),
            meta: article.meta.clone(),
            original: (article.title.clone(), article.meta.clone()),
            facts: facts(article, session_path),
            keep_originals,
        }
    }

    /// The command that sets the draft, if it differs from the article.
    fn command(&self) -> Option<Command> {
        let title = self.title.trim().to_owned();
        let mut meta = self.meta.clone();
        for field in [
            &mut meta.byline,
            &mut meta.published,
            &mut meta.site,
            &mut meta.url,
            &mut meta.language,
        ] {
            *field = field.trim().to_owned();
        }
        ((title.as_str(), &meta) != (self.original.0.as_str(), &self.original.1))
            .then_some(Command::SetArticleDetails { title, meta })
    }

    /// Draws the dialog; call every frame while it is open.
    pub fn show(&mut self, ctx: &egui::Context, editable: bool) -> DetailsOutcome {
        let mut outcome = DetailsOutcome::Open;
        let modal = Modal::new(egui::Id::unique("article-details")).show(ctx, |ui| {
            ui.set_width(620.0);
            ui.heading("Article details");
            ui.weak("Shown under the title and used by every export (ClaimReview's itemReviewed, the reports).");
            ui.add_space(6.0);
            ui.add_enabled_ui(editable, |ui| self.fields(ui));
            ui.add_space(6.0);
            egui::Grid::new("article-facts")
                .num_columns(2)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    for (label, value) in &self.facts {
                        ui.weak(*label);
                        ui.add(egui::Label::new(RichText::new(value).monospace().small()).wrap());
                        ui.end_row();
                    }
                });
            ui.add_space(6.0);
            let wayback = wayback_save_url(&self.meta.url);
            let button = ui
                .add_enabled(
                    wayback.is_some(),
                    egui::Button::new("Copy Wayback Machine save link"),
                )
                .on_hover_text(
                    "Copies https://web.archive.org/save/ADDRESS: open it in a browser and the Wayback Machine keeps a dated public copy anyone can cite",
                )
                .on_disabled_hover_text("Fill in the article's address (https://…) first");
            if button.clicked()
                && let Some(link) = wayback
            {
                outcome = DetailsOutcome::Copy(link);
            }
            let mut keep = self.keep_originals;
            if ui
                .checkbox(
                    &mut keep,
                    "Keep a copy of the original page or PDF beside the session",
                )
                .on_hover_text(
                    "When a session made from a web page or PDF is saved, the original is written beside it (NAME.original.html or .pdf) as evidence of what was checked. A preference for every session.",
                )
                .changed()
            {
                self.keep_originals = keep;
                outcome = DetailsOutcome::KeepOriginals(keep);
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let save = ui.add_enabled(
                    editable && !self.title.trim().is_empty(),
                    egui::Button::new(RichText::new("Save").strong()),
                );
                if save.clicked() {
                    outcome = DetailsOutcome::Saved(self.command());
                }
                if ui.button("Cancel").clicked() {
                    outcome = DetailsOutcome::Cancelled;
                }
            });
        });
        if modal.should_close() && outcome == DetailsOutcome::Open {
            outcome = DetailsOutcome::Cancelled;
        }
        outcome
    }

    fn fields(&mut self, ui: &mut egui::Ui) {
        let meta = &mut self.meta;
        super::dialogs::field_grid(
            ui,
            "article-details-grid",
            460.0,
            [
                ("Title", &mut self.title, "The headline"),
                ("Byline", &mut meta.byline, "Jane Doe and John Roe"),
                ("Published", &mut meta.published, "2024-02-03"),
                ("Site", &mut meta.site, "The Example Times"),
                ("URL", &mut meta.url, "https://news.example.org/story"),
                ("Language", &mut meta.language, "en"),
            ],
        );
    }
}

/// The read-only lines of the dialog: where the article came from and the evidence.
fn facts(article: &Article, session_path: Option<&Path>) -> Vec<(&'static str, String)> {
    let origin = &article.origin;
    let mut out = vec![(
        "Imported from",
        match (&origin.path, origin.kind) {
            (Some(p), kind) => format!("{p} ({})", kind_name(kind)),
            (None, kind) => format!("pasted text ({})", kind_name(kind)),
        },
    )];
    if let Some(url) = &origin.fetched_url {
        out.push(("Fetched from", url.clone()));
    }
    if !article.meta.retrieved.is_empty() {
        out.push(("Retrieved", article.meta.retrieved.clone()));
    }
    if let Some(pages) = origin.pages.last() {
        out.push(("Pages", format!("{}", pages.0)));
    }
    match &origin.original_sha256 {
        Some(sha) => out.push(("Original SHA-256", sha.clone())),
        None => out.push(("Text SHA-256", origin.sha256.clone())),
    }
    out.push(("Original kept", original_kept(article, session_path)));
    out
}

fn kind_name(kind: ArticleKind) -> &'static str {
    match kind {
        ArticleKind::Text => "text",
        ArticleKind::Html => "web page",
        ArticleKind::Pdf => "PDF",
    }
}

/// Where the copy of the original is, in words.
fn original_kept(article: &Article, session_path: Option<&Path>) -> String {
    let kind = article.origin.kind;
    if kind == ArticleKind::Text {
        return "not needed: every word of a text article is in the session".into();
    }
    match (&article.origin.original_copy, session_path) {
        (Some(name), Some(session)) => session.with_file_name(name).display().to_string(),
        (Some(name), None) => name.clone(),
        (None, Some(session)) => format!(
            "not yet; saving keeps it as {}",
            original_copy_path(session, kind).display()
        ),
        (None, None) => {
            "not yet; it is kept beside the session when you save it (NAME.original.…)".into()
        }
    }
}

/// The metadata line under the article's title: byline · site · date, each only
/// when known (the URL is drawn after it, as a link). Empty when nothing is known.
pub fn metadata_line(meta: &ArticleMeta) -> String {
    [&meta.byline, &meta.site, &meta.published]
        .into_iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|s| elide(s, 80))
        .collect::<Vec<_>>()
        .join("  ·  ")
}

/// `text` cut to at most `max` characters, the middle replaced by `…` (an address
/// keeps its host and the end of its path, which tell pages apart).
pub fn elide(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max || max < 5 {
        return text.to_owned();
    }
    let head = (max - 1) * 3 / 5;
    let tail = max - 1 - head;
    let start: String = text.chars().take(head).collect();
    let end: String = text.chars().skip(count - tail).collect();
    format!("{start}…{end}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import_text;

    #[test]
    fn the_line_shows_only_what_is_known() {
        let mut meta = ArticleMeta::default();
        assert_eq!(metadata_line(&meta), "");
        meta.site = "Harbour News".into();
        meta.published = "2024-02-03".into();
        assert_eq!(metadata_line(&meta), "Harbour News  ·  2024-02-03");
        meta.byline = "Sam Reed".into();
        assert_eq!(
            metadata_line(&meta),
            "Sam Reed  ·  Harbour News  ·  2024-02-03"
        );
    }

    #[test]
    fn long_text_is_elided_in_the_middle() {
        let url = "https://news.example.org/2024/02/03/a-very-long-slug-about-port-traffic-falling";
        let short = elide(url, 40);
        assert_eq!(short.chars().count(), 40);
        assert!(short.starts_with("https://news.example") && short.ends_with("falling"));
        assert!(short.contains('…'));
        assert_eq!(elide("short", 40), "short");
        assert_eq!(elide("ééééééééé", 6), "ééé…éé");
    }

    #[test]
    fn saving_without_a_change_makes_no_command() {
        let article = import_text("Title\n\nBody.", None).unwrap();
        let mut dialog = ArticleDetailsDialog::new(&article, None, true);
        assert_eq!(dialog.command(), None);
        dialog.meta.url = " https://x.example/a ".into();
        dialog.title = "New title".into();
        let Some(Command::SetArticleDetails { title, meta }) = dialog.command() else {
            panic!("a change makes a command");
        };
        assert_eq!(
            (title.as_str(), meta.url.as_str()),
            ("New title", "https://x.example/a")
        );
    }

    #[test]
    fn text_articles_need_no_copy_and_pages_say_where_it_goes() {
        let mut article = import_text("Title\n\nBody.", None).unwrap();
        assert!(original_kept(&article, None).starts_with("not needed"));
        article.origin.kind = ArticleKind::Pdf;
        let later = original_kept(&article, Some(Path::new("/w/check.ron")));
        assert!(later.contains("/w/check.original.pdf"), "{later}");
        article.origin.original_copy = Some("check.original.pdf".into());
        assert_eq!(
            original_kept(&article, Some(Path::new("/w/check.ron"))),
            "/w/check.original.pdf"
        );
    }
}
