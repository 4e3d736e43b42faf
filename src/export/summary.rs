//! Verdict counts for the reports' bar charts (and the app's chart).

use crate::model::Session;

/// How many claims carry one verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerdictCount {
    /// The label's id.
    pub label: String,
    /// The label's display name.
    pub name: String,
    /// The label's colour, `#RRGGBB` (grey for a label missing from the scheme).
    pub colour: String,
    /// Number of claims with this verdict.
    pub count: usize,
}

/// One entry per label of the session's scheme, in scheme order, including zero counts.
pub fn verdict_counts(session: &Session) -> Vec<VerdictCount> {
    session
        .status_counts()
        .into_iter()
        .map(|(label, count)| VerdictCount {
            name: session.scheme.name_of(&label).to_owned(),
            colour: crate::contrast::hex(session.scheme.colour_of(&label)),
            label,
            count,
        })
        .collect()
}
