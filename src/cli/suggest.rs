//! `claimdesk suggest ARTICLE [--min-score S] [--format tsv|json]`

use super::CliError;
use crate::extract::{DEFAULT_THRESHOLD, Suggestion, suggest_each};
use crate::import::import_file;
use std::path::PathBuf;

/// Output format of `claimdesk suggest`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per suggestion: start, end, score, claimant, sentence (tab-separated).
    #[default]
    Tsv,
    /// A JSON array of objects with the same fields plus cue and reasons.
    Json,
}

/// Arguments of `claimdesk suggest`.
#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    /// The article (.txt or .md).
    pub article: PathBuf,
    /// Print sentences scoring at least this (0 prints every body sentence).
    #[arg(long, default_value_t = DEFAULT_THRESHOLD, value_parser = parse_score)]
    pub min_score: f32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Tsv)]
    pub format: Format,
}

/// Parses a score in [0, 1].
pub fn parse_score(s: &str) -> Result<f32, String> {
    let v: f32 = s
        .parse()
        .map_err(|_| format!("{s:?} is not a number; give a score between 0 and 1"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is outside 0..1; give a score between 0 and 1"))
    }
}

/// Prints the article's suggestions in article order.
///
/// Streamed: each suggestion is printed as soon as it is scored and then dropped,
/// so memory stays near the article's size whatever it holds (issue 15: an article
/// of 200,000 four-character sentences made 57 MB of suggestions before printing).
pub fn run(args: SuggestArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    use serde::ser::{SerializeSeq as _, Serializer as _};
    use std::io::Write as _;
    let article = import_file(&args.article).map_err(|e| super::import_error(&args.article, e))?;
    let mut out = std::io::BufWriter::new(out);
    let mut failed: Option<String> = None;
    let chosen = |s: &Suggestion| s.score >= args.min_score;
    match args.format {
        Format::Tsv => {
            out.write_all(b"start\tend\tscore\tclaimant\tsentence\n")
                .map_err(CliError::from_display)?;
            suggest_each(&article.text, &mut |_| {}, &mut |s| {
                if failed.is_none()
                    && chosen(&s)
                    && let Err(e) = out.write_all(tsv_line(&s).as_bytes())
                {
                    failed = Some(e.to_string());
                }
            });
        }
        Format::Json => {
            // The same text `serde_json::to_string_pretty` makes of the whole array.
            let mut json = serde_json::Serializer::pretty(&mut out);
            let mut seq = json.serialize_seq(None).map_err(CliError::from_display)?;
            suggest_each(&article.text, &mut |_| {}, &mut |s| {
                if failed.is_none()
                    && chosen(&s)
                    && let Err(e) = seq.serialize_element(&json_item(&s))
                {
                    failed = Some(e.to_string());
                }
            });
            seq.end().map_err(CliError::from_display)?;
            out.write_all(b"\n").map_err(CliError::from_display)?;
        }
    }
    if let Some(e) = failed {
        return Err(CliError::from_display(e));
    }
    out.flush().map_err(CliError::from_display)
}

/// Tabs and line breaks inside a field would break the columns.
fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// One suggestion as a line of the TSV table.
fn tsv_line(s: &Suggestion) -> String {
    let claimant = s
        .attribution
        .as_ref()
        .map_or(String::new(), |a| field(&a.claimant));
    format!(
        "{}\t{}\t{:.3}\t{}\t{}\n",
        s.start,
        s.end,
        s.score,
        claimant,
        field(&s.text)
    )
}

/// One suggestion as an object of the JSON array.
fn json_item(s: &Suggestion) -> serde_json::Value {
    serde_json::json!({
        "start": s.start,
        "end": s.end,
        "score": (f64::from(s.score) * 1000.0).round() / 1000.0,
        "claimant": s.attribution.as_ref().map(|a| a.claimant.clone()),
        "cue": s.attribution.as_ref().map(|a| a.cue.clone()),
        "claimant_start": s.attribution.as_ref().map(|a| a.start),
        "claimant_end": s.attribution.as_ref().map(|a| a.end),
        "text": s.text,
        "reasons": s.reasons().iter().map(|r| serde_json::json!({
            "feature": r.feature,
            "weight": (f64::from(r.weight) * 1000.0).round() / 1000.0,
        })).collect::<Vec<_>>(),
    })
}
