//! PDFs: the text layer read with `pdf-extract` (pure Rust, on `lopdf`), laid out
//! by `layout.rs` into paragraphs that remember their page. No OCR: a scanned PDF
//! without a text layer is refused with a message that says so; so is one that
//! needs a password. Why this crate is in `docs/import.md`.
//!
//! Parsing runs on the import worker's own thread (see `worker.rs`), behind
//! `catch_unwind` and a time limit; `guard.rs` refuses PDF bombs before parsing.

pub mod guard;
pub mod layout;

use super::ImportError;
use super::blocks::{Block, BlockKind, compose};
use super::worker::Stop;
use crate::model::Article;
use layout::{Glyph, PageLines};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// PDFs with more pages than this are refused (a 2,000-page file already makes an
/// article of several million words).
pub const MAX_PAGES: u32 = 3_000;

/// Glyphs on one page beyond this are ignored (a hostile page can draw text
/// forever; a dense real page has under 10,000).
const MAX_GLYPHS_PER_PAGE: usize = 200_000;

/// Why a PDF could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// Protected by a password.
    #[error(
        "this PDF is protected with a password, so its text cannot be read; open it in a PDF reader with the password, save an unprotected copy (or print it to PDF) and open that"
    )]
    Encrypted,
    /// No text layer: scanned pages or images of text.
    #[error(
        "this PDF has no text layer (its {pages} pages are images, as in a scan); Claimdesk does not read text from images. Run it through OCR first, or copy the text from the original source"
    )]
    NoText {
        /// Pages in the file.
        pages: u32,
    },
    /// Not a readable PDF: cut off, damaged or not a PDF at all.
    #[error(
        "the PDF is damaged or incomplete and could not be read ({detail}); download or save it again"
    )]
    Damaged {
        /// The parser's words.
        detail: String,
    },
    /// Too many pages.
    #[error(
        "the PDF has {pages} pages; up to {limit} are read. Split it and open the part you are checking"
    )]
    TooManyPages {
        /// Pages in the file.
        pages: u32,
        /// The limit.
        limit: u32,
    },
    /// A PDF bomb: compressed data that inflates beyond reason.
    #[error(
        "the PDF holds compressed data that expands to over {megabytes} MB, far more than any document's text; it was not read"
    )]
    Bomb {
        /// How far it got before Claimdesk stopped counting.
        megabytes: u64,
    },
}

/// A PDF's text, laid out, before it becomes an [`Article`].
#[derive(Clone, Debug, Default)]
pub struct PdfText {
    /// The title (from the document information, else the first heading).
    pub title: String,
    /// Paragraphs, each with its page.
    pub blocks: Vec<Block>,
    /// Pages in the file.
    pub pages: u32,
    /// The byline, from the document information's `Author`.
    pub author: String,
    /// The language, from the catalogue's `Lang`.
    pub language: String,
}

impl PdfText {
    /// The article: title line, paragraphs, and where each page's text starts.
    pub fn into_article(self) -> Result<Article, ImportError> {
        if self.blocks.iter().all(|b| b.text.trim().is_empty()) {
            return Err(PdfError::NoText { pages: self.pages }.into());
        }
        let composed = compose(&self.title, &self.blocks);
        let mut article = Article::new(self.title, composed.text, None);
        article.origin.pages = composed.pages;
        article.meta.byline = self.author;
        article.meta.language = self.language;
        Ok(article)
    }
}

/// Reads a PDF's text layer. Checks `stop` between pages and while drawing.
pub fn extract(bytes: &[u8], stop: &Stop) -> Result<PdfText, ImportError> {
    if let guard::Scan::Bomb(megabytes) = guard::scan(bytes) {
        return Err(PdfError::Bomb { megabytes }.into());
    }
    stop.check()?;
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| damaged(&e))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(PdfError::Encrypted.into());
    }
    let page_ids = doc.get_pages();
    let pages = u32::try_from(page_ids.len()).unwrap_or(u32::MAX);
    if pages == 0 {
        return Err(PdfError::Damaged {
            detail: "it has no pages".into(),
        }
        .into());
    }
    if pages > MAX_PAGES {
        return Err(PdfError::TooManyPages {
            pages,
            limit: MAX_PAGES,
        }
        .into());
    }
    let mut collector = Collector::new(stop.clone());
    let numbers: Vec<u32> = page_ids.keys().copied().collect();
    for (done, number) in numbers.into_iter().enumerate() {
        stop.check()?;
        stop.report(super::Progress::ReadingPdf {
            done: u32::try_from(done).unwrap_or(u32::MAX),
            total: pages,
        });
        // One bad page (the parser panics on some font and colour-space oddities)
        // costs that page, not the document.
        let result = catch_unwind(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(&doc, &mut collector, number)
        }));
        collector.end_page_if_open();
        match result {
            Ok(Ok(())) | Ok(Err(_)) | Err(_) => {}
        }
        if collector.stopped {
            return Err(ImportError::Cancelled);
        }
    }
    stop.check()?;
    let mut page_lines = collector.pages;
    layout::drop_running_lines(&mut page_lines);
    let blocks = layout::paragraphs(&page_lines);
    let info = info_strings(&doc);
    let title = choose_title(info.title.as_deref(), &blocks);
    Ok(PdfText {
        title,
        blocks,
        pages,
        author: info.author.unwrap_or_default(),
        language: info.language.unwrap_or_default(),
    })
}

fn damaged(e: &impl std::fmt::Display) -> ImportError {
    let detail: String = e.to_string().chars().take(160).collect();
    if detail.to_lowercase().contains("decrypt") || detail.to_lowercase().contains("encrypt") {
        return PdfError::Encrypted.into();
    }
    PdfError::Damaged { detail }.into()
}

/// The document title when it is a real one (not "Microsoft Word - draft.docx"
/// or "untitled"), else the first heading, else the start of the first paragraph.
fn choose_title(info_title: Option<&str>, blocks: &[Block]) -> String {
    if let Some(t) = info_title {
        let t = super::blocks::one_line(t);
        let lower = t.to_lowercase();
        let junk = lower.is_empty()
            || lower.starts_with("microsoft ")
            || lower.starts_with("untitled")
            || lower.ends_with(".doc")
            || lower.ends_with(".docx")
            || lower.ends_with(".pdf")
            || lower.ends_with(".odt")
            || lower.ends_with(".indd");
        if !junk {
            return t;
        }
    }
    let first_heading = blocks
        .iter()
        .take(8)
        .find(|b| b.kind == BlockKind::Heading)
        .or_else(|| blocks.first());
    first_heading
        .map(|b| super::blocks::one_line(&b.text).chars().take(200).collect())
        .filter(|t: &String| !t.is_empty())
        .unwrap_or_else(|| "Untitled PDF".to_owned())
}

#[derive(Default)]
struct Info {
    title: Option<String>,
    author: Option<String>,
    language: Option<String>,
}

/// Title and author from the document information dictionary, language from the
/// catalogue.
fn info_strings(doc: &pdf_extract::Document) -> Info {
    use pdf_extract::Object;
    let text = |o: &Object| -> Option<String> {
        let bytes = match o {
            Object::String(b, _) => b.as_slice(),
            Object::Name(b) => b.as_slice(),
            _ => return None,
        };
        // Control characters (a NUL in a title, found by the import_pdf fuzz
        // target) become spaces: these go into one-line fields and the article.
        let s: String = decode_pdf_string(bytes)
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let s = super::blocks::one_line(&s);
        (!s.is_empty()).then_some(s)
    };
    let deref = |o: &Object| -> Option<Object> {
        match o {
            Object::Reference(id) => doc.get_object(*id).ok().cloned(),
            other => Some(other.clone()),
        }
    };
    let mut info = Info::default();
    if let Ok(obj) = doc.trailer.get(b"Info")
        && let Some(Object::Dictionary(d)) = deref(obj)
    {
        info.title = d.get(b"Title").ok().and_then(&deref).and_then(|o| text(&o));
        info.author = d
            .get(b"Author")
            .ok()
            .and_then(&deref)
            .and_then(|o| text(&o));
    }
    if let Ok(catalog) = doc.catalog() {
        info.language = catalog
            .get(b"Lang")
            .ok()
            .and_then(&deref)
            .and_then(|o| text(&o));
    }
    info
}

/// A PDF text string: UTF-16 with a byte-order mark, UTF-8 with one, else
/// PDFDocEncoding (read as Latin-1, which it matches for letters).
fn decode_pdf_string(bytes: &[u8]) -> String {
    if let [0xFE, 0xFF, rest @ ..] = bytes {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let [0xEF, 0xBB, 0xBF, rest @ ..] = bytes {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Receives positioned glyphs from the parser, page by page, and lays each page
/// out as soon as it ends (so only one page's glyphs are in memory).
struct Collector {
    stop: Stop,
    pages: Vec<PageLines>,
    current: Option<OpenPage>,
    stopped: bool,
}

struct OpenPage {
    number: u32,
    width: f32,
    height: f32,
    /// `ury`: PDF y grows upwards; layout wants it growing downwards from here.
    top: f64,
    glyphs: Vec<Glyph>,
}

impl Collector {
    fn new(stop: Stop) -> Self {
        Self {
            stop,
            pages: Vec::new(),
            current: None,
            stopped: false,
        }
    }

    fn end_page_if_open(&mut self) {
        if let Some(p) = self.current.take() {
            self.pages
                .push(layout::page_lines(p.number, p.width, p.height, &p.glyphs));
        }
    }
}

/// What stops the parser mid-page when the caller cancels (the parser only stops
/// on an error).
fn abort() -> OutputError {
    OutputError::FormatError(std::fmt::Error)
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.end_page_if_open();
        let width = (media_box.urx - media_box.llx).abs() as f32;
        let height = (media_box.ury - media_box.lly).abs() as f32;
        self.current = Some(OpenPage {
            number: page_num,
            width,
            height,
            top: media_box.ury.max(media_box.lly),
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.end_page_if_open();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let Some(page) = self.current.as_mut() else {
            return Ok(());
        };
        if page.glyphs.len() >= MAX_GLYPHS_PER_PAGE {
            return Ok(());
        }
        if page.glyphs.len() % 1024 == 0 && self.stop.is_set() {
            self.stopped = true;
            return Err(abort());
        }
        // The font size on the page: the side of a square with the area the
        // text matrix gives a size × size box (as pdf-extract's own text output).
        let sx = font_size * (trm.m11 + trm.m21);
        let sy = font_size * (trm.m12 + trm.m22);
        let size = (sx * sy).abs().sqrt();
        let text: String = char
            .chars()
            .filter(|c| !c.is_control())
            .map(|c| if c == '\u{a0}' { ' ' } else { c })
            .collect();
        page.glyphs.push(Glyph {
            x: trm.m31 as f32,
            y: (page.top - trm.m32) as f32,
            width: (width * size) as f32,
            size: size as f32,
            text,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
