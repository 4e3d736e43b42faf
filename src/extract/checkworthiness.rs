//! The check-worthiness scorer: logistic regression over [`features`](super::features).
//!
//! The trained weights ship in `assets/models/checkworthiness.json` (see the README
//! there for how they were made) and are parsed once, on first use.

use super::features::{DENSE, Features, N_DENSE, extract, grams_with_text};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The model file embedded in the binary.
pub const EMBEDDED_MODEL: &str = include_str!("../../assets/models/checkworthiness.json");

/// Version of the model file format this code reads.
pub const MODEL_FORMAT: u32 = 1;

/// Why a model file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not valid JSON of the expected shape.
    #[error("the check-worthiness model is not valid: {0}")]
    Parse(#[from] serde_json::Error),
    /// Written by a newer Claimdesk.
    #[error("the check-worthiness model has format {found}, this version reads {MODEL_FORMAT}")]
    Format {
        /// The file's format number.
        found: u32,
    },
    /// Inconsistent contents.
    #[error("the check-worthiness model is inconsistent: {0}")]
    Invalid(String),
}

/// A model as stored on disk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelFile {
    /// File format version ([`MODEL_FORMAT`]).
    pub format: u32,
    /// How the model was made (free text).
    pub made_with: String,
    /// Number of hash bits for n-grams.
    pub hash_bits: u32,
    /// Intercept.
    pub bias: f32,
    /// Weights of the named features, by key.
    pub dense: Vec<(String, f32)>,
    /// Non-zero n-gram weights as (bucket, weight), sorted by bucket.
    pub grams: Vec<(u32, f32)>,
    /// Cross-validation results on the training data, for the record.
    pub cross_validation: CrossValidation,
}

/// What cross-validation on the training data found.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CrossValidation {
    /// Number of folds.
    pub folds: usize,
    /// The threshold (before the bias shift) that maximised out-of-fold F1.
    pub threshold: f32,
    /// Out-of-fold precision at that threshold.
    pub precision: f32,
    /// Out-of-fold recall at that threshold.
    pub recall: f32,
    /// Out-of-fold F1 at that threshold.
    pub f1: f32,
}

/// A loaded model, ready to score.
#[derive(Clone, Debug)]
pub struct Model {
    bits: u32,
    bias: f32,
    dense: [f32; N_DENSE],
    grams: Vec<f32>,
}

/// One feature's share in a score, for explanations.
#[derive(Clone, Debug, PartialEq)]
pub struct Contribution {
    /// Plain words ("contains a number", "the word \"million\"").
    pub feature: String,
    /// Its signed contribution to the log-odds.
    pub weight: f32,
}

impl Model {
    /// Builds a model from its file form.
    pub fn from_file(file: &ModelFile) -> Result<Self, ModelError> {
        if file.format != MODEL_FORMAT {
            return Err(ModelError::Format { found: file.format });
        }
        if !(8..=24).contains(&file.hash_bits) {
            return Err(ModelError::Invalid(format!(
                "hash_bits {} out of range",
                file.hash_bits
            )));
        }
        let mut dense = [0.0; N_DENSE];
        for (key, w) in &file.dense {
            let i = DENSE
                .iter()
                .position(|d| d.key == key)
                .ok_or_else(|| ModelError::Invalid(format!("unknown feature {key}")))?;
            dense[i] = *w;
        }
        let mut grams = vec![0.0; 1 << file.hash_bits];
        for &(b, w) in &file.grams {
            let slot = grams
                .get_mut(b as usize)
                .ok_or_else(|| ModelError::Invalid(format!("bucket {b} out of range")))?;
            *slot = w;
        }
        Ok(Self {
            bits: file.hash_bits,
            bias: file.bias,
            dense,
            grams,
        })
    }

    /// Parses a model file's JSON text.
    pub fn parse(json: &str) -> Result<Self, ModelError> {
        let file: ModelFile = serde_json::from_str(json)?;
        Self::from_file(&file)
    }

    /// The model shipped with the app, parsed on first use.
    pub fn embedded() -> Result<&'static Model, &'static ModelError> {
        static MODEL: OnceLock<Result<Model, ModelError>> = OnceLock::new();
        MODEL.get_or_init(|| Model::parse(EMBEDDED_MODEL)).as_ref()
    }

    /// Number of hash bits for n-grams.
    pub fn hash_bits(&self) -> u32 {
        self.bits
    }

    /// Log-odds of already extracted features.
    pub fn logit(&self, f: &Features) -> f32 {
        let mut z = self.bias;
        for (w, x) in self.dense.iter().zip(f.dense.iter()) {
            z += w * x;
        }
        let mut g = 0.0;
        for &b in &f.grams {
            g += self.grams.get(b as usize).copied().unwrap_or(0.0);
        }
        z + g * f.gram_value
    }

    /// Score in [0, 1] of one sentence, reusing `buf` for its features.
    pub fn score_with(&self, sentence: &str, buf: &mut Features) -> f32 {
        extract(sentence, self.bits, buf);
        sigmoid(self.logit(buf))
    }

    /// Score in [0, 1] of one sentence.
    pub fn score(&self, sentence: &str) -> f32 {
        self.score_with(sentence, &mut Features::default())
    }

    /// The `n` features that moved this sentence's score the most, largest first.
    pub fn explain(&self, sentence: &str, n: usize) -> Vec<Contribution> {
        let mut f = Features::default();
        extract(sentence, self.bits, &mut f);
        let mut out: Vec<Contribution> = DENSE
            .iter()
            .zip(self.dense.iter().zip(f.dense.iter()))
            .filter(|(_, (_, x))| **x != 0.0)
            .map(|(d, (w, x))| Contribution {
                feature: d.description.to_owned(),
                weight: w * x,
            })
            .collect();
        // Merge repeated n-grams so each word is listed once with its total effect.
        let mut grams: Vec<(String, f32)> = Vec::new();
        for (b, text) in grams_with_text(sentence, self.bits) {
            let w = self.grams.get(b as usize).copied().unwrap_or(0.0) * f.gram_value;
            if let Some(g) = grams.iter_mut().find(|g| g.0 == text) {
                g.1 += w;
            } else {
                grams.push((text, w));
            }
        }
        out.extend(grams.into_iter().map(|(text, w)| Contribution {
            feature: if text.contains(' ') {
                format!("the words \"{}\"", display_gram(&text))
            } else {
                format!("the word \"{}\"", display_gram(&text))
            },
            weight: w,
        }));
        out.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
        out.retain(|c| c.weight.abs() >= 0.01);
        out.truncate(n);
        out
    }
}

fn display_gram(text: &str) -> String {
    text.replace("<num>", "(a number)")
        .replace("<year>", "(a year)")
}

/// The logistic function.
pub fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_parses() {
        let m = Model::embedded().expect("embedded model");
        assert!(m.hash_bits() >= 8);
        let file: ModelFile = serde_json::from_str(EMBEDDED_MODEL).unwrap();
        assert_eq!(file.format, MODEL_FORMAT);
        assert!(file.cross_validation.f1 > 0.5);
    }

    #[test]
    fn factual_sentences_outscore_chatter() {
        let m = Model::embedded().unwrap();
        let fact =
            m.score("Unemployment rose to 8.5 percent in 2009, the highest level in 26 years.");
        let chat = m.score("Thank you very much, it is good to be here tonight.");
        assert!(fact > 0.5 && chat < 0.5, "fact {fact}, chat {chat}");
        assert!((0.0..=1.0).contains(&fact));
    }

    #[test]
    fn explanations_name_features() {
        let m = Model::embedded().unwrap();
        let why = m.explain("Taxes rose by 5 percent in 2020.", 5);
        assert!(!why.is_empty() && why.len() <= 5);
        assert!(
            why.windows(2)
                .all(|w| w[0].weight.abs() >= w[1].weight.abs())
        );
    }

    #[test]
    fn rejects_bad_files() {
        assert!(matches!(Model::parse("{"), Err(ModelError::Parse(_))));
        let mut f: ModelFile = serde_json::from_str(EMBEDDED_MODEL).unwrap();
        f.format = 99;
        assert!(matches!(
            Model::from_file(&f),
            Err(ModelError::Format { found: 99 })
        ));
    }
}
