//! The claims pane: summary, filters and the list of claims in article order.

use super::intent::Intent;
use super::pane::PaneContext;
use super::theme;
use super::view_state::{ClaimFilter, ViewRequest};
use crate::model::{Session, check_web_address};
use egui::{FontId, RichText, ScrollArea, TextEdit, Ui, Vec2};

/// Height of one row in the list.
const ROW_HEIGHT: f32 = 48.0;

/// List state kept between frames: the filtered rows, recomputed only when the
/// claims or the filter change.
#[derive(Default)]
pub struct ClaimsList {
    rows: Vec<usize>,
    rows_key: Option<(u64, ClaimFilter)>,
    summary: Summary,
}

/// Id of the filter text box (the app focuses it on Edit › Filter claims).
pub fn filter_id() -> egui::Id {
    egui::Id::unique("claims-filter")
}

impl ClaimsList {
    /// Shows the pane.
    pub fn ui(&mut self, cx: &PaneContext<'_>, ui: &mut Ui) -> Vec<Intent> {
        let mut intents = Vec::new();
        let (session, revision, view) = (cx.session(), cx.revision(), cx.view);
        summary(ui, &mut self.summary, session, revision);
        let mut filter = view.filter.clone();
        needs_review_strip(ui, self.summary.needs_review, &mut filter);
        ui.add_space(2.0);
        filters(
            ui,
            session,
            &mut filter,
            cx.requested(&ViewRequest::FocusFilter),
        );
        if filter != view.filter {
            intents.push(Intent::SetFilter(filter));
        }
        let key = (revision, view.filter.clone());
        if self.rows_key.as_ref() != Some(&key) {
            self.rows = view.filter.rows(session);
            self.rows_key = Some(key);
        }
        if !view.filter.is_empty() {
            ui.weak(format!(
                "Showing {} of {}",
                self.rows.len(),
                session.claims.len()
            ));
        }
        ui.separator();
        if session.claims.is_empty() {
            ui.add_space(12.0);
            ui.weak(
                "No claims yet. Select a sentence in the article and press New claim (Ctrl+N).",
            );
            return intents;
        }
        let spacing = ui.spacing().item_spacing.y;
        let mut area = ScrollArea::vertical()
            .id_salt("claims-list")
            .auto_shrink(false);
        let reveal = cx.requests.iter().find_map(|r| match r {
            ViewRequest::RevealClaimInList(id) => Some(*id),
            _ => None,
        });
        if let Some(id) = reveal
            && let Some(row) = self.rows.iter().position(|&i| session.claims[i].id == id)
        {
            let y = row as f32 * (ROW_HEIGHT + spacing);
            let state =
                egui::scroll_area::State::load(ui.ctx(), ui.make_persistent_id("claims-list"));
            let visible = ui.available_height();
            let current = state.map_or(0.0, |s| s.clamped_offset().y);
            if y < current || y + ROW_HEIGHT > current + visible {
                area = area.vertical_scroll_offset((y - visible / 3.0).max(0.0));
            }
        }
        area.show_rows(ui, ROW_HEIGHT, self.rows.len(), |ui, range| {
            for &i in &self.rows[range] {
                let claim = &session.claims[i];
                let selected = view.selected == Some(claim.id);
                let checked = cx
                    .archive
                    .checked_before(claim.id)
                    .and_then(super::archive_pane::badge_words);
                let row = claim_row(ui, session, i, selected, checked.as_deref());
                if row.clicked() {
                    intents.push(Intent::Select {
                        claim: Some(claim.id),
                        reveal_in_article: true,
                        reveal_in_list: false,
                    });
                }
                row.context_menu(|ui| sources_menu(ui, claim, &mut intents));
            }
        });
        intents
    }
}

/// The summary line and review progress, recomputed only when the claims change.
#[derive(Default)]
struct Summary {
    revision: Option<u64>,
    line: String,
    reviewed: usize,
    total: usize,
    counts: Vec<(String, usize)>,
    needs_review: usize,
}

fn summary(ui: &mut Ui, cache: &mut Summary, session: &Session, revision: u64) {
    if cache.revision != Some(revision) {
        *cache = Summary {
            revision: Some(revision),
            line: session.summary(),
            reviewed: session.reviewed_count(),
            total: session.claims.len(),
            counts: session.status_counts(),
            needs_review: session.claims.iter().filter(|c| c.needs_review).count(),
        };
    }
    ui.label(&cache.line);
    let (total, reviewed) = (cache.total, cache.reviewed);
    if total == 0 {
        return;
    }
    ui.horizontal(|ui| {
        ui.weak(format!("{reviewed} of {total} reviewed"))
            .on_hover_text(
                "Claims with a verdict other than the scheme's \"not yet reviewed\" label",
            );
        super::verdict_chart::show(ui, &session.scheme, &cache.counts, 16.0);
    });
}

/// After an article update: how many claims need re-attaching, and a switch to list only them.
fn needs_review_strip(ui: &mut Ui, count: usize, filter: &mut ClaimFilter) {
    if count == 0 {
        filter.needs_review = false;
        return;
    }
    ui.horizontal(|ui| {
        let noun = if count == 1 { "claim needs" } else { "claims need" };
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("⚠ {count} {noun} review after the article changed"),
        )
        .on_hover_text("Their text was not found with confidence in the new article. Select the right text and press Re-attach to selection in the claim's panel.");
        let label = if filter.needs_review {
            "Show all claims"
        } else {
            "Show only these"
        };
        if ui.small_button(label).clicked() {
            filter.needs_review = !filter.needs_review;
        }
    });
}

fn filters(ui: &mut Ui, session: &Session, filter: &mut ClaimFilter, focus: bool) {
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        let edit = TextEdit::singleline(&mut filter.text)
            .id(filter_id())
            .hint_text("text, claimant or note")
            .desired_width((ui.available_width() - 150.0).max(80.0));
        let response = ui.add(edit).labelled_by(label.id);
        if focus {
            response.request_focus();
        }
        let current = filter
            .status
            .as_deref()
            .map_or("All verdicts", |s| session.scheme.name_of(s))
            .to_owned();
        egui::ComboBox::from_id_salt("status-filter")
            .selected_text(current)
            .width(130.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.status, None, "All verdicts");
                for label in &session.scheme.labels {
                    ui.selectable_value(
                        &mut filter.status,
                        Some(label.id.clone()),
                        label.display_name(),
                    );
                }
            })
            .response
            .on_hover_text("Show only claims with this verdict");
    });
}

/// The row's right-click menu: open or copy each source's URL.
fn sources_menu(ui: &mut Ui, claim: &crate::model::Claim, intents: &mut Vec<Intent>) {
    if claim.sources.is_empty() {
        ui.weak("No sources yet");
        return;
    }
    for (n, source) in claim.sources.iter().enumerate() {
        let name: String = source.display_name().chars().take(48).collect();
        match check_web_address(&source.url) {
            Ok(address) => {
                let open = ui
                    .button(format!("Open source {}: {name}", n + 1))
                    .on_hover_text(address.as_str());
                if open.clicked() {
                    intents.push(Intent::OpenUrl(address.to_string()));
                    ui.close();
                }
                if ui.button(format!("Copy URL of source {}", n + 1)).clicked() {
                    intents.push(Intent::Copy {
                        text: source.url.trim().to_owned(),
                        what: format!("the URL of source {}", n + 1),
                    });
                    ui.close();
                }
            }
            Err(problem) => {
                ui.weak(format!("Source {}: {problem}", n + 1));
            }
        }
    }
}

/// One painted row: verdict chip, id, source count and the claim's wording.
fn claim_row(
    ui: &mut Ui,
    session: &Session,
    index: usize,
    selected: bool,
    checked_before: Option<&str>,
) -> egui::Response {
    let claim = &session.claims[index];
    let status = session.scheme.name_of(&claim.status);
    let n = claim.sources.len();
    let sources = super::words::count(n, "source", "sources");
    let mut accessible = format!(
        "Claim #{}: {status}, {sources}. {}",
        claim.number, claim.text
    );
    if let Some(badge) = checked_before {
        accessible.push_str(&format!(" ({badge})"));
    }
    let (response, rect) = super::theme::list_row(ui, ROW_HEIGHT, selected, &accessible);
    let Some(rect) = rect else {
        return response;
    };
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    theme::paint_row(ui, rect, &response, selected, None);
    let (fill, on) = theme::chip(&session.scheme, &claim.status);
    // Chip.
    let chip_font = FontId::proportional(11.5);
    let chip_text = painter.layout_no_wrap(status.to_owned(), chip_font, on);
    let chip = egui::Rect::from_min_size(
        rect.min + Vec2::new(6.0, 6.0),
        Vec2::new(chip_text.size().x + 14.0, 17.0),
    );
    painter.rect_filled(chip, 8.0, fill);
    painter.galley(chip.center() - chip_text.size() / 2.0, chip_text, on);
    let meta_colour = visuals.weak_text_color();
    let mut meta = format!("#{}  ·  {sources}", claim.number);
    if !claim.claimant.is_empty() {
        meta.push_str("  ·  ");
        meta.push_str(&claim.claimant);
    }
    if claim.needs_review {
        meta.push_str("  ·  ⚠ needs review");
    }
    // "↺ Checked before: False, 12 Mar 2026" keeps its place on the right; a long
    // claimant is cut short with "…" before it instead of running under it.
    let badge = checked_before.map(|badge| {
        painter.layout_no_wrap(
            format!("↺ {badge}"),
            FontId::proportional(11.5),
            visuals.hyperlink_color,
        )
    });
    let badge_width = badge.as_ref().map_or(0.0, |g| g.size().x + 16.0);
    let meta_left = chip.right() + 8.0;
    let meta_galley = theme::one_line(
        ui,
        &meta,
        12.0,
        meta_colour,
        (rect.right() - 8.0 - badge_width - meta_left).max(40.0),
    );
    painter.galley(
        egui::pos2(meta_left, chip.center().y - meta_galley.size().y / 2.0),
        meta_galley,
        meta_colour,
    );
    if let Some(galley) = badge {
        let x = rect.right() - galley.size().x - 8.0;
        painter.galley(
            egui::pos2(x, chip.center().y - galley.size().y / 2.0),
            galley,
            visuals.hyperlink_color,
        );
    }
    let text_pos = egui::pos2(rect.left() + 8.0, chip.bottom() + 4.0);
    let galley = theme::one_line(
        ui,
        &claim.text,
        13.5,
        visuals.text_color(),
        rect.width() - 16.0,
    );
    painter.galley(text_pos, galley, visuals.text_color());
    response.on_hover_ui(|ui| {
        ui.label(RichText::new(&claim.text));
        if let Some(badge) = checked_before {
            ui.label(format!("↺ {badge} (see the claim's panel)"));
        }
        if !claim.sources.is_empty() {
            ui.weak("Right-click to open or copy its sources");
        }
    })
}
