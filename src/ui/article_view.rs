//! The article pane: the text with every claim highlighted in its verdict colour.
//!
//! The article is laid out per paragraph, and only the paragraphs in view are shown,
//! so the cost of a frame depends on the screen, not on the article's length.
//! Highlighted layouts are cached and reused until the paragraph's highlights,
//! the wrap width or the theme change.

use super::intent::Intent;
use super::palette::Palette;
use super::pane::PaneContext;
use super::suggestions::{Marks, SuggestionMark, SuggestionSpan};
use super::theme::{self, LineStyle};
use super::view_state::{SidePane, ViewRequest};
use crate::model::{Claim, ClaimId, Session, paragraph_ranges, text::CharIndex};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, Galley, Pos2, Rect, ScrollArea, Shape, Stroke, TextEdit, Ui, UiBuilder, Vec2};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

/// Vertical gap between paragraphs.
const PARAGRAPH_GAP: f32 = 14.0;

/// One paragraph of the article.
#[derive(Clone, Debug)]
struct Paragraph {
    /// Character range in the article.
    chars: Range<usize>,
    /// Byte range in the article.
    bytes: Range<usize>,
}

/// A highlighted stretch inside one paragraph (character offsets local to it).
#[derive(Clone, Debug, PartialEq, Hash)]
struct Span {
    start: usize,
    end: usize,
    kind: SpanKind,
    /// The verdict's colour (claims; suggestions take the palette's slate when laid out).
    colour: [u8; 3],
    selected: bool,
    /// The line its verdict group draws under it (claims), if any.
    cue: Option<LineStyle>,
}

/// What a highlighted stretch marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum SpanKind {
    /// A claim, filled in its verdict's colour.
    Claim(ClaimId),
    /// A suggested sentence, underlined rather than filled.
    Suggestion,
}

/// What the highlight spans were built from; they are rebuilt when it changes.
#[derive(Clone, Copy, Debug, PartialEq)]
struct HighlightKey {
    revision: u64,
    selected: Option<ClaimId>,
    suggestions: u64,
    selected_suggestion: Option<SuggestionSpan>,
}

/// A laid-out paragraph: the hash of what it was laid out from, its galley and its
/// underlines.
type CachedParagraph = (u64, Arc<Galley>, Arc<[Underline]>);

/// Layout state of the article pane, kept between frames.
#[derive(Default)]
pub struct ArticleView {
    article_sha: String,
    paragraphs: Vec<Paragraph>,
    char_index: CharIndex,
    /// Highlight spans per paragraph and their hash, rebuilt when claims change.
    spans: Vec<Vec<Span>>,
    span_hashes: Vec<u64>,
    spans_key: Option<HighlightKey>,
    /// Paragraph heights at `heights_width`: estimated from the text length until the
    /// paragraph is first laid out, then measured.
    heights: Vec<f32>,
    heights_width: f32,
    heights_font: f32,
    /// Top of each paragraph plus the total height; recomputed only when a height changes.
    offsets: Vec<f32>,
    offsets_dirty: bool,
    galleys: HashMap<usize, CachedParagraph>,
    /// The paragraph the user last pressed on, whose selection is the article's selection.
    active_paragraph: Option<(usize, egui::Id)>,
}

impl ArticleView {
    /// Shows the article header and text.
    pub fn ui(&mut self, cx: &PaneContext<'_>, ui: &mut Ui) -> Vec<Intent> {
        let mut intents = Vec::new();
        if cx.requested(&ViewRequest::ClearTextSelection)
            && let Some((_, id)) = self.active_paragraph
        {
            clear_selection(ui.ctx(), id);
        }
        let marks = cx.suggestions.marks();
        self.prepare(cx.session(), cx.revision(), cx.view.selected, marks);
        // The header sits in the text's column and wraps there: a 200-character
        // headline must not widen the panel and push the text under the side pane.
        let full_width = ui.available_width();
        let column = column_width(ui, full_width);
        let scroll_bar = ui.spacing().scroll.allocated_width();
        let pad = ((full_width - scroll_bar - column) / 2.0).max(0.0);
        ui.horizontal(|ui| {
            ui.add_space(pad);
            ui.vertical(|ui| {
                ui.set_width(column);
                self.header(ui, cx, &mut intents);
                if cx.view.find.open {
                    intents.extend(super::find_bar::ui(cx, ui));
                }
            });
        });
        ui.separator();
        self.text(ui, cx, marks, &mut intents);
        intents
    }

    /// Whether the keyboard is on the article text (which is read-only, so typing
    /// shortcuts still work there).
    pub fn has_keyboard(&self, ctx: &egui::Context) -> bool {
        let focused = ctx.memory(|m| m.focused());
        focused.is_some() && self.active_paragraph.map(|(_, id)| id) == focused
    }

    fn prepare(
        &mut self,
        session: &Session,
        revision: u64,
        selected: Option<ClaimId>,
        marks: Marks<'_>,
    ) {
        let article = &session.article;
        if self.article_sha != article.origin.sha256 || self.paragraphs.is_empty() {
            self.char_index = CharIndex::new(&article.text);
            self.paragraphs = paragraph_ranges(&article.text)
                .into_iter()
                .map(|chars| Paragraph {
                    bytes: self.char_index.byte_offset(&article.text, chars.start)
                        ..self.char_index.byte_offset(&article.text, chars.end),
                    chars,
                })
                .collect();
            self.article_sha = article.origin.sha256.clone();
            self.heights_width = 0.0;
            self.galleys.clear();
            self.spans_key = None;
        }
        let key = HighlightKey {
            revision,
            selected,
            suggestions: marks.generation,
            selected_suggestion: marks.selected,
        };
        if self.spans_key != Some(key) {
            self.rebuild_spans(session, selected, marks);
            self.spans_key = Some(key);
        }
    }

    /// Splits every claim into per-paragraph spans. Runs only when claims change.
    fn rebuild_spans(&mut self, session: &Session, selected: Option<ClaimId>, marks: Marks<'_>) {
        self.spans = vec![Vec::new(); self.paragraphs.len()];
        // A claim that needs review sits only roughly where its text used to be, so
        // it is not drawn: a highlight there would pass for a placed claim.
        let claims = session
            .claims
            .iter()
            .filter(|c| !c.needs_review)
            .map(|c| Span {
                start: c.anchor.start,
                end: c.anchor.end,
                kind: SpanKind::Claim(c.id),
                colour: session.scheme.colour_of(&c.status),
                selected: selected == Some(c.id),
                cue: theme::verdict_group(&session.scheme, &c.status).line_style(),
            });
        // The slate of suggestions is the palette's; which theme is decided when the
        // paragraph is laid out, so it is marked here by kind only.
        let suggestions = marks.suggestions.iter().map(|m| Span {
            start: m.span.start,
            end: m.span.end,
            kind: SpanKind::Suggestion,
            colour: [0, 0, 0],
            selected: marks.selected == Some(m.span),
            cue: None,
        });
        for span in claims.chain(suggestions) {
            let first = self
                .paragraphs
                .partition_point(|p| p.chars.end <= span.start);
            for (i, p) in self.paragraphs.iter().enumerate().skip(first) {
                if p.chars.start >= span.end {
                    break;
                }
                let start = span.start.max(p.chars.start) - p.chars.start;
                let end = span.end.min(p.chars.end) - p.chars.start;
                if start < end {
                    self.spans[i].push(Span {
                        start,
                        end,
                        ..span.clone()
                    });
                }
            }
        }
        self.span_hashes = self
            .spans
            .iter()
            .map(|spans| {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                spans.hash(&mut h);
                h.finish()
            })
            .collect();
    }

    fn header(&self, ui: &mut Ui, cx: &PaneContext<'_>, intents: &mut Vec<Intent>) {
        let article = &cx.session().article;
        let read_only = !cx.editable();
        ui.add_space(4.0);
        ui.add(egui::Label::new(egui::RichText::new(&article.title).heading().strong()).wrap());
        intents.extend(metadata_line(ui, &article.meta));
        ui.horizontal_wrapped(|ui| {
            let origin = article.origin.path.as_deref().unwrap_or("pasted text");
            ui.weak(format!(
                "{origin}  ·  {} words  ·  {} paragraphs",
                article.word_count(),
                self.paragraphs.len()
            ));
        });
        intents.extend(checked_before_line(ui, cx));
        ui.horizontal(|ui| {
            let has_selection = cx
                .view
                .text_selection
                .as_ref()
                .is_some_and(|r| r.start < r.end);
            let action = super::actions::Action::NewClaim;
            let button = ui
                .add_enabled(
                    has_selection && !read_only,
                    egui::Button::new(format!("+ {}", action.label())),
                )
                .on_hover_text(action.hint(ui.ctx()))
                .on_disabled_hover_text(if read_only {
                    "This session is open read-only"
                } else {
                    "Select text in the article first"
                });
            if button.clicked() {
                intents.push(Intent::Run(action));
            }
            if read_only {
                ui.weak("Read-only: claims cannot be added here");
            } else if has_selection {
                ui.weak("Selected text will become a claim");
            } else {
                ui.weak("Select text in the article to make a claim of it");
            }
        });
    }

    fn text(
        &mut self,
        ui: &mut Ui,
        cx: &PaneContext<'_>,
        marks: Marks<'_>,
        intents: &mut Vec<Intent>,
    ) {
        let session = cx.session();
        let width = column_width(ui, ui.available_width());
        let font = theme::article_font(ui.style());
        let row_height = font.size * theme::ARTICLE_LINE_HEIGHT;
        if (width - self.heights_width).abs() > 0.5 || font.size != self.heights_font {
            // A new width or text size: estimate every paragraph once; visible ones
            // get measured.
            self.heights_width = width;
            self.heights_font = font.size;
            self.heights = self
                .paragraphs
                .iter()
                .map(|p| {
                    estimate_height(
                        &session.article.text[p.bytes.clone()],
                        width,
                        font.size,
                        row_height,
                    )
                })
                .collect();
            self.offsets_dirty = true;
        }

        let mut scroll_to = None;
        for request in cx.requests {
            match request {
                ViewRequest::ScrollArticleTo(y) => scroll_to = Some(*y),
                ViewRequest::RevealClaimInArticle(id) => {
                    if let Some(claim) = session.claim(*id) {
                        let y = self.y_of_char(ui, session, claim.anchor.start, width);
                        scroll_to = Some((y - 120.0).max(0.0));
                    }
                }
                ViewRequest::RevealCharInArticle(char_idx) => {
                    let y = self.y_of_char(ui, session, *char_idx, width);
                    scroll_to = Some((y - 120.0).max(0.0));
                }
                _ => {}
            }
        }
        let mut area = ScrollArea::vertical().id_salt("article").auto_shrink(false);
        if let Some(y) = scroll_to {
            area = area.vertical_scroll_offset(y);
        }
        let output = area.show_viewport(ui, |ui, viewport| {
            self.update_offsets();
            let total = self.offsets.last().copied().unwrap_or(0.0);
            ui.set_height(total);
            let top = ui.max_rect().top();
            let left = ui.max_rect().left() + ((ui.max_rect().width() - width) / 2.0).max(0.0);
            let margin = viewport.height();
            let first = self
                .offsets
                .partition_point(|&y| y < viewport.min.y - margin)
                .saturating_sub(1);
            for i in first..self.paragraphs.len() {
                let y = self.offsets[i];
                if y > viewport.max.y + margin {
                    break;
                }
                let rect =
                    Rect::from_min_size(egui::pos2(left, top + y), Vec2::new(width, f32::INFINITY));
                ui.scope_builder(UiBuilder::new().max_rect(rect).id_salt(("para", i)), |ui| {
                    self.paragraph(ui, cx, marks, i, width, intents);
                });
            }
        });
        let scrolled = output.state.clamped_offset().y;
        if (scrolled - cx.view.article_scroll).abs() > 0.5 {
            intents.push(Intent::ArticleScrolled(scrolled));
        }
    }

    /// Recomputes paragraph tops after a height changed.
    fn update_offsets(&mut self) {
        if !self.offsets_dirty && self.offsets.len() == self.paragraphs.len() + 1 {
            return;
        }
        self.offsets.clear();
        let mut y = 0.0;
        for h in &self.heights {
            self.offsets.push(y);
            y += h + PARAGRAPH_GAP;
        }
        self.offsets.push(y);
        self.offsets_dirty = false;
    }

    /// Where character `char_idx` is, measured from the top of the text.
    fn y_of_char(&mut self, ui: &Ui, session: &Session, char_idx: usize, width: f32) -> f32 {
        let i = self
            .paragraphs
            .partition_point(|p| p.chars.end <= char_idx)
            .min(self.paragraphs.len().saturating_sub(1));
        self.update_offsets();
        let Some(p) = self.paragraphs.get(i).cloned() else {
            return 0.0;
        };
        let (galley, _) = self.galley(ui, session, i, width);
        let local = char_idx.saturating_sub(p.chars.start);
        self.offsets[i]
            + galley
                .pos_from_cursor(egui::text::CCursor::new(local))
                .min
                .y
    }

    fn paragraph(
        &mut self,
        ui: &mut Ui,
        cx: &PaneContext<'_>,
        marks: Marks<'_>,
        i: usize,
        width: f32,
        intents: &mut Vec<Intent>,
    ) {
        let session = cx.session();
        let Some(p) = self.paragraphs.get(i).cloned() else {
            return;
        };
        let (galley, underlines) = self.galley(ui, session, i, width);
        let mut text: &str = &session.article.text[p.bytes.clone()];
        let mut layouter = |_ui: &Ui, _text: &dyn egui::TextBuffer, _wrap: f32| galley.clone();
        let behind = super::find_bar::reserve_behind(ui);
        let output = TextEdit::multiline(&mut text)
            .id_salt(("article-paragraph", i))
            .frame(egui::Frame::NONE)
            .margin(egui::Margin::ZERO)
            .desired_width(width)
            .desired_rows(1)
            .layouter(&mut layouter)
            .show(ui);
        paint_underlines(ui.painter(), output.galley_pos, &output.galley, &underlines);
        let found: Vec<(Range<usize>, bool)> = cx
            .view
            .find
            .matches_in(p.chars.clone())
            .map(|(m, current)| {
                let start = m.start.max(p.chars.start) - p.chars.start;
                let end = m.end.min(p.chars.end) - p.chars.start;
                (start..end, current)
            })
            .collect();
        super::find_bar::paint_matches(ui, behind, output.galley_pos, &output.galley, &found);
        checked_before_marks(ui, cx, p.chars.clone(), output.galley_pos, &output.galley);
        let height = output.galley.size().y;
        if let Some(h) = self.heights.get_mut(i)
            && (*h - height).abs() > 0.1
        {
            *h = height;
            self.offsets_dirty = true;
        }

        let response = &output.response.response;
        // Each paragraph keeps its own selection state; only the one the user last
        // pressed on counts, and the previous one's selection is cleared so just one shows.
        let pressed =
            response.is_pointer_button_down_on() || response.drag_started() || response.clicked();
        if pressed && self.active_paragraph.map(|(idx, _)| idx) != Some(i) {
            if let Some((_, id)) = self.active_paragraph {
                clear_selection(ui.ctx(), id);
            }
            self.active_paragraph = Some((i, response.id));
        }
        // While the paragraph has the keyboard or the pointer, its selection is the
        // article's; once focus moves on (say, to the New claim button) the last one stays.
        let tracking = response.has_focus() || pressed || response.drag_stopped();
        if self.active_paragraph.map(|(idx, _)| idx) == Some(i) && tracking {
            let selection = output
                .cursor_range
                .map(|r| r.as_sorted_char_range())
                .filter(|r| r.start.0 < r.end.0)
                .map(|r| p.chars.start + r.start.0..p.chars.start + r.end.0);
            if selection != cx.view.text_selection {
                intents.push(Intent::TextSelected(selection));
            }
        }
        // The article character under the pointer, if the pointer is on the text
        // (cursor_from_pos snaps to the nearest character; ignore points far from it).
        let char_at = |pos: egui::Pos2| -> Option<usize> {
            let local = pos - output.galley_pos;
            let cursor = output.galley.cursor_from_pos(local);
            let caret = output.galley.pos_from_cursor(cursor);
            let near = (caret.center().x - local.x).abs() <= 14.0
                && local.y >= -2.0
                && local.y <= output.galley.size().y + 2.0;
            near.then_some(p.chars.start + cursor.index.0)
        };
        let claim_at = |pos| char_at(pos).and_then(|c| innermost_claim_at(session, c));
        let suggestion_at = |pos| char_at(pos).and_then(|c| suggestion_at(marks, c));
        let suggestions_open = cx.view.side == SidePane::Suggestions;
        if response.clicked()
            && cx.view.text_selection.is_none()
            && let Some(pos) = response.interact_pointer_pos()
        {
            if let Some(claim) = claim_at(pos) {
                intents.push(Intent::Select {
                    claim: Some(claim.id),
                    reveal_in_article: false,
                    reveal_in_list: true,
                });
            } else if suggestions_open && let Some(mark) = suggestion_at(pos) {
                intents.push(Intent::SelectSuggestion(Some(mark.span)));
            }
        }
        if let Some(pos) = response.hover_pos()
            && claim_at(pos).is_none()
            && let Some(SuggestionMark { score, .. }) = suggestion_at(pos)
        {
            response.clone().on_hover_ui_at_pointer(|ui| {
                ui.label(
                    egui::RichText::new(format!("Suggested claim · check-worthiness {score:.2}"))
                        .strong(),
                );
                ui.weak(if suggestions_open {
                    "Click to review it"
                } else {
                    "Open Suggestions in the side pane to review it"
                });
            });
        }
        if let Some(pos) = response.hover_pos()
            && let Some(claim) = claim_at(pos)
        {
            let status = session.scheme.name_of(&claim.status).to_owned();
            let (fill, on) = theme::chip(&session.scheme, &claim.status);
            let text = claim.text.clone();
            let sources = claim.sources.len();
            response.clone().on_hover_ui_at_pointer(|ui| {
                ui.set_max_width(360.0);
                ui.horizontal(|ui| {
                    ui.label(
                        egui::RichText::new(format!(" {status} "))
                            .background_color(fill)
                            .color(on),
                    );
                    ui.weak(format!(
                        "#{}  ·  {sources} source{}",
                        claim.number,
                        if sources == 1 { "" } else { "s" }
                    ));
                });
                ui.label(text);
                if let Some(words) = cx
                    .archive
                    .checked_before(claim.id)
                    .and_then(super::archive_pane::badge_words)
                {
                    ui.label(format!("↺ {words}"));
                }
                ui.weak("Click to select");
            });
        }
    }

    /// The highlighted layout of paragraph `i` and the lines to draw under it, from
    /// the cache when nothing changed.
    fn galley(
        &mut self,
        ui: &Ui,
        session: &Session,
        i: usize,
        width: f32,
    ) -> (Arc<Galley>, Arc<[Underline]>) {
        let palette = Palette::of(ui.visuals());
        let font = theme::article_font(ui.style());
        let key = {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (
                self.span_hashes.get(i),
                width.to_bits(),
                palette.dark,
                font.size.to_bits(),
            )
                .hash(&mut h);
            h.finish()
        };
        if let Some((k, g, u)) = self.galleys.get(&i)
            && *k == key
        {
            return (g.clone(), u.clone());
        }
        let Some(p) = self.paragraphs.get(i) else {
            let empty = ui.fonts_mut(|f| f.layout_job(LayoutJob::default()));
            return (empty, Arc::from(Vec::new()));
        };
        let text = &session.article.text[p.bytes.clone()];
        let spans = self.spans.get(i).map_or(&[][..], Vec::as_slice);
        let (mut job, underlines) = highlight_job(text, spans, font, palette);
        job.wrap.max_width = width;
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        let underlines: Arc<[Underline]> = Arc::from(underlines);
        // Keep the cache bounded: paragraphs far off screen are laid out again when needed.
        if self.galleys.len() > 400 {
            self.galleys.clear();
        }
        self.galleys
            .insert(i, (key, galley.clone(), underlines.clone()));
        (galley, underlines)
    }
}

/// "↺ 3 passages were checked before", under the headline, when the archive knows them:
/// a link to the first of them (the claim, or the suggestion on the Suggestions tab),
/// where the earlier checks are listed.
fn checked_before_line(ui: &mut Ui, cx: &PaneContext<'_>) -> Vec<Intent> {
    let session = cx.session();
    let claims: Vec<_> = session
        .claims
        .iter()
        .filter(|c| cx.archive.checked_before(c.id).is_some())
        .collect();
    let count = claims.len() + cx.archive.marks().len();
    if count == 0 {
        return Vec::new();
    }
    let clicked = ui
        .link(format!(
            "↺ {} checked before",
            crate::words::count(count, "passage was", "passages were")
        ))
        .on_hover_text("Marked ↺ in the margin. Click to go to the first; the earlier checks are listed beside it, with a button to copy one.")
        .clicked();
    if !clicked {
        return Vec::new();
    }
    let first_claim = claims.iter().min_by_key(|c| c.anchor.start);
    let first_mark = cx.archive.marks().iter().min_by_key(|m| m.start);
    match (first_claim, first_mark) {
        (Some(claim), mark) if mark.is_none_or(|m| claim.anchor.start <= m.start) => vec![
            Intent::ShowSide(SidePane::Claims),
            Intent::Select {
                claim: Some(claim.id),
                reveal_in_article: true,
                reveal_in_list: true,
            },
        ],
        (_, Some(mark)) => vec![
            Intent::ShowSide(SidePane::Suggestions),
            Intent::SelectSuggestion(Some(SuggestionSpan {
                start: mark.start,
                end: mark.end,
            })),
            Intent::RevealText(mark.start),
        ],
        _ => Vec::new(),
    }
}

/// A ↺ in the margin beside each passage of this paragraph that was checked before,
/// with the earlier verdict as its tooltip.
fn checked_before_marks(
    ui: &mut Ui,
    cx: &PaneContext<'_>,
    chars: std::ops::Range<usize>,
    galley_pos: egui::Pos2,
    galley: &Galley,
) {
    let session = cx.session();
    let claims = session.claims.iter().filter_map(|c| {
        let hits = cx.archive.checked_before(c.id)?;
        Some((c.anchor.start, super::archive_pane::badge_words(hits)?))
    });
    let sentences = cx
        .archive
        .marks()
        .iter()
        .map(|m| (m.start, format!("Checked before: {}", m.badge)));
    let colour = ui.visuals().hyperlink_color;
    for (start, words) in claims.chain(sentences) {
        if !chars.contains(&start) {
            continue;
        }
        let caret = galley.pos_from_cursor(egui::text::CCursor::new(start - chars.start));
        let rect = egui::Rect::from_min_size(
            egui::pos2(galley_pos.x - 18.0, galley_pos.y + caret.top()),
            egui::vec2(14.0, caret.height().max(14.0)),
        );
        ui.painter().text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "↺",
            egui::FontId::proportional(13.0),
            colour,
        );
        ui.interact(
            rect,
            ui.scope_id().with(("checked-before", start)),
            egui::Sense::hover(),
        )
        .on_hover_text(words);
    }
}

/// How wide the article's column is in a pane `full_width` wide: at most about 75
/// characters of the article font, for a comfortable line length.
fn column_width(ui: &Ui, full_width: f32) -> f32 {
    let size = theme::article_font(ui.style()).size;
    let widest = theme::ARTICLE_MAX_WIDTH * size / theme::ARTICLE_FONT_SIZE;
    (full_width - 24.0).clamp(120.0, widest.max(120.0))
}

/// Removes the text selection of a paragraph's text field, and takes the keyboard
/// from it: a focused text field without a selection puts its cursor back at the
/// next key and scrolls that cursor into view, which moved the article when a
/// verdict key followed New claim.
fn clear_selection(ctx: &egui::Context, id: egui::Id) {
    if let Some(mut state) = egui::text_edit::TextEditState::load(ctx, id) {
        state.cursor.set_char_range(None);
        state.store(ctx, id);
    }
    ctx.memory_mut(|m| m.surrender_focus(id));
}

/// The suggestion covering character `pos`, if any.
fn suggestion_at(marks: Marks<'_>, pos: usize) -> Option<SuggestionMark> {
    let upto = marks.suggestions.partition_point(|s| s.span.start <= pos);
    marks.suggestions[..upto]
        .iter()
        .rev()
        .find(|s| s.span.end > pos)
        .copied()
}

/// The shortest claim covering character `pos` (the most specific one when claims overlap).
fn innermost_claim_at(session: &Session, pos: usize) -> Option<&Claim> {
    let upto = session.claims.partition_point(|c| c.anchor.start <= pos);
    session.claims[..upto]
        .iter()
        .filter(|c| c.anchor.end > pos && !c.needs_review)
        .min_by_key(|c| c.anchor.len())
}

fn estimate_height(text: &str, width: f32, font_size: f32, row_height: f32) -> f32 {
    let avg_char = font_size * 0.5;
    let per_row = (width / avg_char).max(1.0);
    let rows: f32 = text
        .split('\n')
        .map(|l| (l.chars().count() as f32 / per_row).ceil().max(1.0))
        .sum();
    rows * row_height
}

/// A line to draw under characters `start..end` of a paragraph. egui's own text
/// underline sits at the bottom of the row, which with the article's tall line height
/// is far below the text, and is clipped away on a paragraph's last row; so the
/// article draws its lines itself, just under the baseline ([`paint_underlines`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Underline {
    /// First character (in the paragraph).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Colour and width.
    pub stroke: Stroke,
    /// Solid, dashed, dotted or wavy.
    pub style: LineStyle,
    /// 0: just under the baseline; 1: below that (a second claim on the same words).
    pub lane: u8,
}

/// Builds the layout of one paragraph and the lines under it: each stretch between
/// claim boundaries gets the background of the innermost claim covering it and a line
/// in the style of its verdict group; stretches covered by several claims get a second
/// line in the next claim's colour so overlaps stay visible; the selected claim is
/// drawn stronger, with a thicker line. Suggestions get a thin slate line, no fill.
/// Every colour comes from the theme's `palette`, which keeps the text readable on
/// each fill.
fn highlight_job(
    text: &str,
    spans: &[Span],
    font: egui::FontId,
    palette: &Palette,
) -> (LayoutJob, Vec<Underline>) {
    let plain = TextFormat {
        line_height: Some(font.size * theme::ARTICLE_LINE_HEIGHT),
        font_id: font,
        color: palette.article_text,
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    let mut underlines: Vec<Underline> = Vec::new();
    let mut underline = |u: Underline| match underlines
        .iter_mut()
        .rev()
        .find(|o| o.lane == u.lane && o.end == u.start)
    {
        // The same line continuing across a stretch boundary is one line, so its
        // dashes and waves run on evenly.
        Some(o) if o.stroke == u.stroke && o.style == u.style => o.end = u.end,
        _ => underlines.push(u),
    };
    let byte_of: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let char_len = byte_of.len() - 1;
    let mut cuts: Vec<usize> = vec![0, char_len];
    for s in spans {
        cuts.push(s.start.min(char_len));
        cuts.push(s.end.min(char_len));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let rgb = |span: &Span| match span.kind {
        SpanKind::Claim(_) => Color32::from_rgb(span.colour[0], span.colour[1], span.colour[2]),
        SpanKind::Suggestion => palette.suggestion,
    };
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a == b {
            continue;
        }
        let mut covering: Vec<&Span> = spans
            .iter()
            .filter(|s| s.kind != SpanKind::Suggestion && s.start <= a && s.end >= b)
            .collect();
        let suggested = spans
            .iter()
            .find(|s| s.kind == SpanKind::Suggestion && s.start <= a && s.end >= b);
        covering.sort_by_key(|s| (!s.selected, s.end - s.start));
        let mut format = plain.clone();
        let line = |span: &Span, width: f32, style: LineStyle, lane: u8| Underline {
            start: a,
            end: b,
            stroke: Stroke::new(width, palette.line(rgb(span))),
            style,
            lane,
        };
        if let Some(top) = covering.first() {
            format.background = palette.highlight_fill(rgb(top), top.selected);
            format.expand_bg = 1.0;
            if top.selected {
                underline(line(top, 2.5, top.cue.unwrap_or(LineStyle::Solid), 0));
            } else if let Some(style) = top.cue {
                underline(line(top, 1.5, style, 0));
            }
            // A second claim on the same words shows as a line of its own below.
            if let Some(next) = covering.get(1) {
                underline(line(next, 2.0, next.cue.unwrap_or(LineStyle::Solid), 1));
            }
        } else if let Some(s) = suggested {
            // Suggestions are outlined from below rather than filled, so they never
            // look like a verdict; the selected one gets a faint tint too.
            let width = if s.selected { 2.5 } else { 1.5 };
            underline(line(s, width, LineStyle::Solid, 0));
            if s.selected {
                format.background = palette.readable_tint(rgb(s), 0.18);
            }
        }
        job.append(&text[byte_of[a]..byte_of[b]], 0.0, format);
    }
    (job, underlines)
}

/// The line under the title: byline · site · date, then the address as a link
/// (click opens it in the browser, right-click copies it). Nothing when nothing is known.
fn metadata_line(ui: &mut Ui, meta: &crate::model::ArticleMeta) -> Vec<Intent> {
    let mut intents = Vec::new();
    let known = super::article_details::metadata_line(meta);
    let url = meta.url.trim();
    if known.is_empty() && url.is_empty() {
        return intents;
    }
    ui.horizontal_wrapped(|ui| {
        if !known.is_empty() {
            ui.label(egui::RichText::new(&known).italics())
                .on_hover_text("Article details (File › Article details…)");
        }
        if !url.is_empty() {
            if !known.is_empty() {
                ui.weak("·");
            }
            let link = ui
                .link(super::article_details::elide(url, 60))
                .on_hover_text(format!(
                    "{url}\nClick to open in the browser; right-click to copy"
                ));
            if link.clicked() {
                intents.push(Intent::OpenUrl(url.to_owned()));
            }
            if link.secondary_clicked() {
                intents.push(Intent::Copy {
                    text: url.to_owned(),
                    what: "the article's address".into(),
                });
            }
        }
    });
    intents
}

/// Where each underline runs on each row of `galley`, relative to the galley: from
/// the first to the last non-blank character it covers on that row, just under
/// that row's baseline. Returns the index into `underlines` with each stretch.
pub fn underline_segments(galley: &Galley, underlines: &[Underline]) -> Vec<(Pos2, Pos2, usize)> {
    let size = galley
        .job
        .sections
        .first()
        .map_or(theme::ARTICLE_FONT_SIZE, |s| s.format.font_id.size);
    let lanes = [size * 0.16, size * 0.38];
    let mut segments = Vec::new();
    for (n, u) in underlines.iter().enumerate() {
        for (placed, covered) in rows_covering(galley, u.start, u.end) {
            let first = covered.iter().find(|g| !g.chr.is_whitespace());
            let last = covered.iter().rfind(|g| !g.chr.is_whitespace());
            let (Some(first), Some(last)) = (first, last) else {
                continue;
            };
            let y = placed.pos.y + first.pos.y + lanes[usize::from(u.lane.min(1))];
            segments.push((
                egui::pos2(placed.pos.x + first.pos.x, y),
                egui::pos2(placed.pos.x + last.max_x(), y),
                n,
            ));
        }
    }
    segments
}

/// Each row of `galley` that characters `start..end` reach, with the glyphs of those
/// characters on it. A row holds one glyph per character, and a row that ends in a line
/// break stands for one character more than it has glyphs; underlines and find's
/// outlines both place themselves this way.
pub fn rows_covering(
    galley: &Galley,
    start: usize,
    end: usize,
) -> impl Iterator<Item = (&egui::epaint::text::PlacedRow, &[egui::epaint::text::Glyph])> {
    let mut row_start = 0;
    galley
        .rows
        .iter()
        .map_while(move |placed| {
            let glyphs = &placed.row.glyphs;
            let first = row_start;
            let row_end = first + glyphs.len();
            row_start = row_end + usize::from(placed.ends_with_newline);
            // Rows after the range are not walked.
            (first < end).then(|| {
                let (from, to) = (start.max(first), end.min(row_end));
                (from < to).then(|| (placed, &glyphs[from - first..to - first]))
            })
        })
        .flatten()
}

/// Draws the underlines of a paragraph laid out as `galley` at `origin`.
fn paint_underlines(
    painter: &egui::Painter,
    origin: Pos2,
    galley: &Galley,
    underlines: &[Underline],
) {
    if underlines.is_empty() {
        return;
    }
    for (a, b, n) in underline_segments(galley, underlines) {
        let (a, b) = (a + origin.to_vec2(), b + origin.to_vec2());
        let Some(u) = underlines.get(n) else {
            continue;
        };
        match u.style {
            LineStyle::Solid => {
                painter.line_segment([a, b], u.stroke);
            }
            LineStyle::Dashed => {
                painter.extend(Shape::dashed_line(&[a, b], u.stroke, 5.0, 3.0));
            }
            LineStyle::Dotted => {
                let radius = (u.stroke.width * 0.6).max(0.9);
                painter.extend(Shape::dotted_line(&[a, b], u.stroke.color, 4.0, radius));
            }
            LineStyle::Wavy => {
                painter.add(Shape::line(wave(a, b), u.stroke));
            }
        }
    }
}

/// A zigzag from `a` to `b` (on one row), like a spelling checker's line.
fn wave(a: Pos2, b: Pos2) -> Vec<Pos2> {
    const HALF_PERIOD: f32 = 3.0;
    const AMPLITUDE: f32 = 1.5;
    let mut points = Vec::new();
    let mut x = a.x;
    let mut up = true;
    while x < b.x {
        points.push(egui::pos2(x, a.y + if up { -AMPLITUDE } else { AMPLITUDE }));
        up = !up;
        x += HALF_PERIOD;
    }
    points.push(egui::pos2(b.x, a.y));
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, id: u64, selected: bool) -> Span {
        Span {
            start,
            end,
            kind: SpanKind::Claim(ClaimId(id)),
            colour: [200, 0, 0],
            selected,
            cue: Some(LineStyle::Wavy),
        }
    }

    fn job(text: &str, spans: &[Span]) -> (LayoutJob, Vec<Underline>) {
        highlight_job(
            text,
            spans,
            egui::FontId::proportional(theme::ARTICLE_FONT_SIZE),
            &super::super::palette::LIGHT,
        )
    }

    /// Lays `job` out as the article does, `width` points wide.
    fn layout(mut job: LayoutJob, width: f32) -> Arc<Galley> {
        job.wrap.max_width = width;
        let ctx = egui::Context::default();
        let mut galley = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            galley = Some(ui.fonts_mut(|f| f.layout_job(job.clone())));
        });
        output.textures_delta.clear();
        galley.expect("laid out")
    }

    #[test]
    fn highlight_sections_cover_text_exactly() {
        let text = "Ünïcode claims — overlap here.";
        let mut second = span(8, 22, 2, true);
        second.colour = [0, 0, 200];
        let (job, underlines) = job(text, &[span(0, 14, 1, false), second]);
        let rebuilt: String = job
            .sections
            .iter()
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(rebuilt, text);
        // The overlap and the rest of the selected claim share one fill (the
        // selected claim's); the overlap shows as a second line instead.
        assert_eq!(job.sections.len(), 3, "first claim, selected claim, after");
        assert_eq!(job.sections[2].format.background, Color32::TRANSPARENT);
        // egui draws no underline of its own: the article paints them.
        assert!(
            job.sections
                .iter()
                .all(|s| s.format.underline == Stroke::NONE)
        );
        // The selected claim has a thick line over all of it; the other claim shows
        // as a second line where they overlap, and as its own wavy line elsewhere.
        let selected = underlines
            .iter()
            .find(|u| u.lane == 0 && u.stroke.width >= 2.5)
            .expect("the selected claim's line");
        assert_eq!((selected.start, selected.end), (8, 22));
        assert!(
            underlines
                .iter()
                .any(|u| u.lane == 1 && (u.start, u.end) == (8, 14))
        );
        assert!(
            underlines
                .iter()
                .any(|u| u.lane == 0 && (u.start, u.end) == (0, 8) && u.style == LineStyle::Wavy)
        );
    }

    #[test]
    fn every_row_of_a_multi_line_claim_is_underlined_just_under_its_baseline() {
        let text = "The base has six thousand soldiers and it is the largest Russian base abroad, according to the ministry, which said so on Tuesday in Moscow.";
        let len = text.chars().count();
        let (job, underlines) = job(text, &[span(0, len, 1, true)]);
        let galley = layout(job, 200.0);
        assert!(galley.rows.len() >= 4, "wraps onto several rows");
        let segments = underline_segments(&galley, &underlines);
        assert_eq!(
            segments.len(),
            galley.rows.len(),
            "one line per row, the last included"
        );
        for ((a, b, _), row) in segments.iter().zip(&galley.rows) {
            let baseline = row.pos.y + row.row.glyphs[0].pos.y;
            assert!(
                a.y > baseline && a.y - baseline <= 4.0,
                "{} points under the baseline",
                a.y - baseline
            );
            assert!(a.y < row.rect().bottom(), "inside its own row");
            assert!(b.x > a.x);
        }
        // The last row's line ends at the full stop, not past the text.
        let (_, end, _) = segments.last().copied().unwrap_or_default();
        let last = galley.rows.last().expect("rows");
        assert!(
            (end.x - (last.pos.x + last.row.glyphs.last().map_or(0.0, |g| g.max_x()))).abs() < 0.5
        );
    }

    #[test]
    fn lines_skip_the_space_where_a_row_wraps() {
        let text = "aaaa bbbb cccc dddd eeee ffff gggg hhhh";
        let (job, underlines) = job(text, &[span(0, text.len(), 1, false)]);
        let galley = layout(job, 60.0);
        for ((_, b, _), row) in underline_segments(&galley, &underlines)
            .iter()
            .zip(&galley.rows)
        {
            let last_letter = row.row.glyphs.iter().rev().find(|g| !g.chr.is_whitespace());
            let end = row.pos.x + last_letter.map_or(0.0, |g| g.max_x());
            assert!((b.x - end).abs() < 0.5, "the line stops at the last letter");
        }
    }
}
