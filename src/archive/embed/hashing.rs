//! A stand-in embedder for tests and benchmarks: fast, deterministic, no model file.

use super::{Embed, EmbedError};

/// Hashes each lower-cased word into one of `dim` buckets and normalises: texts sharing
/// words get similar vectors. It knows nothing of meaning; it exists so that tests and
/// benchmarks of the index can run without loading the real model.
#[derive(Clone, Copy, Debug)]
pub struct WordHashEmbedder {
    /// Components per vector.
    pub dim: usize,
}

impl Default for WordHashEmbedder {
    fn default() -> Self {
        Self { dim: 384 }
    }
}

impl Embed for WordHashEmbedder {
    fn model_id(&self) -> [u8; 32] {
        let mut id = [0u8; 32];
        id[..8].copy_from_slice(b"wordhash");
        id[8..16].copy_from_slice(&(self.dim as u64).to_le_bytes());
        id
    }

    fn dim(&self) -> usize {
        self.dim
    }

    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let dim = self.dim.max(1);
        Ok(texts
            .iter()
            .map(|text| {
                let mut v = vec![0f32; dim];
                for word in text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                {
                    // FNV-1a: stable across runs and platforms.
                    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
                    for b in word.to_lowercase().bytes() {
                        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
                    }
                    v[(h % dim as u64) as usize] += 1.0;
                }
                let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
                if norm > 0.0 {
                    v.iter_mut().for_each(|x| *x /= norm);
                }
                v
            })
            .collect())
    }
}
