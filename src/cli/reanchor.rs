//! `claimdesk reanchor SESSION NEW_ARTICLE [-o OUT]`

use super::CliError;
use crate::command::apply;
use crate::reanchor::{Found, reanchor};
use crate::store::{LockUser, SessionLock, load_session, save_session};
use std::path::PathBuf;

/// Arguments of `claimdesk reanchor`.
#[derive(Debug, clap::Args)]
pub struct ReanchorArgs {
    /// The session whose article changed.
    pub session: PathBuf,
    /// The new version of the article: a file (.txt, .md, .html, .pdf) or an http(s) link.
    pub new_article: String,
    /// Where to write the updated session (default: update SESSION in place,
    /// keeping the previous version as SESSION.bak).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// Replaces the article, re-anchors every claim, saves, and prints the counts and
/// the claims that need review.
pub fn run(args: ReanchorArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let target = args.output.clone().unwrap_or_else(|| args.session.clone());
    // Refuse while the app has the target open, rather than write under it.
    let _lock = SessionLock::acquire_as(&target, LockUser::Command("reanchor"))
        .map_err(super::words::lock_error)?;
    let (loaded, stamp) = load_session(&args.session).map_err(CliError::from_display)?;
    super::print_warnings(&args.session, &loaded.warnings);
    let article = super::import_source(&args.new_article)?.article;
    let mut session = loaded.session;
    let outcome = reanchor(&session, article);
    let report = outcome.report;
    let mut listing = String::new();
    for p in &outcome.placements {
        let quote: String = p.place.anchor.exact.chars().take(70).collect();
        let quote = quote.replace('\n', " ");
        let number = session.claim(p.place.claim).map_or(0, |c| c.number);
        match p.found {
            Found::Fuzzy { confidence } => listing.push_str(&format!(
                "  fuzzy ({:.0}%)\t#{}\t{quote}\n",
                confidence * 100.0,
                number
            )),
            Found::NeedsReview { .. } => {
                listing.push_str(&format!("  needs review\t#{number}\t{quote}\n"));
            }
            Found::Kept | Found::Moved => {}
        }
    }
    apply(&mut session, outcome.into_command()).map_err(CliError::from_display)?;
    let expected = if args.output.is_none() {
        Some(&stamp)
    } else {
        None
    };
    save_session(&target, &session, expected).map_err(super::words::save_error)?;
    let n = session.claims.len();
    let noun = if n == 1 { "claim" } else { "claims" };
    let text = format!(
        "Re-anchored {n} {noun}: {report}\n{listing}Wrote {}\n",
        target.display()
    );
    out.write_all(text.as_bytes())
        .map_err(CliError::from_display)
}
