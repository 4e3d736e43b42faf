//! The Archive tab of the side pane ("Search all sessions", Ctrl+Shift+F): a search
//! with verdict, date and folder filters over every archived session and published
//! fact-check, the results, and the archive's numbers with Add folder and Update. Also
//! the "checked before" sections the claim and suggestion inspectors show.
//!
//! The form's drafts (query, filters, the path to add) live in egui's memory, like a
//! text field's cursor: they are the pane's own, and a search only happens when the
//! pane returns [`ArchiveIntent::Search`].

use super::archive_state::{ArchiveIntent, ArchiveState, SearchRequest};
use super::intent::Intent;
use super::palette;
use super::pane::PaneContext;
use super::theme;
use super::view_state::ViewRequest;
use crate::archive::{ArchivedClaim, Filters, Origin, SearchHit, copy_check};
use crate::model::{Claim, RatingScheme, check_web_address};
use egui::{Color32, FontId, ProgressBar, RichText, ScrollArea, TextEdit, Ui, Vec2};
use std::path::PathBuf;

/// Height of one result row.
const ROW_HEIGHT: f32 = 52.0;

/// The search form as the user is filling it in.
#[derive(Clone, Debug, Default, PartialEq)]
struct Draft {
    query: String,
    verdict: Option<String>,
    from: String,
    to: String,
    folder: Option<PathBuf>,
    add_path: String,
}

impl Draft {
    fn request(&self) -> SearchRequest {
        let day = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        SearchRequest {
            query: self.query.trim().to_owned(),
            filters: Filters {
                verdicts: self.verdict.iter().cloned().collect(),
                from: day(&self.from),
                to: day(&self.to),
                folder: self.folder.clone(),
                reviewed_only: false,
            },
        }
    }
}

fn draft_id() -> egui::Id {
    egui::Id::unique("archive-search-draft")
}

/// Id of the search field (the app focuses it on Ctrl+Shift+F).
pub fn query_id() -> egui::Id {
    egui::Id::unique("archive-search-query")
}

/// Id of the "folder or file to add" field.
pub fn add_path_id() -> egui::Id {
    egui::Id::unique("archive-add-path")
}

/// The top of the Archive tab: the search form and the results.
pub fn list_ui(cx: &PaneContext<'_>, ui: &mut Ui) -> Vec<Intent> {
    let mut intents = Vec::new();
    let archive = cx.archive;
    if !archive.is_enabled() {
        ui.weak("There is no place for an archive on this computer (no home folder).");
        return intents;
    }
    let before: Draft = ui.data(|d| d.get_temp(draft_id()).unwrap_or_default());
    let mut draft = before.clone();
    let mut search = false;
    ui.horizontal(|ui| {
        let label = ui.label("Search");
        let response = ui
            .add(
                TextEdit::singleline(&mut draft.query)
                    .id(query_id())
                    .hint_text("words or a claim, in every session (Ctrl+Shift+F)")
                    .desired_width((ui.available_width() - 70.0).max(80.0)),
            )
            .labelled_by(label.id);
        if cx.requested(&ViewRequest::FocusArchiveSearch) {
            response.request_focus();
        }
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            search = true;
        }
        if ui
            .add_enabled(!draft.query.trim().is_empty(), egui::Button::new("Find"))
            .on_hover_text("Search every archived session and published fact-check")
            .clicked()
        {
            search = true;
        }
    });
    let filters_before = (
        draft.verdict.clone(),
        draft.from.clone(),
        draft.to.clone(),
        draft.folder.clone(),
    );
    filters_ui(ui, cx, &mut draft);
    let filters_changed = filters_before
        != (
            draft.verdict.clone(),
            draft.from.clone(),
            draft.to.clone(),
            draft.folder.clone(),
        );
    if (search || (filters_changed && archive.searched().is_some()))
        && !draft.query.trim().is_empty()
    {
        intents.push(Intent::Archive(ArchiveIntent::Search(draft.request())));
    }
    if draft != before {
        ui.data_mut(|d| d.insert_temp(draft_id(), draft));
    }
    if let Some((stage, progress)) = archive.busy() {
        let bar = ProgressBar::new(progress.unwrap_or(0.0)).text(format!("{stage}…"));
        ui.add(if progress.is_some() {
            bar.show_percentage()
        } else {
            bar.animate(true)
        });
    }
    ui.separator();
    if let Some(error) = archive.search_error() {
        ui.colored_label(ui.visuals().error_fg_color, error);
        return intents;
    }
    let hits = archive.hits();
    match archive.searched() {
        None => {
            ui.weak("Type words or a whole claim and press Enter: Claimdesk finds earlier checks with the same words or the same meaning.");
            return intents;
        }
        Some(_) if hits.is_empty() => {
            ui.weak("Nothing found. Try other words, or fewer filters.");
            return intents;
        }
        Some(_) => {
            let noun = if hits.len() == 1 { "check" } else { "checks" };
            ui.weak(format!("{} earlier {noun}, best first", hits.len()));
        }
    }
    let scheme = &cx.session().scheme;
    ScrollArea::vertical()
        .id_salt("archive-results")
        .auto_shrink(false)
        .show_rows(ui, ROW_HEIGHT, hits.len(), |ui, range| {
            for i in range {
                let hit = &hits[i];
                let selected = archive.selected_index() == Some(i);
                let row = result_row(ui, scheme, hit, selected);
                if row.clicked() {
                    intents.push(Intent::Archive(ArchiveIntent::SelectHit(Some(i))));
                }
                if row.double_clicked()
                    && let Some(open) = open_intent(&hit.claim)
                {
                    intents.push(open);
                }
            }
        });
    intents
}

fn filters_ui(ui: &mut Ui, cx: &PaneContext<'_>, draft: &mut Draft) {
    ui.horizontal_wrapped(|ui| {
        let current = draft
            .verdict
            .clone()
            .unwrap_or_else(|| "All verdicts".into());
        egui::ComboBox::from_id_salt("archive-verdict")
            .selected_text(current)
            .width(120.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut draft.verdict, None, "All verdicts");
                for label in &cx.session().scheme.labels {
                    ui.selectable_value(
                        &mut draft.verdict,
                        Some(label.display_name().to_owned()),
                        label.display_name(),
                    );
                }
            })
            .response
            .on_hover_text("Only earlier checks with this verdict (by name)");
        let label = ui.label("From");
        ui.add(
            TextEdit::singleline(&mut draft.from)
                .hint_text("YYYY-MM-DD")
                .desired_width(78.0),
        )
        .labelled_by(label.id)
        .on_hover_text("Only checks made on or after this day");
        let label = ui.label("to");
        ui.add(
            TextEdit::singleline(&mut draft.to)
                .hint_text("YYYY-MM-DD")
                .desired_width(78.0),
        )
        .labelled_by(label.id)
        .on_hover_text("Only checks made on or before this day");
        let folders = cx
            .archive
            .status()
            .map(|s| s.folders.clone())
            .unwrap_or_default();
        let current = draft
            .folder
            .as_ref()
            .map_or_else(|| "All folders".to_owned(), |f| short_path(f));
        egui::ComboBox::from_id_salt("archive-folder")
            .selected_text(current)
            .width(110.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut draft.folder, None, "All folders");
                for folder in folders {
                    let name = short_path(&folder);
                    ui.selectable_value(&mut draft.folder, Some(folder), name);
                }
            })
            .response
            .on_hover_text("Only checks from this archived folder or file");
    });
}

/// The end of a path, for a narrow list ("…/desk/2026").
fn short_path(path: &std::path::Path) -> String {
    let parts: Vec<String> = path
        .components()
        .rev()
        .take(2)
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let mut parts: Vec<String> = parts.into_iter().rev().collect();
    if path.components().count() > 2 {
        parts.insert(0, "…".into());
    }
    parts.join("/")
}

/// Where a check lives, in a few words: the session's file name, or the publisher.
pub fn where_words(claim: &ArchivedClaim) -> String {
    match &claim.origin {
        Origin::Session { path, number, .. } => {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            format!("{name}, claim #{number}")
        }
        Origin::Review { url, file } => claim
            .publisher
            .clone()
            .filter(|p| !p.trim().is_empty())
            .or_else(|| {
                let url = url.trim();
                (!url.is_empty()).then(|| url.to_owned())
            })
            .unwrap_or_else(|| file.display().to_string()),
    }
}

/// The colour of an earlier verdict: the open session's label of the same name, else grey.
fn verdict_colour(scheme: &RatingScheme, claim: &ArchivedClaim) -> Color32 {
    let name = claim.verdict.name.trim();
    scheme
        .labels
        .iter()
        .find(|l| l.display_name().eq_ignore_ascii_case(name))
        .map_or(Color32::from_gray(128), |l| {
            theme::status_colour(scheme, &l.id)
        })
}

fn result_row(
    ui: &mut Ui,
    scheme: &RatingScheme,
    hit: &SearchHit,
    selected: bool,
) -> egui::Response {
    let claim = &hit.claim;
    let verdict = claim.verdict.name.clone();
    let place = where_words(claim);
    let date = claim
        .date
        .as_deref()
        .and_then(crate::archive::human_date)
        .unwrap_or_else(|| "undated".into());
    let accessible = format!(
        "Earlier check: {verdict}, {place}, {date}, score {:.2}. {}",
        hit.score, claim.text
    );
    let (response, rect) = theme::list_row(ui, ROW_HEIGHT, selected, &accessible);
    let Some(rect) = rect else {
        return response;
    };
    theme::paint_row(ui, rect, &response, selected, None);
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    let (fill, on) = palette::chip_colours(verdict_colour(scheme, claim));
    let chip_text = painter.layout_no_wrap(verdict, FontId::proportional(11.5), on);
    let chip = egui::Rect::from_min_size(
        rect.min + Vec2::new(6.0, 5.0),
        Vec2::new(chip_text.size().x + 14.0, 17.0),
    );
    painter.rect_filled(chip, 8.0, fill);
    painter.galley(chip.center() - chip_text.size() / 2.0, chip_text, on);
    let meta = theme::one_line(
        ui,
        &format!("{place}  ·  {date}  ·  score {:.2}", hit.score),
        12.0,
        visuals.weak_text_color(),
        rect.right() - chip.right() - 14.0,
    );
    painter.galley(
        egui::pos2(chip.right() + 8.0, chip.center().y - meta.size().y / 2.0),
        meta,
        visuals.weak_text_color(),
    );
    let galley = theme::one_line(
        ui,
        &claim.text,
        13.5,
        visuals.text_color(),
        rect.width() - 16.0,
    );
    painter.galley(
        egui::pos2(rect.left() + 8.0, chip.bottom() + 5.0),
        galley,
        visuals.text_color(),
    );
    response.on_hover_text(format!("{}\n\nDouble-click to open it", claim.text))
}

/// What opening a check does: the session at the claim, or the review in the browser.
fn open_intent(claim: &ArchivedClaim) -> Option<Intent> {
    match &claim.origin {
        Origin::Session { path, claim_id, .. } => {
            Some(Intent::Archive(ArchiveIntent::OpenSession {
                path: path.clone(),
                claim: crate::model::ClaimId(*claim_id),
            }))
        }
        Origin::Review { .. } => claim
            .origin
            .review_url()
            .and_then(|u| check_web_address(u).ok())
            .map(|u| Intent::OpenUrl(u.to_string())),
    }
}

/// The bottom of the Archive tab: the selected result, or the archive's numbers with
/// Add folder and Update.
pub fn inspector_ui(cx: &PaneContext<'_>, ui: &mut Ui) -> Vec<Intent> {
    let mut intents = Vec::new();
    let archive = cx.archive;
    if !archive.is_enabled() {
        return intents;
    }
    ScrollArea::vertical()
        .id_salt("archive-inspector")
        .auto_shrink(false)
        .show(ui, |ui| {
            if let Some(hit) = archive.selected_hit() {
                ui.horizontal(|ui| {
                    ui.heading("Earlier check");
                    if ui.small_button("Back to the archive").clicked() {
                        intents.push(Intent::Archive(ArchiveIntent::SelectHit(None)));
                    }
                });
                earlier_check_ui(ui, &cx.session().scheme, &hit.claim, &mut intents);
                ui.separator();
            }
            status_ui(ui, archive, &mut intents);
        });
    intents
}

fn status_ui(ui: &mut Ui, archive: &ArchiveState, intents: &mut Vec<Intent>) {
    ui.label(RichText::new("The archive").strong());
    match archive.status() {
        None => {
            ui.weak("Reading the archive…");
        }
        Some(status) if status.folders.is_empty() => {
            ui.label("The archive is empty. Add the folder where your desk keeps its sessions (the team's repository, say), or a ClaimReview (.json, .jsonld) or CSV file of fact-checks published by other desks. Claimdesk then finds earlier checks of every claim you read.");
            ui.weak("Type the folder's or file's path below and press Add, or on the command line: claimdesk archive add FOLDER");
        }
        Some(status) => {
            use super::words::count;
            let mut line = format!(
                "{} ({} with a verdict) from {} and {}",
                count(status.claims, "claim", "claims"),
                status.reviewed,
                count(status.sessions, "session", "sessions"),
                count(status.review_files, "review file", "review files"),
            );
            if let Some(day) = archive.last_updated() {
                line.push_str(&format!("; updated {day}"));
            }
            ui.label(line);
            if status.embedded < status.claims {
                let words_only = status.claims - status.embedded;
                ui.weak(format!(
                    "{} found by {} words only until the archive is updated.",
                    count(words_only, "claim is", "claims are"),
                    if words_only == 1 { "its" } else { "their" },
                ));
            }
            if let Some(problem) = &status.problem {
                ui.colored_label(ui.visuals().warn_fg_color, problem);
            }
            ui.collapsing(
                count(
                    status.folders.len(),
                    "archived folder or file",
                    "archived folders and files",
                ),
                |ui| {
                    for folder in &status.folders {
                        let missing = status.missing.contains(folder);
                        let text = folder.display().to_string();
                        if missing {
                            ui.colored_label(
                                ui.visuals().warn_fg_color,
                                format!("{text} (not there now)"),
                            );
                        } else {
                            ui.label(text);
                        }
                    }
                },
            );
            if !status.broken.is_empty() {
                ui.collapsing(
                    format!("{} files could not be read", status.broken.len()),
                    |ui| {
                        for (path, why) in &status.broken {
                            ui.label(format!("{}: {why}", path.display()));
                        }
                    },
                );
            }
        }
    }
    if let Some(report) = archive.report() {
        ui.weak(report);
    }
    if let Some(error) = archive.match_error() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("Earlier checks could not be looked up: {error}"),
        );
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let updating = archive.is_updating();
        if ui
            .add_enabled(
                !updating && !archive.has_no_folders(),
                egui::Button::new("Update archive"),
            )
            .on_hover_text(super::actions::Action::UpdateArchive.tooltip())
            .clicked()
        {
            intents.push(Intent::Archive(ArchiveIntent::Update));
        }
        if updating
            && ui
                .button("Cancel")
                .on_hover_text("Stop updating; what was read is kept")
                .clicked()
        {
            intents.push(Intent::Archive(ArchiveIntent::Cancel));
        }
    });
    if !archive.model_loaded() && archive.status().is_some_and(|s| s.claims > 0) {
        ui.weak("The language model loads with the first search; until then claims are found by their words.");
    }
    ui.add_space(4.0);
    let mut draft: Draft = ui.data(|d| d.get_temp(draft_id()).unwrap_or_default());
    let mut add = false;
    ui.horizontal(|ui| {
        let label = ui.label("Folder or file to add");
        let response = ui
            .add(
                TextEdit::singleline(&mut draft.add_path)
                    .id(add_path_id())
                    .hint_text("/path/to/sessions")
                    .desired_width((ui.available_width() - 130.0).max(80.0)),
            )
            .labelled_by(label.id);
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            add = true;
        }
        if ui
            .add_enabled(!draft.add_path.trim().is_empty(), egui::Button::new("Add"))
            .on_hover_text(super::actions::Action::AddToArchive.tooltip())
            .clicked()
        {
            add = true;
        }
        if ui
            .button("Browse…")
            .on_hover_text("Choose the folder or file in a file dialog")
            .clicked()
        {
            intents.push(Intent::Run(super::actions::Action::AddToArchive));
        }
    });
    if add && !draft.add_path.trim().is_empty() {
        let path = PathBuf::from(draft.add_path.trim());
        draft.add_path.clear();
        intents.push(Intent::Archive(ArchiveIntent::Add(path)));
    }
    ui.data_mut(|d| d.insert_temp(draft_id(), draft));
}

/// One earlier check in full: verdict, day, claim, claimant, note, sources, and where it
/// lives with a way to open it.
pub fn earlier_check_ui(
    ui: &mut Ui,
    scheme: &RatingScheme,
    claim: &ArchivedClaim,
    intents: &mut Vec<Intent>,
) {
    ui.horizontal_wrapped(|ui| {
        let (fill, on) = palette::chip_colours(verdict_colour(scheme, claim));
        ui.label(
            RichText::new(format!(" {} ", claim.verdict.name))
                .background_color(fill)
                .color(on),
        );
        if let Some(day) = claim.date.as_deref().and_then(crate::archive::human_date) {
            ui.weak(day);
        }
        ui.weak(where_words(claim));
    });
    ui.label(RichText::new(format!("“{}”", claim.text)).italics());
    if let Some(headline) = claim.headline.as_deref().filter(|h| !h.trim().is_empty()) {
        ui.label(format!("Review: {headline}"));
    }
    if !claim.claimant.trim().is_empty() {
        ui.weak(format!("Claimant: {}", claim.claimant));
    }
    if !claim.article.title.trim().is_empty() {
        ui.weak(format!("In the article: {}", claim.article.title));
    }
    if !claim.note.trim().is_empty() {
        ui.label(format!("Note: {}", claim.note));
    }
    for (n, source) in claim.sources.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let name = if source.title.trim().is_empty() {
                source.url.clone()
            } else {
                source.title.clone()
            };
            ui.label(format!(
                "Source {}: {name} ({})",
                n + 1,
                source.stance.label()
            ));
            if let Ok(address) = check_web_address(&source.url)
                && ui
                    .small_button("Open")
                    .on_hover_text(address.as_str())
                    .clicked()
            {
                intents.push(Intent::OpenUrl(address.to_string()));
            }
        });
    }
    match &claim.origin {
        Origin::Session { path, .. } => {
            ui.weak(format!("Lives in {}", path.display()));
            if let Some(open) = open_intent(claim)
                && ui
                    .button("Open that session at this claim")
                    .on_hover_text("Opens the session (asking about unsaved changes first) and selects the claim")
                    .clicked()
            {
                intents.push(open);
            }
        }
        Origin::Review { file, .. } => {
            ui.weak(format!(
                "Published review, imported from {}",
                file.display()
            ));
            if let Some(url) = claim.origin.review_url() {
                ui.horizontal(|ui| {
                    if let Ok(address) = check_web_address(url)
                        && ui
                            .button("Open review")
                            .on_hover_text(address.as_str())
                            .clicked()
                    {
                        intents.push(Intent::OpenUrl(address.to_string()));
                    }
                    if ui.button("Copy review URL").on_hover_text(url).clicked() {
                        intents.push(Intent::Copy {
                            text: url.to_owned(),
                            what: "the review's URL".into(),
                        });
                    }
                });
            }
        }
    }
}

/// The badge text of a claim's or sentence's best earlier check.
pub fn badge_words(hits: &[SearchHit]) -> Option<String> {
    hits.first()
        .map(|h| format!("Checked before: {}", h.claim.badge()))
}

/// The claim inspector's "Checked before" section: each earlier check with "Copy this
/// check", which applies its verdict, sources and note as one undoable edit.
pub fn claim_checked_before_ui(cx: &PaneContext<'_>, claim: &Claim, ui: &mut Ui) -> Vec<Intent> {
    let mut intents = Vec::new();
    let Some(hits) = cx.archive.checked_before(claim.id) else {
        return intents;
    };
    let session = cx.session();
    let title = format!("↺ Checked before ({})", hits.len());
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("checked-before", claim.id))
        .default_open(true)
        .show(ui, |ui| {
            for (i, hit) in hits.iter().enumerate() {
                if i > 0 {
                    ui.separator();
                }
                ui.push_id(("earlier", i), |ui| {
                    earlier_check_ui(ui, &session.scheme, &hit.claim, &mut intents);
                    // Whether there is anything to copy; the app fills in who copies it
                    // and when, as for any verdict.
                    match copy_check(session, claim.id, &hit.claim, "", "") {
                        Ok(plan) => {
                            let mut hint = String::from("Copies the verdict, sources and note into this claim (one undo takes it back)");
                            if let Some(why) = &plan.verdict_skipped {
                                hint.push_str(&format!(". The verdict is not copied: {why}"));
                            }
                            if ui
                                .add_enabled(cx.editable(), egui::Button::new("Copy this check"))
                                .on_hover_text(hint)
                                .clicked()
                            {
                                intents.push(Intent::Archive(ArchiveIntent::CopyCheck {
                                    claim: claim.id,
                                    earlier: Box::new(hit.claim.clone()),
                                }));
                            }
                        }
                        Err(why) => {
                            ui.add_enabled(false, egui::Button::new("Copy this check"))
                                .on_disabled_hover_text(why.to_string());
                        }
                    }
                });
            }
        });
    ui.add_space(6.0);
    intents
}

/// The suggestion inspector's "Checked before" section (no copying: it is not a claim yet).
pub fn sentence_checked_before_ui(
    cx: &PaneContext<'_>,
    start: usize,
    end: usize,
    ui: &mut Ui,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    let Some(hits) = cx.archive.checked_before_span(start, end) else {
        return intents;
    };
    ui.add_space(6.0);
    egui::CollapsingHeader::new(
        RichText::new(format!("↺ Checked before ({})", hits.len())).strong(),
    )
    .id_salt(("checked-before-sentence", start))
    .default_open(true)
    .show(ui, |ui| {
        ui.weak("Accept it as a claim to copy an earlier check into it.");
        for (i, hit) in hits.iter().enumerate() {
            ui.separator();
            ui.push_id(("earlier", i), |ui| {
                earlier_check_ui(ui, &cx.session().scheme, &hit.claim, &mut intents);
            });
        }
    });
    intents
}
