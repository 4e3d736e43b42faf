//! Articles in: text and Markdown files, saved web pages, PDFs, links and the
//! clipboard, each turned into an [`Article`] with its metadata. Text in, article
//! out; one file per kind of source.
//!
//! - [`import_source`] takes a path or a URL, finds out what it holds (by its
//!   content first, its extension second) and imports it; it is meant to run on a
//!   worker, with a cancel flag and a progress callback. Web pages and PDFs are
//!   extracted on a thread of their own behind `catch_unwind`, with a time limit.
//! - [`import_file`], [`import_bytes`] and [`import_text`] are the short forms the
//!   rest of Claimdesk calls; `import_bytes` and `import_text` take text only.
//! - [`import_clipboard`] cleans what a browser put on the clipboard.
//! - [`keep_original`] writes the original beside the session, as evidence.
//!
//! How each source is handled, and the measurements behind the choices, are in
//! `docs/import.md`.

mod blocks;
mod charset;
pub mod clipboard;
mod detect;
pub mod evidence;
pub mod html;
pub mod link;
pub mod metadata;
pub mod pdf;
mod read;
pub mod text;
pub mod worker;

pub use clipboard::import_clipboard;
pub use detect::{Detected, detect};
pub use evidence::{keep_original, original_copy_path, wayback_save_url};
pub use link::{FetchError, FetchLimits};
pub use pdf::PdfError;
pub use read::read_original;
pub use text::{decode_utf16_with_bom, import_bytes, import_text};

use crate::model::{Article, ArticleKind, sha256_hex_bytes};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Why a file, page or link could not be imported as an article. Each message says
/// what happened and what to do, in words for a fact-checker.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("could not read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// Nothing but whitespace.
    #[error("the article is empty: there is no text to check")]
    Empty,
    /// NUL bytes or other signs of a binary file that is not a PDF.
    #[error(
        "this looks like a binary file, not an article; open a text (.txt, .md), web page (.html) or PDF file"
    )]
    Binary,
    /// Larger than [`MAX_ARTICLE_BYTES`].
    #[error("the file is {megabytes} MB; articles up to 256 MB are supported")]
    TooLarge {
        /// Size of the file in MiB.
        megabytes: u64,
    },
    /// Not UTF-8 and no recognised byte-order mark.
    #[error("the text is not UTF-8 (invalid byte at offset {0}); save it as UTF-8 and try again")]
    NotUtf8(usize),
    /// A web page larger than [`html::MAX_PAGE_BYTES`].
    #[error(
        "the web page is {megabytes} MB; pages up to {limit} MB are read (save the article alone, or copy its text)"
    )]
    PageTooLarge {
        /// Size of the page in MiB.
        megabytes: u64,
        /// The limit in MiB.
        limit: u64,
    },
    /// A web page with no readable article in it (only scripts, or no text).
    #[error(
        "no article text was found in this web page (it may build its text with scripts); open the article in a browser, select its text and use New from clipboard"
    )]
    NoArticleText,
    /// A web page with more elements than the extractor takes.
    #[error(
        "the web page has {elements} elements, far more than any article page; it was not read"
    )]
    TooManyElements {
        /// How many it has.
        elements: usize,
    },
    /// A web page whose markup nests deeper than anything a real page does.
    #[error(
        "the web page's markup nests {depth} levels deep, far beyond any real article; it was not read"
    )]
    TooDeep {
        /// How deep it got before Claimdesk stopped counting.
        depth: usize,
    },
    /// A PDF that could not be read.
    #[error(transparent)]
    Pdf(#[from] PdfError),
    /// A link that could not be fetched.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// Reading took longer than the time limit.
    #[error(
        "reading the {what} took longer than {seconds} seconds and was stopped; the file may be damaged or built to hang readers"
    )]
    TimedOut {
        /// "PDF", "web page".
        what: &'static str,
        /// The limit.
        seconds: u64,
    },
    /// The reader crashed on this input (a bug in it, or a hostile file).
    #[error(
        "the {what} reader failed on this file (it may be damaged); nothing was opened. Try saving it again from its source"
    )]
    ReaderCrashed {
        /// "PDF", "web page".
        what: &'static str,
    },
    /// The user cancelled.
    #[error("the import was cancelled")]
    Cancelled,
}

/// Article files larger than this are refused before reading (the app lays the text
/// out in memory; a 100 MB article still opens).
pub const MAX_ARTICLE_BYTES: u64 = 256 << 20;

/// Where an article comes from: a file or a web address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file on disk.
    File(PathBuf),
    /// An `http://` or `https://` address.
    Link(String),
}

impl Source {
    /// An address when `input` starts with `http://` or `https://` (any case),
    /// else a path.
    pub fn parse(input: &str) -> Self {
        let trimmed = input.trim();
        let lower = trimmed.get(..8).unwrap_or(trimmed).to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            Source::Link(trimmed.to_owned())
        } else {
            Source::File(PathBuf::from(input))
        }
    }

    /// The path or address as the user gave it, for messages.
    pub fn display(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Link(u) => u.clone(),
        }
    }
}

impl From<&Path> for Source {
    fn from(path: &Path) -> Self {
        Source::File(path.to_path_buf())
    }
}

/// Limits and settings for one import.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// Timeouts, redirects and size cap for links.
    pub fetch: FetchLimits,
    /// How long a PDF may take to read before it is given up.
    pub pdf_time_limit: Duration,
    /// How long a web page may take to extract before it is given up.
    pub html_time_limit: Duration,
    /// The date a link is retrieved, `YYYY-MM-DD` (fixed in tests; else today, UTC).
    pub today: Option<String>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            fetch: FetchLimits::default(),
            pdf_time_limit: Duration::from_secs(60),
            html_time_limit: Duration::from_secs(30),
            today: None,
        }
    }
}

impl ImportOptions {
    fn retrieved_date(&self) -> String {
        self.today.clone().unwrap_or_else(crate::export::today_utc)
    }
}

/// How far an import has got, for a progress dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum Progress {
    /// Reading a file from disk.
    Reading,
    /// Connecting to a server (the address being fetched).
    Connecting(String),
    /// Downloading: bytes so far and, when the server said, the total.
    Downloading {
        /// Bytes received (after decompression).
        received: u64,
        /// The announced size, if any.
        total: Option<u64>,
    },
    /// Finding the article in a web page.
    ExtractingPage,
    /// Reading a PDF's pages: done so far, of how many.
    ReadingPdf {
        /// Pages read.
        done: u32,
        /// Pages in the file.
        total: u32,
    },
}

impl Progress {
    /// A short line for the progress dialog.
    pub fn describe(&self) -> String {
        match self {
            Progress::Reading => "Reading the file…".into(),
            Progress::Connecting(url) => format!("Connecting to {}…", link::host_of(url)),
            Progress::Downloading {
                received,
                total: Some(t),
            } => format!("Downloading… {} of {} kB", received / 1000, t / 1000),
            Progress::Downloading { received, .. } => {
                format!("Downloading… {} kB", received / 1000)
            }
            Progress::ExtractingPage => "Finding the article in the page…".into(),
            Progress::ReadingPdf { done, total } => format!("Reading page {done} of {total}…"),
        }
    }
}

/// An imported article with the original it was made from.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The article, with its metadata and origin filled in.
    pub article: Article,
    /// The original bytes (the file, or the page as downloaded after
    /// decompression), for [`keep_original`].
    pub original: Vec<u8>,
}

/// Imports a file or link: detects what it is (web page, PDF or text; by content
/// first, extension second) and extracts the article with its metadata.
///
/// Blocks until done, so call it on a worker. `cancel` is checked between steps and
/// while downloading and reading PDF pages; `progress` is called on the calling
/// thread. PDF and web-page extraction run on a thread of their own behind
/// `catch_unwind` with the time limits in `options`.
pub fn import_source(
    source: &Source,
    options: &ImportOptions,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Imported, ImportError> {
    match source {
        Source::File(path) => {
            progress(Progress::Reading);
            let bytes = read_original(path)?;
            check_cancel(cancel)?;
            let name = path.display().to_string();
            let mut imported = import_original(
                bytes,
                &Origin {
                    name: Some(&name),
                    content_type: None,
                    url: None,
                },
                options,
                cancel,
                progress,
            )?;
            imported.article.origin.path = Some(name);
            Ok(imported)
        }
        Source::Link(url) => {
            let fetched = link::fetch(url, &options.fetch, cancel, progress)?;
            check_cancel(cancel)?;
            let final_url = fetched.final_url.clone();
            let not_a_page = |e| match e {
                ImportError::Binary => FetchError::NotAPage {
                    url: final_url.clone(),
                    what: "a file that is not a web page, PDF or text".into(),
                }
                .into(),
                other => other,
            };
            let mut imported = import_original(
                fetched.body,
                &Origin {
                    name: Some(&fetched.final_url),
                    content_type: fetched.content_type.as_deref(),
                    url: Some(&fetched.final_url),
                },
                options,
                cancel,
                progress,
            )
            .map_err(not_a_page)?;
            let article = &mut imported.article;
            article.origin.path = Some(url.trim().to_owned());
            article.origin.fetched_url = Some(fetched.final_url.clone());
            article.meta.retrieved = options.retrieved_date();
            if article.meta.url.is_empty() {
                article.meta.url = fetched.final_url;
            }
            Ok(imported)
        }
    }
}

/// What is known about original bytes besides the bytes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Origin<'a> {
    /// A file name or URL (its extension is a hint when the content is unclear).
    pub name: Option<&'a str>,
    /// The server's `Content-Type`, for a download.
    pub content_type: Option<&'a str>,
    /// The page's address, for resolving relative links and as a fallback URL.
    pub url: Option<&'a str>,
}

/// Imports original bytes already in memory (a file's content or a download):
/// detects the kind and extracts the article. See [`import_source`].
pub fn import_original(
    bytes: Vec<u8>,
    origin: &Origin<'_>,
    options: &ImportOptions,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Imported, ImportError> {
    let kind = detect(&bytes, origin.name, origin.content_type);
    // Shared with the parser thread, which drops its handle when it is done.
    let shared = Arc::new(bytes);
    let mut article = match kind {
        Detected::Pdf => {
            let pdf = worker::run_limited(
                "PDF",
                options.pdf_time_limit,
                cancel,
                progress,
                shared.clone(),
                |bytes, stop| pdf::extract(&bytes, &stop),
            )?;
            pdf.into_article()?
        }
        Detected::Html => {
            progress(Progress::ExtractingPage);
            let url = origin.url.map(str::to_owned);
            let content_type = origin.content_type.map(str::to_owned);
            worker::run_limited(
                "web page",
                options.html_time_limit,
                cancel,
                progress,
                shared.clone(),
                move |bytes, stop| {
                    html::import_html_bytes(&bytes, content_type.as_deref(), url.as_deref(), &stop)
                },
            )?
        }
        Detected::Text => text::import_bytes(&shared, None)?,
        Detected::Binary => return Err(ImportError::Binary),
    };
    let bytes = Arc::try_unwrap(shared).unwrap_or_else(|still_shared| (*still_shared).clone());
    article.origin.kind = match kind {
        Detected::Pdf => ArticleKind::Pdf,
        Detected::Html => ArticleKind::Html,
        Detected::Text | Detected::Binary => ArticleKind::Text,
    };
    article.origin.original_sha256 = Some(sha256_hex_bytes(&bytes));
    Ok(Imported {
        article,
        original: bytes,
    })
}

/// Reads and imports an article file of any supported kind (text, Markdown, web
/// page or PDF), with the default limits and no way to cancel. See
/// [`import_source`] for the form with progress and cancel.
pub fn import_file(path: &Path) -> Result<Article, ImportError> {
    let never = AtomicBool::new(false);
    import_source(
        &Source::File(path.to_path_buf()),
        &ImportOptions::default(),
        &never,
        &mut |_| {},
    )
    .map(|imported| imported.article)
}

/// `Err(Cancelled)` once the flag is set.
fn check_cancel(cancel: &AtomicBool) -> Result<(), ImportError> {
    if cancel.load(Ordering::Relaxed) {
        Err(ImportError::Cancelled)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_links_only_with_a_web_scheme() {
        assert_eq!(
            Source::parse(" HTTPS://example.org/a "),
            Source::Link("HTTPS://example.org/a".into())
        );
        assert_eq!(Source::parse("http://x"), Source::Link("http://x".into()));
        assert_eq!(Source::parse("https.txt"), Source::File("https.txt".into()));
        assert_eq!(Source::parse("ftp://x"), Source::File("ftp://x".into()));
    }
}
