//! User preferences kept in the config folder: the publisher profile exports use,
//! whether the app keeps a copy of an imported page or PDF beside the session, what
//! reports leave out, how the app looks (theme, article text size), and the score at
//! which a passage counts as checked before.
//!
//! Stored as RON in `prefs.ron` in [`crate::config::config_dir`]. A missing file means
//! defaults; a broken one is an error naming the file and line, never silently replaced.

use crate::store::write_atomic;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The preferences file's name in the config folder.
pub const PREFS_FILE: &str = "prefs.ron";

/// Who publishes the fact checks: goes into ClaimReview's `author` and the reports.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PublisherProfile {
    /// The fact-checking organisation, e.g. "Example Fact Check".
    pub organisation_name: String,
    /// The organisation's home page, e.g. "https://factcheck.example.org".
    pub organisation_url: String,
    /// The person who reviewed the claims (shown in reports).
    pub reviewer_name: String,
    /// Where the desk publishes each fact check, with `{id}` for the claim's
    /// lasting id or `{number}` for its number, e.g. `https://desk.example/checks/{id}`:
    /// the ClaimReview `url` of every claim that has no review URL of its own.
    pub review_url_pattern: String,
}

impl PublisherProfile {
    /// The review page of the claim with lasting id `id` and number `number`, from
    /// the pattern; `None` when there is no pattern.
    pub fn review_url_for(&self, id: u64, number: u64) -> Option<String> {
        let pattern = self.review_url_pattern.trim();
        (!pattern.is_empty()).then(|| {
            pattern
                .replace("{id}", &id.to_string())
                .replace("{number}", &number.to_string())
        })
    }
}

/// Why a review URL pattern will not do: it must name the claim (`{id}` or
/// `{number}`), or every claim would get the same page, and be a web address.
pub fn check_review_url_pattern(pattern: &str) -> Result<(), String> {
    let pattern = pattern.trim();
    if !pattern.contains("{id}") && !pattern.contains("{number}") {
        return Err(
            "it needs {id} or {number} where the claim goes, or every claim gets the same page"
                .into(),
        );
    }
    let example = pattern.replace("{id}", "1").replace("{number}", "1");
    crate::model::check_web_address(&example)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Light or dark colours for the app, or whichever the operating system uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Dark text on a light background.
    Light,
    /// Light text on a dark background.
    Dark,
    /// Follow the operating system's setting (light when it cannot be told).
    #[default]
    System,
}

impl ThemeChoice {
    /// Every choice, in the order the preferences offer them.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// How the choice is named in the preferences.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
            ThemeChoice::System => "Follow the system",
        }
    }
}

/// How the app looks: its theme and the size of the article's text.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Appearance {
    /// Light, dark, or as the system says.
    pub theme: ThemeChoice,
    /// Size of the article text in points; read it through
    /// [`Appearance::article_text_size`], which keeps it in range.
    pub article_text_size: f32,
}

impl Appearance {
    /// The article text size before it became a preference (and its default).
    pub const DEFAULT_ARTICLE_TEXT_SIZE: f32 = 16.5;
    /// The smallest and largest article text sizes offered.
    pub const ARTICLE_TEXT_SIZES: std::ops::RangeInclusive<f32> = 12.0..=28.0;

    /// The article text size, within [`Self::ARTICLE_TEXT_SIZES`]; a file that says
    /// something out of range (or not a number) gets the nearest size or the default.
    pub fn article_text_size(&self) -> f32 {
        within(
            self.article_text_size,
            &Self::ARTICLE_TEXT_SIZES,
            Self::DEFAULT_ARTICLE_TEXT_SIZE,
        )
    }
}

impl Default for Appearance {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::default(),
            article_text_size: Self::DEFAULT_ARTICLE_TEXT_SIZE,
        }
    }
}

/// Everything kept in the preferences file. Unknown fields are ignored and missing ones
/// take their defaults, so older and newer Claimdesks share one file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// The publisher profile used by exports.
    pub publisher: PublisherProfile,
    /// Keep a copy of the original page or PDF beside the session when the app
    /// saves a session made from one (`NAME.original.html`), as evidence of what
    /// was checked. On unless turned off.
    pub keep_originals: bool,
    /// The app's HTML and Markdown reports leave out claims not yet reviewed (the
    /// checkbox in the export dialog; remembered for the next export). Off unless
    /// turned on.
    pub reports_reviewed_only: bool,
    /// Theme and article text size.
    pub appearance: Appearance,
    /// The score (0 to 1) at which a claim or sentence is flagged as checked before;
    /// read it through [`Preferences::checked_before_at`], which keeps it in range.
    pub checked_before_at: f32,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            publisher: PublisherProfile::default(),
            keep_originals: true,
            reports_reviewed_only: false,
            appearance: Appearance::default(),
            checked_before_at: crate::archive::DEFAULT_MATCH_THRESHOLD,
        }
    }
}

impl Preferences {
    /// The scores offered for "checked before": below 0.4 nearly every sentence would
    /// be flagged, above 0.9 only near-copies (see `docs/archive.md`).
    pub const CHECKED_BEFORE_SCORES: std::ops::RangeInclusive<f32> = 0.4..=0.9;

    /// The score at which a claim or sentence is flagged as checked before, within
    /// [`Self::CHECKED_BEFORE_SCORES`]; a file that says something out of range (or not
    /// a number) gets the nearest score or the default.
    pub fn checked_before_at(&self) -> f32 {
        within(
            self.checked_before_at,
            &Self::CHECKED_BEFORE_SCORES,
            crate::archive::DEFAULT_MATCH_THRESHOLD,
        )
    }
}

/// A number read from the file, brought into `range` (the nearest end when outside it,
/// `default` when it is not a number at all).
fn within(value: f32, range: &std::ops::RangeInclusive<f32>, default: f32) -> f32 {
    if value.is_finite() {
        value.clamp(*range.start(), *range.end())
    } else {
        default
    }
}

/// The preferences could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum PrefsError {
    /// The platform has no config folder (no home folder).
    #[error("there is no config folder on this system; set CLAIMDESK_CONFIG_DIR")]
    NoConfigDir,
    /// The file exists but could not be read.
    #[error("could not read preferences {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is not valid preferences RON.
    #[error("preferences {} are broken at line {line}, column {column}: {message}; fix or delete the file", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// The file could not be written (the old one is untouched).
    #[error("could not save preferences {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

/// The name recorded as who set a verdict: the publisher profile's reviewer, else
/// git's `user.name` (teams that share sessions through git have it set), else empty.
/// Unreadable preferences count as no reviewer: recording a verdict never fails.
pub fn reviewer_name() -> String {
    let profile = load_prefs().map(|p| p.publisher).unwrap_or_default();
    match profile.reviewer_name.trim() {
        "" => git_user_name().unwrap_or_default(),
        name => name.to_owned(),
    }
}

/// `git config user.name`, when git is installed and the name is set.
pub fn git_user_name() -> Option<String> {
    let output = std::process::Command::new("git")
        .args(["config", "user.name"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let name = String::from_utf8(output.stdout).ok()?;
    let name = name.trim();
    (output.status.success() && !name.is_empty()).then(|| name.to_owned())
}

/// Where the preferences live: `prefs.ron` in the config folder.
pub fn prefs_path() -> Option<PathBuf> {
    crate::config::config_dir().map(|d| d.join(PREFS_FILE))
}

/// Loads the preferences from the config folder (defaults when there is no file or folder).
pub fn load_prefs() -> Result<Preferences, PrefsError> {
    match prefs_path() {
        Some(path) => load_prefs_from(&path),
        None => Ok(Preferences::default()),
    }
}

/// Saves the preferences to the config folder, creating it if needed.
pub fn save_prefs(prefs: &Preferences) -> Result<(), PrefsError> {
    let path = prefs_path().ok_or(PrefsError::NoConfigDir)?;
    save_prefs_to(&path, prefs)
}

/// The largest preferences file read (a real one is a few hundred bytes).
pub const MAX_PREFS_BYTES: u64 = 1 << 20;

/// Loads preferences from `path`; a missing file gives the defaults. The file is
/// read through [`crate::limited_read`]: one that is too large, a device (a
/// `prefs.ron` linked to `/dev/zero`) or a silent named pipe is an error, not a hang.
pub fn load_prefs_from(path: &Path) -> Result<Preferences, PrefsError> {
    let read_err = |source| PrefsError::Read {
        path: path.to_path_buf(),
        source,
    };
    let bytes = match crate::limited_read::read_capped(path, MAX_PREFS_BYTES) {
        Ok(bytes) => bytes,
        Err(crate::limited_read::LimitedReadError::Io(e))
            if e.kind() == std::io::ErrorKind::NotFound =>
        {
            return Ok(Preferences::default());
        }
        Err(e) => return Err(read_err(e.into())),
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        read_err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "it is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        ))
    })?;
    if text.trim().is_empty() {
        return Ok(Preferences::default());
    }
    ron::from_str(&text).map_err(|e| PrefsError::Syntax {
        path: path.to_path_buf(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
}

/// Saves preferences to `path` atomically, creating its folder if needed.
pub fn save_prefs_to(path: &Path, prefs: &Preferences) -> Result<(), PrefsError> {
    let write_err = |source| PrefsError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(write_err)?;
    }
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_owned())
        .new_line("\n".to_owned());
    let body = ron::ser::to_string_pretty(prefs, config)
        .map_err(|e| write_err(std::io::Error::other(e.to_string())))?;
    let text = format!("// Claimdesk preferences\n{body}\n");
    write_atomic(path, text.as_bytes()).map_err(write_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_defaults_when_missing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join(PREFS_FILE);
        assert_eq!(load_prefs_from(&path).unwrap(), Preferences::default());
        let prefs = Preferences {
            publisher: PublisherProfile {
                organisation_name: "Example \"Fact\" Check".into(),
                organisation_url: "https://factcheck.example.org".into(),
                reviewer_name: "Ada Ngozi".into(),
                review_url_pattern: "https://factcheck.example.org/checks/{id}".into(),
            },
            keep_originals: false,
            reports_reviewed_only: true,
            appearance: Appearance {
                theme: ThemeChoice::Dark,
                article_text_size: 21.5,
            },
            checked_before_at: 0.55,
        };
        save_prefs_to(&path, &prefs).unwrap();
        assert_eq!(load_prefs_from(&path).unwrap(), prefs);
    }

    /// Issue 11: a preferences file from before the theme and text size loads, with
    /// the system's theme and today's text size.
    #[test]
    fn a_file_from_before_appearance_loads_with_its_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(PREFS_FILE);
        std::fs::write(
            &path,
            "// Claimdesk preferences\n(\n    publisher: (\n        organisation_name: \"X\",\n        organisation_url: \"\",\n        reviewer_name: \"\",\n    ),\n    keep_originals: false,\n)\n",
        )
        .unwrap();
        let p = load_prefs_from(&path).unwrap();
        assert_eq!(p.publisher.organisation_name, "X");
        assert!(!p.keep_originals);
        assert!(!p.reports_reviewed_only);
        assert_eq!(p.appearance.theme, ThemeChoice::System);
        assert_eq!(
            p.appearance.article_text_size(),
            Appearance::DEFAULT_ARTICLE_TEXT_SIZE
        );
        // Half an appearance is filled in too.
        std::fs::write(&path, "(appearance: (theme: Dark))").unwrap();
        let p = load_prefs_from(&path).unwrap();
        assert_eq!(p.appearance.theme, ThemeChoice::Dark);
        assert_eq!(
            p.appearance.article_text_size(),
            Appearance::DEFAULT_ARTICLE_TEXT_SIZE
        );
    }

    #[test]
    fn article_text_sizes_out_of_range_are_brought_back() {
        let size = |article_text_size| {
            Appearance {
                article_text_size,
                ..Appearance::default()
            }
            .article_text_size()
        };
        assert_eq!(size(400.0), 28.0);
        assert_eq!(size(-3.0), 12.0);
        assert_eq!(size(f32::NAN), Appearance::DEFAULT_ARTICLE_TEXT_SIZE);
        assert_eq!(size(18.0), 18.0);
    }

    #[test]
    fn checked_before_scores_out_of_range_are_brought_back() {
        let at = |checked_before_at| {
            Preferences {
                checked_before_at,
                ..Preferences::default()
            }
            .checked_before_at()
        };
        assert_eq!(at(2.0), 0.9);
        assert_eq!(at(-1.0), 0.4);
        assert_eq!(at(f32::INFINITY), crate::archive::DEFAULT_MATCH_THRESHOLD);
        assert_eq!(at(0.5), 0.5);
        // A file from before the setting gets the measured default.
        assert_eq!(
            ron::from_str::<Preferences>("(keep_originals: false)")
                .unwrap()
                .checked_before_at(),
            crate::archive::DEFAULT_MATCH_THRESHOLD
        );
    }

    #[test]
    fn a_review_url_pattern_names_the_claim_and_is_a_web_address() {
        let profile = PublisherProfile {
            review_url_pattern: " https://desk.example/checks/{number}/{id} ".into(),
            ..PublisherProfile::default()
        };
        assert_eq!(
            profile.review_url_for(987, 4).as_deref(),
            Some("https://desk.example/checks/4/987")
        );
        assert_eq!(PublisherProfile::default().review_url_for(987, 4), None);
        assert!(check_review_url_pattern("https://desk.example/checks/{id}").is_ok());
        assert!(
            check_review_url_pattern("https://desk.example/checks/")
                .unwrap_err()
                .contains("{id} or {number}")
        );
        assert!(check_review_url_pattern("desk example/{id}").is_err());
    }

    #[test]
    fn missing_fields_take_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(PREFS_FILE);
        std::fs::write(&path, "(publisher: (organisation_name: \"X\"))").unwrap();
        let p = load_prefs_from(&path).unwrap();
        assert_eq!(p.publisher.organisation_name, "X");
        assert_eq!(p.publisher.organisation_url, "");
        assert!(
            p.keep_originals,
            "a file from before the setting keeps originals"
        );
    }

    #[test]
    fn broken_file_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(PREFS_FILE);
        std::fs::write(
            &path,
            "(\n  publisher: (\n    organisation_name: 42,\n  ),\n)",
        )
        .unwrap();
        let msg = load_prefs_from(&path).unwrap_err().to_string();
        assert!(msg.contains("prefs.ron") && msg.contains("line 3"), "{msg}");
    }

    /// Issue 15, item 10: a `prefs.ron` linked to `/dev/zero` was read forever.
    #[cfg(target_os = "linux")]
    #[test]
    fn special_files_are_refused_not_read_forever() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(PREFS_FILE);
        std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
        let msg = load_prefs_from(&path).unwrap_err().to_string();
        assert!(
            msg.contains("prefs.ron") && msg.contains("a device"),
            "{msg}"
        );
        std::fs::remove_file(&path).unwrap();
        std::fs::write(&path, vec![b' '; (MAX_PREFS_BYTES + 1) as usize]).unwrap();
        let msg = load_prefs_from(&path).unwrap_err().to_string();
        assert!(msg.contains("larger than 1 MB"), "{msg}");
    }
}
