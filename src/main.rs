//! The `claimdesk` binary: the app, or a headless subcommand.

use claimdesk::cli::{Cli, run};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
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
        None => match claimdesk::ui::run_app(cli.path) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("claimdesk: could not start the window: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
