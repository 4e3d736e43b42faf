//! Writes an example session to a file, for screenshots, trying the app and measuring it:
//!
//! - `cargo run --example sample_session -- sample.ron`: the seed article with claims
//!   in several verdicts (the README screenshot);
//! - `cargo run --release --example sample_session -- --large large.ron`: a generated
//!   article of 5,000 paragraphs with 10,000 claims of 3 sources each (docs/performance.md).

fn main() -> std::process::ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let (large, path) = match args.as_slice() {
        [flag, path] if flag == "--large" => (true, path),
        [path] => (false, path),
        _ => {
            eprintln!("usage: sample_session [--large] OUT.ron");
            return std::process::ExitCode::FAILURE;
        }
    };
    let session = if large {
        claimdesk::sample::large_session(5_000, 10_000, 3)
    } else {
        claimdesk::sample::sample_session()
    };
    match claimdesk::store::save_session(std::path::Path::new(path), &session, None) {
        Ok(_) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            std::process::ExitCode::FAILURE
        }
    }
}
