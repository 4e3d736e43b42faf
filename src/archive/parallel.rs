//! Work shared out between the machine's cores, for the archive's two heavy loops:
//! embedding batches of texts and searching for each sentence of an article.

/// `work(place, item)` for every item, results in the items' order, with the items
/// shared out between the machine's cores: each core takes the next item when it is
/// done with one, so a few long items do not leave a core idle.
pub fn on_each_core<I: Sync, T: Send>(items: &[I], work: impl Fn(usize, &I) -> T + Sync) -> Vec<T> {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    if cores <= 1 || items.len() <= 1 {
        return items
            .iter()
            .enumerate()
            .map(|(i, item)| work(i, item))
            .collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let done = std::sync::Mutex::new(Vec::with_capacity(items.len()));
    std::thread::scope(|scope| {
        for _ in 0..cores.min(items.len()) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let result = work(i, item);
                    if let Ok(mut done) = done.lock() {
                        done.push((i, result));
                    }
                }
            });
        }
    });
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<u64> = (0..100).collect();
        let out = on_each_core(&items, |place, &i| {
            assert_eq!(place as u64, i);
            // Uneven work, so the cores finish out of order.
            std::thread::sleep(std::time::Duration::from_micros((i % 7) * 50));
            i * 2
        });
        assert_eq!(out, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        assert!(on_each_core(&[] as &[u8], |_, _| 1).is_empty());
    }
}
