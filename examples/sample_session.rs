//! Writes the worked example session (the seed article with claims in several
//! verdicts) to a file, for screenshots and trying the app:
//! `cargo run --example sample_session -- sample.ron`

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: sample_session OUT.ron");
        return std::process::ExitCode::FAILURE;
    };
    match claimdesk::store::save_session(
        std::path::Path::new(&path),
        &claimdesk::sample::sample_session(),
    ) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            std::process::ExitCode::FAILURE
        }
    }
}
