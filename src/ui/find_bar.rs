//! The find bar above the article (Ctrl+F) and the marks it leaves on the text: every
//! match outlined, the current one filled. The state it edits is
//! [`super::find::FindInArticle`]; it only returns intents.

use super::find::FindStep;
use super::intent::Intent;
use super::pane::PaneContext;
use super::view_state::ViewRequest;
use egui::{Color32, Galley, Key, Pos2, Rect, Stroke, StrokeKind, TextEdit, Ui};
use std::ops::Range;

/// Every match: a warm outline that shows on any verdict colour.
const MATCH_OUTLINE: Color32 = Color32::from_rgb(214, 130, 0);
/// Fill behind a match where no claim colours the text.
const MATCH_FILL: Color32 = Color32::from_rgba_premultiplied(120, 90, 0, 70);
/// The current match: a stronger outline and a fill drawn over the text.
const CURRENT_OUTLINE: Color32 = Color32::from_rgb(230, 81, 0);
const CURRENT_FILL: Color32 = Color32::from_rgba_premultiplied(115, 40, 0, 60);

/// The bar: the words, "3 of 12", Previous, Next and Close. Enter goes to the next
/// match and Shift+Enter to the previous one; Escape closes it.
pub fn ui(cx: &PaneContext<'_>, ui: &mut Ui) -> Vec<Intent> {
    let find = &cx.view.find;
    let mut intents = Vec::new();
    let mut step = |s| intents.push(Intent::Find(s));
    ui.horizontal(|ui| {
        let label = ui.label("Find in article");
        let mut query = find.query.clone();
        let field = ui
            .add(
                TextEdit::singleline(&mut query)
                    .id_salt("find-in-article")
                    .hint_text("Words to find")
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        if cx.requested(&ViewRequest::FocusFind) {
            field.request_focus();
        }
        if query != find.query {
            step(FindStep::Query(query));
        }
        // A one-line field gives up the keyboard on Enter and Escape.
        if field.lost_focus() {
            let (enter, escape, shift) = ui.input(|i| {
                (
                    i.key_pressed(Key::Enter),
                    i.key_pressed(Key::Escape),
                    i.modifiers.shift,
                )
            });
            if enter {
                step(FindStep::Step(if shift { -1 } else { 1 }));
                // Keep the keyboard here, so Enter can be pressed again.
                field.request_focus();
            } else if escape {
                step(FindStep::Close);
            }
        }
        let status = find.status();
        if !status.is_empty() {
            ui.weak(status);
        }
        let any = !find.matches().is_empty();
        if ui
            .add_enabled(any, egui::Button::new("Previous"))
            .on_hover_text("The previous match (Shift+Enter)")
            .clicked()
        {
            step(FindStep::Step(-1));
        }
        if ui
            .add_enabled(any, egui::Button::new("Next"))
            .on_hover_text("The next match (Enter)")
            .clicked()
        {
            step(FindStep::Step(1));
        }
        if ui
            .button("Close")
            .on_hover_text("Hide the find bar and its marks (Esc)")
            .clicked()
        {
            step(FindStep::Close);
        }
    });
    intents
}

/// Index of the shape painted behind a paragraph's text, reserved before the text is
/// drawn so the fill of the matches lands under the letters.
pub fn reserve_behind(ui: &Ui) -> egui::layers::ShapeIdx {
    ui.painter().add(egui::Shape::Noop)
}

/// Marks the matches `found` (character ranges in the paragraph laid out as `galley`
/// at `origin`, with whether each is the current one): a fill behind the text in the
/// reserved shape `behind`, an outline over it.
pub fn paint_matches(
    ui: &Ui,
    behind: egui::layers::ShapeIdx,
    origin: Pos2,
    galley: &Galley,
    found: &[(Range<usize>, bool)],
) {
    if found.is_empty() {
        return;
    }
    let painter = ui.painter();
    let mut fills = Vec::new();
    for (range, current) in found {
        for rect in range_rects(galley, range.start, range.end) {
            let rect = rect.translate(origin.to_vec2()).expand(1.0);
            fills.push(egui::Shape::rect_filled(rect, 2.0, MATCH_FILL));
            if *current {
                painter.rect_filled(rect, 2.0, CURRENT_FILL);
                painter.rect_stroke(
                    rect,
                    2.0,
                    Stroke::new(2.5, CURRENT_OUTLINE),
                    StrokeKind::Outside,
                );
            } else {
                painter.rect_stroke(
                    rect,
                    2.0,
                    Stroke::new(1.5, MATCH_OUTLINE),
                    StrokeKind::Outside,
                );
            }
        }
    }
    painter.set(behind, egui::Shape::Vec(fills));
}

/// The rectangles (relative to the galley) covering characters `start..end`, one per
/// row they are on: from the first covered glyph to the last, the row's full height.
pub fn range_rects(galley: &Galley, start: usize, end: usize) -> Vec<Rect> {
    super::article_view::rows_covering(galley, start, end)
        .filter_map(|(placed, covered)| {
            let (first, last) = (covered.first()?, covered.last()?);
            Some(Rect::from_min_max(
                egui::pos2(placed.pos.x + first.pos.x, placed.pos.y),
                egui::pos2(
                    placed.pos.x + last.max_x(),
                    placed.pos.y + placed.row.size.y,
                ),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn galley(text: &str, width: f32) -> std::sync::Arc<Galley> {
        let ctx = egui::Context::default();
        let mut galley = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            galley = Some(ui.fonts_mut(|f| {
                f.layout(
                    text.to_owned(),
                    egui::FontId::proportional(16.0),
                    Color32::BLACK,
                    width,
                )
            }));
        });
        output.textures_delta.clear();
        galley.expect("laid out")
    }

    #[test]
    fn a_match_on_one_row_is_one_rectangle_and_a_wrapped_one_two() {
        let text = "Troops left the base on Monday and troops came back on Friday.";
        let wide = galley(text, 2000.0);
        let rects = range_rects(&wide, 0, 6);
        assert_eq!(rects.len(), 1);
        assert!(rects[0].width() > 20.0 && rects[0].height() > 10.0);

        // Narrow enough that "on Monday and" wraps: a match across the wrap is drawn
        // on both rows, the second below the first.
        let narrow = galley(text, 150.0);
        assert!(narrow.rows.len() > 2);
        let all = range_rects(&narrow, 0, text.chars().count());
        assert_eq!(all.len(), narrow.rows.len());
        assert!(all.windows(2).all(|w| w[1].top() >= w[0].bottom() - 0.5));
    }

    #[test]
    fn rows_after_a_line_break_are_counted_right() {
        let text = "first line\nsecond line";
        let g = galley(text, 2000.0);
        // "second" starts at character 11, on the second row.
        let rects = range_rects(&g, 11, 17);
        assert_eq!(rects.len(), 1);
        assert!(rects[0].top() >= g.rows[1].pos.y - 0.5);
        assert!(rects[0].left() < 5.0, "at the start of its row");
    }
}
