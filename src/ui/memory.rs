//! What the app remembers between launches (in eframe's storage, not in sessions).

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Key under which [`AppMemory`] is stored.
pub const STORAGE_KEY: &str = "claimdesk-memory";

/// How many recent files the File menu lists.
const MAX_RECENT: usize = 10;

/// Recent files and where the user left off.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppMemory {
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// The session file open at the last exit.
    pub last_session: Option<PathBuf>,
    /// The claim selected at the last exit.
    pub last_selected: Option<u64>,
    /// The article's scroll offset at the last exit.
    pub last_scroll: f32,
    /// The suggestions' minimum score and sort order at the last exit (`None`: the
    /// defaults), so the slider does not reset on every launch.
    pub suggestion_threshold: Option<f32>,
    /// Whether suggestions were sorted by score.
    pub suggestions_by_score: bool,
}

impl AppMemory {
    /// Puts `path` at the top of the recent list.
    pub fn add_recent(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_list_is_newest_first_without_duplicates() {
        let mut m = AppMemory::default();
        for p in ["a", "b", "a"] {
            m.add_recent(Path::new(p));
        }
        assert_eq!(m.recent, [PathBuf::from("a"), PathBuf::from("b")]);
        for i in 0..20 {
            m.add_recent(Path::new(&format!("f{i}")));
        }
        assert_eq!(m.recent.len(), MAX_RECENT);
    }
}
