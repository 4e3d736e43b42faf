//! Each pane alone, the way egui tests its widgets: draw it from a read-only
//! `PaneContext` in a `Harness::new_ui_state`, click by label, and check which intents
//! it returned. The panes never change the state themselves, so nothing else is
//! needed to test them; whole-app workflows are in the other `ui_*` tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::command::Command;
use claimdesk::document::Document;
use claimdesk::export::ExportFormat;
use claimdesk::extract::suggest;
use claimdesk::model::{ClaimId, Session};
use claimdesk::ui::actions::Action;
use claimdesk::ui::article_view::ArticleView;
use claimdesk::ui::claims_list::ClaimsList;
use claimdesk::ui::intent::Intent;
use claimdesk::ui::pane::PaneContext;
use claimdesk::ui::suggestions::{SuggestionSpan, SuggestionsState};
use claimdesk::ui::view_state::{SidePane, ViewRequest, ViewState};
use claimdesk::ui::{inspector, menu_bar, read_only_bar, side_panel, status_bar, suggestions_pane};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// What a pane test draws from, and what the pane returned.
struct Bench {
    doc: Document,
    view: ViewState,
    suggestions: SuggestionsState,
    requests: Vec<ViewRequest>,
    list: ClaimsList,
    article: ArticleView,
    intents: Vec<Intent>,
    archive: claimdesk::ui::archive_state::ArchiveState,
}

impl Bench {
    fn new(session: Session) -> Self {
        Self {
            doc: Document::unsaved(session),
            view: ViewState::default(),
            suggestions: SuggestionsState::default(),
            requests: Vec::new(),
            list: ClaimsList::default(),
            article: ArticleView::default(),
            intents: Vec::new(),
            archive: Default::default(),
        }
    }

    fn with_suggestions(mut self) -> Self {
        let found = suggest(&self.doc.session.article.text);
        self.suggestions.set_found(&self.doc.session, found);
        self.suggestions
            .refresh(&self.doc.session, self.doc.revision());
        self
    }
}

/// A harness that draws one pane from the bench's state each frame and keeps what
/// it returned.
fn pane(
    bench: Bench,
    draw: impl Fn(&PaneContext<'_>, &mut ClaimsList, &mut ArticleView, &mut egui::Ui) -> Vec<Intent>
    + 'static,
) -> Harness<'static, Bench> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 900.0))
        .build_ui_state(
            move |ui, bench: &mut Bench| {
                let cx = PaneContext {
                    doc: &bench.doc,
                    view: &bench.view,
                    requests: &bench.requests,
                    suggestions: &bench.suggestions,
                    recent: &[],
                    notice: "",
                    archive: &bench.archive,
                };
                let got = draw(&cx, &mut bench.list, &mut bench.article, ui);
                bench.intents.extend(got);
                // As in the app, a request is for one frame.
                bench.requests.clear();
            },
            bench,
        );
    harness.run();
    harness
}

fn sample() -> Session {
    claimdesk::sample::sample_session()
}

fn first_claim(harness: &Harness<'_, Bench>) -> ClaimId {
    harness.state().doc.session.claims[0].id
}

#[test]
fn clicking_a_claim_in_the_list_selects_it_and_reveals_it_in_the_article() {
    let mut harness = pane(Bench::new(sample()), |cx, list, _, ui| list.ui(cx, ui));
    assert!(
        harness.state().intents.is_empty(),
        "drawing alone asks for nothing"
    );
    harness
        .get_by_label_contains("Claim #1: Mostly true")
        .click();
    harness.run();
    let id = first_claim(&harness);
    assert_eq!(
        harness.state().intents,
        [Intent::Select {
            claim: Some(id),
            reveal_in_article: true,
            reveal_in_list: false,
        }]
    );
}

#[test]
fn the_filter_box_asks_for_a_filter_and_takes_the_keyboard_when_asked() {
    let mut bench = Bench::new(sample());
    bench.requests = vec![ViewRequest::FocusFilter];
    let mut harness = pane(bench, |cx, list, _, ui| list.ui(cx, ui));
    assert!(harness.get_by_label("Filter").is_focused());
    harness.get_by_label("Filter").type_text("Lavrov");
    harness.run();
    let Some(Intent::SetFilter(filter)) = harness.state().intents.last() else {
        panic!("no filter asked for: {:?}", harness.state().intents);
    };
    assert_eq!(filter.text, "Lavrov");
}

#[test]
fn the_inspector_turns_clicks_into_commands() {
    let mut bench = Bench::new(sample());
    let id = bench.doc.session.claims[0].id;
    bench.view.selected = Some(id);
    let mut harness = pane(bench, |cx, _, _, ui| inspector::ui(cx, ui));
    harness.get_by_label("False").click();
    harness.run();
    harness.get_by_label("+ Add source").click();
    harness.run();
    harness.get_by_label("🗑 Delete").click();
    harness.run();
    let intents = &harness.state().intents;
    assert_eq!(
        intents[0],
        Intent::SetVerdict {
            claim: id,
            status: "false".into()
        }
    );
    assert!(matches!(
        &intents[1],
        Intent::Edit(Command::AddSource { claim, .. }) if *claim == id
    ));
    assert_eq!(intents[2], Intent::Run(Action::DeleteClaim));
    assert_eq!(intents.len(), 3);
}

#[test]
fn without_a_selected_claim_the_inspector_says_what_to_do() {
    let harness = pane(Bench::new(sample()), |cx, _, _, ui| inspector::ui(cx, ui));
    harness.get_by_label("No claim selected.");
    assert!(harness.state().intents.is_empty());
}

#[test]
fn picking_a_suggestion_selects_it_and_accepting_moves_to_the_next() {
    let mut bench = Bench::new(claimdesk::ui::app::seed_session()).with_suggestions();
    bench.view.side = SidePane::Suggestions;
    // The side panel shows the list above the selected suggestion's inspector.
    let mut harness = pane(bench, |cx, list, _, ui| side_panel::ui(cx, list, ui));
    let first = harness.state().suggestions.neighbour(1).unwrap();
    harness
        .query_all_by_label_contains("Suggestion, score")
        .next()
        .expect("a suggestion row")
        .click();
    harness.run();
    assert_eq!(
        harness.state().intents,
        [
            Intent::SelectSuggestion(Some(first)),
            Intent::RevealText(first.start)
        ]
    );
    // As the app would: select it, then accept it.
    harness.state_mut().suggestions.selected = Some(first);
    harness.state_mut().intents.clear();
    harness.run();
    harness.get_by_label("Accept as claim").click();
    harness.run();
    let intents = &harness.state().intents;
    assert!(
        matches!(&intents[0], Intent::Edit(Command::AddClaim { start, end, .. })
            if SuggestionSpan { start: *start, end: *end } == first),
        "{intents:?}"
    );
    let next = harness.state().suggestions.after_selected();
    assert_eq!(intents[1], Intent::SelectSuggestion(next));
    assert_ne!(next, Some(first));
}

#[test]
fn accept_all_makes_one_undoable_batch() {
    let bench = Bench::new(claimdesk::ui::app::seed_session()).with_suggestions();
    let count = bench.suggestions.count();
    assert!(count > 3);
    let mut harness = pane(bench, |cx, _, _, ui| suggestions_pane::list_ui(cx, ui));
    harness.get_by_label(&format!("Accept all {count}")).click();
    harness.run();
    let intents = &harness.state().intents;
    assert!(
        matches!(&intents[0], Intent::Edit(Command::Batch(commands)) if commands.len() == count)
    );
    assert_eq!(intents[1], Intent::SelectSuggestion(None));
}

#[test]
fn menus_emit_actions_for_every_entry() {
    let mut harness = pane(Bench::new(sample()), |cx, _, _, ui| menu_bar::ui(cx, ui));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label("CSV table…").click();
    harness.run();
    assert_eq!(
        harness.state().intents,
        [Intent::Run(Action::Export(ExportFormat::Csv))]
    );
}

#[test]
fn the_side_tabs_switch_panes_by_intent() {
    let mut harness = pane(Bench::new(sample()), |cx, list, _, ui| {
        side_panel::ui(cx, list, ui)
    });
    harness.get_by_label("Suggestions").click();
    harness.run();
    assert_eq!(
        harness.state().intents,
        [Intent::ShowSide(SidePane::Suggestions)]
    );
    assert_eq!(
        harness.state().view.side,
        SidePane::Claims,
        "unchanged by the pane"
    );
}

#[test]
fn the_read_only_bar_offers_a_copy_and_a_retry() {
    let mut harness = pane(Bench::new(sample()), |cx, _, _, ui| {
        status_bar::ui(cx, ui);
        read_only_bar::ui(cx, ui)
    });
    harness.get_by_label("New session, not saved yet");
    harness.get_by_label("Save a copy as…").click();
    harness.run();
    harness.get_by_label("Try again").click();
    harness.run();
    assert_eq!(
        harness.state().intents,
        [
            Intent::Run(Action::SaveCopyAs),
            Intent::Run(Action::RetryLock)
        ]
    );
}

#[test]
fn the_article_reports_selection_and_claims_clicked() {
    let session = sample();
    let sentence = "The Kremlin has offered Washington the use of its military bases in Central Asia to gather intelligence from Afghanistan.";
    let mut harness = pane(Bench::new(session), |cx, _, article, ui| article.ui(cx, ui));
    harness.get_by_label_contains("words");
    // The first claim covers most of this paragraph: clicking it selects the claim.
    harness.get_by_value(sentence).click();
    harness.run();
    let id = first_claim(&harness);
    assert!(
        harness.state().intents.contains(&Intent::Select {
            claim: Some(id),
            reveal_in_article: false,
            reveal_in_list: true,
        }),
        "{:?}",
        harness.state().intents
    );
    // Selecting all of the paragraph reports the selection.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    let selected = harness.state().intents.iter().rev().find_map(|i| match i {
        Intent::TextSelected(Some(range)) => Some(range.clone()),
        _ => None,
    });
    let range = selected.expect("a selection");
    let text = harness.state().doc.session.article.slice(range).to_owned();
    assert_eq!(text, sentence);
}

/// The sample session with the first claim's first source at `url`, that claim selected.
fn inspector_on_source_url(url: &str) -> Harness<'static, Bench> {
    let mut session = sample();
    let claim = session
        .claims
        .iter_mut()
        .find(|c| !c.sources.is_empty())
        .expect("a claim with a source");
    claim.sources[0].url = url.into();
    let id = claim.id;
    let mut bench = Bench::new(session);
    bench.view.selected = Some(id);
    pane(bench, |cx, _, _, ui| inspector::ui(cx, ui))
}

#[test]
fn the_inspector_says_when_a_source_url_will_not_work_and_adds_https() {
    let mut harness = inspector_on_source_url("deskcheck.example.org/report");
    harness.get_by_label_contains("This URL will not work");
    assert!(harness.query_by_label("Open in browser ↗").is_none());
    harness.get_by_label("Add https://").click();
    harness.run();
    let fixed = harness.state().intents.iter().find_map(|i| match i {
        Intent::Edit(Command::UpdateSource { source, .. }) => Some(source.url.clone()),
        _ => None,
    });
    assert_eq!(
        fixed.as_deref(),
        Some("https://deskcheck.example.org/report")
    );

    let harness = inspector_on_source_url("htp:/not a url");
    harness.get_by_label_contains("no spaces");
    assert!(harness.query_by_label("Add https://").is_none(), "no guess");
}

#[test]
fn the_inspector_opens_and_copies_a_source_url() {
    let mut harness = inspector_on_source_url("https://example.org/report");
    assert!(
        harness
            .query_by_label_contains("This URL will not work")
            .is_none()
    );
    harness.get_by_label("Open in browser ↗").click();
    harness.run();
    harness.get_by_label("Copy URL").click();
    harness.run();
    assert_eq!(
        harness.state().intents[..2],
        [
            Intent::OpenUrl("https://example.org/report".into()),
            Intent::Copy {
                text: "https://example.org/report".into(),
                what: "the URL of source 1".into()
            }
        ]
    );
}

#[test]
fn a_new_source_takes_the_keyboard_and_the_header_has_one_pair_of_quotes() {
    let mut session = sample();
    let claim = session
        .claims
        .iter_mut()
        .find(|c| !c.sources.is_empty())
        .expect("a claim with a source");
    claim.anchor.exact = "\"If they come, we are ready\"".into();
    let id = claim.id;
    let count = claim.sources.len();
    let mut bench = Bench::new(session);
    bench.view.selected = Some(id);
    bench.requests = vec![ViewRequest::RevealNewSource];
    let harness = pane(bench, |cx, _, _, ui| inspector::ui(cx, ui));
    harness.get_by_label("\"If they come, we are ready\"");
    let urls: Vec<_> = harness.get_all_by_label("URL").collect();
    assert_eq!(urls.len(), count);
    assert!(
        urls.last().unwrap().is_focused(),
        "the new source's URL field"
    );
}

#[test]
fn a_claim_rows_menu_opens_and_copies_its_sources() {
    let mut harness = pane(Bench::new(sample()), |cx, list, _, ui| list.ui(cx, ui));
    let (id, url) = {
        let session = &harness.state().doc.session;
        let claim = session
            .claims
            .iter()
            .find(|c| !c.sources.is_empty())
            .unwrap();
        (claim.id, claim.sources[0].url.clone())
    };
    harness
        .get_by_label_contains(&format!("Claim #{id}:"))
        .click_secondary();
    harness.run();
    harness.get_by_label_contains("Open source 1:").click();
    harness.run();
    assert_eq!(harness.state().intents, [Intent::OpenUrl(url.clone())]);
    harness
        .get_by_label_contains(&format!("Claim #{id}:"))
        .click_secondary();
    harness.run();
    harness.get_by_label("Copy URL of source 1").click();
    harness.run();
    assert!(matches!(&harness.state().intents[1], Intent::Copy { text, .. } if *text == url));
}
