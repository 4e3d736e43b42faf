//! Articles into the app: files of every kind the library imports (text, web
//! pages, PDFs) and links, on a worker with progress and Cancel; the clipboard;
//! the article details; and the copy of the original kept beside the session.

use super::AppState;
use crate::document::Document;
use crate::import::{
    ImportError, ImportOptions, Imported, Progress, Source, import_clipboard, import_source,
    keep_original,
};
use crate::model::{ArticleKind, Session};
use crate::ui::app::prompts::Prompt;
use crate::ui::article_details::ArticleDetailsDialog;
use crate::ui::open_link::LinkDraft;
use crate::ui::view_state::ViewState;
use crate::ui::worker::{Job, RunMode, is_large_file};
use std::path::Path;

/// How long after New from clipboard a paste may arrive (the system answers the
/// paste request within a frame or two; nothing arriving means no text).
const PASTE_WAIT_SECONDS: f64 = 2.0;

/// The original page or PDF the open session was made from, kept in memory until
/// the session is saved (then written beside it, if the preference says so).
pub(super) struct KeptOriginal {
    /// The bytes as read or downloaded.
    bytes: Vec<u8>,
    /// Their SHA-256, which the session's article records: the bytes belong to the
    /// open session only while the two match.
    sha256: String,
}

/// The file work of an import: the job and what it reads.
pub(super) struct ImportJob {
    pub(super) job: Job<Result<Imported, ImportError>>,
    pub(super) source: Source,
}

/// The share of an import done, when the library can tell.
fn fraction(progress: &Progress) -> Option<f32> {
    match *progress {
        Progress::Downloading {
            received,
            total: Some(total),
        } if total > 0 => Some(received as f32 / total as f32),
        Progress::ReadingPdf { done, total } if total > 0 => Some(done as f32 / total as f32),
        _ => None,
    }
}

/// Whether reading `source` may take long: a link, a large file, or a page or PDF
/// (their parsers run with a time limit, on a worker).
fn is_slow(source: &Source) -> bool {
    match source {
        Source::Link(_) => true,
        Source::File(path) => {
            is_large_file(path)
                || path.extension().is_some_and(|e| {
                    ["html", "htm", "xhtml", "pdf"]
                        .iter()
                        .any(|x| e.eq_ignore_ascii_case(x))
                })
        }
    }
}

fn display_name(source: &Source) -> String {
    match source {
        Source::File(path) => path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        Source::Link(url) => url.clone(),
    }
}

impl AppState {
    /// Imports a file or link as a new, unsaved session (no unsaved-changes check):
    /// on a worker with progress and Cancel when it may take long.
    pub(super) fn import(&mut self, ctx: &egui::Context, source: Source) {
        let label = match &source {
            Source::File(_) => format!("Opening {}", display_name(&source)),
            Source::Link(url) => format!("Fetching {}", crate::import::link::host_of(url)),
        };
        let in_place = self.run_mode.in_place(is_slow(&source));
        let work_source = source.clone();
        let job = Job::start(Some(ctx), label, in_place, move |handle| {
            let cancel = handle.cancel_flag();
            import_source(&work_source, &ImportOptions::default(), &cancel, &mut |p| {
                if let Some(f) = fraction(&p) {
                    handle.set_progress(f);
                }
                handle.set_detail(p.describe());
            })
        });
        self.files.start_import(ImportJob { job, source });
        self.poll_files(ctx);
    }

    /// Shows an imported article, or says in plain words why it could not be.
    pub(super) fn imported(&mut self, source: Source, result: Result<Imported, ImportError>) {
        match result {
            Ok(Imported { article, original }) => {
                self.original = (article.origin.kind != ArticleKind::Text).then(|| KeptOriginal {
                    sha256: article.origin.original_sha256.clone().unwrap_or_default(),
                    bytes: original,
                });
                let retrieved = article.meta.retrieved.clone();
                let fetched = article.origin.fetched_url.clone();
                self.doc = Document::unsaved(Session::new(article));
                self.view = ViewState::default();
                self.notice = match (&source, fetched) {
                    (Source::File(path), _) => {
                        self.memory.add_recent(path);
                        format!("Opened {}", path.display())
                    }
                    (Source::Link(_), Some(url)) => {
                        format!("Opened {url} (retrieved {retrieved})")
                    }
                    (Source::Link(url), None) => format!("Opened {url}"),
                };
            }
            Err(ImportError::Cancelled) => self.cancelled_import(),
            Err(e) => match source {
                Source::Link(url) => {
                    self.prompt = Some(Prompt::OpenLink(LinkDraft::with_error(
                        url,
                        format!("Could not open the link: {e}."),
                    )));
                }
                Source::File(path) => self.show_message(
                    "Could not open the file",
                    vec![
                        format!("Could not open {}: {e}", path.display()),
                        "Your open work is unchanged.".into(),
                    ],
                    true,
                ),
            },
        }
    }

    /// The import was stopped (Cancel): nothing changed.
    pub(super) fn cancelled_import(&mut self) {
        self.notice = "Cancelled; your open work is unchanged.".into();
    }

    /// Stops the file work in progress, if it can be stopped (an import); the
    /// window is free again at once, and the worker's late result is dropped.
    pub(super) fn cancel_file_work(&mut self) {
        if self.files.cancel_import() {
            self.cancelled_import();
        }
    }

    /// File › New from clipboard, once unsaved changes are dealt with: ask the
    /// system for the clipboard; the paste event that answers becomes the article.
    pub(super) fn request_paste(&mut self, ctx: &egui::Context) {
        self.awaiting_paste = Some(ctx.input(|i| i.time));
        ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste);
        ctx.request_repaint();
    }

    /// Takes this frame's paste event when a paste was asked for.
    pub(super) fn take_paste(&mut self, ctx: &egui::Context) {
        let Some(since) = self.awaiting_paste else {
            return;
        };
        let pasted = ctx.input_mut(|input| {
            let at = input
                .events
                .iter()
                .position(|e| matches!(e, egui::Event::Paste(_)))?;
            match input.events.remove(at) {
                egui::Event::Paste(text) => Some(text),
                _ => None,
            }
        });
        // The HTML flavour comes from the system clipboard, which tests never touch.
        let html = || {
            (self.run_mode == RunMode::Normal)
                .then(crate::ui::clipboard::html_flavour)
                .flatten()
        };
        if let Some(text) = pasted {
            self.awaiting_paste = None;
            let html = html();
            self.paste(html.as_deref(), Some(&text));
        } else if ctx.input(|i| i.time) - since > PASTE_WAIT_SECONDS {
            self.awaiting_paste = None;
            match html() {
                Some(html) => self.paste(Some(&html), None),
                None => {
                    self.notice =
                        "The clipboard has no text: copy the article's text first, then try again."
                            .into()
                }
            }
        } else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// Makes a new session of pasted text (the HTML flavour when there is one).
    fn paste(&mut self, html: Option<&str>, plain: Option<&str>) {
        match import_clipboard(html, plain) {
            Ok(article) => {
                self.original = None;
                self.doc = Document::unsaved(Session::new(article));
                self.view = ViewState::default();
                self.notice = "Made a new session of the pasted article. File › Article details… takes its address and date.".into();
            }
            Err(e) => self.show_message(
                "Could not make an article of the clipboard",
                vec![
                    format!("The pasted text: {e}."),
                    "Your open work is unchanged.".into(),
                ],
                true,
            ),
        }
    }

    /// File › Article details…
    pub(super) fn show_article_details(&mut self) {
        self.prompt = Some(Prompt::ArticleDetails(Box::new(ArticleDetailsDialog::new(
            &self.doc.session.article,
            self.doc.path(),
            self.prefs.keep_originals,
        ))));
    }

    /// Switches the "keep a copy of originals" preference and saves it.
    pub(super) fn set_keep_originals(&mut self, keep: bool) {
        let mut prefs = self.prefs.clone();
        prefs.keep_originals = keep;
        let saved = self.save_prefs(&prefs);
        self.prefs = prefs;
        self.notice = match (keep, saved) {
            (true, Ok(())) => "Originals of pages and PDFs are kept beside their sessions.".into(),
            (false, Ok(())) => "Originals of pages and PDFs are no longer kept.".into(),
            (_, Err(e)) => format!("{e}; the setting is used until Claimdesk closes."),
        };
    }

    /// Before saving to `path`: writes the original page or PDF beside it (when the
    /// preference says so and the open session was made from it here), and records
    /// the copy's name in the session. A failure is said, and the save goes on.
    pub(super) fn keep_original_beside(&mut self, path: &Path) {
        let article = &mut self.doc.session.article;
        let Some(kept) = self.original.as_ref().filter(|k| {
            self.prefs.keep_originals
                && article.origin.original_sha256.as_deref() == Some(k.sha256.as_str())
        }) else {
            return;
        };
        if let Err(e) = keep_original(path, article, &kept.bytes) {
            self.show_message(
                "The original was not kept",
                vec![
                    format!(
                        "Could not write the copy of the original beside {}: {e}",
                        path.display()
                    ),
                    "The session itself is saved; its SHA-256 still records the original.".into(),
                ],
                false,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downloads_and_pdf_pages_report_a_share_done() {
        assert_eq!(
            fraction(&Progress::Downloading {
                received: 50,
                total: Some(200)
            }),
            Some(0.25)
        );
        assert_eq!(
            fraction(&Progress::ReadingPdf { done: 3, total: 4 }),
            Some(0.75)
        );
        assert_eq!(fraction(&Progress::Reading), None);
        assert_eq!(
            fraction(&Progress::Downloading {
                received: 5,
                total: None
            }),
            None
        );
    }

    #[test]
    fn pages_pdfs_and_links_count_as_slow() {
        assert!(is_slow(&Source::Link("https://x.example".into())));
        assert!(is_slow(&Source::File("a/Report.PDF".into())));
        assert!(is_slow(&Source::File("page.htm".into())));
        assert!(!is_slow(&Source::File("missing-note.txt".into())));
    }
}
