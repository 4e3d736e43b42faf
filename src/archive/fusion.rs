//! One score from two: BM25 (shared words) and cosine similarity (shared meaning).
//!
//! BM25 grows without bound with the number and rarity of shared words, so it is first
//! squashed into [0, 1) as `bm25 / (bm25 + half)`: `half` is the BM25 score that counts
//! as half a match. The fused score is then `w · cosine + (1 − w) · squashed`. Both
//! parts are absolute (they do not depend on the other results), so one threshold means
//! the same thing for every query. The weights were tuned on the training split of the
//! claim-matching data (see `docs/archive.md`).

/// How the two scores are combined.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fusion {
    /// Weight of the cosine similarity, 0 to 1; BM25 gets the rest.
    pub semantic_weight: f32,
    /// The BM25 score that counts as half a match.
    pub bm25_half: f32,
}

/// The tuned fusion (see `docs/archive.md`).
pub const DEFAULT_FUSION: Fusion = Fusion {
    semantic_weight: 0.6,
    bm25_half: 10.0,
};

impl Default for Fusion {
    fn default() -> Self {
        DEFAULT_FUSION
    }
}

impl Fusion {
    /// BM25 squashed into [0, 1).
    pub fn squash(&self, bm25: f32) -> f32 {
        let b = bm25.max(0.0);
        b / (b + self.bm25_half.max(f32::EPSILON))
    }

    /// The fused score. Without a cosine (no model, or a claim not yet embedded) it is
    /// the squashed BM25 alone.
    pub fn score(&self, bm25: f32, cosine: Option<f32>) -> f32 {
        let lexical = self.squash(bm25);
        match cosine {
            Some(c) => {
                let w = self.semantic_weight.clamp(0.0, 1.0);
                w * c.clamp(-1.0, 1.0) + (1.0 - w) * lexical
            }
            None => lexical,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_bounded_and_monotone() {
        let f = DEFAULT_FUSION;
        assert_eq!(f.score(0.0, None), 0.0);
        assert!(f.score(1e9, Some(1.0)) <= 1.0);
        assert!(f.score(5.0, Some(0.5)) < f.score(6.0, Some(0.5)));
        assert!(f.score(5.0, Some(0.5)) < f.score(5.0, Some(0.6)));
        assert!((f.squash(f.bm25_half) - 0.5).abs() < 1e-6);
    }
}
