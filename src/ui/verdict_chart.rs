//! The verdict chart: one bar split into the share of each verdict, in the scheme's
//! colours, with counts on the segments and names on hover. It updates as verdicts
//! change and doubles as the "reviewed vs total" bar (unreviewed claims are grey).

use super::theme;
use crate::model::RatingScheme;
use egui::{Align2, FontId, Rect, Sense, Ui, Vec2};

/// Draws the chart for `counts` (label id, number of claims) in a bar `height` high.
pub fn show(ui: &mut Ui, scheme: &RatingScheme, counts: &[(String, usize)], height: f32) {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(ui.available_width(), height), Sense::hover());
    let description: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(id, n)| format!("{}: {n}", scheme.name_of(id)))
        .collect();
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!("Verdicts: {}", description.join(", ")),
        )
    });
    if total == 0 || !ui.is_rect_visible(rect) {
        return;
    }
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
    let mut x = rect.left();
    let mut hovered = None;
    for (id, n) in counts.iter().filter(|(_, n)| *n > 0) {
        let w = rect.width() * *n as f32 / total as f32;
        let segment = Rect::from_min_size(egui::pos2(x, rect.top()), Vec2::new(w, height));
        let (fill, on) = theme::chip(scheme, id);
        painter.rect_filled(segment.shrink2(Vec2::new(0.5, 0.0)), 2.0, fill);
        let label = n.to_string();
        if w > 7.0 * label.len() as f32 + 6.0 {
            painter.text(
                segment.center(),
                Align2::CENTER_CENTER,
                label,
                FontId::proportional(11.0),
                on,
            );
        }
        if response.hover_pos().is_some_and(|p| segment.contains(p)) {
            hovered = Some(format!("{}: {n} of {total}", scheme.name_of(id)));
        }
        x += w;
    }
    if let Some(text) = hovered {
        response.on_hover_text_at_pointer(text);
    }
}
