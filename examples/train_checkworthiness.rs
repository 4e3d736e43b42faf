//! Trains the check-worthiness model and writes `assets/models/checkworthiness.json`.
//!
//! `cargo run --release --example train_checkworthiness -- PATH/TO/train.tsv [OUT.json]`
//!
//! Deterministic: the same data gives the same file, byte for byte.

use claimdesk::extract::train::{TrainOptions, read_tsv, train_model_file};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(data) = args.next() else {
        eprintln!("usage: train_checkworthiness TRAIN.tsv [OUT.json]");
        return ExitCode::FAILURE;
    };
    let out = args.next().map_or_else(
        || PathBuf::from("assets/models/checkworthiness.json"),
        PathBuf::from,
    );
    let examples = match read_tsv(std::path::Path::new(&data)) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("train_checkworthiness: {e}");
            return ExitCode::FAILURE;
        }
    };
    let opt = TrainOptions::default();
    let file = train_model_file(&examples, &opt, 5);
    let cv = &file.cross_validation;
    println!(
        "trained on {} sentences; {}-fold CV: threshold {:.3}, P {:.3} R {:.3} F1 {:.3}; {} n-gram weights",
        examples.len(),
        cv.folds,
        cv.threshold,
        cv.precision,
        cv.recall,
        cv.f1,
        file.grams.len()
    );
    let json = match serde_json::to_string(&file) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("train_checkworthiness: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(&out, json + "\n") {
        eprintln!(
            "train_checkworthiness: could not write {}: {e}",
            out.display()
        );
        return ExitCode::FAILURE;
    }
    println!("wrote {}", out.display());
    ExitCode::SUCCESS
}
