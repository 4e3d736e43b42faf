//! One earlier check as the archive keeps it: the claim, its verdict and evidence,
//! the article it came from and where it lives (a session file, or a published review).

use crate::model::{NumericRating, Stance};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// A claim that was checked before, copied out of a session file or a published review.
///
/// The archive keeps these as a cache: the files they were read from stay the only
/// source of truth, and a claim changes here only when its file changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArchivedClaim {
    /// The claim as worded by the fact-checker (a session claim's text, ClaimReview's
    /// `claimReviewed`).
    pub text: String,
    /// The verdict it was given.
    pub verdict: Verdict,
    /// Who made the claim; may be empty.
    #[serde(default)]
    pub claimant: String,
    /// The desk's note on the claim; may be empty.
    #[serde(default)]
    pub note: String,
    /// The evidence recorded for it, in the order it was added.
    #[serde(default)]
    pub sources: Vec<ArchivedSource>,
    /// The article the claim was found in.
    #[serde(default)]
    pub article: ArticleFacts,
    /// The fact-check's own headline (published reviews only).
    #[serde(default)]
    pub headline: Option<String>,
    /// Who published the check (published reviews only; a session is the desk's own).
    #[serde(default)]
    pub publisher: Option<String>,
    /// When it was checked, `YYYY-MM-DD`: a review's publication date, or for a session
    /// the latest day a source was read, else the day the file was last saved.
    #[serde(default)]
    pub date: Option<String>,
    /// Where the check lives.
    pub origin: Origin,
}

/// A verdict as it was given, in the rating scheme it was given in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// The label's id in its session's scheme; `None` for published reviews.
    #[serde(default)]
    pub label_id: Option<String>,
    /// The label's name as shown to people ("Mostly false"); a review's `alternateName`.
    pub name: String,
    /// ClaimReview's numeric rating, where known.
    #[serde(default)]
    pub rating: Option<NumericRating>,
    /// False for a claim still at its scheme's "not yet reviewed" label: it was marked,
    /// not checked, and is never offered as "checked before".
    pub reviewed: bool,
}

/// A piece of evidence recorded for an archived claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchivedSource {
    /// Where the evidence can be found.
    pub url: String,
    /// Title of the page or the publisher's name.
    #[serde(default)]
    pub title: String,
    /// The passage that matters, quoted.
    #[serde(default)]
    pub quote: String,
    /// Which way it points.
    #[serde(default)]
    pub stance: Stance,
    /// The day the source was read, `YYYY-MM-DD` (may be empty).
    #[serde(default)]
    pub accessed: String,
}

/// What is known of the article a claim was found in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleFacts {
    /// The headline.
    #[serde(default)]
    pub title: String,
    /// When it was published, `YYYY-MM-DD`, if known.
    #[serde(default)]
    pub date: Option<String>,
    /// Where it was published, if known.
    #[serde(default)]
    pub url: Option<String>,
}

/// Where an archived check lives, so the app can open it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Origin {
    /// A claim in a session file.
    Session {
        /// The session file.
        path: PathBuf,
        /// The claim's id in that session (what [`crate::model::Session::claim`] takes).
        claim_id: u64,
        /// The number the desk sees for the claim in that session.
        number: u64,
    },
    /// A published review, read from a ClaimReview or CSV file.
    Review {
        /// The file it was imported from.
        file: PathBuf,
        /// The review's URL (may be empty when a CSV row has none).
        url: String,
    },
}

impl Origin {
    /// The file the check was read from (a session, or an imported review file).
    pub fn file(&self) -> &std::path::Path {
        match self {
            Origin::Session { path, .. } => path,
            Origin::Review { file, .. } => file,
        }
    }

    /// The published review's URL, when there is one.
    pub fn review_url(&self) -> Option<&str> {
        match self {
            Origin::Review { url, .. } if !url.trim().is_empty() => Some(url.trim()),
            _ => None,
        }
    }
}

impl ArchivedClaim {
    /// "False, 12 Mar 2026" or "False": the verdict and the day, for a badge.
    pub fn badge(&self) -> String {
        match self.date.as_deref().and_then(human_date) {
            Some(day) => format!("{}, {day}", self.verdict.name),
            None => self.verdict.name.clone(),
        }
    }
}

/// `2026-03-12` as `12 Mar 2026`; `None` for anything that is not such a date.
pub fn human_date(iso: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let valid = crate::export::date::parse_date(iso).ok()?;
    let month: usize = valid.get(5..7)?.parse().ok()?;
    let day: u32 = valid.get(8..10)?.parse().ok()?;
    Some(format!(
        "{day} {} {}",
        MONTHS.get(month.checked_sub(1)?)?,
        valid.get(0..4)?
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(human_date("2026-03-12").as_deref(), Some("12 Mar 2026"));
        assert_eq!(human_date("2026-13-12"), None);
        assert_eq!(human_date("March"), None);
    }
}
