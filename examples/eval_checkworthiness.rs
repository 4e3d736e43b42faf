//! Evaluates the shipped check-worthiness model on a labelled TSV file.
//!
//! `cargo run --release --example eval_checkworthiness -- PATH/TO/dev.tsv`
//!
//! Prints precision, recall and F1 of the check-worthy class at the app's default
//! threshold, and the average precision of the ranking.

use claimdesk::extract::checkworthiness::Model;
use claimdesk::extract::suggest::DEFAULT_THRESHOLD;
use claimdesk::extract::train::{average_precision, prf, read_tsv};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(data) = std::env::args().nth(1) else {
        eprintln!("usage: eval_checkworthiness DEV.tsv");
        return ExitCode::FAILURE;
    };
    let examples = match read_tsv(std::path::Path::new(&data)) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("eval_checkworthiness: {e}");
            return ExitCode::FAILURE;
        }
    };
    let model = match Model::embedded() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("eval_checkworthiness: {e}");
            return ExitCode::FAILURE;
        }
    };
    let scores: Vec<f32> = examples.iter().map(|e| model.score(&e.text)).collect();
    let labels: Vec<bool> = examples.iter().map(|e| e.check_worthy).collect();
    let (p, r, f1) = prf(&scores, &labels, DEFAULT_THRESHOLD);
    let ap = average_precision(&scores, &labels);
    println!(
        "{} sentences, {} check-worthy",
        examples.len(),
        labels.iter().filter(|&&y| y).count()
    );
    println!("threshold {DEFAULT_THRESHOLD}");
    println!("precision {p:.3}");
    println!("recall    {r:.3}");
    println!("F1        {f1:.3}");
    println!("AP        {ap:.3}");
    ExitCode::SUCCESS
}
