//! A BERT encoder with mean pooling, the architecture of all-MiniLM-L6-v2, on plain
//! `f32` slices (see [`super::kernels`]); candle reads the weights from the model file.
//!
//! Texts are not padded: a batch's tokens are laid end to end, the dense layers run on
//! all of them at once, and attention runs within each text. The output is what the
//! padded, masked model gives (a test compares it with vectors from candle's BERT).

use super::gelu::gelu;
use super::kernels::{Dense, Norm, add_in_place, attention, mean_unit};
use candle_core::{DType, Tensor};
use std::collections::HashMap;

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

struct Layer {
    /// Query, key and value in one product (their weights stacked).
    qkv: Dense,
    attention_out: Dense,
    attention_norm: Norm,
    intermediate: Dense,
    output: Dense,
    output_norm: Norm,
}

/// The encoder with its weights, ready to run.
pub struct Bert {
    config: BertConfig,
    words: Vec<f32>,
    positions: Vec<f32>,
    /// Every token is of type 0 (a single segment).
    token_type: Vec<f32>,
    embeddings_norm: Norm,
    layers: Vec<Layer>,
}

/// The tensors of a safetensors file, by name, read as `f32`.
struct Weights(HashMap<String, Tensor>);

impl Weights {
    /// The named tensor's values, which must have `dims`.
    fn get(&self, name: &str, dims: &[usize]) -> candle_core::Result<Vec<f32>> {
        let tensor = self
            .0
            .get(name)
            .ok_or_else(|| candle_core::Error::Msg(format!("the weights have no {name}")))?;
        if tensor.dims() != dims {
            return Err(candle_core::Error::Msg(format!(
                "{name} has shape {:?}, not {dims:?}",
                tensor.dims()
            )));
        }
        tensor.to_dtype(DType::F32)?.flatten_all()?.to_vec1()
    }

    fn dense(&self, prefix: &str, inputs: usize, outputs: usize) -> candle_core::Result<Dense> {
        Ok(Dense {
            weight: self.get(&format!("{prefix}.weight"), &[outputs, inputs])?,
            bias: self.get(&format!("{prefix}.bias"), &[outputs])?,
            inputs,
            outputs,
        })
    }

    fn norm(&self, prefix: &str, width: usize) -> candle_core::Result<Norm> {
        Ok(Norm {
            gamma: self.get(&format!("{prefix}.weight"), &[width])?,
            beta: self.get(&format!("{prefix}.bias"), &[width])?,
        })
    }
}

impl Bert {
    /// Builds the model from safetensors bytes with weights named as in Hugging Face's
    /// `BertModel`.
    pub fn load(safetensors: &[u8], config: BertConfig) -> candle_core::Result<Self> {
        let w = Weights(candle_core::safetensors::load_buffer(
            safetensors,
            &candle_core::Device::Cpu,
        )?);
        let h = config.hidden_size;
        let inner = config.intermediate_size;
        let words = w.get("embeddings.word_embeddings.weight", &[config.vocab_size, h])?;
        let positions = w.get(
            "embeddings.position_embeddings.weight",
            &[config.max_position_embeddings, h],
        )?;
        let mut token_type = w.get(
            "embeddings.token_type_embeddings.weight",
            &[config.type_vocab_size, h],
        )?;
        token_type.truncate(h);
        let embeddings_norm = w.norm("embeddings.LayerNorm", h)?;
        let mut layers = Vec::with_capacity(config.num_hidden_layers);
        for i in 0..config.num_hidden_layers {
            let l = format!("encoder.layer.{i}");
            let a = format!("{l}.attention");
            let (q, k, v) = (
                w.dense(&format!("{a}.self.query"), h, h)?,
                w.dense(&format!("{a}.self.key"), h, h)?,
                w.dense(&format!("{a}.self.value"), h, h)?,
            );
            let qkv = Dense {
                weight: [q.weight, k.weight, v.weight].concat(),
                bias: [q.bias, k.bias, v.bias].concat(),
                inputs: h,
                outputs: 3 * h,
            };
            layers.push(Layer {
                qkv,
                attention_out: w.dense(&format!("{a}.output.dense"), h, h)?,
                attention_norm: w.norm(&format!("{a}.output.LayerNorm"), h)?,
                intermediate: w.dense(&format!("{l}.intermediate.dense"), h, inner)?,
                output: w.dense(&format!("{l}.output.dense"), inner, h)?,
                output_norm: w.norm(&format!("{l}.output.LayerNorm"), h)?,
            });
        }
        Ok(Self {
            config,
            words,
            positions,
            token_type,
            embeddings_norm,
            layers,
        })
    }

    /// The model's shape.
    pub fn config(&self) -> &BertConfig {
        &self.config
    }

    /// Mean-pooled, unit-length sentence embeddings, one per text of token ids. Ids
    /// outside the vocabulary count as id 0 and texts are cut at the longest position
    /// the model knows (the tokenizer already cuts them shorter).
    pub fn embed(&self, texts: &[&[u32]]) -> Vec<Vec<f32>> {
        let h = self.config.hidden_size;
        let heads = self.config.num_attention_heads;
        let lengths: Vec<usize> = texts
            .iter()
            .map(|t| t.len().min(self.config.max_position_embeddings))
            .collect();
        let rows: usize = lengths.iter().sum();
        let mut x = Vec::with_capacity(rows * h);
        for (text, &len) in texts.iter().zip(&lengths) {
            for (position, &id) in text.iter().take(len).enumerate() {
                let id = id as usize;
                let id = if id < self.config.vocab_size { id } else { 0 };
                let word = &self.words[id * h..(id + 1) * h];
                let place = &self.positions[position * h..(position + 1) * h];
                x.extend(
                    word.iter()
                        .zip(place)
                        .zip(&self.token_type)
                        .map(|((a, b), c)| a + b + c),
                );
            }
        }
        self.embeddings_norm.apply(&mut x);
        for layer in &self.layers {
            let qkv = layer.qkv.forward(&x, rows);
            let mut context = Vec::with_capacity(rows * h);
            let mut start = 0;
            for &len in &lengths {
                context.extend(attention(
                    &qkv[start * 3 * h..(start + len) * 3 * h],
                    len,
                    h,
                    heads,
                ));
                start += len;
            }
            let mut attended = layer.attention_out.forward(&context, rows);
            add_in_place(&mut attended, &x);
            layer.attention_norm.apply(&mut attended);
            let mut inner = layer.intermediate.forward(&attended, rows);
            inner.iter_mut().for_each(|v| *v = gelu(*v));
            x = layer.output.forward(&inner, rows);
            add_in_place(&mut x, &attended);
            layer.output_norm.apply(&mut x);
        }
        let mut start = 0;
        lengths
            .iter()
            .map(|&len| {
                let v = mean_unit(&x[start * h..(start + len) * h], len, h);
                start += len;
                v
            })
            .collect()
    }
}
