//! Articles into the app (issue 10), driven through egui_kittest: a saved web page
//! and a PDF through the file dialog and dropped on the window, a link served by a
//! server this test starts on 127.0.0.1 (nothing touches the internet), Cancel
//! while a link is fetched, the clipboard through egui's paste event, the article
//! details with undo, the metadata line, page citations and the original kept
//! beside the saved session.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::model::ArticleKind;
use claimdesk::prefs::Preferences;
use claimdesk::ui::worker::RunMode;
use claimdesk::ui::{ClaimdeskApp, StartOptions};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[path = "common/ui_kit.rs"]
mod kit;

#[path = "support/http_server.rs"]
mod http_server;

use kit::{choose_file, click, file_menu, start, type_into};

const FIXTURES: &str = "tests/fixtures/import";

/// A server on 127.0.0.1: `/article` is [`http_server::PAGE`] (reached through
/// `/moved`), `/missing` a 404, `/silent` never answers.
fn serve() -> String {
    http_server::serve(16, route)
}

fn route(path: &str, stream: &mut TcpStream) {
    match path {
        "/article" => http_server::respond(
            stream,
            "200 OK",
            &[("Content-Type", "text/html; charset=utf-8".into())],
            http_server::PAGE.as_bytes(),
        ),
        "/moved" => http_server::respond(
            stream,
            "301 Moved Permanently",
            &[("Location", "/article".into())],
            b"",
        ),
        "/silent" => std::thread::sleep(Duration::from_secs(5)),
        _ => http_server::respond(
            stream,
            "404 Not Found",
            &[("Content-Type", "text/html".into())],
            b"<h1>Not found</h1>",
        ),
    }
}

fn app() -> Harness<'static, ClaimdeskApp> {
    start(StartOptions::default())
}

fn fixture(name: &str) -> PathBuf {
    Path::new(FIXTURES).join(name)
}

/// Opens `path` with File › Open… and the file dialog.
fn open_through_dialog(harness: &mut Harness<'_, ClaimdeskApp>, path: &Path) {
    file_menu(harness, "Open… Ctrl+O");
    choose_file(harness, &std::fs::canonicalize(path).unwrap(), "Open");
}

fn article<'a>(harness: &'a Harness<'_, ClaimdeskApp>) -> &'a claimdesk::model::Article {
    &harness.state().document().session.article
}

/// The first line of a golden article: its title.
fn expected_title(golden: &str) -> String {
    let text = std::fs::read_to_string(fixture(golden)).unwrap();
    text.lines().next().unwrap().to_owned()
}

#[test]
fn a_web_page_and_a_pdf_open_through_the_file_dialog() {
    let mut harness = app();
    open_through_dialog(&mut harness, &fixture("ars-1.html"));
    let a = article(&harness);
    assert_eq!(a.origin.kind, ArticleKind::Html);
    assert_eq!(a.title, expected_title("ars-1.expected.txt"));
    assert!(!a.text.contains("<html"), "the markup is gone");
    assert!(a.origin.original_sha256.is_some());
    // The metadata line under the title says what the page said about itself.
    let line = claimdesk::ui::article_details::metadata_line(&a.meta);
    assert!(!line.is_empty(), "{:?}", a.meta);
    harness.get_by_label(&line);
    assert!(
        harness.state().document().path().is_none(),
        "a new, unsaved session"
    );

    open_through_dialog(&mut harness, &fixture("report.pdf"));
    let a = article(&harness);
    assert_eq!(a.origin.kind, ArticleKind::Pdf);
    assert_eq!(a.title, expected_title("report.expected.txt"));
    assert!(a.origin.pages.len() >= 2, "{:?}", a.origin.pages);
}

#[test]
fn the_inspector_cites_the_pdf_page_of_a_claim() {
    let mut harness = app();
    open_through_dialog(&mut harness, &fixture("report.pdf"));
    let a = article(&harness);
    let (page, start) = *a.origin.pages.last().unwrap();
    assert!(page >= 2);
    let end = start + a.slice(start..a.char_len()).chars().take(20).count();
    harness.state_mut().select_text(start..end);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert_eq!(harness.state().document().session.claims.len(), 1);
    harness.get_by_label(&format!("p. {page} of the PDF"));
}

#[test]
fn a_file_that_cannot_be_read_is_named_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.pdf");
    std::fs::write(&broken, b"%PDF-1.4\n1 0 obj << /Type /Catalog").unwrap();
    let mut harness = app();
    let title = article(&harness).title.clone();
    open_through_dialog(&mut harness, &broken);
    harness.get_by_label("Could not open the file");
    harness.get_by_label_contains("broken.pdf");
    assert_eq!(article(&harness).title, title, "the open work stays");
}

/// A file dropped on the window, as the windowing integration hands it to egui.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_page_dropped_on_the_window_opens_like_open() {
    let mut harness = app();
    let path = std::fs::canonicalize(fixture("v8-blog.html")).unwrap();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
    harness.run();
    let a = article(&harness);
    assert_eq!(a.origin.kind, ArticleKind::Html);
    assert_eq!(a.title, expected_title("v8-blog.expected.txt"));
}

#[test]
fn saving_keeps_the_original_beside_the_session_unless_turned_off() {
    for keep in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let mut harness = start(StartOptions {
            prefs: Preferences {
                keep_originals: keep,
                ..Preferences::default()
            },
            ..StartOptions::default()
        });
        open_through_dialog(&mut harness, &fixture("report.pdf"));
        harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
        harness.run();
        let session = dir.path().join("report.ron");
        choose_file(&mut harness, &session, "Save");
        assert!(session.exists());
        let copy = dir.path().join("report.original.pdf");
        let saved = claimdesk::store::load_session(&session).unwrap().0.session;
        if keep {
            assert_eq!(
                std::fs::read(&copy).unwrap(),
                std::fs::read(fixture("report.pdf")).unwrap()
            );
            assert_eq!(
                saved.article.origin.original_copy.as_deref(),
                Some("report.original.pdf")
            );
        } else {
            assert!(!copy.exists());
            assert_eq!(saved.article.origin.original_copy, None);
        }
    }
}

#[test]
fn a_link_opens_with_its_final_address_and_date() {
    let base = serve();
    let mut harness = app();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    harness.get_by_label("Open a link");
    // Not a web address: said in the prompt, nothing fetched.
    harness
        .get_by_label("Address")
        .type_text("ftp://example.org/story");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label_contains("must start with http:// or https://");

    harness.get_by_label("Address").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Address")
        .type_text(&format!("{base}/moved"));
    harness.key_press(Key::Enter);
    harness.run();
    let a = article(&harness);
    assert_eq!(a.title, "Port traffic fell by a third");
    assert_eq!(a.origin.kind, ArticleKind::Html);
    let final_url = format!("{base}/article");
    assert_eq!(a.origin.fetched_url.as_deref(), Some(final_url.as_str()));
    assert_eq!(a.meta.retrieved.len(), "2026-01-15".len(), "{:?}", a.meta);
    assert_eq!(a.meta.url, final_url);
    harness.get_by_label("Sam Reed  ·  Harbour News  ·  2024-02-03");
    harness.get_by_label(&final_url);
}

#[test]
fn a_missing_page_is_said_in_the_link_prompt() {
    let base = serve();
    let mut harness = app();
    let title = article(&harness).title.clone();
    file_menu(&mut harness, "Open link… Ctrl+L");
    type_into(&mut harness, "Address", &format!("{base}/gone"));
    click(&mut harness, "Open");
    harness.get_by_label_contains("Could not open the link");
    harness.get_by_label_contains("not found");
    assert_eq!(article(&harness).title, title);
    // Escape closes the prompt; the open work is unchanged.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Open a link").is_none());
}

#[test]
fn cancel_stops_a_fetch_and_frees_the_window() {
    let base = serve();
    let mut harness = start(StartOptions {
        run_mode: RunMode::AlwaysBackground,
        ..StartOptions::default()
    });
    let title = article(&harness).title.clone();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    harness
        .get_by_label("Address")
        .type_text(&format!("{base}/silent"));
    harness.key_press(Key::Enter);
    harness.step();
    harness.step();
    assert!(harness.state().is_busy());
    let bar = harness.get_by_role(Role::ProgressIndicator);
    assert!(format!("{bar:?}").contains("Fetching 127.0.0.1"), "{bar:?}");
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.step();
    harness.step();
    assert!(!harness.state().is_busy());
    assert_eq!(article(&harness).title, title);
    harness.get_by_label_contains("Cancelled; your open work is unchanged.");
}

#[test]
fn pasted_text_becomes_a_new_session() {
    let mut harness = app();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::V);
    harness.run();
    harness.event(egui::Event::Paste(
        "Council closes the library\n\nThe council voted on Monday to close the library, which has served the town since 1904.".into(),
    ));
    harness.run();
    let a = article(&harness);
    assert_eq!(a.title, "Council closes the library");
    assert_eq!(a.origin.path, None);
    assert!(harness.state().document().path().is_none());
}

#[test]
fn ctrl_shift_v_in_a_text_field_is_left_to_the_field() {
    let mut harness = app();
    let title = article(&harness).title.clone();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::V);
    harness.run();
    harness.event(egui::Event::Paste("Kyrgyzstan".into()));
    harness.run();
    assert_eq!(article(&harness).title, title, "no new session");
}

#[test]
fn article_details_are_edited_as_one_undoable_step() {
    let mut harness = app();
    let before = article(&harness).clone();
    file_menu(&mut harness, "Article details…");
    harness.get_by_label("Article details");
    harness.get_by_label_contains("not needed");
    type_into(&mut harness, "Byline", "Jane Doe");
    type_into(&mut harness, "Site", "The Example Times");
    type_into(&mut harness, "Published", "2024-02-03");
    type_into(&mut harness, "URL", "https://news.example.org/bases");
    click(&mut harness, "Copy Wayback Machine save link");
    harness.get_by_label_contains("Copied the Wayback Machine save link");
    click(&mut harness, "Save");
    let a = article(&harness);
    assert_eq!(a.meta.byline, "Jane Doe");
    assert_eq!(a.meta.url, "https://news.example.org/bases");
    assert_eq!(a.text, before.text);
    harness.get_by_label("Jane Doe  ·  The Example Times  ·  2024-02-03");
    harness.get_by_label("https://news.example.org/bases");

    // One step: one undo puts every field back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(article(&harness).meta, before.meta);
    assert!(
        harness
            .query_by_label("Jane Doe  ·  The Example Times  ·  2024-02-03")
            .is_none()
    );
}
