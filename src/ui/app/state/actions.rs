//! What each menu or shortcut [`Action`] does.

use super::AppState;
use crate::command::Command;
use crate::export::ExportFormat;
use crate::model::scheme_library::SchemeLibrary;
use crate::ui::actions::Action;
use crate::ui::app::prompts::{Pending, Prompt};
use crate::ui::before_publishing::BeforePublishing;
use crate::ui::file_dialog::{FileDialog, FileDialogPurpose};
use crate::ui::find::FindStep;
use crate::ui::publish::SchemeDialog;
use crate::ui::suggestions_pane;
use crate::ui::view_state::{SidePane, ViewRequest};

impl AppState {
    /// Carries out a menu or shortcut action.
    pub(super) fn run(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::NewFromArticle => {
                self.guard_unsaved(ctx, Pending::ChooseFile(FileDialogPurpose::ImportArticle))
            }
            Action::Open => self.guard_unsaved(ctx, Pending::ChooseFile(FileDialogPurpose::Open)),
            Action::Save => self.save(ctx, None),
            Action::SaveAs | Action::SaveCopyAs => self.choose_save_path(None, false),
            Action::Quit => self.guard_unsaved(ctx, Pending::Quit),
            Action::Undo | Action::Redo => self.undo_or_redo(action),
            Action::NewClaim => {
                match self.view.text_selection.take() {
                    Some(selected) => {
                        let range = self.claim_range(ctx, selected.clone());
                        self.clear_text_selection();
                        self.edit(Command::AddClaim {
                            start: range.start,
                            end: range.end,
                            claimant: String::new(),
                            attribution: None,
                        });
                        if range != selected {
                            self.notice = "The claim takes whole words (hold Alt to keep the exact selection).".into();
                        }
                    }
                    None => {
                        self.notice = "Select some article text first, then press New claim.".into()
                    }
                }
            }
            Action::DeleteClaim if self.view.side == SidePane::Archive => {
                // The claim is not on screen: Delete must not remove it unseen.
                self.notice = "Switch to the Claims tab to delete a claim.".into();
            }
            Action::DeleteClaim if self.view.side == SidePane::Suggestions => {
                let intents = suggestions_pane::dismiss_selected(&self.pane_context(&[]));
                self.handle_all(ctx, intents);
            }
            Action::AcceptSuggestion => {
                if self.view.side == SidePane::Suggestions {
                    let intents = suggestions_pane::accept_selected(&self.pane_context(&[]));
                    self.handle_all(ctx, intents);
                }
            }
            Action::NextClaim | Action::PreviousClaim
                if self.view.side == SidePane::Suggestions =>
            {
                let step = if action == Action::NextClaim { 1 } else { -1 };
                if let Some(next) = self.suggestions.neighbour(step) {
                    self.suggestions.selected = Some(next);
                    self.view
                        .request(ViewRequest::RevealCharInArticle(next.start));
                }
            }
            Action::DeleteClaim => {
                if let Some(id) = self.view.selected {
                    let next = self.neighbour(id, 1).or_else(|| self.neighbour(id, -1));
                    self.edit(Command::DeleteClaim(id));
                    self.select(next, true, true);
                    self.notice = format!("Deleted claim #{id}. Undo (Ctrl+Z) brings it back.");
                }
            }
            Action::NextClaim | Action::PreviousClaim => {
                let step = if action == Action::NextClaim { 1 } else { -1 };
                let next = match self.view.selected {
                    Some(id) => self.neighbour(id, step),
                    None => self.visible_claims().first().copied(),
                };
                if next.is_some() {
                    self.select(next, true, true);
                }
            }
            Action::FindInArticle => self.find(FindStep::Open),
            Action::FilterClaims => {
                self.view.side = SidePane::Claims;
                self.view.request(ViewRequest::FocusFilter);
            }
            Action::ShowShortcuts => self.prompt = Some(Prompt::Shortcuts),
            Action::UpdateArticle => {
                self.prompt = Some(Prompt::File(
                    FileDialog::new(
                        FileDialogPurpose::UpdateArticle,
                        self.dialog_dir(),
                        String::new(),
                    ),
                    None,
                ));
            }
            Action::ShowNeedsReview => self.show_needs_review(),
            Action::RetryLock => self.retry_lock(ctx),
            Action::Export(_) if !self.doc.session.conflicts.is_empty() => {
                let n = self.doc.session.conflicts.len();
                self.view.side = SidePane::Conflicts;
                self.show_message(
                    "Settle the conflicts first",
                    vec![format!(
                        "This session has {} left from a merge. Nothing is published until each is settled: keep one version of each in the Conflicts tab, then export.",
                        crate::ui::conflicts_pane::count_words(n)
                    )],
                    false,
                );
            }
            Action::Export(format) => {
                // ClaimReview is checked before the file is written, so what is
                // missing can be fixed first (the README's promise).
                let problems = if format == ExportFormat::ClaimReview {
                    crate::export::lint_claimreview(&self.doc.session, &self.export_options())
                } else {
                    Vec::new()
                };
                if problems.is_empty() {
                    self.choose_export_file(format);
                } else {
                    self.prompt = Some(Prompt::BeforePublishing(Box::new(BeforePublishing::new(
                        format,
                        problems,
                        &self.doc.session,
                    ))));
                }
            }
            Action::Preferences => {
                self.prompt = Some(Prompt::Preferences(Box::new(self.prefs.clone())))
            }
            Action::OpenLink => self.guard_unsaved(ctx, Pending::EnterLink),
            Action::NewFromClipboard => self.guard_unsaved(ctx, Pending::PasteClipboard),
            Action::ArticleDetails => self.show_article_details(),
            Action::SearchArchive => {
                self.view.side = SidePane::Archive;
                self.view.request(ViewRequest::FocusArchiveSearch);
            }
            Action::AddToArchive => {
                self.view.side = SidePane::Archive;
                let dialog = FileDialog::new(
                    FileDialogPurpose::AddToArchive,
                    self.dialog_dir(),
                    String::new(),
                );
                self.prompt = Some(Prompt::File(dialog, None));
            }
            Action::UpdateArchive => {
                self.view.side = SidePane::Archive;
                self.archive_intent(ctx, crate::ui::archive_state::ArchiveIntent::Update);
            }
            Action::RatingScheme => {
                let library = SchemeLibrary::load();
                self.prompt = Some(Prompt::Scheme(Box::new(SchemeDialog::new(
                    &self.doc.session,
                    library,
                ))));
            }
        }
    }

    fn undo_or_redo(&mut self, action: Action) {
        let applied = if action == Action::Undo {
            self.doc.undo()
        } else {
            self.doc.redo()
        };
        match applied {
            Some(applied) => {
                if let Some(id) = applied.claim {
                    self.select(Some(id), true, true);
                } else if self
                    .view
                    .selected
                    .is_some_and(|id| self.doc.session.claim(id).is_none())
                {
                    self.view.selected = None;
                }
            }
            None => self.notice = format!("Nothing to {}", action.label().to_lowercase()),
        }
    }
}

impl AppState {
    /// The file dialog for an export, with a name made from the article's title.
    pub(super) fn choose_export_file(&mut self, format: ExportFormat) {
        let name = crate::ui::app::suggested_file_name(&self.doc.session.article.title)
            .replace(".ron", &format!(".{}", format.file_suffix()));
        let mut dialog =
            FileDialog::new(FileDialogPurpose::Export(format), self.dialog_dir(), name);
        if format.is_report() {
            let session = &self.doc.session;
            let unreviewed = session
                .claims
                .iter()
                .filter(|c| !session.scheme.is_reviewed(&c.status))
                .count();
            dialog = dialog.with_reviewed_only(
                self.prefs.reports_reviewed_only,
                unreviewed,
                session.claims.len(),
            );
        }
        self.prompt = Some(Prompt::File(dialog, None));
    }

    /// Goes where a problem found before publishing is fixed.
    pub(super) fn fix_before_publishing(
        &mut self,
        ctx: &egui::Context,
        place: crate::export::FixPlace,
        claim: Option<crate::model::ClaimId>,
    ) {
        use crate::export::FixPlace;
        match place {
            FixPlace::PublisherProfile => self.run(ctx, Action::Preferences),
            FixPlace::ArticleDetails => self.run(ctx, Action::ArticleDetails),
            FixPlace::RatingScheme => self.run(ctx, Action::RatingScheme),
            FixPlace::Claim => {
                if let Some(id) = claim.filter(|id| self.doc.session.claim(*id).is_some()) {
                    self.view.side = SidePane::Claims;
                    self.select(Some(id), true, true);
                }
            }
            FixPlace::Nowhere => {}
        }
    }
}
