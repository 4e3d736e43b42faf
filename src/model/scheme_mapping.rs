//! Proposing how verdicts carry over when a session switches rating scheme.

use super::scheme::{LabelId, NumericRating, RatingLabel, RatingScheme};

/// How far apart (on a 0..1 scale) two numeric ratings may be and still count as the same verdict.
const RATING_TOLERANCE: f64 = 0.13;

/// A proposed mapping from every label of `from` to a label of `to`, in `from`'s order,
/// for the UI to show and let the user edit before [`crate::command::Command::SwitchScheme`].
///
/// Per label: "not yet reviewed" maps to "not yet reviewed"; otherwise a label with the
/// same id or name (ignoring case); otherwise the label whose ClaimReview rating is the
/// nearest on a normalised scale (within a small tolerance, earlier label on a tie);
/// otherwise "not yet reviewed", so nothing is given a verdict it was not checked for.
pub fn propose_mapping(from: &RatingScheme, to: &RatingScheme) -> Vec<(LabelId, LabelId)> {
    from.labels
        .iter()
        .map(|label| (label.id.clone(), propose_label(from, label, to)))
        .collect()
}

fn propose_label(from: &RatingScheme, label: &RatingLabel, to: &RatingScheme) -> LabelId {
    if label.id == from.unreviewed {
        return to.unreviewed.clone();
    }
    let by_name = to.labels.iter().find(|l| {
        l.id != to.unreviewed
            && (l.id == label.id || l.name.trim().eq_ignore_ascii_case(label.name.trim()))
    });
    if let Some(found) = by_name {
        return found.id.clone();
    }
    let Some(position) = label.rating.and_then(normalised) else {
        return to.unreviewed.clone();
    };
    let mut best: Option<(&RatingLabel, f64)> = None;
    for candidate in &to.labels {
        let Some(p) = candidate.rating.and_then(normalised) else {
            continue;
        };
        let distance = (p - position).abs();
        if distance <= RATING_TOLERANCE && best.is_none_or(|(_, d)| distance < d) {
            best = Some((candidate, distance));
        }
    }
    best.map_or_else(|| to.unreviewed.clone(), |(l, _)| l.id.clone())
}

/// Where a rating sits between worst (0.0) and best (1.0); `None` for a degenerate scale.
fn normalised(r: NumericRating) -> Option<f64> {
    let span = f64::from(r.best) - f64::from(r.worst);
    if span == 0.0 {
        return None;
    }
    Some((f64::from(r.value) - f64::from(r.worst)) / span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scheme_library::SchemeLibrary;

    fn map(from: &str, to: &str) -> Vec<(String, String)> {
        let lib = SchemeLibrary::load_from(None);
        propose_mapping(lib.get(from).unwrap(), lib.get(to).unwrap())
    }

    fn target<'a>(m: &'a [(String, String)], from: &str) -> &'a str {
        &m.iter().find(|(f, _)| f == from).unwrap().1
    }

    #[test]
    fn maps_by_name_then_rating_then_unreviewed() {
        let m = map("default", "politifact");
        assert_eq!(m.len(), 8);
        assert_eq!(target(&m, "unverified"), "not-yet-rated");
        assert_eq!(target(&m, "mostly-true"), "mostly-true");
        assert_eq!(target(&m, "false"), "false");
        // "Misleading" is not a PolitiFact verdict: 2 of 1..5 sits nearest "False" (2 of 1..6).
        assert_eq!(target(&m, "misleading"), "false");
        // "Unproven" has no number, so it is not guessed.
        assert_eq!(target(&m, "unproven"), "not-yet-rated");

        let m = map("default", "africa-check");
        assert_eq!(target(&m, "true"), "correct");
        assert_eq!(target(&m, "misleading"), "misleading");
        assert_eq!(target(&m, "unproven"), "unproven");
    }

    #[test]
    fn every_target_exists() {
        let lib = SchemeLibrary::load_from(None);
        for a in &lib.schemes {
            for b in &lib.schemes {
                for (from, to) in propose_mapping(&a.scheme, &b.scheme) {
                    assert!(a.scheme.label(&from).is_some());
                    assert!(
                        b.scheme.label(&to).is_some(),
                        "{} -> {}",
                        a.scheme.id,
                        b.scheme.id
                    );
                }
            }
        }
    }
}
