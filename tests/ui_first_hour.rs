//! The first hour of a working fact-checker (issue 11), driven through the real app:
//! selecting by dragging, the verdict keys, long headlines, finding in the article,
//! and the smaller things that got in the way.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::model::Session;
use claimdesk::ui::{ClaimdeskApp, StartOptions};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

#[path = "common/ui_kit.rs"]
mod kit;

/// An article whose one long paragraph is taller than the window.
fn long_paragraph_session(title: &str) -> (Session, String) {
    let sentences: Vec<String> = (1..=80)
        .map(|i| format!("Sentence number {i} says that the base housed {i},000 soldiers in the year 20{:02}.", i % 25))
        .collect();
    let paragraph = sentences.join(" ");
    let text = format!("{title}\n\n{paragraph}\n");
    let article = claimdesk::import::import_text(&text, None).unwrap();
    (Session::new(article), paragraph)
}

fn app(session: Session) -> Harness<'static, ClaimdeskApp> {
    kit::start(StartOptions {
        session: Some(session),
        ..Default::default()
    })
}

/// Drags the pointer from `from` to `to`, as a user selecting words.
fn drag(harness: &mut Harness<'_, ClaimdeskApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for step in 1..=4 {
        harness.hover_at(from + (to - from) * (step as f32 / 4.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

/// Presses a digit key the way a keyboard does: the key, and the text it types.
fn press_digit(harness: &mut Harness<'_, ClaimdeskApp>, key: Key, text: &str) {
    harness.key_down(key);
    harness.event(egui::Event::Text(text.into()));
    harness.key_up(key);
    harness.run();
}

#[test]
fn a_verdict_key_after_new_claim_does_not_scroll_the_article() {
    let (session, paragraph) = long_paragraph_session("A short title");
    let mut harness = app(session);
    let rect = harness.get_by_value(&paragraph).rect();
    assert!(
        rect.height() > 800.0,
        "the paragraph is taller than the window"
    );
    let top = rect.top();
    drag(
        &mut harness,
        rect.left_top() + egui::vec2(2.0, 8.0),
        rect.left_top() + egui::vec2(220.0, 8.0),
    );
    assert!(harness.state().document().session.claims.is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert_eq!(harness.state().document().session.claims.len(), 1);
    press_digit(&mut harness, Key::Num3, "3");
    let claim = &harness.state().document().session.claims[0];
    assert_eq!(claim.status, "mostly-true", "key 3 set the verdict");
    assert_eq!(
        harness.get_by_value(&paragraph).rect().top(),
        top,
        "the article did not move"
    );
}

#[test]
fn a_long_headline_wraps_inside_the_article_column() {
    let short = app(long_paragraph_session("A short title").0);
    let (_, paragraph) = long_paragraph_session("");
    let column = short.get_by_value(&paragraph).rect();
    let title = "Exclusive: the ministry's own figures, obtained by reporters after a two-year freedom of information battle, show that the base housed far more soldiers than officials admitted in public";
    assert!(title.chars().count() > 170);
    let long = app(long_paragraph_session(title).0);
    let text = long.get_by_value(&paragraph).rect();
    assert_eq!(text.left(), column.left(), "the text column did not move");
    let heading = long.get_by_label(title).rect();
    let side = long.get_by_label_contains("Claims (").rect();
    assert!(
        heading.right() <= text.right() + 1.0,
        "{heading:?} inside {text:?}"
    );
    assert!(heading.right() < side.left(), "not under the side pane");
    assert!(heading.height() > 40.0, "wrapped onto several lines");
}

/// Drags over the first line of `paragraph` from x offset `from` to `to`.
fn drag_first_line(harness: &mut Harness<'_, ClaimdeskApp>, paragraph: &str, from: f32, to: f32) {
    let rect = harness.get_by_value(paragraph).rect();
    drag(
        harness,
        rect.left_top() + egui::vec2(from, 8.0),
        rect.left_top() + egui::vec2(to, 8.0),
    );
}

#[test]
fn new_claim_takes_whole_words_unless_alt_is_held() {
    let (session, paragraph) = long_paragraph_session("A short title");
    let mut harness = app(session);
    // From inside "Sentence" to inside a later word.
    drag_first_line(&mut harness, &paragraph, 20.0, 215.0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    let exact = harness.state().document().session.claims[0]
        .anchor
        .exact
        .clone();
    assert!(exact.starts_with("Sentence number 1"), "{exact:?}");
    let next = paragraph[exact.len()..].chars().next();
    assert!(
        next.is_some_and(|c| !c.is_alphanumeric()),
        "ends at a word's end: {exact:?}"
    );
    harness.get_by_label_contains("whole words");

    // With Alt, the selection is taken exactly as dragged.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().document().session.claims.is_empty());
    drag_first_line(&mut harness, &paragraph, 20.0, 215.0);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::ALT, Key::N);
    harness.run();
    let exact = harness.state().document().session.claims[0]
        .anchor
        .exact
        .clone();
    assert!(!exact.starts_with("Sentence"), "starts mid-word: {exact:?}");
}

/// Opens Claim › Rating scheme… and picks `scheme` in it.
fn choose_scheme(harness: &mut Harness<'_, ClaimdeskApp>, scheme: &str) {
    harness.get_by_label("Claim").click();
    harness.run();
    harness.get_by_label("Rating scheme…").click();
    harness.run();
    harness
        .get_by_label_contains("Built-in schemes and your own")
        .click();
    harness.run();
    harness.get_by_label(scheme).click();
    harness.run();
}

#[test]
fn switching_to_meta_proposes_the_nearest_verdict_and_asks_where_none_fits() {
    let mut harness = app(claimdesk::sample::sample_session());
    choose_scheme(&mut harness, "Meta third-party fact-checking");
    // Unproven has no number and no namesake in Meta's scheme: the user chooses.
    // Mostly true (4 of 5) and Half true (3 of 5) are proposed as Missing Context.
    assert_eq!(harness.query_all_by_value("Missing Context").count(), 2);
    harness.get_by_label_contains("No match in this scheme for: Unproven");
    assert!(
        harness
            .get_by_label("Switch scheme")
            .accesskit_node()
            .is_disabled(),
        "nothing is switched before every verdict in use has a target"
    );
    harness.get_by_value("Choose…").click();
    harness.run();
    harness.get_all_by_label("Satire").last().unwrap().click();
    harness.run();
    harness.get_by_label("Switch scheme").click();
    harness.run();
    let before = claimdesk::sample::sample_session();
    let session = &harness.state().document().session;
    assert_eq!(session.scheme.id, "meta");
    for (old, new) in before.claims.iter().zip(&session.claims) {
        assert_eq!(
            before.scheme.is_reviewed(&old.status),
            session.scheme.is_reviewed(&new.status),
            "{} became {}",
            old.status,
            new.status
        );
    }
    let mostly_true = before
        .claims
        .iter()
        .position(|c| c.status == "mostly-true")
        .unwrap();
    assert_eq!(session.claims[mostly_true].status, "missing-context");
}

#[test]
fn each_verdict_chip_shows_its_key_and_the_help_counts_the_schemes_keys() {
    let mut harness = app(claimdesk::sample::sample_session());
    harness.get_by_label_contains("Claim #1:").click();
    harness.run();
    let chip = harness.get_by_role_and_label(egui::accesskit::Role::Button, "Mostly true");
    assert_eq!(
        chip.accesskit_node().description().as_deref(),
        Some("key 3")
    );
    harness.key_press(Key::F1);
    harness.run();
    harness.get_by_label("1 – 8");
    assert!(harness.query_by_label("1 – 9").is_none());
}

#[test]
fn the_inspector_starts_at_the_top_for_another_claim_and_shows_a_new_source() {
    let mut harness = kit::start_sized(
        egui::vec2(1280.0, 640.0),
        StartOptions {
            session: Some(claimdesk::sample::sample_session()),
            ..Default::default()
        },
    );
    harness.get_by_label_contains("Claim #1:").click();
    harness.run();
    let top = harness.get_by_label("🗑 Delete").rect().top();
    // Scroll the inspector down to the note, then pick another claim.
    harness.get_by_label("Note").scroll_to_me();
    harness.run();
    assert!(
        harness.get_by_label("🗑 Delete").rect().top() < top,
        "scrolled"
    );
    harness.get_by_label_contains("Claim #2:").click();
    harness.run();
    assert_eq!(harness.get_by_label("🗑 Delete").rect().top(), top);

    // A new source's form comes into view with the keyboard in its URL field.
    kit::click(&mut harness, "+ Add source");
    let urls: Vec<_> = harness.get_all_by_label("URL").collect();
    let new = urls.last().unwrap();
    assert!(new.is_focused());
    assert!(new.rect().bottom() < 640.0, "in view: {:?}", new.rect());
}

#[test]
fn status_notices_go_away_on_the_next_edit() {
    let mut harness = app(claimdesk::sample::sample_session());
    harness.get_by_label_contains("Claim #2:").click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    harness.get_by_label_contains("Deleted claim #2");
    harness.get_by_label_contains("Claim #3:").click();
    harness.run();
    harness.key_press(Key::Num2);
    harness.run();
    assert!(harness.query_by_label_contains("Deleted claim").is_none());
}

#[test]
fn a_claim_filtered_out_of_the_list_is_deselected() {
    let mut harness = app(claimdesk::sample::sample_session());
    harness.get_by_label_contains("Claim #1:").click();
    harness.run();
    assert!(harness.state().selected_claim().is_some());
    kit::type_into(&mut harness, "Filter", "Kyrgyzstan");
    assert!(harness.query_by_label_contains("Claim #1:").is_none());
    assert_eq!(harness.state().selected_claim(), None);
    let before = harness.state().document().session.clone();
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press(Key::Num6);
    harness.run();
    assert_eq!(
        harness.state().document().session,
        before,
        "no hidden claim was edited"
    );
}

#[test]
fn a_claim_the_user_is_sent_to_is_not_left_hidden_by_the_filter() {
    let mut harness = app(claimdesk::sample::sample_session());
    kit::type_into(&mut harness, "Filter", "Kyrgyzstan");
    assert!(harness.query_by_label_contains("Claim #1:").is_none());
    // As a click on its highlight, a "Go to claim" button or a checked-before link does.
    let first = harness.state().document().session.claims[0].id;
    harness.state_mut().select_claim(first);
    harness.run();
    assert_eq!(harness.state().selected_claim(), Some(first));
    assert!(
        harness.query_by_label_contains("Claim #1:").is_some(),
        "the filter was cleared so the claim shows in the list"
    );
}

#[test]
fn enter_in_the_save_dialogs_file_name_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("entered.ron");
    let mut harness = app(claimdesk::sample::sample_session());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    kit::type_file_name(&mut harness, &path);
    harness.key_press(Key::Enter);
    harness.run();
    assert!(path.exists(), "saved");
    assert!(
        harness.query_by_label("File name").is_none(),
        "the dialog closed"
    );

    // Export: the suggested name is taken with Enter alone (the dialog opens in the
    // session's folder, with the keyboard in the name field).
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label("HTML report…").click();
    harness.run();
    assert!(harness.get_by_label("File name").is_focused());
    harness.key_press(Key::Enter);
    harness.run();
    let html: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .collect();
    assert_eq!(html.len(), 1, "exported with the suggested name");
}

#[test]
fn the_save_prompt_keeps_not_saved_yet_outside_the_quoted_title() {
    let mut harness = app(claimdesk::sample::sample_session());
    harness.get_by_label_contains("Claim #1:").click();
    harness.run();
    harness.key_press(Key::Num2);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    let title = &harness.state().document().session.article.title;
    harness.get_by_label_contains(&format!("“{title}” (not saved yet) has changes"));
}
