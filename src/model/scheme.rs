//! Rating schemes: the verdict labels an organisation publishes under.

use serde::{Deserialize, Serialize};

/// A verdict label's id within its scheme (for example `"mostly-true"`).
pub type LabelId = String;

/// A scheme of verdict labels, read from a RON file such as `assets/schemes/default.ron`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingScheme {
    /// Short machine name, unique among schemes (`"default"`, `"politifact"`).
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// The label that means "not yet reviewed"; new claims start with it.
    pub unreviewed: LabelId,
    /// The labels in the order they are offered (keys 1-9 pick them in this order).
    pub labels: Vec<RatingLabel>,
}

/// One verdict in a scheme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingLabel {
    /// Machine name, unique within the scheme.
    pub id: LabelId,
    /// Name shown to people and published as ClaimReview's `alternateName`.
    pub name: String,
    /// Display colour as `#RRGGBB`.
    pub colour: String,
    /// One line saying when to use this verdict.
    pub description: String,
    /// ClaimReview's numeric rating, when the label has one.
    #[serde(default)]
    pub rating: Option<NumericRating>,
}

impl RatingLabel {
    /// What people see: the name, or the id when a scheme file left the name blank
    /// (a verdict chip, menu entry or screen-reader label is never empty).
    pub fn display_name(&self) -> &str {
        match (self.name.trim(), self.id.trim()) {
            ("", "") => "Unnamed verdict",
            ("", id) => id,
            (name, _) => name,
        }
    }
}

/// ClaimReview's `ratingValue`, `bestRating` and `worstRating`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumericRating {
    /// This label's value.
    pub value: i32,
    /// The best value on the scale.
    pub best: i32,
    /// The worst value on the scale.
    pub worst: i32,
}

/// Why a scheme file is unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SchemeError {
    /// The file is not valid RON for a scheme.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// The scheme has no labels.
    #[error("the scheme has no labels")]
    NoLabels,
    /// Two labels share an id.
    #[error("two labels have the id \"{0}\"")]
    DuplicateLabel(String),
    /// `unreviewed` names a label that does not exist.
    #[error("the \"not yet reviewed\" label \"{0}\" is not one of the scheme's labels")]
    UnknownUnreviewed(String),
    /// A colour is not `#RRGGBB`.
    #[error("label \"{label}\" has colour \"{colour}\"; write it as #RRGGBB")]
    BadColour {
        /// The label.
        label: String,
        /// The colour text.
        colour: String,
    },
}

/// The bundled default scheme, as shipped in `assets/schemes/default.ron`.
pub const DEFAULT_SCHEME_RON: &str = include_str!("../../assets/schemes/default.ron");

impl RatingScheme {
    /// Parses and checks a scheme from RON text.
    pub fn from_ron(text: &str) -> Result<Self, SchemeError> {
        let scheme: RatingScheme = ron::from_str(text).map_err(|e| SchemeError::Syntax {
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
        scheme.validate()?;
        Ok(scheme)
    }

    /// Checks the scheme's internal consistency.
    pub fn validate(&self) -> Result<(), SchemeError> {
        if self.labels.is_empty() {
            return Err(SchemeError::NoLabels);
        }
        for (i, label) in self.labels.iter().enumerate() {
            if self.labels[..i].iter().any(|l| l.id == label.id) {
                return Err(SchemeError::DuplicateLabel(label.id.clone()));
            }
            if parse_colour(&label.colour).is_none() {
                return Err(SchemeError::BadColour {
                    label: label.id.clone(),
                    colour: label.colour.clone(),
                });
            }
        }
        if self.label(&self.unreviewed).is_none() {
            return Err(SchemeError::UnknownUnreviewed(self.unreviewed.clone()));
        }
        Ok(())
    }

    /// The bundled default scheme.
    pub fn builtin_default() -> Self {
        #[allow(clippy::expect_used)]
        // The file is compiled in and checked by `default_scheme_is_valid`; it cannot vary at run time.
        Self::from_ron(DEFAULT_SCHEME_RON).expect("bundled default scheme is valid")
    }

    /// Looks a label up by id.
    pub fn label(&self, id: &str) -> Option<&RatingLabel> {
        self.labels.iter().find(|l| l.id == id)
    }

    /// Finds a label by id or, ignoring case, by name (what a person types on the command line).
    pub fn find_label(&self, id_or_name: &str) -> Option<&RatingLabel> {
        self.label(id_or_name).or_else(|| {
            self.labels
                .iter()
                .find(|l| l.name.eq_ignore_ascii_case(id_or_name.trim()))
        })
    }

    /// Position of a label in the scheme's order.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.labels.iter().position(|l| l.id == id)
    }

    /// The label's display name ([`RatingLabel::display_name`]), or the raw id when
    /// the scheme lacks it.
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.label(id).map_or(id, RatingLabel::display_name)
    }

    /// The label's colour as RGB, grey when unknown.
    pub fn colour_of(&self, id: &str) -> [u8; 3] {
        self.label(id)
            .and_then(|l| parse_colour(&l.colour))
            .unwrap_or([128, 128, 128])
    }

    /// Whether a claim with this label has been reviewed.
    pub fn is_reviewed(&self, id: &str) -> bool {
        id != self.unreviewed
    }
}

/// Parses `#RRGGBB`.
pub fn parse_colour(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 11: a blank name (a scheme file may leave it so) never reaches the
    /// screen as an empty chip or menu entry.
    #[test]
    fn a_blank_label_name_shows_as_its_id() {
        let mut s = RatingScheme::builtin_default();
        s.labels[1].name = " ".into();
        let id = s.labels[1].id.clone();
        assert_eq!(s.name_of(&id), id);
        s.labels[1].id = String::new();
        assert_eq!(s.labels[1].display_name(), "Unnamed verdict");
        assert_eq!(s.labels[2].display_name(), s.labels[2].name);
    }

    #[test]
    fn default_scheme_is_valid() {
        let s = RatingScheme::from_ron(DEFAULT_SCHEME_RON).unwrap();
        let names: Vec<_> = s.labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Unverified",
                "True",
                "Mostly true",
                "Half true",
                "Mostly false",
                "False",
                "Misleading",
                "Unproven"
            ]
        );
        assert_eq!(s.unreviewed, "unverified");
        assert!(s.labels.iter().all(|l| !l.description.is_empty()));
    }

    #[test]
    fn finds_labels_by_id_or_name() {
        let s = RatingScheme::builtin_default();
        assert_eq!(
            s.find_label("mostly-true").map(|l| l.name.as_str()),
            Some("Mostly true")
        );
        assert_eq!(
            s.find_label("MOSTLY TRUE").map(|l| l.id.as_str()),
            Some("mostly-true")
        );
        assert!(s.find_label("pants on fire").is_none());
    }

    #[test]
    fn broken_schemes_are_explained() {
        assert!(matches!(
            RatingScheme::from_ron("(id: "),
            Err(SchemeError::Syntax { .. })
        ));
        let bad_colour = r#"(id: "x", name: "X", unreviewed: "a", labels: [(id: "a", name: "A", colour: "red", description: "")])"#;
        assert!(matches!(
            RatingScheme::from_ron(bad_colour),
            Err(SchemeError::BadColour { .. })
        ));
        let bad_unreviewed = r##"(id: "x", name: "X", unreviewed: "b", labels: [(id: "a", name: "A", colour: "#000000", description: "")])"##;
        assert!(matches!(
            RatingScheme::from_ron(bad_unreviewed),
            Err(SchemeError::UnknownUnreviewed(_))
        ));
    }

    #[test]
    fn parses_colours() {
        assert_eq!(parse_colour("#FF8000"), Some([255, 128, 0]));
        assert_eq!(parse_colour("FF8000"), None);
        assert_eq!(parse_colour("#FF80"), None);
        assert_eq!(parse_colour("#ÿÿÿ"), None);
    }
}
