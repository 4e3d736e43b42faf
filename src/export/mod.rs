//! Publishing a session: ClaimReview, W3C Web Annotation, CSV, Markdown and HTML reports.
//!
//! Every exporter reads a `&Session` plus [`ExportOptions`] and returns text; nothing
//! here touches files, so the app, the CLI and the tests share the same code.
//! Field mappings are documented in `docs/exports.md`.

pub mod claimreview;
pub mod context;
pub mod csv;
pub mod date;
pub mod escape;
pub mod html;
pub mod lint;
pub mod markdown;
pub mod report;
pub mod summary;
pub mod web_annotation;

pub use claimreview::{claimreview_json, to_claimreview};
pub use context::{QuoteInContext, quote_in_context};
pub use csv::{SOURCE_SEPARATOR, to_csv};
pub use date::{DateError, parse_date, today_utc};
pub use html::to_html;
pub use lint::{FixPlace, LintProblem, LintRule, lint_claimreview};
pub use markdown::to_markdown;
pub use summary::{VerdictCount, verdict_counts};
pub use web_annotation::{to_web_annotation, web_annotation_json};

use crate::model::Session;
use crate::prefs::PublisherProfile;

/// The formats Claimdesk publishes, in the order menus offer them (`ExportFormat::iter()`
/// lists them all, so a new format reaches the menus and the CLI by itself).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum, strum::EnumIter)]
pub enum ExportFormat {
    /// schema.org ClaimReview JSON-LD (Google's fact-check structured data).
    #[default]
    #[value(name = "claimreview")]
    ClaimReview,
    /// W3C Web Annotation JSON-LD (an AnnotationCollection).
    #[value(name = "webannotation")]
    WebAnnotation,
    /// One row per claim.
    Csv,
    /// A Markdown report.
    Markdown,
    /// A self-contained HTML report.
    Html,
}

impl ExportFormat {
    /// The name used on the command line (`--format NAME`).
    pub fn cli_name(self) -> &'static str {
        match self {
            ExportFormat::ClaimReview => "claimreview",
            ExportFormat::WebAnnotation => "webannotation",
            ExportFormat::Csv => "csv",
            ExportFormat::Markdown => "markdown",
            ExportFormat::Html => "html",
        }
    }

    /// A name for menus ("ClaimReview JSON-LD…").
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::ClaimReview => "ClaimReview JSON-LD",
            ExportFormat::WebAnnotation => "W3C Web Annotations",
            ExportFormat::Csv => "CSV table",
            ExportFormat::Markdown => "Markdown report",
            ExportFormat::Html => "HTML report",
        }
    }

    /// The end of a suggested file name, after the session's name: the two JSON-LD
    /// formats are told apart (`NAME.claimreview.jsonld`, `NAME.annotations.jsonld`).
    pub fn file_suffix(self) -> &'static str {
        match self {
            ExportFormat::ClaimReview => "claimreview.jsonld",
            ExportFormat::WebAnnotation => "annotations.jsonld",
            other => other.extension(),
        }
    }

    /// Whether this is a report for people to read (Markdown, HTML), which can leave
    /// out claims not yet reviewed ([`ExportOptions::reviewed_only`]).
    pub fn is_report(self) -> bool {
        matches!(self, ExportFormat::Markdown | ExportFormat::Html)
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::ClaimReview | ExportFormat::WebAnnotation => "jsonld",
            ExportFormat::Csv => "csv",
            ExportFormat::Markdown => "md",
            ExportFormat::Html => "html",
        }
    }
}

/// What an export needs besides the session.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// The publishing organisation and reviewer (from preferences, maybe overridden).
    pub publisher: PublisherProfile,
    /// The publication date, `YYYY-MM-DD` (see [`today_utc`]; fixed in tests).
    pub date: String,
    /// The page where the fact check is published. ClaimReview `url` and annotation ids
    /// are this plus `#claim-N`, which is also the claim's anchor in the HTML report.
    pub review_url: Option<String>,
    /// The article's public address, overriding the one in the article's metadata
    /// (ClaimReview `appearance`, annotation target, reports). See [`Self::article_url_of`].
    pub article_url: Option<String>,
    /// When the claims were made (the article's date), `YYYY-MM-DD`.
    pub claim_date: Option<String>,
    /// The HTML and Markdown reports leave out claims not yet reviewed (whose verdict
    /// is the scheme's `unreviewed` label); see [`report::published`]. ClaimReview
    /// always does; the CSV and Web Annotation exports always list every claim.
    pub reviewed_only: bool,
}

impl ExportOptions {
    /// Options with a publisher and date and nothing else.
    pub fn new(publisher: PublisherProfile, date: String) -> Self {
        Self {
            publisher,
            date,
            ..Self::default()
        }
    }

    /// The article's public address: [`Self::article_url`] when given (an
    /// override), else the URL in the article's metadata; `None` when neither is set.
    pub fn article_url_of<'a>(&'a self, session: &'a Session) -> Option<&'a str> {
        self.article_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .or_else(|| Some(session.article.meta.url.trim()).filter(|u| !u.is_empty()))
    }

    /// The ClaimReview `url` / annotation id of the claim numbered `number`, when there
    /// is a review URL: the URL plus `#claim-N`.
    pub fn claim_url(&self, number: u64) -> Option<String> {
        self.review_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(|u| format!("{}#claim-{number}", u.split('#').next().unwrap_or(u)))
    }
}

/// An export could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The CSV writer failed.
    #[error("could not write CSV: {0}")]
    Csv(String),
    /// JSON serialisation failed.
    #[error("could not write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A merge left conflicts that nobody has settled yet.
    #[error(
        "the session still has {0} merge conflict(s) to resolve; nothing is published until each is settled (open it in Claimdesk, or see docs/team-work.md)"
    )]
    Conflicts(usize),
}

/// Produces `format` for `session`. For ClaimReview, run [`lint_claimreview`] first to
/// show problems. The export refuses only while merge conflicts remain
/// ([`ExportError::Conflicts`]): a half-merged session must not be published.
pub fn export(
    session: &Session,
    format: ExportFormat,
    options: &ExportOptions,
) -> Result<String, ExportError> {
    check_no_conflicts(session)?;
    match format {
        ExportFormat::ClaimReview => claimreview_json(session, options),
        ExportFormat::WebAnnotation => web_annotation_json(session, options),
        ExportFormat::Csv => to_csv(session),
        ExportFormat::Markdown => Ok(to_markdown(session, options)),
        ExportFormat::Html => Ok(to_html(session, options)),
    }
}

/// An export with what the ClaimReview linter found in it (nothing for other formats).
#[derive(Debug)]
pub struct Checked {
    /// The exported text.
    pub text: String,
    /// Problems to show before publishing (ClaimReview only).
    pub problems: Vec<LintProblem>,
}

/// [`export`] with the ClaimReview linter run on the way: the one export step the
/// app and the command line share, so both warn about the same things.
pub fn export_checked(
    session: &Session,
    format: ExportFormat,
    options: &ExportOptions,
) -> Result<Checked, ExportError> {
    let text = export(session, format, options)?;
    let problems = if format == ExportFormat::ClaimReview {
        lint_claimreview(session, options)
    } else {
        Vec::new()
    };
    Ok(Checked { text, problems })
}

/// Refuses a session that still has merge conflicts (the app and CLI check before
/// exporting; [`export`] checks too).
pub fn check_no_conflicts(session: &Session) -> Result<(), ExportError> {
    match session.conflicts.len() {
        0 => Ok(()),
        n => Err(ExportError::Conflicts(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::ExportFormat;

    /// Issue 11: both JSON-LD exports defaulted to `NAME.jsonld`.
    #[test]
    fn the_two_json_ld_exports_get_different_file_names() {
        assert_eq!(
            ExportFormat::ClaimReview.file_suffix(),
            "claimreview.jsonld"
        );
        assert_eq!(
            ExportFormat::WebAnnotation.file_suffix(),
            "annotations.jsonld"
        );
        assert_eq!(ExportFormat::Csv.file_suffix(), "csv");
    }
}
