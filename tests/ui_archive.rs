//! The archive in the app: Search all sessions (Ctrl+Shift+F) finds an earlier check
//! and opens its session at the claim; a repeated claim is badged "Checked before" in
//! the list and the inspector; "Copy this check" is one undoable edit; an empty archive
//! says how to add a folder, and adding one from the panel indexes it; the score at
//! which a passage counts as checked before is a preference.
//!
//! The archive is built in a temporary folder from fixture sessions and a ClaimReview
//! file, with the word-hash stand-in embedder (fast, no model file), injected through
//! `StartOptions::archive`; the app itself uses all-MiniLM-L6-v2.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::archive::{ArchiveDir, UpdateOptions, WordHashEmbedder, add_paths};
use claimdesk::command::{Command, apply};
use claimdesk::import::import_text;
use claimdesk::model::{Session, SourceDraft, Stance};
use claimdesk::store::save_session;
use claimdesk::ui::archive_state::ArchiveConfig;
use claimdesk::ui::{ClaimdeskApp, StartOptions};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

#[path = "common/ui_kit.rs"]
mod kit;

const UNEMPLOYMENT: &str = "Unemployment fell to its lowest level in fifty years last spring.";
const BRIDGE: &str = "The new bridge over the river cost twice its original budget.";

/// A session whose article is the title and the sentences; each sentence a claim with
/// the given verdict ("" for none yet; when checked, a source read on 12 March 2026 and a note).
fn session(title: &str, claims: &[(&str, &str)]) -> Session {
    let body: Vec<&str> = claims.iter().map(|(text, _)| *text).collect();
    let text = format!("{title}\n\n{}", body.join(" "));
    let mut s = Session::new(import_text(&text, None).unwrap());
    for (claim, status) in claims {
        let byte = text.find(claim).unwrap();
        let start = text[..byte].chars().count();
        let end = start + claim.chars().count();
        let id = apply(
            &mut s,
            Command::AddClaim {
                start,
                end,
                claimant: "A. Speaker".into(),
                attribution: None,
            },
        )
        .unwrap()
        .claim
        .unwrap();
        if status.is_empty() {
            continue; // marked, not checked yet
        }
        let commands = [
            Command::SetStatus {
                claim: id,
                status: (*status).into(),
                by: "R. Checker".into(),
                date: "2026-03-12".into(),
            },
            Command::AddSource {
                claim: id,
                draft: SourceDraft {
                    url: "https://stats.example/jobs".into(),
                    title: "Official statistics".into(),
                    quote: String::new(),
                    stance: Stance::Refutes,
                    accessed: "2026-03-12".into(),
                },
            },
            Command::SetNote {
                claim: id,
                note: "The rate was lower in 1969.".into(),
            },
        ];
        for c in commands {
            apply(&mut s, c).unwrap();
        }
    }
    s
}

/// The desk's folder with one checked session, `economy.ron`.
fn desk(dir: &Path) -> PathBuf {
    let desk = dir.join("desk");
    std::fs::create_dir_all(&desk).unwrap();
    let economy = session(
        "Economy speech",
        &[(UNEMPLOYMENT, "false"), (BRIDGE, "mostly-true")],
    );
    save_session(&desk.join("economy.ron"), &economy, None).unwrap();
    desk
}

fn config(index: &Path) -> ArchiveConfig {
    ArchiveConfig::with_embedder(index, Arc::new(WordHashEmbedder::default()))
}

/// An archive index in `index` holding `paths`, built as `claimdesk archive add` would.
fn archive_of(index: &Path, paths: &[PathBuf]) {
    add_paths(
        &ArchiveDir::new(index),
        paths,
        Some(&WordHashEmbedder::default()),
        &UpdateOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
}

/// A temporary folder holding the fixture desk's sessions and an archive index of them:
/// (the folder, the desk, the index).
fn archived_desk() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let desk = desk(tmp.path());
    let index = tmp.path().join("index");
    archive_of(&index, std::slice::from_ref(&desk));
    (tmp, desk, index)
}

fn app(index: &Path, open: Option<PathBuf>) -> Harness<'static, ClaimdeskApp> {
    kit::start_sized(
        egui::vec2(1280.0, 1000.0),
        StartOptions {
            open,
            archive: Some(config(index)),
            ..Default::default()
        },
    )
}

fn has(harness: &Harness<'_, ClaimdeskApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

fn search(harness: &mut Harness<'_, ClaimdeskApp>, query: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.run();
    harness.get_by_label("Search").type_text(query);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn searching_all_sessions_finds_the_check_and_opens_its_session_at_the_claim() {
    let (_tmp, desk, index) = archived_desk();
    let mut harness = app(&index, None);

    search(&mut harness, "lowest unemployment in fifty years");
    assert!(
        has(
            &harness,
            "Earlier check: False, economy.ron, claim #1, 12 Mar 2026"
        ),
        "the earlier check is listed with its verdict, session and day"
    );
    assert!(
        has(&harness, "2 claims (2 with a verdict) from 1 session"),
        "the archive's numbers are shown"
    );

    harness
        .get_by_label_contains("Earlier check: False")
        .click();
    harness.run();
    assert!(
        has(&harness, "The rate was lower in 1969."),
        "its note is shown"
    );
    kit::click(&mut harness, "Open that session at this claim");

    let economy = desk.join("economy.ron");
    assert_eq!(harness.state().document().path(), Some(economy.as_path()));
    let selected = harness
        .state()
        .selected_claim()
        .expect("a claim is selected");
    let claim = harness.state().document().session.claim(selected).unwrap();
    assert_eq!(
        claim.text, UNEMPLOYMENT,
        "it lands on the claim that was found"
    );
}

#[test]
fn a_repeated_claim_is_badged_and_copying_the_check_is_one_undo() {
    let (_tmp, desk, index) = archived_desk();
    // Today's article repeats the claim; it is not checked yet. It is saved in the
    // archived folder, so matching must leave its own file out.
    let today = session("New speech", &[(UNEMPLOYMENT, "")]);
    let unreviewed = today.scheme.unreviewed.clone();
    let path = desk.join("today.ron");
    save_session(&path, &today, None).unwrap();
    let mut harness = app(&index, Some(path));

    let badge = "Checked before: False, 12 Mar 2026";
    assert!(
        has(&harness, &format!("0 sources. {UNEMPLOYMENT} ({badge})")),
        "the list badges the repeated claim"
    );
    assert!(
        harness.state().archive().marks().is_empty(),
        "no sentence of the article is a repeat besides the claim"
    );
    let id = harness.state().document().session.claims[0].id;
    harness.state_mut().select_claim(id);
    harness.run();
    assert!(
        has(&harness, "↺ Checked before (1)"),
        "the inspector lists it"
    );
    assert!(has(&harness, "economy.ron, claim #1"));

    kit::click(&mut harness, "Copy this check");
    let session = &harness.state().document().session;
    let claim = session.claim(id).unwrap();
    assert_eq!(claim.status, "false", "the verdict is copied");
    assert_eq!(claim.sources.len(), 1, "with its source");
    assert!(claim.note.contains("1969"), "and its note");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let claim = harness
        .state()
        .document()
        .session
        .claim(id)
        .unwrap()
        .clone();
    assert_eq!(claim.status, unreviewed, "one undo takes it all back");
    assert!(claim.sources.is_empty() && claim.note.is_empty());
}

#[test]
fn an_empty_archive_says_how_to_add_a_folder_and_the_panel_adds_one() {
    let tmp = tempfile::tempdir().unwrap();
    let desk = desk(tmp.path());
    let index = tmp.path().join("index");
    let mut harness = app(&index, None);
    assert!(
        !index.exists(),
        "nothing archive-related happens until the archive is needed"
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.run();
    assert!(has(&harness, "The archive is empty."));
    assert!(
        !index.exists(),
        "looking at an empty archive writes nothing"
    );

    kit::type_into(
        &mut harness,
        "Folder or file to add",
        &desk.display().to_string(),
    );
    kit::click(&mut harness, "Add");
    assert!(
        has(&harness, "2 claims (2 with a verdict) from 1 session"),
        "the folder was indexed"
    );
    search(&mut harness, "bridge budget");
    assert!(has(
        &harness,
        "Earlier check: Mostly true, economy.ron, claim #2"
    ));
}

#[test]
fn a_published_review_offers_its_url() {
    let tmp = tempfile::tempdir().unwrap();
    let feed = tmp.path().join("othercheck.jsonld");
    std::fs::write(
        &feed,
        r#"{"@context": "https://schema.org", "@type": "ClaimReview",
            "url": "https://othercheck.example/bread",
            "claimReviewed": "Bread prices doubled in a single year",
            "datePublished": "2026-01-05",
            "author": {"@type": "Organization", "name": "Other Check"},
            "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5,
                             "worstRating": 1, "alternateName": "False"}}"#,
    )
    .unwrap();
    let index = tmp.path().join("index");
    archive_of(&index, &[feed]);
    let mut harness = app(&index, None);
    search(&mut harness, "bread prices");
    harness
        .get_by_label_contains("Earlier check: False, Other Check, 5 Jan 2026")
        .click();
    harness.run();
    assert!(has(&harness, "Open review"));
    kit::click(&mut harness, "Copy review URL");
    assert!(
        has(&harness, "Copied the review's URL."),
        "the review's URL went to the clipboard"
    );
}

#[test]
fn two_windows_share_one_archive_and_each_sees_what_the_other_added() {
    let tmp = tempfile::tempdir().unwrap();
    let desk = desk(tmp.path());
    let index = tmp.path().join("index");
    // Both windows are open before anything is archived; the second one looks first.
    let mut first = app(&index, None);
    let mut second = app(&index, None);
    search(&mut second, "bridge budget");
    assert!(has(&second, "The archive is empty."));

    // The first window adds the desk's folder from its panel.
    first.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    first.run();
    kit::type_into(
        &mut first,
        "Folder or file to add",
        &desk.display().to_string(),
    );
    kit::click(&mut first, "Add");
    assert!(has(&first, "2 claims (2 with a verdict) from 1 session"));

    // The second window's next search reads the index the first one wrote.
    search(&mut second, "bridge budget");
    assert!(
        has(&second, "Earlier check: Mostly true, economy.ron, claim #2"),
        "the second window still searches the archive as it was when it opened"
    );

    // And the other way round: a session saved into the folder later and added by
    // the second window is found by the first.
    let other = session("Transport speech", &[(BRIDGE, "false")]);
    let transport = desk.join("transport.ron");
    save_session(&transport, &other, None).unwrap();
    kit::click(&mut second, "Update archive");
    assert!(has(&second, "3 claims (3 with a verdict) from 2 sessions"));
    search(&mut first, "bridge budget");
    assert!(
        has(&first, "Earlier check: False, transport.ron, claim #1"),
        "the first window finds what the second one added"
    );
}

#[test]
fn a_folder_is_added_to_the_archive_through_the_file_dialog() {
    let tmp = tempfile::tempdir().unwrap();
    let desk = desk(tmp.path());
    let index = tmp.path().join("index");
    let mut harness = app(&index, None);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.run();
    kit::click(&mut harness, "Browse…");
    harness.get_by_label("Add a folder or file to the archive");
    harness.get_by_label("Folder").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Folder")
        .type_text(&desk.display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    kit::click(&mut harness, "Add this folder");
    assert!(
        has(&harness, "2 claims (2 with a verdict) from 1 session"),
        "the folder chosen in the dialog was indexed"
    );
}

#[test]
fn the_checked_before_line_goes_to_the_first_repeated_passage() {
    let (tmp, _, index) = archived_desk();
    let article = tmp.path().join("speech.txt");
    std::fs::write(
        &article,
        format!(
            "Minister's speech\n\nThe minister spoke at a factory on Monday.\n\nShe said: {UNEMPLOYMENT}\n"
        ),
    )
    .unwrap();
    let mut harness = app(&index, Some(article));
    let marks = harness.state().archive().marks().to_vec();
    assert_eq!(marks.len(), 1, "the repeated sentence is marked: {marks:?}");
    assert_ne!(
        harness.state().view().side,
        claimdesk::ui::view_state::SidePane::Suggestions
    );

    kit::click(&mut harness, "↺ 1 passage was checked before");
    assert_eq!(
        harness.state().view().side,
        claimdesk::ui::view_state::SidePane::Suggestions,
        "the suggestion is shown where its earlier checks are listed"
    );
    let selected = harness.state().suggestions().selected.expect("selected");
    assert_eq!(
        (selected.start, selected.end),
        (marks[0].start, marks[0].end)
    );
    assert!(has(&harness, "Checked before"), "with the earlier check");
}

/// The score at which a passage counts as checked before is a preference: raised above
/// the match's score, the badge goes; the saved file keeps the choice.
#[test]
fn the_checked_before_score_is_a_preference_and_applies_at_once() {
    let (tmp, desk, index) = archived_desk();
    let path = desk.join("today.ron");
    save_session(&path, &session("New speech", &[(UNEMPLOYMENT, "")]), None).unwrap();
    let prefs_file = tmp.path().join("prefs.ron");
    let mut harness = kit::start_sized(
        egui::vec2(1280.0, 1000.0),
        StartOptions {
            open: Some(path),
            archive: Some(config(&index)),
            prefs_file: Some(prefs_file.clone()),
            ..Default::default()
        },
    );
    let badge = "Checked before: False, 12 Mar 2026";
    let badged =
        |h: &Harness<'_, ClaimdeskApp>| has(h, &format!("0 sources. {UNEMPLOYMENT} ({badge})"));
    assert!(badged(&harness), "badged at the default score");

    let set = |harness: &mut Harness<'_, ClaimdeskApp>, score: f32| {
        harness.get_all_by_label("Edit").next().unwrap().click();
        harness.run();
        harness.get_by_label_contains("Preferences…").click();
        harness.run();
        harness
            .get_by_role_and_label(
                egui::accesskit::Role::Slider,
                "Flag as checked before at a score of",
            )
            .set_value_accesskit(f64::from(score));
        harness.run();
        harness.get_by_label("Save").click();
        for _ in 0..4 {
            harness.run();
        }
    };
    set(&mut harness, 0.9);
    assert!(!badged(&harness), "no match scores 0.9");
    assert!(harness.state().archive().marks().is_empty());
    let saved = claimdesk::prefs::load_prefs_from(&prefs_file).unwrap();
    assert_eq!(saved.checked_before_at(), 0.9);

    set(&mut harness, 0.5);
    assert!(badged(&harness), "badged again at a lower score");
}
