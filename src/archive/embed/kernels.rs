//! The few numeric steps a BERT encoder is made of, on plain row-major `f32` slices:
//! a dense layer (a matrix product from the `gemm` crate, the one candle itself uses),
//! layer normalisation, attention within one text, and mean pooling.
//!
//! They run on the calling thread only. The embedder gives each core its own batch of
//! texts instead of splitting every matrix product between the cores: the products of
//! a small model are too small to split well (see `docs/performance.md`).

use super::gelu::exp_nonpositive;

/// A dense layer: `out = x · weightᵀ + bias`.
pub struct Dense {
    /// `outputs × inputs`, row-major (as stored in the model file).
    pub weight: Vec<f32>,
    /// `outputs`.
    pub bias: Vec<f32>,
    /// Width of an input row.
    pub inputs: usize,
    /// Width of an output row.
    pub outputs: usize,
}

impl Dense {
    /// Applies the layer to `rows` rows of `x` (`rows × inputs`); returns
    /// `rows × outputs`.
    pub fn forward(&self, x: &[f32], rows: usize) -> Vec<f32> {
        let (k, n) = (self.inputs, self.outputs);
        let mut out = Vec::with_capacity(rows * n);
        for _ in 0..rows {
            out.extend_from_slice(&self.bias);
        }
        // The sizes are fixed when the model is loaded; a mismatch is a bug here, not
        // bad input, and would make the product below read out of bounds.
        assert!(
            x.len() == rows * k && self.weight.len() == n * k && self.bias.len() == n,
            "dense layer sizes do not agree"
        );
        if rows == 0 {
            return out;
        }
        // SAFETY: `out` is `rows × n`, `x` is `rows × k` and `weight` is `n × k`, all
        // row-major and checked above; the strides below address exactly those
        // elements (the weight is read transposed: element (kk, nn) is at nn·k + kk).
        // `gemm` computes out = 1·out + 1·(x · weightᵀ), adding the bias set above.
        unsafe {
            gemm::gemm(
                rows,
                n,
                k,
                out.as_mut_ptr(),
                1,
                n as isize,
                true,
                x.as_ptr(),
                1,
                k as isize,
                self.weight.as_ptr(),
                k as isize,
                1,
                1.0,
                1.0,
                false,
                false,
                false,
                gemm::Parallelism::None,
            );
        }
        out
    }
}

/// Layer normalisation's learned scale and shift.
pub struct Norm {
    /// Scale per component.
    pub gamma: Vec<f32>,
    /// Shift per component.
    pub beta: Vec<f32>,
}

/// Layer-norm epsilon of BERT models.
const LAYER_NORM_EPS: f32 = 1e-12;

impl Norm {
    /// Normalises every row of `x` (rows of `gamma.len()` components) in place.
    pub fn apply(&self, x: &mut [f32]) {
        let width = self.gamma.len().max(1);
        for row in x.chunks_exact_mut(width) {
            let mean = row.iter().sum::<f32>() / width as f32;
            let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / width as f32;
            let inv = 1.0 / (var + LAYER_NORM_EPS).sqrt();
            for ((v, g), b) in row.iter_mut().zip(&self.gamma).zip(&self.beta) {
                *v = (*v - mean) * inv * g + b;
            }
        }
    }
}

/// Adds `residual` to `x`, element by element.
pub fn add_in_place(x: &mut [f32], residual: &[f32]) {
    for (a, b) in x.iter_mut().zip(residual) {
        *a += b;
    }
}

/// A dot product in eight lanes, so the compiler can use SIMD.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    let (ac, bc) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ac
        .remainder()
        .iter()
        .zip(bc.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ac.zip(bc) {
        for i in 0..8 {
            lanes[i] += x[i] * y[i];
        }
    }
    lanes.iter().sum::<f32>() + tail
}

/// Self-attention over the tokens of one text.
///
/// `qkv` holds one row per token: its query, key and value side by side (`3 × hidden`
/// components). Returns one row of `hidden` components per token: for every head, the
/// values weighted by the softmax of the scaled query-key products. Padding never
/// enters: a text attends to its own tokens only, which is what BERT's attention mask
/// does for a padded batch.
pub fn attention(qkv: &[f32], tokens: usize, hidden: usize, heads: usize) -> Vec<f32> {
    let head_dim = hidden / heads.max(1);
    let scale = 1.0 / (head_dim as f32).sqrt();
    let stride = 3 * hidden;
    let mut out = vec![0f32; tokens * hidden];
    let mut weights = vec![0f32; tokens];
    for head in 0..heads {
        let offset = head * head_dim;
        let part = |token: usize, which: usize| {
            let start = token * stride + which * hidden + offset;
            &qkv[start..start + head_dim]
        };
        for i in 0..tokens {
            let query = part(i, 0);
            let mut max = f32::NEG_INFINITY;
            for (j, w) in weights.iter_mut().enumerate() {
                *w = dot(query, part(j, 1)) * scale;
                max = max.max(*w);
            }
            let mut sum = 0.0;
            for w in weights.iter_mut() {
                *w = exp_nonpositive(*w - max);
                sum += *w;
            }
            let context = &mut out[i * hidden + offset..i * hidden + offset + head_dim];
            for (j, w) in weights.iter().enumerate() {
                let w = w / sum;
                for (c, v) in context.iter_mut().zip(part(j, 2)) {
                    *c += w * v;
                }
            }
        }
    }
    out
}

/// The mean of `rows` rows of `hidden` components, scaled to unit length.
pub fn mean_unit(x: &[f32], rows: usize, hidden: usize) -> Vec<f32> {
    let mut mean = vec![0f32; hidden];
    for row in x.chunks_exact(hidden).take(rows) {
        add_in_place(&mut mean, row);
    }
    let rows = rows.max(1) as f32;
    mean.iter_mut().for_each(|v| *v /= rows);
    let norm = mean.iter().map(|v| v * v).sum::<f32>().sqrt().max(1e-12);
    mean.iter_mut().for_each(|v| *v /= norm);
    mean
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_is_x_times_weight_transposed_plus_bias() {
        let layer = Dense {
            weight: vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
            bias: vec![0.5, -1.0],
            inputs: 3,
            outputs: 2,
        };
        let out = layer.forward(&[1.0, 0.0, -1.0, 2.0, 1.0, 0.0], 2);
        // Row 1: (1-3, 4-6) + bias; row 2: (2+2, 8+5) + bias.
        assert_eq!(out, vec![-1.5, -3.0, 4.5, 12.0]);
    }

    #[test]
    fn layer_norm_centres_and_scales() {
        let norm = Norm {
            gamma: vec![1.0; 4],
            beta: vec![0.0; 4],
        };
        let mut x = vec![1.0, 2.0, 3.0, 4.0];
        norm.apply(&mut x);
        assert!(x.iter().sum::<f32>().abs() < 1e-6);
        let var = x.iter().map(|v| v * v).sum::<f32>() / 4.0;
        assert!((var - 1.0).abs() < 1e-4);
    }

    #[test]
    fn attention_weighs_values_by_softmax() {
        // One head of width 1, two tokens; token 0's query matches key 1 strongly.
        let qkv = vec![
            10.0, 0.0, 1.0, // token 0: q, k, v
            0.0, 1.0, 3.0, // token 1
        ];
        let out = attention(&qkv, 2, 1, 1);
        let e = (10f32).exp();
        let expected0 = (1.0 + 3.0 * e) / (1.0 + e);
        assert!((out[0] - expected0).abs() < 1e-4, "{out:?}");
        // Token 1's query is 0: equal weights.
        assert!((out[1] - 2.0).abs() < 1e-5, "{out:?}");
    }

    #[test]
    fn mean_unit_is_unit_length() {
        let v = mean_unit(&[3.0, 0.0, 3.0, 8.0], 2, 2);
        assert!((v[0] - 0.6).abs() < 1e-6 && (v[1] - 0.8).abs() < 1e-6);
    }
}
