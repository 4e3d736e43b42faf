//! Generated archives for the archive benchmarks and `examples/archive_scale.rs`:
//! sessions of checked claims built from word lists with a seeded generator, so every
//! run sees the same claims, and articles of a given length to match against them.
#![allow(dead_code, clippy::expect_used)] // Shared by a bench and an example; set-up may stop.

use claimdesk::command::{Command, apply};
use claimdesk::import::import_text;
use claimdesk::model::{Session, SourceDraft, Stance};
use claimdesk::store::save_session;
use std::path::Path;

/// A small seeded generator (xorshift64*): the same claims on every run.
pub struct Rng(u64);

impl Rng {
    /// Seeded.
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const WHO: &[&str] = &[
    "The minister",
    "The governor",
    "A spokesperson for the party",
    "The opposition leader",
    "The mayor",
    "A senior official",
    "The company",
    "The health authority",
    "The senator",
    "The central bank",
    "A viral post",
    "The campaign",
    "The union",
    "The police chief",
];
const VERB: &[&str] = &[
    "said that",
    "claimed that",
    "told reporters that",
    "wrote that",
    "insisted that",
    "announced that",
    "suggested that",
];
const SUBJECT: &[&str] = &[
    "unemployment",
    "inflation",
    "crime",
    "the deficit",
    "hospital waiting times",
    "rents",
    "wheat exports",
    "petrol prices",
    "the school budget",
    "military spending",
    "child poverty",
    "carbon emissions",
    "the minimum wage",
    "vaccination rates",
    "migration",
    "broadband coverage",
    "river pollution",
    "bread prices",
    "tax revenue",
    "road deaths",
    "the prison population",
    "electricity bills",
    "tourism",
];
const CHANGE: &[&str] = &[
    "fell by",
    "rose by",
    "doubled to",
    "dropped to",
    "increased by",
    "was cut by",
    "reached",
    "tripled to",
    "grew by",
    "shrank by",
];
const UNIT: &[&str] = &[
    "percent",
    "million",
    "billion",
    "thousand",
    "points",
    "percent a year",
];
const WHEN: &[&str] = &[
    "last year",
    "since 2019",
    "in the past decade",
    "under the previous government",
    "in the first quarter",
    "over five years",
    "this spring",
    "in March",
    "since the election",
];
const WHERE: &[&str] = &[
    "in the capital",
    "across the country",
    "in rural areas",
    "in the north",
    "among young people",
    "in the region",
    "in coastal towns",
    "nationwide",
];

/// One generated claim of about 15 to 25 words.
pub fn claim(rng: &mut Rng) -> String {
    format!(
        "{} {} {} {} {} {} {} {}.",
        rng.pick(WHO),
        rng.pick(VERB),
        rng.pick(SUBJECT),
        rng.pick(CHANGE),
        rng.next() % 1000,
        rng.pick(UNIT),
        rng.pick(WHERE),
        rng.pick(WHEN)
    )
}

const VERDICTS: &[&str] = &[
    "true",
    "mostly-true",
    "half-true",
    "mostly-false",
    "false",
    "misleading",
];

/// A session of `claims` checked claims, one sentence each, with a source and a note.
pub fn session(rng: &mut Rng, claims: usize) -> Session {
    let sentences: Vec<String> = (0..claims).map(|_| claim(rng)).collect();
    let text = format!(
        "Generated article {}\n\n{}",
        rng.next() % 100_000,
        sentences.join(" ")
    );
    let mut s = Session::new(import_text(&text, None).expect("import"));
    let body = text.find("\n\n").expect("paragraph") + 2;
    let mut char_at = text[..body].chars().count();
    for sentence in &sentences {
        let start = char_at;
        let end = start + sentence.chars().count();
        let id = apply(
            &mut s,
            Command::AddClaim {
                start,
                end,
                claimant: String::new(),
                attribution: None,
            },
        )
        .expect("claim")
        .claim
        .expect("id");
        apply(
            &mut s,
            Command::SetStatus {
                claim: id,
                status: rng.pick(VERDICTS).into(),
                by: String::new(),
                date: String::new(),
            },
        )
        .expect("status");
        apply(
            &mut s,
            Command::AddSource {
                claim: id,
                draft: SourceDraft {
                    url: format!("https://stats.example/{}", rng.next() % 100_000),
                    title: "Statistics office".into(),
                    quote: String::new(),
                    stance: Stance::Refutes,
                    accessed: "2026-03-12".into(),
                },
            },
        )
        .expect("source");
        char_at = end + 1;
    }
    s
}

/// Writes `sessions` session files of `per_session` claims into `dir`.
pub fn write_archive(dir: &Path, sessions: usize, per_session: usize, seed: u64) {
    let mut rng = Rng::new(seed);
    std::fs::create_dir_all(dir).expect("folder");
    for i in 0..sessions {
        let s = session(&mut rng, per_session);
        save_session(&dir.join(format!("session-{i:05}.ron")), &s, None).expect("save");
    }
}

/// An article of about `words` words: generated claims and some filler, in paragraphs.
pub fn article(words: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut text = String::from("A long generated article\n\n");
    let mut count = 0;
    let mut sentences: usize = 0;
    while count < words {
        let s = if rng.next().is_multiple_of(3) {
            "Residents gathered outside the town hall on a grey morning to hear the speeches."
                .to_owned()
        } else {
            claim(&mut rng)
        };
        count += s.split_whitespace().count();
        text.push_str(&s);
        sentences += 1;
        text.push_str(if sentences.is_multiple_of(5) {
            "\n\n"
        } else {
            " "
        });
    }
    text
}
