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

/// Near-black or white, whichever contrasts more with `bg` (WCAG contrast ratio).
pub fn text_on(bg: Color32) -> Color32 {
    let dark = Color32::from_gray(20);
    if contrast_ratio(dark, bg) >= contrast_ratio(Color32::WHITE, bg) {
        dark
    } else {
        Color32::WHITE
    }
}

/// WCAG 2 relative luminance of an opaque colour (0 black … 1 white).
pub fn relative_luminance(colour: Color32) -> f32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(colour.r()) + 0.7152 * channel(colour.g()) + 0.0722 * channel(colour.b())
}

/// WCAG 2 contrast ratio between two opaque colours (1 … 21). Text needs 4.5, lines
/// and other marks that carry meaning 3.
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// What a translucent `fill` looks like painted over the opaque `page`.
pub fn blend(fill: Color32, page: Color32) -> Color32 {
    // Color32 is premultiplied: the result is fill + page × (1 − alpha).
    let keep = 1.0 - f32::from(fill.a()) / 255.0;
    let mix = |f: u8, p: u8| (f32::from(f) + f32::from(p) * keep).round().min(255.0) as u8;
    Color32::from_rgb(
        mix(fill.r(), page.r()),
        mix(fill.g(), page.g()),
        mix(fill.b(), page.b()),
    )
}

/// The verdict colour darkened (on a light page) or lightened (on a dark one) until a
/// line in it stands out from `page` by at least 3:1, the contrast WCAG asks of marks
/// that carry meaning. Yellow underlines on white would otherwise all but vanish.
pub fn line_colour(colour: Color32, page: Color32) -> Color32 {
    let toward = if relative_luminance(page) > 0.4 {
        Color32::BLACK
    } else {
        Color32::WHITE
    };
    let mut t = 0.0;
    loop {
        let c = colour.lerp_to_gamma(toward, t);
        if contrast_ratio(c, page) >= 3.0 || t >= 1.0 {
            return c;
        }
        t += 0.05;
    }
}

/// Verdicts grouped by what they say, so a highlight can be told apart by more than
/// its colour: each group draws its own line style under the claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VerdictGroup {
    /// Not reviewed yet: no line.
    Unreviewed,
    /// Rated near the top of the scheme's scale (true, mostly true): a solid line.
    Holds,
    /// Rated mid-scale (half true, missing context): a dashed line.
    Mixed,
    /// Rated at the bottom of the scale (false, mostly false): a wavy line.
    Fails,
    /// Reviewed, but the label has no rating (unproven, satire): a dotted line.
    Unrated,
}

/// How a line under the text is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineStyle {
    /// One unbroken line.
    Solid,
    /// Short dashes.
    Dashed,
    /// Dots.
    Dotted,
    /// A zigzag, like a spelling checker's.
    Wavy,
}

impl VerdictGroup {
    /// The line drawn under claims of this group, if any.
    pub fn line_style(self) -> Option<LineStyle> {
        match self {
            VerdictGroup::Unreviewed => None,
            VerdictGroup::Holds => Some(LineStyle::Solid),
            VerdictGroup::Mixed => Some(LineStyle::Dashed),
            VerdictGroup::Fails => Some(LineStyle::Wavy),
            VerdictGroup::Unrated => Some(LineStyle::Dotted),
        }
    }

    /// How the line is described in tooltips and to screen readers.
    pub fn describe(self) -> &'static str {
        match self {
            VerdictGroup::Unreviewed => "not reviewed, no underline",
            VerdictGroup::Holds => "holds up, solid underline",
            VerdictGroup::Mixed => "mixed, dashed underline",
            VerdictGroup::Fails => "does not hold up, wavy underline",
            VerdictGroup::Unrated => "no rating, dotted underline",
        }
    }
}

/// Which group the verdict `status` of `scheme` belongs to, by its place on the
/// scheme's rating scale.
pub fn verdict_group(scheme: &RatingScheme, status: &str) -> VerdictGroup {
    if !scheme.is_reviewed(status) {
        return VerdictGroup::Unreviewed;
    }
    let Some(rating) = scheme.label(status).and_then(|l| l.rating) else {
        return VerdictGroup::Unrated;
    };
    let span = f64::from(rating.best) - f64::from(rating.worst);
    if span == 0.0 {
        return VerdictGroup::Unrated;
    }
    let position = (f64::from(rating.value) - f64::from(rating.worst)) / span;
    // PolitiFact's "Half true" sits at 0.6 and its "Mostly false" at 0.4.
    if position > 0.62 {
        VerdictGroup::Holds
    } else if position > 0.4 + 1e-9 {
        VerdictGroup::Mixed
    } else {
        VerdictGroup::Fails
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

/// Row height of the article text, in multiples of its size.
pub const ARTICLE_LINE_HEIGHT: f32 = 1.55;

/// The style name of the article body text; its size is the user's preference.
const ARTICLE_STYLE: &str = "article";

/// Font for the article body, at the size chosen in the preferences.
pub fn article_font(style: &egui::Style) -> FontId {
    style
        .text_styles
        .get(&egui::TextStyle::Name(ARTICLE_STYLE.into()))
        .cloned()
        .unwrap_or_else(|| FontId::proportional(ARTICLE_FONT_SIZE))
}

/// Sets the article's text size (points).
pub fn set_article_size(ctx: &egui::Context, size: f32) {
    ctx.all_styles_mut(|style| {
        style.text_styles.insert(
            egui::TextStyle::Name(ARTICLE_STYLE.into()),
            FontId::proportional(size),
        );
    });
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
