//! `claimdesk edit SESSION (--claim N | --new-claim QUOTE [--occurrence N])
//! [--status LABEL] [--note TEXT] [--claimant TEXT] [--text TEXT] [--review-url URL]
//! [--claim-date DATE] [--add-source URL --title T --quote Q --stance S]`
//!
//! Changes go through the same [`Command`]s as the app. Either all of them apply and
//! the file is saved atomically, or none do and the file is untouched.

use super::CliError;
use crate::command::{Command, apply};
use crate::model::{ClaimId, Session, SourceDraft, Stance};
use crate::store::{load_session, save_session};
use std::io::Write as _;
use std::path::PathBuf;

/// Arguments of `claimdesk edit`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["claim", "new_claim"])))]
pub struct EditArgs {
    /// The session file (changed in place; the previous version is kept as .bak).
    pub session: PathBuf,
    /// The claim's number (as `claimdesk show` lists it, with or without '#').
    #[arg(long, value_parser = parse_claim_number)]
    pub claim: Option<u64>,
    /// Make a new claim of the first place this quote occurs in the article (see
    /// --occurrence); prints the new claim's number.
    #[arg(long, value_name = "QUOTE", conflicts_with = "claim")]
    pub new_claim: Option<String>,
    /// With --new-claim: use the Nth place the quote occurs (1 is the first).
    #[arg(long, requires = "new_claim", value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub occurrence: Option<u64>,
    /// New verdict: a label id or name from the session's rating scheme.
    #[arg(long)]
    pub status: Option<String>,
    /// Who sets the verdict (default: the reviewer in the publisher profile, else
    /// `git config user.name`).
    #[arg(long, requires = "status", value_name = "NAME")]
    pub reviewer: Option<String>,
    /// The day the verdict is set, YYYY-MM-DD (default: today, UTC).
    #[arg(long, requires = "status", value_name = "DATE")]
    pub verdict_date: Option<String>,
    /// Replace the claim's note.
    #[arg(long)]
    pub note: Option<String>,
    /// Replace who made the claim.
    #[arg(long)]
    pub claimant: Option<String>,
    /// Replace the claim's published wording (not empty).
    #[arg(long, value_parser = not_blank("--text", "the claim's wording"))]
    pub text: Option<String>,
    /// The page where this claim's fact check is published (ClaimReview url).
    #[arg(long, value_name = "URL")]
    pub review_url: Option<String>,
    /// When the claim was made, YYYY-MM-DD (an empty value clears it).
    #[arg(long, value_name = "DATE")]
    pub claim_date: Option<String>,
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

fn parse_claim_number(s: &str) -> Result<u64, String> {
    s.trim()
        .trim_start_matches('#')
        .parse()
        .map_err(|_| format!("\"{s}\" is not a claim number (a number, as `claimdesk show` lists)"))
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

/// Applies the requested changes to one claim (made first, with --new-claim) and
/// saves the session.
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
    let (claim, created) = match &args.new_claim {
        Some(quote) => {
            let id = new_claim(&mut session, quote, args.occurrence.unwrap_or(1)).map_err(fail)?;
            (id, true)
        }
        None => {
            let number = args.claim.unwrap_or_default();
            let id = session
                .claim_by_number(number)
                .map(|c| c.id)
                .ok_or_else(|| fail(format!("there is no claim #{number}")))?;
            (id, false)
        }
    };
    let commands = commands(&args, &session, claim).map_err(fail)?;
    if commands.is_empty() && !created {
        return Err(fail(
            "nothing to change; give --status, --note, --claimant, --text, --review-url, --claim-date or --add-source".into(),
        ));
    }
    let n = commands.len();
    apply(&mut session, Command::Batch(commands)).map_err(|e| fail(e.to_string()))?;
    save_session(&args.session, &session, Some(&stamp)).map_err(super::words::save_error)?;
    let mut stderr = std::io::stderr().lock();
    for warning in &loaded.warnings {
        let _ = writeln!(stderr, "claimdesk: warning: {warning}");
    }
    let number = session.claim(claim).map_or(0, |c| c.number);
    let noun = if n == 1 { "change" } else { "changes" };
    if created {
        // The number alone on standard output, for scripts (`n=$(claimdesk edit …)`);
        // the sentence for people on standard error.
        let _ = writeln!(
            stderr,
            "claimdesk: new claim #{number} with {n} {noun} saved to {file}"
        );
        writeln!(out, "{number}").map_err(CliError::from_display)
    } else {
        writeln!(out, "Claim #{number}: {n} {noun} saved to {file}").map_err(CliError::from_display)
    }
}

/// Makes a claim of the `occurrence`th place `quote` occurs in the article.
fn new_claim(session: &mut Session, quote: &str, occurrence: u64) -> Result<ClaimId, String> {
    if quote.is_empty() {
        return Err(
            "--new-claim needs the words of the claim as they appear in the article".into(),
        );
    }
    let text = &session.article.text;
    let mut from = 0;
    let mut found = None;
    let mut count = 0;
    while let Some(at) = text.get(from..).and_then(|rest| rest.find(quote)) {
        count += 1;
        let byte = from + at;
        if count == occurrence {
            found = Some(byte);
            break;
        }
        // Step one character on, so overlapping occurrences count too.
        from = byte + text[byte..].chars().next().map_or(1, char::len_utf8);
    }
    let Some(byte) = found else {
        return Err(match count {
            0 => format!(
                "the article does not contain \"{quote}\" (it must match exactly, including capitals and punctuation)"
            ),
            1 => format!(
                "\"{quote}\" occurs only once in the article, so there is no occurrence {occurrence}"
            ),
            n => format!(
                "\"{quote}\" occurs only {n} times in the article, so there is no occurrence {occurrence}"
            ),
        });
    };
    let start = text[..byte].chars().count();
    let end = start + quote.chars().count();
    let add = Command::AddClaim {
        start,
        end,
        claimant: String::new(),
        attribution: None,
    };
    let applied = apply(session, add).map_err(|e| e.to_string())?;
    applied
        .claim
        .ok_or_else(|| "the claim could not be made".to_owned())
}

fn commands(args: &EditArgs, session: &Session, claim: ClaimId) -> Result<Vec<Command>, String> {
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
        let date = match &args.verdict_date {
            Some(d) => crate::export::parse_date(d).map_err(|e| format!("--verdict-date: {e}"))?,
            None => crate::export::today_utc(),
        };
        let by = match &args.reviewer {
            Some(name) => name.trim().to_owned(),
            None => crate::prefs::reviewer_name(),
        };
        commands.push(Command::SetStatus {
            claim,
            status: label.id.clone(),
            by,
            date,
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
    if let Some(url) = &args.review_url {
        commands.push(Command::SetReviewUrl {
            claim,
            url: url.trim().to_owned(),
        });
    }
    if let Some(date) = &args.claim_date {
        let date = match date.trim() {
            "" => String::new(),
            d => crate::export::parse_date(d).map_err(|e| format!("--claim-date: {e}"))?,
        };
        commands.push(Command::SetClaimDate { claim, date });
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
