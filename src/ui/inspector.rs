//! The inspector: everything about the selected claim, editable.
//!
//! Fields edit a copy of the claim; any change becomes a [`Command`], so every edit
//! is undoable and goes through the one place that applies changes.

use super::actions::{Action, STATUS_KEYS};
use super::intent::Intent;
use super::palette::Palette;
use super::pane::PaneContext;
use super::theme;
use super::view_state::ViewRequest;
use crate::command::Command;
use crate::model::{AddressProblem, Claim, Session, SourceDraft, Stance, check_web_address};
use egui::{RichText, ScrollArea, TextEdit, Ui};
use std::ops::Range;
use strum::IntoEnumIterator as _;

/// Shows the inspector for the selected claim (or a hint when none is selected).
pub fn ui(cx: &PaneContext<'_>, ui: &mut Ui) -> Vec<Intent> {
    let mut intents = Vec::new();
    let session = cx.session();
    let Some(claim) = cx.view.selected.and_then(|id| session.claim(id)) else {
        ui.add_space(16.0);
        ui.vertical_centered(|ui| {
            ui.weak("No claim selected.");
            ui.weak("Click a highlight in the article or a claim in the list,\nor select text and press New claim (Ctrl+N).");
        });
        return intents;
    };
    let selection = cx.view.text_selection.clone();
    let reveal_new_source = cx.requested(&ViewRequest::RevealNewSource);
    let intents_ref = &mut intents;
    let mut area = ScrollArea::vertical()
        .id_salt("inspector")
        .auto_shrink(false);
    if cx.requested(&ViewRequest::InspectorToTop) {
        // Another claim: start at its header (and its Delete button), not where the
        // last one was scrolled to.
        area = area.vertical_scroll_offset(0.0);
    }
    area.show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(format!("Claim #{}", claim.number));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let del = Action::DeleteClaim;
                if ui
                    .button("🗑 Delete")
                    .on_hover_text(del.hint(ui.ctx()))
                    .clicked()
                {
                    intents_ref.push(Intent::Run(del));
                }
            });
        });
        if claim.needs_review {
            needs_review(ui, claim, selection, intents_ref);
            ui.weak("Its text before the article changed:");
        }
        ui.label(RichText::new(quoted(&claim.anchor.exact)).italics())
            .on_hover_text(format!(
                "Quoted from the article, characters {}–{}",
                claim.anchor.start, claim.anchor.end
            ));
        if let Some(page) = session
            .article
            .page_label(claim.anchor.start..claim.anchor.end)
        {
            ui.weak(format!("{page} of the PDF"))
                .on_hover_text("Where the claim is in the original PDF, for citing it");
        }
        ui.add_space(6.0);

        status_picker(ui, session, claim, intents_ref);
        if let Some(who) = verdict_by(claim) {
            ui.weak(who);
        }
        ui.add_space(6.0);
        intents_ref.extend(super::archive_pane::claim_checked_before_ui(cx, claim, ui));

        text_field(
            ui,
            "Claim wording",
            &claim.text,
            true,
            ("wording", claim.id),
            |text| Command::SetText {
                claim: claim.id,
                text,
            },
            intents_ref,
        );
        text_field(
            ui,
            "Claimant",
            &claim.claimant,
            false,
            ("claimant", claim.id),
            |claimant| Command::SetClaimant {
                claim: claim.id,
                claimant,
            },
            intents_ref,
        );
        if let Some(a) = &claim.attribution {
            ui.weak(format!("Detected: “{}” ({})", a.claimant, a.cue));
        }
        ui.add_space(6.0);
        sources(ui, claim, reveal_new_source, intents_ref);
        ui.add_space(6.0);
        text_field(
            ui,
            "Note",
            &claim.note,
            true,
            ("note", claim.id),
            |note| Command::SetNote {
                claim: claim.id,
                note,
            },
            intents_ref,
        );
        ui.add_space(6.0);
        publishing(ui, claim, intents_ref);
    });
    intents
}

/// "Verdict set by Ada on 2026-11-30", when the session knows who or when.
fn verdict_by(claim: &Claim) -> Option<String> {
    let by = claim.verdict_by.trim();
    let date = claim.verdict_date.trim();
    match (by.is_empty(), date.is_empty()) {
        (true, true) => None,
        (false, true) => Some(format!("Verdict set by {by}")),
        (true, false) => Some(format!("Verdict set on {date}")),
        (false, false) => Some(format!("Verdict set by {by} on {date}")),
    }
}

/// When the claim was made and where its fact check is published (ClaimReview's
/// `itemReviewed.datePublished` and `url`), with a word when either will not do.
fn publishing(ui: &mut Ui, claim: &Claim, intents: &mut Vec<Intent>) {
    text_field(
        ui,
        "Claim date (YYYY-MM-DD)",
        &claim.claim_date,
        false,
        ("claim date", claim.id),
        |date| Command::SetClaimDate {
            claim: claim.id,
            date,
        },
        intents,
    );
    if !claim.claim_date.trim().is_empty()
        && crate::export::date::parse_date(&claim.claim_date).is_err()
    {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Write the date as YYYY-MM-DD, for example 2026-03-12.",
        );
    }
    text_field(
        ui,
        "Review URL",
        &claim.review_url,
        false,
        ("review url", claim.id),
        |url| Command::SetReviewUrl {
            claim: claim.id,
            url,
        },
        intents,
    );
    if claim.review_url.trim().is_empty() {
        ui.weak("Where this fact check is published; empty uses the export's address.");
    } else if let Err(problem) = crate::model::check_web_address(&claim.review_url) {
        ui.colored_label(ui.visuals().warn_fg_color, problem.to_string());
    }
}

fn status_picker(ui: &mut Ui, session: &Session, claim: &Claim, intents: &mut Vec<Intent>) {
    ui.label(RichText::new("Verdict").strong())
        .on_hover_text("Click a verdict, or press its key (the number on its chip)");
    ui.horizontal_wrapped(|ui| {
        for (i, label) in session.scheme.labels.iter().enumerate() {
            let colour = theme::status_colour(&session.scheme, &label.id);
            let (fill, on) = theme::chip(&session.scheme, &label.id);
            let selected = claim.status == label.id;
            let (name, key_colour) = if selected {
                (RichText::new(label.display_name()).color(on).strong(), on)
            } else {
                (
                    RichText::new(label.display_name()),
                    ui.visuals().weak_text_color(),
                )
            };
            // The key that sets this verdict is on the chip: it changes with the scheme.
            let key = (i < STATUS_KEYS.len()).then(|| i + 1);
            let mut button = match key {
                Some(k) => egui::Button::new((
                    RichText::new(k.to_string()).monospace().color(key_colour),
                    name,
                )),
                None => egui::Button::new(name),
            }
            .selected(selected)
            .corner_radius(10.0);
            button = if selected {
                button.fill(fill)
            } else {
                let outline = Palette::of(ui.visuals()).line(colour);
                button.stroke(egui::Stroke::new(1.5, outline))
            };
            let hint = match key {
                Some(k) => format!("{} (key {k})", label.description),
                None => label.description.clone(),
            };
            let response = ui.add(button);
            // Screen readers and tests know the chip by its verdict; the key is its
            // description.
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, label.display_name())
            });
            if let Some(k) = key {
                ui.ctx().accesskit_node_builder(response.id, |node| {
                    node.set_description(format!("key {k}"));
                });
            }
            if response.on_hover_text(hint).clicked() && !selected {
                intents.push(Intent::SetVerdict {
                    claim: claim.id,
                    status: label.id.clone(),
                });
            }
        }
    });
    if let Some(label) = session.scheme.label(&claim.status) {
        ui.weak(&label.description);
    }
}

/// A labelled text field; pushes `make(new_text)` when the user changes it.
fn text_field(
    ui: &mut Ui,
    label: &str,
    value: &str,
    multiline: bool,
    id: impl std::hash::Hash + std::fmt::Debug,
    make: impl FnOnce(String) -> Command,
    intents: &mut Vec<Intent>,
) {
    let heading = ui.label(RichText::new(label).strong());
    let mut text = value.to_owned();
    let edit = if multiline {
        TextEdit::multiline(&mut text).desired_rows(2)
    } else {
        TextEdit::singleline(&mut text)
    };
    let response = ui
        .add(edit.id_salt(id).desired_width(f32::INFINITY))
        .labelled_by(heading.id);
    if response.changed() {
        intents.push(Intent::Edit(make(text)));
    }
}

/// The claim's text in quotation marks, unless it already starts or ends with one
/// (a quote from the article often does: `"If…"` showed as `“"If…"”`).
fn quoted(text: &str) -> String {
    const QUOTES: [char; 8] = ['"', '“', '”', '„', '«', '»', '‘', '’'];
    let text = text.trim();
    if text.starts_with(QUOTES) || text.ends_with(QUOTES) {
        text.to_owned()
    } else {
        format!("“{text}”")
    }
}

fn sources(ui: &mut Ui, claim: &Claim, reveal_new: bool, intents: &mut Vec<Intent>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Sources ({})", claim.sources.len())).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("+ Add source")
                .on_hover_text("Add a piece of evidence for or against this claim")
                .clicked()
            {
                intents.push(Intent::Edit(Command::AddSource {
                    claim: claim.id,
                    draft: SourceDraft {
                        accessed: crate::export::today_utc(),
                        ..Default::default()
                    },
                }));
            }
        });
    });
    if claim.sources.is_empty() {
        ui.weak("No sources yet.");
    }
    let last = claim.sources.len().saturating_sub(1);
    for (n, source) in claim.sources.iter().enumerate() {
        let frame = egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let mut edited = source.clone();
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("Source {}", n + 1)).strong());
                for stance in Stance::iter() {
                    ui.radio_value(&mut edited.stance, stance, stance.label());
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .small_button("Remove")
                        .on_hover_text("Remove this source (undo brings it back)")
                        .clicked()
                    {
                        intents.push(Intent::Edit(Command::RemoveSource {
                            claim: claim.id,
                            source: source.id,
                        }));
                    }
                });
            });
            let id = (claim.id, source.id);
            egui::Grid::new(("source-grid", id))
                .num_columns(2)
                .spacing([8.0, 4.0])
                .show(ui, |ui| {
                    let url =
                        grid_field(ui, "URL", &mut edited.url, false, ("url", id), "https://…");
                    if reveal_new && n == last {
                        url.request_focus();
                    }
                    grid_field(
                        ui,
                        "Title or publisher",
                        &mut edited.title,
                        false,
                        ("title", id),
                        "Page title or publisher",
                    );
                    grid_field(
                        ui,
                        "Quoted passage",
                        &mut edited.quote,
                        true,
                        ("quote", id),
                        "The passage that matters",
                    );
                    grid_field(
                        ui,
                        "Accessed",
                        &mut edited.accessed,
                        false,
                        ("accessed", id),
                        "YYYY-MM-DD",
                    );
                });
            url_line(ui, n, &mut edited.url, intents);
            if edited != *source {
                intents.push(Intent::Edit(Command::UpdateSource {
                    claim: claim.id,
                    source: edited,
                }));
            }
        });
        if reveal_new && n == last {
            ui.scroll_to_rect(frame.response.rect, Some(egui::Align::Center));
        }
    }
}

/// Under a source's fields: what is wrong with its URL (with a one-click fix when
/// only the https:// is missing), or buttons to open and copy it.
fn url_line(ui: &mut Ui, n: usize, url: &mut String, intents: &mut Vec<Intent>) {
    ui.horizontal_wrapped(|ui| match check_web_address(url) {
        Ok(address) => {
            let address = address.to_string();
            if ui
                .small_button("Open in browser ↗")
                .on_hover_text(format!("Open {address}"))
                .clicked()
            {
                intents.push(Intent::OpenUrl(address.clone()));
            }
            if ui
                .small_button("Copy URL")
                .on_hover_text("Copy the address to the clipboard")
                .clicked()
            {
                intents.push(Intent::Copy {
                    text: url.trim().to_owned(),
                    what: format!("the URL of source {}", n + 1),
                });
            }
        }
        Err(AddressProblem::Empty) => {
            ui.weak("Paste the address of the page the evidence is on.");
        }
        Err(problem) => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("⚠ This URL will not work: {problem}."),
            );
            if let Some(fixed) = problem.fixed() {
                let fixed = fixed.to_owned();
                if ui
                    .small_button("Add https://")
                    .on_hover_text(format!("Change it to {fixed}"))
                    .clicked()
                {
                    *url = fixed;
                }
            }
        }
    });
}

fn grid_field(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    multiline: bool,
    id: impl std::hash::Hash + std::fmt::Debug,
    hint: &str,
) -> egui::Response {
    let l = ui.label(label);
    let edit = if multiline {
        TextEdit::multiline(value).desired_rows(2)
    } else {
        TextEdit::singleline(value)
    };
    let response = ui
        .add(
            edit.id_salt(id)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    ui.end_row();
    response
}

/// A claim that lost its place when the article changed: say so, and re-attach it
/// to the text the user selects.
fn needs_review(
    ui: &mut Ui,
    claim: &Claim,
    selection: Option<Range<usize>>,
    intents: &mut Vec<Intent>,
) {
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, ui.visuals().warn_fg_color))
        .show(ui, |ui| {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                RichText::new("⚠ Needs review").strong(),
            );
            ui.label("The article changed and this claim's text was not found with confidence. Its verdict, sources and note are kept. Select the right text in the article, then re-attach the claim to it.");
            let button = ui
                .add_enabled(selection.is_some(), egui::Button::new("Re-attach to selection"))
                .on_hover_text("Anchor this claim to the text selected in the article")
                .on_disabled_hover_text("Select the claim's text in the article first");
            if button.clicked()
                && let Some(range) = selection
            {
                intents.push(Intent::Edit(Command::ReattachClaim {
                    claim: claim.id,
                    start: range.start,
                    end: range.end,
                }));
            }
        });
}
