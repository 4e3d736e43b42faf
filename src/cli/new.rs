//! `claimdesk new PATH_OR_URL -o SESSION.ron [--no-original] [--accept-suggestions [--min-score S]]`

use super::CliError;
use super::suggest::parse_score;
use crate::command::apply;
use crate::extract::{DEFAULT_THRESHOLD, suggest, to_command};
use crate::model::Session;
use crate::store::save_session;
use std::path::PathBuf;

/// Arguments of `claimdesk new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The article to check: a file (.txt, .md, .html, .pdf) or an http(s) link.
    pub article: String,
    /// Where to write the session.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Do not keep a copy of the original page or PDF beside the session
    /// (SESSION.original.html or .pdf; kept by default, as evidence).
    #[arg(long)]
    pub no_original: bool,
    /// Make a claim of every suggestion scoring at least --min-score.
    #[arg(long)]
    pub accept_suggestions: bool,
    /// Threshold for --accept-suggestions.
    #[arg(long, default_value_t = DEFAULT_THRESHOLD, value_parser = parse_score, requires = "accept_suggestions")]
    pub min_score: f32,
}

/// Imports the article and writes a new session.
pub fn run(args: NewArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let imported = super::import_source(&args.article)?;
    let mut article = imported.article;
    // A text file's words are all in the session already; pages and PDFs are kept.
    let keep = !args.no_original && article.origin.kind != crate::model::ArticleKind::Text;
    let mut kept = String::new();
    if keep {
        let path = crate::import::keep_original(&args.output, &mut article, &imported.original)
            .map_err(|e| {
                CliError::from_display(format!(
                    "Could not keep a copy of the original beside {}: {e} (use --no-original to skip it)",
                    args.output.display()
                ))
            })?;
        kept = format!("; the original is kept as {}", path.display());
    }
    let mut session = Session::new(article);
    let mut accepted = 0;
    if args.accept_suggestions {
        let suggestions = suggest(&session.article.text);
        for s in suggestions.iter().filter(|s| s.score >= args.min_score) {
            apply(&mut session, to_command(s)).map_err(CliError::from_display)?;
            accepted += 1;
        }
    }
    save_session(&args.output, &session, None).map_err(CliError::from_display)?;
    let claims = if args.accept_suggestions {
        format!(" with {accepted} suggested claims")
    } else {
        String::new()
    };
    writeln!(
        out,
        "Created {} from \"{}\"{claims}{kept}",
        args.output.display(),
        session.article.title
    )
    .map_err(CliError::from_display)
}
