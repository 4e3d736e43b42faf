//! What changed between two versions of a session, in words: claims added, removed
//! and re-worded, verdicts from → to, sources, notes and article edits. Claims are
//! matched by id, so a renumbered or moved claim is one claim that changed.
//!
//! `claimdesk diff A B` prints it, and git's diff driver (`claimdesk git-setup`)
//! uses it, so `git diff` on a session reads as a change log of the fact-check.

use crate::model::{Claim, ClaimId, Session, Source};
use std::collections::HashMap;
use std::fmt;

/// The changes from one version of a session to another, in reading order: the
/// article and scheme first, then claim by claim in the order of their numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SessionDiff {
    /// Every change found.
    pub changes: Vec<Change>,
}

impl SessionDiff {
    /// Whether the two versions mean the same.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// One change, with what a person needs to read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The headline changed.
    Title {
        /// Before.
        from: String,
        /// After.
        to: String,
    },
    /// The article text changed: the changed lines (paragraphs), old then new.
    ArticleText {
        /// Lines removed or replaced.
        removed: Vec<String>,
        /// Lines added or replacing them.
        added: Vec<String>,
    },
    /// The rating scheme changed (by name).
    Scheme {
        /// Before.
        from: String,
        /// After.
        to: String,
    },
    /// A claim was added.
    ClaimAdded {
        /// Its number.
        number: u64,
        /// Its wording.
        text: String,
        /// Its verdict's name.
        verdict: String,
    },
    /// A claim was removed.
    ClaimRemoved {
        /// Its number.
        number: u64,
        /// Its wording.
        text: String,
    },
    /// A claim was given another number (by a merge).
    Renumbered {
        /// Before.
        from: u64,
        /// After.
        to: u64,
    },
    /// A text field of a claim changed (wording, claimant, note, review URL, claim date).
    Field {
        /// The claim's number.
        number: u64,
        /// The field's name as people read it.
        field: &'static str,
        /// Before.
        from: String,
        /// After.
        to: String,
    },
    /// A verdict changed.
    Verdict {
        /// The claim's number.
        number: u64,
        /// The old verdict's name.
        from: String,
        /// The new verdict's name.
        to: String,
        /// Who set it, when known.
        by: String,
        /// When, when known.
        date: String,
    },
    /// A source was added.
    SourceAdded {
        /// The claim's number.
        number: u64,
        /// The source, as a report names it.
        source: String,
    },
    /// A source was removed.
    SourceRemoved {
        /// The claim's number.
        number: u64,
        /// The source, as a report names it.
        source: String,
    },
    /// A source's fields changed.
    SourceChanged {
        /// The claim's number.
        number: u64,
        /// The source, as a report names it.
        source: String,
    },
    /// A claim sits elsewhere in the article, or its "needs review" flag changed.
    Place {
        /// The claim's number.
        number: u64,
        /// Whether it needs review now.
        needs_review: bool,
    },
    /// The number of unresolved merge conflicts changed.
    Conflicts {
        /// Before.
        from: usize,
        /// After.
        to: usize,
    },
    /// Suggestions were dismissed or shown again.
    Dismissed {
        /// How many more are dismissed.
        added: usize,
        /// How many are shown again.
        removed: usize,
    },
}

/// What changed from `a` to `b`.
pub fn diff(a: &Session, b: &Session) -> SessionDiff {
    let mut changes = Vec::new();
    if a.article.title != b.article.title {
        changes.push(Change::Title {
            from: a.article.title.clone(),
            to: b.article.title.clone(),
        });
    }
    if a.article.text != b.article.text {
        changes.extend(text_changes(&a.article.text, &b.article.text));
    }
    if a.scheme != b.scheme {
        changes.push(Change::Scheme {
            from: a.scheme.name.clone(),
            to: b.scheme.name.clone(),
        });
    }
    let old: HashMap<ClaimId, &Claim> = a.claims.iter().map(|c| (c.id, c)).collect();
    let new: HashMap<ClaimId, &Claim> = b.claims.iter().map(|c| (c.id, c)).collect();
    let mut order: Vec<(u64, ClaimId)> = b
        .claims
        .iter()
        .map(|c| (c.number, c.id))
        .chain(
            a.claims
                .iter()
                .filter(|c| !new.contains_key(&c.id))
                .map(|c| (c.number, c.id)),
        )
        .collect();
    order.sort_unstable();
    for (_, id) in order {
        match (old.get(&id), new.get(&id)) {
            (None, Some(c)) => changes.push(Change::ClaimAdded {
                number: c.number,
                text: c.text.clone(),
                verdict: b.scheme.name_of(&c.status).to_owned(),
            }),
            (Some(c), None) => changes.push(Change::ClaimRemoved {
                number: c.number,
                text: c.text.clone(),
            }),
            (Some(x), Some(y)) => claim_changes(a, b, x, y, &mut changes),
            (None, None) => {}
        }
    }
    let added = b
        .dismissed_suggestions
        .iter()
        .filter(|r| !a.dismissed_suggestions.contains(r))
        .count();
    let removed = a
        .dismissed_suggestions
        .iter()
        .filter(|r| !b.dismissed_suggestions.contains(r))
        .count();
    if (added, removed) != (0, 0) && a.article.text == b.article.text {
        changes.push(Change::Dismissed { added, removed });
    }
    if a.conflicts.len() != b.conflicts.len() {
        changes.push(Change::Conflicts {
            from: a.conflicts.len(),
            to: b.conflicts.len(),
        });
    }
    SessionDiff { changes }
}

fn claim_changes(a: &Session, b: &Session, x: &Claim, y: &Claim, out: &mut Vec<Change>) {
    let number = y.number;
    if x.number != y.number {
        out.push(Change::Renumbered {
            from: x.number,
            to: y.number,
        });
    }
    let fields: [(&'static str, &String, &String); 5] = [
        ("re-worded", &x.text, &y.text),
        ("claimant", &x.claimant, &y.claimant),
        ("note", &x.note, &y.note),
        ("review URL", &x.review_url, &y.review_url),
        ("claim date", &x.claim_date, &y.claim_date),
    ];
    for (field, from, to) in fields {
        if from != to {
            out.push(Change::Field {
                number,
                field,
                from: from.clone(),
                to: to.clone(),
            });
        }
    }
    if x.status != y.status {
        out.push(Change::Verdict {
            number,
            from: a.scheme.name_of(&x.status).to_owned(),
            to: b.scheme.name_of(&y.status).to_owned(),
            by: y.verdict_by.clone(),
            date: y.verdict_date.clone(),
        });
    }
    let find = |list: &[Source], s: &Source| list.iter().find(|o| o.id == s.id).cloned();
    for s in &y.sources {
        match find(&x.sources, s) {
            None => out.push(Change::SourceAdded {
                number,
                source: source_name(s),
            }),
            Some(old) if old != *s => out.push(Change::SourceChanged {
                number,
                source: source_name(s),
            }),
            Some(_) => {}
        }
    }
    for s in &x.sources {
        if find(&y.sources, s).is_none() {
            out.push(Change::SourceRemoved {
                number,
                source: source_name(s),
            });
        }
    }
    // Moving with the text when the article changed is not news; a claim moved by
    // hand, or one that now needs review, is.
    let moved = a.article.text == b.article.text && x.anchor != y.anchor;
    if moved || x.needs_review != y.needs_review {
        out.push(Change::Place {
            number,
            needs_review: y.needs_review,
        });
    }
}

fn source_name(s: &Source) -> String {
    let name = s.display_name();
    let url = s.url.trim();
    let mut out = if url.is_empty() || name == url {
        name.to_owned()
    } else {
        format!("{name} <{url}>")
    };
    out.push_str(&format!(" ({})", s.stance.as_str()));
    out
}

/// The changed lines of the article text (it is stored and compared as lines).
fn text_changes(a: &str, b: &str) -> Vec<Change> {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::configure()
        .timeout(std::time::Duration::from_secs(2))
        .diff_lines(a, b);
    let mut out = Vec::new();
    for group in diff.grouped_ops(0) {
        let (mut removed, mut added) = (Vec::new(), Vec::new());
        for op in group {
            for change in diff.iter_changes(&op) {
                let line = change.value().trim_end_matches('\n').to_owned();
                match change.tag() {
                    ChangeTag::Delete => removed.push(line),
                    ChangeTag::Insert => added.push(line),
                    ChangeTag::Equal => {}
                }
            }
        }
        if !removed.is_empty() || !added.is_empty() {
            out.push(Change::ArticleText { removed, added });
        }
    }
    out
}

/// Quotes a value for one line of output: line breaks shown as ⏎, long values cut.
fn quoted(s: &str) -> String {
    const MAX: usize = 160;
    let one_line = s.replace('\n', " ⏎ ");
    let mut out: String = one_line.chars().take(MAX).collect();
    if one_line.chars().count() > MAX {
        out.push('…');
    }
    format!("\"{out}\"")
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Title { from, to } => {
                write!(f, "Title: {} → {}", quoted(from), quoted(to))
            }
            Change::ArticleText { removed, added } => {
                write!(f, "Article text changed:")?;
                for line in removed {
                    write!(f, "\n  - {line}")?;
                }
                for line in added {
                    write!(f, "\n  + {line}")?;
                }
                Ok(())
            }
            Change::Scheme { from, to } => write!(f, "Rating scheme: {from} → {to}"),
            Change::ClaimAdded {
                number,
                text,
                verdict,
            } => write!(f, "Claim #{number} added ({verdict}): {}", quoted(text)),
            Change::ClaimRemoved { number, text } => {
                write!(f, "Claim #{number} removed: {}", quoted(text))
            }
            Change::Renumbered { from, to } => write!(f, "Claim #{from} is now claim #{to}"),
            Change::Field {
                number,
                field,
                from,
                to,
            } => write!(
                f,
                "Claim #{number} {field}: {} → {}",
                quoted(from),
                quoted(to)
            ),
            Change::Verdict {
                number,
                from,
                to,
                by,
                date,
            } => {
                write!(f, "Claim #{number} verdict: {from} → {to}")?;
                match (by.trim(), date.trim()) {
                    ("", "") => Ok(()),
                    (by, "") => write!(f, " (by {by})"),
                    ("", date) => write!(f, " ({date})"),
                    (by, date) => write!(f, " (by {by}, {date})"),
                }
            }
            Change::SourceAdded { number, source } => {
                write!(f, "Claim #{number} source added: {source}")
            }
            Change::SourceRemoved { number, source } => {
                write!(f, "Claim #{number} source removed: {source}")
            }
            Change::SourceChanged { number, source } => {
                write!(f, "Claim #{number} source changed: {source}")
            }
            Change::Place {
                number,
                needs_review: true,
            } => write!(f, "Claim #{number} needs review (its place in the article)"),
            Change::Place { number, .. } => write!(f, "Claim #{number} moved in the article"),
            Change::Conflicts { from, to } => {
                write!(f, "Merge conflicts to resolve: {from} → {to}")
            }
            Change::Dismissed { added, removed } => {
                write!(f, "Suggestions: {added} dismissed, {removed} shown again")
            }
        }
    }
}

impl fmt::Display for SessionDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for change in &self.changes {
            writeln!(f, "{change}")?;
        }
        Ok(())
    }
}
