//! Fonts, spacing, verdict colours and small painted elements shared by the panes;
//! applying the theme and article text size the preferences ask for. The colours
//! that differ between light and dark are in [`super::palette`].

use super::palette::{self, Palette};
use crate::model::RatingScheme;
use crate::prefs::{Appearance, ThemeChoice};
use egui::{Color32, FontId, Response, Sense, Stroke, Ui, Vec2};

/// Point size of the article text when the preferences say nothing else.
pub const ARTICLE_FONT_SIZE: f32 = Appearance::DEFAULT_ARTICLE_TEXT_SIZE;
/// Widest the article column grows, for a comfortable line length (about 75 characters).
pub const ARTICLE_MAX_WIDTH: f32 = 680.0;

/// The verdict's colour from the scheme, as the scheme gives it. Paint it through
/// [`chip`] or [`Palette::highlight_fill`], which keep text on it readable.
pub fn status_colour(scheme: &RatingScheme, status: &str) -> Color32 {
    let [r, g, b] = scheme.colour_of(status);
    Color32::from_rgb(r, g, b)
}

/// The fill and text colour of the verdict chip for `status` (the same in both themes).
pub fn chip(scheme: &RatingScheme, status: &str) -> (Color32, Color32) {
    palette::chip_colours(status_colour(scheme, status))
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

/// `text` laid out on one line of at most `width` points, cut short with "…" (line
/// breaks become spaces): a list row's wording or its line of details.
pub fn one_line(
    ui: &Ui,
    text: &str,
    size: f32,
    colour: Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple_singleline(
        text.replace('\n', " "),
        FontId::proportional(size),
        colour,
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width(width);
    ui.fonts_mut(|f| f.layout_job(job))
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
        Palette::of(visuals).selected_row
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

/// Applies Claimdesk's look to both themes: roomier spacing and each theme's
/// [`Palette`]. When the system's theme cannot be told, the light one is used.
pub fn apply(ctx: &egui::Context) {
    ctx.options_mut(|options| options.fallback_theme = egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = Vec2::new(8.0, 6.0);
        style.spacing.button_padding = Vec2::new(8.0, 3.0);
        style.spacing.interact_size.y = 22.0;
    });
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        ctx.style_mut_of(theme, |style| {
            Palette::for_theme(theme).apply_to(&mut style.visuals);
        });
    }
}

/// egui's name for a theme choice.
pub fn theme_preference(choice: ThemeChoice) -> egui::ThemePreference {
    match choice {
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
        ThemeChoice::System => egui::ThemePreference::System,
    }
}

/// Makes the context use `appearance`'s theme and article text size, if it does not
/// already. Cheap enough for every frame; returns whether anything changed (the
/// frame being drawn still has the old look, so ask for another).
pub fn apply_appearance(ctx: &egui::Context, appearance: &Appearance) -> bool {
    let mut changed = false;
    let theme = theme_preference(appearance.theme);
    if ctx.options(|o| o.theme_preference) != theme {
        ctx.set_theme(theme);
        changed = true;
    }
    let size = appearance.article_text_size();
    let current = [egui::Theme::Light, egui::Theme::Dark]
        .map(|theme| article_font(&ctx.style_of(theme)).size);
    if current.iter().any(|s| *s != size) {
        set_article_size(ctx, size);
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appearance_reaches_the_context_once() {
        let ctx = egui::Context::default();
        apply(&ctx);
        let dark = Appearance {
            theme: ThemeChoice::Dark,
            article_text_size: 22.0,
        };
        assert!(apply_appearance(&ctx, &dark));
        assert_eq!(ctx.theme(), egui::Theme::Dark);
        assert_eq!(article_font(&ctx.global_style()).size, 22.0);
        assert!(!apply_appearance(&ctx, &dark), "nothing left to change");
        // "Follow the system" with no system theme known: light.
        assert!(apply_appearance(&ctx, &Appearance::default()));
        assert_eq!(ctx.theme(), egui::Theme::Light);
        assert_eq!(
            article_font(&ctx.style_of(egui::Theme::Dark)).size,
            ARTICLE_FONT_SIZE
        );
    }
}
