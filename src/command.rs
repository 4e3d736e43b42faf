//! Every change to a session is a [`Command`], applied in one place.
//!
//! The UI and the CLI never mutate a [`Session`] directly: they build commands and
//! hand them to [`apply`] (usually through [`crate::history::History`], which keeps
//! the inverse of each for undo). Every command's inverse is itself a command.

use crate::model::{
    Anchor, AnchorError, Article, Attribution, Claim, ClaimField, ClaimId, Conflict,
    ConflictSubject, ConflictValue, LabelId, RatingScheme, Resolution, SchemeError, Session,
    Source, SourceDraft, SourceId, text::char_len,
};

/// One change to a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Make a claim of the article characters `start..end`.
    AddClaim {
        /// First character.
        start: usize,
        /// One past the last character.
        end: usize,
        /// Who made it, if known.
        claimant: String,
        /// How the claimant was found, if a suggestion detected it.
        attribution: Option<Attribution>,
    },
    /// Put back a whole claim (undo of a deletion).
    RestoreClaim(Box<Claim>),
    /// Remove a claim with its sources and note.
    DeleteClaim(ClaimId),
    /// Set a claim's verdict, recording who set it and when. Setting the verdict a
    /// claim already has changes nothing (not even who and when), so files only change
    /// when a verdict does. Commands never read clocks: the caller gives the date.
    SetStatus {
        /// The claim.
        claim: ClaimId,
        /// The new label id.
        status: LabelId,
        /// Who sets it (the reviewer's name; may be empty).
        by: String,
        /// When, `YYYY-MM-DD` (may be empty).
        date: String,
    },
    /// Put a verdict back exactly, with who set it and when, even when only those
    /// differ (the undo of [`Command::SetStatus`], and settling a verdict conflict).
    RestoreVerdict {
        /// The claim.
        claim: ClaimId,
        /// The label id.
        status: LabelId,
        /// Who set it.
        by: String,
        /// When, `YYYY-MM-DD`.
        date: String,
    },
    /// Change the page where the claim's fact check is published.
    SetReviewUrl {
        /// The claim.
        claim: ClaimId,
        /// The URL (empty: use the export's pattern).
        url: String,
    },
    /// Change when the claim was made.
    SetClaimDate {
        /// The claim.
        claim: ClaimId,
        /// `YYYY-MM-DD`, or empty.
        date: String,
    },
    /// Change a claim's published wording.
    SetText {
        /// The claim.
        claim: ClaimId,
        /// The new wording.
        text: String,
    },
    /// Change who made the claim.
    SetClaimant {
        /// The claim.
        claim: ClaimId,
        /// The claimant.
        claimant: String,
    },
    /// Change the claim's note.
    SetNote {
        /// The claim.
        claim: ClaimId,
        /// The note.
        note: String,
    },
    /// Add a source to a claim.
    AddSource {
        /// The claim.
        claim: ClaimId,
        /// The source's fields.
        draft: SourceDraft,
    },
    /// Replace a source's fields (same id).
    UpdateSource {
        /// The claim.
        claim: ClaimId,
        /// The source with its new fields.
        source: Source,
    },
    /// Remove a source.
    RemoveSource {
        /// The claim.
        claim: ClaimId,
        /// The source.
        source: SourceId,
    },
    /// Put a removed source back at its old position (undo of a removal).
    RestoreSource {
        /// The claim.
        claim: ClaimId,
        /// Position in the claim's source list.
        index: usize,
        /// The source.
        source: Source,
    },
    /// Hide a suggested sentence for good.
    DismissSuggestion {
        /// First character.
        start: usize,
        /// One past the last character.
        end: usize,
    },
    /// Show a dismissed suggestion again.
    UndismissSuggestion {
        /// First character.
        start: usize,
        /// One past the last character.
        end: usize,
    },
    /// Move the session to another rating scheme, carrying verdicts over by `mapping`.
    ///
    /// `mapping` pairs a label id of the current scheme with a label id of the new one
    /// (see [`crate::model::propose_mapping`]); every label a claim uses must be mapped.
    /// Its inverse is a [`Command::RestoreScheme`] with the old scheme and every claim's
    /// old status, because a mapping may merge labels and cannot be reversed by itself.
    SwitchScheme {
        /// The new scheme.
        scheme: RatingScheme,
        /// Old label id to new label id.
        mapping: Vec<(LabelId, LabelId)>,
    },
    /// Put a scheme and each claim's status back exactly (the undo of a switch).
    RestoreScheme {
        /// The scheme.
        scheme: RatingScheme,
        /// Each claim's status under that scheme.
        statuses: Vec<(ClaimId, LabelId)>,
    },
    /// Several commands applied and undone as one step.
    Batch(Vec<Command>),
    /// Re-attach a claim to the article characters `start..end` (the user selected
    /// where a "needs review" claim now is). Clears "needs review".
    ReattachClaim {
        /// The claim.
        claim: ClaimId,
        /// First character.
        start: usize,
        /// One past the last character.
        end: usize,
    },
    /// Put back a claim's anchor and review flag (undo of a re-attachment).
    SetAnchor {
        /// The claim.
        claim: ClaimId,
        /// The anchor (must lie inside the article).
        anchor: Anchor,
        /// The review flag.
        needs_review: bool,
    },
    /// Replace the article text and move every claim to its new anchor (made by
    /// [`crate::reanchor::reanchor`]). Its inverse puts the old article and anchors back.
    ReplaceArticle {
        /// The new article.
        article: Box<Article>,
        /// Exactly one placement per claim of the session.
        claims: Vec<ClaimPlacement>,
        /// The dismissed suggestions, as ranges of the new text.
        dismissed_suggestions: Vec<(usize, usize)>,
    },
    /// Settle a merge conflict: put the chosen value in place and forget the conflict.
    /// Its inverse puts the old value and the conflict back.
    ResolveConflict {
        /// The conflict's subject.
        about: ConflictSubject,
        /// Which value to keep.
        resolution: Resolution,
    },
    /// Put a conflict back at its position in the list (undo of a resolution).
    RestoreConflict {
        /// Position in [`Session::conflicts`].
        index: usize,
        /// The conflict.
        conflict: Box<Conflict>,
    },
    /// Forget a conflict without changing anything else (undo of a restore).
    DropConflict(ConflictSubject),
}

/// Where a claim goes when the article text is replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimPlacement {
    /// The claim.
    pub claim: ClaimId,
    /// Its anchor in the new text (non-empty, inside the text).
    pub anchor: Anchor,
    /// Its attribution, with offsets in the new text.
    pub attribution: Option<Attribution>,
    /// Whether the user must check where the claim now sits.
    pub needs_review: bool,
}

/// Why a command could not be applied. The session is unchanged when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    /// No claim has this id (it was deleted).
    #[error("the claim no longer exists (it may have been deleted)")]
    UnknownClaim(ClaimId),
    /// No source has this id on the claim.
    #[error("the source no longer exists on that claim")]
    UnknownSource {
        /// The claim.
        claim: ClaimId,
        /// The source.
        source_id: SourceId,
    },
    /// The label is not in the session's scheme.
    #[error("\"{0}\" is not a verdict in this session's rating scheme")]
    UnknownStatus(String),
    /// The selection cannot be anchored.
    #[error("cannot make a claim here: {0}")]
    Anchor(#[from] AnchorError),
    /// A batch of changes failed part-way, and undoing its first part failed too.
    #[error(
        "the change could not be made ({change}), and undoing its first part failed ({rollback}); save a copy under a new name and reopen it"
    )]
    RollbackFailed {
        /// Why the batch failed.
        change: Box<CommandError>,
        /// Why undoing its first part failed.
        rollback: Box<CommandError>,
    },
    /// A claim with this id already exists.
    #[error("the claim is already there")]
    DuplicateClaim(ClaimId),
    /// A replacement article does not place every claim exactly once.
    #[error("the new article text does not give every claim exactly one place")]
    Unplaced(ClaimId),
    /// No conflict is about this subject (it was resolved already).
    #[error("that conflict was already resolved")]
    UnknownConflict(ConflictSubject),
    /// The value given to settle a conflict is not the kind the conflict is about.
    #[error("that value does not fit the conflict it should settle")]
    ConflictValueMismatch,
    /// The scheme to switch to is broken.
    #[error("the rating scheme \"{id}\" cannot be used: {source}")]
    InvalidScheme {
        /// The scheme's id.
        id: String,
        /// What is wrong with it.
        source: SchemeError,
    },
    /// A verdict in use has no counterpart in the new scheme.
    #[error(
        "the verdict \"{0}\" is used by a claim but the scheme switch does not say what it becomes"
    )]
    UnmappedStatus(LabelId),
}

/// What applying a command did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The command that undoes this one.
    pub inverse: Command,
    /// The claim the command created or changed, if one (the UI selects it).
    pub claim: Option<ClaimId>,
}

/// Applies `command` to `session`. On error the session is left unchanged.
pub fn apply(session: &mut Session, command: Command) -> Result<Applied, CommandError> {
    match command {
        Command::AddClaim {
            start,
            end,
            claimant,
            attribution,
        } => {
            let anchor = Anchor::in_article(&session.article, start, end)?;
            let id = session.allocate_claim_id();
            let mut claim = Claim::new(id, anchor, session.scheme.unreviewed.clone());
            claim.number = session.allocate_claim_number();
            claim.claimant = claimant;
            claim.attribution = attribution;
            session.insert_claim(claim);
            Ok(changed(Command::DeleteClaim(id), id))
        }
        Command::RestoreClaim(claim) => {
            let id = claim.id;
            if session.claim(id).is_some() {
                return Err(CommandError::DuplicateClaim(id));
            }
            session.next_claim_number = session
                .next_claim_number
                .max(claim.number.saturating_add(1));
            session.insert_claim(*claim);
            Ok(changed(Command::DeleteClaim(id), id))
        }
        Command::DeleteClaim(id) => {
            let idx = session
                .claim_index(id)
                .ok_or(CommandError::UnknownClaim(id))?;
            let claim = session.claims.remove(idx);
            Ok(Applied {
                inverse: Command::RestoreClaim(Box::new(claim)),
                claim: None,
            })
        }
        Command::SetStatus {
            claim,
            status,
            by,
            date,
        } => {
            if session.scheme.label(&status).is_none() {
                return Err(CommandError::UnknownStatus(status));
            }
            let c = claim_mut(session, claim)?;
            if c.status == status {
                return Ok(changed(restore_verdict(c), claim));
            }
            let inverse = restore_verdict(c);
            c.status = status;
            c.verdict_by = by;
            c.verdict_date = date;
            Ok(changed(inverse, claim))
        }
        Command::RestoreVerdict {
            claim,
            status,
            by,
            date,
        } => {
            if session.scheme.label(&status).is_none() {
                return Err(CommandError::UnknownStatus(status));
            }
            let c = claim_mut(session, claim)?;
            let inverse = restore_verdict(c);
            c.status = status;
            c.verdict_by = by;
            c.verdict_date = date;
            Ok(changed(inverse, claim))
        }
        Command::SetReviewUrl { claim, url } => {
            let c = claim_mut(session, claim)?;
            let old = std::mem::replace(&mut c.review_url, url);
            Ok(changed(Command::SetReviewUrl { claim, url: old }, claim))
        }
        Command::SetClaimDate { claim, date } => {
            let c = claim_mut(session, claim)?;
            let old = std::mem::replace(&mut c.claim_date, date);
            Ok(changed(Command::SetClaimDate { claim, date: old }, claim))
        }
        Command::SetText { claim, text } => {
            let c = claim_mut(session, claim)?;
            let old = std::mem::replace(&mut c.text, text);
            Ok(changed(Command::SetText { claim, text: old }, claim))
        }
        Command::SetClaimant { claim, claimant } => {
            let c = claim_mut(session, claim)?;
            let old = std::mem::replace(&mut c.claimant, claimant);
            Ok(changed(
                Command::SetClaimant {
                    claim,
                    claimant: old,
                },
                claim,
            ))
        }
        Command::SetNote { claim, note } => {
            let c = claim_mut(session, claim)?;
            let old = std::mem::replace(&mut c.note, note);
            Ok(changed(Command::SetNote { claim, note: old }, claim))
        }
        Command::AddSource { claim, draft } => {
            claim_mut(session, claim)?;
            let id = session.allocate_source_id();
            claim_mut(session, claim)?
                .sources
                .push(draft.into_source(id));
            Ok(changed(Command::RemoveSource { claim, source: id }, claim))
        }
        Command::UpdateSource { claim, source } => {
            let c = claim_mut(session, claim)?;
            let slot = c.sources.iter_mut().find(|s| s.id == source.id).ok_or(
                CommandError::UnknownSource {
                    claim,
                    source_id: source.id,
                },
            )?;
            let old = std::mem::replace(slot, source);
            Ok(changed(Command::UpdateSource { claim, source: old }, claim))
        }
        Command::RemoveSource { claim, source } => {
            let c = claim_mut(session, claim)?;
            let index = c.sources.iter().position(|s| s.id == source).ok_or(
                CommandError::UnknownSource {
                    claim,
                    source_id: source,
                },
            )?;
            let removed = c.sources.remove(index);
            Ok(changed(
                Command::RestoreSource {
                    claim,
                    index,
                    source: removed,
                },
                claim,
            ))
        }
        Command::RestoreSource {
            claim,
            index,
            source,
        } => {
            let c = claim_mut(session, claim)?;
            let id = source.id;
            c.sources.insert(index.min(c.sources.len()), source);
            Ok(changed(Command::RemoveSource { claim, source: id }, claim))
        }
        Command::DismissSuggestion { start, end } => {
            if !session.dismissed_suggestions.contains(&(start, end)) {
                session.dismissed_suggestions.push((start, end));
                session.dismissed_suggestions.sort_unstable();
            }
            Ok(Applied {
                inverse: Command::UndismissSuggestion { start, end },
                claim: None,
            })
        }
        Command::UndismissSuggestion { start, end } => {
            session.dismissed_suggestions.retain(|&s| s != (start, end));
            Ok(Applied {
                inverse: Command::DismissSuggestion { start, end },
                claim: None,
            })
        }
        Command::SwitchScheme { scheme, mapping } => switch_scheme(session, scheme, &mapping),
        Command::RestoreScheme { scheme, statuses } => restore_scheme(session, scheme, statuses),
        Command::Batch(commands) => apply_batch(session, commands),
        Command::ReattachClaim { claim, start, end } => {
            let anchor = Anchor::in_article(&session.article, start, end)?;
            set_anchor(session, claim, anchor, false)
        }
        Command::SetAnchor {
            claim,
            anchor,
            needs_review,
        } => {
            let len = session.article.char_len();
            if anchor.end > len || anchor.start >= anchor.end {
                return Err(AnchorError::OutOfRange {
                    start: anchor.start,
                    end: anchor.end,
                    len,
                }
                .into());
            }
            set_anchor(session, claim, anchor, needs_review)
        }
        Command::ReplaceArticle {
            article,
            claims,
            dismissed_suggestions,
        } => replace_article(session, *article, claims, dismissed_suggestions),
        Command::ResolveConflict { about, resolution } => {
            resolve_conflict(session, about, resolution)
        }
        Command::RestoreConflict { index, conflict } => {
            let about = conflict.about.clone();
            if session.conflict(&about).is_none() {
                let index = index.min(session.conflicts.len());
                session.conflicts.insert(index, *conflict);
            }
            Ok(Applied {
                inverse: Command::DropConflict(about.clone()),
                claim: about.claim(),
            })
        }
        Command::DropConflict(about) => {
            let index = session
                .conflicts
                .iter()
                .position(|c| c.about == about)
                .ok_or_else(|| CommandError::UnknownConflict(about.clone()))?;
            let conflict = session.conflicts.remove(index);
            Ok(Applied {
                inverse: Command::RestoreConflict {
                    index,
                    conflict: Box::new(conflict),
                },
                claim: about.claim(),
            })
        }
    }
}

/// Puts the chosen value of a conflict in place (through the ordinary commands, so
/// undo works the same way) and forgets the conflict.
fn resolve_conflict(
    session: &mut Session,
    about: ConflictSubject,
    resolution: Resolution,
) -> Result<Applied, CommandError> {
    let conflict = session
        .conflict(&about)
        .ok_or_else(|| CommandError::UnknownConflict(about.clone()))?;
    let value = match resolution {
        Resolution::Pick(side) => conflict.value(side).clone(),
        Resolution::Value(value) => value,
    };
    let mut commands = settle(session, &about, value)?;
    commands.push(Command::DropConflict(about.clone()));
    let applied = apply_batch(session, commands)?;
    Ok(Applied {
        inverse: applied.inverse,
        claim: about.claim().filter(|id| session.claim(*id).is_some()),
    })
}

/// The commands that give the subject of a conflict the value `value`. A claim that
/// no longer exists needs nothing (unless the value brings it back).
fn settle(
    session: &Session,
    about: &ConflictSubject,
    value: ConflictValue,
) -> Result<Vec<Command>, CommandError> {
    let mismatch = || Err(CommandError::ConflictValueMismatch);
    let text_command = |claim: ClaimId, field: ClaimField, text: String| match field {
        ClaimField::Text => Some(Command::SetText { claim, text }),
        ClaimField::Claimant => Some(Command::SetClaimant {
            claim,
            claimant: text,
        }),
        ClaimField::Note => Some(Command::SetNote { claim, note: text }),
        ClaimField::ReviewUrl => Some(Command::SetReviewUrl { claim, url: text }),
        ClaimField::ClaimDate => Some(Command::SetClaimDate { claim, date: text }),
        ClaimField::Verdict | ClaimField::Place => None,
    };
    match (about, value) {
        (ConflictSubject::ClaimField { claim, .. }, _) if session.claim(*claim).is_none() => {
            Ok(Vec::new())
        }
        (ConflictSubject::ClaimField { claim, field }, ConflictValue::Text(text)) => {
            match text_command(*claim, *field, text) {
                Some(command) => Ok(vec![command]),
                None => mismatch(),
            }
        }
        (
            ConflictSubject::ClaimField {
                claim,
                field: ClaimField::Verdict,
            },
            ConflictValue::Verdict { status, by, date },
        ) => {
            // Who and when are set even when the verdict itself is the same.
            Ok(vec![Command::RestoreVerdict {
                claim: *claim,
                status,
                by,
                date,
            }])
        }
        (
            ConflictSubject::ClaimField {
                claim,
                field: ClaimField::Place,
            },
            ConflictValue::Place {
                anchor,
                needs_review,
            },
        ) => Ok(vec![Command::SetAnchor {
            claim: *claim,
            anchor,
            needs_review,
        }]),
        (ConflictSubject::ClaimDeleted { claim }, ConflictValue::Absent)
        | (ConflictSubject::Source { claim, .. }, ConflictValue::Absent)
            if session.claim(*claim).is_none() =>
        {
            Ok(Vec::new())
        }
        (ConflictSubject::ClaimDeleted { claim }, ConflictValue::Absent) => {
            Ok(vec![Command::DeleteClaim(*claim)])
        }
        (ConflictSubject::ClaimDeleted { claim }, ConflictValue::Claim(kept)) => {
            if kept.id != *claim {
                return mismatch();
            }
            let mut commands = Vec::new();
            if session.claim(*claim).is_some() {
                commands.push(Command::DeleteClaim(*claim));
            }
            commands.push(Command::RestoreClaim(kept));
            Ok(commands)
        }
        (ConflictSubject::Source { claim, source }, ConflictValue::Absent) => {
            let present = session
                .claim(*claim)
                .is_some_and(|c| c.source(*source).is_some());
            Ok(if present {
                vec![Command::RemoveSource {
                    claim: *claim,
                    source: *source,
                }]
            } else {
                Vec::new()
            })
        }
        (ConflictSubject::Source { claim, source }, ConflictValue::Source(kept)) => {
            if kept.id != *source {
                return mismatch();
            }
            let Some(c) = session.claim(*claim) else {
                return Ok(Vec::new());
            };
            Ok(vec![if c.source(*source).is_some() {
                Command::UpdateSource {
                    claim: *claim,
                    source: kept,
                }
            } else {
                Command::RestoreSource {
                    claim: *claim,
                    index: c.sources.len(),
                    source: kept,
                }
            }])
        }
        (ConflictSubject::ArticleText, ConflictValue::Article(article)) => {
            // The chosen text comes with the origin it was imported from.
            let mut new = session.article.with_text(article.text);
            new.origin = article.origin;
            Ok(vec![crate::reanchor::reanchor(session, new).into_command()])
        }
        (ConflictSubject::ArticleDetails, ConflictValue::Article(article)) => {
            // Title and metadata only: the origin stays with the current text.
            let mut new = article.with_text(session.article.text.clone());
            new.origin = session.article.origin.clone();
            Ok(vec![Command::ReplaceArticle {
                article: Box::new(new),
                claims: session
                    .claims
                    .iter()
                    .map(|c| ClaimPlacement {
                        claim: c.id,
                        anchor: c.anchor.clone(),
                        attribution: c.attribution.clone(),
                        needs_review: c.needs_review,
                    })
                    .collect(),
                dismissed_suggestions: session.dismissed_suggestions.clone(),
            }])
        }
        (ConflictSubject::Scheme, ConflictValue::Scheme(scheme)) => {
            let mapping = crate::model::propose_mapping(&session.scheme, &scheme);
            Ok(vec![Command::SwitchScheme {
                scheme: *scheme,
                mapping,
            }])
        }
        _ => mismatch(),
    }
}

fn set_anchor(
    session: &mut Session,
    claim: ClaimId,
    anchor: Anchor,
    needs_review: bool,
) -> Result<Applied, CommandError> {
    let c = claim_mut(session, claim)?;
    let old_anchor = std::mem::replace(&mut c.anchor, anchor);
    let old_review = std::mem::replace(&mut c.needs_review, needs_review);
    session.claims.sort_by_key(|c| c.order_key());
    Ok(changed(
        Command::SetAnchor {
            claim,
            anchor: old_anchor,
            needs_review: old_review,
        },
        claim,
    ))
}

fn replace_article(
    session: &mut Session,
    article: Article,
    mut claims: Vec<ClaimPlacement>,
    dismissed: Vec<(usize, usize)>,
) -> Result<Applied, CommandError> {
    // Check everything first, so that a bad command changes nothing.
    let len = char_len(&article.text);
    claims.sort_by_key(|p| p.claim);
    if claims.len() != session.claims.len() {
        let missing = session
            .claims
            .iter()
            .find(|c| claims.binary_search_by_key(&c.id, |p| p.claim).is_err())
            .or(session.claims.first())
            .map_or(ClaimId(0), |c| c.id);
        return Err(CommandError::Unplaced(missing));
    }
    for pair in claims.windows(2) {
        if let [a, b] = pair
            && a.claim == b.claim
        {
            return Err(CommandError::Unplaced(a.claim));
        }
    }
    for p in &claims {
        if session.claim(p.claim).is_none() {
            return Err(CommandError::UnknownClaim(p.claim));
        }
        let a = &p.anchor;
        if a.end > len || a.start > a.end {
            return Err(AnchorError::OutOfRange {
                start: a.start,
                end: a.end,
                len,
            }
            .into());
        }
        if a.start == a.end {
            return Err(AnchorError::Empty.into());
        }
        if let Some(att) = &p.attribution
            && (att.end > len || att.start > att.end)
        {
            return Err(AnchorError::OutOfRange {
                start: att.start,
                end: att.end,
                len,
            }
            .into());
        }
    }
    let old_article = std::mem::replace(&mut session.article, article);
    let old_dismissed = std::mem::replace(&mut session.dismissed_suggestions, dismissed);
    session
        .dismissed_suggestions
        .retain(|&(s, e)| s < e && e <= len);
    let mut old_places = Vec::with_capacity(claims.len());
    for place in claims {
        let Some(c) = session.claim_mut(place.claim) else {
            continue; // Checked above.
        };
        old_places.push(ClaimPlacement {
            claim: c.id,
            anchor: std::mem::replace(&mut c.anchor, place.anchor),
            attribution: std::mem::replace(&mut c.attribution, place.attribution),
            needs_review: std::mem::replace(&mut c.needs_review, place.needs_review),
        });
    }
    session.claims.sort_by_key(|c| c.order_key());
    Ok(Applied {
        inverse: Command::ReplaceArticle {
            article: Box::new(old_article),
            claims: old_places,
            dismissed_suggestions: old_dismissed,
        },
        claim: None,
    })
}

fn check_scheme(scheme: &RatingScheme) -> Result<(), CommandError> {
    scheme
        .validate()
        .map_err(|source| CommandError::InvalidScheme {
            id: scheme.id.clone(),
            source,
        })
}

fn switch_scheme(
    session: &mut Session,
    scheme: RatingScheme,
    mapping: &[(LabelId, LabelId)],
) -> Result<Applied, CommandError> {
    check_scheme(&scheme)?;
    // Work out every new status before changing anything, so an error leaves the session as it was.
    let mut new_statuses = Vec::with_capacity(session.claims.len());
    for claim in &session.claims {
        let (_, target) = mapping
            .iter()
            .find(|(from, _)| *from == claim.status)
            .ok_or_else(|| CommandError::UnmappedStatus(claim.status.clone()))?;
        if scheme.label(target).is_none() {
            return Err(CommandError::UnknownStatus(target.clone()));
        }
        new_statuses.push((claim.id, target.clone()));
    }
    Ok(restore_unchecked(session, scheme, new_statuses))
}

fn restore_scheme(
    session: &mut Session,
    scheme: RatingScheme,
    statuses: Vec<(ClaimId, LabelId)>,
) -> Result<Applied, CommandError> {
    check_scheme(&scheme)?;
    for claim in &session.claims {
        let status = statuses
            .iter()
            .find(|(id, _)| *id == claim.id)
            .map(|(_, s)| s)
            .ok_or_else(|| CommandError::UnmappedStatus(claim.status.clone()))?;
        if scheme.label(status).is_none() {
            return Err(CommandError::UnknownStatus(status.clone()));
        }
    }
    Ok(restore_unchecked(session, scheme, statuses))
}

/// Installs `scheme` and sets each listed claim's status; all were checked by the caller.
fn restore_unchecked(
    session: &mut Session,
    scheme: RatingScheme,
    statuses: Vec<(ClaimId, LabelId)>,
) -> Applied {
    let old_scheme = std::mem::replace(&mut session.scheme, scheme);
    let old_statuses = session
        .claims
        .iter()
        .map(|c| (c.id, c.status.clone()))
        .collect();
    for (id, status) in statuses {
        if let Some(claim) = session.claim_mut(id) {
            claim.status = status;
        }
    }
    Applied {
        inverse: Command::RestoreScheme {
            scheme: old_scheme,
            statuses: old_statuses,
        },
        claim: None,
    }
}

fn apply_batch(session: &mut Session, commands: Vec<Command>) -> Result<Applied, CommandError> {
    let mut inverses = Vec::with_capacity(commands.len());
    let mut last_claim = None;
    for command in commands {
        match apply(session, command) {
            Ok(applied) => {
                last_claim = applied.claim.or(last_claim);
                inverses.push(applied.inverse);
            }
            Err(e) => {
                // Roll back what this batch already did, so a failed batch changes nothing.
                for inverse in inverses.into_iter().rev() {
                    // An inverse undoes exactly what its command did, so it applies; if
                    // one ever does not, say so rather than leave a half-applied batch
                    // looking like a clean refusal.
                    if let Err(rollback) = apply(session, inverse) {
                        return Err(CommandError::RollbackFailed {
                            change: Box::new(e),
                            rollback: Box::new(rollback),
                        });
                    }
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(Applied {
        inverse: Command::Batch(inverses),
        claim: last_claim,
    })
}

/// The command that puts a claim's current verdict back exactly.
fn restore_verdict(c: &Claim) -> Command {
    Command::RestoreVerdict {
        claim: c.id,
        status: c.status.clone(),
        by: c.verdict_by.clone(),
        date: c.verdict_date.clone(),
    }
}

fn changed(inverse: Command, claim: ClaimId) -> Applied {
    Applied {
        inverse,
        claim: Some(claim),
    }
}

fn claim_mut(session: &mut Session, id: ClaimId) -> Result<&mut Claim, CommandError> {
    session.claim_mut(id).ok_or(CommandError::UnknownClaim(id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import_text;
    use crate::model::Stance;

    fn session() -> Session {
        Session::new(import_text("Title\n\nThe sky is green. Water is dry.", None).unwrap())
    }

    fn add(s: &mut Session, start: usize, end: usize) -> ClaimId {
        let cmd = Command::AddClaim {
            start,
            end,
            claimant: String::new(),
            attribution: None,
        };
        apply(s, cmd).unwrap().claim.unwrap()
    }

    #[test]
    fn add_claim_anchors_exact_text_and_keeps_article_order() {
        let mut s = session();
        let second = add(&mut s, 25, 38);
        let first = add(&mut s, 7, 24);
        assert_eq!(s.claims[0].id, first);
        assert_eq!(s.claims[0].text, "The sky is green.");
        assert_eq!(s.claims[1].anchor.exact, "Water is dry.");
        assert_eq!(s.claims[1].id, second);
        assert_eq!(s.claims[0].status, "unverified");
    }

    #[test]
    fn every_command_is_undone_by_its_inverse() {
        let mut s = session();
        let id = add(&mut s, 7, 24);
        let before = s.clone();
        let commands = vec![
            Command::SetStatus {
                claim: id,
                status: "false".into(),
                by: String::new(),
                date: String::new(),
            },
            Command::SetText {
                claim: id,
                text: "Sky is green".into(),
            },
            Command::SetClaimant {
                claim: id,
                claimant: "A. Person".into(),
            },
            Command::SetNote {
                claim: id,
                note: "Checked NASA".into(),
            },
            Command::AddSource {
                claim: id,
                draft: SourceDraft {
                    url: "https://nasa.gov".into(),
                    stance: Stance::Refutes,
                    ..Default::default()
                },
            },
            Command::DismissSuggestion { start: 25, end: 38 },
            Command::DeleteClaim(id),
        ];
        for cmd in commands {
            let mut after = before.clone();
            let applied = apply(&mut after, cmd.clone()).unwrap();
            assert_ne!(after, before, "{cmd:?} changed nothing");
            apply(&mut after, applied.inverse).unwrap();
            assert_eq!(after, before, "{cmd:?} was not undone");
        }
    }

    #[test]
    fn reattaching_a_claim_clears_needs_review_and_undoes() {
        let mut s = session();
        let a = add(&mut s, 7, 24);
        let b = add(&mut s, 25, 38);
        s.claim_mut(b).unwrap().needs_review = true;
        let before = s.clone();
        let applied = apply(
            &mut s,
            Command::ReattachClaim {
                claim: b,
                start: 0,
                end: 5,
            },
        )
        .unwrap();
        let c = s.claim(b).unwrap();
        assert_eq!((c.anchor.exact.as_str(), c.needs_review), ("Title", false));
        assert_eq!(s.claims[0].id, b, "claims stay in article order");
        assert_eq!(s.claims[1].id, a);
        apply(&mut s, applied.inverse).unwrap();
        assert_eq!(s, before);
        assert!(
            apply(
                &mut s,
                Command::ReattachClaim {
                    claim: b,
                    start: 5,
                    end: 500
                }
            )
            .is_err()
        );
        assert_eq!(s, before);
    }

    #[test]
    fn ids_are_never_reused() {
        let mut s = session();
        let a = add(&mut s, 7, 24);
        apply(&mut s, Command::DeleteClaim(a)).unwrap();
        let b = add(&mut s, 7, 24);
        assert_ne!(a, b);
    }

    #[test]
    fn invalid_commands_change_nothing() {
        let mut s = session();
        let id = add(&mut s, 7, 24);
        let before = s.clone();
        assert_eq!(
            apply(
                &mut s,
                Command::SetStatus {
                    claim: id,
                    status: "pants-on-fire".into(),
                    by: String::new(),
                    date: String::new(),
                }
            ),
            Err(CommandError::UnknownStatus("pants-on-fire".into()))
        );
        assert!(matches!(
            apply(&mut s, Command::DeleteClaim(ClaimId(99))),
            Err(CommandError::UnknownClaim(_))
        ));
        assert!(
            apply(
                &mut s,
                Command::AddClaim {
                    start: 5,
                    end: 500,
                    claimant: String::new(),
                    attribution: None
                }
            )
            .is_err()
        );
        let batch = Command::Batch(vec![
            Command::SetNote {
                claim: id,
                note: "x".into(),
            },
            Command::SetStatus {
                claim: id,
                status: "nope".into(),
                by: String::new(),
                date: String::new(),
            },
        ]);
        assert!(apply(&mut s, batch).is_err());
        assert_eq!(s, before);
    }

    fn politifact() -> crate::model::RatingScheme {
        crate::model::SchemeLibrary::load_from(None)
            .get("politifact")
            .unwrap()
            .clone()
    }

    #[test]
    fn switching_scheme_maps_statuses_and_undo_restores_them() {
        let mut s = session();
        let a = add(&mut s, 7, 24);
        let b = add(&mut s, 25, 38);
        apply(
            &mut s,
            Command::SetStatus {
                claim: a,
                status: "misleading".into(),
                by: String::new(),
                date: String::new(),
            },
        )
        .unwrap();
        apply(
            &mut s,
            Command::SetStatus {
                claim: b,
                status: "false".into(),
                by: String::new(),
                date: String::new(),
            },
        )
        .unwrap();
        let before = s.clone();
        let new = politifact();
        let mut mapping = crate::model::propose_mapping(&s.scheme, &new);
        assert!(
            mapping
                .iter()
                .any(|(f, t)| f == "misleading" && t == "false")
        );
        // The user overrides one proposal, as the switch dialog allows.
        for (from, to) in &mut mapping {
            if from == "misleading" {
                *to = "half-true".into();
            }
        }
        let applied = apply(
            &mut s,
            Command::SwitchScheme {
                scheme: new,
                mapping,
            },
        )
        .unwrap();
        assert_eq!(s.scheme.id, "politifact");
        assert_eq!(s.claim(a).unwrap().status, "half-true");
        assert_eq!(s.claim(b).unwrap().status, "false");
        let redo = apply(&mut s, applied.inverse).unwrap();
        assert_eq!(s, before, "undo restores the scheme and every status");
        apply(&mut s, redo.inverse).unwrap();
        assert_eq!(s.claim(a).unwrap().status, "half-true");
    }

    #[test]
    fn bad_scheme_switches_change_nothing() {
        let mut s = session();
        let a = add(&mut s, 7, 24);
        apply(
            &mut s,
            Command::SetStatus {
                claim: a,
                status: "true".into(),
                by: String::new(),
                date: String::new(),
            },
        )
        .unwrap();
        let before = s.clone();
        let new = politifact();
        let unmapped = Command::SwitchScheme {
            scheme: new.clone(),
            mapping: vec![("unverified".into(), "not-yet-rated".into())],
        };
        assert_eq!(
            apply(&mut s, unmapped),
            Err(CommandError::UnmappedStatus("true".into()))
        );
        let unknown_target = Command::SwitchScheme {
            scheme: new.clone(),
            mapping: vec![("true".into(), "correct".into())],
        };
        assert_eq!(
            apply(&mut s, unknown_target),
            Err(CommandError::UnknownStatus("correct".into()))
        );
        let mut broken = new;
        broken.unreviewed = "nope".into();
        assert!(matches!(
            apply(
                &mut s,
                Command::SwitchScheme {
                    scheme: broken,
                    mapping: vec![]
                }
            ),
            Err(CommandError::InvalidScheme { .. })
        ));
        assert_eq!(s, before);
    }

    #[test]
    fn overlapping_claims_are_allowed() {
        let mut s = session();
        add(&mut s, 7, 24);
        add(&mut s, 11, 14);
        add(&mut s, 7, 38);
        assert_eq!(s.claims.len(), 3);
        assert_eq!(
            s.claims[0].anchor.end, 38,
            "longer claim first when starts tie"
        );
    }
}
