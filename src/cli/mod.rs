//! The command line: `claimdesk [PATH]` opens the app; subcommands work headless.

mod archive;
mod diff;
mod edit;
mod export;
mod git_setup;
pub mod import;
mod merge;
mod new;
mod reanchor;
mod resolve;
mod schemes;
mod show;
mod suggest;
mod words;

pub use archive::ArchiveArgs;
pub use diff::DiffArgs;
pub use edit::EditArgs;
pub use export::ExportArgs;
pub use git_setup::{ATTRIBUTES_LINE, GitSetupArgs};
pub use merge::{MergeArgs, MergeStatus};
pub use resolve::ResolveArgs;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Claimdesk, a fact-checking workbench. Without a subcommand it opens the app.
#[derive(Debug, Parser)]
#[command(
    name = "claimdesk",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// An article (.txt, .md, .html, .pdf) or a session (.ron) to open in the app.
    pub path: Option<PathBuf>,
    /// A headless command.
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Create a session from an article (a file or an http(s) link).
    New(new::NewArgs),
    /// Print the article Claimdesk would create from a file or link, without making a session.
    Import(import::ImportArgs),
    /// Print a session's title and claims.
    Show(show::ShowArgs),
    /// Replace a session's article with a new version and re-anchor every claim.
    Reanchor(reanchor::ReanchorArgs),
    /// Print the sentences of an article worth checking, with scores and claimants.
    Suggest(suggest::SuggestArgs),
    /// Publish a session as ClaimReview, Web Annotation, CSV, Markdown or HTML.
    Export(export::ExportArgs),
    /// Change one claim (verdict, note, claimant, sources) and save the session.
    Edit(edit::EditArgs),
    /// List the rating schemes (built-in and the user's own) and report broken scheme files.
    Schemes(schemes::SchemesArgs),
    /// Search every archived session and published fact-check; see which claims were checked before.
    Archive(archive::ArchiveArgs),
    /// Three-way merge of sessions (git's merge driver): exit 0 clean, 1 conflicts left, 2 bad input.
    Merge(merge::MergeArgs),
    /// What changed from one session to another, in words (git's diff driver).
    Diff(diff::DiffArgs),
    /// List the conflicts a merge left in a session, or settle them.
    Resolve(resolve::ResolveArgs),
    /// Make git merge and diff sessions with Claimdesk (drivers and .gitattributes).
    GitSetup(git_setup::GitSetupArgs),
}

/// A headless command failed; the message is printed as one line.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CliError(pub String);

impl CliError {
    /// Wraps any displayable error.
    pub fn from_display(e: impl std::fmt::Display) -> Self {
        Self(e.to_string().replace('\n', " "))
    }
}

/// Prints load warnings to standard error, one line each, naming the file.
pub fn print_warnings(path: &std::path::Path, warnings: &[String]) {
    for w in warnings {
        eprintln!(
            "claimdesk: warning: {}: {}",
            path.display(),
            w.replace('\n', " ")
        );
    }
}

/// An article that could not be imported, as one line naming the file.
pub fn import_error(path: &std::path::Path, e: crate::import::ImportError) -> CliError {
    match e {
        // Already names the file.
        crate::import::ImportError::Read { .. } => CliError::from_display(e),
        _ => CliError::from_display(format!("Could not open {}: {e}", path.display())),
    }
}

/// Imports a file or link named on the command line (see
/// [`crate::import::import_source`]); errors name the file or link.
pub fn import_source(source: &str) -> Result<crate::import::Imported, CliError> {
    let parsed = crate::import::Source::parse(source);
    let never = std::sync::atomic::AtomicBool::new(false);
    crate::import::import_source(
        &parsed,
        &crate::import::ImportOptions::default(),
        &never,
        &mut |_| {},
    )
    .map_err(|e| match parsed {
        crate::import::Source::File(path) => import_error(&path, e),
        crate::import::Source::Link(url) => {
            CliError::from_display(format!("Could not open {url}: {e}"))
        }
    })
}

/// Runs a headless command, writing its normal output to `out`.
pub fn run(command: CliCommand, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    match command {
        CliCommand::New(args) => new::run(args, out),
        CliCommand::Import(args) => import::run(args, out),
        CliCommand::Show(args) => show::run(args, out),
        CliCommand::Reanchor(args) => reanchor::run(args, out),
        CliCommand::Suggest(args) => suggest::run(args, out),
        CliCommand::Export(args) => export::run(args, out),
        CliCommand::Edit(args) => edit::run(args, out),
        CliCommand::Schemes(args) => schemes::run(args, out),
        CliCommand::Archive(args) => archive::run(args, out),
        CliCommand::Merge(args) => merge::run(args, out),
        CliCommand::Diff(args) => diff::run(args, out),
        CliCommand::Resolve(args) => resolve::run(args, out),
        CliCommand::GitSetup(args) => git_setup::run(args, out),
    }
}

/// Runs `claimdesk merge` and returns its exit status (0 clean, 1 conflicts left,
/// 2 bad input), as git's merge drivers report it.
pub fn run_merge(args: MergeArgs, out: &mut dyn std::io::Write) -> u8 {
    merge::run_with_status(args, out).code()
}
