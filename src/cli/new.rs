//! `claimdesk new ARTICLE -o SESSION.ron [--accept-suggestions [--min-score S]]`

use super::CliError;
use super::suggest::parse_score;
use crate::command::apply;
use crate::extract::{DEFAULT_THRESHOLD, accept_all, suggest};
use crate::import::import_file;
use crate::model::Session;
use crate::store::save_session;
use std::path::PathBuf;

/// Arguments of `claimdesk new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The article to check (.txt or .md).
    pub article: PathBuf,
    /// Where to write the session.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Make a claim of every suggestion scoring at least --min-score.
    #[arg(long)]
    pub accept_suggestions: bool,
    /// Threshold for --accept-suggestions.
    #[arg(long, default_value_t = DEFAULT_THRESHOLD, value_parser = parse_score, requires = "accept_suggestions")]
    pub min_score: f32,
}

/// Imports the article and writes a new session.
pub fn run(args: NewArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let article = import_file(&args.article).map_err(|e| super::import_error(&args.article, e))?;
    let mut session = Session::new(article);
    let mut accepted = 0;
    if args.accept_suggestions {
        let suggestions = suggest(&session.article.text);
        let chosen = suggestions.iter().filter(|s| s.score >= args.min_score);
        // Never a second claim over text a claim already covers.
        for command in accept_all(chosen, &session) {
            apply(&mut session, command).map_err(CliError::from_display)?;
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
        "Created {} from \"{}\"{claims}",
        args.output.display(),
        session.article.title
    )
    .map_err(CliError::from_display)
}
