//! `claimdesk git-setup [--global]`: teaches git to merge and diff sessions by
//! meaning. Registers the merge driver and the diff driver in git's config (this
//! repository's, or the user's with `--global`) and adds
//! `*.ron merge=claimdesk diff=claimdesk` to the attributes file, then says what it did.

use super::CliError;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The attributes line that sends session files to Claimdesk's drivers.
pub const ATTRIBUTES_LINE: &str = "*.ron merge=claimdesk diff=claimdesk";

/// Arguments of `claimdesk git-setup`.
#[derive(Debug, clap::Args)]
pub struct GitSetupArgs {
    /// Set up for every repository of this user (git config --global and the global
    /// attributes file) instead of the current repository only.
    #[arg(long)]
    pub global: bool,
}

/// Registers the drivers and the attributes line; prints each step.
pub fn run(args: GitSetupArgs, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let exe = std::env::current_exe()
        .map_err(|e| CliError(format!("cannot tell where claimdesk is installed: {e}")))?;
    let exe = shell_quote(&exe.to_string_lossy());
    let scope = if args.global { "--global" } else { "--local" };
    let attributes = if args.global {
        global_attributes_file()?
    } else {
        let top = git(&["rev-parse", "--show-toplevel"]).map_err(|_| {
            CliError(
                "this folder is not inside a git repository: run git-setup in the repository that holds your sessions, or use --global".into(),
            )
        })?;
        PathBuf::from(top).join(".gitattributes")
    };
    let settings = [
        (
            "merge.claimdesk.name",
            "Claimdesk sessions, merged claim by claim".to_owned(),
        ),
        (
            "merge.claimdesk.driver",
            format!("{exe} merge %O %A %B -o %A --path %P --ours-label %X --theirs-label %Y"),
        ),
        ("diff.claimdesk.command", format!("{exe} diff")),
    ];
    let mut report = String::new();
    let where_ = if args.global {
        "your git config (--global)"
    } else {
        "this repository's git config"
    };
    for (key, value) in &settings {
        git(&["config", scope, key, value])
            .map_err(|e| CliError(format!("could not set {key} in {where_}: {e}")))?;
        report.push_str(&format!("Set {key} = {value} in {where_}\n"));
    }
    match add_line(&attributes, ATTRIBUTES_LINE)
        .map_err(|e| CliError(format!("could not update {}: {e}", attributes.display())))?
    {
        true => report.push_str(&format!(
            "Added \"{ATTRIBUTES_LINE}\" to {}\n",
            attributes.display()
        )),
        false => report.push_str(&format!(
            "{} already has \"{ATTRIBUTES_LINE}\"\n",
            attributes.display()
        )),
    }
    if !args.global {
        report.push_str(
            "Commit .gitattributes so that everyone's git sends sessions to Claimdesk; each person runs `claimdesk git-setup` once (the drivers live in their own git config).\n",
        );
    }
    out.write_all(report.as_bytes())
        .map_err(CliError::from_display)
}

/// Runs git with `args`; its output without the final newline, or its error.
fn git(args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("git could not be run ({e}); git-setup needs git installed"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).trim().to_owned());
    }
    Ok(String::from_utf8_lossy(&output.stdout)
        .trim_end()
        .to_owned())
}

/// The user's global attributes file: `core.attributesFile`, else git's default
/// `$XDG_CONFIG_HOME/git/attributes` (or `~/.config/git/attributes`).
fn global_attributes_file() -> Result<PathBuf, CliError> {
    if let Ok(path) = git(&["config", "--global", "--path", "core.attributesFile"])
        && !path.is_empty()
    {
        return Ok(PathBuf::from(path));
    }
    let config = match std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => {
            let home = std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .ok_or_else(|| CliError("there is no home folder (HOME is not set)".into()))?;
            PathBuf::from(home).join(".config")
        }
    };
    Ok(config.join("git").join("attributes"))
}

/// Appends `line` to the file unless it already has it; creates the file (and its
/// folder) if needed. Returns whether it added the line.
fn add_line(path: &Path, line: &str) -> std::io::Result<bool> {
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e),
    };
    if existing.lines().any(|l| l.trim() == line) {
        return Ok(false);
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(line);
    text.push('\n');
    crate::store::write_atomic(path, text.as_bytes())?;
    // The backup of a two-line text file is clutter in the repository.
    let _ = std::fs::remove_file(crate::store::backup_path(path));
    Ok(true)
}

/// Quotes a path for the shell git runs drivers with.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_paths_for_the_shell() {
        assert_eq!(shell_quote("/usr/bin/claimdesk"), "'/usr/bin/claimdesk'");
        assert_eq!(shell_quote("/it's/here"), "'/it'\\''s/here'");
    }

    #[test]
    fn adds_the_attributes_line_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join(".gitattributes");
        assert!(add_line(&path, ATTRIBUTES_LINE).unwrap());
        assert!(!add_line(&path, ATTRIBUTES_LINE).unwrap());
        std::fs::write(&path, "*.png binary").unwrap();
        assert!(add_line(&path, ATTRIBUTES_LINE).unwrap());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("*.png binary\n{ATTRIBUTES_LINE}\n")
        );
    }
}
