//! The article pane: the text with every claim highlighted in its verdict colour.
//!
//! The article is laid out per paragraph, and only the paragraphs in view are shown,
//! so the cost of a frame depends on the screen, not on the article's length.
//! Highlighted layouts are cached and reused until the paragraph's highlights,
//! the wrap width or the theme change.

use super::intent::Intent;
use super::theme;
use super::view_state::ViewState;
use crate::model::{Claim, ClaimId, Session, paragraph_ranges, text::CharIndex};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, Galley, Rect, ScrollArea, Stroke, TextEdit, Ui, UiBuilder, Vec2};
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
    claim: ClaimId,
    colour: [u8; 3],
    selected: bool,
    /// A suggested sentence rather than a claim (drawn underlined, not filled).
    suggestion: bool,
}

/// Suggested sentences to mark in the article, besides the claims.
#[derive(Clone, Copy, Debug, Default)]
pub struct Marks<'a> {
    /// (start, end, score) of each suggestion shown, sorted by start.
    pub suggestions: &'a [(usize, usize, f32)],
    /// The suggestion selected in the suggestions pane.
    pub selected: Option<(usize, usize)>,
    /// Changes whenever the list above changes (for caching).
    pub key: u64,
}

/// Layout state of the article pane, kept between frames.
#[derive(Default)]
pub struct ArticleView {
    article_sha: String,
    paragraphs: Vec<Paragraph>,
    char_index: CharIndex,
    /// Highlight spans per paragraph and their hash, rebuilt when claims change.
    spans: Vec<Vec<Span>>,
    span_hashes: Vec<u64>,
    spans_key: Option<(u64, Option<ClaimId>, u64)>,
    /// Paragraph heights at `heights_width`: estimated from the text length until the
    /// paragraph is first laid out, then measured.
    heights: Vec<f32>,
    heights_width: f32,
    /// Top of each paragraph plus the total height; recomputed only when a height changes.
    offsets: Vec<f32>,
    offsets_dirty: bool,
    galleys: HashMap<usize, (u64, Arc<Galley>)>,
    /// The paragraph the user last pressed on, whose selection is the article's selection.
    active_paragraph: Option<(usize, egui::Id)>,
}

impl ArticleView {
    /// Shows the article header and text.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        revision: u64,
        marks: Marks<'_>,
        view: &mut ViewState,
        intents: &mut Vec<Intent>,
    ) {
        self.prepare(session, revision, view.selected, marks);
        self.header(ui, session, view, intents);
        ui.separator();
        self.text(ui, session, marks, view, intents);
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
        let key = (revision, selected, marks.key);
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
                claim: c.id,
                colour: session.scheme.colour_of(&c.status),
                selected: selected == Some(c.id),
                suggestion: false,
            });
        let [r, g, b, _] = super::suggestions::SUGGESTION_COLOUR.to_array();
        let suggestions = marks.suggestions.iter().map(|&(start, end, _)| Span {
            start,
            end,
            claim: ClaimId(0),
            colour: [r, g, b],
            selected: marks.selected == Some((start, end)),
            suggestion: true,
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

    fn header(&self, ui: &mut Ui, session: &Session, view: &ViewState, intents: &mut Vec<Intent>) {
        let article = &session.article;
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading(egui::RichText::new(&article.title).strong());
        });
        ui.horizontal_wrapped(|ui| {
            let origin = article.origin.path.as_deref().unwrap_or("pasted text");
            ui.weak(format!(
                "{origin}  ·  {} words  ·  {} paragraphs",
                article.word_count(),
                self.paragraphs.len()
            ));
        });
        ui.horizontal(|ui| {
            let has_selection = view
                .text_selection
                .as_ref()
                .is_some_and(|r| r.start < r.end);
            let action = super::actions::Action::NewClaim;
            let button = ui
                .add_enabled(
                    has_selection && !view.read_only,
                    egui::Button::new(format!("+ {}", action.label())),
                )
                .on_hover_text(action.hint(ui.ctx()))
                .on_disabled_hover_text(if view.read_only {
                    "This session is open read-only"
                } else {
                    "Select text in the article first"
                });
            if button.clicked() {
                intents.push(Intent::Run(action));
            }
            if view.read_only {
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
        session: &Session,
        marks: Marks<'_>,
        view: &mut ViewState,
        intents: &mut Vec<Intent>,
    ) {
        let full_width = ui.available_width();
        let width = (full_width - 24.0).clamp(120.0, theme::ARTICLE_MAX_WIDTH);
        let row_height = ui.fonts_mut(|f| f.row_height(&theme::article_font()));
        if (width - self.heights_width).abs() > 0.5 {
            // A new width: estimate every paragraph once; visible ones get measured.
            self.heights_width = width;
            self.heights = self
                .paragraphs
                .iter()
                .map(|p| estimate_height(&session.article.text[p.bytes.clone()], width, row_height))
                .collect();
            self.offsets_dirty = true;
        }

        let reveal = view
            .reveal_in_article
            .take()
            .and_then(|id| session.claim(id))
            .map(|c| c.anchor.start)
            .or(view.reveal_char.take());
        if let Some(char_idx) = reveal {
            let y = self.y_of_char(ui, session, char_idx, width);
            view.restore_article_scroll = Some((y - 120.0).max(0.0));
        }
        let mut area = ScrollArea::vertical().id_salt("article").auto_shrink(false);
        if let Some(y) = view.restore_article_scroll.take() {
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
                    self.paragraph(ui, session, marks, i, width, view, intents);
                });
            }
        });
        view.article_scroll = output.state.clamped_offset().y;
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
        let galley = self.galley(ui, session, i, width);
        let local = char_idx.saturating_sub(p.chars.start);
        self.offsets[i]
            + galley
                .pos_from_cursor(egui::text::CCursor::new(local))
                .min
                .y
    }

    #[allow(clippy::too_many_arguments)] // the per-frame inputs of one paragraph, all borrowed
    fn paragraph(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        marks: Marks<'_>,
        i: usize,
        width: f32,
        view: &mut ViewState,
        intents: &mut Vec<Intent>,
    ) {
        let Some(p) = self.paragraphs.get(i).cloned() else {
            return;
        };
        let galley = self.galley(ui, session, i, width);
        let mut text: &str = &session.article.text[p.bytes.clone()];
        let mut layouter = |_ui: &Ui, _text: &dyn egui::TextBuffer, _wrap: f32| galley.clone();
        let output = TextEdit::multiline(&mut text)
            .id_salt(("article-paragraph", i))
            .frame(egui::Frame::NONE)
            .margin(egui::Margin::ZERO)
            .desired_width(width)
            .desired_rows(1)
            .layouter(&mut layouter)
            .show(ui);
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
        if self.active_paragraph.map(|(idx, _)| idx) == Some(i)
            && (tracking || view.clear_text_selection)
        {
            if view.clear_text_selection {
                clear_selection(ui.ctx(), response.id);
                view.clear_text_selection = false;
                view.text_selection = None;
            } else {
                view.text_selection = output
                    .cursor_range
                    .map(|r| r.as_sorted_char_range())
                    .filter(|r| r.start.0 < r.end.0)
                    .map(|r| p.chars.start + r.start.0..p.chars.start + r.end.0);
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
        if response.clicked()
            && view.text_selection.is_none()
            && let Some(pos) = response.interact_pointer_pos()
        {
            if let Some(claim) = claim_at(pos) {
                intents.push(Intent::Select {
                    claim: Some(claim.id),
                    reveal_in_article: false,
                    reveal_in_list: true,
                });
            } else if view.side == super::view_state::SidePane::Suggestions
                && let Some((start, end, _)) = suggestion_at(pos)
            {
                intents.push(Intent::SelectSuggestion { start, end });
            }
        }
        let suggestions_open = view.side == super::view_state::SidePane::Suggestions;
        if let Some(pos) = response.hover_pos()
            && claim_at(pos).is_none()
            && let Some((_, _, score)) = suggestion_at(pos)
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
            let colour = theme::status_colour(&session.scheme, &claim.status);
            let text = claim.text.clone();
            let sources = claim.sources.len();
            response.clone().on_hover_ui_at_pointer(|ui| {
                ui.set_max_width(360.0);
                ui.horizontal(|ui| {
                    ui.label(
                        egui::RichText::new(format!(" {status} "))
                            .background_color(colour)
                            .color(theme::text_on(colour)),
                    );
                    ui.weak(format!(
                        "#{}  ·  {sources} source{}",
                        claim.number,
                        if sources == 1 { "" } else { "s" }
                    ));
                });
                ui.label(text);
                ui.weak("Click to select");
            });
        }
    }

    /// The highlighted layout of paragraph `i`, from the cache when nothing changed.
    fn galley(&mut self, ui: &Ui, session: &Session, i: usize, width: f32) -> Arc<Galley> {
        let dark = ui.visuals().dark_mode;
        let key = {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (self.span_hashes.get(i), width.to_bits(), dark).hash(&mut h);
            h.finish()
        };
        if let Some((k, g)) = self.galleys.get(&i)
            && *k == key
        {
            return g.clone();
        }
        let Some(p) = self.paragraphs.get(i) else {
            return ui.fonts_mut(|f| f.layout_job(LayoutJob::default()));
        };
        let text = &session.article.text[p.bytes.clone()];
        let spans = self.spans.get(i).map_or(&[][..], Vec::as_slice);
        let mut job = highlight_job(text, spans, ui.visuals().text_color(), dark);
        job.wrap.max_width = width;
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        // Keep the cache bounded: paragraphs far off screen are laid out again when needed.
        if self.galleys.len() > 400 {
            self.galleys.clear();
        }
        self.galleys.insert(i, (key, galley.clone()));
        galley
    }
}

/// Removes the text selection of a paragraph's text field.
fn clear_selection(ctx: &egui::Context, id: egui::Id) {
    if let Some(mut state) = egui::text_edit::TextEditState::load(ctx, id) {
        state.cursor.set_char_range(None);
        state.store(ctx, id);
    }
}

/// The suggestion covering character `pos`, if any.
fn suggestion_at(marks: Marks<'_>, pos: usize) -> Option<(usize, usize, f32)> {
    let upto = marks.suggestions.partition_point(|s| s.0 <= pos);
    marks.suggestions[..upto]
        .iter()
        .rev()
        .find(|s| s.1 > pos)
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

fn estimate_height(text: &str, width: f32, row_height: f32) -> f32 {
    let avg_char = super::theme::ARTICLE_FONT_SIZE * 0.5;
    let per_row = (width / avg_char).max(1.0);
    let rows: f32 = text
        .split('\n')
        .map(|l| (l.chars().count() as f32 / per_row).ceil().max(1.0))
        .sum();
    rows * row_height
}

/// Builds the layout of one paragraph: each stretch between claim boundaries gets the
/// background of the innermost claim covering it; stretches covered by several claims
/// get an underline in the next claim's colour so overlaps stay visible, and the
/// selected claim is drawn stronger with a solid underline.
fn highlight_job(text: &str, spans: &[Span], text_colour: Color32, dark: bool) -> LayoutJob {
    let font = theme::article_font();
    let plain = TextFormat {
        font_id: font.clone(),
        color: text_colour,
        line_height: Some(theme::ARTICLE_FONT_SIZE * 1.55),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
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
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a == b {
            continue;
        }
        let mut covering: Vec<&Span> = spans
            .iter()
            .filter(|s| !s.suggestion && s.start <= a && s.end >= b)
            .collect();
        let suggested = spans
            .iter()
            .find(|s| s.suggestion && s.start <= a && s.end >= b);
        covering.sort_by_key(|s| (!s.selected, s.end - s.start));
        let mut format = plain.clone();
        if let Some(top) = covering.first() {
            let colour = Color32::from_rgb(top.colour[0], top.colour[1], top.colour[2]);
            format.background = theme::highlight_fill(colour, top.selected, dark);
            format.expand_bg = 1.0;
            // A second claim on the same words shows as an underline in its colour;
            // otherwise the selected claim is underlined in its own.
            if let Some(next) = covering.get(1) {
                format.underline = Stroke::new(
                    2.0,
                    Color32::from_rgb(next.colour[0], next.colour[1], next.colour[2]),
                );
            } else if top.selected {
                format.underline = Stroke::new(2.0, colour);
            }
        } else if let Some(s) = suggested {
            // Suggestions are outlined from below rather than filled, so they never
            // look like a verdict; the selected one gets a faint tint too.
            let colour = Color32::from_rgb(s.colour[0], s.colour[1], s.colour[2]);
            format.underline = Stroke::new(if s.selected { 2.5 } else { 1.5 }, colour);
            if s.selected {
                format.background = colour.gamma_multiply(0.18);
            }
        }
        job.append(&text[byte_of[a]..byte_of[b]], 0.0, format);
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, id: u64, selected: bool) -> Span {
        Span {
            start,
            end,
            claim: ClaimId(id),
            suggestion: false,
            colour: [200, 0, 0],
            selected,
        }
    }

    #[test]
    fn highlight_sections_cover_text_exactly() {
        let text = "Ünïcode claims — overlap here.";
        let mut second = span(8, 22, 2, true);
        second.colour = [0, 0, 200];
        let job = highlight_job(
            text,
            &[span(0, 14, 1, false), second],
            Color32::BLACK,
            false,
        );
        let rebuilt: String = job
            .sections
            .iter()
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(rebuilt, text);
        assert_eq!(
            job.sections.len(),
            4,
            "before, overlap, selected-only, after"
        );
        assert!(
            job.sections[1].format.underline.width >= 2.0,
            "overlap shows the selected claim"
        );
        assert_eq!(job.sections[3].format.background, Color32::TRANSPARENT);
    }
}
