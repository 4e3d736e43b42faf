//! The modal prompts: which one is open, drawing it, and the [`Answer`] it gives.
//! Answers travel as [`Intent::Answer`], so they are carried out in the same one
//! place as everything else the user does (`AppState::handle`).

use super::state::LockedSession;
use crate::command::Command;
use crate::export::{ExportFormat, FixPlace};
use crate::model::ClaimId;
use crate::prefs::Preferences;
use crate::store::Recovered;
use crate::ui::article_details::{ArticleDetailsDialog, DetailsOutcome};
use crate::ui::before_publishing::{BeforePublishing, PublishChoice};
use crate::ui::dialogs::{self, ConflictAnswer, RecoveryAnswer, UnsavedAnswer};
use crate::ui::file_dialog::{FileDialog, FileDialogPurpose, FileDialogResult};
use crate::ui::intent::Intent;
use crate::ui::open_link::{self, LinkDraft};
use crate::ui::pane::PaneContext;
use crate::ui::preferences;
use crate::ui::publish::{Outcome, SchemeDialog};
use std::path::PathBuf;

/// Something to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Close the app.
    Quit,
    /// Show the file dialog for this purpose.
    ChooseFile(FileDialogPurpose),
    /// Open this file.
    OpenPath(PathBuf),
    /// Ask for a web address to open (File › Open link…).
    EnterLink,
    /// Make a new session of what is on the clipboard.
    PasteClipboard,
}

/// A prompt on top of the window.
pub enum Prompt {
    /// Choosing a file; then do the pending thing (after a save, say).
    File(FileDialog, Option<Pending>),
    /// "Save changes?" before doing the pending thing.
    Unsaved(Pending),
    /// Autosaved work was found at start-up.
    Recovery(Box<Recovered>),
    /// Editing the preferences (a draft until saved; the app shows its look meanwhile).
    Preferences(Box<Preferences>),
    /// Choosing the rating scheme and how verdicts carry over.
    Scheme(Box<SchemeDialog>),
    /// Something to tell the user.
    Message {
        /// The heading.
        heading: String,
        /// What happened and what to do, a line each.
        lines: Vec<String>,
        /// An error (red) rather than a warning.
        error: bool,
    },
    /// The keyboard shortcuts.
    Shortcuts,
    /// The session is open in another window: open it read-only, or cancel.
    Locked(Box<LockedSession>),
    /// Saving found the file changed on disk: reload, save as, or overwrite.
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
        /// What was to happen after the save.
        then: Option<Pending>,
    },
    /// What re-anchoring did after the article was updated.
    Reanchored {
        /// Where the new article came from.
        source: String,
        /// How many claims kept, moved, or need review.
        report: crate::reanchor::ReanchorReport,
    },
    /// File › Open link…: the address field.
    OpenLink(LinkDraft),
    /// File › Article details…
    ArticleDetails(Box<ArticleDetailsDialog>),
    /// What the ClaimReview linter found, before the file is written.
    BeforePublishing(Box<BeforePublishing>),
}

/// How the user answered a prompt.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// The prompt was closed without anything to do (OK on a message, Cancel).
    Closed,
    /// A file was chosen in the file dialog.
    FileChosen {
        /// What the dialog was for.
        purpose: FileDialogPurpose,
        /// The file.
        path: PathBuf,
        /// What to do after saving there, if anything.
        then: Option<Pending>,
    },
    /// "Save changes?" was answered.
    Unsaved {
        /// Save, discard or cancel.
        answer: UnsavedAnswer,
        /// What was waiting for the answer.
        then: Pending,
    },
    /// "Recover unsaved work?" was answered.
    Recovery {
        /// Recover or discard.
        answer: RecoveryAnswer,
        /// The autosaved work.
        recovered: Box<Recovered>,
    },
    /// The preferences were saved.
    Preferences(Box<Preferences>),
    /// The export dialog's "Leave out claims not yet reviewed" was switched.
    ReportsReviewedOnly(bool),
    /// The rating scheme dialog switched the scheme.
    SwitchScheme(Command),
    /// Open a session held by another window read-only.
    OpenReadOnly(Box<LockedSession>),
    /// Do not open a session held by another window.
    KeepCurrentWork,
    /// "The file changed on disk" was answered.
    ChangedOnDisk {
        /// Save as, reload, overwrite or cancel.
        answer: ConflictAnswer,
        /// The file.
        path: PathBuf,
        /// What was to happen after the save.
        then: Option<Pending>,
    },
    /// Show the claims that need review (from the re-anchoring report).
    ShowNeedsReview,
    /// Fetch this address (http or https) as a new session.
    OpenLink(String),
    /// The article details were saved: this command makes the change.
    ArticleDetails(Command),
    /// The "keep a copy of originals" preference was switched.
    KeepOriginals(bool),
    /// Put this text on the clipboard (from a prompt that stays open).
    Copy {
        /// The text.
        text: String,
        /// What it is, for the notice.
        what: String,
    },
    /// Stop the file work in progress (Cancel in the progress dialog).
    CancelFileWork,
    /// "Before publishing": go where this problem is fixed.
    FixBeforePublishing(FixPlace, Option<ClaimId>),
    /// "Before publishing": write the export as it is.
    ExportAnyway(ExportFormat),
}

/// Draws the open prompt, if any. An answered prompt closes and its answer is
/// returned as an intent; an unanswered one stays open.
pub fn modal_ui(
    ctx: &egui::Context,
    prompt: &mut Option<Prompt>,
    cx: &PaneContext<'_>,
) -> Vec<Intent> {
    let Some(open) = prompt.take() else {
        return Vec::new();
    };
    let (still_open, answer) = show(ctx, open, cx);
    *prompt = still_open;
    answer.map(Intent::Answer).into_iter().collect()
}

/// The work "Save changes?" asks about: the file's name in quotes, or the article's
/// title in quotes followed by "(not saved yet)" (not inside the quotes).
fn unsaved_name(cx: &PaneContext<'_>) -> String {
    match cx.doc.path() {
        Some(_) => format!("“{}”", cx.doc.display_name()),
        None => format!("“{}” (not saved yet)", cx.session().article.title),
    }
}

/// Draws one prompt: either it is still open, or it gave an answer.
fn show(
    ctx: &egui::Context,
    prompt: Prompt,
    cx: &PaneContext<'_>,
) -> (Option<Prompt>, Option<Answer>) {
    let keep = |p: Prompt| (Some(p), None);
    let done = |a: Answer| (None, Some(a));
    match prompt {
        Prompt::File(mut fd, then) => match fd.show(ctx) {
            FileDialogResult::Pending => keep(Prompt::File(fd, then)),
            FileDialogResult::ReviewedOnly(on) => (
                Some(Prompt::File(fd, then)),
                Some(Answer::ReportsReviewedOnly(on)),
            ),
            FileDialogResult::Cancelled => done(Answer::Closed),
            FileDialogResult::Picked(path) => done(Answer::FileChosen {
                purpose: fd.purpose,
                path,
                then,
            }),
        },
        Prompt::Unsaved(then) => match dialogs::unsaved_changes(ctx, &unsaved_name(cx)) {
            None => keep(Prompt::Unsaved(then)),
            Some(answer) => done(Answer::Unsaved { answer, then }),
        },
        Prompt::Recovery(recovered) => {
            let what = match &recovered.original_path {
                Some(p) => format!("changes to {}", p.display()),
                None => format!(
                    "an unsaved session on “{}”",
                    recovered.session.article.title
                ),
            };
            match dialogs::recovery(ctx, &what) {
                None => keep(Prompt::Recovery(recovered)),
                Some(answer) => done(Answer::Recovery { answer, recovered }),
            }
        }
        Prompt::Preferences(mut draft) => match preferences::show(ctx, &mut draft) {
            Outcome::Open => keep(Prompt::Preferences(draft)),
            Outcome::Cancelled => done(Answer::Closed),
            Outcome::Done(prefs) => done(Answer::Preferences(Box::new(prefs))),
        },
        Prompt::Scheme(mut dialog) => match dialog.show(ctx, cx.session()) {
            Outcome::Open => keep(Prompt::Scheme(dialog)),
            Outcome::Cancelled => done(Answer::Closed),
            Outcome::Done(command) => done(Answer::SwitchScheme(command)),
        },
        Prompt::Message {
            heading,
            lines,
            error,
        } => {
            if dialogs::message(ctx, &heading, &lines, error) {
                done(Answer::Closed)
            } else {
                keep(Prompt::Message {
                    heading,
                    lines,
                    error,
                })
            }
        }
        Prompt::Shortcuts => {
            if dialogs::shortcuts(ctx, cx.session().scheme.labels.len()) {
                done(Answer::Closed)
            } else {
                keep(Prompt::Shortcuts)
            }
        }
        Prompt::Locked(locked) => match dialogs::locked_elsewhere(ctx, &locked.message) {
            None => keep(Prompt::Locked(locked)),
            Some(true) => done(Answer::OpenReadOnly(locked)),
            Some(false) => done(Answer::KeepCurrentWork),
        },
        Prompt::ChangedOnDisk { path, then } => {
            match dialogs::changed_on_disk(ctx, &path.display().to_string()) {
                None => keep(Prompt::ChangedOnDisk { path, then }),
                Some(answer) => done(Answer::ChangedOnDisk { answer, path, then }),
            }
        }
        Prompt::Reanchored { source, report } => match dialogs::reanchored(ctx, &source, &report) {
            None => keep(Prompt::Reanchored { source, report }),
            Some(true) => done(Answer::ShowNeedsReview),
            Some(false) => done(Answer::Closed),
        },
        Prompt::OpenLink(mut draft) => match open_link::show(ctx, &mut draft) {
            Outcome::Open => keep(Prompt::OpenLink(draft)),
            Outcome::Cancelled => done(Answer::Closed),
            Outcome::Done(url) => done(Answer::OpenLink(url)),
        },
        Prompt::BeforePublishing(dialog) => match dialog.show(ctx) {
            None => keep(Prompt::BeforePublishing(dialog)),
            Some(PublishChoice::Cancel) => done(Answer::Closed),
            Some(PublishChoice::ExportAnyway) => done(Answer::ExportAnyway(dialog.format)),
            Some(PublishChoice::Fix(place, claim)) => {
                done(Answer::FixBeforePublishing(place, claim))
            }
        },
        Prompt::ArticleDetails(mut dialog) => match dialog.show(ctx, cx.editable()) {
            DetailsOutcome::Open => keep(Prompt::ArticleDetails(dialog)),
            DetailsOutcome::Cancelled | DetailsOutcome::Saved(None) => done(Answer::Closed),
            DetailsOutcome::Saved(Some(command)) => done(Answer::ArticleDetails(command)),
            DetailsOutcome::KeepOriginals(keep) => (
                Some(Prompt::ArticleDetails(dialog)),
                Some(Answer::KeepOriginals(keep)),
            ),
            DetailsOutcome::Copy(link) => (
                Some(Prompt::ArticleDetails(dialog)),
                Some(Answer::Copy {
                    text: link,
                    what:
                        "the Wayback Machine save link (open it in a browser to archive the page)"
                            .into(),
                }),
            ),
        },
    }
}
