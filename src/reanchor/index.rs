//! An index of every 8-character run of the (folded) new article, so a quote is
//! found by looking up its rarest run instead of scanning the whole text per claim.

/// Length of the indexed runs, in characters. Quotes shorter than this are found
/// by a plain scan (they are rare: a claim is usually a sentence).
pub const K: usize = 8;

/// Sorted (hash of the run starting at a position, position) pairs.
pub struct KgramIndex {
    entries: Vec<(u64, u32)>,
    /// Where the entries whose hash starts with each 16-bit prefix begin (plus the
    /// end), so a lookup binary-searches a few entries instead of the whole text's:
    /// re-anchoring looks up dozens of runs per claim.
    buckets: Vec<u32>,
}

/// Hash bits used to pick a bucket.
const BUCKET_BITS: u32 = 16;

/// Hash of `K` characters (a multiplicative mix; collisions are verified by callers).
pub fn key(run: &[char]) -> u64 {
    run.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &c| {
        (h.rotate_left(5) ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01b3)
    })
}

fn bucket(key: u64) -> u64 {
    key >> (64 - BUCKET_BITS)
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
        let mut buckets = Vec::with_capacity((1 << BUCKET_BITS) + 1);
        let mut i = 0;
        for b in 0..=(1u64 << BUCKET_BITS) {
            while entries.get(i).is_some_and(|&(k, _)| bucket(k) < b) {
                i += 1;
            }
            buckets.push(u32::try_from(i).unwrap_or(u32::MAX));
        }
        Self { entries, buckets }
    }

    /// The entries with this hash.
    fn range(&self, key: u64) -> &[(u64, u32)] {
        let b = bucket(key) as usize;
        let lo = self.buckets.get(b).map_or(0, |&i| i as usize);
        let hi = self.buckets.get(b + 1).map_or(0, |&i| i as usize);
        let bucket = self.entries.get(lo..hi).unwrap_or_default();
        let first = bucket.partition_point(|&(k, _)| k < key);
        let end = bucket.partition_point(|&(k, _)| k <= key);
        bucket.get(first..end).unwrap_or_default()
    }

    /// Positions where a run with this hash starts (in increasing order).
    pub fn positions(&self, key: u64) -> impl Iterator<Item = usize> + '_ {
        self.range(key).iter().map(|&(_, p)| p as usize)
    }

    /// The (hash, position) entries of runs with this hash, by increasing position.
    pub fn entries(&self, key: u64) -> &[(u64, u32)] {
        self.range(key)
    }

    /// How many runs have this hash.
    pub fn count(&self, key: u64) -> usize {
        self.range(key).len()
    }
}
