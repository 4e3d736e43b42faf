//! Sentence embeddings: texts to unit vectors whose dot product (cosine similarity)
//! says how alike two sentences are in meaning, so a reworded claim still finds its
//! earlier check.
//!
//! The shipped model is all-MiniLM-L6-v2 ([`Embedder`]), run on the CPU with candle,
//! loaded from `assets/models/` and never from the network. Loading takes a fraction of
//! a second, so the app does it on a worker through a [`SharedEmbedder`]. Anything that
//! implements [`Embed`] can stand in for it (tests and benchmarks use
//! [`WordHashEmbedder`], which needs no model).

mod bert;
mod gelu;
mod hashing;
mod kernels;
mod model;
mod shared;

pub use hashing::WordHashEmbedder;
pub use model::{
    EmbedError, Embedder, MAX_TOKENS, MODEL_DIR_ENV, MODEL_NAME, MODEL_SHA256, hex, model_dirs,
};
pub use shared::SharedEmbedder;

/// Turns texts into unit vectors of a fixed dimension.
pub trait Embed: Send + Sync {
    /// Identifies the model: vectors of two models are never compared.
    fn model_id(&self) -> [u8; 32];
    /// Components per vector.
    fn dim(&self) -> usize;
    /// One unit vector per text, in order.
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError>;
}

impl Embed for Embedder {
    fn model_id(&self) -> [u8; 32] {
        Embedder::model_id(self)
    }

    fn dim(&self) -> usize {
        Embedder::dim(self)
    }

    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        Embedder::embed(self, texts)
    }
}
