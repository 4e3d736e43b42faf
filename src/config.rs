//! Where Claimdesk keeps per-user files: preferences and user rating schemes.

use std::path::PathBuf;

/// Environment variable that replaces the config folder (tests and portable installs use it).
pub const CONFIG_DIR_ENV: &str = "CLAIMDESK_CONFIG_DIR";

/// The config folder: `$CLAIMDESK_CONFIG_DIR` when set and not empty, else the platform's
/// (`~/.config/claimdesk` on Linux, `~/Library/Application Support/org.Claimdesk.Claimdesk`
/// on macOS, `%APPDATA%\Claimdesk\Claimdesk\config` on Windows).
///
/// `None` when the platform has no home folder; callers then work with defaults only.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "Claimdesk", "Claimdesk")
        .map(|dirs| dirs.config_dir().to_path_buf())
}

/// The folder for user rating schemes: `schemes/` in the config folder.
pub fn user_schemes_dir() -> Option<PathBuf> {
    config_dir().map(|d| d.join("schemes"))
}
