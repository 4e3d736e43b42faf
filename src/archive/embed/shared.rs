//! The model shared by the app's threads, loaded once, on first use, off the UI thread.

use super::{EmbedError, Embedder};
use std::sync::{Arc, OnceLock};

/// A handle to the sentence-embedding model that loads it at most once.
///
/// Clone it freely (clones share the model). The UI thread asks [`Self::get`], which
/// never waits; a worker calls [`Self::load`], which loads the model the first time
/// (a fraction of a second) and returns at once afterwards.
#[derive(Clone, Default)]
pub struct SharedEmbedder {
    cell: Arc<OnceLock<Result<Embedder, EmbedError>>>,
}

impl std::fmt::Debug for SharedEmbedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = match self.cell.get() {
            None => "not loaded",
            Some(Ok(_)) => "loaded",
            Some(Err(_)) => "failed",
        };
        f.debug_struct("SharedEmbedder")
            .field("state", &state)
            .finish()
    }
}

impl SharedEmbedder {
    /// A handle with nothing loaded yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// A handle to an already loaded model (tests, or a model from elsewhere).
    pub fn with(embedder: Embedder) -> Self {
        let cell = OnceLock::new();
        let _ = cell.set(Ok(embedder));
        Self {
            cell: Arc::new(cell),
        }
    }

    /// The model if it is loaded, without waiting.
    pub fn get(&self) -> Option<&Embedder> {
        self.cell.get().and_then(|r| r.as_ref().ok())
    }

    /// Why loading failed, once it has.
    pub fn error(&self) -> Option<&EmbedError> {
        self.cell.get().and_then(|r| r.as_ref().err())
    }

    /// The model, loading it from [`super::model_dirs`] on the first call (blocks: call
    /// it on a worker). A failure is remembered and returned again.
    pub fn load(&self) -> Result<&Embedder, &EmbedError> {
        self.cell.get_or_init(Embedder::load_default).as_ref()
    }
}
