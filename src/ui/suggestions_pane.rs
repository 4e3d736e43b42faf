//! The Suggestions pane: the check-worthy sentences with their scores and claimants,
//! and for the selected one why it scored so, with Accept and Dismiss. It reads the
//! [`super::suggestions::SuggestionsState`] and returns intents.

use super::intent::Intent;
use super::palette::Palette;
use super::pane::PaneContext;
use super::suggestions::SuggestionSpan;
use super::theme;
use crate::command::Command;
use crate::extract::{Suggestion, accept, accept_all};
use egui::{ProgressBar, RichText, ScrollArea, Slider, Ui, Vec2};

/// Height of one row in the suggestions list.
const ROW_HEIGHT: f32 = 58.0;

/// What accepting the selected suggestion does: make it a claim, and select the next.
/// Nothing when a claim already covers it (that text is being checked already).
pub fn accept_selected(cx: &PaneContext<'_>) -> Vec<Intent> {
    match cx
        .suggestions
        .selected_suggestion()
        .and_then(|s| accept(s, cx.session()))
    {
        Some(command) => vec![
            Intent::Edit(command),
            Intent::SelectSuggestion(cx.suggestions.after_selected()),
        ],
        None => Vec::new(),
    }
}

/// What dismissing the selected suggestion does: hide it for good, select the next.
pub fn dismiss_selected(cx: &PaneContext<'_>) -> Vec<Intent> {
    match cx.suggestions.selected_suggestion() {
        Some(s) => vec![
            Intent::Edit(Command::DismissSuggestion {
                start: s.start,
                end: s.end,
            }),
            Intent::SelectSuggestion(cx.suggestions.after_selected()),
        ],
        None => Vec::new(),
    }
}

/// The list: controls and the suggestions above the threshold.
pub fn list_ui(cx: &PaneContext<'_>, ui: &mut Ui) -> Vec<Intent> {
    let mut intents = Vec::new();
    let state = cx.suggestions;
    if state.is_running() {
        ui.add(
            ProgressBar::new(state.progress())
                .show_percentage()
                .text("Finding check-worthy sentences…"),
        );
    }
    ui.horizontal(|ui| {
        let label = ui.label("Minimum score");
        let mut threshold = state.threshold;
        ui.add(Slider::new(&mut threshold, 0.0..=1.0).fixed_decimals(2))
            .labelled_by(label.id);
        if threshold != state.threshold {
            intents.push(Intent::SetSuggestionThreshold(threshold));
        }
    });
    let count = state.count();
    let session = cx.session();
    // Suggestions a claim already covers are shown but never accepted twice.
    let open = state.open_count();
    ui.horizontal(|ui| {
        let accept_button = ui
            .add_enabled(open > 0, egui::Button::new(format!("Accept all {open}")))
            .on_hover_text(
                "Make every suggestion shown here a claim, with its claimant (one undo step); ones a claim already covers are skipped",
            );
        if accept_button.clicked() {
            let commands: Vec<Command> = accept_all(state.shown(), session);
            intents.push(Intent::Edit(Command::Batch(commands)));
            intents.push(Intent::SelectSuggestion(None));
        }
        let mut by_score = state.by_score;
        egui::ComboBox::from_id_salt("suggestion-sort")
            .selected_text(if by_score {
                "By score"
            } else {
                "In article order"
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut by_score, false, "In article order");
                ui.selectable_value(&mut by_score, true, "By score");
            })
            .response
            .on_hover_text("Sort the suggestions");
        if by_score != state.by_score {
            intents.push(Intent::SortSuggestionsByScore(by_score));
        }
        if ui
            .add_enabled(!state.is_running(), egui::Button::new("Suggest again"))
            .on_hover_text("Split and score the article again (dismissed sentences stay dismissed)")
            .clicked()
        {
            intents.push(Intent::SuggestAgain);
        }
    });
    ui.separator();
    if count == 0 && !state.is_running() {
        ui.weak("No suggestions at this score. Lower the minimum score, or select text in the article to make a claim of it.");
        return intents;
    }
    let rows: Vec<(&Suggestion, Option<u64>)> = state.shown_with_cover().collect();
    ScrollArea::vertical()
        .id_salt("suggestions-list")
        .auto_shrink(false)
        .show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
            for &(s, covered) in &rows[range] {
                let span = SuggestionSpan::of(s);
                let selected = state.selected == Some(span);
                let checked = cx
                    .archive
                    .checked_before_span(s.start, s.end)
                    .and_then(super::archive_pane::badge_words);
                if suggestion_row(ui, s, selected, covered, checked.as_deref()).clicked() {
                    intents.push(Intent::SelectSuggestion(Some(span)));
                    intents.push(Intent::RevealText(span.start));
                }
            }
        });
    intents
}

/// The inspector for the selected suggestion: its score explained, accept or dismiss.
pub fn inspector_ui(cx: &PaneContext<'_>, ui: &mut Ui) -> Vec<Intent> {
    let mut intents = Vec::new();
    let Some(s) = cx.suggestions.selected_suggestion() else {
        ui.add_space(16.0);
        ui.vertical_centered(|ui| {
            ui.weak("No suggestion selected.");
            ui.weak("Pick one in the list to see why it was suggested.");
        });
        return intents;
    };
    ui.heading("Suggested claim");
    ui.label(RichText::new(format!("“{}”", s.text)).italics());
    ui.add_space(4.0);
    let covered = cx.suggestions.selected_cover();
    if let Some(n) = covered {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("Claim #{n} already covers this text, so it is not accepted again."),
        );
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                covered.is_none(),
                egui::Button::new(RichText::new("Accept as claim").strong()),
            )
            .on_hover_text("Make it a claim (Enter)")
            .clicked()
        {
            intents.extend(accept_selected(cx));
        }
        if ui
            .button("Dismiss")
            .on_hover_text("Hide this suggestion for good (Delete)")
            .clicked()
        {
            intents.extend(dismiss_selected(cx));
        }
    });
    intents.extend(super::archive_pane::sentence_checked_before_ui(
        cx, s.start, s.end, ui,
    ));
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
            for reason in &s.reasons() {
                let palette = Palette::of(ui.visuals());
                let (sign, colour) = if reason.weight >= 0.0 {
                    ("raised", palette.raised)
                } else {
                    ("lowered", palette.lowered)
                };
                ui.colored_label(colour, format!("{sign} {:+.2}", reason.weight));
                ui.label(&reason.feature);
                ui.end_row();
            }
        });
    intents
}

fn suggestion_row(
    ui: &mut Ui,
    s: &Suggestion,
    selected: bool,
    covered: Option<u64>,
    checked_before: Option<&str>,
) -> egui::Response {
    let score = s.score;
    let text = s.text.replace('\n', " ");
    let who = s.attribution.as_ref().map_or("", |a| a.claimant.as_str());
    let covered_words = covered.map(|n| format!("covered by claim #{n}"));
    let mut accessible = match &covered_words {
        Some(c) => format!("Suggestion, score {score:.2}, {c}: {text}"),
        None => format!("Suggestion, score {score:.2}: {text}"),
    };
    if let Some(badge) = checked_before {
        accessible.push_str(&format!(" ({badge})"));
    }
    let (response, rect) = theme::list_row(ui, ROW_HEIGHT, selected, &accessible);
    let Some(rect) = rect else {
        return response;
    };
    let visuals = ui.visuals();
    let slate = Palette::of(visuals).suggestion;
    let painter = ui.painter_at(rect);
    theme::paint_row(
        ui,
        rect,
        &response,
        selected,
        Some(slate.gamma_multiply(0.6)),
    );
    let badge = egui::Rect::from_min_size(rect.min + Vec2::new(6.0, 6.0), Vec2::new(40.0, 17.0));
    painter.rect_stroke(
        badge,
        8.0,
        egui::Stroke::new(1.5, slate),
        egui::StrokeKind::Inside,
    );
    painter.text(
        badge.center(),
        egui::Align2::CENTER_CENTER,
        format!("{score:.2}"),
        egui::FontId::proportional(11.5),
        slate,
    );
    if let Some(words) = checked_before {
        let colour = visuals.hyperlink_color;
        let galley = painter.layout_no_wrap(
            format!("↺ {words}"),
            egui::FontId::proportional(11.5),
            colour,
        );
        painter.galley(
            egui::pos2(
                rect.right() - galley.size().x - 8.0,
                badge.center().y - galley.size().y / 2.0,
            ),
            galley,
            colour,
        );
    }
    if !who.is_empty() {
        painter.text(
            egui::pos2(badge.right() + 8.0, badge.center().y),
            egui::Align2::LEFT_CENTER,
            who,
            egui::FontId::proportional(12.0),
            visuals.weak_text_color(),
        );
    }
    if let Some(c) = covered_words {
        painter.text(
            egui::pos2(rect.right() - 8.0, badge.center().y),
            egui::Align2::RIGHT_CENTER,
            c,
            egui::FontId::proportional(11.5),
            visuals.weak_text_color(),
        );
    }
    // A covered suggestion's text is dimmed: it is already being checked.
    let text_colour = if covered.is_some() {
        visuals.weak_text_color()
    } else {
        visuals.text_color()
    };
    let mut job = egui::text::LayoutJob::simple(
        text,
        egui::FontId::proportional(13.0),
        text_colour,
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
