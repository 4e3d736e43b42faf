//! The archive built from fixture sessions and a ClaimReview file: search, match,
//! incremental updates, deleted and moved files, broken files, a damaged index, and
//! copying an earlier check into a claim. The word-hash stand-in embedder keeps these
//! fast; `paraphrase_is_found_by_the_real_model` runs the shipped model.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::archive::{
    Archive, ArchiveDir, Embed, Embedder, Filters, MatchOptions, Origin, SearchOptions, Subject,
    UpdateOptions, UpdateReport, WordHashEmbedder, add_paths, copy_check, match_article,
    match_session, update,
};
use claimdesk::command::{Command, apply};
use claimdesk::import::import_text;
use claimdesk::model::{Session, SourceDraft, Stance};
use claimdesk::store::save_session;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

struct Check<'a> {
    text: &'a str,
    status: &'a str,
    sources: &'a [&'a str],
    note: &'a str,
}

/// A session whose article is the title and the claims' sentences, each sentence a claim
/// with the given verdict, sources and note.
fn session(title: &str, checks: &[Check<'_>]) -> Session {
    let body: Vec<&str> = checks.iter().map(|c| c.text).collect();
    let text = format!("{title}\n\n{}", body.join(" "));
    let mut s = Session::new(import_text(&text, None).unwrap());
    for c in checks {
        let byte = text.find(c.text).unwrap();
        let start = text[..byte].chars().count();
        let end = start + c.text.chars().count();
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
        apply(
            &mut s,
            Command::SetStatus {
                claim: id,
                status: c.status.into(),
                by: String::new(),
                date: String::new(),
            },
        )
        .unwrap();
        for url in c.sources {
            apply(
                &mut s,
                Command::AddSource {
                    claim: id,
                    draft: SourceDraft {
                        url: (*url).into(),
                        title: "Official statistics".into(),
                        quote: String::new(),
                        stance: Stance::Refutes,
                        accessed: "2026-03-12".into(),
                    },
                },
            )
            .unwrap();
        }
        apply(
            &mut s,
            Command::SetNote {
                claim: id,
                note: c.note.into(),
            },
        )
        .unwrap();
    }
    s
}

const UNEMPLOYMENT: &str = "Unemployment fell to its lowest level in fifty years last spring.";
const BRIDGE: &str = "The new bridge over the river cost twice its original budget.";
const VACCINE: &str = "The vaccine was tested on fewer than one hundred volunteers.";
const WHEAT: &str = "Wheat exports to Egypt tripled after the drought ended.";

fn desk(dir: &Path) -> PathBuf {
    let desk = dir.join("desk");
    std::fs::create_dir_all(desk.join("2026")).unwrap();
    let a = session(
        "Economy speech",
        &[
            Check {
                text: UNEMPLOYMENT,
                status: "false",
                sources: &["https://stats.example/jobs"],
                note: "The rate was lower in 1969.",
            },
            Check {
                text: BRIDGE,
                status: "mostly-true",
                sources: &["https://city.example/budget"],
                note: "",
            },
        ],
    );
    let b = session(
        "Health briefing",
        &[
            Check {
                text: VACCINE,
                status: "misleading",
                sources: &[],
                note: "Phase 3 had 30,000 volunteers.",
            },
            Check {
                text: WHEAT,
                status: "unverified",
                sources: &[],
                note: "",
            },
        ],
    );
    save_session(&desk.join("economy.ron"), &a, None).unwrap();
    save_session(&desk.join("2026/health.ron"), &b, None).unwrap();
    desk
}

const REVIEWS: &str = r#"{
  "@context": "https://schema.org", "@type": "DataFeed",
  "dataFeedElement": [{"@type": "DataFeedItem", "item": [
    {"@type": "ClaimReview", "url": "https://othercheck.example/moon",
     "claimReviewed": "The moon landing was filmed in a studio in Nevada",
     "datePublished": "2025-07-20", "author": {"@type": "Organization", "name": "Other Check"},
     "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "False"}},
    {"@type": "ClaimReview", "url": "https://othercheck.example/bread",
     "claimReviewed": "Bread prices doubled in a single year",
     "datePublished": "2026-01-05", "author": {"@type": "Organization", "name": "Other Check"},
     "reviewRating": {"@type": "Rating", "ratingValue": 3, "bestRating": 5, "worstRating": 1, "alternateName": "Half true"}}
  ]}]
}"#;

fn reviews(dir: &Path) -> PathBuf {
    let p = dir.join("othercheck.jsonld");
    std::fs::write(&p, REVIEWS).unwrap();
    p
}

fn stand_in() -> WordHashEmbedder {
    WordHashEmbedder::default()
}

fn add(dir: &ArchiveDir, paths: &[PathBuf]) -> UpdateReport {
    let e = stand_in();
    add_paths(
        dir,
        paths,
        Some(&e),
        &UpdateOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap()
}

fn refresh(dir: &ArchiveDir) -> UpdateReport {
    let e = stand_in();
    update(
        dir,
        Some(&e),
        &UpdateOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap()
}

fn top(archive: &Archive, text: &str) -> Vec<String> {
    let e = stand_in();
    archive
        .search(text, &SearchOptions::default(), Some(&e))
        .unwrap()
        .into_iter()
        .map(|h| h.claim.text)
        .collect()
}

#[test]
fn an_archive_of_sessions_and_reviews_is_searchable() {
    let tmp = tempfile::tempdir().unwrap();
    let desk = desk(tmp.path());
    let feed = reviews(tmp.path());
    let dir = ArchiveDir::new(tmp.path().join("index"));
    let report = add(&dir, &[desk.clone(), feed.clone()]);
    assert_eq!((report.files, report.claims, report.added), (3, 6, 3));
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(report.without_embedding, 0);

    let archive = Archive::open(&dir).unwrap();
    assert_eq!(archive.len(), 6);
    let status = archive.status();
    assert_eq!(
        (
            status.sessions,
            status.review_files,
            status.reviewed,
            status.embedded
        ),
        (2, 1, 5, 6)
    );

    let e = stand_in();
    let hits = archive
        .search(
            "unemployment lowest in fifty years",
            &SearchOptions::default(),
            Some(&e),
        )
        .unwrap();
    let first = &hits[0];
    assert_eq!(first.claim.text, UNEMPLOYMENT);
    assert_eq!(first.claim.verdict.name, "False");
    assert_eq!(first.claim.note, "The rate was lower in 1969.");
    assert_eq!(first.claim.sources[0].url, "https://stats.example/jobs");
    assert_eq!(first.claim.claimant, "A. Speaker");
    assert_eq!(first.claim.article.title, "Economy speech");
    assert_eq!(first.claim.date.as_deref(), Some("2026-03-12"));
    assert_eq!(first.claim.badge(), "False, 12 Mar 2026");
    match &first.claim.origin {
        Origin::Session {
            path,
            claim_id,
            number,
        } => {
            assert_eq!(
                path,
                &std::fs::canonicalize(desk.join("economy.ron")).unwrap()
            );
            assert_eq!(*number, 1, "the number people see");
            let saved = claimdesk::store::load_session(path).unwrap().0.session;
            assert_eq!(*claim_id, saved.claims[0].id.0, "the claim's lasting id");
        }
        other => panic!("{other:?}"),
    }
    assert!(first.score > 0.0 && first.cosine.is_some() && first.bm25 > 0.0);

    let moon = &archive
        .search("moon landing studio", &SearchOptions::default(), Some(&e))
        .unwrap()[0];
    assert_eq!(
        moon.claim.origin.review_url(),
        Some("https://othercheck.example/moon")
    );
    assert_eq!(moon.claim.publisher.as_deref(), Some("Other Check"));

    // Filters: verdict, date range, folder.
    let only = |filters: Filters| {
        let o = SearchOptions {
            filters,
            top: 20,
            ..SearchOptions::default()
        };
        let mut t: Vec<String> = archive
            .search("the in of a", &o, None)
            .unwrap()
            .into_iter()
            .map(|h| h.claim.text)
            .collect();
        t.sort();
        t
    };
    let false_only = archive
        .search(
            "moon unemployment",
            &SearchOptions {
                filters: Filters {
                    verdicts: vec!["false".into()],
                    ..Filters::default()
                },
                ..SearchOptions::default()
            },
            Some(&e),
        )
        .unwrap();
    assert_eq!(false_only.len(), 2);
    assert!(false_only.iter().all(|h| h.claim.verdict.name == "False"));
    let dated = archive
        .search(
            "bread moon",
            &SearchOptions {
                filters: Filters {
                    from: Some("2026-01-01".into()),
                    ..Filters::default()
                },
                ..SearchOptions::default()
            },
            Some(&e),
        )
        .unwrap();
    assert_eq!(dated.len(), 1);
    assert_eq!(dated[0].claim.text, "Bread prices doubled in a single year");
    let in_2026 = archive
        .search(
            "vaccine bridge wheat",
            &SearchOptions {
                filters: Filters {
                    folder: Some(std::fs::canonicalize(desk.join("2026")).unwrap()),
                    ..Filters::default()
                },
                ..SearchOptions::default()
            },
            Some(&e),
        )
        .unwrap();
    assert!(
        in_2026
            .iter()
            .all(|h| h.claim.text == VACCINE || h.claim.text == WHEAT)
    );
    assert_eq!(
        only(Filters::default()).len(),
        0,
        "stop words alone match nothing"
    );
}

#[test]
fn matching_finds_earlier_checks_of_claims_and_sentences_but_not_the_session_itself() {
    let tmp = tempfile::tempdir().unwrap();
    let desk = desk(tmp.path());
    let dir = ArchiveDir::new(tmp.path().join("index"));
    add(&dir, std::slice::from_ref(&desk));
    let archive = Archive::open(&dir).unwrap();
    let e = stand_in();
    let options = MatchOptions {
        threshold: 0.5,
        ..MatchOptions::default()
    };

    let article = format!(
        "Campaign rally\n\nThe senator repeated that unemployment fell to its lowest level in fifty years. \
         She also praised the weather. {WHEAT}"
    );
    let items = match_article(&archive, &article, Some(&e), &options).unwrap();
    assert_eq!(items.len(), 1, "{items:#?}");
    assert!(matches!(items[0].subject, Subject::Sentence { .. }));
    assert_eq!(items[0].matches[0].claim.text, UNEMPLOYMENT);
    // The wheat claim was never given a verdict: not "checked before".

    // A new session with one claim on the bridge sentence.
    let mut s = session(
        "Council meeting",
        &[Check {
            text: "The new bridge over the river cost twice its budget.",
            status: "unverified",
            sources: &[],
            note: "",
        }],
    );
    let items = match_session(&archive, &s, Some(&e), &options).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].subject, Subject::Claim { id: s.claims[0].id });
    assert_eq!(items[0].matches[0].claim.text, BRIDGE);

    // An archived session matched against the archive does not find itself.
    let own = desk.join("economy.ron");
    let loaded = claimdesk::store::load_session(&own).unwrap().0.session;
    let excluding = MatchOptions {
        exclude_file: Some(own.clone()),
        ..options.clone()
    };
    assert!(
        match_session(&archive, &loaded, Some(&e), &excluding)
            .unwrap()
            .is_empty()
    );
    assert!(
        !match_session(&archive, &loaded, Some(&e), &options)
            .unwrap()
            .is_empty()
    );

    // Copying the earlier check into the claim is one undoable command.
    let earlier = &items[0].matches[0].claim;
    let id = s.claims[0].id;
    let plan = copy_check(&s, id, earlier, "Ada", "2026-11-30").unwrap();
    assert_eq!(plan.verdict.as_deref(), Some("mostly-true"));
    assert_eq!(plan.sources_added, 1);
    let before = s.clone();
    let mut history = claimdesk::history::History::default();
    history.apply(&mut s, plan.command).unwrap();
    let claim = s.claim(id).unwrap();
    assert_eq!(claim.status, "mostly-true");
    assert_eq!(
        (claim.verdict_by.as_str(), claim.verdict_date.as_str()),
        ("Ada", "2026-11-30")
    );
    assert_eq!(claim.sources[0].url, "https://city.example/budget");
    history.undo(&mut s).unwrap();
    assert_eq!(s.claims, before.claims);
}

#[test]
fn a_changed_session_is_read_again_and_the_others_are_not() {
    let tmp = tempfile::tempdir().unwrap();
    let desk = desk(tmp.path());
    let dir = ArchiveDir::new(tmp.path().join("index"));
    add(&dir, std::slice::from_ref(&desk));

    let path = desk.join("economy.ron");
    let (loaded, stamp) = claimdesk::store::load_session(&path).unwrap();
    let mut s = loaded.session;
    let first = s.claims[0].id;
    apply(
        &mut s,
        Command::SetStatus {
            claim: first,
            status: "true".into(),
            by: String::new(),
            date: String::new(),
        },
    )
    .unwrap();
    save_session(&path, &s, Some(&stamp)).unwrap();

    let report = refresh(&dir);
    assert_eq!((report.changed, report.unchanged, report.added), (1, 1, 0));
    // The claim texts did not change: their embeddings are reused.
    assert_eq!(report.embedded, 0);
    let archive = Archive::open(&dir).unwrap();
    let e = stand_in();
    let hit = &archive
        .search(UNEMPLOYMENT, &SearchOptions::default(), Some(&e))
        .unwrap()[0];
    assert_eq!(hit.claim.verdict.name, "True");

    // Touching a file without changing it costs a hash, not a parse.
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let report = refresh(&dir);
    assert_eq!((report.changed, report.unchanged), (0, 2));

    // Nothing changed at all: nothing is read.
    let report = refresh(&dir);
    assert_eq!(
        (report.changed, report.unchanged, report.embedded),
        (0, 2, 0)
    );
}

#[test]
fn a_deleted_session_leaves_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let desk = desk(tmp.path());
    let dir = ArchiveDir::new(tmp.path().join("index"));
    add(&dir, std::slice::from_ref(&desk));
    std::fs::remove_file(desk.join("economy.ron")).unwrap();
    let report = refresh(&dir);
    assert_eq!((report.removed, report.files, report.claims), (1, 1, 2));
    let archive = Archive::open(&dir).unwrap();
    assert!(!top(&archive, UNEMPLOYMENT).contains(&UNEMPLOYMENT.to_string()));
    assert_eq!(archive.len(), 2);
}

#[test]
fn a_moved_archive_folder_keeps_its_checks_without_recomputing_them() {
    let tmp = tempfile::tempdir().unwrap();
    let desk = desk(tmp.path());
    let dir = ArchiveDir::new(tmp.path().join("index"));
    add(&dir, std::slice::from_ref(&desk));
    let moved = tmp.path().join("team-repo");
    std::fs::rename(&desk, &moved).unwrap();

    let report = add(&dir, std::slice::from_ref(&moved));
    assert_eq!((report.moved, report.added, report.removed), (2, 0, 0));
    assert_eq!(report.embedded, 0);
    let old = std::fs::canonicalize(tmp.path()).unwrap().join("desk");
    assert_eq!(report.forgotten, [old]);

    let archive = Archive::open(&dir).unwrap();
    assert_eq!(archive.folders(), [std::fs::canonicalize(&moved).unwrap()]);
    let e = stand_in();
    let hit = &archive
        .search(UNEMPLOYMENT, &SearchOptions::default(), Some(&e))
        .unwrap()[0];
    assert!(
        hit.claim
            .origin
            .file()
            .starts_with(std::fs::canonicalize(&moved).unwrap())
    );

    // The index folder itself can move too.
    let index2 = tmp.path().join("elsewhere");
    std::fs::rename(dir.path(), &index2).unwrap();
    let archive = Archive::open(&ArchiveDir::new(&index2)).unwrap();
    assert_eq!(archive.len(), 4);
    assert_eq!(top(&archive, BRIDGE)[0], BRIDGE);
}

#[test]
fn broken_and_hostile_files_are_skipped_with_a_warning_naming_them() {
    let tmp = tempfile::tempdir().unwrap();
    let desk = desk(tmp.path());
    std::fs::write(desk.join("garbage.ron"), b"\x00\x01 not a session").unwrap();
    std::fs::write(desk.join("deep.ron"), "(".repeat(200_000)).unwrap();
    std::fs::write(desk.join("newer.ron"), b"(format_version: 999)").unwrap();
    let broken_json = tmp.path().join("broken.json");
    std::fs::write(&broken_json, b"{\"@type\": \"ClaimReview\", ").unwrap();
    let latin1_csv = tmp.path().join("reviews.csv");
    std::fs::write(&latin1_csv, b"claim,rating\ncaf\xe9 prices,False\n").unwrap();
    let deep_json = tmp.path().join("deep.json");
    std::fs::write(&deep_json, "[".repeat(100_000)).unwrap();

    let dir = ArchiveDir::new(tmp.path().join("index"));
    let report = add(
        &dir,
        &[
            desk.clone(),
            broken_json.clone(),
            latin1_csv.clone(),
            deep_json.clone(),
        ],
    );
    assert_eq!(report.claims, 4, "the good sessions are indexed");
    let warned: Vec<&Path> = report.warnings.iter().map(|w| w.path.as_path()).collect();
    for name in [
        "garbage.ron",
        "deep.ron",
        "newer.ron",
        "broken.json",
        "reviews.csv",
        "deep.json",
    ] {
        assert!(
            warned.iter().any(|p| p.ends_with(name)),
            "no warning names {name}: {:?}",
            report.warnings
        );
    }
    let status = Archive::open(&dir).unwrap().status();
    assert_eq!(status.broken.len(), 6);

    // Fixed later: read again.
    std::fs::write(&latin1_csv, "claim,rating\ncafé prices,False\n").unwrap();
    let report = refresh(&dir);
    assert_eq!(report.changed, 1);
    assert_eq!(report.claims, 5);
}

#[test]
fn a_damaged_or_newer_index_is_rebuilt_not_trusted() {
    let tmp = tempfile::tempdir().unwrap();
    let desk = desk(tmp.path());
    let dir = ArchiveDir::new(tmp.path().join("index"));
    add(&dir, std::slice::from_ref(&desk));
    let catalog = dir.path().join("catalog.json");

    for damage in [
        b"{\"format_version\": 1, \"files\": [".to_vec(),
        b"{\"format_version\": 7, \"generation\": 1}".to_vec(),
        b"\xff\xfe garbage".to_vec(),
    ] {
        std::fs::write(&catalog, &damage).unwrap();
        let opened = Archive::open(&dir).unwrap();
        assert!(opened.problem().is_some());
        assert!(opened.is_empty(), "a damaged index is not used");
        let report = refresh(&dir);
        assert!(report.rebuilt.is_some());
        assert_eq!(report.claims, 4);
        // Embeddings survive a damaged catalog: nothing recomputed.
        assert_eq!(report.embedded, 0);
        let archive = Archive::open(&dir).unwrap();
        assert!(archive.problem().is_none());
        assert_eq!(top(&archive, VACCINE)[0], VACCINE);
    }

    // Damaged embeddings are computed again; a damaged full-text index is rebuilt.
    let vectors = dir.path().join("vectors.bin");
    let mut bytes = std::fs::read(&vectors).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    std::fs::write(&vectors, bytes).unwrap();
    std::fs::write(dir.path().join("bm25").join("meta.json"), b"{").unwrap();
    let archive = Archive::open(&dir).unwrap();
    assert_eq!(top(&archive, BRIDGE)[0], BRIDGE, "searchable while damaged");
    // Touch the session so the update has something to do.
    let report = update(
        &dir,
        Some(&stand_in()),
        &UpdateOptions {
            rebuild: true,
            ..UpdateOptions::default()
        },
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(report.embedded, 4);
    let archive = Archive::open(&dir).unwrap();
    assert_eq!(archive.status().embedded, 4);
    assert_eq!(top(&archive, WHEAT)[0], WHEAT);
}

#[test]
fn cancelling_leaves_the_index_as_it_was_or_saves_what_was_embedded() {
    let tmp = tempfile::tempdir().unwrap();
    let desk = desk(tmp.path());
    let dir = ArchiveDir::new(tmp.path().join("index"));
    let e = stand_in();
    let cancelled = AtomicBool::new(true);
    let r = add_paths(
        &dir,
        std::slice::from_ref(&desk),
        Some(&e),
        &UpdateOptions::default(),
        &mut |_| {},
        &cancelled,
    );
    assert!(r.is_err());
    let nothing = Archive::open(&dir).unwrap();
    assert!(nothing.is_empty() && nothing.folders().is_empty());
    // Added without a model: found by words only, embedded later.
    let report = add_paths(
        &dir,
        std::slice::from_ref(&desk),
        None,
        &UpdateOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!((report.claims, report.without_embedding), (4, 4));

    // Cancelled once embedding starts: the claims are saved without embeddings.
    let flag = AtomicBool::new(false);
    let report = update(
        &dir,
        Some(&e),
        &UpdateOptions::default(),
        &mut |p| {
            if p.stage == claimdesk::archive::Stage::Embedding {
                flag.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        },
        &flag,
    )
    .unwrap();
    assert!(report.cancelled);
    assert_eq!((report.claims, report.without_embedding), (4, 4));
    let archive = Archive::open(&dir).unwrap();
    assert_eq!(
        top(&archive, VACCINE)[0],
        VACCINE,
        "found by words meanwhile"
    );
    assert_eq!(refresh(&dir).embedded, 4);
}

#[test]
fn paraphrase_is_found_by_the_real_model() {
    let tmp = tempfile::tempdir().unwrap();
    let desk = desk(tmp.path());
    let dir = ArchiveDir::new(tmp.path().join("index"));
    let model = Embedder::load_default().unwrap();
    let report = add_paths(
        &dir,
        &[desk],
        Some(&model),
        &UpdateOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(report.embedded, 4);
    let archive = Archive::open(&dir).unwrap();
    assert!(archive.embedded_by(&model));
    let query = "Joblessness is at a record low";
    let by_meaning = archive
        .search(query, &SearchOptions::default(), Some(&model as &dyn Embed))
        .unwrap();
    assert_eq!(by_meaning[0].claim.text, UNEMPLOYMENT);
    assert!(by_meaning[0].cosine.unwrap() > 0.4, "{by_meaning:#?}");
    let by_words = archive
        .search(query, &SearchOptions::default(), None)
        .unwrap();
    assert!(
        by_words.iter().all(|h| h.claim.text != UNEMPLOYMENT),
        "no shared words"
    );
    // A query about nothing the desk checked finds nothing, however few the claims:
    // every claim has some cosine similarity, but one this low is no hit.
    let unrelated = archive
        .search(
            "The striker scored a goal in the cup final",
            &SearchOptions::default(),
            Some(&model as &dyn Embed),
        )
        .unwrap();
    assert!(unrelated.is_empty(), "{unrelated:#?}");
}

/// Vectors that candle's own padded, masked BERT made from the shipped model before the
/// encoder was rewritten on plain slices (`tests/fixtures/minilm_reference.json`; the
/// texts are written for this test). The rewrite must give the same vectors.
#[test]
fn the_encoder_gives_the_reference_vectors() {
    #[derive(serde::Deserialize)]
    struct Reference {
        text: String,
        embedding: Vec<f32>,
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minilm_reference.json");
    let references: Vec<Reference> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let model = Embedder::load_default().unwrap();
    let texts: Vec<&str> = references.iter().map(|r| r.text.as_str()).collect();
    // Together (eight copies: two batches of mixed lengths, shared between the
    // cores) and one by one.
    let copies: Vec<&str> = (0..8).flat_map(|_| texts.iter().copied()).collect();
    let together = model.embed(&copies).unwrap();
    assert_eq!(together.len(), copies.len());
    let alone: Vec<Vec<f32>> = texts.iter().map(|t| model.embed_one(t).unwrap()).collect();
    let got = together.iter().chain(&alone);
    // The eight copies, then each text alone, in the order of the references.
    for (reference, v) in references.iter().cycle().zip(got) {
        assert_eq!(v.len(), reference.embedding.len());
        let worst = v
            .iter()
            .zip(&reference.embedding)
            .map(|(a, b)| (a - b).abs())
            .fold(0f32, f32::max);
        assert!(worst < 1e-4, "{:?}: off by {worst}", reference.text);
    }
}

#[test]
fn the_model_takes_any_text() {
    let model = Embedder::load_default().unwrap();
    let long = "word ".repeat(5_000);
    let texts = ["", "   ", "\u{0}\u{fffd}", "🎉🎉🎉", "a", long.as_str()];
    let vectors = model.embed(&texts).unwrap();
    assert_eq!(vectors.len(), texts.len());
    for (text, v) in texts.iter().zip(&vectors) {
        assert_eq!(v.len(), model.dim(), "{text:?}");
        let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-3, "{text:?}: length {norm}");
    }
    assert_eq!(model.embed(&[]).unwrap(), Vec::<Vec<f32>>::new());
}
