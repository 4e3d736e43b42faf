//! `claimdesk new PATH_OR_URL -o SESSION.ron [--force] [--no-original] [--accept-suggestions [--min-score S]]`

use super::CliError;
use super::suggest::parse_score;
use crate::command::apply;
use crate::extract::{DEFAULT_THRESHOLD, accept_all, suggest};
use crate::model::Session;
use crate::store::{LockError, LockUser, SessionLock, save_new_session, save_session};
use std::path::PathBuf;

/// Arguments of `claimdesk new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The article to check: a file (.txt, .md, .html, .pdf) or an http(s) link.
    pub article: String,
    /// Where to write the session. An existing file is replaced only with --force.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Do not keep a copy of the original page or PDF beside the session
    /// (SESSION.original.html or .pdf; kept by default, as evidence).
    #[arg(long)]
    pub no_original: bool,
    /// Replace --output if it exists (the old file is kept as OUTPUT.bak). Never
    /// while a Claimdesk window or command has it open.
    #[arg(long)]
    pub force: bool,
    /// Make a claim of every suggestion scoring at least --min-score.
    #[arg(long)]
    pub accept_suggestions: bool,
    /// Threshold for --accept-suggestions.
    #[arg(long, default_value_t = DEFAULT_THRESHOLD, value_parser = parse_score, requires = "accept_suggestions")]
    pub min_score: f32,
}

/// Imports the article and writes a new session.
pub fn run(args: NewArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    // Honour the lock with or without --force: a window editing the session there
    // would otherwise lose its file under it.
    let _lock = match SessionLock::acquire_as(&args.output, LockUser::Command("new")) {
        Ok(lock) => Some(lock),
        Err(e @ LockError::HeldElsewhere { .. }) => return Err(super::words::lock_error(e)),
        // No lock to be had (a read-only folder, one without locks): saving says
        // what is wrong, or works and nobody else had it open anyway.
        Err(LockError::Io { .. }) => None,
    };
    if !args.force && std::fs::symlink_metadata(&args.output).is_ok() {
        return Err(exists(&args.output));
    }
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
        let chosen = suggestions.iter().filter(|s| s.score >= args.min_score);
        // Never a second claim over text a claim already covers.
        for command in accept_all(chosen, &session) {
            apply(&mut session, command).map_err(CliError::from_display)?;
            accepted += 1;
        }
    }
    if args.force {
        save_session(&args.output, &session, None)
    } else {
        // Also refuses if the file appeared while the session was being made.
        save_new_session(&args.output, &session)
    }
    .map_err(super::words::save_error)?;
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

fn exists(path: &std::path::Path) -> CliError {
    CliError(format!(
        "{} exists; nothing was written. Give --force to replace it (the old file is kept as {}.bak), or choose another name",
        path.display(),
        path.display()
    ))
}
