//! The colours that change with the theme, and the WCAG contrast arithmetic that
//! keeps them readable.
//!
//! Every pane that paints a colour of its own (article highlights, verdict chips,
//! badges, list rows) asks [`Palette::of`] for the current theme's palette instead of
//! naming a colour. Verdict colours come from the rating scheme (a user may write
//! their own), so highlight fills and chips are adjusted at run time until text on
//! them reads at [`MIN_TEXT_CONTRAST`]; the tests below check every bundled scheme in
//! both themes.

use crate::contrast;
use egui::{Color32, Theme, Visuals};

/// WCAG 2's contrast for body text (success criterion 1.4.3, level AA): 4.5:1. Used
/// for every colour text is drawn in or on: article text on a highlight, chip text
/// on its chip, labels, links, warnings and badges on the panel.
pub use crate::contrast::MIN_TEXT_CONTRAST;

/// WCAG 2's contrast for marks that carry meaning but are not text (1.4.11): 3:1.
/// Used for the underlines that tell verdict groups apart.
pub const MIN_MARK_CONTRAST: f32 = 3.0;

/// The theme-dependent colours of the app.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Whether this is the dark palette.
    pub dark: bool,
    /// Background of panels and windows (the article's page).
    pub page: Color32,
    /// The article text: stronger than the interface's text, for long reading.
    pub article_text: Color32,
    /// Ordinary interface text.
    pub text: Color32,
    /// Secondary text (counts, hints, dates).
    pub weak_text: Color32,
    /// Links and the "checked before" marks.
    pub link: Color32,
    /// Warnings ("Unsaved changes", "needs review").
    pub warn: Color32,
    /// Errors.
    pub error: Color32,
    /// Suggestion badges and underlines: a neutral slate, unlike any verdict.
    pub suggestion: Color32,
    /// "raised" in a suggestion's score explanation.
    pub raised: Color32,
    /// "lowered" in a suggestion's score explanation.
    pub lowered: Color32,
    /// Fill of the selected list row (translucent, over [`Self::page`]); light
    /// enough for the text, weak text, links and badges drawn on it.
    pub selected_row: Color32,
    /// Opacity of a claim's highlight in the article, before it is lowered for
    /// readability ([`Self::highlight_fill`]).
    highlight_alpha: f32,
    /// The same for the selected claim, which stands out among overlapping ones.
    selected_highlight_alpha: f32,
}

/// The light palette (egui's light theme with its text colours made readable).
pub const LIGHT: Palette = Palette {
    dark: false,
    page: Color32::from_gray(248),
    article_text: Color32::from_gray(34),
    text: Color32::from_gray(80),
    weak_text: Color32::from_gray(104),
    link: Color32::from_rgb(0, 102, 204),
    warn: Color32::from_rgb(178, 72, 0),
    error: Color32::from_rgb(200, 0, 0),
    suggestion: Color32::from_rgb(84, 99, 128),
    raised: Color32::from_rgb(46, 125, 70),
    lowered: Color32::from_rgb(190, 60, 60),
    // egui's light selection blue at 30 %.
    selected_row: Color32::from_rgba_premultiplied(43, 63, 77, 77),
    highlight_alpha: 0.26,
    selected_highlight_alpha: 0.55,
};

/// The dark palette (egui's dark theme with brighter text for reading).
pub const DARK: Palette = Palette {
    dark: true,
    page: Color32::from_gray(27),
    article_text: Color32::from_gray(222),
    text: Color32::from_gray(200),
    weak_text: Color32::from_gray(150),
    link: Color32::from_rgb(90, 170, 255),
    warn: Color32::from_rgb(255, 143, 0),
    error: Color32::from_rgb(255, 100, 100),
    suggestion: Color32::from_rgb(140, 156, 186),
    raised: Color32::from_rgb(110, 200, 130),
    lowered: Color32::from_rgb(240, 120, 120),
    // egui's dark selection blue at 30 %.
    selected_row: Color32::from_rgba_premultiplied(0, 28, 38, 77),
    highlight_alpha: 0.3,
    selected_highlight_alpha: 0.5,
};

impl Palette {
    /// The palette of `theme`.
    pub fn for_theme(theme: Theme) -> &'static Palette {
        match theme {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }

    /// The palette matching `visuals` (what a pane is drawn with).
    pub fn of(visuals: &Visuals) -> &'static Palette {
        Self::for_theme(Theme::from_dark_mode(visuals.dark_mode))
    }

    /// Puts this palette's colours into egui's visuals for its theme.
    pub fn apply_to(&self, visuals: &mut Visuals) {
        visuals.panel_fill = self.page;
        visuals.window_fill = self.page;
        visuals.widgets.noninteractive.fg_stroke.color = self.text;
        visuals.widgets.noninteractive.bg_fill = self.page;
        visuals.widgets.noninteractive.weak_bg_fill = self.page;
        visuals.weak_text_color = Some(self.weak_text);
        visuals.hyperlink_color = self.link;
        visuals.warn_fg_color = self.warn;
        visuals.error_fg_color = self.error;
    }

    /// The background of a claim's highlight in the article: a tint of its verdict
    /// colour, stronger for the selected claim, and lowered as far as needed for the
    /// article text on it to keep [`MIN_TEXT_CONTRAST`].
    pub fn highlight_fill(&self, colour: Color32, selected: bool) -> Color32 {
        let alpha = if selected {
            self.selected_highlight_alpha
        } else {
            self.highlight_alpha
        };
        self.readable_tint(colour, alpha)
    }

    /// `colour` at opacity `alpha`, or as much lower as keeps the article text on it
    /// (over the page) at [`MIN_TEXT_CONTRAST`].
    pub fn readable_tint(&self, colour: Color32, alpha: f32) -> Color32 {
        let mut alpha = alpha.clamp(0.0, 1.0);
        loop {
            let fill = colour.gamma_multiply(alpha);
            if alpha <= 0.0
                || contrast_ratio(self.article_text, blend(fill, self.page)) >= MIN_TEXT_CONTRAST
            {
                return fill;
            }
            alpha = (alpha - 0.02).max(0.0);
        }
    }

    /// The verdict colour made to stand out from the page by [`MIN_MARK_CONTRAST`]:
    /// darkened on the light page, lightened on the dark one. Yellow underlines on
    /// white would otherwise all but vanish.
    pub fn line(&self, colour: Color32) -> Color32 {
        line_colour(colour, self.page)
    }
}

fn rgb(c: Color32) -> contrast::Rgb {
    [c.r(), c.g(), c.b()]
}

fn colour(c: contrast::Rgb) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// The fill and text colour of a verdict chip in `colour` ([`contrast::chip_colours`]:
/// the fill adjusted until its text reads at [`MIN_TEXT_CONTRAST`]). The same in both
/// themes and in the HTML report, so a verdict looks the same wherever it is shown.
pub fn chip_colours(c: Color32) -> (Color32, Color32) {
    let (fill, text) = contrast::chip_colours(rgb(c));
    (colour(fill), colour(text))
}

/// WCAG 2 relative luminance of an opaque colour (0 black … 1 white).
pub fn relative_luminance(c: Color32) -> f32 {
    contrast::relative_luminance(rgb(c))
}

/// WCAG 2 contrast ratio between two opaque colours (1 … 21).
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    contrast::contrast_ratio(rgb(a), rgb(b))
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

/// `colour` darkened (on a light page) or lightened (on a dark one) until a line in
/// it stands out from `page` by at least [`MIN_MARK_CONTRAST`].
pub fn line_colour(colour: Color32, page: Color32) -> Color32 {
    let toward = if relative_luminance(page) > 0.4 {
        Color32::BLACK
    } else {
        Color32::WHITE
    };
    let mut t = 0.0;
    loop {
        let c = colour.lerp_to_gamma(toward, t);
        if contrast_ratio(c, page) >= MIN_MARK_CONTRAST || t >= 1.0 {
            return c;
        }
        t += 0.05;
    }
}

#[cfg(test)]
mod tests {
    //! Issue 11: the verdict colours of every bundled scheme, and the interface's own
    //! colours, checked for contrast in both themes.
    //!
    //! The thresholds are WCAG 2.1 level AA:
    //! - text on a verdict chip, against the chip's fill: 4.5:1 (1.4.3, body text; the
    //!   chips use 11–12 pt text, well under the 18 pt that would allow 3:1);
    //! - the article text over a claim's highlight, selected or not: 4.5:1, so marking
    //!   a claim never makes its words harder to read;
    //! - the underline that tells verdict groups apart, against the page: 3:1 (1.4.11,
    //!   marks that carry meaning);
    //! - every interface text colour (text, weak text, links, warnings, errors, badges)
    //!   against the page, and those that list rows draw against the selected row:
    //!   4.5:1.
    //!
    //! A chip's outline against the page is not held to 3:1: the chip's meaning is its
    //! text, which is checked against the chip itself, and the claim row around it
    //! names the verdict to screen readers.

    use super::*;
    use crate::model::scheme_library::builtin_schemes;

    fn themes() -> [(&'static str, &'static Palette); 2] {
        [("light", &LIGHT), ("dark", &DARK)]
    }

    /// Every verdict colour of every bundled scheme, with its scheme and label, plus
    /// the grey used for a verdict a scheme does not know.
    fn verdict_colours() -> Vec<(String, Color32)> {
        let mut colours = vec![("unknown verdict".to_owned(), Color32::from_gray(128))];
        for scheme in builtin_schemes() {
            for label in &scheme.labels {
                let [r, g, b] = scheme.colour_of(&label.id);
                colours.push((
                    format!("{} › {}", scheme.name, label.name),
                    Color32::from_rgb(r, g, b),
                ));
            }
        }
        assert!(colours.len() > 30, "the bundled schemes are all here");
        colours
    }

    #[test]
    fn text_on_every_verdict_chip_reads_at_4_5_to_1() {
        for (name, colour) in verdict_colours() {
            let (fill, text) = chip_colours(colour);
            let ratio = contrast_ratio(text, fill);
            assert!(ratio >= MIN_TEXT_CONTRAST, "{name}: chip text {ratio:.2}:1");
        }
    }

    #[test]
    fn the_article_text_reads_at_4_5_to_1_on_every_highlight_in_both_themes() {
        for (theme, palette) in themes() {
            for (name, colour) in verdict_colours() {
                for selected in [false, true] {
                    let fill = blend(palette.highlight_fill(colour, selected), palette.page);
                    let ratio = contrast_ratio(palette.article_text, fill);
                    assert!(
                        ratio >= MIN_TEXT_CONTRAST,
                        "{theme}, {name}, selected {selected}: article text on the highlight {ratio:.2}:1"
                    );
                }
                // The selected claim still stands out from the others.
                let (plain, strong) = (
                    palette.highlight_fill(colour, false),
                    palette.highlight_fill(colour, true),
                );
                assert!(strong.a() > plain.a(), "{theme}, {name}");
            }
        }
    }

    #[test]
    fn verdict_underlines_stand_out_from_the_page_at_3_to_1_in_both_themes() {
        for (theme, palette) in themes() {
            for (name, colour) in verdict_colours() {
                let ratio = contrast_ratio(palette.line(colour), palette.page);
                assert!(
                    ratio >= MIN_MARK_CONTRAST,
                    "{theme}, {name}: underline {ratio:.2}:1"
                );
            }
            let ratio = contrast_ratio(palette.line(palette.suggestion), palette.page);
            assert!(ratio >= MIN_MARK_CONTRAST, "{theme}: suggestion line");
        }
    }

    #[test]
    fn interface_text_reads_at_4_5_to_1_on_the_page_and_the_selected_row() {
        for (theme, p) in themes() {
            // What list rows draw: text, the meta line, the ↺ badge, a score badge.
            let on_rows = [
                ("text", p.text),
                ("weak text", p.weak_text),
                ("link", p.link),
                ("suggestion badge", p.suggestion),
            ];
            let elsewhere = [
                ("article text", p.article_text),
                ("warning", p.warn),
                ("error", p.error),
                ("raised", p.raised),
                ("lowered", p.lowered),
            ];
            for (what, colour) in on_rows.iter().chain(&elsewhere) {
                let ratio = contrast_ratio(*colour, p.page);
                assert!(
                    ratio >= MIN_TEXT_CONTRAST,
                    "{theme}: {what} on the page {ratio:.2}:1"
                );
            }
            let selected = blend(p.selected_row, p.page);
            for (what, colour) in on_rows {
                let ratio = contrast_ratio(colour, selected);
                assert!(
                    ratio >= MIN_TEXT_CONTRAST,
                    "{theme}: {what} on the selected row {ratio:.2}:1"
                );
            }
        }
    }

    #[test]
    fn the_palette_reaches_egui_visuals() {
        for (theme, p) in themes() {
            let mut visuals = if p.dark {
                Visuals::dark()
            } else {
                Visuals::light()
            };
            p.apply_to(&mut visuals);
            assert_eq!(visuals.panel_fill, p.page, "{theme}");
            assert_eq!(visuals.text_color(), p.text, "{theme}");
            assert_eq!(visuals.weak_text_color(), p.weak_text, "{theme}");
            assert_eq!(Palette::of(&visuals), p, "{theme}");
        }
    }

    #[test]
    fn chip_text_contrasts_with_fill() {
        assert_eq!(
            chip_colours(Color32::from_rgb(224, 181, 39)).1,
            Color32::from_gray(20)
        );
        assert_eq!(
            chip_colours(Color32::from_rgb(46, 100, 60)).1,
            Color32::WHITE
        );
        // A mid-tone that neither text colour reads on is nudged until one does.
        let red = Color32::from_rgb(0xD9, 0x3F, 0x3F);
        let (fill, text) = chip_colours(red);
        assert!(contrast_ratio(text, red) < MIN_TEXT_CONTRAST);
        assert!(contrast_ratio(text, fill) >= MIN_TEXT_CONTRAST);
    }
}
