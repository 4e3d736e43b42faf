//! Evidence recorded for a claim.

use super::ids::SourceId;
use serde::{Deserialize, Serialize};

/// A piece of evidence: where it is, what it says and which way it points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Stable id within the session.
    pub id: SourceId,
    /// Where the evidence can be found.
    pub url: String,
    /// Title of the page or the publisher's name.
    pub title: String,
    /// The passage that matters, quoted.
    #[serde(default)]
    pub quote: String,
    /// Whether the evidence supports or refutes the claim.
    pub stance: Stance,
    /// The day the source was read, `YYYY-MM-DD` (may be empty).
    #[serde(default)]
    pub accessed: String,
}

impl Source {
    /// What to call the source in a report: its title, or its URL when it has none.
    pub fn display_name(&self) -> &str {
        match self.title.trim() {
            "" => self.url.trim(),
            title => title,
        }
    }
}

/// Which way a source points. `Stance::iter()` (strum) lists them in the order they
/// are offered.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumIter,
)]
pub enum Stance {
    /// The source backs the claim.
    Supports,
    /// The source contradicts the claim.
    Refutes,
    /// Background that neither supports nor refutes.
    #[default]
    Context,
}

impl Stance {
    /// Lower-case word for the stance, as used on the command line and in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Refutes => "refutes",
            Stance::Context => "context",
        }
    }

    /// The word shown in the app ("Supports").
    pub fn label(self) -> &'static str {
        match self {
            Stance::Supports => "Supports",
            Stance::Refutes => "Refutes",
            Stance::Context => "Context",
        }
    }

    /// Parses the lower-case word.
    pub fn parse(s: &str) -> Option<Self> {
        use strum::IntoEnumIterator as _;
        Self::iter().find(|st| st.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// The fields of a source a person fills in; the session assigns the id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceDraft {
    /// Where the evidence can be found.
    pub url: String,
    /// Title or publisher.
    pub title: String,
    /// The quoted passage.
    pub quote: String,
    /// Which way it points.
    pub stance: Stance,
    /// Day accessed, `YYYY-MM-DD`.
    pub accessed: String,
}

impl SourceDraft {
    /// Turns the draft into a source with the given id.
    pub fn into_source(self, id: SourceId) -> Source {
        Source {
            id,
            url: self.url,
            title: self.title,
            quote: self.quote,
            stance: self.stance,
            accessed: self.accessed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_is_named_by_its_title_or_else_its_url() {
        let mut s = SourceDraft {
            url: " https://example.org/report ".into(),
            title: "  ".into(),
            ..Default::default()
        }
        .into_source(SourceId(1));
        assert_eq!(s.display_name(), "https://example.org/report");
        s.title = " Annual report ".into();
        assert_eq!(s.display_name(), "Annual report");
    }

    #[test]
    fn stance_words_round_trip() {
        use strum::IntoEnumIterator as _;
        for s in Stance::iter() {
            assert_eq!(Stance::parse(s.as_str()), Some(s));
        }
        assert_eq!(Stance::parse(" Refutes "), Some(Stance::Refutes));
        assert_eq!(Stance::parse("maybe"), None);
    }
}
