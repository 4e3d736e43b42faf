//! Colours, fonts and small painted elements shared by the panes.

use crate::model::RatingScheme;
use egui::{Color32, FontId, Response, RichText, Sense, Stroke, Ui, Vec2};

/// Point size of the article text.
pub const ARTICLE_FONT_SIZE: f32 = 16.5;
/// Widest the article column grows, for a comfortable line length (about 75 characters).
pub const ARTICLE_MAX_WIDTH: f32 = 680.0;

/// Colour of suggestion underlines in the article and of the suggestions pane's
/// badges: a neutral slate, unlike any verdict.
pub const SUGGESTION_COLOUR: Color32 = Color32::from_rgb(96, 112, 140);

/// The verdict's colour from the scheme.
pub fn status_colour(scheme: &RatingScheme, status: &str) -> Color32 {
    let [r, g, b] = scheme.colour_of(status);
    Color32::from_rgb(r, g, b)
}

/// Background for a highlighted claim span: a light tint of the verdict colour,
/// stronger for the selected claim so it stands out among overlapping highlights.
pub fn highlight_fill(colour: Color32, selected: bool, dark: bool) -> Color32 {
    let alpha = match (selected, dark) {
        (true, false) => 0.55,
        (false, false) => 0.26,
        (true, true) => 0.5,
        (false, true) => 0.3,
    };
    colour.gamma_multiply(alpha)
}

/// Black or white, whichever reads better on `bg`.
pub fn text_on(bg: Color32) -> Color32 {
    let luma = 0.299 * f32::from(bg.r()) + 0.587 * f32::from(bg.g()) + 0.114 * f32::from(bg.b());
    if luma > 150.0 {
        Color32::from_gray(20)
    } else {
        Color32::WHITE
    }
}

/// A rounded verdict chip ("Mostly false") in the label's colour.
pub fn status_chip(ui: &mut Ui, scheme: &RatingScheme, status: &str) -> Response {
    let colour = status_colour(scheme, status);
    let text = RichText::new(scheme.name_of(status))
        .size(12.0)
        .color(text_on(colour));
    let button = egui::Button::new(text)
        .fill(colour)
        .stroke(Stroke::NONE)
        .corner_radius(8.0)
        .min_size(Vec2::new(0.0, 18.0))
        .sense(Sense::hover());
    ui.add(button)
}

/// Takes the space of one clickable list row, described to screen readers and tests
/// as a selectable list item. The rect comes back only when the row is on screen
/// (there is nothing to paint otherwise).
pub fn list_row(
    ui: &mut Ui,
    height: f32,
    selected: bool,
    accessible: &str,
) -> (Response, Option<egui::Rect>) {
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), height), Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::ListItem, true, selected, accessible)
    });
    let visible = ui.is_rect_visible(rect).then_some(rect);
    (response, visible)
}

/// Paints the background of a list row: tinted when selected, faint when hovered.
pub fn paint_row(
    ui: &Ui,
    rect: egui::Rect,
    response: &Response,
    selected: bool,
    border: Option<Color32>,
) {
    let visuals = ui.visuals();
    let fill = if selected {
        visuals.selection.bg_fill.gamma_multiply(0.45)
    } else if response.hovered() {
        visuals.faint_bg_color
    } else {
        Color32::TRANSPARENT
    };
    let stroke = match (selected, border) {
        (true, _) => Stroke::new(1.0, visuals.selection.stroke.color),
        (false, Some(colour)) => Stroke::new(1.0, colour),
        (false, None) => Stroke::NONE,
    };
    ui.painter()
        .rect(rect, 6.0, fill, stroke, egui::StrokeKind::Inside);
}

/// Font for the article body.
pub fn article_font() -> FontId {
    FontId::proportional(ARTICLE_FONT_SIZE)
}

/// Applies Claimdesk's look: roomier spacing and a light theme suited to reading.
pub fn apply(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    ctx.global_style_mut(|style| {
        style.spacing.item_spacing = Vec2::new(8.0, 6.0);
        style.spacing.button_padding = Vec2::new(8.0, 3.0);
        style.spacing.interact_size.y = 22.0;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chip_text_contrasts_with_fill() {
        assert_eq!(
            text_on(Color32::from_rgb(224, 181, 39)),
            Color32::from_gray(20)
        );
        assert_eq!(text_on(Color32::from_rgb(46, 100, 60)), Color32::WHITE);
    }

    #[test]
    fn selected_highlight_is_stronger() {
        let c = Color32::from_rgb(200, 50, 50);
        assert!(highlight_fill(c, true, false).a() > highlight_fill(c, false, false).a());
    }
}
