//! The `claimdesk` binary: the app, or a headless subcommand.

use claimdesk::cli::{Cli, CliCommand, run, run_merge};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        // A merge driver's status says more than success or failure (see `run_merge`).
        Some(CliCommand::Merge(args)) => {
            let mut stdout = std::io::stdout().lock();
            ExitCode::from(run_merge(args, &mut stdout))
        }
        Some(command) => {
            let mut stdout = std::io::stdout().lock();
            match run(command, &mut stdout) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("claimdesk: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        None => open_app(cli.path),
    }
}

#[cfg(feature = "gui")]
fn open_app(path: Option<std::path::PathBuf>) -> ExitCode {
    match claimdesk::ui::run_app(path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimdesk: could not start the window: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_app(_path: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!(
        "claimdesk: this build has no app window (built without the `gui` feature); see `claimdesk --help`"
    );
    ExitCode::FAILURE
}
