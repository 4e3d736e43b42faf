//! `claimdesk schemes`: lists the rating schemes a session can use.

use super::CliError;
use crate::model::{SchemeLibrary, SchemeOrigin};
use std::io::Write as _;

/// Arguments of `claimdesk schemes`.
#[derive(Debug, clap::Args)]
pub struct SchemesArgs {}

/// Prints one line per scheme (id, name, labels, origin); user scheme files that could
/// not be loaded are reported on stderr and make the command fail, after the list.
pub fn run(_args: SchemesArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let library = SchemeLibrary::load();
    let mut text = String::new();
    for entry in &library.schemes {
        let s = &entry.scheme;
        let origin = match &entry.origin {
            SchemeOrigin::BuiltIn => "built-in".to_owned(),
            SchemeOrigin::UserFile(path) => path.display().to_string(),
        };
        let labels: Vec<&str> = s.labels.iter().map(|l| l.name.as_str()).collect();
        text.push_str(&format!(
            "{}\t{}\t{}\t{origin}\n",
            s.id,
            s.name,
            labels.join(", ")
        ));
    }
    out.write_all(text.as_bytes())
        .map_err(CliError::from_display)?;
    let mut stderr = std::io::stderr().lock();
    for problem in &library.problems {
        let _ = writeln!(stderr, "claimdesk: {problem}");
    }
    match library.problems.len() {
        0 => Ok(()),
        n => Err(CliError(format!(
            "{n} rating scheme file{} could not be loaded (see above)",
            if n == 1 { "" } else { "s" }
        ))),
    }
}
