//! From positioned glyphs to paragraphs: lines are built from glyphs, pages with
//! two columns are read column by column, running headers, footers and page
//! numbers are dropped, lines are joined into paragraphs (a word split by a
//! line-end hyphen is joined again) and each paragraph keeps its page.
//!
//! Coordinates are PDF points with `y` growing downwards from the top of the page.

use crate::import::blocks::{Block, BlockKind};
use std::collections::HashMap;

/// One glyph as the PDF draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// Left edge.
    pub x: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    /// Advance width.
    pub width: f32,
    /// Font size on the page.
    pub size: f32,
    /// The text it stands for (a ligature stands for several letters).
    pub text: String,
}

/// A line of text on a page.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Font size (the largest in the line).
    pub size: f32,
    /// The text.
    pub text: String,
    /// Left edge of the column the line is in.
    pub col_x0: f32,
    /// Right edge of the column.
    pub col_x1: f32,
}

/// The lines of one page in reading order.
#[derive(Clone, Debug, PartialEq)]
pub struct PageLines {
    /// The page number, from 1.
    pub number: u32,
    /// Page height in points.
    pub height: f32,
    /// Lines in reading order.
    pub lines: Vec<Line>,
}

/// A run of glyphs on one baseline without a wide gap.
#[derive(Clone, Debug)]
struct Segment {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    text: String,
}

/// Builds a page's lines, in reading order, from its glyphs in drawing order.
pub fn page_lines(number: u32, width: f32, height: f32, glyphs: &[Glyph]) -> PageLines {
    let segments = segments(glyphs);
    let lines = match gutter(&segments, width) {
        Some(g) => two_columns(segments, g, width),
        None => {
            let (x0, x1) = extent(&segments);
            rows(segments, x0, x1)
        }
    };
    PageLines {
        number,
        height,
        lines,
    }
}

/// Joins glyphs into segments: same baseline, moving right, no gap wider than
/// three font sizes.
fn segments(glyphs: &[Glyph]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut pending_space = false;
    for g in glyphs {
        if !g.size.is_finite() || !g.x.is_finite() || !g.y.is_finite() || g.size <= 0.0 {
            continue;
        }
        if g.text.trim().is_empty() {
            pending_space = true;
            continue;
        }
        let advance = if g.width.is_finite() && g.width > 0.0 {
            g.width
        } else {
            g.size * 0.5
        };
        if let Some(s) = out.last_mut() {
            let size = s.size.max(g.size);
            let same_line = (g.y - s.y).abs() <= 0.5 * size;
            let gap = g.x - s.x1;
            if same_line && gap >= -0.5 * size && gap <= 3.0 * size {
                if (pending_space || gap > 0.15 * g.size) && !s.text.ends_with(' ') {
                    s.text.push(' ');
                }
                s.text.push_str(&g.text);
                s.x1 = s.x1.max(g.x + advance);
                // Superscripts and subscripts do not move the baseline.
                if g.size >= s.size {
                    s.size = g.size;
                    s.y = g.y;
                }
                pending_space = false;
                continue;
            }
        }
        pending_space = false;
        out.push(Segment {
            x0: g.x,
            x1: g.x + advance,
            y: g.y,
            size: g.size,
            text: g.text.clone(),
        });
    }
    for s in &mut out {
        let trimmed = s.text.trim_end().len();
        s.text.truncate(trimmed);
    }
    out.retain(|s| !s.text.is_empty());
    out
}

fn extent(segments: &[Segment]) -> (f32, f32) {
    let x0 = segments.iter().map(|s| s.x0).fold(f32::INFINITY, f32::min);
    let x1 = segments
        .iter()
        .map(|s| s.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    (x0, x1)
}

/// The x of the gap between two columns, when the page has two: a vertical line
/// near the middle that few segments cross, with plenty of text on each side.
fn gutter(segments: &[Segment], width: f32) -> Option<f32> {
    if segments.len() < 8 || !width.is_finite() || width <= 0.0 {
        return None;
    }
    let crossing = |g: f32| segments.iter().filter(|s| s.x0 < g && s.x1 > g).count();
    let mut best: Option<(usize, f32)> = None;
    let mut g = width * 0.3;
    while g <= width * 0.7 {
        let c = crossing(g);
        if best.is_none_or(|(bc, _)| c < bc) {
            best = Some((c, g));
        }
        g += 2.0;
    }
    let (crossings, g) = best?;
    let left = segments.iter().filter(|s| s.x1 <= g).count();
    let right = segments.iter().filter(|s| s.x0 >= g).count();
    let n = segments.len();
    let few_cross = crossings * 5 <= n;
    let both_full = left * 5 >= n && right * 5 >= n && left >= 4 && right >= 4;
    // Column text fills its column: the left column's lines end near the gutter.
    let left_reach = segments
        .iter()
        .filter(|s| s.x1 <= g)
        .map(|s| s.x1)
        .fold(0.0f32, f32::max);
    (few_cross && both_full && left_reach > g - width * 0.15).then_some(g)
}

/// Reads a two-column page: bands between full-width lines, each band's left
/// column before its right.
fn two_columns(mut segments: Vec<Segment>, g: f32, width: f32) -> Vec<Line> {
    segments.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut out = Vec::new();
    let (mut left, mut right): (Vec<Segment>, Vec<Segment>) = (Vec::new(), Vec::new());
    let (lx0, _) = extent(&segments);
    let (_, rx1) = extent(&segments);
    let flush = |out: &mut Vec<Line>, left: &mut Vec<Segment>, right: &mut Vec<Segment>| {
        out.extend(rows(std::mem::take(left), lx0, g));
        out.extend(rows(std::mem::take(right), g, rx1.max(g)));
    };
    for s in segments {
        if s.x0 < g && s.x1 > g {
            flush(&mut out, &mut left, &mut right);
            out.extend(rows(vec![s], lx0, rx1.min(width)));
        } else if s.x1 <= g {
            left.push(s);
        } else {
            right.push(s);
        }
    }
    flush(&mut out, &mut left, &mut right);
    out
}

/// Groups segments on one baseline into lines, top to bottom; cells far apart
/// on one line (a table row) are joined with " | ".
fn rows(mut segments: Vec<Segment>, col_x0: f32, col_x1: f32) -> Vec<Line> {
    segments.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut out: Vec<Line> = Vec::new();
    let mut row: Vec<Segment> = Vec::new();
    let finish = |row: &mut Vec<Segment>, out: &mut Vec<Line>| {
        if row.is_empty() {
            return;
        }
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut text = String::new();
        let mut prev_x1 = f32::NEG_INFINITY;
        let size = row.iter().map(|s| s.size).fold(0.0f32, f32::max);
        for s in row.iter() {
            if !text.is_empty() {
                text.push_str(if s.x0 - prev_x1 > 1.5 * size {
                    " | "
                } else {
                    " "
                });
            }
            text.push_str(&s.text);
            prev_x1 = s.x1;
        }
        let y = row
            .iter()
            .max_by(|a, b| a.size.total_cmp(&b.size))
            .map_or(0.0, |s| s.y);
        out.push(Line {
            x0: row.first().map_or(0.0, |s| s.x0),
            x1: prev_x1,
            y,
            size,
            text,
            col_x0,
            col_x1,
        });
        row.clear();
    };
    for s in segments {
        let same = row
            .first()
            .is_some_and(|r| (s.y - r.y).abs() <= 0.3 * r.size.max(s.size));
        if !same {
            finish(&mut row, &mut out);
        }
        row.push(s);
    }
    finish(&mut row, &mut out);
    out
}

/// Drops running headers and footers (the same line, numbers aside, at the top or
/// bottom of at least two pages and of most pages) and lines that are only a page
/// number, at the top or bottom of a page.
pub fn drop_running_lines(pages: &mut [PageLines]) {
    let margin = |p: &PageLines, l: &Line| l.y < p.height * 0.1 || l.y > p.height * 0.9;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for p in pages.iter() {
        let mut on_page: Vec<String> = p
            .lines
            .iter()
            .filter(|l| margin(p, l))
            .map(|l| shape(&l.text))
            .collect();
        on_page.sort();
        on_page.dedup();
        for k in on_page {
            *seen.entry(k).or_default() += 1;
        }
    }
    let n = pages.len();
    let running = |k: &str| seen.get(k).is_some_and(|&c| c >= 2 && c * 5 >= n * 2);
    for p in pages.iter_mut() {
        let height = p.height;
        p.lines.retain(|l| {
            let in_margin = l.y < height * 0.1 || l.y > height * 0.9;
            !(in_margin && (running(&shape(&l.text)) || is_page_number(&l.text)))
        });
    }
}

/// A line's shape for spotting repeats: lower case, digits as `#`, spaces collapsed.
fn shape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            out.push(if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            });
        }
    }
    out
}

/// "12", "- 12 -", "Page 12", "12 of 40", "Page 3 / 9", "xii".
fn is_page_number(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c.is_whitespace());
    let t = t.strip_prefix("page").map_or(t, str::trim_start);
    let t = t.strip_prefix("p.").map_or(t, str::trim_start);
    if t.is_empty() {
        return false;
    }
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 5;
    let roman = |w: &str| w.len() <= 6 && w.chars().all(|c| "ivxlc".contains(c));
    match words.as_slice() {
        [a] => number(a) || roman(a),
        [a, "of", b] => number(a) && number(b),
        [a, b] => number(a) && number(b),
        _ => false,
    }
}

/// Rebuilds paragraphs from the lines of all pages, in order. Headings are lines
/// set clearly larger than the body text.
pub fn paragraphs(pages: &[PageLines]) -> Vec<Block> {
    let body = body_size(pages);
    let spacing = line_spacing(pages, body);
    let mut out: Vec<Block> = Vec::new();
    let mut prev: Option<(&Line, u32)> = None;
    for page in pages {
        for line in &page.lines {
            let starts = match prev {
                None => true,
                Some((p, p_page)) => starts_paragraph(p, p_page, line, page.number, body, spacing),
            };
            let is_heading = line.size > body * 1.15 && line.text.chars().count() < 200;
            let table_row = |t: &str| t.contains(" | ");
            if !starts && let Some(last) = out.last_mut() {
                if table_row(&line.text) || prev.is_some_and(|(p, _)| table_row(&p.text)) {
                    // Table rows stay one to a line.
                    last.kind = BlockKind::Lines;
                    last.text.push('\n');
                    last.text.push_str(&line.text);
                } else {
                    join_line(&mut last.text, &line.text);
                }
            } else {
                let (kind, text) = match list_marker(&line.text) {
                    Some(len) if !is_heading => {
                        let (marker, rest) = line.text.split_at(len);
                        (
                            BlockKind::ListItem(format!("{} ", marker.trim_end())),
                            rest.trim_start().to_owned(),
                        )
                    }
                    _ if is_heading => (BlockKind::Heading, line.text.clone()),
                    _ => (BlockKind::Paragraph, line.text.clone()),
                };
                let mut block = Block::new(kind, text);
                block.page = Some(page.number);
                out.push(block);
            }
            prev = Some((line, page.number));
        }
    }
    out
}

/// Whether `line` starts a new paragraph after `prev`.
fn starts_paragraph(
    prev: &Line,
    prev_page: u32,
    line: &Line,
    page: u32,
    body: f32,
    spacing: f32,
) -> bool {
    let ends_sentence = prev
        .text
        .trim_end()
        .ends_with(['.', '!', '?', ':', '"', '”', '’', ')']);
    let starts_lower = line.text.chars().next().is_some_and(char::is_lowercase);
    if list_marker(&line.text).is_some() {
        return true;
    }
    let size_change = (line.size - prev.size).abs() > 0.12 * prev.size.max(line.size);
    if size_change {
        return true;
    }
    let same_flow = page == prev_page && (line.col_x0 - prev.col_x0).abs() < 1.0;
    if !same_flow {
        // A new page or column continues the paragraph only mid-sentence.
        return ends_sentence || !starts_lower;
    }
    let gap = line.y - prev.y;
    if gap > spacing * 1.4 || gap < -0.5 * body {
        return true;
    }
    let indent = line.x0 - line.col_x0;
    let prev_indent = prev.x0 - prev.col_x0;
    if indent > 1.2 * body && indent > prev_indent + body && !starts_lower {
        return true;
    }
    // A short line that ends a sentence ends its paragraph.
    let short = prev.x1 < prev.col_x1 - 4.0 * body;
    short && ends_sentence && !starts_lower
}

/// Appends a line to a paragraph: a word split by a line-end hyphen is joined
/// again when the next line goes on in lower case; a soft hyphen always joins.
fn join_line(paragraph: &mut String, next: &str) {
    let next = next.trim_start();
    if paragraph.ends_with('\u{ad}') {
        paragraph.pop();
        paragraph.push_str(next);
        return;
    }
    let before_hyphen = paragraph.strip_suffix('-').and_then(|p| p.chars().last());
    let next_lower = next.chars().next().is_some_and(char::is_lowercase);
    if before_hyphen.is_some_and(char::is_alphabetic) && next_lower {
        paragraph.pop();
        paragraph.push_str(next);
        return;
    }
    if !paragraph.ends_with(' ') {
        paragraph.push(' ');
    }
    paragraph.push_str(next);
}

/// Byte length of a list marker at the start of a line ("• ", "1. ", "a) ").
fn list_marker(text: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    if matches!(first, '•' | '▪' | '◦' | '‣' | '●' | '■' | '–' | '-' | '*') {
        let (i, next) = chars.next()?;
        return (next == ' ').then_some(i + 1);
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &text[digits..];
        if (rest.starts_with(". ") || rest.starts_with(") ")) && rest.len() > 2 {
            return Some(digits + 2);
        }
    }
    None
}

/// The most common font size, weighted by characters.
fn body_size(pages: &[PageLines]) -> f32 {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for l in pages.iter().flat_map(|p| &p.lines) {
        *counts.entry((l.size * 2.0).round() as i32).or_default() += l.text.len();
    }
    counts
        .into_iter()
        .max_by_key(|&(size, n)| (n, -size))
        .map_or(10.0, |(s, _)| s as f32 / 2.0)
}

/// The usual distance between baselines of body text.
fn line_spacing(pages: &[PageLines], body: f32) -> f32 {
    let mut gaps: Vec<f32> = Vec::new();
    for p in pages {
        for w in p.lines.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let gap = b.y - a.y;
            let body_lines = (a.size - body).abs() < 0.5 && (b.size - body).abs() < 0.5;
            if body_lines && gap > 0.0 && gap < 3.0 * body && (a.col_x0 - b.col_x0).abs() < 1.0 {
                gaps.push(gap);
            }
        }
    }
    if gaps.is_empty() {
        return body * 1.2;
    }
    gaps.sort_by(f32::total_cmp);
    gaps[gaps.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs for `text` set at (x, y), one per character, 0.5 em wide.
    fn run(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                x: x + i as f32 * size * 0.5,
                y,
                width: size * 0.5,
                size,
                text: c.to_string(),
            })
            .collect()
    }

    #[test]
    fn glyphs_become_lines_and_tables_keep_cells() {
        let mut g = run("Hello", 72.0, 100.0, 10.0);
        g.extend(run("world", 72.0 + 6.0 * 5.0, 100.0, 10.0));
        g.extend(run("2022", 72.0, 120.0, 10.0));
        g.extend(run("6.0", 200.0, 120.0, 10.0));
        let p = page_lines(1, 612.0, 792.0, &g);
        let texts: Vec<&str> = p.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["Hello world", "2022 | 6.0"]);
    }

    #[test]
    fn two_columns_are_read_left_then_right() {
        let mut g = run("A Title Across The Whole Page Width Here", 72.0, 60.0, 16.0);
        for i in 0..6 {
            let y = 100.0 + i as f32 * 12.0;
            g.extend(run(
                &format!("left column line number {i} words"),
                72.0,
                y,
                10.0,
            ));
            g.extend(run(
                &format!("right column line number {i} words"),
                320.0,
                y,
                10.0,
            ));
        }
        let p = page_lines(1, 612.0, 792.0, &g);
        let texts: Vec<&str> = p.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[0], "A Title Across The Whole Page Width Here");
        assert!(
            texts[1..7].iter().all(|t| t.starts_with("left")),
            "{texts:?}"
        );
        assert!(
            texts[7..].iter().all(|t| t.starts_with("right")),
            "{texts:?}"
        );
    }

    fn line(text: &str, y: f32, size: f32) -> Line {
        Line {
            x0: 72.0,
            x1: 72.0 + text.chars().count() as f32 * size * 0.5,
            y,
            size,
            text: text.into(),
            col_x0: 72.0,
            col_x1: 540.0,
        }
    }

    #[test]
    fn paragraphs_headings_and_hyphenation() {
        let long = "x".repeat(90);
        let pages = vec![PageLines {
            number: 3,
            height: 792.0,
            lines: vec![
                line("Findings", 100.0, 14.0),
                line(&format!("The {long} infor-"), 120.0, 10.0),
                line("mation was well-", 132.0, 10.0),
                line(&format!("Known {long} end."), 144.0, 10.0),
                line(&format!("Next {long} paragraph"), 168.0, 10.0),
                line("• an item", 180.0, 10.0),
            ],
        }];
        let blocks = paragraphs(&pages);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts[0], "Findings");
        assert_eq!(blocks[0].kind, BlockKind::Heading);
        assert_eq!(
            texts[1],
            format!("The {long} information was well- Known {long} end.")
        );
        assert_eq!(texts[2], format!("Next {long} paragraph"));
        assert_eq!(blocks[3].kind, BlockKind::ListItem("• ".into()));
        assert_eq!(texts[3], "an item");
        assert!(blocks.iter().all(|b| b.page == Some(3)));
    }

    #[test]
    fn running_headers_footers_and_page_numbers_go() {
        let pages: Vec<PageLines> = (1..=4)
            .map(|n| PageLines {
                number: n,
                height: 800.0,
                lines: vec![
                    line("Annual Report 2024", 30.0, 9.0),
                    line(&format!("Body text of page {n}."), 300.0, 10.0),
                    line(&format!("Page {n} of 4"), 780.0, 9.0),
                ],
            })
            .collect();
        let mut pages = pages;
        drop_running_lines(&mut pages);
        for p in &pages {
            assert_eq!(p.lines.len(), 1, "{:?}", p.lines);
            assert!(p.lines[0].text.starts_with("Body text"));
        }
        assert!(is_page_number("- 12 -"));
        assert!(is_page_number("xiv"));
        assert!(is_page_number("Page 3 / 9"));
        assert!(!is_page_number("2024 was a year"));
    }
}
