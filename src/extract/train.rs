//! Training and evaluating the check-worthiness model (used by the
//! `train_checkworthiness` and `eval_checkworthiness` examples).
//!
//! Logistic regression with balanced class weights and L2 regularisation, fitted
//! by AdaGrad in a fixed, seeded order, so the same data gives the same file.

use super::checkworthiness::{CrossValidation, MODEL_FORMAT, ModelFile, sigmoid};
use super::features::{DENSE, Features, N_DENSE, extract};
use std::path::Path;

/// One labelled sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// Whether it is a check-worthy factual claim.
    pub check_worthy: bool,
}

/// Why training data could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// The file could not be opened or parsed as TSV.
    #[error("could not read {path}: {source}")]
    Csv {
        /// The file.
        path: String,
        /// The parser's reason.
        source: csv::Error,
    },
    /// A row without the expected columns.
    #[error("{path}: row {row} has no Text or class_label column")]
    Row {
        /// The file.
        path: String,
        /// The 1-based data row.
        row: usize,
    },
}

/// Reads a `Sentence_id<TAB>Text<TAB>class_label` file (quoted CSV-style fields).
pub fn read_tsv(path: &Path) -> Result<Vec<Example>, DataError> {
    let shown = path.display().to_string();
    let csv_err = |source| DataError::Csv {
        path: shown.clone(),
        source,
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(true)
        .flexible(true)
        .from_path(path)
        .map_err(csv_err)?;
    let headers = reader.headers().map_err(csv_err)?.clone();
    let col =
        |name: &str, fallback: usize| headers.iter().position(|h| h == name).unwrap_or(fallback);
    let (text_col, label_col) = (col("Text", 1), col("class_label", 2));
    let mut out = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(csv_err)?;
        let (Some(text), Some(label)) = (rec.get(text_col), rec.get(label_col)) else {
            return Err(DataError::Row {
                path: shown.clone(),
                row: i + 1,
            });
        };
        out.push(Example {
            text: text.to_owned(),
            check_worthy: label.trim().eq_ignore_ascii_case("yes"),
        });
    }
    Ok(out)
}

/// Training settings.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainOptions {
    /// Hash bits for n-grams.
    pub hash_bits: u32,
    /// Passes over the data.
    pub epochs: usize,
    /// AdaGrad step size.
    pub learning_rate: f32,
    /// L2 penalty per update.
    pub l2: f32,
    /// N-grams seen in fewer training sentences than this are ignored (they would
    /// only memorise particular debates).
    pub min_count: u32,
    /// Seed of the shuffling order.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            hash_bits: 18,
            epochs: 12,
            learning_rate: 0.1,
            l2: 1e-5,
            min_count: 2,
            seed: 20_240_601,
        }
    }
}

/// Fitted weights.
#[derive(Clone, Debug)]
pub struct Weights {
    /// Intercept.
    pub bias: f32,
    /// Named feature weights.
    pub dense: [f32; N_DENSE],
    /// N-gram weights by bucket.
    pub grams: Vec<f32>,
}

impl Weights {
    fn logit(&self, f: &Features) -> f32 {
        let mut z = self.bias;
        for (w, x) in self.dense.iter().zip(f.dense.iter()) {
            z += w * x;
        }
        let g: f32 = f.grams.iter().map(|&b| self.grams[b as usize]).sum();
        z + g * f.gram_value
    }

    /// Probability of the check-worthy class.
    pub fn predict(&self, f: &Features) -> f32 {
        sigmoid(self.logit(f))
    }
}

/// Extracts the features of every example.
pub fn featurize(examples: &[Example], bits: u32) -> Vec<Features> {
    examples
        .iter()
        .map(|e| {
            let mut f = Features::default();
            extract(&e.text, bits, &mut f);
            f
        })
        .collect()
}

/// A small deterministic generator (SplitMix64) for the shuffling order.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Fits logistic regression on the examples at `idx`.
#[allow(clippy::needless_range_loop)] // Indexes three parallel arrays.
pub fn fit(feats: &[Features], labels: &[bool], idx: &[usize], opt: &TrainOptions) -> Weights {
    let n_buckets = 1usize << opt.hash_bits;
    // Ignore rare n-grams: count in how many training sentences each bucket occurs.
    let mut df = vec![0u32; n_buckets];
    for &i in idx {
        let mut seen: Vec<u32> = feats[i].grams.clone();
        seen.sort_unstable();
        seen.dedup();
        for b in seen {
            df[b as usize] += 1;
        }
    }
    let usable: Vec<bool> = df.iter().map(|&c| c >= opt.min_count).collect();
    let pos = idx.iter().filter(|&&i| labels[i]).count().max(1) as f32;
    let neg = (idx.len() as f32 - pos).max(1.0);
    let total = idx.len() as f32;
    let (w_pos, w_neg) = (total / (2.0 * pos), total / (2.0 * neg));

    let mut w = Weights {
        bias: 0.0,
        dense: [0.0; N_DENSE],
        grams: vec![0.0; n_buckets],
    };
    let mut g2_bias = 1e-8f32;
    let mut g2_dense = [1e-8f32; N_DENSE];
    let mut g2_grams = vec![1e-8f32; n_buckets];
    let mut order = idx.to_vec();
    let mut rng = SplitMix(opt.seed);
    let lr = opt.learning_rate;
    for _ in 0..opt.epochs {
        for k in (1..order.len()).rev() {
            let j = (rng.next() % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        for &i in &order {
            let f = &feats[i];
            let z = logit_usable(&w, f, &usable);
            let (y, cw) = if labels[i] {
                (1.0, w_pos)
            } else {
                (0.0, w_neg)
            };
            let g = (sigmoid(z) - y) * cw;
            g2_bias += g * g;
            w.bias -= lr * g / g2_bias.sqrt();
            for ((wd, g2), &x) in w.dense.iter_mut().zip(g2_dense.iter_mut()).zip(&f.dense) {
                if x != 0.0 {
                    let grad = g * x + opt.l2 * *wd;
                    *g2 += grad * grad;
                    *wd -= lr * grad / g2.sqrt();
                }
            }
            for &b in &f.grams {
                let b = b as usize;
                if !usable[b] {
                    continue;
                }
                let grad = g * f.gram_value + opt.l2 * w.grams[b];
                g2_grams[b] += grad * grad;
                w.grams[b] -= lr * grad / g2_grams[b].sqrt();
            }
        }
    }
    w
}

fn logit_usable(w: &Weights, f: &Features, usable: &[bool]) -> f32 {
    let mut z = w.bias;
    for (a, x) in w.dense.iter().zip(f.dense.iter()) {
        z += a * x;
    }
    let g: f32 = f
        .grams
        .iter()
        .filter(|&&b| usable[b as usize])
        .map(|&b| w.grams[b as usize])
        .sum();
    z + g * f.gram_value
}

/// Precision, recall and F1 of the positive class at `threshold`.
pub fn prf(scores: &[f32], labels: &[bool], threshold: f32) -> (f32, f32, f32) {
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    for (&s, &y) in scores.iter().zip(labels) {
        match (s >= threshold, y) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fneg += 1,
            _ => {}
        }
    }
    let p = if tp + fp == 0 {
        0.0
    } else {
        tp as f32 / (tp + fp) as f32
    };
    let r = if tp + fneg == 0 {
        0.0
    } else {
        tp as f32 / (tp + fneg) as f32
    };
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f1)
}

/// Average precision: the mean of the precision at each positive, ranked by score
/// (ties broken by input order).
pub fn average_precision(scores: &[f32], labels: &[bool]) -> f32 {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let positives = labels.iter().filter(|&&y| y).count();
    if positives == 0 {
        return 0.0;
    }
    let (mut hits, mut sum) = (0usize, 0.0f64);
    for (rank, &i) in order.iter().enumerate() {
        if labels[i] {
            hits += 1;
            sum += hits as f64 / (rank + 1) as f64;
        }
    }
    (sum / positives as f64) as f32
}

/// The threshold (among the scores) with the best F1, and that F1's P, R, F1.
pub fn best_threshold(scores: &[f32], labels: &[bool]) -> (f32, f32, f32, f32) {
    let mut cands: Vec<f32> = scores.to_vec();
    cands.sort_by(f32::total_cmp);
    cands.dedup();
    let mut best = (0.5, 0.0, 0.0, 0.0);
    // At most about 2,000 candidate thresholds: fine enough, and fast.
    let step = (cands.len() / 2000).max(1);
    for t in cands.iter().step_by(step) {
        let (p, r, f1) = prf(scores, labels, *t);
        if f1 > best.3 {
            best = (*t, p, r, f1);
        }
    }
    best
}

/// Out-of-fold scores from `folds`-fold cross-validation (fold = index mod folds).
pub fn cross_val_scores(
    feats: &[Features],
    labels: &[bool],
    folds: usize,
    opt: &TrainOptions,
) -> Vec<f32> {
    let mut scores = vec![0.0; feats.len()];
    for k in 0..folds {
        let train: Vec<usize> = (0..feats.len()).filter(|i| i % folds != k).collect();
        let w = fit(feats, labels, &train, opt);
        for i in (0..feats.len()).filter(|i| i % folds == k) {
            scores[i] = w.predict(&feats[i]);
        }
    }
    scores
}

/// Trains the shipped model: cross-validates to choose the threshold, fits on all
/// data, then shifts the intercept so that the chosen threshold becomes 0.5 (the
/// app's [`DEFAULT_THRESHOLD`](super::suggest::DEFAULT_THRESHOLD)).
pub fn train_model_file(examples: &[Example], opt: &TrainOptions, folds: usize) -> ModelFile {
    let feats = featurize(examples, opt.hash_bits);
    let labels: Vec<bool> = examples.iter().map(|e| e.check_worthy).collect();
    let oof = cross_val_scores(&feats, &labels, folds, opt);
    let (t, p, r, f1) = best_threshold(&oof, &labels);
    let all: Vec<usize> = (0..feats.len()).collect();
    let w = fit(&feats, &labels, &all, opt);
    let t = t.clamp(1e-4, 1.0 - 1e-4);
    let shift = (t / (1.0 - t)).ln();
    let round = |x: f32| (x * 10_000.0).round() / 10_000.0;
    let grams = w
        .grams
        .iter()
        .enumerate()
        .map(|(b, &x)| (b as u32, round(x)))
        .filter(|&(_, x)| x != 0.0)
        .collect();
    ModelFile {
        format: MODEL_FORMAT,
        made_with: format!(
            "logistic regression, balanced class weights, AdaGrad lr {} for {} epochs, L2 {}, \
             n-grams seen in at least {} sentences, {} hash bits, seed {}; trained on {} \
             sentences ({} check-worthy); intercept shifted so the {}-fold cross-validated \
             best-F1 threshold is 0.5",
            opt.learning_rate,
            opt.epochs,
            opt.l2,
            opt.min_count,
            opt.hash_bits,
            opt.seed,
            examples.len(),
            labels.iter().filter(|&&y| y).count(),
            folds
        ),
        hash_bits: opt.hash_bits,
        bias: round(w.bias - shift),
        dense: DENSE
            .iter()
            .zip(w.dense.iter())
            .map(|(d, &x)| (d.key.to_owned(), round(x)))
            .collect(),
        grams,
        cross_validation: CrossValidation {
            folds,
            threshold: t,
            precision: p,
            recall: r,
            f1,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::checkworthiness::Model;

    fn toy() -> Vec<Example> {
        let yes = [
            "Unemployment rose to 9 percent last year.",
            "The deficit grew by $300 billion in 2010.",
            "Crime fell 12 percent in the city since 2015.",
            "Taxes went up for 40 million families.",
        ];
        let no = [
            "Thank you all for coming tonight.",
            "I think we can do better.",
            "What a wonderful crowd!",
            "Let me answer that question.",
        ];
        let mut out = Vec::new();
        for _ in 0..5 {
            out.extend(yes.iter().map(|t| Example {
                text: (*t).into(),
                check_worthy: true,
            }));
            out.extend(no.iter().map(|t| Example {
                text: (*t).into(),
                check_worthy: false,
            }));
        }
        out
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let opt = TrainOptions {
            hash_bits: 12,
            epochs: 5,
            ..TrainOptions::default()
        };
        let a = train_model_file(&toy(), &opt, 2);
        let b = train_model_file(&toy(), &opt, 2);
        assert_eq!(a, b);
        let m = Model::from_file(&a).unwrap();
        assert!(m.score("Prices rose 5 percent in 2012.") > m.score("Thank you for coming."));
    }

    #[test]
    fn metrics() {
        let s = [0.9, 0.8, 0.3, 0.1];
        let y = [true, false, true, false];
        assert_eq!(prf(&s, &y, 0.5), (0.5, 0.5, 0.5));
        let ap = average_precision(&s, &y);
        assert!((ap - (1.0 + 2.0 / 3.0) / 2.0).abs() < 1e-6);
    }

    #[test]
    fn reads_quoted_tsv() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.tsv");
        std::fs::write(
            &p,
            "Sentence_id\tText\tclass_label\n1\t\"He said \"\"no\"\", twice.\"\tYes\n2\tPlain\tNo\n",
        )
        .unwrap();
        let ex = read_tsv(&p).unwrap();
        assert_eq!(ex.len(), 2);
        assert_eq!(ex[0].text, "He said \"no\", twice.");
        assert!(ex[0].check_worthy && !ex[1].check_worthy);
    }
}
