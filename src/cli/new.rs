//! `claimdesk new ARTICLE -o SESSION.ron`

use super::CliError;
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
}

/// Imports the article and writes a new session.
pub fn run(args: NewArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let article = import_file(&args.article).map_err(|e| super::import_error(&args.article, e))?;
    let session = Session::new(article);
    save_session(&args.output, &session, None).map_err(CliError::from_display)?;
    writeln!(
        out,
        "Created {} from \"{}\"",
        args.output.display(),
        session.article.title
    )
    .map_err(CliError::from_display)
}
