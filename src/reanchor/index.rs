//! An index of every 8-character run of the (folded) new article, so a quote is
//! found by looking up its rarest run instead of scanning the whole text per claim.

/// Length of the indexed runs, in characters. Quotes shorter than this are found
/// by a plain scan (they are rare: a claim is usually a sentence).
pub const K: usize = 8;

/// Sorted (hash of the run starting at a position, position) pairs.
pub struct KgramIndex {
    entries: Vec<(u64, u32)>,
}

/// Hash of `K` characters (a multiplicative mix; collisions are verified by callers).
pub fn key(run: &[char]) -> u64 {
    run.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &c| {
        (h.rotate_left(5) ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01b3)
    })
}

impl KgramIndex {
    /// Indexes every run of `K` characters of `text`.
    pub fn new(text: &[char]) -> Self {
        let mut entries: Vec<(u64, u32)> = text
            .windows(K)
            .enumerate()
            .map(|(pos, run)| (key(run), u32::try_from(pos).unwrap_or(u32::MAX)))
            .collect();
        entries.sort_unstable();
        Self { entries }
    }

    /// Positions where a run with this hash starts (in increasing order).
    pub fn positions(&self, key: u64) -> impl Iterator<Item = usize> + '_ {
        let lo = self.entries.partition_point(|&(k, _)| k < key);
        let hi = self.entries.partition_point(|&(k, _)| k <= key);
        self.entries
            .get(lo..hi)
            .unwrap_or_default()
            .iter()
            .map(|&(_, p)| p as usize)
    }

    /// How many runs have this hash.
    pub fn count(&self, key: u64) -> usize {
        let lo = self.entries.partition_point(|&(k, _)| k < key);
        let hi = self.entries.partition_point(|&(k, _)| k <= key);
        hi - lo
    }
}
