//! The modal prompts the app is waiting on, and what each answer does.

use super::files::LockedSession;
use super::{ClaimdeskApp, Pending};
use crate::document::{Access, Document};
use crate::prefs::PublisherProfile;
use crate::store::Recovered;
use crate::ui::dialogs::{self, ConflictAnswer, RecoveryAnswer, UnsavedAnswer};
use crate::ui::file_dialog::{FileDialog, FileDialogPurpose, FileDialogResult};
use crate::ui::publish::{self, Outcome, SchemeDialog};
use crate::ui::view_state::ViewState;
use std::path::PathBuf;

/// A prompt on top of the window.
pub(super) enum Dialog {
    /// Choosing a file; then do the pending thing (after a save, say).
    File(FileDialog, Option<Pending>),
    /// "Save changes?" before doing the pending thing.
    Unsaved(Pending),
    /// Autosaved work was found at start-up.
    Recovery(Box<Recovered>),
    /// Editing the publisher profile (a draft until saved).
    Preferences(PublisherProfile),
    /// Choosing the rating scheme and how verdicts carry over.
    Scheme(Box<SchemeDialog>),
    /// Something to tell the user.
    Message {
        heading: String,
        lines: Vec<String>,
        error: bool,
    },
    /// The keyboard shortcuts.
    Shortcuts,
    /// The session is open in another window: open it read-only, or cancel.
    Locked(Box<LockedSession>),
    /// Saving found the file changed on disk: reload, save as, or overwrite.
    ChangedOnDisk {
        path: PathBuf,
        then: Option<Pending>,
    },
    /// What re-anchoring did after the article was updated.
    Reanchored {
        source: String,
        report: crate::reanchor::ReanchorReport,
    },
}

impl ClaimdeskApp {
    /// Draws the open prompt, if any, and carries out its answer.
    pub(super) fn dialogs(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.dialog.take() else {
            return;
        };
        match dialog {
            Dialog::File(mut fd, then) => match fd.show(ctx) {
                FileDialogResult::Pending => self.dialog = Some(Dialog::File(fd, then)),
                FileDialogResult::Cancelled => {}
                FileDialogResult::Picked(path) => match fd.purpose {
                    FileDialogPurpose::SaveSession => self.save_to(ctx, &path, false, then),
                    FileDialogPurpose::Export(format) => self.export_to(format, &path),
                    FileDialogPurpose::Open | FileDialogPurpose::ImportArticle => {
                        self.open(ctx, &path, false)
                    }
                    FileDialogPurpose::UpdateArticle => self.update_article(ctx, &path),
                },
            },
            Dialog::Unsaved(pending) => {
                match dialogs::unsaved_changes(ctx, &self.doc.display_name()) {
                    None => self.dialog = Some(Dialog::Unsaved(pending)),
                    Some(UnsavedAnswer::Save) => self.save(ctx, Some(pending)),
                    Some(UnsavedAnswer::Discard) => {
                        if let Some(autosave) = &self.autosave {
                            autosave.clear();
                        }
                        self.autosaved_revision = Some(self.doc.revision());
                        self.proceed(ctx, pending);
                    }
                    Some(UnsavedAnswer::Cancel) => {}
                }
            }
            Dialog::Recovery(recovered) => {
                let what = match &recovered.original_path {
                    Some(p) => format!("changes to {}", p.display()),
                    None => format!(
                        "an unsaved session on “{}”",
                        recovered.session.article.title
                    ),
                };
                match dialogs::recovery(ctx, &what) {
                    None => self.dialog = Some(Dialog::Recovery(recovered)),
                    Some(RecoveryAnswer::Recover) => {
                        let Recovered {
                            session,
                            original_path,
                        } = *recovered;
                        self.doc = Document::recovered(session, original_path);
                        self.view = ViewState::default();
                        self.notice = "Recovered unsaved work. Save it to keep it.".into();
                        self.lock_recovered();
                    }
                    Some(RecoveryAnswer::Discard) => {
                        if let Some(autosave) = &self.autosave {
                            autosave.clear();
                        }
                    }
                }
            }
            Dialog::Preferences(mut draft) => match publish::publisher_dialog(ctx, &mut draft) {
                Outcome::Open => self.dialog = Some(Dialog::Preferences(draft)),
                Outcome::Cancelled => {}
                Outcome::Done(publisher) => {
                    let mut prefs = self.prefs.clone();
                    prefs.publisher = publisher;
                    match crate::prefs::save_prefs(&prefs) {
                        Ok(()) => {
                            self.prefs = prefs;
                            self.notice = "Saved the publisher profile".into();
                        }
                        Err(e) => {
                            self.prefs = prefs;
                            self.show_message(
                                "Could not save the preferences",
                                vec![
                                    e.to_string(),
                                    "They are used until Claimdesk closes.".into(),
                                ],
                                true,
                            );
                        }
                    }
                }
            },
            Dialog::Scheme(mut dialog) => match dialog.show(ctx, &self.doc.session) {
                Outcome::Open => self.dialog = Some(Dialog::Scheme(dialog)),
                Outcome::Cancelled => {}
                Outcome::Done(command) => self.edit(command),
            },
            Dialog::Message {
                heading,
                lines,
                error,
            } => {
                if !dialogs::message(ctx, &heading, &lines, error) {
                    self.dialog = Some(Dialog::Message {
                        heading,
                        lines,
                        error,
                    });
                }
            }
            Dialog::Shortcuts => {
                if !dialogs::shortcuts(ctx) {
                    self.dialog = Some(Dialog::Shortcuts);
                }
            }
            Dialog::Locked(locked) => match dialogs::locked_elsewhere(ctx, &locked.message) {
                None => self.dialog = Some(Dialog::Locked(locked)),
                Some(true) => {
                    let LockedSession {
                        loaded,
                        stamp,
                        path,
                        ..
                    } = *locked;
                    self.show_session(loaded, stamp, &path, Access::ReadOnly);
                }
                Some(false) => self.notice = "Did not open it; your open work is unchanged.".into(),
            },
            Dialog::ChangedOnDisk { path, then } => {
                match dialogs::changed_on_disk(ctx, &path.display().to_string()) {
                    None => self.dialog = Some(Dialog::ChangedOnDisk { path, then }),
                    Some(ConflictAnswer::SaveAs) => self.choose_save_path(then, true),
                    Some(ConflictAnswer::Overwrite) => self.save_to(ctx, &path, true, then),
                    Some(ConflictAnswer::Reload) => {
                        self.doc.set_access(Access::Editable);
                        self.open(ctx, &path, false);
                    }
                    Some(ConflictAnswer::Cancel) => {
                        self.notice = "Not saved; your changes are still open.".into()
                    }
                }
            }
            Dialog::Reanchored { source, report } => {
                match dialogs::reanchored(ctx, &source, &report) {
                    None => self.dialog = Some(Dialog::Reanchored { source, report }),
                    Some(true) => self.show_needs_review(),
                    Some(false) => {}
                }
            }
        }
    }
}
