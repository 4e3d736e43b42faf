//! Merging what the whole session shares: the rating scheme, the article (its text
//! and its details) and the dismissed suggestions.

use super::three_way::{Merged, merge_sets, merge3};
use super::{MergeLabels, conflict};
use crate::model::{
    Article, Conflict, ConflictSubject, ConflictValue, LabelId, RatingScheme, Session,
    propose_mapping,
};
use crate::reanchor::reanchor;

/// The merged article and where each side's text stands relative to it.
pub(super) struct MergedArticle {
    /// The article the merged session has.
    pub article: Article,
    /// Whether the base's text is the merged text.
    pub base_in_text: bool,
    /// Whether our text is the merged text (our anchors can be used as they are).
    pub ours_in_text: bool,
    /// Whether their text is the merged text.
    pub theirs_in_text: bool,
    /// The merged dismissed suggestions, as ranges of the merged text.
    pub dismissed_suggestions: Vec<(usize, usize)>,
}

/// Picks the merged rating scheme and returns the three sessions with every verdict
/// expressed in it (a side that kept the old scheme has its verdicts carried over
/// as the scheme-switch dialog proposes).
pub(super) fn merge_schemes(
    base: &Session,
    ours: &Session,
    theirs: &Session,
    labels: &MergeLabels,
    conflicts: &mut Vec<Conflict>,
) -> (RatingScheme, [Session; 3]) {
    let scheme = match merge3(&base.scheme, &ours.scheme, &theirs.scheme) {
        Merged::Same(s) | Merged::Ours(s) | Merged::Theirs(s) => s,
        Merged::Conflict { ours: o, theirs: t } => {
            conflicts.push(conflict(
                ConflictSubject::Scheme,
                ConflictValue::Scheme(Box::new(base.scheme.clone())),
                (ConflictValue::Scheme(Box::new(o)), "", ""),
                (ConflictValue::Scheme(Box::new(t)), "", ""),
                labels,
            ));
            base.scheme.clone()
        }
    };
    let sides = [base, ours, theirs].map(|s| in_scheme(s, &scheme));
    (scheme, sides)
}

/// A copy of `session` whose verdicts are labels of `scheme`.
fn in_scheme(session: &Session, scheme: &RatingScheme) -> Session {
    let mut out = session.clone();
    if session.scheme == *scheme {
        return out;
    }
    let mapping: Vec<(LabelId, LabelId)> = propose_mapping(&session.scheme, scheme);
    for claim in &mut out.claims {
        claim.status = mapping
            .iter()
            .find(|(from, _)| *from == claim.status)
            .map(|(_, to)| to.clone())
            .filter(|to| scheme.label(to).is_some())
            .unwrap_or_else(|| scheme.unreviewed.clone());
    }
    out.scheme = scheme.clone();
    out
}

/// The article's details (its title and metadata), for comparing. The origin (which
/// file or page, its checksum, its PDF pages) belongs to the text: a corrected text
/// brings its own.
fn details(article: &Article) -> Article {
    let mut d = article.with_text(String::new());
    d.origin = crate::model::ArticleOrigin::default();
    d
}

/// The article's text with the origin it came from.
fn version(article: &Article) -> (String, crate::model::ArticleOrigin) {
    (article.text.clone(), article.origin.clone())
}

/// Merges the article text and details, and the dismissed suggestions.
pub(super) fn merge_article(
    base: &Session,
    ours: &Session,
    theirs: &Session,
    labels: &MergeLabels,
    conflicts: &mut Vec<Conflict>,
) -> MergedArticle {
    let (b, o, t) = (&base.article, &ours.article, &theirs.article);
    let (text, origin) = match merge3(&version(b), &version(o), &version(t)) {
        Merged::Same(v) | Merged::Ours(v) | Merged::Theirs(v) => v,
        // The same text from two imports (another path or copy): ours.
        Merged::Conflict { ours, .. } if o.text == t.text => ours,
        Merged::Conflict { .. } => {
            conflicts.push(conflict(
                ConflictSubject::ArticleText,
                ConflictValue::Article(Box::new(b.clone())),
                (ConflictValue::Article(Box::new(o.clone())), "", ""),
                (ConflictValue::Article(Box::new(t.clone())), "", ""),
                labels,
            ));
            version(b)
        }
    };
    let (bd, od, td) = (details(b), details(o), details(t));
    let details = match merge3(&bd, &od, &td) {
        Merged::Same(d) | Merged::Ours(d) | Merged::Theirs(d) => d,
        Merged::Conflict {
            ours: od,
            theirs: td,
        } => {
            conflicts.push(conflict(
                ConflictSubject::ArticleDetails,
                ConflictValue::Article(Box::new(bd.clone())),
                (ConflictValue::Article(Box::new(od)), "", ""),
                (ConflictValue::Article(Box::new(td)), "", ""),
                labels,
            ));
            bd
        }
    };
    let mut article = details.with_text(text);
    article.origin = origin;
    let dismissed = [base, ours, theirs].map(|s| dismissed_in(s, &article));
    let dismissed_suggestions =
        if ours.dismissed_suggestions == theirs.dismissed_suggestions && o.text == t.text {
            ours.dismissed_suggestions.clone()
        } else {
            merge_sets(&dismissed[0], &dismissed[1], &dismissed[2])
        };
    MergedArticle {
        base_in_text: b.text == article.text,
        ours_in_text: o.text == article.text,
        theirs_in_text: t.text == article.text,
        article,
        dismissed_suggestions,
    }
}

/// A side's dismissed suggestions as ranges of `article`'s text (re-anchored when
/// that side has another text; ones not found again are forgotten, as when the app
/// updates an article: they only hide suggestions).
fn dismissed_in(session: &Session, article: &Article) -> Vec<(usize, usize)> {
    if session.article.text == article.text || session.dismissed_suggestions.is_empty() {
        return session.dismissed_suggestions.clone();
    }
    let mut only_dismissed = Session::with_scheme(session.article.clone(), session.scheme.clone());
    only_dismissed.dismissed_suggestions = session.dismissed_suggestions.clone();
    reanchor(&only_dismissed, article.clone()).dismissed_suggestions
}
