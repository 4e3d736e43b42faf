//! "Checked before": each claim of a session, and each sentence of its article, with the
//! earlier checks in the archive that say the same thing.

use super::embed::Embed;
use super::error::ArchiveError;
use super::fusion::Fusion;
use super::index::Archive;
use super::search::{Filters, MEANING_FLOOR, SearchHit, SearchOptions};
use crate::model::{ClaimId, Session};
use std::path::{Path, PathBuf};

/// The fused score from which an earlier check counts as the same claim (see
/// `docs/archive.md` for how it was chosen).
pub const DEFAULT_MATCH_THRESHOLD: f32 = 0.62;

/// How matching behaves.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchOptions {
    /// Earlier checks scoring below this are not shown.
    pub threshold: f32,
    /// At most this many earlier checks per claim or sentence.
    pub per_item: usize,
    /// Leave out checks from this file (the session being matched, which is in the
    /// archive itself).
    pub exclude_file: Option<PathBuf>,
    /// How BM25 and meaning are combined.
    pub fusion: Fusion,
}

impl Default for MatchOptions {
    fn default() -> Self {
        Self {
            threshold: DEFAULT_MATCH_THRESHOLD,
            per_item: 3,
            exclude_file: None,
            fusion: Fusion::default(),
        }
    }
}

/// What was matched.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    /// A claim of the session.
    Claim {
        /// Its id.
        id: ClaimId,
    },
    /// A sentence of the article that is not (part of) a claim yet.
    Sentence {
        /// First character.
        start: usize,
        /// One past the last character.
        end: usize,
        /// Its check-worthiness, 0 to 1 (as in the Suggestions tab).
        worthiness: f32,
    },
}

/// A claim or sentence with the earlier checks that match it, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemMatches {
    /// What was matched.
    pub subject: Subject,
    /// Its text.
    pub text: String,
    /// The earlier checks at or above the threshold.
    pub matches: Vec<SearchHit>,
}

/// Matches every claim of `session` and every body sentence of its article that no
/// claim covers, in article order; only those with at least one match are returned.
pub fn match_session(
    archive: &Archive,
    session: &Session,
    embedder: Option<&dyn Embed>,
    options: &MatchOptions,
) -> Result<Vec<ItemMatches>, ArchiveError> {
    let mut items: Vec<(usize, Subject, String)> = session
        .claims
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .map(|c| (c.anchor.start, Subject::Claim { id: c.id }, c.text.clone()))
        .collect();
    let covered = |start: usize, end: usize| {
        session
            .claims
            .iter()
            .any(|c| c.anchor.start < end && start < c.anchor.end)
    };
    for s in crate::extract::suggest(&session.article.text) {
        if !covered(s.start, s.end) {
            items.push((
                s.start,
                Subject::Sentence {
                    start: s.start,
                    end: s.end,
                    worthiness: s.score,
                },
                s.text,
            ));
        }
    }
    items.sort_by_key(|(start, _, _)| *start);
    run(archive, items, embedder, options)
}

/// Matches every body sentence of an article's text, in article order; only sentences
/// with at least one match are returned.
pub fn match_article(
    archive: &Archive,
    text: &str,
    embedder: Option<&dyn Embed>,
    options: &MatchOptions,
) -> Result<Vec<ItemMatches>, ArchiveError> {
    let items = crate::extract::suggest(text)
        .into_iter()
        .map(|s| {
            (
                s.start,
                Subject::Sentence {
                    start: s.start,
                    end: s.end,
                    worthiness: s.score,
                },
                s.text,
            )
        })
        .collect();
    run(archive, items, embedder, options)
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
}

fn run(
    archive: &Archive,
    items: Vec<(usize, Subject, String)>,
    embedder: Option<&dyn Embed>,
    options: &MatchOptions,
) -> Result<Vec<ItemMatches>, ArchiveError> {
    let exclude = options
        .exclude_file
        .as_ref()
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()));
    let search = SearchOptions {
        filters: Filters {
            reviewed_only: true,
            ..Filters::default()
        },
        // Room for the session's own claims, which are left out below.
        top: options.per_item + if exclude.is_some() { 8 } else { 0 },
        min_score: options.threshold,
        meaning_floor: MEANING_FLOOR,
        fusion: options.fusion,
    };
    let texts: Vec<&str> = items.iter().map(|(_, _, t)| t.as_str()).collect();
    let results = archive.search_many(&texts, &search, embedder)?;
    let mut out = Vec::new();
    for ((_, subject, text), hits) in items.into_iter().zip(results) {
        let mut matches: Vec<SearchHit> = hits
            .into_iter()
            .filter(|h| {
                exclude
                    .as_deref()
                    .is_none_or(|ex| !same_file(h.claim.origin.file(), ex))
            })
            .collect();
        matches.truncate(options.per_item);
        if !matches.is_empty() {
            out.push(ItemMatches {
                subject,
                text,
                matches,
            });
        }
    }
    Ok(out)
}
