//! The archive in the app: searching every session ("Search all sessions",
//! Ctrl+Shift+F), adding folders, updating the index, and "checked before" for the open
//! session's claims and suggested sentences.
//!
//! Everything that touches the index or the model runs as a [`Job`] on a worker, one
//! task at a time (an update, a search, or matching the open session); tasks asked for
//! meanwhile wait their turn, and only the latest search and the latest match are kept.
//! The first task of a run brings the index up to date first. With no archived folder
//! nothing is loaded: the worker only finds `folders.txt` missing and says so.

use super::worker::{Job, JobHandle, Poll, RunMode};
use crate::archive::{
    Archive, ArchiveDir, ArchiveError, ArchiveStatus, Embed, Filters, ItemMatches, MatchOptions,
    Progress, SearchHit, SearchOptions, SharedEmbedder, Stage, Subject, UpdateOptions,
    UpdateReport, add_paths, match_session, update,
};
use crate::document::Document;
use crate::model::{ClaimId, Session};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// How many results a search in the panel shows at most.
pub const SEARCH_TOP: usize = 50;

/// Which sentence-embedding model the app's archive uses.
#[derive(Clone)]
pub enum ArchiveModel {
    /// all-MiniLM-L6-v2, loaded on a worker the first time the archive is used.
    MiniLm(SharedEmbedder),
    /// Another embedder, already there (tests use the fast word-hash stand-in).
    Custom(Arc<dyn Embed>),
}

impl ArchiveModel {
    /// The model, loading it first if needed (blocks: call it on a worker). `Err` says
    /// why there is none; searches then run on words alone.
    fn load(&self) -> Result<&dyn Embed, String> {
        match self {
            ArchiveModel::MiniLm(shared) => shared
                .load()
                .map(|m| m as &dyn Embed)
                .map_err(|e| e.to_string()),
            ArchiveModel::Custom(embedder) => Ok(embedder.as_ref()),
        }
    }

    /// Whether the model is ready without loading it.
    fn is_loaded(&self) -> bool {
        match self {
            ArchiveModel::MiniLm(shared) => shared.get().is_some(),
            ArchiveModel::Custom(_) => true,
        }
    }
}

/// Where the app's archive index is and which model it embeds with.
#[derive(Clone)]
pub struct ArchiveConfig {
    /// The index folder.
    pub dir: ArchiveDir,
    /// The model.
    pub model: ArchiveModel,
}

impl std::fmt::Debug for ArchiveConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let model = match &self.model {
            ArchiveModel::MiniLm(shared) => format!("{shared:?}"),
            ArchiveModel::Custom(_) => "custom".to_owned(),
        };
        f.debug_struct("ArchiveConfig")
            .field("dir", &self.dir)
            .field("model", &model)
            .finish()
    }
}

impl ArchiveConfig {
    /// The user's archive (`archive/` in the data folder) with all-MiniLM-L6-v2, loaded
    /// lazily. `None` when the platform has no home folder.
    pub fn default_location() -> Option<Self> {
        Some(Self {
            dir: ArchiveDir::default_location()?,
            model: ArchiveModel::MiniLm(SharedEmbedder::new()),
        })
    }

    /// The archive in `dir` with another embedder (tests).
    pub fn with_embedder(dir: impl Into<PathBuf>, embedder: Arc<dyn Embed>) -> Self {
        Self {
            dir: ArchiveDir::new(dir),
            model: ArchiveModel::Custom(embedder),
        }
    }
}

/// A search as the panel asks for it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchRequest {
    /// The words to look for.
    pub query: String,
    /// Verdict, date range and folder.
    pub filters: Filters,
}

/// What the archive panel and the "checked before" badges ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum ArchiveIntent {
    /// Search the archive.
    Search(SearchRequest),
    /// Select a search result (index into the results), or none.
    SelectHit(Option<usize>),
    /// Open the session an earlier check lives in, at that claim.
    OpenSession {
        /// The session file.
        path: PathBuf,
        /// The claim's id in it.
        claim: ClaimId,
    },
    /// Copy an earlier check's verdict, sources and note into a claim (one undo step).
    CopyCheck {
        /// The claim of the open session.
        claim: ClaimId,
        /// The earlier check.
        earlier: Box<crate::archive::ArchivedClaim>,
    },
    /// Add a folder or file to the archive and index it.
    Add(PathBuf),
    /// Bring the index up to date with the archived folders.
    Update,
    /// Stop the update in progress.
    Cancel,
}

/// What the worker is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TaskKind {
    Refresh,
    Search,
    Match,
}

enum Task {
    /// Update the index (after adding these paths, if any).
    Refresh {
        add: Vec<PathBuf>,
    },
    Search(SearchRequest),
    Match(Box<MatchRequest>),
}

impl Task {
    fn kind(&self) -> TaskKind {
        match self {
            Task::Refresh { .. } => TaskKind::Refresh,
            Task::Search(_) => TaskKind::Search,
            Task::Match(_) => TaskKind::Match,
        }
    }
}

struct MatchRequest {
    key: u64,
    session: Session,
    exclude: Option<PathBuf>,
    /// The score at which a match counts (the user's preference).
    threshold: f32,
}

/// A finished task.
struct Outcome {
    /// The archive, opened again after an update (or a change by another window).
    archive: Option<Arc<Archive>>,
    /// What the index's catalog looked like when `archive` was opened.
    stamp: CatalogStamp,
    /// Its numbers, with the day of the last update.
    status: Option<(ArchiveStatus, Option<String>)>,
    /// What the update did, or why it failed.
    report: Option<String>,
    result: TaskResult,
}

enum TaskResult {
    None,
    Searched(SearchRequest, Result<Vec<SearchHit>, String>),
    Matched(u64, Result<Vec<ItemMatches>, String>),
}

/// The index's catalog file as last seen: its modification time and size, or `None`
/// when there is none. Another window or `claimdesk archive add` rewriting the index
/// changes it, and the next task opens the index again.
type CatalogStamp = Option<(std::time::SystemTime, u64)>;

/// The catalog's stamp now.
fn catalog_stamp(dir: &ArchiveDir) -> CatalogStamp {
    let meta = std::fs::metadata(dir.catalog_file()).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// A place in the article that was checked before: its characters and the badge text.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedMark {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// "False, 12 Mar 2026".
    pub badge: String,
}

/// The archive as the app sees it: its numbers, the search results, the matches for
/// the open session, and the work in progress.
#[derive(Default)]
pub struct ArchiveState {
    config: Option<ArchiveConfig>,
    archive: Option<Arc<Archive>>,
    /// The catalog as it was when `archive` was opened.
    stamp: CatalogStamp,
    /// The index was brought up to date in this run.
    updated: bool,
    job: Option<(TaskKind, Job<Outcome>)>,
    /// What the worker is doing, in words ("Embedding 256 of 1,024 claims").
    stage: Arc<Mutex<String>>,
    queue: Vec<Task>,
    status: Option<(ArchiveStatus, Option<String>)>,
    report: Option<String>,
    hits: Vec<SearchHit>,
    searched: Option<SearchRequest>,
    search_error: Option<String>,
    selected_hit: Option<usize>,
    by_claim: HashMap<ClaimId, Vec<SearchHit>>,
    by_span: HashMap<(usize, usize), Vec<SearchHit>>,
    marks: Vec<CheckedMark>,
    match_error: Option<String>,
    /// What the last match was for, and the cheap look at the document that decides
    /// when to work it out again.
    matched_key: Option<u64>,
    queued_key: Option<u64>,
    watch: Option<(Option<PathBuf>, String, u64)>,
    content_key: u64,
    /// A session being opened from a result, and the claim to select once it is.
    pending_select: Option<(PathBuf, ClaimId)>,
    /// Waits for typing to pause before the open session is matched again.
    settle: Settle,
}

/// How long the open session's claims must stay unchanged before they are matched
/// again: typing a claim's wording changes it at every key, and each match embeds
/// every claim.
const MATCH_AFTER_QUIET: std::time::Duration = std::time::Duration::from_millis(700);

/// Waits until a value has stayed the same for a while (a debounce).
#[derive(Debug, Default)]
struct Settle {
    /// The latest value and when it was first seen.
    since: Option<(u64, std::time::Instant)>,
}

impl Settle {
    /// Whether `key` has been the latest value for `quiet` at `now`; if not, how long
    /// is left.
    fn ready(
        &mut self,
        key: u64,
        now: std::time::Instant,
        quiet: std::time::Duration,
    ) -> Result<(), std::time::Duration> {
        match self.since {
            Some((k, at)) if k == key => {
                let waited = now.saturating_duration_since(at);
                if waited >= quiet {
                    Ok(())
                } else {
                    Err(quiet - waited)
                }
            }
            _ => {
                self.since = Some((key, now));
                if quiet.is_zero() { Ok(()) } else { Err(quiet) }
            }
        }
    }
}

impl ArchiveState {
    /// The archive in `config`, or none (`None`: the app runs without one, as in tests
    /// that do not need it).
    pub fn new(config: Option<ArchiveConfig>) -> Self {
        Self {
            config,
            ..Self::default()
        }
    }

    /// Whether the app has an archive location at all.
    pub fn is_enabled(&self) -> bool {
        self.config.is_some()
    }

    /// The index folder.
    pub fn dir(&self) -> Option<&Path> {
        self.config.as_ref().map(|c| c.dir.path())
    }

    /// The archive's numbers and the day it was last updated, once known.
    pub fn status(&self) -> Option<&ArchiveStatus> {
        self.status.as_ref().map(|(s, _)| s)
    }

    /// The day the index was last written ("12 Mar 2026"), once known.
    pub fn last_updated(&self) -> Option<&str> {
        self.status.as_ref().and_then(|(_, d)| d.as_deref())
    }

    /// Whether the archive is known to hold no folder (the panel explains how to add one).
    pub fn has_no_folders(&self) -> bool {
        self.status().is_some_and(|s| s.folders.is_empty())
    }

    /// What the last update did, or why it failed.
    pub fn report(&self) -> Option<&str> {
        self.report.as_deref()
    }

    /// What the worker is doing and how far it has got, while it works.
    pub fn busy(&self) -> Option<(String, Option<f32>)> {
        let (_, job) = self.job.as_ref()?;
        let stage = self
            .stage
            .lock()
            .map(|s| s.clone())
            .unwrap_or_else(|_| job.label.clone());
        let stage = if stage.is_empty() {
            job.label.clone()
        } else {
            stage
        };
        Some((stage, job.progress()))
    }

    /// Whether an update is running (it can be cancelled).
    pub fn is_updating(&self) -> bool {
        matches!(self.job, Some((TaskKind::Refresh, _)))
    }

    /// Whether the language model is loaded (else searches run on words alone).
    pub fn model_loaded(&self) -> bool {
        self.config.as_ref().is_some_and(|c| c.model.is_loaded())
    }

    /// The results of the last search, best first.
    pub fn hits(&self) -> &[SearchHit] {
        &self.hits
    }

    /// The last search that was run.
    pub fn searched(&self) -> Option<&SearchRequest> {
        self.searched.as_ref()
    }

    /// Why the last search failed.
    pub fn search_error(&self) -> Option<&str> {
        self.search_error.as_deref()
    }

    /// The selected result.
    pub fn selected_hit(&self) -> Option<&SearchHit> {
        self.hits.get(self.selected_hit?)
    }

    /// Its index.
    pub fn selected_index(&self) -> Option<usize> {
        self.selected_hit
    }

    /// Earlier checks of a claim of the open session, best first.
    pub fn checked_before(&self, claim: ClaimId) -> Option<&[SearchHit]> {
        self.by_claim
            .get(&claim)
            .map(Vec::as_slice)
            .filter(|h| !h.is_empty())
    }

    /// Earlier checks of a sentence of the article (a suggestion), best first.
    pub fn checked_before_span(&self, start: usize, end: usize) -> Option<&[SearchHit]> {
        self.by_span
            .get(&(start, end))
            .map(Vec::as_slice)
            .filter(|h| !h.is_empty())
    }

    /// The places in the article that were checked before, by start.
    pub fn marks(&self) -> &[CheckedMark] {
        &self.marks
    }

    /// Why matching the open session failed, if it did.
    pub fn match_error(&self) -> Option<&str> {
        self.match_error.as_deref()
    }

    /// Work before drawing: picks up finished work, notices that the open session
    /// changed (so its claims are matched again), starts what is waiting. `wanted`: the
    /// archive panel is shown, so its numbers are wanted. `threshold`: the score at
    /// which a match counts (a new one matches the session again).
    pub fn poll(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        wanted: bool,
        mode: RunMode,
        threshold: f32,
    ) {
        if self.config.is_none() {
            return;
        }
        self.pick_up();
        if wanted && self.status.is_none() && self.job.is_none() && self.queue.is_empty() {
            self.queue_task(Task::Refresh { add: Vec::new() });
        }
        self.watch_session(ctx, doc, mode, threshold);
        self.start_next(ctx, mode);
    }

    /// The claim to select now that its session is open, if one was being opened.
    pub fn take_pending_select(&mut self, doc: &Document) -> Option<ClaimId> {
        let (path, claim) = self.pending_select.as_ref()?;
        if doc.path() == Some(path.as_path()) {
            let claim = *claim;
            self.pending_select = None;
            Some(claim)
        } else {
            None
        }
    }

    /// Remembers to select `claim` once `path` is open.
    pub fn select_after_open(&mut self, path: PathBuf, claim: ClaimId) {
        self.pending_select = Some((path, claim));
    }

    /// Applies what the panel asked for (opening a session is the app's: see
    /// [`Self::select_after_open`]).
    pub fn handle(&mut self, ctx: &egui::Context, intent: ArchiveIntent, mode: RunMode) {
        match intent {
            ArchiveIntent::Search(request) => {
                if request.query.trim().is_empty() {
                    self.hits.clear();
                    self.searched = None;
                    self.selected_hit = None;
                } else {
                    self.queue_task(Task::Search(request));
                }
            }
            ArchiveIntent::SelectHit(i) => self.selected_hit = i,
            ArchiveIntent::Add(path) => self.queue_task(Task::Refresh { add: vec![path] }),
            ArchiveIntent::Update => self.queue_task(Task::Refresh { add: Vec::new() }),
            ArchiveIntent::Cancel => {
                if let Some((TaskKind::Refresh, job)) = &self.job {
                    job.cancel();
                }
            }
            ArchiveIntent::OpenSession { .. } | ArchiveIntent::CopyCheck { .. } => {}
        }
        self.start_next(ctx, mode);
    }

    /// Queues `task`, replacing a waiting task of the same kind (only the latest search
    /// and match matter; updates merge their paths).
    fn queue_task(&mut self, task: Task) {
        if self.config.is_none() {
            return;
        }
        match task {
            Task::Refresh { add } => {
                if let Some(Task::Refresh { add: waiting }) = self
                    .queue
                    .iter_mut()
                    .find(|t| t.kind() == TaskKind::Refresh)
                {
                    waiting.extend(add);
                } else {
                    // An update goes first: what follows should see its result.
                    self.queue.insert(0, Task::Refresh { add });
                }
            }
            other => {
                let kind = other.kind();
                self.queue.retain(|t| t.kind() != kind);
                self.queue.push(other);
            }
        }
    }

    /// Queues matching when the open session is another one, or its claims changed
    /// and then stayed unchanged for [`MATCH_AFTER_QUIET`] (at once in tests that run
    /// work in place, and for a session just opened).
    fn watch_session(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        mode: RunMode,
        threshold: f32,
    ) {
        let watch = (
            doc.path().map(Path::to_path_buf),
            doc.session.article.origin.sha256.clone(),
            doc.revision(),
        );
        // The same file and article as before: if its claims now differ from what was
        // matched (checked below), it was edited, maybe mid-word.
        let same_document = self
            .watch
            .as_ref()
            .is_some_and(|(path, sha, _)| *path == watch.0 && *sha == watch.1);
        if self.watch.as_ref() != Some(&watch) {
            self.content_key = content_key(doc);
            self.watch = Some(watch);
        }
        // An archive known to be empty has nothing to match against.
        if self.has_no_folders() {
            return;
        }
        // What was matched depends on the threshold too.
        let key = self.content_key ^ u64::from(threshold.to_bits()).rotate_left(32);
        if self.matched_key == Some(key) || self.queued_key == Some(key) {
            return;
        }
        let quiet = if same_document && mode == RunMode::Normal && self.matched_key.is_some() {
            MATCH_AFTER_QUIET
        } else {
            std::time::Duration::ZERO
        };
        if let Err(left) = self.settle.ready(key, std::time::Instant::now(), quiet) {
            // Come back when the quiet time is up, even if nothing else happens.
            ctx.request_repaint_after(left);
            return;
        }
        self.queued_key = Some(key);
        self.queue_task(Task::Match(Box::new(MatchRequest {
            key,
            session: doc.session.clone(),
            exclude: doc.path().map(Path::to_path_buf),
            threshold,
        })));
    }

    fn start_next(&mut self, ctx: &egui::Context, mode: RunMode) {
        // In place (tests), each task finishes at once and the next one starts.
        while self.job.is_none() && !self.queue.is_empty() {
            let task = self.queue.remove(0);
            let Some(config) = self.config.clone() else {
                return;
            };
            let kind = task.kind();
            let label = match kind {
                TaskKind::Refresh => "Updating the archive",
                TaskKind::Search => "Searching the archive",
                TaskKind::Match => "Looking for earlier checks",
            };
            let work = Work {
                config,
                archive: self.archive.clone(),
                stamp: self.stamp,
                update_first: !self.updated,
                stage: self.stage.clone(),
            };
            if let Ok(mut s) = self.stage.lock() {
                s.clear();
            }
            self.updated = true;
            let job = Job::start(Some(ctx), label, mode.in_place(true), move |handle| {
                work.run(task, handle)
            });
            self.job = Some((kind, job));
            self.pick_up();
        }
    }

    fn pick_up(&mut self) {
        let Some((kind, job)) = &mut self.job else {
            return;
        };
        let kind = *kind;
        let outcome = match job.poll() {
            Poll::Running => return,
            Poll::Done(outcome) => outcome,
            Poll::Lost => Outcome {
                archive: None,
                stamp: None,
                status: None,
                report: Some("The archive worker stopped unexpectedly; try Update archive.".into()),
                result: TaskResult::None,
            },
        };
        self.job = None;
        let reopened = outcome.archive.is_some();
        if let Some(archive) = outcome.archive {
            self.archive = Some(archive);
            self.stamp = outcome.stamp;
        }
        if let Some(status) = outcome.status {
            self.status = Some(status);
        }
        if outcome.report.is_some() {
            self.report = outcome.report;
        }
        match outcome.result {
            TaskResult::None => {}
            TaskResult::Searched(request, result) => {
                self.selected_hit = None;
                self.searched = Some(request);
                match result {
                    Ok(hits) => {
                        self.hits = hits;
                        self.search_error = None;
                    }
                    Err(e) => {
                        self.hits.clear();
                        self.search_error = Some(e);
                    }
                }
            }
            TaskResult::Matched(key, result) => {
                self.matched_key = Some(key);
                if self.queued_key == Some(key) {
                    self.queued_key = None;
                }
                match result {
                    Ok(items) => {
                        self.set_matches(items);
                        self.match_error = None;
                    }
                    Err(e) => self.match_error = Some(e),
                }
            }
        }
        if reopened && kind == TaskKind::Search {
            // Opened again before a search (another window changed the index): the
            // open session's matches may have changed too.
            self.matched_key = None;
        }
        if kind == TaskKind::Refresh && reopened {
            // The index changed: match the open session again, and run the last search again.
            self.matched_key = None;
            self.queued_key = None;
            if let Some(request) = self.searched.clone() {
                self.queue_task(Task::Search(request));
            }
        }
    }

    fn set_matches(&mut self, items: Vec<ItemMatches>) {
        self.by_claim.clear();
        self.by_span.clear();
        self.marks.clear();
        for item in items {
            let Some(best) = item.matches.first() else {
                continue;
            };
            let badge = best.claim.badge();
            match item.subject {
                Subject::Claim { id } => {
                    self.by_claim.insert(id, item.matches);
                }
                Subject::Sentence { start, end, .. } => {
                    self.marks.push(CheckedMark { start, end, badge });
                    self.by_span.insert((start, end), item.matches);
                }
            }
        }
        self.marks.sort_by_key(|m| m.start);
    }
}

/// A hash of what matching depends on: the file, the article and the claims' wording.
fn content_key(doc: &Document) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    doc.path().hash(&mut h);
    doc.session.article.origin.sha256.hash(&mut h);
    for claim in &doc.session.claims {
        claim.id.0.hash(&mut h);
        claim.text.hash(&mut h);
        claim.anchor.start.hash(&mut h);
    }
    h.finish()
}

/// What a worker needs for one task.
struct Work {
    config: ArchiveConfig,
    archive: Option<Arc<Archive>>,
    stamp: CatalogStamp,
    update_first: bool,
    stage: Arc<Mutex<String>>,
}

impl Work {
    fn say(&self, what: impl Into<String>) {
        if let Ok(mut s) = self.stage.lock() {
            *s = what.into();
        }
    }

    fn run(self, task: Task, handle: &JobHandle) -> Outcome {
        let mut outcome = Outcome {
            archive: None,
            stamp: None,
            status: None,
            report: None,
            result: TaskResult::None,
        };
        let dir = self.config.dir.clone();
        let refresh = matches!(task, Task::Refresh { .. });
        let mut archive = self.archive.clone();
        if archive.is_some() && !refresh && !self.update_first && catalog_stamp(&dir) != self.stamp
        {
            // Another window (or the command line) changed the index since it was
            // opened here: read it again, so this window finds what that one added.
            match self.open_into(&dir, &task, &mut outcome) {
                Some(a) => archive = Some(a),
                None => return outcome,
            }
        }
        if refresh || self.update_first || archive.is_none() {
            let Some(opened) = self.open_into(&dir, &task, &mut outcome) else {
                return outcome;
            };
            let add = match &task {
                Task::Refresh { add } => add.clone(),
                _ => Vec::new(),
            };
            if opened.folders().is_empty() && add.is_empty() {
                // No archive at all: nothing to load, nothing to match.
                outcome.result = empty_result(&task);
                return outcome;
            }
            let embedder = self.embedder();
            let cancel = handle.cancel_flag();
            let mut progress = |p: Progress| {
                self.say(stage_words(p));
                if p.total > 0 {
                    handle.set_progress(p.done as f32 / p.total as f32);
                }
            };
            let options = UpdateOptions::default();
            let result = if add.is_empty() {
                update(&dir, embedder, &options, &mut progress, &cancel)
            } else {
                add_paths(&dir, &add, embedder, &options, &mut progress, &cancel)
            };
            outcome.report = Some(match result {
                Ok(report) => report_words(&report),
                Err(ArchiveError::Cancelled) => "The update was cancelled; nothing changed.".into(),
                Err(e) => e.to_string(),
            });
            match self.open_into(&dir, &task, &mut outcome) {
                Some(a) => archive = Some(a),
                None => return outcome,
            }
        }
        let Some(archive) = archive else {
            return outcome;
        };
        outcome.result = match task {
            Task::Refresh { .. } => TaskResult::None,
            Task::Search(request) => {
                let embedder = self.embedder();
                self.say("Searching");
                let options = SearchOptions {
                    filters: request.filters.clone(),
                    top: SEARCH_TOP,
                    ..SearchOptions::default()
                };
                let hits = archive
                    .search(&request.query, &options, embedder)
                    .map_err(|e| e.to_string());
                TaskResult::Searched(request, hits)
            }
            Task::Match(request) => {
                if archive.is_empty() {
                    TaskResult::Matched(request.key, Ok(Vec::new()))
                } else {
                    let embedder = self.embedder();
                    self.say("Looking for earlier checks");
                    let options = MatchOptions {
                        exclude_file: request.exclude.clone(),
                        threshold: request.threshold,
                        ..MatchOptions::default()
                    };
                    let items = match_session(&archive, &request.session, embedder, &options)
                        .map_err(|e| e.to_string());
                    TaskResult::Matched(request.key, items)
                }
            }
        };
        outcome
    }

    /// Opens the index at `dir` and puts it in `outcome` with its catalog's stamp and
    /// its numbers; if it cannot be opened, puts why in `outcome` and gives `None`.
    fn open_into(
        &self,
        dir: &ArchiveDir,
        task: &Task,
        outcome: &mut Outcome,
    ) -> Option<Arc<Archive>> {
        self.say("Opening the archive");
        outcome.stamp = catalog_stamp(dir);
        match Archive::open(dir) {
            Ok(a) => {
                outcome.status = Some((a.status(), last_updated(dir)));
                let a = Arc::new(a);
                outcome.archive = Some(a.clone());
                Some(a)
            }
            Err(e) => {
                outcome.report = Some(e.to_string());
                outcome.result = failed(task, e.to_string());
                None
            }
        }
    }

    /// The model, loaded on this worker the first time; none if it cannot be loaded.
    fn embedder(&self) -> Option<&dyn Embed> {
        if !self.config.model.is_loaded() {
            self.say("Loading the language model");
        }
        self.config.model.load().ok()
    }
}

fn failed(task: &Task, why: String) -> TaskResult {
    match task {
        Task::Refresh { .. } => TaskResult::None,
        Task::Search(request) => TaskResult::Searched(request.clone(), Err(why)),
        Task::Match(request) => TaskResult::Matched(request.key, Err(why)),
    }
}

fn empty_result(task: &Task) -> TaskResult {
    match task {
        Task::Refresh { .. } => TaskResult::None,
        Task::Search(request) => TaskResult::Searched(request.clone(), Ok(Vec::new())),
        Task::Match(request) => TaskResult::Matched(request.key, Ok(Vec::new())),
    }
}

fn stage_words(p: Progress) -> String {
    let of = |what: &str| {
        if p.total > 0 {
            format!("{what} {} of {}", p.done, p.total)
        } else {
            what.to_owned()
        }
    };
    match p.stage {
        Stage::Waiting => "Waiting for another Claimdesk that is updating the archive".into(),
        Stage::Scanning => "Listing the archived folders".into(),
        Stage::Reading => of("Reading files:"),
        Stage::Embedding => of("Computing embeddings:"),
        Stage::Saving => "Saving the index".into(),
    }
}

fn report_words(r: &UpdateReport) -> String {
    use super::words::count;
    let mut words = format!(
        "Updated: {} in {} ({} new, {} changed, {} removed).",
        count(r.claims, "claim", "claims"),
        count(r.files, "file", "files"),
        r.added,
        r.changed,
        r.removed
    );
    if r.cancelled {
        words.push_str(" Cancelled while computing embeddings: the rest are found by their words until the next update.");
    }
    if !r.warnings.is_empty() {
        let skipped = count(r.warnings.len(), "file was", "files were");
        words.push_str(&format!(" {skipped} skipped: "));
        let named: Vec<String> = r.warnings.iter().take(3).map(|w| w.to_string()).collect();
        words.push_str(&named.join("; "));
    }
    if let Some(why) = &r.rebuilt {
        words.push_str(&format!(" Rebuilt: {why}."));
    }
    words
}

/// The day the index was last written, "12 Mar 2026".
fn last_updated(dir: &ArchiveDir) -> Option<String> {
    let modified = std::fs::metadata(dir.catalog_file())
        .ok()?
        .modified()
        .ok()?;
    let day = crate::archive::day_of(modified)?;
    crate::archive::human_date(&day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn matching_waits_until_typing_pauses() {
        let quiet = Duration::from_millis(700);
        let t0 = Instant::now();
        let mut settle = Settle::default();
        assert_eq!(
            settle.ready(1, t0, quiet),
            Err(quiet),
            "a new wording waits"
        );
        let later = t0 + Duration::from_millis(300);
        assert_eq!(
            settle.ready(1, later, quiet),
            Err(Duration::from_millis(400))
        );
        // Another key before the pause is over starts the wait again.
        assert_eq!(settle.ready(2, later, quiet), Err(quiet));
        assert_eq!(settle.ready(2, later + quiet, quiet), Ok(()));
        // No wait asked: at once.
        assert_eq!(settle.ready(3, later, Duration::ZERO), Ok(()));
    }
}
