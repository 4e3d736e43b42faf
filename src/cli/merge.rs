//! `claimdesk merge BASE OURS THEIRS [-o OUT]`: a three-way merge of sessions, also
//! git's merge driver (`claimdesk git-setup` registers it as
//! `claimdesk merge %O %A %B -o %A`).
//!
//! Exit status, as git's merge drivers expect: 0 when the merge is clean, 1 when
//! conflicts remain (git then marks the file conflicted; the file is still a valid
//! session that records them), 2 when an input is unusable (nothing is written).

use super::CliError;
use crate::merge::{MergeLabels, merge};
use crate::model::Session;
use crate::store::{LoadError, LoadErrorKind, load_session};
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Arguments of `claimdesk merge`.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The common ancestor (git's %O). An empty file means there is none.
    pub base: PathBuf,
    /// Our version, the one being merged into (git's %A).
    pub ours: PathBuf,
    /// Their version, the one being merged in (git's %B).
    pub theirs: PathBuf,
    /// Where to write the merged session (default: OURS, as git expects).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// What conflicts call our side (git's %X, a branch name).
    #[arg(long, default_value = "ours", value_name = "NAME")]
    pub ours_label: String,
    /// What conflicts call their side (git's %Y).
    #[arg(long, default_value = "theirs", value_name = "NAME")]
    pub theirs_label: String,
    /// The file's name in the repository (git's %P), used in messages.
    #[arg(long, value_name = "PATH")]
    pub path: Option<String>,
}

/// How a merge ended, as an exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeStatus {
    /// Merged, nothing left to settle (exit 0).
    Clean,
    /// Merged and written, with conflicts recorded in the session (exit 1).
    Conflicts,
    /// An input could not be used; nothing was written (exit 2).
    BadInput,
}

impl MergeStatus {
    /// The process exit status.
    pub fn code(self) -> u8 {
        match self {
            MergeStatus::Clean => 0,
            MergeStatus::Conflicts => 1,
            MergeStatus::BadInput => 2,
        }
    }
}

/// Runs the merge, printing what it did to `out` and problems to standard error.
pub fn run_with_status(args: MergeArgs, out: &mut dyn std::io::Write) -> MergeStatus {
    match merge_files(&args, out) {
        Ok(status) => status,
        Err(e) => {
            eprintln!("claimdesk: {e}");
            MergeStatus::BadInput
        }
    }
}

/// [`run_with_status`] as an ordinary command result: conflicts and bad input are errors.
pub fn run(args: MergeArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let output = args.output.clone().unwrap_or_else(|| args.ours.clone());
    match merge_files(&args, out)? {
        MergeStatus::Clean => Ok(()),
        _ => Err(CliError(format!(
            "{}: the merge left conflicts to resolve",
            output.display()
        ))),
    }
}

fn merge_files(args: &MergeArgs, out: &mut dyn std::io::Write) -> Result<MergeStatus, CliError> {
    let name = args
        .path
        .clone()
        .unwrap_or_else(|| args.ours.display().to_string());
    let ours = read_side(&args.ours, "our version", &name)?;
    let theirs = read_side(&args.theirs, "their version", &name)?;
    let base = match std::fs::metadata(&args.base) {
        // Git gives an empty ancestor when both branches added the file.
        Ok(m) if m.len() == 0 => no_ancestor(&ours),
        _ => read_side(&args.base, "the common ancestor", &name)?,
    };
    let labels = MergeLabels {
        ours: side_label(&args.ours_label, "ours"),
        theirs: side_label(&args.theirs_label, "theirs"),
    };
    let outcome = merge(&base, &ours, &theirs, &labels);
    let output = args.output.clone().unwrap_or_else(|| args.ours.clone());
    write_output(&output, &outcome.session)
        .map_err(|e| CliError(format!("could not write {}: {e}", output.display())))?;
    let mut report = format!("Merged {name}: {} claims", outcome.session.claims.len());
    if !outcome.renumbered.is_empty() {
        let list: Vec<String> = outcome
            .renumbered
            .iter()
            .map(|(from, to)| format!("#{from} → #{to}"))
            .collect();
        report.push_str(&format!(
            "; renumbered claims both sides had numbered alike: {}",
            list.join(", ")
        ));
    }
    if outcome.needs_review > 0 {
        report.push_str(&format!("; {} need review", outcome.needs_review));
    }
    let status = if outcome.is_clean() {
        report.push_str("; no conflicts.");
        MergeStatus::Clean
    } else {
        let n = outcome.session.conflicts.len();
        report.push_str(&format!(
            "; {n} conflict{} to resolve (claimdesk resolve {}, or open it in Claimdesk):",
            if n == 1 { "" } else { "s" },
            output.display()
        ));
        for c in &outcome.session.conflicts {
            report.push_str(&format!("\n  {}", c.describe(&outcome.session)));
        }
        MergeStatus::Conflicts
    };
    let _ = writeln!(out, "{report}");
    Ok(status)
}

/// A side's name for the conflicts: as given, except git's "HEAD" (the current
/// branch's name is more telling) and a placeholder an older git left unexpanded.
fn side_label(given: &str, default: &str) -> String {
    let given = given.trim();
    if given.is_empty() || given.starts_with('%') {
        return default.to_owned();
    }
    if given == "HEAD" {
        let branch = std::process::Command::new("git")
            .args(["symbolic-ref", "--short", "-q", "HEAD"])
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        return branch.unwrap_or_else(|| default.to_owned());
    }
    given.to_owned()
}

/// One side, loaded, or a message that says which side and what to do.
fn read_side(path: &Path, which: &str, name: &str) -> Result<Session, CliError> {
    match load_session(path) {
        Ok((loaded, _)) => {
            super::print_warnings(path, &loaded.warnings);
            Ok(loaded.session)
        }
        Err(LoadError {
            kind: LoadErrorKind::ConflictMarkers { line },
            ..
        }) => Err(CliError(format!(
            "cannot merge {name}: {which} ({}) has git conflict markers (<<<<<<< at line {line}) from an earlier line-by-line merge, so it is not a session. Take one whole version with `git checkout --ours {name}` (or `--theirs`), then merge by meaning: `claimdesk merge BASE OURS THEIRS` (docs/team-work.md shows how to get the three versions from git)",
            path.display()
        ))),
        Err(e) => Err(CliError(format!(
            "cannot merge {name}: {which} is unusable. {}",
            e.to_string().replace('\n', " ")
        ))),
    }
}

/// A stand-in ancestor when there is none (both sides created the file): our
/// article, no claims. Claims on both sides then count as additions.
fn no_ancestor(ours: &Session) -> Session {
    // With two different texts, the merge keeps ours and records the other in a conflict.
    let mut base = Session::with_scheme(ours.article.clone(), ours.scheme.clone());
    base.next_claim_number = 1;
    base
}

/// Writes the merged session. A `.ron` file is saved as Claimdesk saves (atomic,
/// with a `.bak`); git's temporary files are replaced atomically without a backup,
/// which would be left in the repository.
fn write_output(path: &Path, session: &Session) -> std::io::Result<()> {
    let is_session_file = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    if is_session_file {
        return crate::store::save_session(path, session, None)
            .map(|_| ())
            .map_err(|e| std::io::Error::other(e.to_string()));
    }
    let bytes = crate::store::to_ron(session);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp_name = std::ffi::OsString::from(".claimdesk-merge-");
    tmp_name.push(std::process::id().to_string());
    let tmp = dir.join(tmp_name);
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
