//! A fact-checking session: one article, its claims and the rating scheme in use.

use super::article::Article;
use super::claim::Claim;
use super::conflict::{Conflict, ConflictSubject};
use super::ids::{ClaimId, IdGenerator, SourceId};
use super::scheme::RatingScheme;
use serde::{Deserialize, Serialize};

/// The session file format this build writes. Older versions are migrated on load;
/// newer ones are refused with a clear message.
///
/// Version 2 gave claims and sources random ids that cannot collide across
/// machines, and claims a display number; version 1 files are migrated on load
/// (their ids become the numbers and stay the ids).
pub const FORMAT_VERSION: u32 = 2;

/// Everything saved in a session file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// File format version (see [`FORMAT_VERSION`]).
    pub format_version: u32,
    /// The rating scheme the verdicts come from, embedded so the file is self-contained.
    pub scheme: RatingScheme,
    /// Claims in article order.
    pub claims: Vec<Claim>,
    /// Suggested sentences the user dismissed, as character ranges.
    #[serde(default)]
    pub dismissed_suggestions: Vec<(usize, usize)>,
    /// The next display number to give a new claim; numbers are never reused.
    pub next_claim_number: u64,
    /// Disagreements a merge left for a person to settle (see `src/merge/`). Saving
    /// is allowed while there are any; exports refuse.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// The article under review (last, because it is long).
    pub article: Article,
    /// Where new claim and source ids come from; not saved.
    #[serde(skip)]
    pub ids: IdGenerator,
}

impl Session {
    /// A new session on `article` with the default scheme and no claims.
    pub fn new(article: Article) -> Self {
        Self::with_scheme(article, RatingScheme::builtin_default())
    }

    /// A new session on `article` using `scheme`.
    pub fn with_scheme(article: Article, scheme: RatingScheme) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            scheme,
            claims: Vec::new(),
            dismissed_suggestions: Vec::new(),
            next_claim_number: 1,
            conflicts: Vec::new(),
            article,
            ids: IdGenerator::default(),
        }
    }

    /// The same session drawing ids from `ids` (tests and the worked example seed it).
    pub fn with_ids(mut self, ids: IdGenerator) -> Self {
        self.ids = ids;
        self
    }

    /// Looks a claim up by its display number.
    pub fn claim_by_number(&self, number: u64) -> Option<&Claim> {
        self.claims.iter().find(|c| c.number == number)
    }

    /// The conflict about `subject`, if one remains.
    pub fn conflict(&self, subject: &ConflictSubject) -> Option<&Conflict> {
        self.conflicts.iter().find(|c| c.about == *subject)
    }

    /// The conflicts that concern one claim (its fields, its deletion, its sources).
    pub fn conflicts_of(&self, claim: ClaimId) -> impl Iterator<Item = &Conflict> {
        self.conflicts
            .iter()
            .filter(move |c| c.about.claim() == Some(claim))
    }

    /// Looks a claim up by id.
    pub fn claim(&self, id: ClaimId) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    /// Mutable access to a claim by id.
    pub fn claim_mut(&mut self, id: ClaimId) -> Option<&mut Claim> {
        self.claims.iter_mut().find(|c| c.id == id)
    }

    /// Index of a claim in article order.
    pub fn claim_index(&self, id: ClaimId) -> Option<usize> {
        self.claims.iter().position(|c| c.id == id)
    }

    /// Hands out a new claim id, one no claim of the session has.
    pub fn allocate_claim_id(&mut self) -> ClaimId {
        loop {
            let id = ClaimId(self.ids.next_claim_id());
            if self.claim(id).is_none() {
                return id;
            }
        }
    }

    /// Hands out a new source id. A counter's ids are checked against every source
    /// of the session; random ones are not (a collision of two random 64-bit ids is
    /// practically impossible, and checking would make adding a source to a large
    /// session slow). Loading repairs duplicates anyway.
    pub fn allocate_source_id(&mut self) -> SourceId {
        loop {
            let id = SourceId(self.ids.next_source_id());
            let taken = self.ids.is_sequential()
                && self
                    .claims
                    .iter()
                    .any(|c| c.sources.iter().any(|s| s.id == id));
            if !taken {
                return id;
            }
        }
    }

    /// Hands out the next display number.
    pub fn allocate_claim_number(&mut self) -> u64 {
        let n = self.next_claim_number.max(1);
        self.next_claim_number = n + 1;
        n
    }

    /// Inserts a claim keeping article order; returns its index.
    pub fn insert_claim(&mut self, claim: Claim) -> usize {
        let key = claim.order_key();
        let idx = self.claims.partition_point(|c| c.order_key() < key);
        self.claims.insert(idx, claim);
        idx
    }

    /// Counts claims per label, in the scheme's label order.
    pub fn status_counts(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = self
            .scheme
            .labels
            .iter()
            .map(|l| (l.id.clone(), 0))
            .collect();
        for claim in &self.claims {
            match counts.iter_mut().find(|(id, _)| *id == claim.status) {
                Some((_, n)) => *n += 1,
                None => counts.push((claim.status.clone(), 1)),
            }
        }
        counts
    }

    /// Number of claims whose status is not the scheme's "not yet reviewed" label.
    pub fn reviewed_count(&self) -> usize {
        self.claims
            .iter()
            .filter(|c| self.scheme.is_reviewed(&c.status))
            .count()
    }

    /// A one-line summary such as "9 claims: 2 true, 1 false, 6 unverified".
    pub fn summary(&self) -> String {
        let n = self.claims.len();
        let noun = if n == 1 { "claim" } else { "claims" };
        let parts: Vec<String> = self
            .status_counts()
            .into_iter()
            .filter(|(_, count)| *count > 0)
            .map(|(id, count)| format!("{count} {}", self.scheme.name_of(&id).to_lowercase()))
            .collect();
        if parts.is_empty() {
            format!("{n} {noun}")
        } else {
            format!("{n} {noun}: {}", parts.join(", "))
        }
    }
}
