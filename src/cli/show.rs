//! `claimdesk show SESSION.ron`

use super::CliError;
use crate::store::load_session;
use std::path::PathBuf;

/// Arguments of `claimdesk show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The session file.
    pub session: PathBuf,
}

/// Prints the title, then one line per claim: id, status, sources, text. Load
/// warnings (repaired damage, unknown fields) go to standard error, one line each.
pub fn run(args: ShowArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let (loaded, _) = load_session(&args.session).map_err(CliError::from_display)?;
    super::print_warnings(&args.session, &loaded.warnings);
    let s = &loaded.session;
    let mut text = format!("{}\n", s.article.title);
    for c in &s.claims {
        let n = c.sources.len();
        let plural = if n == 1 { "source" } else { "sources" };
        text.push_str(&format!(
            "#{}\t{}\t{n} {plural}\t{}\n",
            c.number,
            s.scheme.name_of(&c.status),
            c.text.replace('\n', " ")
        ));
    }
    if !s.conflicts.is_empty() {
        eprintln!(
            "claimdesk: {}: {} merge conflict(s) to resolve (`claimdesk resolve {}` lists them)",
            args.session.display(),
            s.conflicts.len(),
            args.session.display()
        );
    }
    out.write_all(text.as_bytes())
        .map_err(CliError::from_display)
}
