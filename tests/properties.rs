//! Property tests: sessions round-trip through the file format, the hand-written
//! writer writes exactly what ron's serializer writes, and re-anchoring after any
//! edit never panics and always finds quotes that still occur once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Test code: a failure should panic.

use claimdesk::command::{Command, apply};
use claimdesk::import::import_text;
use claimdesk::model::{
    Anchor, Article, ArticleKind, ArticleMeta, Attribution, Claim, ClaimField, ClaimId, Conflict,
    ConflictSide, ConflictSubject, ConflictValue, NumericRating, RatingLabel, RatingScheme,
    Session, Source, SourceDraft, SourceId, Stance,
};
use claimdesk::reanchor::reanchor;
use claimdesk::store::{from_ron, to_ron, to_ron_generic};
use proptest::prelude::*;

/// Characters that make text hard: RTL, combining marks, emoji, quotes, controls.
fn hard_char() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => prop::char::range('a', 'z'),
        3 => Just(' '),
        2 => Just('\n'),
        1 => Just('.'),
        1 => prop::sample::select(vec![
            '\u{05E9}', '\u{0627}', '\u{0301}', '\u{0303}', '\u{1F389}', '\u{200D}', '\u{1F469}',
            '"', '\'', '\u{201C}', '\u{201D}', '\u{2019}', '\u{00A0}', '\t', '\\', '\u{FEFF}',
            '\u{7F}', '\u{1}', '\r', '#', '(', ')', '[', ']', ',', '\u{10FFFF}',
        ]),
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(hard_char(), 1..max)
        .prop_map(|cs| format!("T{}", cs.into_iter().collect::<String>()))
}

/// Any string at all, for notes, URLs and the like.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(hard_char(), 0..40).prop_map(|c| c.into_iter().collect())
    ]
}

#[derive(Debug, Clone)]
struct ClaimSpec {
    a: usize,
    b: usize,
    status: usize,
    note: String,
    claimant: String,
    sources: Vec<(String, String, String)>,
}

fn claim_spec() -> impl Strategy<Value = ClaimSpec> {
    (
        any::<usize>(),
        any::<usize>(),
        0usize..8,
        any_text(),
        any_text(),
        prop::collection::vec((any_text(), any_text(), any_text()), 0..3),
    )
        .prop_map(|(a, b, status, note, claimant, sources)| ClaimSpec {
            a,
            b,
            status,
            note,
            claimant,
            sources,
        })
}

fn build(text: &str, claims: &[ClaimSpec]) -> Option<Session> {
    let mut s = Session::new(import_text(text, Some("article.txt".into())).ok()?);
    let len = s.article.text.chars().count();
    for c in claims {
        let (x, y) = (c.a % len, c.b % len);
        let (start, end) = (x.min(y), x.max(y) + 1);
        let cmd = Command::AddClaim {
            start,
            end,
            claimant: c.claimant.clone(),
            attribution: None,
        };
        let id = apply(&mut s, cmd).ok()?.claim?;
        let status = s.scheme.labels[c.status % s.scheme.labels.len()].id.clone();
        apply(
            &mut s,
            Command::SetStatus {
                claim: id,
                status,
                by: String::new(),
                date: String::new(),
            },
        )
        .ok()?;
        apply(
            &mut s,
            Command::SetNote {
                claim: id,
                note: c.note.clone(),
            },
        )
        .ok()?;
        for (url, title, quote) in &c.sources {
            let draft = SourceDraft {
                url: url.clone(),
                title: title.clone(),
                quote: quote.clone(),
                stance: Stance::Refutes,
                accessed: String::new(),
            };
            apply(&mut s, Command::AddSource { claim: id, draft }).ok()?;
        }
    }
    Some(s)
}

/// Character offsets of every occurrence of `needle` (overlapping ones too).
fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    hay.char_indices()
        .enumerate()
        .filter(|&(_, (b, _))| hay[b..].starts_with(needle))
        .map(|(i, _)| i)
        .collect()
}

/// Any session value at all, built field by field (not through commands, which
/// keep sessions consistent): the writer must match ron on every value of the model.
fn any_session() -> impl Strategy<Value = Session> {
    let rating = (any::<i32>(), any::<i32>(), any::<i32>())
        .prop_map(|(value, best, worst)| NumericRating { value, best, worst });
    let label = (
        any_text(),
        any_text(),
        any_text(),
        any_text(),
        prop::option::of(rating),
    )
        .prop_map(|(id, name, colour, description, rating)| RatingLabel {
            id,
            name,
            colour,
            description,
            rating,
        });
    let scheme = (
        any_text(),
        any_text(),
        any_text(),
        prop::collection::vec(label, 0..4),
    )
        .prop_map(|(id, name, unreviewed, labels)| RatingScheme {
            id,
            name,
            unreviewed,
            labels,
        });
    let anchor = (
        any::<usize>(),
        any::<usize>(),
        any_text(),
        any_text(),
        any_text(),
    )
        .prop_map(|(start, end, exact, prefix, suffix)| Anchor {
            start,
            end,
            exact,
            prefix,
            suffix,
        });
    let attribution = (any_text(), any_text(), any::<usize>(), any::<usize>()).prop_map(
        |(claimant, cue, start, end)| Attribution {
            claimant,
            cue,
            start,
            end,
        },
    );
    let source = (
        any::<u64>(),
        any_text(),
        any_text(),
        any_text(),
        prop::sample::select(<Stance as strum::IntoEnumIterator>::iter().collect::<Vec<_>>()),
        any_text(),
    )
        .prop_map(|(id, url, title, quote, stance, accessed)| Source {
            id: SourceId(id),
            url,
            title,
            quote,
            stance,
            accessed,
        })
        .boxed();
    let extras = (
        any::<u64>(),
        maybe_empty(),
        maybe_empty(),
        maybe_empty(),
        maybe_empty(),
    );
    let claim = (
        any::<u64>(),
        anchor,
        any_text(),
        any_text(),
        prop::option::of(attribution),
        any_text(),
        prop::collection::vec(source.clone(), 0..3),
        any_text(),
        any::<bool>(),
        extras,
    )
        .prop_map(
            |(
                id,
                anchor,
                text,
                claimant,
                attribution,
                status,
                sources,
                note,
                needs_review,
                (number, verdict_by, verdict_date, review_url, claim_date),
            )| {
                Claim {
                    id: ClaimId(id),
                    number,
                    anchor,
                    text,
                    claimant,
                    attribution,
                    status,
                    verdict_by,
                    verdict_date,
                    sources,
                    note,
                    needs_review,
                    review_url,
                    claim_date,
                }
            },
        )
        .boxed();
    let meta = prop::collection::vec(any_text(), 6).prop_map(|f| ArticleMeta {
        byline: f[0].clone(),
        published: f[1].clone(),
        site: f[2].clone(),
        url: f[3].clone(),
        language: f[4].clone(),
        retrieved: f[5].clone(),
    });
    let origin = (
        prop::sample::select(vec![ArticleKind::Text, ArticleKind::Html, ArticleKind::Pdf]),
        prop::collection::vec(prop::option::of(any_text()), 3),
        prop::collection::vec((any::<u32>(), any::<usize>()), 0..3),
    );
    let article = (
        any_text(),
        any_text(),
        prop::option::of(any_text()),
        meta,
        origin,
    )
        .prop_map(|(title, text, path, meta, (kind, names, pages))| {
            let mut a = Article::new(title, text, path);
            a.meta = meta;
            a.origin.kind = kind;
            a.origin.original_sha256 = names[0].clone();
            a.origin.fetched_url = names[1].clone();
            a.origin.original_copy = names[2].clone();
            a.origin.pages = pages;
            a
        })
        .boxed();
    let conflict = conflict(claim.clone(), source, article.clone());
    (
        any::<u32>(),
        scheme,
        prop::collection::vec(claim, 0..4),
        prop::collection::vec((any::<usize>(), any::<usize>()), 0..3),
        any::<u64>(),
        prop::collection::vec(conflict, 0..3),
        article,
    )
        .prop_map(
            |(
                format_version,
                scheme,
                claims,
                dismissed_suggestions,
                next_claim_number,
                conflicts,
                article,
            )| {
                let mut s = Session::new(article);
                s.format_version = format_version;
                s.scheme = scheme;
                s.claims = claims;
                s.dismissed_suggestions = dismissed_suggestions;
                s.next_claim_number = next_claim_number;
                s.conflicts = conflicts;
                s
            },
        )
}

/// Text that is often empty (fields written only when not empty).
fn maybe_empty() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), any_text()]
}

/// Any conflict a merge could record.
fn conflict(
    claim: BoxedStrategy<Claim>,
    source: BoxedStrategy<Source>,
    article: BoxedStrategy<Article>,
) -> impl Strategy<Value = Conflict> {
    let field = prop::sample::select(vec![
        ClaimField::Text,
        ClaimField::Claimant,
        ClaimField::Verdict,
        ClaimField::Note,
        ClaimField::Place,
        ClaimField::ReviewUrl,
        ClaimField::ClaimDate,
    ]);
    let subject = prop_oneof![
        (any::<u64>(), field).prop_map(|(c, field)| ConflictSubject::ClaimField {
            claim: ClaimId(c),
            field
        }),
        any::<u64>().prop_map(|c| ConflictSubject::ClaimDeleted { claim: ClaimId(c) }),
        (any::<u64>(), any::<u64>()).prop_map(|(c, s)| ConflictSubject::Source {
            claim: ClaimId(c),
            source: SourceId(s)
        }),
        Just(ConflictSubject::ArticleText),
        Just(ConflictSubject::ArticleDetails),
        Just(ConflictSubject::Scheme),
    ];
    let value = prop_oneof![
        Just(ConflictValue::Absent),
        any_text().prop_map(ConflictValue::Text),
        (any_text(), any_text(), any_text())
            .prop_map(|(status, by, date)| ConflictValue::Verdict { status, by, date }),
        (any::<usize>(), any::<usize>(), any_text(), any::<bool>()).prop_map(
            |(start, end, exact, needs_review)| ConflictValue::Place {
                anchor: Anchor {
                    start,
                    end,
                    exact,
                    prefix: String::new(),
                    suffix: "x".into(),
                },
                needs_review
            }
        ),
        claim.prop_map(|c| ConflictValue::Claim(Box::new(c))),
        source.prop_map(ConflictValue::Source),
        article.prop_map(|a| ConflictValue::Article(Box::new(a))),
        Just(ConflictValue::Scheme(Box::new(
            RatingScheme::builtin_default()
        ))),
    ]
    .boxed();
    let side = (any_text(), maybe_empty(), maybe_empty(), value.clone())
        .prop_map(|(label, by, date, value)| ConflictSide {
            label,
            by,
            date,
            value,
        })
        .boxed();
    (subject, value, side.clone(), side).prop_map(|(about, base, ours, theirs)| Conflict {
        about,
        base,
        ours,
        theirs,
    })
}

#[derive(Debug, Clone)]
struct Edit {
    at: usize,
    delete: usize,
    insert: String,
}

fn edit() -> impl Strategy<Value = Edit> {
    (
        any::<usize>(),
        0usize..30,
        prop::collection::vec(hard_char(), 0..40),
    )
        .prop_map(|(at, delete, ins)| Edit {
            at,
            delete,
            insert: ins.into_iter().collect(),
        })
}

fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        let at = e.at % (chars.len() + 1);
        let end = (at + e.delete).min(chars.len());
        chars.splice(at..end, e.insert.chars());
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_session_saves_and_loads_back_equal(t in text(200), claims in prop::collection::vec(claim_spec(), 0..6)) {
        let Some(session) = build(&t, &claims) else { return Ok(()) };
        let ron = to_ron(&session);
        let loaded = from_ron(&ron).map_err(|e| TestCaseError::fail(format!("{e}\n{ron}")))?;
        prop_assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        prop_assert_eq!(&loaded.session, &session);
        prop_assert_eq!(to_ron(&loaded.session), ron);
    }

    #[test]
    fn the_writer_writes_what_ron_writes(session in any_session()) {
        prop_assert_eq!(to_ron(&session), to_ron_generic(&session));
    }

    #[test]
    fn reanchoring_after_any_edit_finds_unique_quotes(
        t in text(300),
        claims in prop::collection::vec(claim_spec(), 0..8),
        edits in prop::collection::vec(edit(), 0..6),
    ) {
        let Some(mut session) = build(&t, &claims) else { return Ok(()) };
        let new_text = apply_edits(&session.article.text, &edits);
        let Ok(new_article) = import_text(&new_text, None) else { return Ok(()) };
        let new_text = new_article.text.clone();
        let len = new_text.chars().count();
        let outcome = reanchor(&session, new_article);
        prop_assert_eq!(outcome.placements.len(), session.claims.len());
        for (p, claim) in outcome.placements.iter().zip(&session.claims) {
            let a = &p.place.anchor;
            prop_assert!(a.start < a.end && a.end <= len, "{:?} in {} chars", a, len);
            prop_assert_eq!(p.place.claim, claim.id);
            if let [only] = occurrences(&new_text, &claim.anchor.exact).as_slice() {
                prop_assert_eq!(a.start, *only, "quote {:?} occurs once", claim.anchor.exact);
                prop_assert_eq!(&a.exact, &claim.anchor.exact);
                prop_assert!(!p.place.needs_review);
            }
        }
        let before = session.clone();
        let applied = apply(&mut session, outcome.into_command()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(session.claims.len(), before.claims.len());
        // Still a valid session file.
        let reloaded = from_ron(&to_ron(&session)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(reloaded.session.claims.len(), before.claims.len());
        apply(&mut session, applied.inverse).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(session, before);
    }
}
