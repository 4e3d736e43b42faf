//! `claimdesk resolve SESSION [N (--pick ours|theirs|base | --value TEXT)] [--all SIDE]`:
//! lists the conflicts a merge left in a session, or settles them.
//!
//! Settling goes through [`Command::ResolveConflict`], as the app does, and the
//! session is saved atomically (the previous version kept as `.bak`).

use super::CliError;
use crate::command::{Command, apply};
use crate::model::{ClaimField, ConflictSubject, ConflictValue, Resolution, Side};
use crate::store::{load_session, save_session};
use std::path::PathBuf;

/// Arguments of `claimdesk resolve`.
#[derive(Debug, clap::Args)]
pub struct ResolveArgs {
    /// The session file.
    pub session: PathBuf,
    /// The conflict's number in the list that `claimdesk resolve SESSION` prints.
    #[arg(requires = "choice")]
    pub conflict: Option<usize>,
    /// Keep one side's value: ours, theirs or base.
    #[arg(long, value_parser = parse_side, group = "choice")]
    pub pick: Option<Side>,
    /// Keep this text instead (for wording, claimant, note, review URL or claim date).
    #[arg(long, group = "choice", value_name = "TEXT")]
    pub value: Option<String>,
    /// Settle every conflict by keeping one side: ours or theirs.
    #[arg(long, value_parser = parse_side, conflicts_with_all = ["conflict", "pick", "value"])]
    pub all: Option<Side>,
}

fn parse_side(s: &str) -> Result<Side, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "ours" => Ok(Side::Ours),
        "theirs" => Ok(Side::Theirs),
        "base" => Ok(Side::Base),
        _ => Err(format!("\"{s}\" is not a side: use ours, theirs or base")),
    }
}

/// Lists the conflicts, or settles the ones asked for and saves.
pub fn run(args: ResolveArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let file = args.session.display().to_string();
    let fail = |msg: String| CliError(format!("{file}: {msg}"));
    let settling = args.conflict.is_some() || args.all.is_some();
    let _lock = if settling {
        Some(crate::store::SessionLock::acquire(&args.session).map_err(CliError::from_display)?)
    } else {
        None
    };
    let (loaded, stamp) = load_session(&args.session).map_err(CliError::from_display)?;
    super::print_warnings(&args.session, &loaded.warnings);
    let mut session = loaded.session;
    if !settling {
        return list(&session, out);
    }
    let chosen: Vec<(ConflictSubject, Resolution)> = match (args.conflict, args.all) {
        (_, Some(side)) => session
            .conflicts
            .iter()
            .map(|c| (c.about.clone(), Resolution::Pick(side)))
            .collect(),
        (Some(n), None) => {
            let conflict = n
                .checked_sub(1)
                .and_then(|i| session.conflicts.get(i))
                .ok_or_else(|| {
                    fail(format!(
                        "there is no conflict {n} (the session has {}; `claimdesk resolve {file}` lists them)",
                        session.conflicts.len()
                    ))
                })?;
            let resolution = match (&args.pick, &args.value) {
                (Some(side), _) => Resolution::Pick(*side),
                (None, Some(text)) => {
                    let is_text = matches!(
                        conflict.about,
                        ConflictSubject::ClaimField { field, .. } if !matches!(field, ClaimField::Verdict | ClaimField::Place)
                    );
                    if !is_text {
                        return Err(fail(format!(
                            "conflict {n} is not about a text field; use --pick ours, theirs or base"
                        )));
                    }
                    Resolution::Value(ConflictValue::Text(text.clone()))
                }
                (None, None) => {
                    return Err(fail(
                        "say which value to keep: --pick SIDE or --value TEXT".into(),
                    ));
                }
            };
            vec![(conflict.about.clone(), resolution)]
        }
        (None, None) => Vec::new(),
    };
    let n = chosen.len();
    let commands = chosen
        .into_iter()
        .map(|(about, resolution)| Command::ResolveConflict { about, resolution })
        .collect();
    apply(&mut session, Command::Batch(commands)).map_err(|e| fail(e.to_string()))?;
    save_session(&args.session, &session, Some(&stamp)).map_err(CliError::from_display)?;
    let left = session.conflicts.len();
    writeln!(
        out,
        "Resolved {n} conflict{}; {left} left in {file}",
        if n == 1 { "" } else { "s" }
    )
    .map_err(CliError::from_display)
}

fn list(session: &crate::model::Session, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let mut text = String::new();
    if session.conflicts.is_empty() {
        text.push_str("No conflicts.\n");
    }
    // "ours (main)": the word --pick takes, and the branch it came from.
    let name = |side: &str, label: &str| {
        if label.is_empty() || label == side {
            side.to_owned()
        } else {
            format!("{side} ({label})")
        }
    };
    for (i, c) in session.conflicts.iter().enumerate() {
        let scheme = &session.scheme;
        text.push_str(&format!(
            "{}. {}\n   base: {}\n   {}: {}\n   {}: {}\n",
            i + 1,
            c.describe(session),
            c.base.summary(scheme),
            name("ours", &c.ours.label),
            c.ours.value.summary(scheme),
            name("theirs", &c.theirs.label),
            c.theirs.value.summary(scheme),
        ));
    }
    out.write_all(text.as_bytes())
        .map_err(CliError::from_display)
}
