//! Web pages: the main article found the way a reader view finds it (with
//! `dom_smoothie`, a port of Mozilla's Readability), laid out as paragraphs,
//! subheadings, list items and captions; navigation, ads, share buttons, related
//! stories, comments and footers dropped. Why this crate, and how well it does on
//! the development set, is in `docs/import.md`.

use super::blocks::{Block, BlockKind, compose};
use super::worker::Stop;
use super::{ImportError, charset, metadata};
use crate::model::Article;
use dom_query::{Document, NodeRef};

/// Web pages larger than this are refused before parsing: the page's tree takes
/// about ten times its size in memory. Real article pages are under 5 MB; a
/// single-file save with images inlined can reach 20 MB.
pub const MAX_PAGE_BYTES: u64 = 48 << 20;

/// Markup nested deeper than this is refused before parsing. Real pages nest
/// 20 to 60 levels; parsers slow down quadratically with depth.
pub const MAX_DEPTH: usize = 1_500;

/// The article and what was found about it, before it becomes an [`Article`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extracted {
    /// The headline.
    pub title: String,
    /// The article's blocks in reading order.
    pub blocks: Vec<Block>,
    /// Byline, date, site, canonical URL and language.
    pub meta: crate::model::ArticleMeta,
}

impl Extracted {
    /// The article text as Claimdesk stores it (title line, blank lines).
    pub fn text(&self) -> String {
        compose(&self.title, &self.blocks).text
    }

    /// The article.
    pub fn into_article(self) -> Result<Article, ImportError> {
        let composed = compose(&self.title, &self.blocks);
        if self.blocks.iter().all(|b| b.text.trim().is_empty()) {
            return Err(ImportError::NoArticleText);
        }
        let mut article = Article::new(self.title, composed.text, None);
        article.meta = self.meta;
        Ok(article)
    }
}

/// Imports a web page from its bytes: decodes it (see `charset.rs`) and extracts
/// the article. `content_type` is the server's header, `url` the page's address.
pub fn import_html_bytes(
    bytes: &[u8],
    content_type: Option<&str>,
    url: Option<&str>,
    stop: &Stop,
) -> Result<Article, ImportError> {
    let size = bytes.len() as u64;
    if size > MAX_PAGE_BYTES {
        return Err(ImportError::PageTooLarge {
            megabytes: size >> 20,
            limit: MAX_PAGE_BYTES >> 20,
        });
    }
    let (html, _) = charset::decode_html(bytes, content_type);
    extract(&html, url, stop)?.into_article()
}

/// Extracts the article from decoded HTML. `url` is the page's address, if known.
pub fn extract(html: &str, url: Option<&str>, stop: &Stop) -> Result<Extracted, ImportError> {
    let depth = nesting_depth(html, MAX_DEPTH);
    if depth > MAX_DEPTH {
        return Err(ImportError::TooDeep { depth });
    }
    let doc = Document::from(html);
    stop.check()?;
    let mut page = metadata::read(&doc, html, url);
    let config = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..dom_smoothie::Config::default()
    };
    let mut readability = dom_smoothie::Readability::with_document(doc, None, Some(config))
        .map_err(|_| ImportError::NoArticleText)?;
    let found = readability.parse().map_err(|e| match e {
        dom_smoothie::ReadabilityError::TooManyElements(n, _) => {
            ImportError::TooManyElements { elements: n }
        }
        _ => ImportError::NoArticleText,
    })?;
    stop.check()?;
    metadata::merge_extractor(&mut page, &found);
    let content = Document::fragment(found.content.to_string());
    let blocks = blocks_of(&content.root(), stop)?;
    let title = choose_title(&page.title, &blocks);
    Ok(Extracted {
        title,
        blocks,
        meta: page.meta,
    })
}

/// Every block of an HTML fragment (a clipboard selection) with nothing judged
/// boilerplate; scripts, styles, forms and hidden elements are still left out.
pub fn blocks_of_fragment(fragment: &str, stop: &Stop) -> Result<Vec<Block>, ImportError> {
    let depth = nesting_depth(fragment, MAX_DEPTH);
    if depth > MAX_DEPTH {
        return Err(ImportError::TooDeep { depth });
    }
    let doc = Document::fragment(fragment);
    blocks_of(&doc.root(), stop)
}

/// Pages with more elements than this are refused by the extractor (a 5 MB page
/// has about 100,000).
const MAX_ELEMENTS: usize = 1_000_000;

/// The headline from the metadata, else the first heading or the start of the
/// first paragraph.
fn choose_title(meta_title: &str, blocks: &[Block]) -> String {
    let title = super::blocks::one_line(meta_title);
    if !title.is_empty() {
        return title;
    }
    blocks
        .iter()
        .map(|b| super::blocks::one_line(&b.text))
        .find(|t| !t.is_empty())
        // Cut to 120 characters; a cut that ends in a space must not leave it at
        // the end, or the title would not be the start of the article's text
        // (found by the import_html fuzz target).
        .map(|t| {
            t.chars()
                .take(120)
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .unwrap_or_else(|| "Untitled article".to_owned())
}

/// Where the walker is: the kind of block text goes into.
#[derive(Clone, Debug, PartialEq)]
enum Context {
    Paragraph,
    Heading,
    /// A list item: its marker and a number that tells items apart.
    ListItem(String, u64),
    Caption,
    Pre,
    Cell,
}

/// Elements that start and end a block of text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "figure"
            | "figcaption"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "center"
            | "form"
            | "fieldset"
            | "legend"
    )
}

/// Elements whose content is never article text.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "canvas"
            | "button"
            | "select"
            | "input"
            | "textarea"
            | "head"
            | "title"
    )
}

/// Collects the blocks under `root` in document order, without recursion (a
/// hostile page can nest thousands of elements).
fn blocks_of(root: &NodeRef<'_>, stop: &Stop) -> Result<Vec<Block>, ImportError> {
    let mut w = Walker::default();
    // (node, entered): a node is pushed unentered, then entered when popped; its
    // exit is handled when the marker pushed on entry pops.
    let mut stack: Vec<(NodeRef<'_>, bool)> = vec![(*root, false)];
    let mut visited = 0usize;
    while let Some((node, exiting)) = stack.pop() {
        visited += 1;
        if visited.is_multiple_of(4096) {
            stop.check()?;
        }
        if node.is_text() {
            w.text(&node.text());
            continue;
        }
        let name = node.node_name().map(|n| n.to_ascii_lowercase());
        let name = name.as_deref().unwrap_or("");
        if exiting {
            w.exit(name);
            continue;
        }
        if !node.is_element() && !node.is_document() && !node.is_fragment() {
            continue;
        }
        if is_skipped(name) || is_hidden(&node) {
            continue;
        }
        if name == "br" {
            w.line_break();
            continue;
        }
        if name == "img" {
            continue;
        }
        w.enter(name, &node);
        stack.push((node, true));
        let children = node.children();
        for child in children.into_iter().rev() {
            stack.push((child, false));
        }
    }
    w.flush();
    Ok(w.blocks)
}

/// Hidden by the page itself (`hidden`, `aria-hidden`, `display:none`).
fn is_hidden(node: &NodeRef<'_>) -> bool {
    node.has_attr("hidden")
        || node.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        || node.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    /// The open block's text.
    current: String,
    /// Contexts of the open elements that set one.
    contexts: Vec<(String, Context)>,
    /// Counters of open ordered lists (`None` for unordered ones).
    lists: Vec<Option<u32>>,
    /// Cells of the open table row.
    cells: Vec<String>,
    /// List items seen so far (each gets a number).
    items: u64,
    /// The list item whose first block was written last.
    written_item: Option<u64>,
}

impl Walker {
    fn context(&self) -> Context {
        self.contexts
            .last()
            .map_or(Context::Paragraph, |(_, c)| c.clone())
    }

    fn in_pre(&self) -> bool {
        self.contexts.iter().any(|(_, c)| *c == Context::Pre)
    }

    fn text(&mut self, t: &str) {
        if self.in_pre() {
            self.current.push_str(t);
            return;
        }
        let starts_space = t.starts_with(char::is_whitespace);
        let ends_space = t.ends_with(char::is_whitespace);
        let words: Vec<&str> = t.split_whitespace().collect();
        if words.is_empty() {
            if !t.is_empty() && !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
                self.current.push(' ');
            }
            return;
        }
        if starts_space && !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
            self.current.push(' ');
        }
        self.current.push_str(&words.join(" "));
        if ends_space {
            self.current.push(' ');
        }
    }

    fn line_break(&mut self) {
        let trimmed = self.current.trim_end_matches(' ').len();
        self.current.truncate(trimmed);
        if !self.current.is_empty() {
            self.current.push('\n');
        }
    }

    fn enter(&mut self, name: &str, node: &NodeRef<'_>) {
        if !is_block(name) {
            return;
        }
        match name {
            "td" | "th" => {
                self.flush_text_into_cell_or_block();
                self.contexts.push((name.to_owned(), Context::Cell));
                return;
            }
            "tr" => {
                self.flush();
                self.cells.clear();
                return;
            }
            _ => {}
        }
        self.flush();
        let context = match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(Context::Heading),
            "figcaption" | "caption" => Some(Context::Caption),
            "pre" => Some(Context::Pre),
            "ul" => {
                self.lists.push(None);
                None
            }
            "ol" => {
                let start = node
                    .attr("start")
                    .and_then(|s| s.trim().parse::<u32>().ok())
                    .unwrap_or(1);
                self.lists.push(Some(start));
                None
            }
            "li" => {
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n = n.saturating_add(1);
                        m
                    }
                    _ => "- ".to_owned(),
                };
                self.items += 1;
                Some(Context::ListItem(marker, self.items))
            }
            _ => None,
        };
        if let Some(c) = context {
            self.contexts.push((name.to_owned(), c));
        }
    }

    fn exit(&mut self, name: &str) {
        if !is_block(name) {
            return;
        }
        match name {
            "td" | "th" => {
                let cell = super::blocks::one_line(&std::mem::take(&mut self.current));
                if !cell.is_empty() {
                    self.cells.push(cell);
                }
                self.pop_context(name);
                return;
            }
            "tr" => {
                self.flush();
                let row = std::mem::take(&mut self.cells).join(" | ");
                if !row.is_empty() {
                    self.blocks.push(Block::new(BlockKind::Lines, row));
                }
                return;
            }
            "ul" | "ol" => {
                self.flush();
                self.lists.pop();
                return;
            }
            _ => {}
        }
        self.flush();
        self.pop_context(name);
    }

    fn pop_context(&mut self, name: &str) {
        if self.contexts.last().is_some_and(|(n, _)| n == name) {
            self.contexts.pop();
        }
    }

    /// Text before a cell in the same row (rare) becomes its own block.
    fn flush_text_into_cell_or_block(&mut self) {
        if self.context() != Context::Cell {
            self.flush();
        }
    }

    /// Ends the open block.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.current);
        if self.context() == Context::Cell {
            // Inside a cell, nested blocks just add to the cell.
            self.current = text;
            if !self.current.is_empty() && !self.current.ends_with(' ') {
                self.current.push(' ');
            }
            return;
        }
        let text = if self.in_pre() {
            text.trim_matches('\n').trim_end().to_owned()
        } else {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        };
        if text.is_empty() {
            return;
        }
        let kind = match self.context() {
            Context::Heading => BlockKind::Heading,
            Context::Caption => BlockKind::Caption,
            Context::Pre => BlockKind::Lines,
            Context::ListItem(marker, item) => {
                // A list item's later paragraphs are not numbered again.
                if self.written_item == Some(item) {
                    BlockKind::Paragraph
                } else {
                    self.written_item = Some(item);
                    BlockKind::ListItem(marker)
                }
            }
            Context::Paragraph | Context::Cell => BlockKind::Paragraph,
        };
        self.blocks.push(Block::new(kind, text));
    }
}

/// How deeply the markup's elements nest, counted with a quick scan of the tags
/// (up to `limit` + 1: counting stops there). Void elements and those whose end
/// tag may be left out do not count, so sloppy real pages stay shallow.
pub fn nesting_depth(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut max = 0usize;
    let mut i = 0;
    while let Some(at) = memchr(b'<', &bytes[i..]) {
        i += at + 1;
        let Some(&next) = bytes.get(i) else { break };
        if next == b'!' {
            // Comments and doctypes.
            if bytes[i..].starts_with(b"!--") {
                match find(&bytes[i..], b"-->") {
                    Some(end) => i += end + 3,
                    None => break,
                }
            }
            continue;
        }
        let closing = next == b'/';
        let name_start = if closing { i + 1 } else { i };
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = memchr(b'>', &bytes[i..]).map_or(bytes.len(), |e| i + e);
        let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
        if !closing && matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            // Raw text: skip to its end tag.
            let end_tag = format!("</{name}");
            let lower_rest = &bytes[tag_end.min(bytes.len())..];
            i = find_ci(lower_rest, end_tag.as_bytes()).map_or(bytes.len(), |e| tag_end + e);
            continue;
        }
        i = tag_end.min(bytes.len());
        if is_void_or_optional(&name) || self_closing {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
            if max > limit {
                return max;
            }
        }
    }
    max
}

fn is_void_or_optional(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "option"
            | "html"
            | "head"
            | "body"
            | "thead"
            | "tbody"
    )
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head>
<title>Minister says wheat exports doubled | The Example Times</title>
<meta property="og:title" content="Minister says wheat exports doubled">
<meta property="og:site_name" content="The Example Times">
<link rel="canonical" href="https://example.org/news/wheat">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<article>
<h1>Minister says wheat exports doubled</h1>
<p class="byline">By Jane Doe</p>
<p>The agriculture minister said on Tuesday that wheat exports had doubled in the past year, reaching 12 million tonnes, a figure that traders and analysts questioned.</p>
<figure><img src="a.jpg"><figcaption>Harvest near the border on Monday.</figcaption></figure>
<h2>What the figures show</h2>
<p>Customs data show exports of 7.1 million tonnes in the same period, up from 6 million a year earlier. The ministry did not answer a request for comment on the difference.</p>
<ul><li>2022: 6.0 million tonnes</li><li>2023: 7.1 million tonnes</li></ul>
<blockquote><p>"We have never exported so much grain," the minister told parliament, repeating a claim he first made in March.</p></blockquote>
<p>Analysts said the minister's number probably included flour and other processed goods, which are counted separately by the customs service and by international bodies.</p>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/x">Another story</a></li></ul></aside>
<footer>Copyright 2024 The Example Times. All rights reserved.</footer>
</body></html>"#;

    #[test]
    fn keeps_the_article_and_drops_the_rest() {
        let e = extract(PAGE, None, &Stop::never()).unwrap();
        let text = e.text();
        assert!(
            text.starts_with("Minister says wheat exports doubled\n\n"),
            "{text}"
        );
        assert!(text.contains("\n\nWhat the figures show\n\n"), "{text}");
        assert!(
            text.contains("- 2022: 6.0 million tonnes\n- 2023: 7.1 million tonnes"),
            "{text}"
        );
        assert!(
            text.contains("\"We have never exported so much grain,\""),
            "{text}"
        );
        assert!(
            text.contains("Harvest near the border on Monday."),
            "{text}"
        );
        for gone in [
            "Home",
            "cookies",
            "Related stories",
            "Copyright",
            "Another story",
        ] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
        assert_eq!(e.meta.site, "The Example Times");
        assert_eq!(e.meta.url, "https://example.org/news/wheat");
        assert_eq!(e.meta.language, "en");
        assert_eq!(e.meta.byline, "Jane Doe");
        // The h1 repeating the title is not repeated in the text.
        assert_eq!(
            text.matches("Minister says wheat exports doubled").count(),
            1
        );
    }

    #[test]
    fn tables_and_preformatted_text_keep_their_lines() {
        let html = "<p>Intro text that is long enough to be the article, with several words in it and more.</p>\
            <table><tr><th>Year</th><th>Tonnes</th></tr><tr><td>2022</td><td>6.0</td></tr></table>\
            <pre>line one\n  line two</pre><p>Para<br>with a break.</p>";
        let doc = Document::fragment(html);
        let blocks = blocks_of(&doc.root(), &Stop::never()).unwrap();
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Intro text that is long enough to be the article, with several words in it and more.",
                "Year | Tonnes",
                "2022 | 6.0",
                "line one\n  line two",
                "Para\nwith a break."
            ]
        );
        let ol = Document::fragment("<ol start=3><li>a</li><li>b <p>more</p></li></ol>");
        let blocks = blocks_of(&ol.root(), &Stop::never()).unwrap();
        assert_eq!(
            blocks,
            [
                Block::new(BlockKind::ListItem("3. ".into()), "a"),
                Block::new(BlockKind::ListItem("4. ".into()), "b"),
                Block::new(BlockKind::Paragraph, "more"),
            ]
        );
    }

    #[test]
    fn script_only_pages_have_no_article() {
        let html = "<html><head><script>var a = 1;</script></head><body><div id=app></div><script>render()</script></body></html>";
        let r = extract(html, None, &Stop::never()).and_then(Extracted::into_article);
        assert!(matches!(r, Err(ImportError::NoArticleText)), "{r:?}");
    }

    #[test]
    fn nesting_is_counted_cheaply() {
        assert_eq!(nesting_depth("<div><div><p>x<p>y</div></div>", 100), 2);
        assert_eq!(nesting_depth("<script>if (a<b) {}</script><div>", 100), 1);
        assert_eq!(nesting_depth("<!-- <div><div> --><br/>", 100), 0);
        let deep = "<div>".repeat(100_000);
        assert_eq!(nesting_depth(&deep, MAX_DEPTH), MAX_DEPTH + 1);
        let r = extract(&deep, None, &Stop::never());
        assert!(matches!(r, Err(ImportError::TooDeep { .. })), "{r:?}");
    }
}
