//! The archive opened for searching: its catalog of checks, their embeddings and the
//! full-text index, read once and then searched many times (from any thread).

use super::catalog::{Catalog, CatalogState};
use super::embed::Embed;
use super::error::ArchiveError;
use super::folders::read_folders;
use super::fusion::Fusion;
use super::lexical::{LexicalDoc, LexicalIndex};
use super::lexical_text;
use super::location::ArchiveDir;
use super::record::ArchivedClaim;
use super::search::{Candidate, Filters, SearchHit, SearchOptions};
use super::semantic::{scores_many, scores_one};
use super::sources::FileKind;
use super::vectors::VectorStore;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

/// Candidates taken from each ranking before fusing: deep enough that the fused top ten
/// rarely misses a claim that one ranking puts high.
const CANDIDATES: usize = 100;

/// The checks a filtered search considers, in the two forms its rankings need.
struct Allowed {
    /// By key, for tantivy's BM25 search.
    keys: Arc<HashSet<u64>>,
    /// By record (in `Archive::records` order), for the search by meaning.
    by_record: Vec<bool>,
}

/// How deep each ranking is read for `top` results.
fn depth_for(top: usize) -> usize {
    CANDIDATES.max(top.saturating_mul(3))
}

/// One archived file as the archive sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArchivedFile {
    /// Where it is.
    pub path: PathBuf,
    /// What kind of file it is.
    pub kind: FileKind,
    /// How many checks were read from it.
    pub claims: usize,
    /// Why it could not be read, if it could not.
    pub error: Option<String>,
}

/// Numbers for `claimdesk archive status` and the app's archive panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArchiveStatus {
    /// The index folder.
    pub dir: PathBuf,
    /// The archived folders and files.
    pub folders: Vec<PathBuf>,
    /// Archived folders or files that are not there now.
    pub missing: Vec<PathBuf>,
    /// Session files indexed.
    pub sessions: usize,
    /// Review files (ClaimReview, CSV) indexed.
    pub review_files: usize,
    /// Checks indexed.
    pub claims: usize,
    /// Checks with a verdict (the rest were marked but never checked).
    pub reviewed: usize,
    /// Checks with an embedding (found by meaning, not only by words).
    pub embedded: usize,
    /// Files that could not be read, with the reason.
    pub broken: Vec<(PathBuf, String)>,
    /// Why the index must be rebuilt before it can be used, if it must.
    pub problem: Option<String>,
}

struct Record {
    key: u64,
    claim: ArchivedClaim,
    row: Option<usize>,
}

/// An archive index, open for searching. Opening reads it whole (about a second for
/// 100,000 claims); searching never touches the disk. It does not change when the index
/// on disk is updated: open it again after [`super::update`].
pub struct Archive {
    dir: ArchiveDir,
    folders: Vec<PathBuf>,
    records: Vec<Record>,
    by_key: HashMap<u64, usize>,
    files: Vec<ArchivedFile>,
    vectors: VectorStore,
    lexical: LexicalIndex,
    problem: Option<String>,
}

impl std::fmt::Debug for Archive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive")
            .field("dir", &self.dir)
            .field("claims", &self.records.len())
            .finish_non_exhaustive()
    }
}

impl Archive {
    /// Opens the index in `dir` for searching. A missing index is an empty archive; an
    /// index that cannot be trusted (damaged, or written by a newer Claimdesk) is an
    /// empty archive whose [`Self::problem`] says why: run [`super::update`] to rebuild it.
    pub fn open(dir: &ArchiveDir) -> Result<Archive, ArchiveError> {
        let folders_path = dir.folders_file();
        let folders =
            read_folders(&folders_path).map_err(|e| ArchiveError::io(&folders_path, e))?;
        let (catalog, problem) = match Catalog::load(&dir.catalog_file()) {
            CatalogState::Ready(c) => (c, None),
            CatalogState::Missing => (Catalog::new(), None),
            CatalogState::Untrusted(why) => (
                Catalog::new(),
                Some(format!("the archive index must be rebuilt: {why}")),
            ),
        };
        let vectors = VectorStore::load(&dir.vectors_file()).unwrap_or_default();
        let generation = catalog.generation;
        let lexical = match LexicalIndex::open(&dir.lexical_dir(), generation) {
            Ok(index) if problem.is_none() => index,
            // Out of step with the catalog (an update in progress, or a crash): index
            // the catalog's claims in memory instead.
            _ => LexicalIndex::in_memory(catalog.files.iter().flat_map(|f| {
                f.claims.iter().map(|c| LexicalDoc {
                    key: c.key,
                    file: f.key,
                    text: lexical_text(&c.claim),
                })
            }))?,
        };
        Ok(Self::assemble(
            dir.clone(),
            folders,
            catalog,
            vectors,
            lexical,
            problem,
        ))
    }

    fn assemble(
        dir: ArchiveDir,
        folders: Vec<PathBuf>,
        catalog: Catalog,
        vectors: VectorStore,
        lexical: LexicalIndex,
        problem: Option<String>,
    ) -> Archive {
        let mut records = Vec::new();
        let mut files = Vec::new();
        for f in catalog.files {
            files.push(ArchivedFile {
                path: f.path,
                kind: f.kind,
                claims: f.claims.len(),
                error: f.error,
            });
            for c in f.claims {
                records.push(Record {
                    key: c.key,
                    row: vectors.row_of(c.text_hash),
                    claim: c.claim,
                });
            }
        }
        let by_key = records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.key, i))
            .collect();
        Archive {
            dir,
            folders,
            records,
            by_key,
            files,
            vectors,
            lexical,
            problem,
        }
    }

    /// The index folder.
    pub fn dir(&self) -> &ArchiveDir {
        &self.dir
    }

    /// The archived folders and files.
    pub fn folders(&self) -> &[PathBuf] {
        &self.folders
    }

    /// The archived files.
    pub fn files(&self) -> &[ArchivedFile] {
        &self.files
    }

    /// How many checks it holds.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Why the index could not be used and must be rebuilt, if so.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// The check with this key.
    pub fn claim(&self, key: u64) -> Option<&ArchivedClaim> {
        self.by_key.get(&key).map(|&i| &self.records[i].claim)
    }

    /// Every check, in file order, with its key.
    pub fn claims(&self) -> impl Iterator<Item = (u64, &ArchivedClaim)> {
        self.records.iter().map(|r| (r.key, &r.claim))
    }

    /// Whether the archived embeddings come from `embedder`'s model (else searches use
    /// words only).
    pub fn embedded_by(&self, embedder: &dyn Embed) -> bool {
        !self.vectors.is_empty()
            && self.vectors.model_id == embedder.model_id()
            && self.vectors.dim == embedder.dim()
    }

    /// Counts for a status line.
    pub fn status(&self) -> ArchiveStatus {
        let claims = || self.records.iter().map(|r| &r.claim);
        ArchiveStatus {
            dir: self.dir.path().to_path_buf(),
            folders: self.folders.clone(),
            missing: self
                .folders
                .iter()
                .filter(|f| !f.exists())
                .cloned()
                .collect(),
            sessions: self
                .files
                .iter()
                .filter(|f| f.kind == FileKind::Session && f.error.is_none())
                .count(),
            review_files: self
                .files
                .iter()
                .filter(|f| f.kind != FileKind::Session && f.error.is_none())
                .count(),
            claims: self.records.len(),
            reviewed: claims().filter(|c| c.verdict.reviewed).count(),
            embedded: self.records.iter().filter(|r| r.row.is_some()).count(),
            broken: self
                .files
                .iter()
                .filter_map(|f| f.error.clone().map(|e| (f.path.clone(), e)))
                .collect(),
            problem: self.problem.clone(),
        }
    }

    /// The checks `filters` lets through, or `None` when it lets every check through.
    /// Worked out once per search, not once per record and query.
    fn allowed(&self, filters: &Filters) -> Option<Allowed> {
        if filters.is_empty() {
            return None;
        }
        let by_record: Vec<bool> = self
            .records
            .iter()
            .map(|r| filters.accepts(&r.claim))
            .collect();
        let keys = self
            .records
            .iter()
            .zip(&by_record)
            .filter(|(_, pass)| **pass)
            .map(|(r, _)| r.key)
            .collect();
        Some(Allowed {
            keys: Arc::new(keys),
            by_record,
        })
    }

    /// Searches for checks like `text`, best first. With an `embedder` whose model made
    /// the archived embeddings, claims are ranked by meaning and words together; without
    /// one, by words alone (BM25).
    pub fn search(
        &self,
        text: &str,
        options: &SearchOptions,
        embedder: Option<&dyn Embed>,
    ) -> Result<Vec<SearchHit>, ArchiveError> {
        let query = match embedder {
            Some(e) if self.embedded_by(e) => Some(e.embed(&[text])?.pop().unwrap_or_default()),
            _ => None,
        };
        let allowed = self.allowed(&options.filters);
        let row_scores = query.as_ref().map(|q| scores_one(&self.vectors, q));
        let candidates = self.candidates_with(
            text,
            row_scores.as_deref(),
            allowed.as_ref(),
            depth_for(options.top),
        )?;
        Ok(self.rank(candidates, options))
    }

    /// Searches for each of `texts` at once (matching an article's sentences): the same
    /// results as [`Self::search`] for each, faster, because the texts are embedded
    /// together and compared with the archive as one matrix product.
    pub fn search_many(
        &self,
        texts: &[&str],
        options: &SearchOptions,
        embedder: Option<&dyn Embed>,
    ) -> Result<Vec<Vec<SearchHit>>, ArchiveError> {
        let queries = match embedder {
            Some(e) if self.embedded_by(e) => Some(e.embed(texts)?),
            _ => None,
        };
        let found = self.candidates(
            texts,
            queries.as_deref(),
            &options.filters,
            depth_for(options.top),
        )?;
        Ok(found
            .into_iter()
            .map(|candidates| self.rank(candidates, options))
            .collect())
    }

    /// The claims a search for each of `texts` considers, with their raw BM25 and cosine
    /// scores (`queries` are the texts' embeddings from the archive's model, if there is
    /// one): the best `depth` by words and the best `depth` by meaning.
    /// [`Self::search_many`] ranks these; evaluation and tuning read them as they are.
    pub fn candidates(
        &self,
        texts: &[&str],
        queries: Option<&[Vec<f32>]>,
        filters: &Filters,
        depth: usize,
    ) -> Result<Vec<Vec<Candidate>>, ArchiveError> {
        let allowed = self.allowed(filters);
        let mut out = Vec::with_capacity(texts.len());
        // Groups bound the memory of the score matrix (group × archived vectors).
        const GROUP: usize = 128;
        for (g, group) in texts.chunks(GROUP).enumerate() {
            let scores = match queries {
                Some(q) => {
                    let part = q
                        .get(g * GROUP..(g * GROUP + group.len()).min(q.len()))
                        .unwrap_or(&[]);
                    Some(
                        scores_many(&self.vectors, part)
                            .map_err(|err| super::embed::EmbedError::Run(err.to_string()))?,
                    )
                }
                None => None,
            };
            // Each sentence is searched on its own (BM25, then the best by meaning), so
            // the sentences are shared out between the cores.
            let found: Vec<_> = group
                .par_iter()
                .enumerate()
                .map(|(i, text)| {
                    let rows = scores.as_ref().and_then(|s| s.get(i)).map(Vec::as_slice);
                    self.candidates_with(text, rows, allowed.as_ref(), depth)
                })
                .collect();
            for candidates in found {
                out.push(candidates?);
            }
        }
        Ok(out)
    }

    fn candidates_with(
        &self,
        text: &str,
        row_scores: Option<&[f32]>,
        allowed: Option<&Allowed>,
        depth: usize,
    ) -> Result<Vec<Candidate>, ArchiveError> {
        let mut found: HashMap<u64, Candidate> = HashMap::new();
        for (key, bm25) in self.lexical.search(text, depth, allowed.map(|a| &a.keys))? {
            found.insert(
                key,
                Candidate {
                    key,
                    bm25,
                    cosine: None,
                },
            );
        }
        if let Some(scores) = row_scores {
            let cosine_of = |r: &Record| r.row.and_then(|row| scores.get(row).copied());
            // The best by meaning.
            let mut by_meaning: Vec<(f32, usize)> = self
                .records
                .iter()
                .enumerate()
                .filter(|(i, _)| {
                    allowed.is_none_or(|a| a.by_record.get(*i).copied().unwrap_or(false))
                })
                .filter_map(|(i, r)| cosine_of(r).map(|c| (c, i)))
                .collect();
            if by_meaning.len() > depth {
                by_meaning.select_nth_unstable_by(depth, |a, b| b.0.total_cmp(&a.0));
                by_meaning.truncate(depth);
            }
            for (cosine, i) in by_meaning {
                let key = self.records[i].key;
                found
                    .entry(key)
                    .or_insert(Candidate {
                        key,
                        bm25: 0.0,
                        cosine: None,
                    })
                    .cosine = Some(cosine);
            }
            // The best by words get their cosine too.
            for c in found.values_mut() {
                if c.cosine.is_none()
                    && let Some(&i) = self.by_key.get(&c.key)
                {
                    c.cosine = cosine_of(&self.records[i]);
                }
            }
        }
        let mut out: Vec<Candidate> = found.into_values().collect();
        out.sort_by_key(|c| c.key);
        Ok(out)
    }

    fn rank(&self, candidates: Vec<Candidate>, options: &SearchOptions) -> Vec<SearchHit> {
        let fusion: Fusion = options.fusion;
        let mut scored: Vec<(f32, Candidate)> = candidates
            .into_iter()
            .map(|c| (fusion.score(c.bm25, c.cosine), c))
            .filter(|(s, c)| {
                *s >= options.min_score
                    && *s > 0.0
                    && (c.bm25 > 0.0 || c.cosine.is_some_and(|x| x >= options.meaning_floor))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.key.cmp(&b.1.key)));
        scored.truncate(options.top);
        scored
            .into_iter()
            .filter_map(|(score, c)| {
                Some(SearchHit {
                    key: c.key,
                    score,
                    bm25: c.bm25,
                    cosine: c.cosine,
                    claim: self.claim(c.key)?.clone(),
                })
            })
            .collect()
    }
}
