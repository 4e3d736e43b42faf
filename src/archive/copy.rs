//! Taking over an earlier check: its verdict, sources and note copied into a claim of the
//! current session as one undoable command.
//!
//! The verdict is carried into the session's rating scheme the way a scheme switch
//! proposes it ([`crate::model::propose_mapping`]): the same label id, else the same
//! name, else the nearest numeric rating. A verdict with no counterpart is not guessed:
//! the claim keeps its own and the plan says why. Sources the claim already has (same
//! URL) are not added twice; the earlier note is added below the claim's own note.

use super::record::ArchivedClaim;
use crate::command::Command;
use crate::model::{
    ClaimId, LabelId, RatingLabel, RatingScheme, Session, SourceDraft, propose_mapping,
};

/// What copying an earlier check into a claim will do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopyPlan {
    /// One [`Command::Batch`] (of `SetStatus`, `AddSource`, `SetNote`) to apply through
    /// the document's history, so that one undo takes it all back.
    pub command: Command,
    /// The verdict the claim gets, if it changes.
    pub verdict: Option<LabelId>,
    /// Why the earlier verdict was not carried over, if it was not.
    pub verdict_skipped: Option<String>,
    /// How many sources are added.
    pub sources_added: usize,
    /// Whether the note changes.
    pub note_added: bool,
}

/// Why there is nothing to copy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CopyError {
    /// The claim is not in the session.
    #[error("there is no claim #{0} in this session")]
    UnknownClaim(ClaimId),
    /// The claim already has everything the earlier check has.
    #[error("the claim already has this check's verdict, sources and note{}", reason_words(.0))]
    NothingToCopy(Option<String>),
}

fn reason_words(reason: &Option<String>) -> String {
    reason
        .as_ref()
        .map(|r| format!(" ({r})"))
        .unwrap_or_default()
}

/// The label an earlier verdict maps to in `scheme`, or why none does.
pub fn map_verdict(earlier: &ArchivedClaim, scheme: &RatingScheme) -> Result<LabelId, String> {
    let v = &earlier.verdict;
    if !v.reviewed {
        return Err("the earlier claim was never given a verdict".to_owned());
    }
    // A scheme of one label (plus a placeholder for "not yet reviewed"), so the
    // mapping rules of a scheme switch apply unchanged.
    const PLACEHOLDER: &str = "\u{0}unreviewed";
    let label = RatingLabel {
        id: v.label_id.clone().unwrap_or_default(),
        name: v.name.clone(),
        colour: "#808080".to_owned(),
        description: String::new(),
        rating: v.rating,
    };
    let from = RatingScheme {
        id: "archive".to_owned(),
        name: "archive".to_owned(),
        unreviewed: PLACEHOLDER.to_owned(),
        labels: vec![
            RatingLabel {
                id: PLACEHOLDER.to_owned(),
                name: PLACEHOLDER.to_owned(),
                colour: "#808080".to_owned(),
                description: String::new(),
                rating: None,
            },
            label,
        ],
    };
    let mapping = propose_mapping(&from, scheme);
    match mapping.get(1).map(|(_, to)| to.clone()) {
        Some(to) if to != scheme.unreviewed => Ok(to),
        _ => Err(format!(
            "\"{}\" has no counterpart in the scheme \"{}\"",
            v.name, scheme.name
        )),
    }
}

/// Plans copying `earlier` into claim `claim` of `session`. A copied verdict is
/// recorded as set by `by` (the reviewer copying it) on `date` (YYYY-MM-DD): they
/// made the decision to adopt it.
pub fn copy_check(
    session: &Session,
    claim: ClaimId,
    earlier: &ArchivedClaim,
    by: &str,
    date: &str,
) -> Result<CopyPlan, CopyError> {
    let current = session.claim(claim).ok_or(CopyError::UnknownClaim(claim))?;
    let mut commands = Vec::new();

    let (verdict, verdict_skipped) = match map_verdict(earlier, &session.scheme) {
        Ok(label) if label == current.status => (None, None),
        Ok(label) => {
            commands.push(Command::SetStatus {
                claim,
                status: label.clone(),
                by: by.to_owned(),
                date: date.to_owned(),
            });
            (Some(label), None)
        }
        Err(why) => (None, Some(why)),
    };

    let mut sources_added = 0;
    let mut seen: Vec<String> = current
        .sources
        .iter()
        .map(|s| s.url.trim().to_owned())
        .filter(|u| !u.is_empty())
        .collect();
    for s in &earlier.sources {
        let url = s.url.trim();
        let repeat = if url.is_empty() {
            current
                .sources
                .iter()
                .any(|c| c.title == s.title && c.quote == s.quote)
        } else {
            seen.iter().any(|u| u == url)
        };
        if repeat || (url.is_empty() && s.title.trim().is_empty() && s.quote.trim().is_empty()) {
            continue;
        }
        if !url.is_empty() {
            seen.push(url.to_owned());
        }
        commands.push(Command::AddSource {
            claim,
            draft: SourceDraft {
                url: s.url.clone(),
                title: s.title.clone(),
                quote: s.quote.clone(),
                stance: s.stance,
                accessed: s.accessed.clone(),
            },
        });
        sources_added += 1;
    }

    let earlier_note = earlier.note.trim();
    let own = current.note.trim_end();
    let note_added = !earlier_note.is_empty() && !own.contains(earlier_note);
    if note_added {
        let note = if own.is_empty() {
            earlier_note.to_owned()
        } else {
            format!("{own}\n\n{earlier_note}")
        };
        commands.push(Command::SetNote { claim, note });
    }

    if commands.is_empty() {
        return Err(CopyError::NothingToCopy(verdict_skipped));
    }
    Ok(CopyPlan {
        command: Command::Batch(commands),
        verdict,
        verdict_skipped,
        sources_added,
        note_added,
    })
}
