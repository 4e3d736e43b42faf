//! Conflicts a merge leaves inside a session for a person to settle.
//!
//! When two people change the same thing differently (a claim's verdict, its note,
//! the article text), the merge does not guess and never writes git's raw
//! `<<<<<<<` markers: the session keeps the common ancestor's value ("base") and
//! records a [`Conflict`] with both sides' values, which side each came from and who
//! made it where known. The file stays a valid session that opens anywhere;
//! [`crate::command::Command::ResolveConflict`] settles one conflict (undoably), and
//! exports refuse until none is left.

use super::anchor::Anchor;
use super::article::Article;
use super::claim::Claim;
use super::ids::{ClaimId, SourceId};
use super::scheme::{LabelId, RatingScheme};
use super::source::Source;
use serde::{Deserialize, Serialize};

/// One disagreement between the two sides of a merge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// What it is about; at most one conflict per subject.
    pub about: ConflictSubject,
    /// The value both sides started from (what the session holds until it is resolved).
    pub base: ConflictValue,
    /// Our side: the branch being merged into.
    pub ours: ConflictSide,
    /// Their side: the branch being merged in.
    pub theirs: ConflictSide,
}

/// One side of a conflict: its value and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictSide {
    /// Which side this is, as the merge was told ("ours", "theirs", or a branch name).
    pub label: String,
    /// Who made this side's change, when known (a verdict's reviewer).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// When, `YYYY-MM-DD`, when known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// The value this side has.
    pub value: ConflictValue,
}

/// What a conflict is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ConflictSubject {
    /// One field of a claim was changed differently on the two sides.
    ClaimField {
        /// The claim.
        claim: ClaimId,
        /// The field.
        field: ClaimField,
    },
    /// A claim was deleted on one side and edited on the other. It is kept, as the
    /// side that edited it left it, until someone decides.
    ClaimDeleted {
        /// The claim.
        claim: ClaimId,
    },
    /// A source was changed differently on the two sides, or deleted on one side and
    /// edited on the other (then it is kept).
    Source {
        /// The claim it belongs to.
        claim: ClaimId,
        /// The source.
        source: SourceId,
    },
    /// The article text was changed differently on the two sides; the session keeps
    /// the text both started from, and both new texts are kept in the conflict.
    ArticleText,
    /// The article's details (title, where it came from) were changed differently.
    ArticleDetails,
    /// The two sides moved the session to different rating schemes.
    Scheme,
}

/// The fields of a claim a conflict can be about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ClaimField {
    /// The published wording.
    Text,
    /// Who made the claim.
    Claimant,
    /// The verdict, with who set it and when.
    Verdict,
    /// The desk's note.
    Note,
    /// Where the claim sits in the article.
    Place,
    /// The review page's URL.
    ReviewUrl,
    /// When the claim was made.
    ClaimDate,
}

impl ClaimField {
    /// The field's name as people read it ("verdict", "note").
    pub fn label(self) -> &'static str {
        match self {
            ClaimField::Text => "wording",
            ClaimField::Claimant => "claimant",
            ClaimField::Verdict => "verdict",
            ClaimField::Note => "note",
            ClaimField::Place => "place in the article",
            ClaimField::ReviewUrl => "review URL",
            ClaimField::ClaimDate => "claim date",
        }
    }
}

/// A value one side of a conflict has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConflictValue {
    /// Nothing: the claim or source was deleted on this side (or not there yet).
    Absent,
    /// A text field's value (wording, claimant, note, review URL, claim date).
    Text(String),
    /// A verdict with who set it and when.
    Verdict {
        /// The label id in the session's scheme.
        status: LabelId,
        /// Who set it.
        by: String,
        /// When, `YYYY-MM-DD`.
        date: String,
    },
    /// Where a claim sits, in the session's current article text.
    Place {
        /// The anchor.
        anchor: Anchor,
        /// Whether it needs a person to check it.
        needs_review: bool,
    },
    /// A whole claim (delete-versus-edit conflicts).
    Claim(Box<Claim>),
    /// A whole source.
    Source(Source),
    /// A whole article (text conflicts use its text, detail conflicts the rest).
    Article(Box<Article>),
    /// A rating scheme.
    Scheme(Box<RatingScheme>),
}

impl ConflictSubject {
    /// The claim the conflict concerns, if it is about one.
    pub fn claim(&self) -> Option<ClaimId> {
        match self {
            ConflictSubject::ClaimField { claim, .. }
            | ConflictSubject::ClaimDeleted { claim }
            | ConflictSubject::Source { claim, .. } => Some(*claim),
            _ => None,
        }
    }
}

impl Conflict {
    /// A one-line description such as "claim #4's verdict" (claim numbers looked up
    /// in `session`).
    pub fn describe(&self, session: &super::Session) -> String {
        let number = |id: ClaimId| {
            session.claim(id).map_or_else(
                || "a deleted claim".to_owned(),
                |c| format!("claim #{}", c.number),
            )
        };
        match &self.about {
            ConflictSubject::ClaimField { claim, field } => {
                format!("{}: {}", number(*claim), field.label())
            }
            ConflictSubject::ClaimDeleted { claim } => {
                format!(
                    "{}: deleted on one side, edited on the other",
                    number(*claim)
                )
            }
            ConflictSubject::Source { claim, .. } => {
                format!("{}: a source changed on both sides", number(*claim))
            }
            ConflictSubject::ArticleText => "the article text".to_owned(),
            ConflictSubject::ArticleDetails => "the article's title and details".to_owned(),
            ConflictSubject::Scheme => "the rating scheme".to_owned(),
        }
    }

    /// The value of one side: ours, theirs or the base.
    pub fn value(&self, side: Side) -> &ConflictValue {
        match side {
            Side::Base => &self.base,
            Side::Ours => &self.ours.value,
            Side::Theirs => &self.theirs.value,
        }
    }
}

impl ConflictValue {
    /// The value in a few words for a list or a terminal ("False (by Ada, 2026-11-30)",
    /// "deleted", a quoted note). Verdict names come from `scheme`.
    pub fn summary(&self, scheme: &RatingScheme) -> String {
        let quote = |s: &str| format!("\"{}\"", crate::words::cut(&s.replace('\n', " ⏎ "), 120));
        match self {
            ConflictValue::Absent => "deleted".to_owned(),
            ConflictValue::Text(s) => quote(s),
            ConflictValue::Verdict { status, by, date } => {
                let who = [by.trim(), date.trim()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                let name = scheme.name_of(status);
                if who.is_empty() {
                    name.to_owned()
                } else {
                    format!("{name} (by {who})")
                }
            }
            ConflictValue::Place {
                anchor,
                needs_review,
            } => format!(
                "at characters {}..{}{}: {}",
                anchor.start,
                anchor.end,
                if *needs_review { " (needs review)" } else { "" },
                quote(&anchor.exact)
            ),
            ConflictValue::Claim(c) => format!("kept, as edited: {}", quote(&c.text)),
            ConflictValue::Source(s) => {
                format!("{} ({})", quote(s.display_name()), s.stance.as_str())
            }
            ConflictValue::Article(a) => format!(
                "{} ({} characters)",
                quote(&a.title),
                a.text.chars().count()
            ),
            ConflictValue::Scheme(s) => quote(&s.name),
        }
    }
}

/// One of the three versions a three-way merge looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    /// The common ancestor.
    Base,
    /// The version being merged into.
    Ours,
    /// The version being merged in.
    Theirs,
}

/// How to settle a conflict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Take one side's value (or the base's).
    Pick(Side),
    /// Take a value a person wrote (for example an edited note).
    Value(ConflictValue),
}
