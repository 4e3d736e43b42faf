//! Suggested claims in the app: the suggester runs as a [`Job`] when an article
//! opens; this keeps its results,
//! the pane's settings and which suggestions are shown. The pane that draws them is
//! [`super::suggestions_pane`]; the article marks them with [`Marks`].

use super::worker::{Job, Poll, RunMode};
use crate::extract::{Coverage, DEFAULT_THRESHOLD, Suggestion, suggest_with_progress};
use crate::model::Session;

/// Where a suggested sentence is: its characters in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SuggestionSpan {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

impl SuggestionSpan {
    /// The span of a suggestion.
    pub fn of(s: &Suggestion) -> Self {
        Self {
            start: s.start,
            end: s.end,
        }
    }
}

/// A suggestion as the article marks it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SuggestionMark {
    /// Where it is.
    pub span: SuggestionSpan,
    /// Its check-worthiness score.
    pub score: f32,
}

/// Suggested sentences to mark in the article, besides the claims.
#[derive(Clone, Copy, Debug, Default)]
pub struct Marks<'a> {
    /// The suggestions shown, sorted by start.
    pub suggestions: &'a [SuggestionMark],
    /// The suggestion selected in the suggestions pane.
    pub selected: Option<SuggestionSpan>,
    /// Changes whenever the list above changes (for caching).
    pub generation: u64,
}

/// What decides which suggestions are shown; they are recomputed when it changes.
#[derive(Clone, Copy, Debug, PartialEq)]
struct ShownKey {
    revision: u64,
    threshold: f32,
    by_score: bool,
    found: usize,
}

/// Suggestions for the open article and the pane's settings.
pub struct SuggestionsState {
    /// The suggester at work, and the article (SHA-256) it works on.
    job: Option<(String, Job<Vec<Suggestion>>)>,
    /// The article the results below are for.
    ready_for: Option<String>,
    all: Vec<Suggestion>,
    /// Only suggestions scoring at least this are shown.
    pub threshold: f32,
    /// Sort by score (highest first) instead of article order.
    pub by_score: bool,
    /// The suggestion shown in the inspector.
    pub selected: Option<SuggestionSpan>,
    shown: Vec<usize>,
    /// For each shown suggestion (same order), the number of the claim that already
    /// covers it. Worked out with `shown`, not on every frame.
    covered: Vec<Option<u64>>,
    shown_key: Option<ShownKey>,
    /// The shown suggestions in article order, for the article pane.
    marks: Vec<SuggestionMark>,
    generation: u64,
}

impl Default for SuggestionsState {
    fn default() -> Self {
        Self {
            job: None,
            ready_for: None,
            all: Vec::new(),
            threshold: DEFAULT_THRESHOLD,
            by_score: false,
            selected: None,
            shown: Vec::new(),
            covered: Vec::new(),
            shown_key: None,
            marks: Vec::new(),
            generation: 0,
        }
    }
}

impl SuggestionsState {
    /// Starts the suggester (replacing any earlier results). It always counts as slow
    /// work, so it runs on a worker unless the app runs synchronously.
    pub fn start(&mut self, ctx: &egui::Context, session: &Session, mode: RunMode) {
        let text = session.article.text.clone();
        let job = Job::start(
            Some(ctx),
            "Finding check-worthy sentences",
            mode.in_place(true),
            move |handle| suggest_with_progress(&text, &mut |p| handle.set_progress(p)),
        );
        self.job = Some((session.article.origin.sha256.clone(), job));
        self.ready_for = None;
        self.all.clear();
        self.selected = None;
        self.shown_key = None;
        self.pick_up(&session.article.origin.sha256);
    }

    /// Picks up finished results, and starts the suggester for an article whose
    /// suggestions are not yet computed: always, not only once the Suggestions pane is
    /// opened, because the article underlines them whichever pane is shown.
    pub fn poll(&mut self, ctx: &egui::Context, session: &Session, mode: RunMode) {
        let sha = &session.article.origin.sha256;
        self.pick_up(sha);
        if self.ready_for.as_ref().is_some_and(|done| done != sha) {
            self.ready_for = None;
            self.all.clear();
            self.selected = None;
            self.shown_key = None;
        }
        if self.job.is_none() && self.ready_for.is_none() {
            self.start(ctx, session, mode);
        }
    }

    fn pick_up(&mut self, sha: &str) {
        let Some((running, job)) = &mut self.job else {
            return;
        };
        if running != sha {
            // The article changed meanwhile: these results are for another text.
            self.job = None;
            return;
        }
        match job.poll() {
            Poll::Running => {}
            Poll::Done(found) => {
                self.all = found;
                self.ready_for = Some(sha.to_owned());
                self.shown_key = None;
                self.job = None;
            }
            // The suggester crashed; the pane offers "Suggest again".
            Poll::Lost => {
                self.ready_for = Some(sha.to_owned());
                self.job = None;
            }
        }
    }

    /// Whether suggestions have been computed for the open article.
    pub fn is_ready(&self) -> bool {
        self.ready_for.is_some()
    }

    /// Whether the suggester is still working.
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// How far the suggester has got, from 0 to 1.
    pub fn progress(&self) -> f32 {
        self.job
            .as_ref()
            .and_then(|(_, job)| job.progress())
            .unwrap_or(if self.job.is_some() { 0.0 } else { 1.0 })
    }

    /// Works out which suggestions are shown: above the threshold, not dismissed, not
    /// already claims. Cheap when nothing changed; call it before drawing.
    pub fn refresh(&mut self, session: &Session, revision: u64) {
        let key = ShownKey {
            revision,
            threshold: self.threshold,
            by_score: self.by_score,
            found: self.all.len(),
        };
        if self.shown_key == Some(key) {
            return;
        }
        let taken: std::collections::HashSet<(usize, usize)> = session
            .claims
            .iter()
            .map(|c| (c.anchor.start, c.anchor.end))
            .chain(session.dismissed_suggestions.iter().copied())
            .collect();
        self.shown = (0..self.all.len())
            .filter(|&i| {
                let s = &self.all[i];
                s.score >= self.threshold && !taken.contains(&(s.start, s.end))
            })
            .collect();
        self.marks = self
            .shown
            .iter()
            .map(|&i| SuggestionMark {
                span: SuggestionSpan::of(&self.all[i]),
                score: self.all[i].score,
            })
            .collect();
        self.generation += 1;
        if self.by_score {
            self.shown
                .sort_by(|&a, &b| self.all[b].score.total_cmp(&self.all[a].score));
        }
        let coverage = Coverage::new(session);
        self.covered = self
            .shown
            .iter()
            .map(|&i| {
                coverage
                    .covering(&self.all[i])
                    .map(|id| session.claim(id).map_or(id.0, |c| c.number))
            })
            .collect();
        self.shown_key = Some(key);
    }

    /// The shown suggestions, in the pane's order (as of the last [`Self::refresh`]).
    pub fn shown(&self) -> impl Iterator<Item = &Suggestion> + '_ {
        self.shown.iter().filter_map(|&i| self.all.get(i))
    }

    /// How many suggestions are shown.
    pub fn count(&self) -> usize {
        self.shown.len()
    }

    /// The shown suggestions with the number of the claim that already covers each
    /// (`None` when no claim does), in the pane's order.
    pub fn shown_with_cover(&self) -> impl Iterator<Item = (&Suggestion, Option<u64>)> + '_ {
        self.shown
            .iter()
            .zip(&self.covered)
            .filter_map(|(&i, &cover)| Some((self.all.get(i)?, cover)))
    }

    /// How many shown suggestions no claim covers yet (what Accept all would take).
    pub fn open_count(&self) -> usize {
        self.covered.iter().filter(|c| c.is_none()).count()
    }

    /// The number of the claim that covers the selected suggestion, if one does.
    pub fn selected_cover(&self) -> Option<u64> {
        let selected = self.selected?;
        self.shown_with_cover()
            .find(|(s, _)| SuggestionSpan::of(s) == selected)
            .and_then(|(_, cover)| cover)
    }

    /// What the article pane marks: the shown suggestions and the selected one.
    pub fn marks(&self) -> Marks<'_> {
        Marks {
            suggestions: &self.marks,
            selected: self.selected,
            generation: self.generation,
        }
    }

    /// The selected suggestion, if it is still shown.
    pub fn selected_suggestion(&self) -> Option<&Suggestion> {
        let selected = self.selected?;
        self.shown().find(|s| SuggestionSpan::of(s) == selected)
    }

    /// The shown suggestion `step` places after (or before, if negative) the selected
    /// one; the first one when none is selected.
    pub fn neighbour(&self, step: isize) -> Option<SuggestionSpan> {
        let shown: Vec<&Suggestion> = self.shown().collect();
        let pos = self
            .selected
            .and_then(|sel| shown.iter().position(|s| SuggestionSpan::of(s) == sel));
        let next = match pos {
            Some(p) => p.checked_add_signed(step)?,
            None => 0,
        };
        shown.get(next).map(|s| SuggestionSpan::of(s))
    }

    /// The suggestion to select once the selected one is accepted or dismissed.
    pub fn after_selected(&self) -> Option<SuggestionSpan> {
        self.neighbour(1).or_else(|| self.neighbour(-1))
    }

    /// Uses `found` as the suggestions for `session`'s article (tests of the panes).
    pub fn set_found(&mut self, session: &Session, found: Vec<Suggestion>) {
        self.job = None;
        self.all = found;
        self.ready_for = Some(session.article.origin.sha256.clone());
        self.shown_key = None;
    }
}
