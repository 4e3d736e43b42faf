//! `claimdesk archive add|update|remove|search|match|status [--archive DIR]`: the desk's
//! memory from the command line (see `docs/archive.md`).

use super::CliError;
use crate::archive::{
    Archive, ArchiveDir, DEFAULT_MATCH_THRESHOLD, Embed, Embedder, Filters, ItemMatches,
    MatchOptions, Progress, SearchHit, SearchOptions, Stage, Subject, UpdateOptions, UpdateReport,
    add_paths, match_article, match_session, remove_paths, update,
};
use crate::store::{Opened, open_path};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

/// Arguments of `claimdesk archive`.
#[derive(Debug, clap::Args)]
pub struct ArchiveArgs {
    /// The archive index folder (default: `archive` in Claimdesk's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub archive: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: ArchiveCommand,
}

/// Output format of `archive search` and `archive match`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Lines for people.
    #[default]
    Text,
    /// JSON for scripts.
    Json,
}

/// The archive's subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum ArchiveCommand {
    /// Add session folders, session files, ClaimReview (.json, .jsonld) or review CSV
    /// files to the archive, and index them.
    Add {
        /// Folders or files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Take folders or files off the archive.
    Remove {
        /// Folders or files, as `archive status` lists them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Bring the index up to date with the files (search and match do this first).
    Update {
        /// Read every file again instead of only new and changed ones.
        #[arg(long)]
        rebuild: bool,
    },
    /// Search the archive for earlier checks of a claim.
    Search {
        /// The claim (several words are joined).
        #[arg(required = true)]
        text: Vec<String>,
        /// How many matches at most.
        #[arg(long, default_value_t = 10)]
        top: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Only this verdict (repeat for several).
        #[arg(long)]
        verdict: Vec<String>,
        /// Only checks dated on or after this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        from: Option<String>,
        /// Only checks dated on or before this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        to: Option<String>,
        /// Only checks from files inside this folder.
        #[arg(long)]
        folder: Option<PathBuf>,
        /// Search the index as it is, without looking for changed files first.
        #[arg(long)]
        no_update: bool,
    },
    /// List each claim and sentence of an article or session that was checked before.
    Match {
        /// An article (.txt, .md) or a session (.ron).
        path: PathBuf,
        /// The score from which an earlier check counts as the same claim (0 to 1).
        #[arg(long, default_value_t = DEFAULT_MATCH_THRESHOLD, value_parser = super::suggest::parse_score)]
        threshold: f32,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Use the index as it is, without looking for changed files first.
        #[arg(long)]
        no_update: bool,
    },
    /// Show what the archive holds and which files could not be read.
    Status,
}

fn parse_day(s: &str) -> Result<String, String> {
    crate::export::date::parse_date(s).map_err(|e| e.to_string())
}

/// Runs an archive subcommand.
pub fn run(args: ArchiveArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let dir = match args.archive {
        Some(d) => ArchiveDir::new(d),
        None => ArchiveDir::default_location().ok_or_else(|| {
            CliError("there is no data folder on this system; give one with --archive DIR".into())
        })?,
    };
    let text = match args.command {
        ArchiveCommand::Add { paths } => {
            let model = load_model();
            let report = add_paths(
                &dir,
                &paths,
                model_ref(&model),
                &UpdateOptions::default(),
                &mut progress_printer(),
                &never(),
            )
            .map_err(CliError::from_display)?;
            warn_report(&report);
            summary(&report)
        }
        ArchiveCommand::Remove { paths } => {
            let report = remove_paths(
                &dir,
                &paths,
                None,
                &UpdateOptions::default(),
                &mut progress_printer(),
                &never(),
            )
            .map_err(CliError::from_display)?;
            warn_report(&report);
            summary(&report)
        }
        ArchiveCommand::Update { rebuild } => {
            let model = load_model();
            let options = UpdateOptions {
                rebuild,
                ..UpdateOptions::default()
            };
            let report = update(
                &dir,
                model_ref(&model),
                &options,
                &mut progress_printer(),
                &never(),
            )
            .map_err(CliError::from_display)?;
            warn_report(&report);
            summary(&report)
        }
        ArchiveCommand::Search {
            text,
            top,
            format,
            verdict,
            from,
            to,
            folder,
            no_update,
        } => {
            let model = load_model();
            let archive = open_fresh(&dir, model_ref(&model), no_update)?;
            let options = SearchOptions {
                filters: Filters {
                    verdicts: verdict,
                    from,
                    to,
                    folder: folder.map(|f| std::fs::canonicalize(&f).unwrap_or(f)),
                    reviewed_only: false,
                },
                top,
                ..SearchOptions::default()
            };
            let hits = archive
                .search(&text.join(" "), &options, model_ref(&model))
                .map_err(CliError::from_display)?;
            if hits.is_empty() && format == Format::Text {
                // On stderr, so that a script reading the lines still gets none.
                eprintln!("claimdesk: no earlier check is like this claim");
            }
            match format {
                Format::Text => hits_text(&hits, ""),
                Format::Json => pretty(&Value::Array(hits.iter().map(hit_json).collect()))?,
            }
        }
        ArchiveCommand::Match {
            path,
            threshold,
            format,
            no_update,
        } => {
            let model = load_model();
            let archive = open_fresh(&dir, model_ref(&model), no_update)?;
            let mut options = MatchOptions {
                threshold,
                ..MatchOptions::default()
            };
            let (session, items) = match open_path(&path).map_err(CliError::from_display)? {
                Opened::Session(loaded, _) => {
                    super::print_warnings(&path, &loaded.warnings);
                    options.exclude_file = Some(path.clone());
                    let items =
                        match_session(&archive, &loaded.session, model_ref(&model), &options);
                    (loaded.session, items)
                }
                Opened::Article(session) => {
                    let items =
                        match_article(&archive, &session.article.text, model_ref(&model), &options);
                    (session, items)
                }
            };
            let items = items.map_err(CliError::from_display)?;
            if items.is_empty() && format == Format::Text {
                eprintln!(
                    "claimdesk: nothing in {} was checked before (no match scores {threshold} or more)",
                    path.display()
                );
            }
            match format {
                Format::Text => items_text(&items, &session),
                Format::Json => pretty(&Value::Array(
                    items.iter().map(|i| item_json(i, &session)).collect(),
                ))?,
            }
        }
        ArchiveCommand::Status => {
            let archive = Archive::open(&dir).map_err(CliError::from_display)?;
            status_text(&archive)
        }
    };
    out.write_all(text.as_bytes())
        .map_err(CliError::from_display)
}

fn never() -> AtomicBool {
    AtomicBool::new(false)
}

/// The model, or a warning and word matching only.
fn load_model() -> Option<Embedder> {
    match Embedder::load_default() {
        Ok(m) => Some(m),
        Err(e) => {
            eprintln!("claimdesk: warning: {e}");
            None
        }
    }
}

fn model_ref(model: &Option<Embedder>) -> Option<&dyn Embed> {
    model.as_ref().map(|m| m as &dyn Embed)
}

/// Prints what a long update is doing to standard error, a line per stage and every
/// tenth of the embeddings.
fn progress_printer() -> impl FnMut(Progress) {
    let mut last: Option<(Stage, usize)> = None;
    move |p: Progress| {
        let tenth = (p.done * 10).checked_div(p.total).unwrap_or(0);
        let now = (
            p.stage,
            if p.stage == Stage::Embedding {
                tenth
            } else {
                0
            },
        );
        if last == Some(now) {
            return;
        }
        last = Some(now);
        match p.stage {
            Stage::Waiting => {
                eprintln!("claimdesk: waiting for another Claimdesk to finish updating the archive")
            }
            Stage::Embedding if p.total >= 1000 => {
                eprintln!("claimdesk: embedding claims: {} of {}", p.done, p.total);
            }
            _ => {}
        }
    }
}

fn warn_report(report: &UpdateReport) {
    if let Some(why) = &report.rebuilt {
        eprintln!("claimdesk: warning: rebuilding the archive index: {why}");
    }
    for w in &report.warnings {
        eprintln!("claimdesk: warning: {}", w.to_string().replace('\n', " "));
    }
    for m in &report.missing {
        eprintln!(
            "claimdesk: warning: {} is missing (moved, deleted or not connected); its checks are left out",
            m.display()
        );
    }
    for f in &report.forgotten {
        eprintln!(
            "claimdesk: {} moved; its sessions were found elsewhere in the archive and it was taken off the list",
            f.display()
        );
    }
    if report.without_embedding > 0 {
        eprintln!(
            "claimdesk: warning: {} checks have no embedding yet and are found by their words only",
            report.without_embedding
        );
    }
}

fn summary(report: &UpdateReport) -> String {
    use crate::words::count;
    format!(
        "{} read ({} new, {} changed), {} moved, {} removed, {} unchanged; {} computed.\nThe archive holds {} from {}.\n",
        count(report.added + report.changed, "file", "files"),
        report.added,
        report.changed,
        report.moved,
        report.removed,
        report.unchanged,
        count(report.embedded, "embedding", "embeddings"),
        count(report.claims, "check", "checks"),
        count(report.files, "file", "files"),
    )
}

/// Updates the index (unless told not to) and opens it.
fn open_fresh(
    dir: &ArchiveDir,
    model: Option<&dyn Embed>,
    no_update: bool,
) -> Result<Archive, CliError> {
    if !no_update && dir.folders_file().exists() {
        match update(
            dir,
            model,
            &UpdateOptions::default(),
            &mut progress_printer(),
            &never(),
        ) {
            Ok(report) => warn_report(&report),
            Err(e) => eprintln!("claimdesk: warning: the archive was not updated: {e}"),
        }
    }
    let archive = Archive::open(dir).map_err(CliError::from_display)?;
    if let Some(problem) = archive.problem() {
        eprintln!("claimdesk: warning: {problem}; run `claimdesk archive update`");
    }
    if let Some(m) = model
        && !archive.is_empty()
        && !archive.embedded_by(m)
    {
        eprintln!(
            "claimdesk: warning: the archive has no embeddings from this model; matching uses words only until `claimdesk archive update`"
        );
    }
    Ok(archive)
}

fn pretty(v: &Value) -> Result<String, CliError> {
    let mut s = serde_json::to_string_pretty(v).map_err(CliError::from_display)?;
    s.push('\n');
    Ok(s)
}

/// Tabs and line breaks inside a field would break the lines.
fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// Where a check lives, for people: the review URL, or the session and claim number.
fn location(hit: &SearchHit) -> String {
    match &hit.claim.origin {
        crate::archive::Origin::Session { path, number, .. } => {
            format!("{} #{number}", path.display())
        }
        crate::archive::Origin::Review { file, url } => {
            if url.trim().is_empty() {
                file.display().to_string()
            } else {
                url.clone()
            }
        }
    }
}

fn hits_text(hits: &[SearchHit], indent: &str) -> String {
    let mut s = String::new();
    for h in hits {
        s.push_str(&format!(
            "{indent}{:.3}\t{}\t{}\t{}\n",
            h.score,
            field(&h.claim.badge()),
            field(&location(h)),
            field(&h.claim.text)
        ));
    }
    s
}

fn hit_json(h: &SearchHit) -> Value {
    // The number people see and `claimdesk edit --claim` takes.
    let (session, claim_id) = match &h.claim.origin {
        crate::archive::Origin::Session { path, number, .. } => {
            (json!(path.display().to_string()), json!(number))
        }
        crate::archive::Origin::Review { .. } => (Value::Null, Value::Null),
    };
    json!({
        "score": (f64::from(h.score) * 1000.0).round() / 1000.0,
        "claim": h.claim.text,
        "verdict": h.claim.verdict.name,
        "url": h.claim.origin.review_url(),
        "session": session,
        "claim_id": claim_id,
        "publisher": h.claim.publisher,
        "date": h.claim.date,
    })
}

/// The display number of claim `id` (the id itself if the session has no such claim).
fn number_of(session: &crate::model::Session, id: crate::model::ClaimId) -> u64 {
    session.claim(id).map_or(id.0, |c| c.number)
}

fn items_text(items: &[ItemMatches], session: &crate::model::Session) -> String {
    let mut s = String::new();
    for item in items {
        let what = match item.subject {
            Subject::Claim { id } => format!("claim #{}", number_of(session, id)),
            Subject::Sentence { start, end, .. } => format!("sentence {start}-{end}"),
        };
        s.push_str(&format!("{what}: {}\n", field(&item.text)));
        s.push_str(&hits_text(&item.matches, "  "));
    }
    s
}

fn item_json(item: &ItemMatches, session: &crate::model::Session) -> Value {
    let mut v = match item.subject {
        Subject::Claim { id } => {
            json!({ "kind": "claim", "claim_id": number_of(session, id) })
        }
        Subject::Sentence {
            start,
            end,
            worthiness,
        } => json!({
            "kind": "sentence",
            "start": start,
            "end": end,
            "worthiness": (f64::from(worthiness) * 1000.0).round() / 1000.0,
        }),
    };
    if let Value::Object(m) = &mut v {
        m.insert("text".into(), json!(item.text));
        m.insert(
            "matches".into(),
            Value::Array(item.matches.iter().map(hit_json).collect()),
        );
    }
    v
}

fn status_text(archive: &Archive) -> String {
    let st = archive.status();
    let mut s = format!("Archive index: {}\n", st.dir.display());
    if let Some(p) = &st.problem {
        s.push_str(&format!("Problem: {p}; run `claimdesk archive update`\n"));
    }
    if st.folders.is_empty() {
        s.push_str("Nothing archived yet: add folders with `claimdesk archive add PATH`.\n");
    }
    for f in &st.folders {
        let mark = if st.missing.contains(f) {
            " (missing)"
        } else {
            ""
        };
        s.push_str(&format!("  {}{mark}\n", f.display()));
    }
    s.push_str(&format!(
        "{} sessions, {} review files: {} checks ({} with a verdict, {} found by meaning).\n",
        st.sessions, st.review_files, st.claims, st.reviewed, st.embedded
    ));
    if !st.broken.is_empty() {
        s.push_str(&format!("{} files could not be read:\n", st.broken.len()));
        for (path, why) in &st.broken {
            s.push_str(&format!("  {}: {}\n", path.display(), field(why)));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_agrees_in_number() {
        let one = UpdateReport {
            files: 1,
            claims: 1,
            added: 1,
            embedded: 1,
            ..UpdateReport::default()
        };
        assert_eq!(
            summary(&one),
            "1 file read (1 new, 0 changed), 0 moved, 0 removed, 0 unchanged; 1 embedding computed.\nThe archive holds 1 check from 1 file.\n"
        );
    }
}
