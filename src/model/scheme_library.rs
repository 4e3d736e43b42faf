//! The rating schemes a session can use: the bundled ones plus the user's own files.
//!
//! Built-in schemes are compiled in, so they work without any files next to the binary.
//! User schemes are `*.ron` files in [`crate::config::user_schemes_dir`]; a broken one is
//! reported with its file and line and skipped, and the others still load.

use super::scheme::{RatingScheme, SchemeError};
use std::path::{Path, PathBuf};

/// The bundled scheme files, in the order they are offered.
const BUILTIN_RON: [(&str, &str); 6] = [
    (
        "default.ron",
        include_str!("../../assets/schemes/default.ron"),
    ),
    (
        "politifact.ron",
        include_str!("../../assets/schemes/politifact.ron"),
    ),
    ("meta.ron", include_str!("../../assets/schemes/meta.ron")),
    (
        "africa-check.ron",
        include_str!("../../assets/schemes/africa-check.ron"),
    ),
    ("aap.ron", include_str!("../../assets/schemes/aap.ron")),
    (
        "meedan-check.ron",
        include_str!("../../assets/schemes/meedan-check.ron"),
    ),
];

/// Where a scheme in the library came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemeOrigin {
    /// Bundled with Claimdesk.
    BuiltIn,
    /// A user's scheme file.
    UserFile(PathBuf),
}

/// A scheme offered to the user, with its origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryScheme {
    /// The scheme.
    pub scheme: RatingScheme,
    /// Bundled or from a file.
    pub origin: SchemeOrigin,
}

/// A user scheme file that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SchemeFileError {
    /// The file could not be read.
    #[error("rating scheme {}: could not read it: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is not a valid scheme.
    #[error("rating scheme {}: {source}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong (syntax errors carry the line and column).
        source: SchemeError,
    },
}

/// Every scheme available, plus the user files that could not be loaded.
#[derive(Debug, Default)]
pub struct SchemeLibrary {
    /// Built-in schemes first (in bundled order), then user schemes sorted by file name.
    /// A user scheme with a built-in scheme's id replaces it in place.
    pub schemes: Vec<LibraryScheme>,
    /// User files that were skipped, to show to the user.
    pub problems: Vec<SchemeFileError>,
}

/// The bundled schemes: default, PolitiFact, Meta, Africa Check, AAP, Meedan Check.
pub fn builtin_schemes() -> Vec<RatingScheme> {
    // The bundled files are checked by the `builtin_schemes_are_valid` test; skipping
    // instead of panicking keeps a bad edit from taking the app down.
    BUILTIN_RON
        .iter()
        .filter_map(|(_, text)| RatingScheme::from_ron(text).ok())
        .collect()
}

impl SchemeLibrary {
    /// Loads the built-in schemes and the user schemes from the config folder.
    pub fn load() -> Self {
        Self::load_from(crate::config::user_schemes_dir().as_deref())
    }

    /// Loads the built-in schemes and the `*.ron` files in `user_dir` (if it exists).
    pub fn load_from(user_dir: Option<&Path>) -> Self {
        let mut library = Self {
            schemes: builtin_schemes()
                .into_iter()
                .map(|scheme| LibraryScheme {
                    scheme,
                    origin: SchemeOrigin::BuiltIn,
                })
                .collect(),
            problems: Vec::new(),
        };
        if let Some(dir) = user_dir {
            for path in scheme_files(dir, &mut library.problems) {
                match load_scheme_file(&path) {
                    Ok(scheme) => library.add_user(scheme, path),
                    Err(e) => library.problems.push(e),
                }
            }
        }
        library
    }

    fn add_user(&mut self, scheme: RatingScheme, path: PathBuf) {
        let entry = LibraryScheme {
            scheme,
            origin: SchemeOrigin::UserFile(path),
        };
        match self
            .schemes
            .iter_mut()
            .find(|s| s.scheme.id == entry.scheme.id)
        {
            Some(slot) => *slot = entry,
            None => self.schemes.push(entry),
        }
    }

    /// Looks a scheme up by id.
    pub fn get(&self, id: &str) -> Option<&RatingScheme> {
        self.schemes.iter().map(|s| &s.scheme).find(|s| s.id == id)
    }
}

/// Reads and checks one scheme file.
pub fn load_scheme_file(path: &Path) -> Result<RatingScheme, SchemeFileError> {
    let text = std::fs::read_to_string(path).map_err(|source| SchemeFileError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    RatingScheme::from_ron(&text).map_err(|source| SchemeFileError::Invalid {
        path: path.to_path_buf(),
        source,
    })
}

/// The `*.ron` files in `dir`, sorted so the library's order does not depend on the filesystem.
fn scheme_files(dir: &Path, problems: &mut Vec<SchemeFileError>) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        // No folder simply means no user schemes.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(source) => {
            problems.push(SchemeFileError::Read {
                path: dir.to_path_buf(),
                source,
            });
            return Vec::new();
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .is_some_and(|ext| ext.eq_ignore_ascii_case("ron"))
        })
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_schemes_are_valid() {
        for (file, text) in BUILTIN_RON {
            let scheme = RatingScheme::from_ron(text).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert!(scheme.labels.iter().all(|l| !l.description.is_empty()));
            for label in &scheme.labels {
                if let Some(r) = label.rating {
                    assert!(
                        r.worst <= r.value && r.value <= r.best,
                        "{file} {}",
                        label.id
                    );
                }
            }
        }
        assert_eq!(builtin_schemes().len(), BUILTIN_RON.len());
    }

    fn names(id: &str) -> Vec<String> {
        let lib = SchemeLibrary::load_from(None);
        let s = lib.get(id).unwrap();
        s.labels
            .iter()
            .filter(|l| l.id != s.unreviewed)
            .map(|l| l.name.clone())
            .collect()
    }

    #[test]
    fn builtin_schemes_have_the_published_labels() {
        assert_eq!(
            names("politifact"),
            [
                "True",
                "Mostly True",
                "Half True",
                "Mostly False",
                "False",
                "Pants on Fire"
            ]
        );
        assert_eq!(
            names("meta"),
            [
                "False",
                "Altered",
                "Partly False",
                "Missing Context",
                "Satire",
                "True"
            ]
        );
        assert_eq!(
            names("africa-check"),
            [
                "Correct",
                "Mostly correct",
                "Unproven",
                "Misleading",
                "Exaggerated",
                "Downplayed",
                "Incorrect"
            ]
        );
        assert_eq!(
            names("aap"),
            [
                "True",
                "Mostly True",
                "Mixture",
                "Mostly False",
                "False",
                "Misleading",
                "Unproven"
            ]
        );
        assert_eq!(
            names("meedan-check"),
            ["In progress", "Inconclusive", "False", "Verified"]
        );
        let lib = SchemeLibrary::load_from(None);
        assert_eq!(lib.get("meedan-check").unwrap().unreviewed, "unstarted");
        let verdicts_without_numbers: Vec<_> = lib
            .schemes
            .iter()
            .flat_map(|s| {
                s.scheme
                    .labels
                    .iter()
                    .filter(|l| l.id != s.scheme.unreviewed && l.rating.is_none())
                    .map(|l| format!("{}/{}", s.scheme.id, l.id))
            })
            .collect();
        assert_eq!(
            verdicts_without_numbers,
            ["default/unproven", "meedan-check/in-progress"]
        );
    }

    #[test]
    fn user_schemes_load_and_broken_ones_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let good = r##"(id: "newsroom", name: "Newsroom", unreviewed: "open",
            labels: [(id: "open", name: "Open", colour: "#888888", description: "Not checked."),
                     (id: "ok", name: "OK", colour: "#00AA00", description: "Fine.",
                      rating: Some((value: 2, best: 2, worst: 1)))])"##;
        std::fs::write(dir.path().join("b-good.ron"), good).unwrap();
        std::fs::write(
            dir.path().join("a-broken.ron"),
            "(\n  id: \"x\",\n  name: \"X\"\n  unreviewed: \"a\",\n)",
        )
        .unwrap();
        std::fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
        let lib = SchemeLibrary::load_from(Some(dir.path()));
        assert_eq!(lib.schemes.len(), BUILTIN_RON.len() + 1);
        assert!(matches!(
            &lib.schemes.last().unwrap().origin,
            SchemeOrigin::UserFile(p) if p.ends_with("b-good.ron")
        ));
        assert_eq!(lib.problems.len(), 1);
        let msg = lib.problems[0].to_string();
        assert!(
            msg.contains("a-broken.ron") && msg.contains("line 4"),
            "{msg}"
        );
    }

    #[test]
    fn user_scheme_replaces_builtin_with_same_id_and_missing_dir_is_fine() {
        let dir = tempfile::tempdir().unwrap();
        let mine = r##"(id: "politifact", name: "Our PolitiFact", unreviewed: "n",
            labels: [(id: "n", name: "N", colour: "#888888", description: "d")])"##;
        std::fs::write(dir.path().join("pf.ron"), mine).unwrap();
        let lib = SchemeLibrary::load_from(Some(dir.path()));
        assert_eq!(lib.schemes.len(), BUILTIN_RON.len());
        assert_eq!(lib.get("politifact").unwrap().name, "Our PolitiFact");
        let none = SchemeLibrary::load_from(Some(&dir.path().join("missing")));
        assert!(none.problems.is_empty());
    }
}
