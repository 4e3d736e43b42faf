//! `claimdesk suggest ARTICLE [--min-score S] [--format tsv|json]`

use super::CliError;
use crate::extract::{DEFAULT_THRESHOLD, Suggestion, suggest};
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
pub fn run(args: SuggestArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let article = import_file(&args.article).map_err(|e| super::import_error(&args.article, e))?;
    let all = suggest(&article.text);
    let chosen: Vec<&Suggestion> = all.iter().filter(|s| s.score >= args.min_score).collect();
    let text = match args.format {
        Format::Tsv => tsv(&chosen),
        Format::Json => json(&chosen).map_err(CliError::from_display)?,
    };
    out.write_all(text.as_bytes())
        .map_err(CliError::from_display)
}

/// Tabs and line breaks inside a field would break the columns.
fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn tsv(chosen: &[&Suggestion]) -> String {
    let mut text = String::from("start\tend\tscore\tclaimant\tsentence\n");
    for s in chosen {
        let claimant = s
            .attribution
            .as_ref()
            .map_or(String::new(), |a| field(&a.claimant));
        text.push_str(&format!(
            "{}\t{}\t{:.3}\t{}\t{}\n",
            s.start,
            s.end,
            s.score,
            claimant,
            field(&s.text)
        ));
    }
    text
}

fn json(chosen: &[&Suggestion]) -> Result<String, serde_json::Error> {
    let items: Vec<serde_json::Value> = chosen
        .iter()
        .map(|s| {
            serde_json::json!({
                "start": s.start,
                "end": s.end,
                "score": (f64::from(s.score) * 1000.0).round() / 1000.0,
                "claimant": s.attribution.as_ref().map(|a| a.claimant.clone()),
                "cue": s.attribution.as_ref().map(|a| a.cue.clone()),
                "claimant_start": s.attribution.as_ref().map(|a| a.start),
                "claimant_end": s.attribution.as_ref().map(|a| a.end),
                "text": s.text,
                "reasons": s.reasons.iter().map(|r| serde_json::json!({
                    "feature": r.feature,
                    "weight": (f64::from(r.weight) * 1000.0).round() / 1000.0,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&items)?;
    text.push('\n');
    Ok(text)
}
