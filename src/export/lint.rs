//! Checks a ClaimReview export against what Google's fact-check markup needs, before
//! publishing. Problems are listed, not fixed: the export is still produced, and the CLI's
//! `--strict` turns any problem into a failure.

use super::ExportOptions;
use super::claimreview::to_claimreview;
use crate::model::{ClaimId, Session, check_web_address};
use serde_json::Value;
use std::fmt;

/// Google truncates `claimReviewed` beyond this many characters in search results.
pub const MAX_CLAIM_REVIEWED_CHARS: usize = 75;

/// Which rule a problem breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LintRule {
    /// A field Google requires (or that Claimdesk treats as required) is missing.
    RequiredFieldMissing,
    /// A recommended field is missing (claimant, claim date, article URL).
    RecommendedFieldMissing,
    /// `claimReviewed` is longer than [`MAX_CLAIM_REVIEWED_CHARS`].
    ClaimReviewedTooLong,
    /// A verdict label has no ratingValue/bestRating/worstRating.
    LabelWithoutRating,
    /// The publisher profile has no organisation URL.
    NoPublisherUrl,
    /// No claim has been reviewed, so there is nothing to publish.
    NothingToPublish,
    /// A source URL or the publisher URL is not a usable web address.
    InvalidUrl,
}

impl LintRule {
    /// A short kebab-case code shown before each message.
    pub fn code(self) -> &'static str {
        match self {
            LintRule::RequiredFieldMissing => "required-field-missing",
            LintRule::RecommendedFieldMissing => "recommended-field-missing",
            LintRule::ClaimReviewedTooLong => "claim-reviewed-too-long",
            LintRule::LabelWithoutRating => "label-without-rating",
            LintRule::NoPublisherUrl => "no-publisher-url",
            LintRule::NothingToPublish => "nothing-to-publish",
            LintRule::InvalidUrl => "invalid-url",
        }
    }
}

/// One problem found by the linter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LintProblem {
    /// The rule.
    pub rule: LintRule,
    /// The claim it concerns, if one.
    pub claim: Option<ClaimId>,
    /// That claim's display number (what the message calls it).
    pub claim_number: Option<u64>,
    /// What is wrong and how to fix it, in plain words.
    pub message: String,
}

impl fmt::Display for LintProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.claim_number {
            Some(n) => write!(f, "{}: claim #{n}: {}", self.rule.code(), self.message),
            None => write!(f, "{}: {}", self.rule.code(), self.message),
        }
    }
}

/// Fields every ClaimReview must have, as JSON paths, with the fix for each.
const REQUIRED: [(&[&str], &str); 5] = [
    (
        &["url"],
        "set the review page's URL (the claim's review URL, or --url for all claims)",
    ),
    (&["claimReviewed"], "give the claim a wording"),
    (
        &["author", "name"],
        "set the organisation name in Edit › Preferences (--org-name)",
    ),
    (&["datePublished"], "set the publication date (--date)"),
    (
        &["reviewRating", "alternateName"],
        "give the verdict label a name",
    ),
];

/// Fields Google recommends, with the fix for each.
const RECOMMENDED: [(&[&str], &str); 3] = [
    (
        &["itemReviewed", "author", "name"],
        "say who made the claim (claimant)",
    ),
    (
        &["itemReviewed", "datePublished"],
        "set when the claim was made (the claim's date, or --claim-date)",
    ),
    (
        &["itemReviewed", "appearance", "url"],
        "set the article's URL (--article-url)",
    ),
];

/// Lists the problems of the ClaimReview export of `session` with `options`, in a stable
/// order: publisher-wide problems first, then per claim in article order.
pub fn lint_claimreview(session: &Session, options: &ExportOptions) -> Vec<LintProblem> {
    let mut problems = Vec::new();
    let general = |rule, message: &str| LintProblem {
        rule,
        claim: None,
        claim_number: None,
        message: message.to_owned(),
    };
    if options.publisher.organisation_url.trim().is_empty() {
        problems.push(general(
            LintRule::NoPublisherUrl,
            "the publisher has no organisation URL; set it in Edit › Preferences (--org-url)",
        ));
    }
    if !options.publisher.organisation_url.trim().is_empty()
        && let Err(problem) = check_web_address(&options.publisher.organisation_url)
    {
        problems.push(general(
            LintRule::InvalidUrl,
            &format!(
                "the publisher's organisation URL \"{}\": {problem}; fix it in Edit › Preferences (--org-url)",
                options.publisher.organisation_url.trim()
            ),
        ));
    }
    let reviewed: Vec<_> = session
        .claims
        .iter()
        .filter(|c| session.scheme.is_reviewed(&c.status))
        .collect();
    if reviewed.is_empty() {
        problems.push(general(
            LintRule::NothingToPublish,
            "no claim has a verdict yet, so the export is empty",
        ));
    }
    let reviews = to_claimreview(session, options);
    let reviews = reviews.as_array().map(Vec::as_slice).unwrap_or_default();
    for (claim, review) in reviewed.iter().zip(reviews) {
        let mut add = |rule, message: String| {
            problems.push(LintProblem {
                rule,
                claim: Some(claim.id),
                claim_number: Some(claim.number),
                message,
            });
        };
        for (path, fix) in REQUIRED {
            if lookup(review, path).is_none() {
                add(
                    LintRule::RequiredFieldMissing,
                    format!("{} is missing; {fix}", path.join(".")),
                );
            }
        }
        for (path, fix) in RECOMMENDED {
            if lookup(review, path).is_none() {
                add(
                    LintRule::RecommendedFieldMissing,
                    format!("{} is missing; {fix}", path.join(".")),
                );
            }
        }
        for (n, source) in claim.sources.iter().enumerate() {
            if let Err(problem) = check_web_address(&source.url) {
                add(
                    LintRule::InvalidUrl,
                    format!(
                        "source {} has no usable URL (\"{}\"): {problem}",
                        n + 1,
                        source.url.trim()
                    ),
                );
            }
        }
        let len = claim.text.trim().chars().count();
        if len > MAX_CLAIM_REVIEWED_CHARS {
            add(
                LintRule::ClaimReviewedTooLong,
                format!(
                    "claimReviewed is {len} characters; Google shows at most {MAX_CLAIM_REVIEWED_CHARS}, so shorten the claim's wording"
                ),
            );
        }
        if lookup(review, &["reviewRating", "ratingValue"]).is_none() {
            add(
                LintRule::LabelWithoutRating,
                format!(
                    "the verdict \"{}\" has no ClaimReview numbers (ratingValue, bestRating, worstRating) in the scheme \"{}\"",
                    session.scheme.name_of(&claim.status),
                    session.scheme.id
                ),
            );
        }
    }
    problems
}

fn lookup<'a>(value: &'a Value, path: &[&str]) -> Option<&'a Value> {
    let found = path.iter().try_fold(value, |v, key| v.get(key))?;
    match found {
        Value::String(s) if s.trim().is_empty() => None,
        Value::Null => None,
        v => Some(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prefs::PublisherProfile;

    fn options(org_url: &str) -> ExportOptions {
        let mut options = ExportOptions::new(
            PublisherProfile {
                organisation_name: "Desk".into(),
                organisation_url: org_url.into(),
                reviewer_name: String::new(),
            },
            "2026-11-30".into(),
        );
        options.review_url = Some("https://desk.example.org/checks".into());
        options
    }

    fn invalid_urls(problems: &[LintProblem]) -> Vec<String> {
        problems
            .iter()
            .filter(|p| p.rule == LintRule::InvalidUrl)
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn source_and_publisher_urls_must_be_web_addresses() {
        let mut session = crate::sample::sample_session();
        let good = lint_claimreview(&session, &options("https://desk.example.org"));
        assert!(invalid_urls(&good).is_empty(), "{good:?}");

        let claim = session
            .claims
            .iter()
            .position(|c| session.scheme.is_reviewed(&c.status) && !c.sources.is_empty())
            .expect("a reviewed claim with a source");
        let id = session.claims[claim].id;
        for (source, url) in session.claims[claim]
            .sources
            .iter_mut()
            .zip(["deskcheck.example.org/a", "htp:/not a url"])
        {
            source.url = url.into();
        }
        let problems = lint_claimreview(&session, &options("deskcheck.example.org"));
        let found = invalid_urls(&problems);
        assert!(
            found[0].starts_with("invalid-url: the publisher's organisation URL")
                && found[0].contains("https://deskcheck.example.org"),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p.contains(&format!("claim #{id}: source 1"))),
            "{found:?}"
        );
    }
}
