//! Suggested claims in the app: the suggester runs on a worker thread when an article
//! without claims opens; the pane lists the check-worthy sentences with their scores,
//! explains a score, and accepts or dismisses suggestions through [`Command`]s.

use super::intent::Intent;
use crate::command::Command;
use crate::extract::{DEFAULT_THRESHOLD, Suggestion, suggest_with_progress, to_command};
use crate::model::Session;
use egui::{Color32, ProgressBar, RichText, ScrollArea, Slider, Ui, Vec2};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, channel};

/// Height of one row in the suggestions list.
const ROW_HEIGHT: f32 = 58.0;

/// Colour of suggestion underlines in the article: a neutral slate, unlike any verdict.
pub const SUGGESTION_COLOUR: Color32 = Color32::from_rgb(96, 112, 140);

enum Run {
    Idle,
    Running {
        sha: String,
        progress: Arc<AtomicU32>,
        results: Receiver<Vec<Suggestion>>,
    },
    Ready {
        sha: String,
    },
}

/// Suggestions for the open article and the pane's settings.
pub struct Suggestions {
    run: Run,
    all: Vec<Suggestion>,
    /// Only suggestions scoring at least this are shown.
    pub threshold: f32,
    /// Sort by score (highest first) instead of article order.
    pub by_score: bool,
    /// The suggestion shown in the inspector, as (start, end).
    pub selected: Option<(usize, usize)>,
    shown: Vec<usize>,
    shown_key: Option<(u64, u32, bool, usize)>,
    /// (start, end, score) of the shown suggestions in article order, for the article pane.
    marks: Vec<(usize, usize, f32)>,
    marks_generation: u64,
}

impl Default for Suggestions {
    fn default() -> Self {
        Self {
            run: Run::Idle,
            all: Vec::new(),
            threshold: DEFAULT_THRESHOLD,
            by_score: false,
            selected: None,
            shown: Vec::new(),
            shown_key: None,
            marks: Vec::new(),
            marks_generation: 0,
        }
    }
}

impl Suggestions {
    /// Starts the suggester on a worker thread (replacing any earlier results).
    pub fn start(&mut self, ctx: &egui::Context, session: &Session) {
        let text = session.article.text.clone();
        let progress = Arc::new(AtomicU32::new(0));
        let (tx, rx) = channel();
        let (worker_progress, ctx) = (progress.clone(), ctx.clone());
        std::thread::spawn(move || {
            let result = suggest_with_progress(&text, &mut |p| {
                worker_progress.store(p.to_bits(), Ordering::Relaxed);
                ctx.request_repaint();
            });
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        self.run = Run::Running {
            sha: session.article.origin.sha256.clone(),
            progress,
            results: rx,
        };
        self.all.clear();
        self.selected = None;
        self.shown_key = None;
    }

    /// Picks up finished results. Starts the suggester for an article without claims,
    /// or when the suggestions are `wanted` (the pane is open) and not yet computed.
    pub fn poll(&mut self, ctx: &egui::Context, session: &Session, wanted: bool) {
        let sha = &session.article.origin.sha256;
        match &self.run {
            Run::Running {
                sha: running,
                results,
                ..
            } => {
                if running != sha {
                    self.run = Run::Idle;
                } else if let Ok(found) = results.try_recv() {
                    self.all = found;
                    self.run = Run::Ready { sha: sha.clone() };
                    self.shown_key = None;
                }
            }
            Run::Ready { sha: done } if done != sha => {
                self.run = Run::Idle;
                self.all.clear();
                self.selected = None;
            }
            _ => {}
        }
        if matches!(self.run, Run::Idle) && (wanted || session.claims.is_empty()) {
            self.start(ctx, session);
        }
    }

    /// Whether suggestions have been computed for the open article.
    pub fn is_ready(&self) -> bool {
        matches!(self.run, Run::Ready { .. })
    }

    /// Whether the suggester is still working.
    pub fn is_running(&self) -> bool {
        matches!(self.run, Run::Running { .. })
    }

    fn progress(&self) -> f32 {
        match &self.run {
            Run::Running { progress, .. } => f32::from_bits(progress.load(Ordering::Relaxed)),
            _ => 1.0,
        }
    }

    /// Suggestions to show: above the threshold, not dismissed, not already claims.
    pub fn visible<'a>(
        &'a mut self,
        session: &Session,
        revision: u64,
    ) -> impl Iterator<Item = &'a Suggestion> + 'a {
        let key = (
            revision,
            self.threshold.to_bits(),
            self.by_score,
            self.all.len(),
        );
        if self.shown_key != Some(key) {
            let taken: std::collections::HashSet<(usize, usize)> = session
                .claims
                .iter()
                .map(|c| (c.anchor.start, c.anchor.end))
                .chain(session.dismissed_suggestions.iter().copied())
                .collect();
            self.shown = (0..self.all.len())
                .filter(|&i| {
                    let s = &self.all[i];
                    s.score >= self.threshold && !taken.contains(&(s.start, s.end))
                })
                .collect();
            self.marks = self
                .shown
                .iter()
                .map(|&i| (self.all[i].start, self.all[i].end, self.all[i].score))
                .collect();
            self.marks_generation += 1;
            if self.by_score {
                self.shown
                    .sort_by(|&a, &b| self.all[b].score.total_cmp(&self.all[a].score));
            }
            self.shown_key = Some(key);
        }
        self.shown.iter().map(|&i| &self.all[i])
    }

    /// What the article pane marks: the shown suggestions and the selected one.
    pub fn marks(&mut self, session: &Session, revision: u64) -> super::article_view::Marks<'_> {
        let _ = self.visible(session, revision);
        // The key changes with the list and with the selection, so highlights are rebuilt for either.
        let selected_key = self
            .selected
            .map_or(0, |(s, e)| ((s as u64) << 32) ^ e as u64 ^ 1);
        super::article_view::Marks {
            suggestions: &self.marks,
            selected: self.selected,
            key: self.marks_generation.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ selected_key,
        }
    }

    /// How many suggestions are shown at the current threshold.
    pub fn count(&mut self, session: &Session, revision: u64) -> usize {
        self.visible(session, revision).count()
    }

    /// Moves the selection to the next (`1`) or previous (`-1`) shown suggestion and
    /// returns where it starts.
    pub fn step(&mut self, step: isize) -> Option<usize> {
        let next = self.neighbour(step)?;
        self.selected = Some(next);
        Some(next.0)
    }

    /// The selected suggestion, if it is still shown.
    pub fn selected_suggestion(&self) -> Option<&Suggestion> {
        let (start, end) = self.selected?;
        self.shown
            .iter()
            .map(|&i| &self.all[i])
            .find(|s| s.start == start && s.end == end)
    }

    /// The shown suggestion after (or before) the selected one.
    fn neighbour(&self, step: isize) -> Option<(usize, usize)> {
        let shown: Vec<&Suggestion> = self.shown.iter().map(|&i| &self.all[i]).collect();
        let pos = self
            .selected
            .and_then(|sel| shown.iter().position(|s| (s.start, s.end) == sel));
        let next = match pos {
            Some(p) => p.checked_add_signed(step)?,
            None => 0,
        };
        shown.get(next).map(|s| (s.start, s.end))
    }

    /// Accepts the selected suggestion as a claim and selects the next one.
    pub fn accept_selected(&mut self, intents: &mut Vec<Intent>) {
        if let Some(s) = self.selected_suggestion() {
            intents.push(Intent::Edit(to_command(s)));
            self.selected = self.neighbour(1).or_else(|| self.neighbour(-1));
        }
    }

    /// Dismisses the selected suggestion for good and selects the next one.
    pub fn dismiss_selected(&mut self, intents: &mut Vec<Intent>) {
        if let Some(s) = self.selected_suggestion() {
            intents.push(Intent::Edit(Command::DismissSuggestion {
                start: s.start,
                end: s.end,
            }));
            self.selected = self.neighbour(1).or_else(|| self.neighbour(-1));
        }
    }

    /// The list pane: controls and the suggestions above the threshold.
    pub fn show_list(
        &mut self,
        ui: &mut Ui,
        ctx: &egui::Context,
        session: &Session,
        revision: u64,
        intents: &mut Vec<Intent>,
    ) {
        if self.is_running() {
            ui.add(
                ProgressBar::new(self.progress())
                    .show_percentage()
                    .text("Finding check-worthy sentences…"),
            );
        }
        ui.horizontal(|ui| {
            let label = ui.label("Minimum score");
            ui.add(Slider::new(&mut self.threshold, 0.0..=1.0).fixed_decimals(2))
                .labelled_by(label.id);
        });
        let count = self.visible(session, revision).count();
        ui.horizontal(|ui| {
            let accept_all = ui
                .add_enabled(count > 0, egui::Button::new(format!("Accept all {count}")))
                .on_hover_text(
                    "Make every suggestion shown here a claim, with its claimant (one undo step)",
                );
            if accept_all.clicked() {
                let commands: Vec<Command> =
                    self.visible(session, revision).map(to_command).collect();
                intents.push(Intent::Edit(Command::Batch(commands)));
                self.selected = None;
            }
            egui::ComboBox::from_id_salt("suggestion-sort")
                .selected_text(if self.by_score {
                    "By score"
                } else {
                    "In article order"
                })
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.by_score, false, "In article order");
                    ui.selectable_value(&mut self.by_score, true, "By score");
                })
                .response
                .on_hover_text("Sort the suggestions");
            if ui
                .add_enabled(!self.is_running(), egui::Button::new("Suggest again"))
                .on_hover_text(
                    "Split and score the article again (dismissed sentences stay dismissed)",
                )
                .clicked()
            {
                self.start(ctx, session);
            }
        });
        ui.separator();
        if count == 0 && !self.is_running() {
            ui.weak("No suggestions at this score. Lower the minimum score, or select text in the article to make a claim of it.");
            return;
        }
        let rows: Vec<(usize, usize, f32, String, String)> = self
            .visible(session, revision)
            .map(|s| {
                let who = s
                    .attribution
                    .as_ref()
                    .map(|a| a.claimant.clone())
                    .unwrap_or_default();
                (s.start, s.end, s.score, s.text.replace('\n', " "), who)
            })
            .collect();
        ScrollArea::vertical()
            .id_salt("suggestions-list")
            .auto_shrink(false)
            .show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
                for (start, end, score, text, who) in &rows[range] {
                    let selected = self.selected == Some((*start, *end));
                    if suggestion_row(ui, *score, text, who, selected).clicked() {
                        self.selected = Some((*start, *end));
                        intents.push(Intent::RevealText(*start));
                    }
                }
            });
    }

    /// The inspector for the selected suggestion: its score explained, accept or dismiss.
    pub fn show_inspector(&mut self, ui: &mut Ui, intents: &mut Vec<Intent>) {
        let Some(s) = self.selected_suggestion().cloned() else {
            ui.add_space(16.0);
            ui.vertical_centered(|ui| {
                ui.weak("No suggestion selected.");
                ui.weak("Pick one in the list to see why it was suggested.");
            });
            return;
        };
        ui.heading("Suggested claim");
        ui.label(RichText::new(format!("“{}”", s.text)).italics());
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new("Accept as claim").strong())
                .on_hover_text("Make it a claim (Enter)")
                .clicked()
            {
                self.accept_selected(intents);
            }
            if ui
                .button("Dismiss")
                .on_hover_text("Hide this suggestion for good (Delete)")
                .clicked()
            {
                self.dismiss_selected(intents);
            }
        });
        ui.add_space(6.0);
        ui.label(RichText::new(format!("Check-worthiness {:.2}", s.score)).strong());
        ui.add(ProgressBar::new(s.score).desired_height(10.0));
        if let Some(a) = &s.attribution {
            ui.label(format!("Claimant: {} (“{}”)", a.claimant, a.cue));
        } else {
            ui.weak("No claimant found in the text.");
        }
        ui.add_space(6.0);
        ui.label(RichText::new("Why this score").strong());
        egui::Grid::new("reasons")
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for reason in &s.reasons {
                    let (sign, colour) = if reason.weight >= 0.0 {
                        ("raised", Color32::from_rgb(46, 125, 70))
                    } else {
                        ("lowered", Color32::from_rgb(190, 60, 60))
                    };
                    ui.colored_label(colour, format!("{sign} {:+.2}", reason.weight));
                    ui.label(&reason.feature);
                    ui.end_row();
                }
            });
    }
}

fn suggestion_row(
    ui: &mut Ui,
    score: f32,
    text: &str,
    who: &str,
    selected: bool,
) -> egui::Response {
    let accessible = format!("Suggestion, score {score:.2}: {text}");
    let (response, rect) = super::theme::list_row(ui, ROW_HEIGHT, selected, &accessible);
    let Some(rect) = rect else {
        return response;
    };
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    super::theme::paint_row(
        ui,
        rect,
        &response,
        selected,
        Some(SUGGESTION_COLOUR.gamma_multiply(0.6)),
    );
    let badge = egui::Rect::from_min_size(rect.min + Vec2::new(6.0, 6.0), Vec2::new(40.0, 17.0));
    painter.rect_stroke(
        badge,
        8.0,
        egui::Stroke::new(1.5, SUGGESTION_COLOUR),
        egui::StrokeKind::Inside,
    );
    painter.text(
        badge.center(),
        egui::Align2::CENTER_CENTER,
        format!("{score:.2}"),
        egui::FontId::proportional(11.5),
        SUGGESTION_COLOUR,
    );
    if !who.is_empty() {
        painter.text(
            egui::pos2(badge.right() + 8.0, badge.center().y),
            egui::Align2::LEFT_CENTER,
            who,
            egui::FontId::proportional(12.0),
            visuals.weak_text_color(),
        );
    }
    let mut job = egui::text::LayoutJob::simple(
        text.to_owned(),
        egui::FontId::proportional(13.0),
        visuals.text_color(),
        rect.width() - 16.0,
    );
    job.wrap.max_rows = 2;
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    painter.galley(
        egui::pos2(rect.left() + 8.0, badge.bottom() + 3.0),
        galley,
        visuals.text_color(),
    );
    response
}
