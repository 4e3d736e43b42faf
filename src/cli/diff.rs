//! `claimdesk diff A B`: what changed from session A to session B, in words.
//!
//! Also git's diff driver (`claimdesk git-setup` registers `claimdesk diff` as
//! `diff.claimdesk.command`): git then calls it with seven arguments, `PATH
//! OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE`, where a missing side is
//! `/dev/null`.

use super::CliError;
use crate::merge::diff;
use crate::model::Session;
use crate::store::load_session;
use std::path::{Path, PathBuf};

/// Arguments of `claimdesk diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The older session, then the newer one (or git's seven diff-driver arguments).
    #[arg(num_args = 2..=7, required = true, value_name = "A B")]
    pub files: Vec<PathBuf>,
}

/// Prints the changes; prints nothing when the two mean the same.
pub fn run(args: DiffArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let (name, a, b) = match args.files.as_slice() {
        [a, b] => (None, a, b),
        [path, old, _, _, new, _, _] => (Some(path), old, new),
        _ => {
            return Err(CliError(
                "diff takes two sessions (A B), or the seven arguments git gives a diff driver"
                    .into(),
            ));
        }
    };
    let old = read(a)?;
    let new = read(b)?;
    let mut text = String::new();
    match (&old, &new) {
        (Some(old), Some(new)) => {
            let changes = diff(old, new);
            if !changes.is_empty() {
                if let Some(path) = name {
                    text.push_str(&format!("claimdesk diff {}\n", path.display()));
                }
                text.push_str(&changes.to_string());
            }
        }
        (None, Some(new)) => {
            text.push_str(&format!(
                "New session \"{}\" ({} claims)\n",
                new.article.title,
                new.claims.len()
            ));
            let empty = Session::with_scheme(new.article.clone(), new.scheme.clone());
            text.push_str(&diff(&empty, new).to_string());
        }
        (Some(old), None) => text.push_str(&format!(
            "Session \"{}\" deleted ({} claims)\n",
            old.article.title,
            old.claims.len()
        )),
        (None, None) => {}
    }
    out.write_all(text.as_bytes())
        .map_err(CliError::from_display)
}

/// A session, or `None` for git's `/dev/null` (a side where the file does not exist).
fn read(path: &Path) -> Result<Option<Session>, CliError> {
    if path == Path::new("/dev/null") {
        return Ok(None);
    }
    let (loaded, _) = load_session(path).map_err(CliError::from_display)?;
    super::print_warnings(path, &loaded.warnings);
    Ok(Some(loaded.session))
}
