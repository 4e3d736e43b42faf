//! `claimdesk edit SESSION --claim ID [--status LABEL] [--note TEXT] [--claimant TEXT]
//! [--add-source URL --title T --quote Q --stance S]`
//!
//! Changes go through the same [`Command`]s as the app, applied as one batch: either
//! all of them apply and the file is saved atomically, or none do and the file is untouched.

use super::CliError;
use crate::command::{Command, apply};
use crate::model::{ClaimId, Session, SourceDraft, Stance};
use crate::store::{load_session, save_session};
use std::io::Write as _;
use std::path::PathBuf;

/// Arguments of `claimdesk edit`.
#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The session file (changed in place; the previous version is kept as .bak).
    pub session: PathBuf,
    /// The claim's id (as `claimdesk show` lists it, with or without '#').
    #[arg(long, value_parser = parse_claim_id)]
    pub claim: ClaimId,
    /// New verdict: a label id or name from the session's rating scheme.
    #[arg(long)]
    pub status: Option<String>,
    /// Replace the claim's note.
    #[arg(long)]
    pub note: Option<String>,
    /// Replace who made the claim.
    #[arg(long)]
    pub claimant: Option<String>,
    /// Replace the claim's published wording (not empty).
    #[arg(long, value_parser = not_blank("--text", "the claim's wording"))]
    pub text: Option<String>,
    /// Add a source with this URL (not empty).
    #[arg(long, value_name = "URL", value_parser = not_blank("--add-source", "a source's URL"))]
    pub add_source: Option<String>,
    /// The new source's title.
    #[arg(long, requires = "add_source", value_name = "T")]
    pub title: Option<String>,
    /// The passage of the new source that matters.
    #[arg(long, requires = "add_source", value_name = "Q")]
    pub quote: Option<String>,
    /// Which way the new source points.
    #[arg(long, requires = "add_source", value_parser = parse_stance, default_value = "context")]
    pub stance: Stance,
    /// When the new source was read, YYYY-MM-DD.
    #[arg(long, requires = "add_source", value_name = "DATE")]
    pub accessed: Option<String>,
}

fn parse_claim_id(s: &str) -> Result<ClaimId, String> {
    s.trim()
        .trim_start_matches('#')
        .parse()
        .map(ClaimId)
        .map_err(|_| format!("\"{s}\" is not a claim id (a number, as `claimdesk show` lists)"))
}

/// A parser that refuses an empty or blank value: `--text=` would erase the claim's
/// wording, and `--add-source ""` would add a source that points nowhere.
fn not_blank(
    flag: &'static str,
    what: &'static str,
) -> impl Fn(&str) -> Result<String, String> + Clone + Send + Sync + 'static {
    move |s: &str| {
        if s.trim().is_empty() {
            Err(format!("{what} cannot be empty; give {flag} some text"))
        } else {
            Ok(s.to_owned())
        }
    }
}

fn parse_stance(s: &str) -> Result<Stance, String> {
    Stance::parse(s)
        .ok_or_else(|| format!("\"{s}\" is not a stance: use supports, refutes or context"))
}

/// Applies the requested changes to one claim and saves the session.
pub fn run(args: EditArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let file = args.session.display().to_string();
    let fail = |msg: String| CliError(format!("{file}: {msg}"));
    // Refuse while the app has the session open, and never overwrite changes made
    // on disk between our load and our save.
    let _lock = crate::store::SessionLock::acquire_as(
        &args.session,
        crate::store::LockUser::Command("edit"),
    )
    .map_err(super::words::lock_error)?;
    let (loaded, stamp) = load_session(&args.session).map_err(CliError::from_display)?;
    let mut session = loaded.session;
    let commands = commands(&args, &session).map_err(fail)?;
    if commands.is_empty() {
        return Err(fail(
            "nothing to change; give --status, --note, --claimant, --text or --add-source".into(),
        ));
    }
    let n = commands.len();
    apply(&mut session, Command::Batch(commands)).map_err(|e| fail(e.to_string()))?;
    save_session(&args.session, &session, Some(&stamp)).map_err(super::words::save_error)?;
    let mut stderr = std::io::stderr().lock();
    for warning in &loaded.warnings {
        let _ = writeln!(stderr, "claimdesk: warning: {warning}");
    }
    let noun = if n == 1 { "change" } else { "changes" };
    writeln!(out, "Claim #{}: {n} {noun} saved to {file}", args.claim)
        .map_err(CliError::from_display)
}

fn commands(args: &EditArgs, session: &Session) -> Result<Vec<Command>, String> {
    let claim = args.claim;
    if session.claim(claim).is_none() {
        return Err(format!("there is no claim #{claim}"));
    }
    let mut commands = Vec::new();
    if let Some(status) = &args.status {
        let label = session.scheme.find_label(status).ok_or_else(|| {
            let known: Vec<&str> = session
                .scheme
                .labels
                .iter()
                .map(|l| l.id.as_str())
                .collect();
            format!(
                "\"{status}\" is not a verdict in the rating scheme \"{}\" (use one of: {})",
                session.scheme.id,
                known.join(", ")
            )
        })?;
        commands.push(Command::SetStatus {
            claim,
            status: label.id.clone(),
        });
    }
    if let Some(note) = &args.note {
        commands.push(Command::SetNote {
            claim,
            note: note.clone(),
        });
    }
    if let Some(claimant) = &args.claimant {
        commands.push(Command::SetClaimant {
            claim,
            claimant: claimant.clone(),
        });
    }
    if let Some(text) = &args.text {
        commands.push(Command::SetText {
            claim,
            text: text.clone(),
        });
    }
    if let Some(url) = &args.add_source {
        crate::model::check_web_address(url).map_err(|e| format!("--add-source {url:?}: {e}"))?;
        let accessed = match &args.accessed {
            Some(d) => crate::export::parse_date(d).map_err(|e| format!("--accessed: {e}"))?,
            None => String::new(),
        };
        commands.push(Command::AddSource {
            claim,
            draft: SourceDraft {
                url: url.clone(),
                title: args.title.clone().unwrap_or_default(),
                quote: args.quote.clone().unwrap_or_default(),
                stance: args.stance,
                accessed,
            },
        });
    }
    Ok(commands)
}
