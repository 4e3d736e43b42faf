//! Display numbers after a merge: each claim keeps its number unless two claims
//! ended up with one (both sides added a claim #7). Then the claim that had the
//! number in the common ancestor keeps it, or else the one with the smaller id, and
//! the others get new numbers in id order, so the result does not depend on which
//! side is "ours".

use crate::model::{Claim, ClaimId, Session};
use std::collections::{HashMap, HashSet};

/// Renumbers claims that share a number. `next` is the larger of the two sides'
/// counters. Returns the merged counter and the (old, new) numbers changed.
pub(super) fn renumber(base: &Session, claims: &mut [Claim], next: u64) -> (u64, Vec<(u64, u64)>) {
    let base_owner: HashMap<u64, ClaimId> = base.claims.iter().map(|c| (c.number, c.id)).collect();
    let mut by_number: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        by_number.entry(c.number).or_default().push(i);
    }
    let highest = claims.iter().map(|c| c.number).max().unwrap_or(0);
    let mut next = next.max(highest + 1).max(1);
    let mut losers: Vec<usize> = Vec::new();
    for (&number, group) in &by_number {
        if number == 0 {
            losers.extend(group);
            continue;
        }
        if group.len() < 2 {
            continue;
        }
        let owner = base_owner.get(&number).copied();
        let keeper = group
            .iter()
            .copied()
            .find(|&i| Some(claims[i].id) == owner)
            .or_else(|| group.iter().copied().min_by_key(|&i| claims[i].id));
        losers.extend(group.iter().copied().filter(|&i| Some(i) != keeper));
    }
    losers.sort_by_key(|&i| claims[i].id);
    let mut seen = HashSet::new();
    let mut changed = Vec::with_capacity(losers.len());
    for i in losers {
        if !seen.insert(i) {
            continue;
        }
        let old = claims[i].number;
        claims[i].number = next;
        changed.push((old, next));
        next += 1;
    }
    (next, changed)
}
