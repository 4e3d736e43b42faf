//! An in-app file dialog.
//!
//! Works everywhere egui runs, including Linux desktops without an XDG portal
//! (where native dialog crates fail), and in headless UI tests.

use egui::{Key, RichText, ScrollArea, TextEdit};
use std::path::{Path, PathBuf};

/// What the dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileDialogPurpose {
    /// Open a session or an article.
    Open,
    /// Import an article as a new session.
    ImportArticle,
    /// Choose where to save the session.
    SaveSession,
    /// Choose where to write an export.
    Export(crate::export::ExportFormat),
    /// Choose the corrected or updated article text.
    UpdateArticle,
    /// Choose a folder of sessions (the one shown) or a file of published
    /// fact-checks to add to the archive.
    AddToArchive,
}

impl FileDialogPurpose {
    fn title(self) -> &'static str {
        match self {
            Self::Open => "Open a session or article",
            Self::ImportArticle => "New session from an article",
            Self::SaveSession => "Save session as",
            Self::Export(format) => format.label(),
            Self::UpdateArticle => "Update the article text",
            Self::AddToArchive => "Add a folder or file to the archive",
        }
    }

    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Open => &["ron", "txt", "md", "html", "htm", "xhtml", "pdf"],
            Self::ImportArticle | Self::UpdateArticle => {
                &["txt", "md", "html", "htm", "xhtml", "pdf"]
            }
            Self::SaveSession => &["ron"],
            Self::AddToArchive => &crate::archive::sources::FileKind::EXTENSIONS,
            Self::Export(format) => match format.extension() {
                "jsonld" => &["jsonld"],
                "csv" => &["csv"],
                "md" => &["md"],
                _ => &["html"],
            },
        }
    }

    fn confirm_label(self) -> &'static str {
        match self {
            Self::Open | Self::ImportArticle => "Open",
            Self::UpdateArticle => "Update",
            Self::SaveSession => "Save",
            Self::Export(_) => "Export",
            Self::AddToArchive => "Add",
        }
    }
}

/// The dialog's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileDialogResult {
    /// Still open.
    Pending,
    /// Closed without choosing.
    Cancelled,
    /// A file was chosen.
    Picked(PathBuf),
    /// Still open; "Leave out claims not yet reviewed" was switched to this.
    ReviewedOnly(bool),
}

/// The report option an export dialog offers: leave out claims not yet reviewed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ReviewedOnly {
    /// Whether the box is ticked.
    on: bool,
    /// Claims not yet reviewed, and all claims, for the words beside the box.
    unreviewed: usize,
    total: usize,
}

#[derive(Clone, Debug)]
struct Entry {
    name: String,
    is_dir: bool,
}

/// State of an open file dialog.
#[derive(Clone, Debug)]
pub struct FileDialog {
    /// What it is for.
    pub purpose: FileDialogPurpose,
    dir: PathBuf,
    dir_text: String,
    file_name: String,
    entries: Vec<Entry>,
    error: Option<String>,
    /// A chosen file that already exists, waiting for "Replace it?".
    replace: Option<PathBuf>,
    /// Put the keyboard in the file name field on the next frame.
    focus_name: bool,
    /// For a report: whether to leave out claims not yet reviewed.
    reviewed_only: Option<ReviewedOnly>,
}

impl FileDialog {
    /// Opens the dialog in `dir`, suggesting `file_name` (for saving).
    pub fn new(purpose: FileDialogPurpose, dir: PathBuf, file_name: String) -> Self {
        let mut dialog = Self {
            purpose,
            dir_text: dir.display().to_string(),
            dir,
            file_name,
            entries: Vec::new(),
            error: None,
            replace: None,
            // Saving and exporting start in the name: type, or press Enter to take it.
            focus_name: matches!(
                purpose,
                FileDialogPurpose::SaveSession | FileDialogPurpose::Export(_)
            ),
            reviewed_only: None,
        };
        dialog.refresh();
        dialog
    }

    /// Offers "Leave out claims not yet reviewed" (reports), ticked when `on`;
    /// `unreviewed` of the session's `total` claims are not reviewed yet.
    pub fn with_reviewed_only(mut self, on: bool, unreviewed: usize, total: usize) -> Self {
        self.reviewed_only = Some(ReviewedOnly {
            on,
            unreviewed,
            total,
        });
        self
    }

    /// The report option's checkbox; a switch is returned to be remembered.
    fn reviewed_only_ui(&mut self, ui: &mut egui::Ui) -> Option<bool> {
        let option = self.reviewed_only.as_mut()?;
        let mut switched = None;
        ui.horizontal(|ui| {
            let before = option.on;
            ui.checkbox(&mut option.on, "Leave out claims not yet reviewed")
                .on_hover_text(
                    "The report lists only claims with a verdict, each under its own number. Remembered for the next report.",
                );
            ui.weak(format!(
                "({} of {} not reviewed yet)",
                option.unreviewed, option.total
            ));
            if option.on != before {
                switched = Some(option.on);
            }
        });
        switched
    }

    fn refresh(&mut self) {
        self.entries.clear();
        self.error = None;
        match std::fs::read_dir(&self.dir) {
            Ok(read) => {
                let exts = self.purpose.extensions();
                for entry in read.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if name.starts_with('.') {
                        continue;
                    }
                    let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
                    let wanted = is_dir
                        || Path::new(&name)
                            .extension()
                            .is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)));
                    if wanted {
                        self.entries.push(Entry { name, is_dir });
                    }
                }
                self.entries.sort_by(|a, b| {
                    b.is_dir
                        .cmp(&a.is_dir)
                        .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
                });
            }
            Err(e) => self.error = Some(format!("Cannot list {}: {e}", self.dir.display())),
        }
    }

    fn enter(&mut self, dir: PathBuf) {
        self.dir = dir;
        self.dir_text = self.dir.display().to_string();
        self.refresh();
    }

    fn chosen(&self) -> Option<PathBuf> {
        let name = self.file_name.trim();
        if name.is_empty() {
            return None;
        }
        let mut path = if Path::new(name).is_absolute() {
            PathBuf::from(name)
        } else {
            self.dir.join(name)
        };
        if path.extension().is_none() {
            match self.purpose {
                FileDialogPurpose::SaveSession => {
                    path.set_extension("ron");
                }
                FileDialogPurpose::Export(format) => {
                    path.set_extension(format.extension());
                }
                _ => {}
            }
        }
        Some(path)
    }

    /// The answer for a chosen file: writing over an existing one asks first.
    fn pick(&mut self, path: PathBuf) -> FileDialogResult {
        let writes = matches!(
            self.purpose,
            FileDialogPurpose::SaveSession | FileDialogPurpose::Export(_)
        );
        if writes && path.is_file() && self.replace.as_ref() != Some(&path) {
            self.replace = Some(path);
            FileDialogResult::Pending
        } else {
            FileDialogResult::Picked(path)
        }
    }

    /// Draws the dialog; call every frame while it is open.
    pub fn show(&mut self, ctx: &egui::Context) -> FileDialogResult {
        let mut result = FileDialogResult::Pending;
        // Enter in the folder field goes to that folder; anywhere else it confirms.
        let mut folder_entered = false;
        let modal = egui::Modal::new(egui::Id::unique("file-dialog")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(self.purpose.title());
            ui.horizontal(|ui| {
                if ui
                    .button("⬆ Up")
                    .on_hover_text("Go to the parent folder")
                    .clicked()
                    && let Some(parent) = self.dir.parent()
                {
                    self.enter(parent.to_path_buf());
                }
                let label = ui.label("Folder");
                let response = ui
                    .add(TextEdit::singleline(&mut self.dir_text).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    self.enter(PathBuf::from(self.dir_text.trim()));
                    folder_entered = true;
                }
                folder_entered |= response.has_focus();
            });
            if let Some(err) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, err);
            }
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ScrollArea::vertical()
                    .max_height(300.0)
                    .min_scrolled_height(300.0)
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        let mut go = None;
                        let mut chosen = None;
                        for entry in &self.entries {
                            let selected = !entry.is_dir && self.file_name == entry.name;
                            let response = ui
                                .horizontal(|ui| {
                                    entry_icon(ui, entry.is_dir);
                                    let text = if entry.is_dir {
                                        RichText::new(format!("{}/", entry.name)).strong()
                                    } else {
                                        RichText::new(&entry.name)
                                    };
                                    ui.selectable_label(selected, text)
                                })
                                .inner;
                            if response.clicked() {
                                if entry.is_dir {
                                    go = Some(self.dir.join(&entry.name));
                                } else {
                                    self.file_name = entry.name.clone();
                                }
                            }
                            if response.double_clicked() && !entry.is_dir {
                                self.file_name = entry.name.clone();
                                chosen = self.chosen();
                            }
                        }
                        if self.entries.is_empty() && self.error.is_none() {
                            ui.weak(format!(
                                "No {} files here.",
                                self.purpose.extensions().join(", .")
                            ));
                        }
                        if let Some(dir) = go {
                            self.enter(dir);
                        }
                        if let Some(path) = chosen {
                            result = self.pick(path);
                        }
                    });
            });
            ui.horizontal(|ui| {
                let label = ui.label("File name");
                let response = ui
                    .add(TextEdit::singleline(&mut self.file_name).desired_width(300.0))
                    .labelled_by(label.id);
                if std::mem::take(&mut self.focus_name) {
                    response.request_focus();
                }
                if response.changed() {
                    self.replace = None;
                }
                ui.weak(format!(".{}", self.purpose.extensions().join(" .")));
            });
            if let Some(on) = self.reviewed_only_ui(ui)
                && result == FileDialogResult::Pending
            {
                result = FileDialogResult::ReviewedOnly(on);
            }
            if let Some(existing) = self.replace.clone() {
                let name = existing.file_name().unwrap_or_default().to_string_lossy();
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("“{name}” already exists. Replace it? (The current file is kept as {name}.bak.)"),
                );
                ui.horizontal(|ui| {
                    if ui.button(RichText::new("Replace").strong()).clicked() {
                        result = FileDialogResult::Picked(existing.clone());
                    }
                    if ui.button("Choose another name").clicked() {
                        self.replace = None;
                    }
                });
                return;
            }
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let confirm = ui.add_enabled(
                    self.chosen().is_some(),
                    egui::Button::new(RichText::new(self.purpose.confirm_label()).strong()),
                );
                let enter = !folder_entered
                    && self.chosen().is_some()
                    && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Enter));
                if (confirm.clicked() || enter)
                    && let Some(path) = self.chosen()
                {
                    if path.is_dir() {
                        self.enter(path);
                        self.file_name.clear();
                    } else {
                        result = self.pick(path);
                    }
                }
                if self.purpose == FileDialogPurpose::AddToArchive
                    && ui
                        .button("Add this folder")
                        .on_hover_text(format!(
                            "Archive every session in {} and the folders inside it",
                            self.dir.display()
                        ))
                        .clicked()
                {
                    result = FileDialogResult::Picked(self.dir.clone());
                }
                if ui.button("Cancel").clicked() {
                    result = FileDialogResult::Cancelled;
                }
            });
        });
        if modal.should_close() && result == FileDialogResult::Pending {
            result = FileDialogResult::Cancelled;
        }
        result
    }
}

/// A small painted folder or page: emoji icons showed as unreadable glyphs.
fn entry_icon(ui: &mut egui::Ui, is_dir: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
    let colour = ui.visuals().weak_text_color();
    let stroke = egui::Stroke::new(1.2, colour);
    let painter = ui.painter();
    if is_dir {
        let body = egui::Rect::from_min_max(
            rect.min + egui::vec2(0.5, 3.5),
            rect.max - egui::vec2(0.5, 1.5),
        );
        let tab = egui::Rect::from_min_size(rect.min + egui::vec2(0.5, 1.5), egui::vec2(6.0, 3.0));
        painter.rect_filled(tab, 1.0, colour);
        painter.rect_filled(body, 1.5, colour.gamma_multiply(0.35));
        painter.rect_stroke(body, 1.5, stroke, egui::StrokeKind::Inside);
    } else {
        let page = egui::Rect::from_min_max(
            rect.min + egui::vec2(2.5, 0.5),
            rect.max - egui::vec2(2.5, 0.5),
        );
        painter.rect_stroke(page, 1.0, stroke, egui::StrokeKind::Inside);
        for k in 0..3 {
            let y = page.top() + 4.0 + 2.8 * k as f32;
            painter.line_segment(
                [
                    egui::pos2(page.left() + 2.0, y),
                    egui::pos2(page.right() - 2.0, y),
                ],
                egui::Stroke::new(1.0, colour),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_folders_first_and_only_wanted_files() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["b.ron", "a.txt", "c.png", ".hidden.ron"] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("zeta")).unwrap();
        let d = FileDialog::new(
            FileDialogPurpose::Open,
            dir.path().to_path_buf(),
            String::new(),
        );
        let names: Vec<_> = d.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["zeta", "a.txt", "b.ron"]);
    }

    #[test]
    fn writing_over_an_existing_file_asks_first() {
        let dir = tempfile::tempdir().unwrap();
        let existing = dir.path().join("old.ron");
        std::fs::write(&existing, "x").unwrap();
        let mut save = FileDialog::new(
            FileDialogPurpose::SaveSession,
            dir.path().to_path_buf(),
            "old".into(),
        );
        assert_eq!(save.pick(existing.clone()), FileDialogResult::Pending);
        assert_eq!(save.replace.as_ref(), Some(&existing));
        assert_eq!(
            save.pick(existing.clone()),
            FileDialogResult::Picked(existing.clone()),
            "confirmed"
        );
        let new = dir.path().join("new.ron");
        assert_eq!(save.pick(new.clone()), FileDialogResult::Picked(new));
        let mut open =
            FileDialog::new(FileDialogPurpose::Open, dir.path().to_path_buf(), "".into());
        assert_eq!(
            open.pick(existing.clone()),
            FileDialogResult::Picked(existing),
            "opening never asks"
        );
    }

    #[test]
    fn save_adds_ron_extension() {
        let dir = tempfile::tempdir().unwrap();
        let d = FileDialog::new(
            FileDialogPurpose::SaveSession,
            dir.path().to_path_buf(),
            "check".into(),
        );
        assert_eq!(d.chosen(), Some(dir.path().join("check.ron")));
    }
}
