//! A BERT encoder with mean pooling, the architecture of all-MiniLM-L6-v2, written on
//! candle's tensors and layers (the whole of candle-transformers is not needed for one
//! small model).

use candle_core::{DType, Device, Module, Tensor};
use candle_nn::{Embedding, LayerNorm, Linear, VarBuilder, embedding, layer_norm, linear};

/// The model's shape, from its `config.json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct BertConfig {
    /// Tokens in the vocabulary.
    pub vocab_size: usize,
    /// Width of every hidden state (the embedding's dimension).
    pub hidden_size: usize,
    /// Transformer layers.
    pub num_hidden_layers: usize,
    /// Attention heads per layer.
    pub num_attention_heads: usize,
    /// Width of the feed-forward layer.
    pub intermediate_size: usize,
    /// Longest input the position embeddings cover.
    pub max_position_embeddings: usize,
    /// Token types (segments).
    pub type_vocab_size: usize,
}

/// Layer-norm epsilon of BERT models.
const LAYER_NORM_EPS: f64 = 1e-12;

struct Layer {
    query: Linear,
    key: Linear,
    value: Linear,
    attention_out: Linear,
    attention_norm: LayerNorm,
    intermediate: Linear,
    output: Linear,
    output_norm: LayerNorm,
}

/// The encoder with its weights, ready to run.
pub struct Bert {
    config: BertConfig,
    words: Embedding,
    positions: Embedding,
    token_types: Embedding,
    embeddings_norm: LayerNorm,
    layers: Vec<Layer>,
}

impl Bert {
    /// Builds the model from weights named as in Hugging Face's `BertModel`.
    pub fn load(vb: VarBuilder, config: BertConfig) -> candle_core::Result<Self> {
        let h = config.hidden_size;
        let e = vb.pp("embeddings");
        let words = embedding(config.vocab_size, h, e.pp("word_embeddings"))?;
        let positions = embedding(
            config.max_position_embeddings,
            h,
            e.pp("position_embeddings"),
        )?;
        let token_types = embedding(config.type_vocab_size, h, e.pp("token_type_embeddings"))?;
        let embeddings_norm = layer_norm(h, LAYER_NORM_EPS, e.pp("LayerNorm"))?;
        let mut layers = Vec::with_capacity(config.num_hidden_layers);
        for i in 0..config.num_hidden_layers {
            let l = vb.pp(format!("encoder.layer.{i}"));
            let a = l.pp("attention");
            layers.push(Layer {
                query: linear(h, h, a.pp("self.query"))?,
                key: linear(h, h, a.pp("self.key"))?,
                value: linear(h, h, a.pp("self.value"))?,
                attention_out: linear(h, h, a.pp("output.dense"))?,
                attention_norm: layer_norm(h, LAYER_NORM_EPS, a.pp("output.LayerNorm"))?,
                intermediate: linear(h, config.intermediate_size, l.pp("intermediate.dense"))?,
                output: linear(config.intermediate_size, h, l.pp("output.dense"))?,
                output_norm: layer_norm(h, LAYER_NORM_EPS, l.pp("output.LayerNorm"))?,
            });
        }
        Ok(Self {
            config,
            words,
            positions,
            token_types,
            embeddings_norm,
            layers,
        })
    }

    /// The model's shape.
    pub fn config(&self) -> &BertConfig {
        &self.config
    }

    /// Mean-pooled, unit-length sentence embeddings of a padded batch.
    ///
    /// `ids` and `mask` are `(batch, length)` u32 tensors; `mask` is 1 for real tokens
    /// and 0 for padding. Returns `(batch, hidden_size)` f32.
    pub fn embed(&self, ids: &Tensor, mask: &Tensor) -> candle_core::Result<Tensor> {
        let (batch, len) = ids.dims2()?;
        let device = ids.device();
        let heads = self.config.num_attention_heads;
        let hidden = self.config.hidden_size;
        let head_dim = hidden / heads.max(1);
        let position_ids = Tensor::arange(0u32, len as u32, device)?;
        let type_ids = Tensor::zeros((len,), DType::U32, device)?;
        let mut h = self
            .words
            .forward(ids)?
            .broadcast_add(&self.positions.forward(&position_ids)?)?
            .broadcast_add(&self.token_types.forward(&type_ids)?)?;
        h = self.embeddings_norm.forward(&h)?;
        let mask_f = mask.to_dtype(DType::F32)?;
        // 0 where attended, a large negative number on padding.
        let attention_bias = ((&mask_f - 1.0)? * 1e4)?.reshape((batch, 1, 1, len))?;
        let scale = 1.0 / (head_dim as f64).sqrt();
        for layer in &self.layers {
            let split = |x: Tensor| -> candle_core::Result<Tensor> {
                x.reshape((batch, len, heads, head_dim))?
                    .transpose(1, 2)?
                    .contiguous()
            };
            let q = split(layer.query.forward(&h)?)?;
            let k = split(layer.key.forward(&h)?)?;
            let v = split(layer.value.forward(&h)?)?;
            let scores = (q.matmul(&k.t()?)? * scale)?.broadcast_add(&attention_bias)?;
            let probs = candle_nn::ops::softmax_last_dim(&scores)?;
            let context = probs
                .matmul(&v)?
                .transpose(1, 2)?
                .reshape((batch, len, hidden))?;
            let attended = layer
                .attention_norm
                .forward(&(layer.attention_out.forward(&context)? + &h)?)?;
            let inner = layer
                .intermediate
                .forward(&attended)?
                .apply_op1_no_bwd(&super::gelu::Gelu)?;
            h = layer
                .output_norm
                .forward(&(layer.output.forward(&inner)? + &attended)?)?;
        }
        let weights = mask_f.unsqueeze(2)?;
        let summed = h.broadcast_mul(&weights)?.sum(1)?;
        let counts = weights.sum(1)?.clamp(1.0, f64::MAX)?;
        let mean = summed.broadcast_div(&counts)?;
        let norm = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f64::MAX)?;
        mean.broadcast_div(&norm)
    }
}

/// The CPU device (the model is small; the archive never needs a GPU).
pub fn cpu() -> Device {
    Device::Cpu
}
