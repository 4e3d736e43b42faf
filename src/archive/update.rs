//! Bringing the index up to date with the files: incremental, cancellable, with progress.
//!
//! A file whose size and modification time are unchanged is not read. One whose bytes
//! hash the same is not parsed again. A file that vanished from one place and appears
//! with the same bytes in another was moved: its claims keep their keys and embeddings.
//! Embeddings are computed only for claim texts the index has not seen. Every index file
//! is replaced whole (vectors, then catalog, then the full-text index), under the update
//! lock, so a reader or a crash sees a consistent index or rebuilds what does not match.

use super::catalog::{Catalog, CatalogState, FileEntry, StoredClaim, text_hash};
use super::disk::{day_of, read_limited};
use super::embed::Embed;
use super::error::ArchiveError;
use super::folders::{read_folders, write_folders};
use super::lexical::{LexicalDoc, LexicalUpdate, write_update};
use super::location::ArchiveDir;
use super::lock::{LockWait, UpdateLock};
use super::record::Origin;
use super::scan::{Found, scan};
use super::sources::{FileKind, read_checks};
use super::vectors::VectorStore;
use super::{FileWarning, lexical_text};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Texts embedded between two progress reports (and cancellation checks).
const EMBED_CHUNK: usize = 256;
/// Embeddings computed between two saves of the vectors file, so a crash during a long
/// first indexing loses at most this many.
const CHECKPOINT: usize = 8192;

/// How an update behaves.
#[derive(Clone, Debug)]
pub struct UpdateOptions {
    /// How long to wait for another process that is updating the same index.
    pub lock_wait: Duration,
    /// Ignore the cached catalog and read every file again (embeddings already computed
    /// for a text are still reused).
    pub rebuild: bool,
}

impl Default for UpdateOptions {
    fn default() -> Self {
        Self {
            lock_wait: Duration::from_secs(600),
            rebuild: false,
        }
    }
}

/// What an update is doing, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Waiting for another Claimdesk that is updating the same index.
    Waiting,
    /// Listing the archived folders.
    Scanning,
    /// Reading new and changed files.
    Reading,
    /// Computing embeddings for new claim texts.
    Embedding,
    /// Writing the index.
    Saving,
}

/// Progress of an update: `done` of `total` in the current stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The stage.
    pub stage: Stage,
    /// Items done in it.
    pub done: usize,
    /// Items in it (0 when not known).
    pub total: usize,
}

/// What an update did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateReport {
    /// Files in the archive after the update.
    pub files: usize,
    /// Claims in the archive after the update.
    pub claims: usize,
    /// Files read for the first time.
    pub added: usize,
    /// Files read again because their content changed.
    pub changed: usize,
    /// Files found at a new place with the same content.
    pub moved: usize,
    /// Files that left the archive (deleted, or their folder is gone).
    pub removed: usize,
    /// Files not read because they had not changed.
    pub unchanged: usize,
    /// Embeddings computed.
    pub embedded: usize,
    /// Claims without an embedding (no model, or the update was cancelled while
    /// embedding); they are found by their words until a later update embeds them.
    pub without_embedding: usize,
    /// Files that could not be read or were read with repairs, naming them.
    pub warnings: Vec<FileWarning>,
    /// Archived folders or files that were not there.
    pub missing: Vec<PathBuf>,
    /// Missing folders whose every file turned up elsewhere in the archive; they were
    /// taken off the list.
    pub forgotten: Vec<PathBuf>,
    /// Why the index was rebuilt from scratch, if it was (damaged, newer, asked for).
    pub rebuilt: Option<String>,
    /// The update was cancelled while embedding: what was read is saved, and the
    /// remaining embeddings are computed by the next update.
    pub cancelled: bool,
}

/// Adds folders or files to the archive in `dir` and updates the index.
///
/// Paths are made absolute. A path that does not exist, or a file that is not a session,
/// ClaimReview or review CSV file, is refused before anything changes.
pub fn add_paths(
    dir: &ArchiveDir,
    paths: &[PathBuf],
    embedder: Option<&dyn Embed>,
    options: &UpdateOptions,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<UpdateReport, ArchiveError> {
    let mut absolute = Vec::new();
    for p in paths {
        let canonical =
            std::fs::canonicalize(p).map_err(|_| ArchiveError::NotFound { path: p.clone() })?;
        if canonical.is_file() && FileKind::of_path(&canonical).is_none() {
            return Err(ArchiveError::Unsupported { path: p.clone() });
        }
        absolute.push(canonical);
    }
    let (lock, before) = run_locked(dir, options, progress, cancel, |folders| {
        for p in absolute {
            if !folders.contains(&p) {
                folders.push(p);
            }
        }
    })?;
    let result = update_locked(dir, embedder, options, progress, cancel, &lock);
    if matches!(result, Err(ArchiveError::Cancelled)) {
        // Cancelled before anything was indexed: the paths are not added either.
        let path = dir.folders_file();
        write_folders(&path, &before).map_err(|e| ArchiveError::io(&path, e))?;
    }
    result
}

/// Takes folders or files off the archive in `dir` (as listed by
/// [`super::Archive::folders`]) and updates the index. Returns the update's report.
pub fn remove_paths(
    dir: &ArchiveDir,
    paths: &[PathBuf],
    embedder: Option<&dyn Embed>,
    options: &UpdateOptions,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<UpdateReport, ArchiveError> {
    let absolute: Vec<PathBuf> = paths
        .iter()
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| absolute_path(p)))
        .collect();
    let (lock, _) = run_locked(dir, options, progress, cancel, |folders| {
        folders.retain(|f| !absolute.contains(f) && !paths.contains(f));
    })?;
    update_locked(dir, embedder, options, progress, cancel, &lock)
}

/// Updates the index in `dir` from its folders and files.
///
/// `embedder` computes embeddings for new claim texts; without one, new claims are
/// indexed for word search only. Cancelling while files are read leaves the index as it
/// was ([`ArchiveError::Cancelled`]); cancelling while embeddings are computed saves
/// what was done (the report says `cancelled`).
pub fn update(
    dir: &ArchiveDir,
    embedder: Option<&dyn Embed>,
    options: &UpdateOptions,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<UpdateReport, ArchiveError> {
    let (lock, _) = run_locked(dir, options, progress, cancel, |_| {})?;
    update_locked(dir, embedder, options, progress, cancel, &lock)
}

fn absolute_path(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Takes the lock and applies `edit` to the folder list; returns the held lock and the
/// list as it was.
fn run_locked(
    dir: &ArchiveDir,
    options: &UpdateOptions,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
    edit: impl FnOnce(&mut Vec<PathBuf>),
) -> Result<(UpdateLock, Vec<PathBuf>), ArchiveError> {
    std::fs::create_dir_all(dir.path()).map_err(|e| ArchiveError::io(dir.path(), e))?;
    let lock = UpdateLock::acquire(&dir.lock_file(), options.lock_wait, cancel, || {
        progress(Progress {
            stage: Stage::Waiting,
            done: 0,
            total: 0,
        });
    })
    .map_err(|e| match e {
        LockWait::TimedOut => ArchiveError::Busy {
            dir: dir.path().to_path_buf(),
        },
        LockWait::Cancelled => ArchiveError::Cancelled,
        LockWait::Io(e) => ArchiveError::io(dir.lock_file(), e),
    })?;
    let path = dir.folders_file();
    let mut folders = read_folders(&path).map_err(|e| ArchiveError::io(&path, e))?;
    let before = folders.clone();
    edit(&mut folders);
    if folders != before {
        write_folders(&path, &folders).map_err(|e| ArchiveError::io(&path, e))?;
    }
    Ok((lock, before))
}

/// A generation number no earlier index can have had: a fresh catalog starts here, so a
/// leftover full-text index is never taken for its own.
fn fresh_generation() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(1, |d| u64::try_from(d.as_micros()).unwrap_or(u64::MAX / 2))
}

fn hex_digest(bytes: &[u8]) -> String {
    super::embed::hex(&Sha256::digest(bytes))
}

/// Reads a file's checks into a catalog entry (new claim keys), or records why not.
fn read_entry(
    catalog: &mut Catalog,
    key: u64,
    found: &Found,
    bytes: &[u8],
    sha256: String,
    warnings: &mut Vec<FileWarning>,
) -> FileEntry {
    let saved = found
        .modified
        .and_then(|n| u64::try_from(n / 1_000_000_000).ok())
        .and_then(|s| day_of(UNIX_EPOCH + Duration::from_secs(s)));
    let mut entry = FileEntry {
        key,
        path: found.path.clone(),
        kind: found.kind,
        len: found.len,
        modified: found.modified,
        sha256,
        error: None,
        notes: Vec::new(),
        claims: Vec::new(),
    };
    match read_checks(found.kind, &found.path, bytes, saved.as_deref()) {
        Ok(checks) => {
            for note in &checks.notes {
                warnings.push(FileWarning::new(&found.path, note.clone()));
            }
            entry.notes = checks.notes;
            entry.claims = checks
                .claims
                .into_iter()
                .map(|claim| StoredClaim {
                    key: catalog.allocate_key(),
                    text_hash: text_hash(&claim.text),
                    claim,
                })
                .collect();
        }
        Err(why) => {
            warnings.push(FileWarning::new(&found.path, format!("skipped: {why}")));
            entry.error = Some(why);
        }
    }
    entry
}

/// A file that could not be read at all (permissions, a vanished file): listed with the
/// reason and read again next time.
fn unreadable(
    key: u64,
    found: &Found,
    e: &std::io::Error,
    warnings: &mut Vec<FileWarning>,
) -> FileEntry {
    let why = format!("it could not be read ({e})");
    warnings.push(FileWarning::new(&found.path, format!("skipped: {why}")));
    FileEntry {
        key,
        path: found.path.clone(),
        kind: found.kind,
        len: found.len,
        modified: None,
        sha256: String::new(),
        error: Some(why),
        notes: Vec::new(),
        claims: Vec::new(),
    }
}

fn set_path(entry: &mut FileEntry, path: &Path) {
    entry.path = path.to_path_buf();
    for c in &mut entry.claims {
        match &mut c.claim.origin {
            Origin::Session { path: p, .. } => *p = path.to_path_buf(),
            Origin::Review { file, .. } => *file = path.to_path_buf(),
        }
    }
}

fn update_locked(
    dir: &ArchiveDir,
    embedder: Option<&dyn Embed>,
    options: &UpdateOptions,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
    _lock: &UpdateLock,
) -> Result<UpdateReport, ArchiveError> {
    let mut report = UpdateReport::default();
    let folders_path = dir.folders_file();
    let folders = read_folders(&folders_path).map_err(|e| ArchiveError::io(&folders_path, e))?;

    let (old, previous_generation) = match Catalog::load(&dir.catalog_file()) {
        _ if options.rebuild => {
            report.rebuilt = Some("a rebuild was asked for".to_owned());
            (Catalog::new(), None)
        }
        CatalogState::Ready(c) => {
            let generation = c.generation;
            (c, Some(generation))
        }
        CatalogState::Missing => (Catalog::new(), None),
        CatalogState::Untrusted(why) => {
            report.rebuilt = Some(format!("the index could not be trusted: {why}"));
            (Catalog::new(), None)
        }
    };

    progress(Progress {
        stage: Stage::Scanning,
        done: 0,
        total: 0,
    });
    let scanned = scan(&folders, cancel).ok_or(ArchiveError::Cancelled)?;
    report.warnings.extend(scanned.warnings);
    report.missing = scanned.missing;

    let mut catalog = Catalog {
        format_version: super::catalog::CATALOG_VERSION,
        generation: old.generation,
        next_key: old.next_key,
        next_file_key: old.next_file_key,
        files: Vec::new(),
    };
    if previous_generation.is_none() {
        catalog.generation = fresh_generation();
    }
    let mut by_path: HashMap<PathBuf, FileEntry> =
        old.files.into_iter().map(|f| (f.path.clone(), f)).collect();
    let mut remove_files: Vec<u64> = Vec::new();
    let mut added_files: HashSet<u64> = HashSet::new();
    let mut new_here: Vec<Found> = Vec::new();
    let mut stamps_changed = false;
    let total = scanned.files.len();
    let mut done = 0;
    let mut tick = |progress: &mut dyn FnMut(Progress)| -> Result<(), ArchiveError> {
        if cancel.load(Ordering::Relaxed) {
            return Err(ArchiveError::Cancelled);
        }
        progress(Progress {
            stage: Stage::Reading,
            done,
            total,
        });
        done += 1;
        Ok(())
    };
    for found in scanned.files {
        let Some(mut entry) = by_path.remove(&found.path) else {
            new_here.push(found);
            continue;
        };
        tick(progress)?;
        if entry.kind == found.kind
            && entry.len == found.len
            && entry.modified.is_some()
            && entry.modified == found.modified
        {
            report.unchanged += 1;
            catalog.files.push(entry);
            continue;
        }
        match read_limited(&found.path, found.kind.max_bytes()) {
            Ok(bytes) => {
                let sha = hex_digest(&bytes);
                if sha == entry.sha256 {
                    entry.len = found.len;
                    entry.modified = found.modified;
                    stamps_changed = true;
                    report.unchanged += 1;
                    catalog.files.push(entry);
                } else {
                    report.changed += 1;
                    remove_files.push(entry.key);
                    added_files.insert(entry.key);
                    let fresh = read_entry(
                        &mut catalog,
                        entry.key,
                        &found,
                        &bytes,
                        sha,
                        &mut report.warnings,
                    );
                    catalog.files.push(fresh);
                }
            }
            Err(e) => {
                report.changed += 1;
                remove_files.push(entry.key);
                catalog
                    .files
                    .push(unreadable(entry.key, &found, &e, &mut report.warnings));
            }
        }
    }

    // What vanished from its place may have moved: same content, same kind, new path.
    let mut vanished: HashMap<(String, FileKind), FileEntry> = HashMap::new();
    let mut gone: Vec<FileEntry> = Vec::new();
    for (_, entry) in by_path {
        if entry.sha256.is_empty() {
            gone.push(entry);
            continue;
        }
        match vanished.entry((entry.sha256.clone(), entry.kind)) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(entry);
            }
            std::collections::hash_map::Entry::Occupied(_) => gone.push(entry),
        }
    }
    let mut moved_from: Vec<PathBuf> = Vec::new();
    for found in new_here {
        tick(progress)?;
        match read_limited(&found.path, found.kind.max_bytes()) {
            Ok(bytes) => {
                let sha = hex_digest(&bytes);
                if let Some(mut entry) = vanished.remove(&(sha.clone(), found.kind)) {
                    report.moved += 1;
                    moved_from.push(entry.path.clone());
                    set_path(&mut entry, &found.path);
                    entry.len = found.len;
                    entry.modified = found.modified;
                    catalog.files.push(entry);
                } else {
                    report.added += 1;
                    let key = catalog.allocate_file_key();
                    added_files.insert(key);
                    let entry =
                        read_entry(&mut catalog, key, &found, &bytes, sha, &mut report.warnings);
                    catalog.files.push(entry);
                }
            }
            Err(e) => {
                report.added += 1;
                let key = catalog.allocate_file_key();
                catalog
                    .files
                    .push(unreadable(key, &found, &e, &mut report.warnings));
            }
        }
    }
    for entry in vanished.into_values().chain(gone) {
        report.removed += 1;
        remove_files.push(entry.key);
    }
    catalog.files.sort_by(|a, b| a.path.cmp(&b.path));

    // A missing folder whose every file was found elsewhere has moved: forget it.
    if !report.missing.is_empty() && !moved_from.is_empty() {
        let mut kept = folders.clone();
        for root in &report.missing {
            let had: Vec<&PathBuf> = moved_from.iter().filter(|p| p.starts_with(root)).collect();
            let still = catalog.files.iter().any(|f| f.path.starts_with(root));
            if !had.is_empty() && !still {
                kept.retain(|f| f != root);
                report.forgotten.push(root.clone());
            }
        }
        if kept != folders {
            write_folders(&folders_path, &kept).map_err(|e| ArchiveError::io(&folders_path, e))?;
        }
    }

    // Embeddings for claim texts not seen before.
    let vectors_path = dir.vectors_file();
    let mut vectors = VectorStore::load(&vectors_path).unwrap_or_default();
    if let Some(model) = embedder {
        if vectors.model_id != model.model_id() || vectors.dim != model.dim() {
            vectors = VectorStore::new(model.model_id(), model.dim());
        }
        let mut todo: Vec<(u64, &str)> = Vec::new();
        let mut queued = HashSet::new();
        for c in catalog.claims() {
            if !vectors.contains(c.text_hash) && queued.insert(c.text_hash) {
                todo.push((c.text_hash, c.claim.text.as_str()));
            }
        }
        let mut since_checkpoint = 0;
        for (done, chunk) in todo.chunks(EMBED_CHUNK).enumerate() {
            progress(Progress {
                stage: Stage::Embedding,
                done: done * EMBED_CHUNK,
                total: todo.len(),
            });
            if cancel.load(Ordering::Relaxed) {
                report.cancelled = true;
                break;
            }
            let texts: Vec<&str> = chunk.iter().map(|(_, t)| *t).collect();
            let embedded = model.embed(&texts)?;
            for ((hash, _), v) in chunk.iter().zip(embedded) {
                vectors.insert(*hash, &v);
            }
            report.embedded += chunk.len();
            since_checkpoint += chunk.len();
            if since_checkpoint >= CHECKPOINT {
                since_checkpoint = 0;
                vectors
                    .save(&vectors_path)
                    .map_err(|e| ArchiveError::io(&vectors_path, e))?;
            }
        }
    }

    // Nothing to write when nothing changed and the index on disk is in step (the
    // command line updates before every search: this keeps that cheap).
    let changed_anything = previous_generation.is_none()
        || stamps_changed
        || report.added + report.changed + report.moved + report.removed + report.embedded > 0
        || !report.forgotten.is_empty()
        || super::lexical::LexicalIndex::open(&dir.lexical_dir(), catalog.generation).is_err();
    if !changed_anything {
        report.files = catalog.files.len();
        report.claims = catalog.claims().count();
        report.without_embedding = catalog
            .claims()
            .filter(|c| !vectors.contains(c.text_hash))
            .count();
        return Ok(report);
    }

    progress(Progress {
        stage: Stage::Saving,
        done: 0,
        total: 0,
    });
    let in_use: HashSet<u64> = catalog.claims().map(|c| c.text_hash).collect();
    let vectors = vectors.retain(|h| in_use.contains(&h));
    report.without_embedding = catalog
        .claims()
        .filter(|c| !vectors.contains(c.text_hash))
        .count();
    if vectors.dim > 0 {
        vectors
            .save(&vectors_path)
            .map_err(|e| ArchiveError::io(&vectors_path, e))?;
    }
    let from = catalog.generation;
    catalog.generation += 1;
    catalog.format_version = super::catalog::CATALOG_VERSION;
    let catalog_path = dir.catalog_file();
    catalog
        .save(&catalog_path)
        .map_err(|e| ArchiveError::io(&catalog_path, e))?;

    let docs_of = |files: &dyn Fn(u64) -> bool| -> Vec<LexicalDoc> {
        catalog
            .files
            .iter()
            .filter(|f| files(f.key))
            .flat_map(|f| {
                f.claims.iter().map(move |c| LexicalDoc {
                    key: c.key,
                    file: f.key,
                    text: lexical_text(&c.claim),
                })
            })
            .collect()
    };
    let change = LexicalUpdate {
        remove_files,
        add: docs_of(&|k| added_files.contains(&k)),
    };
    let from = if previous_generation.is_some() {
        from
    } else {
        u64::MAX
    };
    write_update(&dir.lexical_dir(), from, catalog.generation, change, || {
        docs_of(&|_| true)
    })?;

    report.files = catalog.files.len();
    report.claims = catalog.claims().count();
    Ok(report)
}
