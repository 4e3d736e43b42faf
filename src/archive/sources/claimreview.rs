//! Published fact-checks as schema.org `ClaimReview` JSON-LD: a single object, an array,
//! an `@graph`, or a Google-style `DataFeed` (`dataFeedElement` items holding reviews).
//!
//! Reviews are found wherever they sit in the document: every object whose `@type` is
//! (or includes) `ClaimReview` is read, whatever wraps it. Missing fields are left
//! empty; a review without a `claimReviewed` text is skipped and counted.

use crate::archive::record::{ArchivedClaim, ArchivedSource, ArticleFacts, Origin, Verdict};
use crate::model::{NumericRating, Stance};
use serde_json::Value;
use std::path::Path;

/// The reviews found in one ClaimReview document.
#[derive(Debug, Default)]
pub struct ParsedReviews {
    /// Every review with a claim text.
    pub claims: Vec<ArchivedClaim>,
    /// How many `ClaimReview` objects had no claim text and were left out.
    pub skipped: usize,
}

/// Why a ClaimReview file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ClaimReviewError {
    /// Not JSON at all.
    #[error("it is not valid JSON ({0})")]
    Json(#[from] serde_json::Error),
    /// JSON, but no `ClaimReview` in it.
    #[error("it holds no ClaimReview objects")]
    NoReviews,
}

/// Reads the reviews in a ClaimReview JSON-LD document read from `file`.
pub fn parse_claimreview(text: &str, file: &Path) -> Result<ParsedReviews, ClaimReviewError> {
    let doc: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))?;
    let mut found = Vec::new();
    collect_reviews(&doc, &mut found);
    if found.is_empty() {
        return Err(ClaimReviewError::NoReviews);
    }
    let mut out = ParsedReviews::default();
    for review in found {
        match read_review(review, file) {
            Some(claim) => out.claims.push(claim),
            None => out.skipped += 1,
        }
    }
    Ok(out)
}

/// Whether a JSON-LD `@type` (a string or a list of strings) names `wanted`, with or
/// without a `schema:` prefix or the schema.org address.
fn has_type(node: &Value, wanted: &str) -> bool {
    let matches = |t: &Value| {
        t.as_str().is_some_and(|s| {
            let s = s.trim();
            let bare = s.rsplit(['/', ':', '#']).next().unwrap_or(s);
            bare.eq_ignore_ascii_case(wanted)
        })
    };
    match node.get("@type") {
        Some(Value::Array(types)) => types.iter().any(matches),
        Some(t) => matches(t),
        None => false,
    }
}

/// Every `ClaimReview` object in `node`, in document order. Does not look inside a
/// review (a review nested in a review is not a second review).
fn collect_reviews<'a>(node: &'a Value, out: &mut Vec<&'a Value>) {
    match node {
        Value::Object(map) => {
            if has_type(node, "ClaimReview") {
                out.push(node);
            } else {
                for value in map.values() {
                    collect_reviews(value, out);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                collect_reviews(item, out);
            }
        }
        _ => {}
    }
}

/// The first object of a value that may be an object or a list of them.
fn first_object(value: Option<&Value>) -> Option<&Value> {
    match value? {
        Value::Array(items) => items.iter().find(|v| v.is_object()),
        v @ Value::Object(_) => Some(v),
        _ => None,
    }
}

/// A text field: a string, a number, or the first string of a list; trimmed, `None` when empty.
fn text_of(value: Option<&Value>) -> Option<String> {
    let s = match value? {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => return items.iter().find_map(|v| text_of(Some(v))),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// A name: a plain string, or the `name` of an object (or of the first in a list).
fn name_of(value: Option<&Value>) -> Option<String> {
    match value? {
        v @ (Value::String(_) | Value::Number(_)) => text_of(Some(v)),
        Value::Array(items) => items.iter().find_map(|v| name_of(Some(v))),
        v @ Value::Object(_) => text_of(v.get("name")),
        _ => None,
    }
}

/// A number written as a number or as text ("4", "4.0").
fn number_of(value: Option<&Value>) -> Option<f64> {
    match value? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|n: &f64| n.is_finite())
}

/// The day part of an ISO date or date-time (`2026-03-12T10:00:00Z` gives `2026-03-12`),
/// when it is a real day.
pub fn iso_day(text: Option<String>) -> Option<String> {
    let text = text?;
    let day = text.get(..10)?;
    crate::export::date::parse_date(day).ok()
}

fn read_review(review: &Value, file: &Path) -> Option<ArchivedClaim> {
    let item = first_object(review.get("itemReviewed"));
    let text = text_of(review.get("claimReviewed"))
        .or_else(|| item.and_then(|i| text_of(i.get("name"))))?;
    let rating = first_object(review.get("reviewRating"));
    let numeric = rating.and_then(|r| {
        let round = |v: f64| v.round().clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32;
        let value = number_of(r.get("ratingValue"))?;
        let best = number_of(r.get("bestRating")).unwrap_or(5.0);
        let worst = number_of(r.get("worstRating")).unwrap_or(1.0);
        Some(NumericRating {
            value: round(value),
            best: round(best),
            worst: round(worst),
        })
    });
    let verdict_name = rating
        .and_then(|r| text_of(r.get("alternateName")).or_else(|| text_of(r.get("name"))))
        .or_else(|| numeric.map(|n| format!("{} of {}", n.value, n.best)))
        .unwrap_or_default();
    let publisher = name_of(review.get("author")).or_else(|| name_of(review.get("publisher")));
    let url = text_of(review.get("url")).unwrap_or_default();
    let appearance = item.and_then(|i| {
        first_object(i.get("appearance")).or_else(|| first_object(i.get("firstAppearance")))
    });
    let article = ArticleFacts {
        title: appearance
            .and_then(|a| text_of(a.get("headline")).or_else(|| text_of(a.get("name"))))
            .unwrap_or_default(),
        date: iso_day(appearance.and_then(|a| text_of(a.get("datePublished"))))
            .or_else(|| iso_day(item.and_then(|i| text_of(i.get("datePublished"))))),
        url: appearance.and_then(|a| text_of(a.get("url"))),
    };
    let headline = text_of(review.get("headline")).or_else(|| text_of(review.get("name")));
    let sources = if url.is_empty() {
        Vec::new()
    } else {
        vec![ArchivedSource {
            url: url.clone(),
            title: match (&publisher, &headline) {
                (Some(p), Some(h)) => format!("{p}: {h}"),
                (Some(p), None) => p.clone(),
                (None, Some(h)) => h.clone(),
                (None, None) => String::new(),
            },
            quote: String::new(),
            stance: Stance::Context,
            accessed: String::new(),
        }]
    };
    Some(ArchivedClaim {
        text,
        verdict: Verdict {
            label_id: None,
            reviewed: !verdict_name.is_empty(),
            name: verdict_name,
            rating: numeric,
        },
        claimant: item
            .and_then(|i| name_of(i.get("author")))
            .unwrap_or_default(),
        note: String::new(),
        sources,
        article,
        headline,
        publisher,
        date: iso_day(text_of(review.get("datePublished"))),
        origin: Origin::Review {
            file: file.to_path_buf(),
            url,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> ParsedReviews {
        parse_claimreview(text, Path::new("reviews.json")).unwrap()
    }

    const REVIEW: &str = r#"{
        "@context": "https://schema.org", "@type": "ClaimReview",
        "url": "https://checks.example/wind", "datePublished": "2026-03-12T09:00:00Z",
        "claimReviewed": "Wind turbines cause cancer",
        "headline": "No, wind turbines do not cause cancer",
        "author": {"@type": "Organization", "name": "Example Checks"},
        "reviewRating": {"@type": "Rating", "ratingValue": "1", "bestRating": 5, "worstRating": 1, "alternateName": "False"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "A. Politician"},
            "appearance": [{"@type": "CreativeWork", "url": "https://news.example/a", "headline": "Speech", "datePublished": "2026-03-01"}]}
    }"#;

    #[test]
    fn reads_every_field_of_a_single_review() {
        let parsed = parse(REVIEW);
        assert_eq!(parsed.claims.len(), 1);
        let c = &parsed.claims[0];
        assert_eq!(c.text, "Wind turbines cause cancer");
        assert_eq!(c.verdict.name, "False");
        assert_eq!(
            c.verdict.rating,
            Some(NumericRating {
                value: 1,
                best: 5,
                worst: 1
            })
        );
        assert!(c.verdict.reviewed);
        assert_eq!(c.publisher.as_deref(), Some("Example Checks"));
        assert_eq!(c.claimant, "A. Politician");
        assert_eq!(c.date.as_deref(), Some("2026-03-12"));
        assert_eq!(c.article.title, "Speech");
        assert_eq!(c.article.date.as_deref(), Some("2026-03-01"));
        assert_eq!(c.article.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(c.origin.review_url(), Some("https://checks.example/wind"));
        assert_eq!(c.sources.len(), 1);
    }

    #[test]
    fn finds_reviews_in_arrays_graphs_and_data_feeds() {
        let array = format!("[{REVIEW}, {REVIEW}]");
        assert_eq!(parse(&array).claims.len(), 2);
        let graph = format!(r#"{{"@context": "https://schema.org", "@graph": [{REVIEW}]}}"#);
        assert_eq!(parse(&graph).claims.len(), 1);
        let feed = format!(
            r#"{{"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [
                {{"@type": "DataFeedItem", "item": [{REVIEW}, {REVIEW}]}},
                {{"@type": "DataFeedItem", "item": {REVIEW}}}]}}"#
        );
        assert_eq!(parse(&feed).claims.len(), 3);
        let typed = REVIEW.replace(
            r#""@type": "ClaimReview""#,
            r#""@type": ["schema:ClaimReview"]"#,
        );
        assert_eq!(parse(&typed).claims.len(), 1);
    }

    #[test]
    fn odd_or_missing_fields_never_fail_the_file() {
        let odd = r#"[{"@type": "ClaimReview", "claimReviewed": 42, "reviewRating": [], "author": "Desk", "datePublished": "soon"},
                      {"@type": "ClaimReview", "reviewRating": {"ratingValue": 2}}]"#;
        let parsed = parse(odd);
        assert_eq!(parsed.claims.len(), 1);
        assert_eq!(parsed.skipped, 1);
        assert_eq!(parsed.claims[0].text, "42");
        assert_eq!(parsed.claims[0].publisher.as_deref(), Some("Desk"));
        assert_eq!(parsed.claims[0].date, None);
        assert!(!parsed.claims[0].verdict.reviewed);
    }

    #[test]
    fn broken_documents_are_explained() {
        let p = Path::new("x.json");
        assert!(matches!(
            parse_claimreview("{", p),
            Err(ClaimReviewError::Json(_))
        ));
        assert!(matches!(
            parse_claimreview(r#"{"@type": "WebPage"}"#, p),
            Err(ClaimReviewError::NoReviews)
        ));
        // Deep nesting is refused by the parser, not by a stack overflow.
        let deep = "[".repeat(100_000);
        assert!(parse_claimreview(&deep, p).is_err());
    }
}
