//! The sentence embeddings of archived claims, computed once per distinct claim text
//! and kept in `vectors.bin`.
//!
//! Each vector is stored as 8-bit integers with one scale (a unit vector's components
//! fit in [-1, 1]; 8 bits keep cosine similarities to within about 0.005, a quarter of
//! the memory of 32-bit floats). Vectors are keyed by the hash of the claim text, so a
//! moved or re-saved session reuses them. The file records which model made them: a
//! different model's vectors are ignored and computed again.
//!
//! Layout (little-endian): `CLDKVEC1`, the model id (32 bytes), dimension (u32), count
//! (u64), then per vector its text hash (u64), scale (f32) and components (i8 × dim),
//! then the SHA-256 of everything before it. A file that is short, long, or fails the
//! checksum is not trusted.

use super::disk::replace_file;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::Path;

const MAGIC: &[u8; 8] = b"CLDKVEC1";
const HEADER: usize = 8 + 32 + 4 + 8;

/// Embeddings by text hash, quantised to 8 bits.
#[derive(Clone, Debug, Default)]
pub struct VectorStore {
    /// The model that computed them.
    pub model_id: [u8; 32],
    /// Components per vector.
    pub dim: usize,
    rows: HashMap<u64, usize>,
    hashes: Vec<u64>,
    scales: Vec<f32>,
    data: Vec<i8>,
}

impl VectorStore {
    /// An empty store for vectors of `dim` components from model `model_id`.
    pub fn new(model_id: [u8; 32], dim: usize) -> Self {
        Self {
            model_id,
            dim,
            ..Self::default()
        }
    }

    /// How many vectors it holds.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Whether a vector for this text hash is stored.
    pub fn contains(&self, hash: u64) -> bool {
        self.rows.contains_key(&hash)
    }

    /// The row of a text hash's vector.
    pub fn row_of(&self, hash: u64) -> Option<usize> {
        self.rows.get(&hash).copied()
    }

    /// Adds (or replaces) the vector for `hash`. `vector` must have `dim` components.
    pub fn insert(&mut self, hash: u64, vector: &[f32]) {
        if vector.len() != self.dim {
            return;
        }
        let max = vector.iter().fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        let quantised = vector
            .iter()
            .map(|v| (v / scale).round().clamp(-127.0, 127.0) as i8);
        match self.rows.get(&hash) {
            Some(&row) => {
                let start = row * self.dim;
                for (slot, q) in self.data[start..start + self.dim].iter_mut().zip(quantised) {
                    *slot = q;
                }
                self.scales[row] = scale;
            }
            None => {
                self.rows.insert(hash, self.hashes.len());
                self.hashes.push(hash);
                self.scales.push(scale);
                self.data.extend(quantised);
            }
        }
    }

    /// The components and scale of a row.
    pub fn row(&self, row: usize) -> Option<(&[i8], f32)> {
        let start = row.checked_mul(self.dim)?;
        Some((
            self.data.get(start..start + self.dim)?,
            *self.scales.get(row)?,
        ))
    }

    /// A copy holding only the vectors whose hash `keep` accepts (drops the vectors of
    /// claims no longer in the archive).
    pub fn retain(&self, keep: impl Fn(u64) -> bool) -> VectorStore {
        let mut out = VectorStore::new(self.model_id, self.dim);
        for (row, &hash) in self.hashes.iter().enumerate() {
            if keep(hash)
                && let Some((data, scale)) = self.row(row)
            {
                out.rows.insert(hash, out.hashes.len());
                out.hashes.push(hash);
                out.scales.push(scale);
                out.data.extend_from_slice(data);
            }
        }
        out
    }

    /// Reads `path`; `None` when it is missing, damaged, or of another format.
    pub fn load(path: &Path) -> Option<VectorStore> {
        let bytes = std::fs::read(path).ok()?;
        Self::from_bytes(&bytes)
    }

    fn from_bytes(bytes: &[u8]) -> Option<VectorStore> {
        let body_len = bytes.len().checked_sub(32)?;
        let (body, sum) = bytes.split_at(body_len);
        if body.len() < HEADER || body.get(..8)? != MAGIC || Sha256::digest(body)[..] != *sum {
            return None;
        }
        let mut model_id = [0u8; 32];
        model_id.copy_from_slice(body.get(8..40)?);
        let dim = u32::from_le_bytes(body.get(40..44)?.try_into().ok()?) as usize;
        let count = usize::try_from(u64::from_le_bytes(body.get(44..52)?.try_into().ok()?)).ok()?;
        let entry = 12usize.checked_add(dim)?;
        if dim == 0 || count.checked_mul(entry)? != body.len() - HEADER {
            return None;
        }
        let mut store = VectorStore::new(model_id, dim);
        store.hashes.reserve(count);
        store.data.reserve(count * dim);
        for chunk in body[HEADER..].chunks_exact(entry) {
            let hash = u64::from_le_bytes(chunk.get(..8)?.try_into().ok()?);
            let scale = f32::from_le_bytes(chunk.get(8..12)?.try_into().ok()?);
            if !scale.is_finite() {
                return None;
            }
            store.rows.insert(hash, store.hashes.len());
            store.hashes.push(hash);
            store.scales.push(scale);
            store.data.extend(chunk[12..].iter().map(|&b| b as i8));
        }
        Some(store)
    }

    /// Writes the store to `path`, replacing the old file atomically.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let mut bytes = Vec::with_capacity(HEADER + self.len() * (12 + self.dim) + 32);
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&self.model_id);
        bytes.extend_from_slice(&(self.dim as u32).to_le_bytes());
        bytes.extend_from_slice(&(self.len() as u64).to_le_bytes());
        for (row, hash) in self.hashes.iter().enumerate() {
            bytes.extend_from_slice(&hash.to_le_bytes());
            bytes.extend_from_slice(&self.scales[row].to_le_bytes());
            let start = row * self.dim;
            bytes.extend(self.data[start..start + self.dim].iter().map(|&v| v as u8));
        }
        let sum = Sha256::digest(&bytes);
        bytes.extend_from_slice(&sum);
        replace_file(path, &bytes)
    }
}

/// The dot product of a float vector with an 8-bit row, in eight lanes so the compiler
/// can use SIMD (a plain sum would keep the additions in order).
pub fn dot_i8(query: &[f32], row: &[i8]) -> f32 {
    let mut lanes = [0f32; 8];
    let q = query.chunks_exact(8);
    let r = row.chunks_exact(8);
    let (q_rest, r_rest) = (q.remainder(), r.remainder());
    for (qc, rc) in q.zip(r) {
        for ((lane, a), b) in lanes.iter_mut().zip(qc).zip(rc) {
            *lane += a * f32::from(*b);
        }
    }
    let mut sum: f32 = lanes.iter().sum();
    for (a, b) in q_rest.iter().zip(r_rest) {
        sum += a * f32::from(*b);
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(v: &[f32]) -> Vec<f32> {
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.iter().map(|x| x / n).collect()
    }

    #[test]
    fn quantised_dot_products_stay_close() {
        let a = unit(
            &(0..384)
                .map(|i| (i * 7 % 13) as f32 - 6.0)
                .collect::<Vec<_>>(),
        );
        let b = unit(
            &(0..384)
                .map(|i| (i * 5 % 11) as f32 - 5.0)
                .collect::<Vec<_>>(),
        );
        let mut store = VectorStore::new([1; 32], 384);
        store.insert(7, &b);
        let (row, scale) = store.row(store.row_of(7).unwrap()).unwrap();
        let exact: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        assert!((dot_i8(&a, row) * scale - exact).abs() < 0.005);
    }

    #[test]
    fn round_trips_and_refuses_damage() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vectors.bin");
        let mut store = VectorStore::new([9; 32], 4);
        store.insert(1, &[0.5, -0.5, 0.5, -0.5]);
        store.insert(2, &[1.0, 0.0, 0.0, 0.0]);
        store.insert(1, &[0.0, 1.0, 0.0, 0.0]);
        store.save(&path).unwrap();
        let back = VectorStore::load(&path).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back.model_id, [9; 32]);
        assert_eq!(
            back.row(back.row_of(1).unwrap()).unwrap().0,
            &[0, 127, 0, 0]
        );
        let kept = back.retain(|h| h == 2);
        assert_eq!(kept.len(), 1);
        assert!(!kept.contains(1));

        let mut bytes = std::fs::read(&path).unwrap();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert!(VectorStore::load(&path).is_none());
        std::fs::write(&path, b"CLDKVEC1").unwrap();
        assert!(VectorStore::load(&path).is_none());
    }
}
