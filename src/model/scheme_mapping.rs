//! Proposing how verdicts carry over when a session switches rating scheme.

use super::scheme::{LabelId, NumericRating, RatingLabel, RatingScheme};

/// A proposed mapping from every label of `from` to a label of `to`, in `from`'s order.
/// Where no label can be proposed (see [`propose_choices`]) it falls back to `to`'s
/// "not yet reviewed"; the app asks the user instead, with [`propose_choices`].
pub fn propose_mapping(from: &RatingScheme, to: &RatingScheme) -> Vec<(LabelId, LabelId)> {
    propose_choices(from, to)
        .into_iter()
        .map(|(from_id, to_id)| (from_id, to_id.unwrap_or_else(|| to.unreviewed.clone())))
        .collect()
}

/// A proposed label of `to` for every label of `from`, in `from`'s order, for the UI
/// to show and let the user edit before [`crate::command::Command::SwitchScheme`].
///
/// Per label: "not yet reviewed" maps to "not yet reviewed"; otherwise a label with the
/// same id or name (ignoring case); otherwise the rated label of `to` whose ClaimReview
/// rating is the nearest on a normalised scale (on a tie, the one nearer the middle of
/// the scale, so a verdict is never made stronger than it was; then the earlier one).
/// A reviewed label is never proposed to become "not yet reviewed": when it has no
/// rating and no namesake (say "Unproven"), the proposal is `None` and the user picks.
pub fn propose_choices(from: &RatingScheme, to: &RatingScheme) -> Vec<(LabelId, Option<LabelId>)> {
    from.labels
        .iter()
        .map(|label| (label.id.clone(), propose_label(from, label, to)))
        .collect()
}

fn propose_label(from: &RatingScheme, label: &RatingLabel, to: &RatingScheme) -> Option<LabelId> {
    if label.id == from.unreviewed {
        return Some(to.unreviewed.clone());
    }
    let by_name = to.labels.iter().find(|l| {
        l.id != to.unreviewed
            && (l.id == label.id || l.name.trim().eq_ignore_ascii_case(label.name.trim()))
    });
    if let Some(found) = by_name {
        return Some(found.id.clone());
    }
    let position = label.rating.and_then(normalised)?;
    let mut best: Option<(&RatingLabel, f64, f64)> = None;
    for candidate in &to.labels {
        if candidate.id == to.unreviewed {
            continue;
        }
        let Some(p) = candidate.rating.and_then(normalised) else {
            continue;
        };
        let distance = (p - position).abs();
        let from_middle = (p - 0.5).abs();
        let better = match best {
            None => true,
            Some((_, d, m)) => {
                distance < d - 1e-9 || ((distance - d).abs() <= 1e-9 && from_middle < m - 1e-9)
            }
        };
        if better {
            best = Some((candidate, distance, from_middle));
        }
    }
    best.map(|(l, _, _)| l.id.clone())
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
    fn maps_by_name_then_nearest_rating() {
        let m = map("default", "politifact");
        assert_eq!(m.len(), 8);
        assert_eq!(target(&m, "unverified"), "not-yet-rated");
        assert_eq!(target(&m, "mostly-true"), "mostly-true");
        assert_eq!(target(&m, "false"), "false");
        // "Misleading" is not a PolitiFact verdict: 2 of 1..5 sits nearest "False" (2 of 1..6).
        assert_eq!(target(&m, "misleading"), "false");
        // "Unproven" has no number, so it is not guessed (the app asks).
        assert_eq!(target(&m, "unproven"), "not-yet-rated");
        let choices = propose_choices(
            SchemeLibrary::load_from(None).get("default").unwrap(),
            SchemeLibrary::load_from(None).get("politifact").unwrap(),
        );
        assert!(choices.contains(&("unproven".into(), None)));

        let m = map("default", "africa-check");
        assert_eq!(target(&m, "true"), "correct");
        assert_eq!(target(&m, "misleading"), "misleading");
        assert_eq!(target(&m, "unproven"), "unproven");
    }

    #[test]
    fn switching_to_meta_keeps_every_reviewed_verdict_reviewed() {
        let m = map("default", "meta");
        // Mostly true sits at 0.75: as near "True" (1.0) as "Missing Context" (0.5);
        // the tie goes to the milder verdict.
        assert_eq!(target(&m, "mostly-true"), "missing-context");
        assert_eq!(target(&m, "half-true"), "missing-context");
        assert_eq!(target(&m, "mostly-false"), "partly-false");
        assert_eq!(target(&m, "true"), "true");
        assert_eq!(target(&m, "false"), "false");
        let lib = SchemeLibrary::load_from(None);
        for a in &lib.schemes {
            for b in &lib.schemes {
                for (from, to) in propose_choices(&a.scheme, &b.scheme) {
                    if a.scheme.is_reviewed(&from) {
                        assert_ne!(
                            to.as_ref(),
                            Some(&b.scheme.unreviewed),
                            "{} {from} -> {}",
                            a.scheme.id,
                            b.scheme.id
                        );
                    }
                }
            }
        }
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
