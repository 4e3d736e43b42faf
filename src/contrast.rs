//! WCAG 2 contrast arithmetic on plain RGB colours, shared by the app (verdict chips,
//! highlights) and the HTML report (verdict labels), so a verdict reads the same in
//! both and at least as well as the guidelines ask.
//!
//! Verdict colours come from the rating scheme, which a user may write, so they are
//! adjusted when used rather than trusted.

/// An opaque colour: red, green, blue.
pub type Rgb = [u8; 3];

/// WCAG 2's contrast for body text (success criterion 1.4.3, level AA): 4.5:1.
pub const MIN_TEXT_CONTRAST: f32 = 4.5;

/// The near-black used for text on light colours.
pub const DARK_TEXT: Rgb = [20, 20, 20];

/// White.
pub const WHITE: Rgb = [255, 255, 255];

/// Black.
pub const BLACK: Rgb = [0, 0, 0];

/// WCAG 2 relative luminance (0 black … 1 white).
pub fn relative_luminance(colour: Rgb) -> f32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(colour[0]) + 0.7152 * channel(colour[1]) + 0.0722 * channel(colour[2])
}

/// WCAG 2 contrast ratio between two colours (1 … 21).
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f32 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// [`DARK_TEXT`] or [`WHITE`], whichever contrasts more with `bg`.
pub fn text_on(bg: Rgb) -> Rgb {
    if contrast_ratio(DARK_TEXT, bg) >= contrast_ratio(WHITE, bg) {
        DARK_TEXT
    } else {
        WHITE
    }
}

/// `from` moved a fraction `t` of the way to `to`, channel by channel (as egui's
/// `lerp_to_gamma` does, so the app's colours do not change).
pub fn mix(from: Rgb, to: Rgb, t: f32) -> Rgb {
    let channel = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t + 0.5) as u8;
    [
        channel(from[0], to[0]),
        channel(from[1], to[1]),
        channel(from[2], to[2]),
    ]
}

/// The fill and text colour of a verdict label in `colour`: near-black or white text,
/// whichever reads better, and the fill darkened or lightened a little when neither
/// reaches [`MIN_TEXT_CONTRAST`] (mid-tones such as a bright red or purple).
pub fn chip_colours(colour: Rgb) -> (Rgb, Rgb) {
    let text = text_on(colour);
    let toward = if text == WHITE { BLACK } else { WHITE };
    let mut t = 0.0;
    loop {
        let fill = mix(colour, toward, t);
        if contrast_ratio(text, fill) >= MIN_TEXT_CONTRAST || t >= 1.0 {
            return (fill, text);
        }
        t += 0.02;
    }
}

/// `#RRGGBB`.
pub fn hex(colour: Rgb) -> String {
    format!("#{:02X}{:02X}{:02X}", colour[0], colour[1], colour[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_ratios() {
        assert!((contrast_ratio(BLACK, WHITE) - 21.0).abs() < 0.01);
        assert!((contrast_ratio([119, 119, 119], WHITE) - 4.48).abs() < 0.01);
        assert_eq!(text_on([255, 255, 0]), DARK_TEXT);
        assert_eq!(text_on([0, 0, 128]), WHITE);
    }

    #[test]
    fn chips_reach_the_text_contrast_whatever_the_colour() {
        for r in (0..=255).step_by(17) {
            for g in (0..=255).step_by(17) {
                for b in (0..=255).step_by(17) {
                    let (fill, text) = chip_colours([r, g, b]);
                    assert!(
                        contrast_ratio(fill, text) >= MIN_TEXT_CONTRAST,
                        "{:?}",
                        [r, g, b]
                    );
                }
            }
        }
        // A colour that already reads well is kept.
        assert_eq!(chip_colours([0, 0, 128]).0, [0, 0, 128]);
    }

    #[test]
    fn mix_goes_from_one_end_to_the_other() {
        assert_eq!(mix([10, 200, 30], BLACK, 0.0), [10, 200, 30]);
        assert_eq!(mix([10, 200, 30], BLACK, 1.0), BLACK);
        assert_eq!(mix(BLACK, WHITE, 0.5), [128, 128, 128]);
        assert_eq!(hex([1, 171, 255]), "#01ABFF");
    }
}
