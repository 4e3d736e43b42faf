//! Keeping the evidence: pages change and disappear, so the original a session was
//! made from is kept beside it (`NAME.original.html`, `NAME.original.pdf`), written
//! atomically like the session, and its SHA-256 is in the session. For a public
//! record, the Wayback Machine archives a page on request ([`wayback_save_url`]).

use crate::model::{Article, ArticleKind};
use std::path::{Path, PathBuf};

/// Where the original of the session at `session_path` is kept: the session's
/// name without `.ron`, then `.original.` and the kind's extension
/// (`check.ron` → `check.original.html`).
pub fn original_copy_path(session_path: &Path, kind: ArticleKind) -> PathBuf {
    let stem = session_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_owned());
    session_path.with_file_name(format!("{stem}.original.{}", kind.extension()))
}

/// Writes `original` beside the session at `session_path` (see
/// [`original_copy_path`]), atomically, and records the copy's file name in the
/// article's origin. An identical copy already there is left as it is; a
/// different one is replaced (the previous one kept as `.bak`).
///
/// Returns the copy's path.
pub fn keep_original(
    session_path: &Path,
    article: &mut Article,
    original: &[u8],
) -> std::io::Result<PathBuf> {
    let path = original_copy_path(session_path, article.origin.kind);
    let same = std::fs::metadata(&path).is_ok_and(|m| m.len() == original.len() as u64)
        && std::fs::read(&path).is_ok_and(|existing| existing == original);
    if !same {
        crate::store::write_atomic(&path, original)?;
    }
    article.origin.original_copy = path.file_name().map(|n| n.to_string_lossy().into_owned());
    Ok(path)
}

/// The Wayback Machine link that archives `url` when opened in a browser
/// (`https://web.archive.org/save/URL`); `None` for anything but an http(s) address.
pub fn wayback_save_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    (web && !url.contains(char::is_whitespace))
        .then(|| format!("https://web.archive.org/save/{url}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_sit_beside_the_session() {
        assert_eq!(
            original_copy_path(Path::new("/w/check.ron"), ArticleKind::Html),
            PathBuf::from("/w/check.original.html")
        );
        assert_eq!(
            original_copy_path(Path::new("report"), ArticleKind::Pdf),
            PathBuf::from("report.original.pdf")
        );
    }

    #[test]
    fn keeps_the_original_once() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        let mut a = crate::import::import_text("T\n\nx", None).unwrap();
        a.origin.kind = ArticleKind::Html;
        let path = keep_original(&session, &mut a, b"<p>x").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"<p>x");
        assert_eq!(a.origin.original_copy.as_deref(), Some("s.original.html"));
        keep_original(&session, &mut a, b"<p>x").unwrap();
        assert!(
            !crate::store::backup_path(&path).exists(),
            "same bytes: not rewritten"
        );
    }

    #[test]
    fn wayback_links_only_for_web_addresses() {
        assert_eq!(
            wayback_save_url(" https://example.org/a?b=1 ").as_deref(),
            Some("https://web.archive.org/save/https://example.org/a?b=1")
        );
        assert_eq!(wayback_save_url("file:///etc/passwd"), None);
        assert_eq!(wayback_save_url(""), None);
    }
}
