//! Re-anchoring claims after the article text changes (a correction, an update).
//!
//! Each claim is placed in the new text by, in order:
//! 1. its old position, when the quote and its context are still there ("kept");
//! 2. its exact quote, with the stored prefix and suffix deciding between repeated
//!    sentences and the distance from where neighbouring claims moved breaking ties
//!    ("moved"; a quote that differs only in quote marks, dashes or spaces counts
//!    as "fuzzy" with confidence 1);
//! 3. an approximate match (edit distance) near the places where runs of the quote,
//!    its prefix or its suffix still occur, or near the expected position, scored
//!    with [`strsim::normalized_levenshtein`] ("fuzzy", when at least
//!    [`CONFIDENCE_THRESHOLD`]);
//! 4. otherwise the claim keeps its old quote, its position is clamped into the new
//!    text, and it is marked `needs_review` for the user to re-attach.
//!
//! No claim, source, note or verdict is ever dropped: re-anchoring only produces
//! new anchors, applied (and undone) as one [`Command::ReplaceArticle`].

mod align;
mod fold;
mod index;

use crate::command::{ClaimPlacement, Command};
use crate::model::{Anchor, Article, Attribution, Claim, Session, anchor::CONTEXT_CHARS};
use fold::{fold, fold_str};
use index::{K, KgramIndex, key};

/// Fuzzy matches scoring below this (0..1, 1 = identical after folding) are not
/// trusted: the claim is marked "needs review".
pub const CONFIDENCE_THRESHOLD: f64 = 0.8;

/// Runs that occur more often than this are too common to locate a quote by.
const MAX_RUN_HITS: usize = 64;

/// How far around its expected position a short quote is looked for first.
const NEARBY: usize = 4096;

/// How one claim was placed in the new text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Found {
    /// Same text at the same position.
    Kept,
    /// Same text, elsewhere (for example after a paragraph was inserted above).
    Moved,
    /// Similar text: a fixed typo, changed quote marks or spaces.
    Fuzzy {
        /// Similarity of the old quote to the new text, 0..1.
        confidence: f64,
    },
    /// Nothing similar enough; the claim keeps its old quote and needs review.
    NeedsReview {
        /// Similarity of the best candidate found (0 when there was none).
        best_confidence: f64,
    },
}

/// Where one claim goes and how it was found.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// The claim's new anchor, attribution and review flag.
    pub place: ClaimPlacement,
    /// How it was found.
    pub found: Found,
}

/// How many claims ended up in each category.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReanchorReport {
    /// At the same position with the same text.
    pub kept: usize,
    /// Same text at a new position.
    pub moved: usize,
    /// Matched approximately with enough confidence.
    pub fuzzy: usize,
    /// Could not be placed confidently; marked "needs review".
    pub needs_review: usize,
}

impl std::fmt::Display for ReanchorReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} kept, {} moved, {} fuzzy, {} need review",
            self.kept, self.moved, self.fuzzy, self.needs_review
        )
    }
}

/// The result of re-anchoring: apply [`ReanchorOutcome::into_command`] to the session.
#[derive(Clone, Debug, PartialEq)]
pub struct ReanchorOutcome {
    /// The new article.
    pub article: Article,
    /// One placement per claim, in the session's claim order.
    pub placements: Vec<Placement>,
    /// Dismissed suggestions whose text was found again (the rest are forgotten:
    /// they only hide suggestions, they hold no work).
    pub dismissed_suggestions: Vec<(usize, usize)>,
    /// Counts per category.
    pub report: ReanchorReport,
}

impl ReanchorOutcome {
    /// The command that replaces the article and moves every claim (undoable).
    pub fn into_command(self) -> Command {
        Command::ReplaceArticle {
            article: Box::new(self.article),
            claims: self.placements.into_iter().map(|p| p.place).collect(),
            dismissed_suggestions: self.dismissed_suggestions,
        }
    }
}

/// Re-anchors every claim of `session` in `new_article`. Never fails and never
/// panics: a claim that cannot be placed is marked "needs review".
pub fn reanchor(session: &Session, new_article: Article) -> ReanchorOutcome {
    let text = Text::new(&new_article.text);
    let old_raw: Vec<char> = session.article.text.chars().collect();
    let mut report = ReanchorReport::default();
    let mut placements = Vec::with_capacity(session.claims.len());
    // How far the previous claim moved: where to expect the next one.
    let mut shift: i64 = 0;
    for claim in &session.claims {
        let expected = clamp_shift(claim.anchor.start, shift, text.len());
        let (anchor, found) = place(&text, &claim.anchor, expected);
        match found {
            Found::Kept => report.kept += 1,
            Found::Moved => report.moved += 1,
            Found::Fuzzy { .. } => report.fuzzy += 1,
            Found::NeedsReview { .. } => report.needs_review += 1,
        }
        if !matches!(found, Found::NeedsReview { .. }) {
            shift = anchor.start as i64 - claim.anchor.start as i64;
        }
        let attribution = move_attribution(&text, claim, &anchor);
        placements.push(Placement {
            place: ClaimPlacement {
                claim: claim.id,
                anchor,
                attribution,
                needs_review: matches!(found, Found::NeedsReview { .. }),
            },
            found,
        });
    }
    let dismissed_suggestions = move_dismissed(&text, &old_raw, &session.dismissed_suggestions);
    ReanchorOutcome {
        article: new_article,
        placements,
        dismissed_suggestions,
        report,
    }
}

/// The new article, as characters, folded characters and an index of runs.
struct Text {
    raw: Vec<char>,
    folded: Vec<char>,
    index: KgramIndex,
}

impl Text {
    fn new(text: &str) -> Self {
        let raw: Vec<char> = text.chars().collect();
        let folded: Vec<char> = raw.iter().map(|&c| fold(c)).collect();
        let index = KgramIndex::new(&folded);
        Self { raw, folded, index }
    }

    fn len(&self) -> usize {
        self.raw.len()
    }

    /// An anchor on `start..end` with fresh context (callers keep the range valid).
    fn anchor(&self, start: usize, end: usize) -> Anchor {
        let end = end.min(self.len());
        let start = start.min(end);
        let collect = |a: usize, b: usize| self.raw.get(a..b).unwrap_or_default().iter().collect();
        Anchor {
            start,
            end,
            exact: collect(start, end),
            prefix: collect(start.saturating_sub(CONTEXT_CHARS), start),
            suffix: collect(end, (end + CONTEXT_CHARS).min(self.len())),
        }
    }

    /// Where the folded quote may start: positions in increasing order, to be
    /// verified (runs of the index are found by hash). Short quotes are scanned for.
    fn candidates(&self, quote: &[char]) -> Candidates<'_> {
        let m = quote.len();
        let n = self.folded.len();
        if m == 0 || m > n {
            return Candidates::Scanned(Vec::new());
        }
        if m < K {
            return Candidates::Scanned(self.scan(quote, 0, n));
        }
        // Look the quote up by the rarest of a few of its runs of K characters. Any
        // run finds every occurrence (each contains all of the quote's runs), so
        // the choice only decides how many candidates there are to verify.
        let step = ((m - K + 1) / 16).max(1);
        let mut rarest: Option<(usize, usize)> = None;
        for i in (0..=m - K).step_by(step) {
            let Some(run) = quote.get(i..i + K) else {
                break;
            };
            let count = self.index.count(key(run));
            if rarest.is_none_or(|r| (count, i) < r) {
                rarest = Some((count, i));
            }
            if count <= 1 {
                break;
            }
        }
        let Some((_, offset)) = rarest else {
            return Candidates::Scanned(Vec::new());
        };
        let run_key = quote.get(offset..offset + K).map(key).unwrap_or_default();
        Candidates::Indexed {
            runs: self.index.entries(run_key),
            offset,
        }
    }

    /// Positions in `lo..hi` where the folded quote occurs entirely inside `lo..hi`.
    fn scan(&self, quote: &[char], lo: usize, hi: usize) -> Vec<usize> {
        let m = quote.len();
        if m == 0 || hi < lo + m {
            return Vec::new();
        }
        (lo..=hi - m)
            .filter(|&p| self.folded.get(p..p + m) == Some(quote))
            .collect()
    }

    /// How many characters of `prefix` (from its end) and `suffix` (from its start)
    /// agree with the text around `start..end`, after folding.
    fn context_score(&self, start: usize, end: usize, prefix: &[char], suffix: &[char]) -> usize {
        let before = self.folded.get(..start).unwrap_or_default();
        let after = self.folded.get(end..).unwrap_or_default();
        let p = prefix
            .iter()
            .rev()
            .zip(before.iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let s = suffix
            .iter()
            .zip(after.iter())
            .take_while(|(a, b)| a == b)
            .count();
        p + s
    }

    fn raw_equals(&self, start: usize, exact: &[char]) -> bool {
        self.raw.get(start..start + exact.len()) == Some(exact)
    }
}

fn clamp_shift(pos: usize, shift: i64, len: usize) -> usize {
    let p = (pos as i64).saturating_add(shift).max(0);
    usize::try_from(p).unwrap_or(usize::MAX).min(len)
}

/// Places one anchor in the new text.
fn place(text: &Text, old: &Anchor, expected: usize) -> (Anchor, Found) {
    let exact: Vec<char> = old.exact.chars().collect();
    let quote = fold_str(&old.exact);
    let prefix = fold_str(&old.prefix);
    let suffix = fold_str(&old.suffix);
    let m = exact.len();

    // 1. Still there, with all of its context: nothing to search for.
    if m > 0
        && text.raw_equals(old.start, &exact)
        && text.context_score(old.start, old.start + m, &prefix, &suffix)
            == prefix.len() + suffix.len()
    {
        return (text.anchor(old.start, old.start + m), Found::Kept);
    }

    // 2. The quote, exactly (up to typography), wherever it is. A short quote is
    // first looked for near where it should be (it cannot use the index, and a
    // scan of the whole text per claim would be slow); a hit there with all of its
    // context is as good as any farther one.
    let full_context = prefix.len() + suffix.len();
    let nearby = (m < K).then(|| {
        let lo = expected.saturating_sub(NEARBY);
        let hi = (expected + m + NEARBY).min(text.len());
        text.scan(&quote, lo, hi)
            .into_iter()
            .filter(|&p| {
                text.raw_equals(p, &exact)
                    && text.context_score(p, p + m, &prefix, &suffix) == full_context
            })
            .min_by_key(|p| p.abs_diff(expected))
    });
    let score = |p: usize| -> Score {
        let raw = text.raw_equals(p, &exact);
        let ctx = text.context_score(p, p + m, &prefix, &suffix);
        let near = std::cmp::Reverse(p.abs_diff(expected));
        (raw, ctx, near, p == old.start)
    };
    let best = match nearby {
        Some(Some(p)) => Some((score(p), p)),
        _ => best_occurrence(text, &quote, expected, score, full_context),
    };
    if let Some(((raw, ..), p)) = best {
        let found = if !raw {
            Found::Fuzzy { confidence: 1.0 }
        } else if p == old.start {
            Found::Kept
        } else {
            Found::Moved
        };
        return (text.anchor(p, p + m), found);
    }

    // 3. Approximately, near where parts of it or its context still are.
    let best_confidence = match fuzzy(text, &quote, &prefix, &suffix, expected) {
        Some((confidence, start, end)) if confidence >= CONFIDENCE_THRESHOLD => {
            return (text.anchor(start, end), Found::Fuzzy { confidence });
        }
        Some((confidence, ..)) => confidence,
        None => 0.0,
    };

    // 4. Keep the old quote, clamped into the new text, for the user to re-attach.
    (
        clamp_into(old, text.len()),
        Found::NeedsReview { best_confidence },
    )
}

/// How well a candidate position fits, best highest: the raw text equals the quote
/// (not only its folded form), how much of the stored context agrees, nearness to
/// where the claim was expected, and being at its old place.
type Score = (bool, usize, std::cmp::Reverse<usize>, bool);

/// Possible starts of a quote, in increasing order.
enum Candidates<'a> {
    /// Already verified positions (short quotes, found by a scan).
    Scanned(Vec<usize>),
    /// Positions of the quote's rarest run, `offset` characters into the quote.
    Indexed {
        runs: &'a [(u64, u32)],
        offset: usize,
    },
}

impl Candidates<'_> {
    fn len(&self) -> usize {
        match self {
            Candidates::Scanned(v) => v.len(),
            Candidates::Indexed { runs, .. } => runs.len(),
        }
    }

    /// Index of the first candidate at or after `pos` (binary search).
    fn first_from(&self, pos: usize) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.get(mid).is_none_or(|p| p < pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The `i`-th possible start (`None` where the run sits too close to the text's
    /// start for the quote to fit before it; those come first).
    fn get(&self, i: usize) -> Option<usize> {
        match self {
            Candidates::Scanned(v) => v.get(i).copied(),
            Candidates::Indexed { runs, offset } => runs
                .get(i)
                .and_then(|&(_, p)| (p as usize).checked_sub(*offset)),
        }
    }
}

/// The occurrence of the folded quote with the highest `score` (ties: the later
/// position), as if every occurrence were scored.
///
/// In a text that repeats its sentences (boilerplate, a generated benchmark) a
/// quote can occur thousands of times, and scoring all of them for every claim
/// took seconds. So occurrences are visited nearest to `expected` first, and the
/// search stops once the best one has the raw text and all of its context
/// (`full_context`): every occurrence not yet visited is farther away and so
/// scores lower. The result is the same as scoring all of them.
fn best_occurrence(
    text: &Text,
    quote: &[char],
    expected: usize,
    score: impl Fn(usize) -> Score,
    full_context: usize,
) -> Option<(Score, usize)> {
    let m = quote.len();
    let candidates = text.candidates(quote);
    let is_occurrence = |p: usize| text.folded.get(p..p + m) == Some(quote);
    // Candidates before `left` and from `right` on are still to visit.
    let mut right = candidates.first_from(expected);
    let mut left = right;
    let mut best: Option<(Score, usize)> = None;
    loop {
        let before = left.checked_sub(1).and_then(|i| candidates.get(i));
        let after = candidates.get(right);
        let (p, from_left) = match (before, after) {
            (Some(b), Some(a)) if expected - b <= a - expected => (b, true),
            (Some(b), None) => (b, true),
            (_, Some(a)) => (a, false),
            (None, None) => break,
        };
        if let Some(((raw, ctx, near, _), _)) = best
            && raw
            && ctx == full_context
            && p.abs_diff(expected) > near.0
        {
            break;
        }
        if from_left {
            left -= 1;
        } else {
            right += 1;
        }
        if is_occurrence(p) {
            let cand = (score(p), p);
            if best.is_none_or(|b| cand > b) {
                best = Some(cand);
            }
        }
    }
    best
}

/// The old anchor with its position moved inside a text of `len` characters. Its
/// quote and context stay as they were, so the user sees what the claim said.
fn clamp_into(old: &Anchor, len: usize) -> Anchor {
    // Article texts are never empty (import and load refuse them), so one
    // character always fits.
    let start = old.start.min(len.saturating_sub(1));
    let end = old.end.clamp(start + 1, (start + 1).max(len));
    Anchor {
        start,
        end,
        ..old.clone()
    }
}

/// The best approximate match: `(confidence, start, end)`.
fn fuzzy(
    text: &Text,
    quote: &[char],
    prefix: &[char],
    suffix: &[char],
    expected: usize,
) -> Option<(f64, usize, usize)> {
    let m = quote.len();
    if m < 4 || text.len() == 0 {
        return None;
    }
    let mut starts = candidate_starts(text, quote, prefix, suffix);
    starts.push(expected);
    starts.sort_unstable();
    starts.dedup_by(|a, b| a.abs_diff(*b) <= m / 8 + 1);
    let slack = m / 2 + 8;
    let mut best: Option<(usize, usize, usize, usize)> = None; // (distance, far, start, end)
    for s in starts {
        let lo = s.saturating_sub(slack);
        let hi = (s + m + slack).min(text.len());
        let Some(window) = text.folded.get(lo..hi) else {
            continue;
        };
        let Some((dist, a, b)) = align::best_span(quote, window) else {
            continue;
        };
        if a == b {
            continue;
        }
        let cand = (dist, (lo + a).abs_diff(expected), lo + a, lo + b);
        if best.is_none_or(|bst| (cand.0, cand.1) < (bst.0, bst.1)) {
            best = Some(cand);
        }
    }
    let (_, _, start, end) = best?;
    Some((
        confidence(text, quote, prefix, suffix, start, end),
        start,
        end,
    ))
}

/// How sure a fuzzy match is, 0..1: mostly how similar the quote is to the span
/// (normalised edit distance), partly how similar the stored context is to the
/// text around the span, so that a deleted sentence is not pinned on a similar
/// neighbour.
fn confidence(
    text: &Text,
    quote: &[char],
    prefix: &[char],
    suffix: &[char],
    start: usize,
    end: usize,
) -> f64 {
    let string = |s: &[char]| s.iter().collect::<String>();
    let slice = |a: usize, b: usize| string(text.folded.get(a..b).unwrap_or_default());
    let quote_sim = strsim::normalized_levenshtein(&string(quote), &slice(start, end));
    if prefix.is_empty() && suffix.is_empty() {
        return quote_sim;
    }
    let stored = format!("{}{}", string(prefix), string(suffix));
    let around = format!(
        "{}{}",
        slice(start.saturating_sub(prefix.len()), start),
        slice(end, (end + suffix.len()).min(text.len()))
    );
    let context_sim = strsim::normalized_levenshtein(&stored, &around);
    0.75 * quote_sim + 0.25 * context_sim
}

/// Likely start positions of the quote: where its runs of K characters occur
/// (voting per diagonal, so a fixed typo does not scatter them), right after its
/// prefix and right before its suffix. At most a few, most-voted first.
fn candidate_starts(text: &Text, quote: &[char], prefix: &[char], suffix: &[char]) -> Vec<usize> {
    let m = quote.len();
    let mut votes: Vec<usize> = Vec::new();
    let mut vote_runs = |seq: &[char], offset_of_seq: i64| {
        if seq.len() < K {
            return;
        }
        let step = ((seq.len() - K + 1) / 48).max(1);
        for i in (0..=seq.len() - K).step_by(step) {
            let Some(run) = seq.get(i..i + K) else {
                continue;
            };
            let k = key(run);
            if text.index.count(k) > MAX_RUN_HITS {
                continue;
            }
            for p in text.index.positions(k) {
                let start = p as i64 - i as i64 - offset_of_seq;
                if let Ok(start) = usize::try_from(start) {
                    votes.push(start);
                }
            }
        }
    };
    vote_runs(quote, 0);
    if let Some(tail) = prefix.get(prefix.len().saturating_sub(K)..) {
        vote_runs(tail, -(tail.len() as i64));
    }
    if let Some(head) = suffix.get(..K.min(suffix.len())) {
        vote_runs(head, m as i64);
    }
    votes.sort_unstable();
    // Cluster votes that are within a few characters of each other.
    let width = m / 8 + 2;
    let mut clusters: Vec<(usize, usize)> = Vec::new(); // (votes, first start)
    let mut i = 0;
    while i < votes.len() {
        let first = votes[i];
        let mut j = i;
        while j < votes.len() && votes[j] - first <= width {
            j += 1;
        }
        clusters.push((j - i, first));
        i = j;
    }
    clusters.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    clusters.into_iter().take(4).map(|(_, s)| s).collect()
}

/// Moves a claim's attribution (the claimant's mention) with the claim: same offset
/// from the claim if the mention is still there, else the nearest mention within a
/// few hundred characters, else an empty range at the claim's start (the claimant
/// and cue words are kept; only the highlight is lost).
fn move_attribution(text: &Text, claim: &Claim, anchor: &Anchor) -> Option<Attribution> {
    let att = claim.attribution.as_ref()?;
    let mention: Vec<char> = att.claimant.chars().collect();
    let len = mention.len();
    let mut moved = att.clone();
    let offset = att.start as i64 - claim.anchor.start as i64;
    let same = clamp_shift(anchor.start, offset, text.len());
    let found = if len > 0 && text.raw_equals(same, &mention) {
        Some(same)
    } else if len > 0 {
        let lo = anchor.start.saturating_sub(300);
        let hi = (anchor.end + 300).min(text.len());
        (lo..hi.saturating_sub(len.saturating_sub(1)))
            .filter(|&p| text.raw_equals(p, &mention))
            .min_by_key(|p| p.abs_diff(same))
    } else {
        None
    };
    let (s, e) = found.map_or((anchor.start, anchor.start), |p| (p, p + len));
    moved.start = s;
    moved.end = e;
    Some(moved)
}

/// Dismissed suggestions move with their text when it is found exactly; the others
/// are forgotten.
fn move_dismissed(
    text: &Text,
    old_raw: &[char],
    dismissed: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut shift = 0i64;
    for &(s, e) in dismissed {
        let Some(exact) = old_raw.get(s..e) else {
            continue;
        };
        let collect = |a: usize, b: usize| -> String {
            old_raw.get(a..b).unwrap_or_default().iter().collect()
        };
        let old = Anchor {
            start: s,
            end: e,
            exact: exact.iter().collect(),
            prefix: collect(s.saturating_sub(CONTEXT_CHARS), s),
            suffix: collect(e, (e + CONTEXT_CHARS).min(old_raw.len())),
        };
        let expected = clamp_shift(s, shift, text.len());
        let (anchor, found) = place(text, &old, expected);
        if matches!(found, Found::Kept | Found::Moved) {
            shift = anchor.start as i64 - s as i64;
            out.push((anchor.start, anchor.end));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests;
