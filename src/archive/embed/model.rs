//! The shipped sentence-embedding model (all-MiniLM-L6-v2 in half precision, see
//! `assets/models/README.md`): finding its files, checking them, and turning texts into
//! unit vectors whose dot product says how alike two sentences are in meaning.

use super::bert::{Bert, BertConfig};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The model's folder name under `assets/models/`.
pub const MODEL_NAME: &str = "all-MiniLM-L6-v2";

/// Environment variable naming another folder holding the model's files.
pub const MODEL_DIR_ENV: &str = "CLAIMDESK_MODEL_DIR";

/// SHA-256 of the shipped `model.safetensors` (printed by
/// `scripts/build-minilm-model.py`). Anything else is refused: a damaged download or a
/// Git LFS pointer must not produce silent nonsense.
pub const MODEL_SHA256: &str = "00e612395673d4872e0afc75544e787278facd356ba71f02b2d6e10caa570041";

/// Longest input in tokens; longer texts are cut (a claim is a sentence or two).
pub const MAX_TOKENS: usize = 128;

/// About this many tokens run through the model at once: enough rows for the matrix
/// products to run at full speed, few enough to stay in the processor's caches.
const BATCH_TOKENS: usize = 1024;

/// Why the model could not be loaded or run.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// None of the places the model is looked for has it.
    #[error(
        "the sentence-embedding model was not found (looked in {looked}); matching uses words only. Put the folder assets/models/{MODEL_NAME} next to the program, or set {MODEL_DIR_ENV}"
    )]
    NotFound {
        /// The folders looked in.
        looked: String,
    },
    /// A model file could not be read.
    #[error("could not read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The weights are not the shipped ones.
    #[error(
        "{} is not the shipped model (its checksum differs; it may be damaged). Rebuild it with scripts/build-minilm-model.py",
        path.display()
    )]
    WrongWeights {
        /// The weights file.
        path: PathBuf,
    },
    /// The configuration or tokenizer file is not usable.
    #[error("{} is not usable: {message}", path.display())]
    BadFile {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The model failed while running.
    #[error("the sentence-embedding model failed: {0}")]
    Run(String),
}

impl From<candle_core::Error> for EmbedError {
    fn from(e: candle_core::Error) -> Self {
        EmbedError::Run(e.to_string())
    }
}

/// The folders the model is looked for in, in order: only `$CLAIMDESK_MODEL_DIR` when
/// it is set; else `assets/models/all-MiniLM-L6-v2` beside the program and one and two
/// folders up (an installed layout, and `target/release/` in a checkout), then the
/// source tree it was built from.
pub fn model_dirs() -> Vec<PathBuf> {
    if let Some(dir) = std::env::var_os(MODEL_DIR_ENV).filter(|d| !d.is_empty()) {
        return vec![PathBuf::from(dir)];
    }
    let mut dirs = Vec::new();
    if let Ok(exe) = std::env::current_exe() {
        let mut folder = exe.parent().map(Path::to_path_buf);
        for _ in 0..3 {
            let Some(f) = folder else { break };
            dirs.push(f.join("assets").join("models").join(MODEL_NAME));
            folder = f.parent().map(Path::to_path_buf);
        }
    }
    dirs.push(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets")
            .join("models")
            .join(MODEL_NAME),
    );
    dirs
}

/// A loaded sentence-embedding model. Cheap to share between threads (`&Embedder` is
/// `Send + Sync`); loading it takes a fraction of a second and about 100 MB of memory.
pub struct Embedder {
    bert: Bert,
    tokenizer: tokenizers::Tokenizer,
    id: [u8; 32],
}

impl std::fmt::Debug for Embedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embedder")
            .field("dim", &self.dim())
            .finish_non_exhaustive()
    }
}

impl Embedder {
    /// Loads the model from the first of [`model_dirs`] that has it.
    pub fn load_default() -> Result<Embedder, EmbedError> {
        let dirs = model_dirs();
        for dir in &dirs {
            if dir.join("model.safetensors").is_file() {
                return Self::load(dir);
            }
        }
        Err(EmbedError::NotFound {
            looked: dirs
                .iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        })
    }

    /// Loads the model from `dir` (`model.safetensors`, `config.json`, `tokenizer.json`).
    pub fn load(dir: &Path) -> Result<Embedder, EmbedError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map_err(|source| EmbedError::Read { path, source })
        };
        let weights = read("model.safetensors")?;
        let digest: [u8; 32] = Sha256::digest(&weights).into();
        if hex(&digest) != MODEL_SHA256 {
            return Err(EmbedError::WrongWeights {
                path: dir.join("model.safetensors"),
            });
        }
        let bad = |name: &str, message: String| EmbedError::BadFile {
            path: dir.join(name),
            message,
        };
        let config: BertConfig = serde_json::from_slice(&read("config.json")?)
            .map_err(|e| bad("config.json", e.to_string()))?;
        if config.num_attention_heads == 0
            || !config
                .hidden_size
                .is_multiple_of(config.num_attention_heads)
        {
            return Err(bad("config.json", "inconsistent sizes".to_owned()));
        }
        let mut tokenizer = tokenizers::Tokenizer::from_bytes(read("tokenizer.json")?)
            .map_err(|e| bad("tokenizer.json", e.to_string()))?;
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(Some(tokenizers::TruncationParams {
                max_length: MAX_TOKENS.min(config.max_position_embeddings),
                ..Default::default()
            }))
            .map_err(|e| bad("tokenizer.json", e.to_string()))?;
        // Half-precision weights, computed in single precision (fast on any CPU).
        let bert = Bert::load(&weights, config)?;
        Ok(Embedder {
            bert,
            tokenizer,
            id: digest,
        })
    }

    /// Identifies the model: vectors from another model are not comparable.
    pub fn model_id(&self) -> [u8; 32] {
        self.id
    }

    /// Components per vector (384).
    pub fn dim(&self) -> usize {
        self.bert.config().hidden_size
    }

    /// The embedding of one text.
    pub fn embed_one(&self, text: &str) -> Result<Vec<f32>, EmbedError> {
        Ok(self.embed(&[text])?.pop().unwrap_or_default())
    }

    /// The embeddings of `texts`, in order: unit vectors of [`Self::dim`] components.
    ///
    /// Texts are laid end to end, without padding, in batches of about
    /// `BATCH_TOKENS` (1,024) tokens (shortest first, so a batch's texts are alike and the
    /// batches about equal), and each core takes whole batches: the matrix products of
    /// a small model are too small to split between cores efficiently, so two cores
    /// each running their own batch embed about 40 % more texts a second than two
    /// cores sharing every product.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let encodings = self
            .tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(|e| EmbedError::Run(e.to_string()))?;
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| encodings[i].get_ids().len());
        let mut batches: Vec<&[usize]> = Vec::new();
        let mut rest = order.as_slice();
        while !rest.is_empty() {
            let mut tokens = 0;
            let take = rest
                .iter()
                .take_while(|&&i| {
                    tokens += encodings[i].get_ids().len();
                    tokens <= BATCH_TOKENS
                })
                .count()
                .max(1);
            let (batch, after) = rest.split_at(take);
            batches.push(batch);
            rest = after;
        }
        let embedded: Vec<Vec<Vec<f32>>> = batches
            .par_iter()
            .map(|batch| {
                let ids: Vec<&[u32]> = batch.iter().map(|&i| encodings[i].get_ids()).collect();
                self.bert.embed(&ids)
            })
            .collect();
        let mut out = vec![Vec::new(); texts.len()];
        for (batch, vectors) in batches.iter().zip(embedded) {
            for (&i, v) in batch.iter().zip(vectors) {
                out[i] = v;
            }
        }
        Ok(out)
    }
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
