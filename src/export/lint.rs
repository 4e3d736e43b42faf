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

/// Where a problem is fixed, so the app can offer a button that goes there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FixPlace {
    /// Edit › Preferences: the publisher profile (organisation, its URL, the review
    /// URL pattern).
    PublisherProfile,
    /// File › Article details (the article's address and date).
    ArticleDetails,
    /// The claim's own fields in the inspector (wording, claimant, date, review URL,
    /// sources).
    Claim,
    /// Claim › Rating scheme (a verdict without ClaimReview numbers).
    RatingScheme,
    /// Nothing to open: the words say what to do (give a claim a verdict).
    Nowhere,
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
    /// What is wrong and how to fix it in the app, in plain words.
    pub message: String,
    /// Where the app fixes it.
    pub fix: FixPlace,
    /// The `claimdesk export` option that fixes it for one export, if there is one
    /// (shown by the command line, not by the app).
    pub cli_flag: Option<&'static str>,
}

impl fmt::Display for LintProblem {
    /// The command line's line: code, claim, words and the option that fixes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.rule.code())?;
        if let Some(n) = self.claim_number {
            write!(f, "claim #{n}: ")?;
        }
        write!(f, "{}", self.message)?;
        match self.cli_flag {
            Some(flag) => write!(f, " (or {flag})"),
            None => Ok(()),
        }
    }
}

/// A field the linter looks for: its JSON path, how to fix it in the app, where, and
/// the command line's option for it.
struct Field {
    path: &'static [&'static str],
    fix: &'static str,
    place: FixPlace,
    flag: Option<&'static str>,
}

/// Fields every ClaimReview must have.
const REQUIRED: [Field; 5] = [
    Field {
        path: &["url"],
        fix: "give the claim its review URL in the inspector, or set a review URL pattern in Edit › Preferences",
        place: FixPlace::Claim,
        flag: Some("--url for all claims"),
    },
    Field {
        path: &["claimReviewed"],
        fix: "give the claim a wording",
        place: FixPlace::Claim,
        flag: None,
    },
    Field {
        path: &["author", "name"],
        fix: "set the organisation in Edit › Preferences",
        place: FixPlace::PublisherProfile,
        flag: Some("--org-name"),
    },
    Field {
        path: &["datePublished"],
        fix: "set the publication date",
        place: FixPlace::Nowhere,
        flag: Some("--date"),
    },
    Field {
        path: &["reviewRating", "alternateName"],
        fix: "give the verdict label a name in the rating scheme",
        place: FixPlace::RatingScheme,
        flag: None,
    },
];

/// Fields Google recommends.
const RECOMMENDED: [Field; 3] = [
    Field {
        path: &["itemReviewed", "author", "name"],
        fix: "say who made the claim (the claimant, in the inspector)",
        place: FixPlace::Claim,
        flag: None,
    },
    Field {
        path: &["itemReviewed", "datePublished"],
        fix: "set when the claim was made (the claim's date in the inspector, or the article's date in File › Article details)",
        place: FixPlace::Claim,
        flag: Some("--claim-date"),
    },
    Field {
        path: &["itemReviewed", "appearance", "url"],
        fix: "set the article's address in File › Article details",
        place: FixPlace::ArticleDetails,
        flag: Some("--article-url"),
    },
];

/// Lists the problems of the ClaimReview export of `session` with `options`, in a stable
/// order: publisher-wide problems first, then per claim in article order.
pub fn lint_claimreview(session: &Session, options: &ExportOptions) -> Vec<LintProblem> {
    let mut problems = Vec::new();
    let general = |rule, message: &str, fix, cli_flag| LintProblem {
        rule,
        claim: None,
        claim_number: None,
        message: message.to_owned(),
        fix,
        cli_flag,
    };
    if options.publisher.organisation_url.trim().is_empty() {
        problems.push(general(
            LintRule::NoPublisherUrl,
            "the publisher has no organisation URL; set it in Edit › Preferences",
            FixPlace::PublisherProfile,
            Some("--org-url"),
        ));
    }
    if !options.publisher.organisation_url.trim().is_empty()
        && let Err(problem) = check_web_address(&options.publisher.organisation_url)
    {
        problems.push(general(
            LintRule::InvalidUrl,
            &format!(
                "the publisher's organisation URL \"{}\": {problem}; fix it in Edit › Preferences",
                options.publisher.organisation_url.trim()
            ),
            FixPlace::PublisherProfile,
            Some("--org-url"),
        ));
    }
    let pattern = options.publisher.review_url_pattern.trim();
    if !pattern.is_empty()
        && let Err(problem) = crate::prefs::check_review_url_pattern(pattern)
    {
        problems.push(general(
            LintRule::InvalidUrl,
            &format!(
                "the review URL pattern \"{pattern}\": {problem}; fix it in Edit › Preferences"
            ),
            FixPlace::PublisherProfile,
            None,
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
            FixPlace::Nowhere,
            None,
        ));
    }
    let reviews = to_claimreview(session, options);
    let reviews = reviews.as_array().map(Vec::as_slice).unwrap_or_default();
    for (claim, review) in reviewed.iter().zip(reviews) {
        let mut add = |rule, message: String, fix, cli_flag| {
            problems.push(LintProblem {
                rule,
                claim: Some(claim.id),
                claim_number: Some(claim.number),
                message,
                fix,
                cli_flag,
            });
        };
        for (rule, fields) in [
            (LintRule::RequiredFieldMissing, &REQUIRED[..]),
            (LintRule::RecommendedFieldMissing, &RECOMMENDED[..]),
        ] {
            for field in fields {
                if lookup(review, field.path).is_none() {
                    add(
                        rule,
                        format!("{} is missing; {}", field.path.join("."), field.fix),
                        field.place,
                        field.flag,
                    );
                }
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
                    FixPlace::Claim,
                    None,
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
                FixPlace::Claim,
                None,
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
                FixPlace::RatingScheme,
                None,
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
                ..PublisherProfile::default()
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
