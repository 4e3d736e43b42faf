//! Files in the app, driven through egui_kittest: a session open in another window,
//! a file changed on disk before saving, updating the article text with claims
//! re-anchored and re-attached, and large jobs on a worker thread.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::model::ClaimId;
use claimdesk::sample::sample_session;
use claimdesk::store::{SessionLock, load_session, save_session};
use claimdesk::ui::{ClaimdeskApp, StartOptions};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use std::path::{Path, PathBuf};

#[path = "common/ui_kit.rs"]
mod kit;

use kit::{choose_file, click, start};

fn app(open: Option<PathBuf>) -> Harness<'static, ClaimdeskApp> {
    start(StartOptions {
        open,
        ..Default::default()
    })
}

/// The sample session (six claims on the seed article), saved to `dir`.
fn saved_sample(dir: &Path) -> PathBuf {
    let path = dir.join("sample.ron");
    save_session(&path, &sample_session(), None).unwrap();
    path
}

fn select(harness: &mut Harness<'_, ClaimdeskApp>, id: u64) {
    harness.state_mut().select_claim(ClaimId(id));
    harness.run();
}

#[test]
fn a_session_open_in_another_window_opens_read_only_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_sample(dir.path());
    let other_window = SessionLock::acquire(&path).unwrap();

    // Cancel: nothing opens, the seed article stays.
    let mut harness = app(Some(path.clone()));
    harness.get_by_label("Already open in another window");
    click(&mut harness, "Cancel");
    assert!(harness.state().document().path().is_none());

    // Read-only (the suggested answer, so Enter picks it): it opens, but nothing can change it.
    let mut harness = app(Some(path.clone()));
    harness.get_by_label("Open read-only");
    harness.key_press(Key::Enter);
    harness.run();
    let doc = harness.state().document();
    assert_eq!(doc.path(), Some(path.as_path()));
    assert!(doc.is_read_only());
    harness.get_by_label_contains("Read-only: sample.ron is open in another Claimdesk window");
    // The panes show the opened session, not what they drew for the seed article.
    harness.get_by_label_contains("6 claims: 1 unverified");
    harness.get_by_label_contains("Claim #6: Unverified");
    harness.get_by_label("Read-only: claims cannot be added here");
    select(&mut harness, 6);
    harness.key_press(Key::Num2);
    harness.run();
    let doc = harness.state().document();
    assert_eq!(doc.session.claim(ClaimId(6)).unwrap().status, "unverified");
    assert!(!doc.is_dirty(), "a read-only session takes no edits");

    // Saving asks for a new name instead of writing the file the other window has.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Save session as");
    // ...and not onto the file the other window has open.
    choose_file(&mut harness, &path, "Save");
    harness.get_by_label_contains("“sample.ron” already exists. Replace it?");
    click(&mut harness, "Replace");
    harness.get_by_label("Could not save");
    harness.get_by_label_contains("is already open in another Claimdesk window");
    click(&mut harness, "OK");
    assert!(harness.state().document().is_read_only());

    // Once the other window lets go, "Try again" makes it editable.
    drop(other_window);
    click(&mut harness, "Try again");
    let doc = harness.state().document();
    assert!(!doc.is_read_only() && doc.holds_lock());
    harness.key_press(Key::Num2);
    harness.run();
    assert_eq!(
        harness
            .state()
            .document()
            .session
            .claim(ClaimId(6))
            .unwrap()
            .status,
        "true"
    );
    // And now this window holds the lock: a third one is told so.
    assert!(SessionLock::acquire(&path).is_err());
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_sample(dir.path());
    let mut harness = app(Some(path.clone()));
    select(&mut harness, 6);
    harness.key_press(Key::Num2);
    harness.run();

    // Another program (say, a git pull) rewrites the file.
    let mut theirs = sample_session();
    theirs.claims[0].note = "Edited on another computer.".into();
    save_session(&path, &theirs, None).unwrap();
    let on_disk = std::fs::read_to_string(&path).unwrap();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("The file changed on disk");
    click(&mut harness, "Cancel");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        on_disk,
        "nothing written"
    );
    assert!(harness.state().document().is_dirty());

    // Save as keeps both versions.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    click(&mut harness, "Save as…");
    assert!(
        harness
            .query_all_by_value("sample-copy.ron")
            .next()
            .is_some(),
        "a new name is suggested, not the file it conflicts with"
    );
    let copy = dir.path().join("mine.ron");
    choose_file(&mut harness, &copy, "Save");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), on_disk);
    let (mine, _) = load_session(&copy).unwrap();
    assert_eq!(mine.session.claim(ClaimId(6)).unwrap().status, "true");
    assert_eq!(harness.state().document().path(), Some(copy.as_path()));
    drop(harness);

    // Overwrite, on explicit confirmation, replaces theirs with ours.
    let mut harness = app(Some(path.clone()));
    select(&mut harness, 6);
    harness.key_press(Key::Num3);
    harness.run();
    theirs.claims[0].note = "Edited again on another computer.".into();
    save_session(&path, &theirs, None).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    click(&mut harness, "Overwrite");
    let (saved, _) = load_session(&path).unwrap();
    assert_eq!(
        saved.session.claim(ClaimId(6)).unwrap().status,
        "mostly-true"
    );
    assert!(!harness.state().document().is_dirty());

    // Reload throws our change away and shows theirs.
    select(&mut harness, 6);
    harness.key_press(Key::Num4);
    harness.run();
    theirs.claims[0].note = "And edited a third time.".into();
    save_session(&path, &theirs, None).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    click(&mut harness, "Reload from disk");
    let doc = harness.state().document();
    assert!(!doc.is_dirty());
    assert_eq!(doc.session, theirs);
    assert!(
        doc.holds_lock(),
        "reloading keeps the file locked for this window"
    );
}

/// The corrected seed article (see [`kit::corrected_seed_article`]), as a file.
fn corrected_article(dir: &Path) -> PathBuf {
    let path = dir.join("corrected.txt");
    std::fs::write(&path, kit::corrected_seed_article()).unwrap();
    path
}

#[test]
fn updating_the_article_moves_claims_and_lists_the_ones_to_reattach() {
    let dir = tempfile::tempdir().unwrap();
    let article = corrected_article(dir.path());
    let mut harness = start(StartOptions {
        session: Some(sample_session()),
        ..Default::default()
    });
    kit::file_menu(&mut harness, "Update article text…");
    choose_file(&mut harness, &article, "Update");

    harness.get_by_label("Article updated");
    let session = &harness.state().document().session;
    assert!(session.article.text.contains("Editor's note"));
    assert_eq!(session.claims.len(), 6, "no claim is dropped");
    let lost: Vec<_> = session.claims.iter().filter(|c| c.needs_review).collect();
    assert_eq!(lost.len(), 1);
    assert_eq!(lost[0].id, ClaimId(5));
    assert_eq!(lost[0].status, "false", "its verdict is kept");
    for claim in session.claims.iter().filter(|c| !c.needs_review) {
        let text: String = session
            .article
            .text
            .chars()
            .skip(claim.anchor.start)
            .take(claim.anchor.len())
            .collect();
        assert_eq!(
            text, claim.anchor.exact,
            "claim #{} moved with its text",
            claim.id
        );
    }

    click(&mut harness, "Show claims that need review");
    harness.get_by_label_contains("1 claim needs review");
    harness.get_by_label("Showing 1 of 6");
    assert_eq!(harness.state().selected_claim(), Some(ClaimId(5)));
    assert!(
        harness
            .get_by_label("Re-attach to selection")
            .accesskit_node()
            .is_disabled(),
        "re-attaching needs a text selection first"
    );

    // The user selects the rewritten sentence and re-attaches the claim to it.
    let new_sentence = "A second, smaller installation lies further north";
    let text = &harness.state().document().session.article.text;
    let start = text[..text.find(new_sentence).unwrap()].chars().count();
    harness
        .state_mut()
        .select_text(start..start + new_sentence.chars().count());
    harness.run();
    click(&mut harness, "Re-attach to selection");
    let claim = harness
        .state()
        .document()
        .session
        .claim(ClaimId(5))
        .unwrap()
        .clone();
    assert!(!claim.needs_review);
    assert_eq!(claim.anchor.exact, new_sentence);
    assert!(harness.query_by_label_contains("needs review").is_none());

    // Undo twice: the re-attachment, then the whole update.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let doc = harness.state().document();
    assert!(doc.session.claim(ClaimId(5)).unwrap().needs_review);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().session, sample_session());
}

#[test]
fn an_unreadable_new_article_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("scan.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1]).unwrap();
    let mut harness = start(StartOptions {
        session: Some(sample_session()),
        ..Default::default()
    });
    kit::file_menu(&mut harness, "Update article text…");
    choose_file(&mut harness, &binary, "Update");
    harness.get_by_label("Could not update the article");
    harness.get_by_label_contains("scan.txt");
    assert_eq!(harness.state().document().session, sample_session());
}

/// Steps frames until the worker is done, checking the window keeps drawing.
fn wait_for_worker(harness: &mut Harness<'_, ClaimdeskApp>) {
    for _ in 0..2000 {
        if !harness.state().is_busy() {
            harness.run();
            return;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    panic!("the worker did not finish");
}

#[test]
fn saving_opening_and_reanchoring_on_a_worker_show_progress() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("worker.ron");
    let mut harness = start(StartOptions {
        session: Some(sample_session()),
        run_mode: claimdesk::ui::worker::RunMode::AlwaysBackground,
        ..Default::default()
    });
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    // Typed as `choose_file` does, but confirmed without `run`: the progress dialog
    // animates until the worker is done.
    kit::type_file_name(&mut harness, &path);
    harness.get_by_role_and_label(Role::Button, "Save").click();
    wait_for_worker(&mut harness);
    assert!(!harness.state().document().is_dirty());
    assert_eq!(load_session(&path).unwrap().0.session, sample_session());

    let article = corrected_article(dir.path());
    kit::file_menu(&mut harness, "Update article text…");
    kit::type_file_name(&mut harness, &article);
    harness
        .get_by_role_and_label(Role::Button, "Update")
        .click();
    harness.step();
    wait_for_worker(&mut harness);
    harness.get_by_label("Article updated");
    assert_eq!(
        harness
            .state()
            .document()
            .session
            .claims
            .iter()
            .filter(|c| c.needs_review)
            .count(),
        1
    );
    drop(harness);

    // Opening from a pipe: the worker waits for the bytes while the window keeps
    // drawing its progress dialog, however long the writer takes.
    let pipe = dir.path().join("slow.ron");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo on this system; the save and update above still ran
    }
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe({
            let pipe = pipe.clone();
            move |cc| {
                ClaimdeskApp::with_options(
                    &cc.egui_ctx,
                    StartOptions {
                        open: Some(pipe),
                        run_mode: claimdesk::ui::worker::RunMode::AlwaysBackground,
                        ..Default::default()
                    },
                )
            }
        });
    for _ in 0..5 {
        harness.step();
    }
    assert!(harness.state().is_busy());
    harness.get_by_label("Opening slow.ron…");
    harness.get_by_role(Role::ProgressIndicator);
    assert!(
        harness.state().document().path().is_none(),
        "still the seed article"
    );
    std::fs::write(&pipe, std::fs::read(&path).unwrap()).unwrap();
    wait_for_worker(&mut harness);
    assert_eq!(harness.state().document().path(), Some(pipe.as_path()));
    assert_eq!(harness.state().document().session, sample_session());
}

/// Switches the window's focus as the window manager would.
fn set_focus(harness: &mut Harness<'_, ClaimdeskApp>, focused: bool) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .focused = Some(focused);
    harness.run();
}

#[test]
fn coming_back_to_the_window_reloads_a_file_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_sample(dir.path());
    let mut harness = app(Some(path.clone()));
    set_focus(&mut harness, false);
    let mut theirs = sample_session();
    theirs.claims[0].note = "Pulled from the newsroom's repository.".into();
    save_session(&path, &theirs, None).unwrap();
    set_focus(&mut harness, true);
    let doc = harness.state().document();
    assert_eq!(doc.session, theirs, "nothing unsaved here, so it reloads");
    assert!(!doc.is_dirty() && doc.holds_lock());
    harness.get_by_label_contains("Reloaded");

    // With unsaved work, nothing is replaced; saving will ask.
    select(&mut harness, 6);
    harness.key_press(Key::Num2);
    harness.run();
    set_focus(&mut harness, false);
    theirs.claims[0].note = "Changed again.".into();
    save_session(&path, &theirs, None).unwrap();
    set_focus(&mut harness, true);
    let doc = harness.state().document();
    assert!(doc.is_dirty());
    assert_eq!(doc.session.claim(ClaimId(6)).unwrap().status, "true");
    harness.get_by_label_contains("changed on disk; saving will ask");
}
