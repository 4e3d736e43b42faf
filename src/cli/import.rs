//! `claimdesk import PATH_OR_URL [--format text|json]`: prints the article
//! Claimdesk would create from a file or link, without making a session.

use super::CliError;
use crate::model::Article;
use serde_json::json;

/// How `claimdesk import` prints the article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// The article text exactly as a session would store it.
    #[default]
    Text,
    /// JSON with the metadata, the body (text without the title) and the whole text.
    Json,
}

/// Arguments of `claimdesk import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The article: a file (.txt, .md, .html, .pdf) or an http(s) link.
    pub source: String,
    /// What to print.
    #[arg(long, value_enum, default_value_t = ImportFormat::Text)]
    pub format: ImportFormat,
}

/// Imports and prints.
pub fn run(args: ImportArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let imported = super::import_source(&args.source)?;
    let printed = match args.format {
        ImportFormat::Text => {
            let mut t = imported.article.text.clone();
            t.push('\n');
            t
        }
        ImportFormat::Json => {
            let mut t = serde_json::to_string_pretty(&article_json(&imported.article))
                .map_err(CliError::from_display)?;
            t.push('\n');
            t
        }
    };
    out.write_all(printed.as_bytes())
        .map_err(CliError::from_display)
}

/// The article as `claimdesk import --format json` prints it.
pub fn article_json(article: &Article) -> serde_json::Value {
    let m = &article.meta;
    json!({
        "title": article.title,
        "byline": m.byline,
        "published": m.published,
        "site": m.site,
        "url": m.url,
        "language": m.language,
        "body": body_of(&article.text),
        "text": article.text,
    })
}

/// The text after the title line, without the blank lines that follow it.
pub fn body_of(text: &str) -> &str {
    let rest = text.split_once('\n').map_or("", |(_, rest)| rest);
    rest.trim_start_matches('\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_is_the_text_after_the_title() {
        assert_eq!(body_of("Title\n\nOne.\n\nTwo."), "One.\n\nTwo.");
        assert_eq!(body_of("Only a title"), "");
    }
}
