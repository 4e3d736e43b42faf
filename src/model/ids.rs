//! Stable identifiers that cannot collide across machines.
//!
//! Claim and source ids are random 64-bit numbers: two people who each add a claim
//! to copies of one session get different ids, so their work merges by identity
//! (`src/merge/`). People never see ids; they see each claim's display number
//! ([`crate::model::Claim::number`]). Ids are never reused within a session.
//!
//! The session's [`IdGenerator`] is not saved: a loaded session draws from the
//! operating system's random source. Tests and the worked example seed it so their
//! output is the same on every run.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Identifies a claim, across every copy of a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClaimId(pub u64);

/// Identifies a source, across every copy of a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SourceId(pub u64);

impl fmt::Display for ClaimId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Where new ids come from. Not saved with the session, and ignored when comparing
/// sessions (two equal sessions may draw different ids next).
#[derive(Clone, Debug, Default)]
pub enum IdGenerator {
    /// The operating system's random source: what every loaded or new session uses.
    #[default]
    Random,
    /// A fixed pseudo-random sequence (splitmix64) from a seed: deterministic output
    /// for tests that still looks like real ids.
    Seeded(u64),
    /// 1, 2, 3, … for claims and, separately, for sources: the worked example and
    /// tests that name claims by small ids.
    Sequential {
        /// The next claim id.
        claims: u64,
        /// The next source id.
        sources: u64,
    },
}

impl IdGenerator {
    /// A deterministic pseudo-random sequence starting from `seed`.
    pub fn seeded(seed: u64) -> Self {
        Self::Seeded(seed)
    }

    /// Claim ids 1, 2, … and source ids 1, 2, … (the session skips any in use).
    pub fn sequential() -> Self {
        Self::Sequential {
            claims: 1,
            sources: 1,
        }
    }

    /// Whether ids come from a counter, so that they may meet ids already in use
    /// (random ids practically never do).
    pub fn is_sequential(&self) -> bool {
        matches!(self, Self::Sequential { .. })
    }

    /// The next candidate claim id (never 0).
    pub fn next_claim_id(&mut self) -> u64 {
        self.next(true)
    }

    /// The next candidate source id (never 0).
    pub fn next_source_id(&mut self) -> u64 {
        self.next(false)
    }

    fn next(&mut self, claim: bool) -> u64 {
        loop {
            let id = match self {
                Self::Random => random_u64(),
                Self::Seeded(state) => splitmix64(state),
                Self::Sequential { claims, sources } => {
                    let next = if claim { claims } else { sources };
                    let id = *next;
                    *next = next.wrapping_add(1);
                    id
                }
            };
            if id != 0 {
                return id;
            }
        }
    }
}

impl PartialEq for IdGenerator {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for IdGenerator {}

/// One step of splitmix64: a well-mixed sequence from any seed.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// 64 random bits from the operating system. Should the system's source ever fail,
/// a sequence seeded from the clock, the process id and a counter stands in: ids must
/// be handed out whatever happens, and collisions stay as unlikely as two equal
/// nanosecond timestamps in two processes with the same id.
fn random_u64() -> u64 {
    if let Ok(n) = getrandom::u64() {
        return n;
    }
    use std::sync::atomic::{AtomicU64, Ordering};
    static FALLBACK: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let mut state = nanos
        ^ (u64::from(std::process::id()) << 32)
        ^ FALLBACK.fetch_add(0x9E37_79B9, Ordering::Relaxed);
    splitmix64(&mut state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generators_give_non_zero_ids() {
        let mut random = IdGenerator::default();
        let a = random.next_claim_id();
        let b = random.next_claim_id();
        assert!(a != 0 && b != 0 && a != b);
        let mut seeded = IdGenerator::seeded(7);
        let first: Vec<u64> = (0..3).map(|_| seeded.next_claim_id()).collect();
        let mut again = IdGenerator::seeded(7);
        let second: Vec<u64> = (0..3).map(|_| again.next_claim_id()).collect();
        assert_eq!(first, second, "a seed gives the same ids every time");
        let mut seq = IdGenerator::sequential();
        assert_eq!((seq.next_claim_id(), seq.next_claim_id()), (1, 2));
        assert_eq!(seq.next_source_id(), 1, "sources count on their own");
    }
}
