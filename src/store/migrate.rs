//! Reading every format version this build knows, and bringing it up to date.
//!
//! Version 1 handed out claim and source ids from counters in the file
//! (`next_claim_id`, `next_source_id`), so two people adding claims to copies of one
//! session both made claim #7. Version 2 gives new claims and sources random ids and
//! each claim a display number; a version-1 file's ids become the claims' numbers and
//! stay their ids, so nothing a person knows a claim by changes.

use crate::model::{Article, Claim, Conflict, FORMAT_VERSION, RatingScheme, Session};
use serde::Deserialize;

/// A session as any known version stores it: the union of their top-level fields.
#[derive(Deserialize)]
pub(super) struct SessionFile {
    format_version: u32,
    scheme: RatingScheme,
    claims: Vec<Claim>,
    #[serde(default)]
    dismissed_suggestions: Vec<(usize, usize)>,
    /// Version 2 (0 when missing: validation then counts past the highest number).
    #[serde(default)]
    next_claim_number: u64,
    /// Version 1: the next id, which became the next number.
    #[serde(default)]
    next_claim_id: u64,
    /// Version 1: no longer needed (source ids are random); read so that version-1
    /// files do not warn about an unknown field.
    #[serde(default, rename = "next_source_id")]
    _next_source_id: u64,
    #[serde(default)]
    conflicts: Vec<Conflict>,
    article: Article,
}

impl SessionFile {
    /// The declared version (before migration).
    pub(super) fn version(&self) -> u32 {
        self.format_version
    }

    /// The session in the current layout. Numbers that are missing or repeated are
    /// fixed later by validation, with a warning.
    pub(super) fn migrate(self) -> Session {
        let mut claims = self.claims;
        let mut next_number = self.next_claim_number;
        if self.format_version < 2 {
            for claim in &mut claims {
                // An id too large to be a version-1 counter (a file edited by hand or
                // labelled with the wrong version) gets a fresh number in validation.
                claim.number = if claim.id.0 < super::validate::MAX_ID {
                    claim.id.0
                } else {
                    0
                };
            }
            next_number = next_number.max(self.next_claim_id);
        }
        let highest = claims.iter().map(|c| c.number).max().unwrap_or(0);
        let mut session = Session::with_scheme(self.article, self.scheme);
        session.format_version = FORMAT_VERSION;
        session.claims = claims;
        session.dismissed_suggestions = self.dismissed_suggestions;
        session.next_claim_number = next_number.max(highest.saturating_add(1)).max(1);
        session.conflicts = self.conflicts;
        session
    }
}
