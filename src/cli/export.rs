//! `claimdesk export SESSION --format FORMAT [-o FILE [--force]] [--strict] [--raw-csv] [--reviewed-only]`

use super::CliError;
use crate::export::csv::{Cells, to_csv_with};
use crate::export::{Checked, ExportFormat, ExportOptions, export_checked, parse_date, today_utc};
use crate::prefs::load_prefs;
use crate::store::{
    LockError, LockUser, Replace, SessionLock, TargetError, check_export_target, load_session,
};
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Arguments of `claimdesk export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The session file.
    pub session: PathBuf,
    /// What to produce.
    #[arg(short, long, value_enum)]
    pub format: ExportFormat,
    /// Write here instead of standard output (atomically). Never over a Claimdesk
    /// session; over another existing file only with --force.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Replace the --output file if it exists (never a session).
    #[arg(long, requires = "output")]
    pub force: bool,
    /// CSV only: write cells exactly as in the session. By default a cell that a
    /// spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
    /// return) gets a leading ' so it shows as text.
    #[arg(long)]
    pub raw_csv: bool,
    /// Fail (exit 1, nothing written) when the ClaimReview linter finds any problem.
    #[arg(long)]
    pub strict: bool,
    /// Reports only (markdown, html): leave out claims not yet reviewed, so the
    /// report can be published while checking goes on. Claims keep their numbers.
    #[arg(long)]
    pub reviewed_only: bool,
    /// Publication date, YYYY-MM-DD (default: today, UTC). Fix it for reproducible output.
    #[arg(long)]
    pub date: Option<String>,
    /// Publishing organisation's name (default: from preferences).
    #[arg(long)]
    pub org_name: Option<String>,
    /// Publishing organisation's URL (default: from preferences).
    #[arg(long)]
    pub org_url: Option<String>,
    /// Reviewer's name (default: from preferences).
    #[arg(long)]
    pub reviewer: Option<String>,
    /// The page where the fact check is published (ClaimReview url, annotation ids).
    #[arg(long)]
    pub url: Option<String>,
    /// The article's public URL.
    #[arg(long)]
    pub article_url: Option<String>,
    /// When the claims were made (the article's date), YYYY-MM-DD.
    #[arg(long)]
    pub claim_date: Option<String>,
}

/// Loads the session, lints (ClaimReview), exports and writes the result.
pub fn run(args: ExportArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    if args.raw_csv && args.format != ExportFormat::Csv {
        return Err(CliError(
            "--raw-csv applies only to --format csv; nothing was written".into(),
        ));
    }
    if args.reviewed_only && !args.format.is_report() {
        return Err(CliError(format!(
            "--reviewed-only applies only to the reports (--format markdown or html); {} always {}; nothing was written",
            args.format.cli_name(),
            if args.format == ExportFormat::ClaimReview {
                "leaves unreviewed claims out"
            } else {
                "lists every claim"
            }
        )));
    }
    let options = options(&args)?;
    let (loaded, _) = load_session(&args.session).map_err(CliError::from_display)?;
    // Refuse a bad target before any work, and again right before writing.
    if let Some(path) = &args.output {
        check_export_target(path, Some(&args.session), args.force).map_err(target_error)?;
    }
    let mut stderr = std::io::stderr().lock();
    for warning in &loaded.warnings {
        let _ = writeln!(stderr, "claimdesk: warning: {warning}");
    }
    let session = &loaded.session;
    crate::export::check_no_conflicts(session)
        .map_err(|e| CliError(format!("{}: {e}", args.session.display())))?;
    let checked = if args.raw_csv {
        to_csv_with(session, Cells::Raw).map(|text| Checked {
            text,
            problems: Vec::new(),
        })
    } else {
        export_checked(session, args.format, &options)
    }
    .map_err(CliError::from_display)?;
    for p in &checked.problems {
        let _ = writeln!(stderr, "claimdesk: lint: {p}");
    }
    if args.strict && !checked.problems.is_empty() {
        let n = checked.problems.len();
        let noun = if n == 1 { "problem" } else { "problems" };
        return Err(CliError(format!(
            "{}: {n} ClaimReview {noun} (--strict); nothing was written",
            args.session.display()
        )));
    }
    let text = checked.text;
    match &args.output {
        Some(path) => write_export(path, &args.session, args.force, text.as_bytes()),
        None => out
            .write_all(text.as_bytes())
            .map_err(CliError::from_display),
    }
}

/// Writes the export atomically: a reader (or a web server) never sees half of it.
/// Unlike session saves no `.bak` is kept, since an export can always be made
/// again. A session window or command that has the path locked is respected; right
/// before the rename the target is checked again, so a session that appeared there
/// meanwhile is not replaced either.
fn write_export(path: &Path, session: &Path, force: bool, bytes: &[u8]) -> Result<(), CliError> {
    let _lock = match SessionLock::acquire_as(path, LockUser::Command("export")) {
        Ok(lock) => Some(lock),
        Err(e @ LockError::HeldElsewhere { .. }) => return Err(super::words::lock_error(e)),
        // No lock to be had (a folder without locks): the checks below still hold.
        Err(LockError::Io { .. }) => None,
    };
    let mut replace = Replace::new().without_backup();
    if !force {
        replace = replace.only_new();
    }
    let result = replace.write(
        path,
        |file| file.write_all(bytes),
        |target| check_export_target(target, Some(session), force).map_err(Refused::Target),
    );
    match result {
        Ok(_) => Ok(()),
        Err(Refused::Target(e)) => Err(target_error(e)),
        Err(Refused::Io(e)) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(target_error(TargetError::Exists {
                path: path.to_path_buf(),
            }))
        }
        Err(Refused::Io(e)) => Err(CliError::from_display(format!(
            "could not write {}: {}. Nothing was written",
            path.display(),
            crate::store::error::io_words(&e)
        ))),
    }
}

/// Why [`write_export`] did not write.
enum Refused {
    Target(TargetError),
    Io(std::io::Error),
}

impl From<std::io::Error> for Refused {
    fn from(e: std::io::Error) -> Self {
        Refused::Io(e)
    }
}

/// What to do about a target an export may not replace.
fn target_error(e: TargetError) -> CliError {
    let advice = match &e {
        TargetError::IsTheSession { .. } | TargetError::IsASession { .. } => {
            "nothing was written; choose another file name for the export"
        }
        TargetError::Exists { .. } => {
            "nothing was written; give --force to replace it, or choose another name"
        }
        TargetError::Folder { .. } => "nothing was written; give a file name after -o",
    };
    CliError::from_display(format!("{e}; {advice}"))
}

fn options(args: &ExportArgs) -> Result<ExportOptions, CliError> {
    let mut publisher = load_prefs().map_err(CliError::from_display)?.publisher;
    if let Some(v) = &args.org_name {
        publisher.organisation_name = v.clone();
    }
    if let Some(v) = &args.org_url {
        publisher.organisation_url = v.clone();
    }
    if let Some(v) = &args.reviewer {
        publisher.reviewer_name = v.clone();
    }
    let date = match &args.date {
        Some(d) => parse_date(d).map_err(|e| CliError(format!("--date: {e}")))?,
        None => today_utc(),
    };
    let claim_date = args
        .claim_date
        .as_deref()
        .map(parse_date)
        .transpose()
        .map_err(|e| CliError(format!("--claim-date: {e}")))?;
    Ok(ExportOptions {
        publisher,
        date,
        review_url: args.url.clone(),
        article_url: args.article_url.clone(),
        claim_date,
        reviewed_only: args.reviewed_only,
    })
}
