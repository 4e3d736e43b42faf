use super::*;
use crate::command::apply;
use crate::import::import_text;
use crate::model::Claim;
use crate::model::{SourceDraft, Stance, text::char_slice};

const ARTICLE: &str = "Budget row\n\n\
The minister said unemployment fell to 4.2 percent last year. \
Critics disagree with the figure.\n\n\
\"We have never spent more on schools,\" the mayor said on Tuesday. \
The council will vote in March.\n\n\
Prices rose. Wages rose too. Prices rose. Rents fell sharply in the north.\n";

fn chars_before(text: &str, needle: &str, nth: usize) -> usize {
    let (b, _) = text.match_indices(needle).nth(nth).unwrap();
    text[..b].chars().count()
}

/// A session with one claim on the `nth` occurrence of each quote, with a note and a source.
fn session_with(text: &str, quotes: &[(&str, usize)]) -> Session {
    let mut s = Session::new(import_text(text, None).unwrap());
    for &(q, nth) in quotes {
        let start = chars_before(text, q, nth);
        let cmd = Command::AddClaim {
            start,
            end: start + q.chars().count(),
            claimant: String::new(),
            attribution: None,
        };
        let id = apply(&mut s, cmd).unwrap().claim.unwrap();
        apply(
            &mut s,
            Command::SetNote {
                claim: id,
                note: format!("note on {q}"),
            },
        )
        .unwrap();
        apply(
            &mut s,
            Command::AddSource {
                claim: id,
                draft: SourceDraft {
                    url: "https://example.org".into(),
                    stance: Stance::Refutes,
                    ..Default::default()
                },
            },
        )
        .unwrap();
    }
    s
}

fn outcome(s: &Session, new_text: &str) -> ReanchorOutcome {
    reanchor(s, import_text(new_text, None).unwrap())
}

fn placed_text<'a>(new_text: &'a str, p: &Placement) -> &'a str {
    char_slice(new_text, p.place.anchor.start, p.place.anchor.end)
}

#[test]
fn unchanged_article_keeps_every_claim() {
    let s = session_with(
        ARTICLE,
        &[("unemployment fell to 4.2 percent", 0), ("Prices rose.", 1)],
    );
    let o = outcome(&s, ARTICLE);
    assert_eq!(
        o.report,
        ReanchorReport {
            kept: 2,
            ..Default::default()
        }
    );
    for (p, c) in o.placements.iter().zip(&s.claims) {
        assert_eq!(p.place.anchor, c.anchor);
    }
}

#[test]
fn paragraphs_inserted_before_a_claim_move_it() {
    let q = "We have never spent more on schools,";
    let s = session_with(ARTICLE, &[(q, 0)]);
    let new = ARTICLE.replace(
        "Budget row\n\n",
        "Budget row\n\nUpdate: this story was corrected.\n\nAnother new paragraph here.\n\n",
    );
    let o = outcome(&s, &new);
    assert_eq!(
        o.report,
        ReanchorReport {
            moved: 1,
            ..Default::default()
        }
    );
    assert_eq!(placed_text(&new, &o.placements[0]), q);
    assert!(!o.placements[0].place.needs_review);
    assert!(o.placements[0].place.anchor.matches(&new));
}

#[test]
fn typo_fixed_inside_a_claim_is_a_confident_fuzzy_match() {
    let typo = ARTICLE.replace("unemployment fell", "unemplyment fell");
    let q = "The minister said unemplyment fell to 4.2 percent last year.";
    let s = session_with(&typo, &[(q, 0)]);
    let o = outcome(&s, ARTICLE);
    let p = &o.placements[0];
    let Found::Fuzzy { confidence } = p.found else {
        panic!("{:?}", p.found)
    };
    assert!(confidence > 0.95, "{confidence}");
    assert_eq!(
        placed_text(ARTICLE, p),
        "The minister said unemployment fell to 4.2 percent last year."
    );
    assert_eq!(o.report.fuzzy, 1);
}

#[test]
fn deleted_sentence_needs_review_and_nothing_is_lost() {
    let q = "\"We have never spent more on schools,\" the mayor said on Tuesday.";
    let kept = "Critics disagree with the figure.";
    let mut s = session_with(ARTICLE, &[(q, 0), (kept, 0)]);
    let new = ARTICLE.replace(&format!("{q} "), "");
    let o = outcome(&s, &new);
    assert_eq!(
        o.report,
        ReanchorReport {
            kept: 1,
            needs_review: 1,
            ..Default::default()
        }
    );
    let lost = o
        .placements
        .iter()
        .find(|p| p.place.anchor.exact == q)
        .unwrap();
    assert!(lost.place.needs_review);
    assert!(
        matches!(lost.found, Found::NeedsReview { best_confidence } if best_confidence < CONFIDENCE_THRESHOLD)
    );
    let len = new.chars().count();
    assert!(lost.place.anchor.start < lost.place.anchor.end && lost.place.anchor.end <= len);

    let before = s.clone();
    let applied = apply(&mut s, o.into_command()).unwrap();
    assert_eq!(s.article.text, new);
    assert_eq!(s.claims.len(), 2);
    for c in &s.claims {
        assert_eq!(c.sources.len(), 1);
        assert!(c.note.starts_with("note on"));
    }
    assert_eq!(s.claims.iter().filter(|c| c.needs_review).count(), 1);
    // The session still saves and loads.
    let text = crate::store::to_ron(&s);
    let loaded = crate::store::from_ron(&text).unwrap();
    assert_eq!(loaded.session.claims.len(), 2);
    // Undo puts everything back.
    apply(&mut s, applied.inverse).unwrap();
    assert_eq!(s, before);
}

#[test]
fn the_same_sentence_twice_is_told_apart_by_its_context() {
    // Claims on both "Prices rose." (first and second).
    let s = session_with(ARTICLE, &[("Prices rose.", 0), ("Prices rose.", 1)]);
    let new = ARTICLE.replace(
        "Prices rose. Wages rose too. Prices rose.",
        "Food got dearer. Prices rose. Wages rose too. Energy too. Prices rose.",
    );
    let o = outcome(&s, &new);
    let starts: Vec<usize> = o.placements.iter().map(|p| p.place.anchor.start).collect();
    assert_eq!(starts[0], chars_before(&new, "Prices rose.", 0));
    assert_eq!(starts[1], chars_before(&new, "Prices rose.", 1));
    assert_eq!(o.report.moved, 2, "{:?}", o.report);

    // Only the second claim: when the first occurrence disappears, the claim stays
    // with its own sentence (now the only one).
    let s = session_with(ARTICLE, &[("Prices rose.", 1)]);
    let new = ARTICLE.replace("Prices rose. Wages rose too. ", "Wages rose too. ");
    let o = outcome(&s, &new);
    assert_eq!(
        o.placements[0].place.anchor.start,
        chars_before(&new, "Prices rose.", 0)
    );
    assert!(
        o.placements[0]
            .place
            .anchor
            .suffix
            .starts_with(" Rents fell")
    );
}

#[test]
fn the_same_sentence_twice_with_paragraph_inserted_between() {
    // A paragraph inserted between the two copies shifts only the second one; the
    // first copy now sits where the second one was expected only by coincidence of
    // neighbouring shifts, so context must decide.
    let s = session_with(ARTICLE, &[("Prices rose.", 1)]);
    let new = ARTICLE.replace("Wages rose too. ", "Wages rose too.\n\nA new paragraph. ");
    let o = outcome(&s, &new);
    assert_eq!(
        o.placements[0].place.anchor.start,
        chars_before(&new, "Prices rose.", 1)
    );
}

#[test]
fn whitespace_and_quote_style_changes_are_found() {
    let q = "\"We have never spent more on schools,\" the mayor said on Tuesday.";
    let s = session_with(ARTICLE, &[(q, 0), ("Critics disagree with the figure.", 0)]);
    let curly = ARTICLE
        .replace("\"We have", "\u{201C}We have")
        .replace("schools,\"", "schools,\u{201D}")
        .replace("Critics disagree", "Critics\u{00A0}disagree");
    let o = outcome(&s, &curly);
    for p in &o.placements {
        assert_eq!(
            p.found,
            Found::Fuzzy { confidence: 1.0 },
            "{:?}",
            p.place.anchor
        );
        assert!(!p.place.needs_review);
    }
    assert_eq!(
        placed_text(&curly, &o.placements[1]),
        "\u{201C}We have never spent more on schools,\u{201D} the mayor said on Tuesday."
    );
    // Re-wrapped and double-spaced: found approximately, with high confidence.
    let rewrapped = ARTICLE.replace("spent more on schools", "spent  more on\nschools");
    let o = outcome(&s, &rewrapped);
    let p = o
        .placements
        .iter()
        .find(|p| p.place.anchor.exact.contains("mayor"))
        .unwrap();
    let Found::Fuzzy { confidence } = p.found else {
        panic!("{:?}", p.found)
    };
    assert!(confidence > 0.95);
    assert_eq!(
        placed_text(&rewrapped, p),
        "\"We have never spent  more on\nschools,\" the mayor said on Tuesday."
    );
}

#[test]
fn attribution_moves_with_its_claim() {
    let mut s = Session::new(import_text(ARTICLE, None).unwrap());
    let start = chars_before(ARTICLE, "unemployment", 0);
    let who = chars_before(ARTICLE, "minister", 0);
    apply(
        &mut s,
        Command::AddClaim {
            start,
            end: start + 12,
            claimant: "The minister".into(),
            attribution: Some(Attribution {
                claimant: "minister".into(),
                cue: "said".into(),
                start: who,
                end: who + 8,
            }),
        },
    )
    .unwrap();
    let new = format!("Breaking\n\n{ARTICLE}");
    let o = outcome(&s, &new);
    let att = o.placements[0].place.attribution.clone().unwrap();
    assert_eq!(char_slice(&new, att.start, att.end), "minister");
}

#[test]
fn needs_review_claims_found_again_are_cleared() {
    let q = "Critics disagree with the figure.";
    let s = session_with(ARTICLE, &[(q, 0)]);
    let gone = ARTICLE.replace(q, "");
    let mut s2 = s.clone();
    apply(&mut s2, outcome(&s, &gone).into_command()).unwrap();
    assert!(s2.claims[0].needs_review);
    assert_eq!(s2.claims[0].anchor.exact, q);
    // The sentence comes back in a later version.
    let o = outcome(&s2, ARTICLE);
    assert!(!o.placements[0].place.needs_review);
    assert_eq!(placed_text(ARTICLE, &o.placements[0]), q);
}

#[test]
fn rejects_commands_that_do_not_place_every_claim() {
    let mut s = session_with(ARTICLE, &[("Prices rose.", 0), ("Wages rose too.", 0)]);
    let before = s.clone();
    let mut o = outcome(&s, ARTICLE);
    o.placements.pop();
    assert!(apply(&mut s, o.into_command()).is_err());
    let mut o = outcome(&s, ARTICLE);
    o.placements[0].place.anchor.end = 10_000;
    assert!(apply(&mut s, o.into_command()).is_err());
    assert_eq!(s, before);
}

#[test]
fn emoji_and_combining_marks_stay_on_character_boundaries() {
    let text = "Titre\n\nLe cafe\u{0301} co\u{0302}te 5 \u{20AC} \u{1F389}. \u{05E9}\u{05DC}\u{05D5}\u{05DD} world.\n";
    let s = session_with(
        text,
        &[
            ("5 \u{20AC} \u{1F389}", 0),
            ("\u{05E9}\u{05DC}\u{05D5}\u{05DD}", 0),
        ],
    );
    let new = text.replace("Titre\n\n", "Titre\n\n\u{1F600}\u{1F600} Intro.\n\n");
    let o = outcome(&s, &new);
    assert_eq!(o.report.moved, 2);
    assert_eq!(placed_text(&new, &o.placements[0]), "5 \u{20AC} \u{1F389}");
}

#[test]
fn dismissed_suggestions_follow_their_text() {
    let mut s = session_with(ARTICLE, &[]);
    let start = chars_before(ARTICLE, "The council will vote in March.", 0);
    apply(
        &mut s,
        Command::DismissSuggestion {
            start,
            end: start + 31,
        },
    )
    .unwrap();
    let new = format!("Breaking\n\n{ARTICLE}");
    let o = outcome(&s, &new);
    let (a, b) = o.dismissed_suggestions[0];
    assert_eq!(char_slice(&new, a, b), "The council will vote in March.");
}

#[test]
fn ten_thousand_claims_on_a_megabyte_article_are_fast() {
    // 1 MB of distinct sentences; a claim on each of the first 10,000.
    const WORDS: [&str; 32] = [
        "minister", "council", "budget", "schools", "record", "percent", "said", "rose", "fell",
        "million", "report", "north", "voters", "figure", "housing", "police", "claims", "health",
        "spending", "year", "local", "data", "official", "critics", "growth", "taxes", "prices",
        "wages", "energy", "rents", "jobs", "court",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let sentences: Vec<String> = (0..12_000)
        .map(|i| {
            let n = 8 + (next() % 7) as usize;
            let words: Vec<&str> = (0..n).map(|_| WORDS[(next() % 32) as usize]).collect();
            format!("In {i} the {} reports. ", words.join(" "))
        })
        .collect();
    let text = format!("Big\n\n{}", sentences.concat());
    assert!(text.len() > 1_000_000);
    let indexed = Text::new(&text);
    let mut s = Session::new(import_text(&text, None).unwrap());
    let mut pos = 5;
    for sentence in sentences.iter().take(10_000) {
        let len = sentence.chars().count() - 1;
        let id = s.allocate_claim_id();
        s.claims.push(Claim::new(
            id,
            indexed.anchor(pos, pos + len),
            "unverified".into(),
        ));
        pos += len + 1;
    }
    // An update: a paragraph on top, a typo fixed in every 100th sentence, ten deleted.
    let mut edited: Vec<String> = sentences.clone();
    for i in (0..10_000).step_by(100) {
        edited[i] = edited[i].replace(" reports.", " reported.");
    }
    for i in (50..10_000).step_by(1000) {
        edited[i] = "Deleted and replaced by something else entirely, with other words. ".into();
    }
    let new = format!("Big\n\nEditor's note: updated.\n\n{}", edited.concat());
    let started = std::time::Instant::now();
    let o = outcome(&s, &new);
    let took = started.elapsed();
    // Where the edits above a claim add up to no shift, it is "kept" at its old place.
    let r = o.report;
    assert_eq!(
        (r.kept + r.moved, r.fuzzy, r.needs_review),
        (9_890, 100, 10),
        "{r:?}"
    );
    // Generous for unoptimised test builds; a release build takes a fraction of this.
    assert!(took.as_secs() < 30, "re-anchoring took {took:?}");
    eprintln!(
        "re-anchored 10,000 claims on {} bytes in {took:?}",
        new.len()
    );
}

#[test]
fn nearest_first_search_finds_what_scoring_every_occurrence_finds() {
    // A text that repeats one sentence many times, with its context and typography
    // varying, so that raw match, context and distance all decide somewhere.
    let mut text = String::from("Head\n\n");
    for i in 0..200 {
        let sentence = if i % 7 == 3 {
            "The \u{201C}base\u{201D} is near Kant."
        } else {
            "The \"base\" is near Kant."
        };
        let before = ["Also. ", "Then ", "", "Also. "][i % 4];
        text.push_str(&format!("{before}{sentence} Item {}. ", i % 5));
    }
    let t = Text::new(&text);
    let n = t.len();
    for (quote, prefix, suffix) in [
        ("The \"base\" is near Kant.", "Also. ", " Item 2"),
        ("The \"base\" is near Kant.", "", ""),
        ("The \u{201C}base\u{201D} is near Kant.", "Then ", " Item 4"),
        ("near Kant. Item 3", "is ", ". Also."),
        ("Kant", " near ", ". Item 0"),
        ("absent from the text", "", ""),
    ] {
        let exact: Vec<char> = quote.chars().collect();
        let folded = fold_str(quote);
        let (prefix, suffix) = (fold_str(prefix), fold_str(suffix));
        let m = exact.len();
        let full = prefix.len() + suffix.len();
        for expected in (0..n).step_by(97).chain([0, n]) {
            let old_start = (expected * 7) % n;
            let score = |p: usize| -> Score {
                let raw = t.raw_equals(p, &exact);
                let ctx = t.context_score(p, p + m, &prefix, &suffix);
                (
                    raw,
                    ctx,
                    std::cmp::Reverse(p.abs_diff(expected)),
                    p == old_start,
                )
            };
            let every = (0..n)
                .filter(|&p| t.folded.get(p..p + m) == Some(&folded[..]))
                .map(|p| (score(p), p))
                .max();
            let nearest_first = best_occurrence(&t, &folded, expected, score, full);
            assert_eq!(nearest_first, every, "{quote:?} expected at {expected}");
        }
    }
}
