//! Cosine similarity of query embeddings to every archived embedding, by brute force:
//! 100,000 claims of 384 components is 38 million multiply-adds per query, a few
//! milliseconds, and exact (no approximate index to build or keep in step).

use super::vectors::{VectorStore, dot_i8};
use candle_core::{Device, Tensor};

/// Archived vectors converted to floats at a time (about 6 MB), for many queries at once.
const BLOCK: usize = 4096;

/// The similarity of `query` to every row of `store`, by row.
pub fn scores_one(store: &VectorStore, query: &[f32]) -> Vec<f32> {
    (0..store.len())
        .map(|row| {
            store
                .row(row)
                .map_or(0.0, |(data, scale)| dot_i8(query, data) * scale)
        })
        .collect()
}

/// The similarity of each query to every row of `store`: one vector of row scores per
/// query. Runs as matrix products (SIMD and both cores), which is what makes matching
/// the hundred sentences of a long article against a large archive fast.
pub fn scores_many(
    store: &VectorStore,
    queries: &[Vec<f32>],
) -> candle_core::Result<Vec<Vec<f32>>> {
    let rows = store.len();
    let dim = store.dim;
    let mut out = vec![vec![0f32; rows]; queries.len()];
    if rows == 0 || queries.is_empty() || dim == 0 {
        return Ok(out);
    }
    let device = Device::Cpu;
    let flat: Vec<f32> = queries
        .iter()
        .flat_map(|q| (0..dim).map(move |i| q.get(i).copied().unwrap_or(0.0)))
        .collect();
    let q = Tensor::from_vec(flat, (queries.len(), dim), &device)?;
    let mut start = 0;
    while start < rows {
        let n = BLOCK.min(rows - start);
        let mut block = Vec::with_capacity(n * dim);
        for row in start..start + n {
            match store.row(row) {
                Some((data, scale)) => block.extend(data.iter().map(|&v| f32::from(v) * scale)),
                None => block.resize(block.len() + dim, 0.0),
            }
        }
        let block = Tensor::from_vec(block, (n, dim), &device)?;
        let scores: Vec<Vec<f32>> = q.matmul(&block.t()?)?.to_vec2()?;
        for (target, got) in out.iter_mut().zip(scores) {
            if let Some(slot) = target.get_mut(start..start + n) {
                slot.copy_from_slice(&got);
            }
        }
        start += n;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_and_many_agree() {
        let mut store = VectorStore::new([0; 32], 8);
        let rows: Vec<Vec<f32>> = (0..5000)
            .map(|i| {
                let v: Vec<f32> = (0..8)
                    .map(|j| ((i * 31 + j * 7) % 17) as f32 - 8.0)
                    .collect();
                let n = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
                v.iter().map(|x| x / n).collect()
            })
            .collect();
        for (i, r) in rows.iter().enumerate() {
            store.insert(i as u64, r);
        }
        let queries = vec![rows[3].clone(), rows[4999].clone()];
        let many = scores_many(&store, &queries).unwrap();
        for (q, got) in queries.iter().zip(&many) {
            let one = scores_one(&store, q);
            assert_eq!(one.len(), 5000);
            for (a, b) in one.iter().zip(got) {
                assert!((a - b).abs() < 1e-4);
            }
        }
        assert!(many[0][3] > 0.99);
    }
}
