//! The three-way rule for one value: a change on one side wins over no change, the
//! same change on both sides is no conflict, different changes are.

/// What the three-way rule decided for one value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Merged<T> {
    /// Both sides hold the same value.
    Same(T),
    /// Only our side changed it.
    Ours(T),
    /// Only their side changed it.
    Theirs(T),
    /// Both changed it, differently.
    Conflict {
        /// Our value.
        ours: T,
        /// Their value.
        theirs: T,
    },
}

impl<T> Merged<T> {
    /// The decided value, or `None` for a conflict.
    pub(super) fn value(self) -> Option<T> {
        match self {
            Merged::Same(v) | Merged::Ours(v) | Merged::Theirs(v) => Some(v),
            Merged::Conflict { .. } => None,
        }
    }
}

/// The three-way rule on `base`, `ours` and `theirs`.
pub(super) fn merge3<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> Merged<T> {
    if ours == theirs {
        Merged::Same(ours.clone())
    } else if ours == base {
        Merged::Theirs(theirs.clone())
    } else if theirs == base {
        Merged::Ours(ours.clone())
    } else {
        Merged::Conflict {
            ours: ours.clone(),
            theirs: theirs.clone(),
        }
    }
}

/// Sets merged as sets: kept where both kept, added where either added, removed
/// where either removed. Sorted, without duplicates.
pub(super) fn merge_sets<T: Ord + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let has = |list: &[T], x: &T| list.contains(x);
    let mut out: Vec<T> = ours
        .iter()
        .chain(theirs)
        .filter(|x| {
            let (b, o, t) = (has(base, x), has(ours, x), has(theirs, x));
            if b { o && t } else { o || t }
        })
        .cloned()
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_way_rule() {
        assert_eq!(merge3(&1, &1, &1), Merged::Same(1));
        assert_eq!(merge3(&1, &2, &1), Merged::Ours(2));
        assert_eq!(merge3(&1, &1, &3), Merged::Theirs(3));
        assert_eq!(merge3(&1, &2, &2), Merged::Same(2));
        assert_eq!(merge3(&1, &2, &3), Merged::Conflict { ours: 2, theirs: 3 });
    }

    #[test]
    fn sets_keep_additions_and_removals_of_both_sides() {
        let merged = merge_sets(&[1, 2, 3], &[1, 2, 4], &[2, 3, 5]);
        assert_eq!(merged, [2, 4, 5]);
    }
}
