//! What each answer to a prompt does.

use super::{AppState, LockedSession};
use crate::document::{Access, Document};
use crate::store::Recovered;
use crate::ui::app::prompts::Answer;
use crate::ui::dialogs::{ConflictAnswer, RecoveryAnswer, UnsavedAnswer};
use crate::ui::file_dialog::FileDialogPurpose;
use crate::ui::view_state::ViewState;

impl AppState {
    /// Carries out the answer to a prompt.
    pub(super) fn answer(&mut self, ctx: &egui::Context, answer: Answer) {
        match answer {
            Answer::Closed => {}
            Answer::FileChosen {
                purpose,
                path,
                then,
            } => match purpose {
                FileDialogPurpose::SaveSession => self.save_to(ctx, &path, false, then),
                FileDialogPurpose::Export(format) => self.export_to(format, &path),
                FileDialogPurpose::Open | FileDialogPurpose::ImportArticle => {
                    self.open(ctx, &path, false)
                }
                FileDialogPurpose::UpdateArticle => self.update_article(ctx, &path),
                FileDialogPurpose::AddToArchive => {
                    self.view.side = crate::ui::view_state::SidePane::Archive;
                    self.archive_intent(ctx, crate::ui::archive_state::ArchiveIntent::Add(path));
                }
            },
            Answer::Unsaved { answer, then } => match answer {
                UnsavedAnswer::Save => self.save(ctx, Some(then)),
                UnsavedAnswer::Discard => {
                    self.autosave.clear(Some(self.doc.revision()));
                    self.proceed(ctx, then);
                }
                UnsavedAnswer::Cancel => {}
            },
            Answer::Recovery { answer, recovered } => match answer {
                RecoveryAnswer::Recover => {
                    let Recovered {
                        session,
                        original_path,
                    } = *recovered;
                    self.doc = Document::recovered(session, original_path);
                    self.view = ViewState::default();
                    self.notice = "Recovered unsaved work. Save it to keep it.".into();
                    self.lock_recovered();
                }
                RecoveryAnswer::Discard => self.autosave.clear(None),
            },
            Answer::Preferences(prefs) => {
                let saved = self.save_prefs(&prefs);
                self.prefs = *prefs;
                match saved {
                    Ok(()) => self.notice = "Saved the preferences".into(),
                    Err(e) => self.show_message(
                        "Could not save the preferences",
                        vec![
                            e.to_string(),
                            "They are used until Claimdesk closes.".into(),
                        ],
                        true,
                    ),
                }
            }
            Answer::SwitchScheme(command) => self.edit(command),
            Answer::OpenReadOnly(locked) => {
                let LockedSession {
                    loaded,
                    stamp,
                    path,
                    ..
                } = *locked;
                self.show_session(loaded, stamp, &path, Access::ReadOnly);
            }
            Answer::KeepCurrentWork => {
                self.notice = "Did not open it; your open work is unchanged.".into()
            }
            Answer::ChangedOnDisk { answer, path, then } => match answer {
                ConflictAnswer::SaveAs => self.choose_save_path(then, true),
                ConflictAnswer::Overwrite => self.save_to(ctx, &path, true, then),
                ConflictAnswer::Reload => {
                    self.doc.set_access(Access::Editable);
                    self.open(ctx, &path, false);
                }
                ConflictAnswer::Cancel => {
                    self.notice = "Not saved; your changes are still open.".into()
                }
            },
            Answer::ShowNeedsReview => self.show_needs_review(),
            Answer::OpenLink(url) => self.import(ctx, crate::import::Source::Link(url)),
            Answer::ArticleDetails(command) => {
                self.edit(command);
                if self.notice.is_empty() {
                    self.notice = "Saved the article details (Ctrl+Z undoes it).".into();
                }
            }
            Answer::KeepOriginals(keep) => self.set_keep_originals(keep),
            Answer::FixBeforePublishing(place, claim) => {
                self.fix_before_publishing(ctx, place, claim)
            }
            Answer::ExportAnyway(format) => self.choose_export_file(format),
            Answer::ReportsReviewedOnly(on) => self.set_reports_reviewed_only(on),
            Answer::Copy { text, what } => {
                self.handle(ctx, crate::ui::intent::Intent::Copy { text, what })
            }
            Answer::CancelFileWork => self.cancel_file_work(),
        }
    }
}
