//! What a search asks for and what it finds: filters, options, ranked hits.

use super::fusion::Fusion;
use super::record::ArchivedClaim;
use std::path::PathBuf;

/// Which archived checks a search considers. The default considers all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Verdict names or label ids (any of them, case ignored); empty for every verdict.
    pub verdicts: Vec<String>,
    /// Only checks dated on or after this day (`YYYY-MM-DD`); undated checks are left out.
    pub from: Option<String>,
    /// Only checks dated on or before this day (`YYYY-MM-DD`); undated checks are left out.
    pub to: Option<String>,
    /// Only checks whose file (session or review file) is inside this folder.
    pub folder: Option<PathBuf>,
    /// Leave out claims that were marked but never given a verdict.
    pub reviewed_only: bool,
}

impl Filters {
    /// Whether every check passes.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// Whether `claim` passes.
    pub fn accepts(&self, claim: &ArchivedClaim) -> bool {
        if self.reviewed_only && !claim.verdict.reviewed {
            return false;
        }
        if !self.verdicts.is_empty() {
            let v = &claim.verdict;
            let hit = self.verdicts.iter().any(|want| {
                let want = want.trim();
                v.name.trim().eq_ignore_ascii_case(want)
                    || v.label_id
                        .as_deref()
                        .is_some_and(|id| id.eq_ignore_ascii_case(want))
            });
            if !hit {
                return false;
            }
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(date) = claim.date.as_deref() else {
                return false;
            };
            // ISO days compare as text.
            if self.from.as_deref().is_some_and(|from| date < from.trim())
                || self.to.as_deref().is_some_and(|to| date > to.trim())
            {
                return false;
            }
        }
        if let Some(folder) = &self.folder
            && !claim.origin.file().starts_with(folder)
        {
            return false;
        }
        true
    }
}

/// The cosine similarity below which a claim that shares no word with the query is not
/// a hit. all-MiniLM-L6-v2 gives unrelated sentences about 0 to 0.2; on the
/// claim-matching data no right claim shares no word with its tweet and scores below
/// 0.25, while 0.3 would lose one of 997 (`docs/archive.md`).
pub const MEANING_FLOOR: f32 = 0.25;

/// How a search ranks and how much it returns.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchOptions {
    /// Which checks to consider.
    pub filters: Filters,
    /// How many hits at most.
    pub top: usize,
    /// Hits scoring below this are left out (0 keeps every hit).
    pub min_score: f32,
    /// A claim that shares no word with the query (stop words aside) is a hit only if
    /// its cosine similarity reaches this: below it, it has nothing to do with the
    /// query, however few the other hits are. See [`MEANING_FLOOR`].
    pub meaning_floor: f32,
    /// How BM25 and meaning are combined.
    pub fusion: Fusion,
}

impl Default for SearchOptions {
    fn default() -> Self {
        Self {
            filters: Filters::default(),
            top: 10,
            min_score: 0.0,
            meaning_floor: MEANING_FLOOR,
            fusion: Fusion::default(),
        }
    }
}

/// A claim considered by a search, with both of its raw scores.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    /// The claim's key in the archive.
    pub key: u64,
    /// Its BM25 score (0 when it shares no words, or ranked too low to be scored).
    pub bm25: f32,
    /// Its cosine similarity to the query, when both have an embedding.
    pub cosine: Option<f32>,
}

/// One archived check found by a search, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    /// The claim's key in the archive (stable until its file changes).
    pub key: u64,
    /// The fused score, 0 to 1 (see [`super::fusion`]).
    pub score: f32,
    /// Its BM25 score.
    pub bm25: f32,
    /// Its cosine similarity to the query, when both have an embedding.
    pub cosine: Option<f32>,
    /// The check.
    pub claim: ArchivedClaim,
}
