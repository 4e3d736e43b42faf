//! `claimdesk export SESSION --format FORMAT [-o FILE] [--strict]`

use super::CliError;
use crate::export::{ExportFormat, ExportOptions, export, lint_claimreview, parse_date, today_utc};
use crate::prefs::load_prefs;
use crate::store::load_session;
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
    /// Write here instead of standard output (replaced atomically).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Fail (exit 1, nothing written) when the ClaimReview linter finds any problem.
    #[arg(long)]
    pub strict: bool,
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
    let options = options(&args)?;
    let (loaded, _) = load_session(&args.session).map_err(CliError::from_display)?;
    let mut stderr = std::io::stderr().lock();
    for warning in &loaded.warnings {
        let _ = writeln!(stderr, "claimdesk: warning: {warning}");
    }
    let session = &loaded.session;
    crate::export::check_no_conflicts(session)
        .map_err(|e| CliError(format!("{}: {e}", args.session.display())))?;
    if args.format == ExportFormat::ClaimReview {
        let problems = lint_claimreview(session, &options);
        for p in &problems {
            let _ = writeln!(stderr, "claimdesk: lint: {p}");
        }
        if args.strict && !problems.is_empty() {
            let n = problems.len();
            let noun = if n == 1 { "problem" } else { "problems" };
            return Err(CliError(format!(
                "{}: {n} ClaimReview {noun} (--strict); nothing was written",
                args.session.display()
            )));
        }
    }
    let text = export(session, args.format, &options).map_err(CliError::from_display)?;
    match &args.output {
        Some(path) => write_replacing(path, text.as_bytes())
            .map_err(|e| CliError(format!("could not write {}: {e}", path.display()))),
        None => out
            .write_all(text.as_bytes())
            .map_err(CliError::from_display),
    }
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
    })
}

/// Writes a temporary file beside `path` and renames it over, so a reader (or a web
/// server) never sees half an export. Unlike session saves, no `.bak` is kept: an
/// export can always be made again.
fn write_replacing(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the path has no file name",
        )
    })?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
