//! A worked example on the seed article: claims in several verdicts with sources.
//! Used by the snapshot tests, the README screenshot and the docs' format example.

use crate::command::{Command, apply};
use crate::import::import_text;
use crate::model::{IdGenerator, Session, SourceDraft, Stance};

/// (quote, verdict, claimant, note, sources as (url, title, quote, stance))
type SampleClaim = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, &'static str, Stance)],
);

const CLAIMS: &[SampleClaim] = &[
    (
        "The Kremlin has offered Washington the use of its military bases in Central Asia",
        "mostly-true",
        "New York Times",
        "Reported by the NYT citing officials; the Kremlin has not confirmed the details.",
        &[(
            "https://www.nytimes.com/2021/07/17/us/politics/russia-afghanistan-bases.html",
            "The New York Times",
            "Mr. Putin made the offer at the Geneva summit",
            Stance::Supports,
        )],
    ),
    (
        "he presented the proposal during the summit meeting with President Joe Biden, which was held in Geneva last month",
        "true",
        "Vladimir Putin",
        "",
        &[(
            "https://www.kommersant.ru/doc/4903536",
            "Kommersant",
            "",
            Stance::Supports,
        )],
    ),
    (
        "the withdrawal of the United States and NATO from Afghanistan made the political and military situation more uncertain",
        "unproven",
        "Sergei Lavrov",
        "An assessment, not a checkable fact; kept for context.",
        &[],
    ),
    (
        "the largest foreign base of Russia is located in Tajikistan and has a strength of six thousand soldiers",
        "half-true",
        "",
        "Base 201 is the largest; troop numbers vary by source (about 7,000 in 2019).",
        &[
            (
                "https://en.wikipedia.org/wiki/201st_Military_Base",
                "201st Military Base",
                "about 7,000 personnel",
                Stance::Refutes,
            ),
            (
                "https://tass.com/defense/1306357",
                "TASS",
                "",
                Stance::Context,
            ),
        ],
    ),
    (
        "Russia also has a smaller base in Kyrgyzstan, about 500 miles from the Afghan border",
        "false",
        "",
        "Kant air base is roughly 300 miles from the Afghan border.",
        &[(
            "https://www.google.com/maps",
            "Distance measured on a map",
            "",
            Stance::Refutes,
        )],
    ),
    (
        "Lavrov said Russia wanted to help start peace talks",
        "unverified",
        "Sergei Lavrov",
        "",
        &[],
    ),
];

/// Who set the sample's verdicts.
pub const SAMPLE_REVIEWER: &str = "Ada Ngozi";

/// The seed article with six claims in different verdicts, four with sources.
pub fn sample_session() -> Session {
    let article = match import_text(crate::SEED_ARTICLE, Some(crate::SEED_NAME.into())) {
        Ok(article) => article,
        Err(_) => {
            return Session::new(crate::model::Article::new(
                "Empty".into(),
                "Empty".into(),
                None,
            ));
        }
    };
    // Claim ids 1, 2, …: the same file on every run, and the numbers people see.
    let mut session = Session::new(article).with_ids(IdGenerator::sequential());
    for (quote, status, claimant, note, sources) in CLAIMS {
        let Some(byte) = session.article.text.find(quote) else {
            continue;
        };
        let start = session.article.text[..byte].chars().count();
        let end = start + quote.chars().count();
        let add = Command::AddClaim {
            start,
            end,
            claimant: (*claimant).into(),
            attribution: None,
        };
        let Some(id) = apply(&mut session, add).ok().and_then(|a| a.claim) else {
            continue;
        };
        let mut commands = vec![
            Command::SetStatus {
                claim: id,
                status: (*status).into(),
                by: SAMPLE_REVIEWER.into(),
                date: "2026-11-21".into(),
            },
            Command::SetNote {
                claim: id,
                note: (*note).into(),
            },
        ];
        for (url, title, quote, stance) in *sources {
            commands.push(Command::AddSource {
                claim: id,
                draft: SourceDraft {
                    url: (*url).into(),
                    title: (*title).into(),
                    quote: (*quote).into(),
                    stance: *stance,
                    accessed: "2026-11-20".into(),
                },
            });
        }
        let _ = apply(&mut session, Command::Batch(commands));
    }
    session
}

/// Sentences the generated article is made of: news-like, with numbers, names and quotes.
const FILLER: [&str; 8] = [
    "The ministry said on Tuesday that 4,200 troops had been moved to the border region.",
    "According to officials who spoke to Reuters, the agreement was signed in March.",
    "Critics argue the figures are exaggerated, but no independent count exists.",
    "Unemployment fell to 5.1 percent last quarter, the lowest level since 2008.",
    "“We will not accept these terms,” the spokesperson told reporters in Geneva.",
    "The base, about 500 miles from the capital, hosts roughly six thousand soldiers.",
    "Analysts expect the deal to cost taxpayers more than $2 billion over ten years.",
    "It is not clear whether the proposal was ever formally presented to parliament.",
];

/// A large, realistic session for benchmarks: `paragraphs` paragraphs of three or four
/// sentences (5,000 paragraphs make about 1.2 MB of text), `claims` claims spread
/// evenly over them in rotating verdicts, each with `sources_per_claim` sources.
/// Deterministic: the same arguments always give the same session.
pub fn large_session(paragraphs: usize, claims: usize, sources_per_claim: usize) -> Session {
    let mut text = String::from("A long investigation into troop movements and budgets\n\n");
    for p in 0..paragraphs {
        let sentences = 3 + p % 2;
        for s in 0..sentences {
            if s > 0 {
                text.push(' ');
            }
            text.push_str(FILLER[(p * 3 + s) % FILLER.len()]);
        }
        text.push_str("\n\n");
    }
    let article = crate::model::Article::new(
        "A long investigation into troop movements and budgets".into(),
        text,
        Some("generated".into()),
    );
    let mut session = Session::new(article).with_ids(IdGenerator::seeded(paragraphs as u64));
    let starts: Vec<usize> = sentence_starts(&session.article.text);
    let chars: Vec<char> = session.article.text.chars().collect();
    let labels: Vec<String> = session.scheme.labels.iter().map(|l| l.id.clone()).collect();
    let step = (starts.len() / claims.max(1)).max(1);
    let mut claims_left = claims;
    // Sentence 0 is the headline, which is not a claim.
    let mut i = 1;
    while claims_left > 0 && i + 1 < starts.len() {
        let start = starts[i];
        let mut end = starts[i + 1];
        while end > start + 1 && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        let add = Command::AddClaim {
            start,
            end,
            claimant: "A spokesperson".into(),
            attribution: None,
        };
        if let Some(id) = apply(&mut session, add).ok().and_then(|a| a.claim) {
            let mut commands = vec![Command::SetStatus {
                claim: id,
                status: labels[claims_left % labels.len()].clone(),
                by: String::new(),
                date: String::new(),
            }];
            for k in 0..sources_per_claim {
                commands.push(Command::AddSource {
                    claim: id,
                    draft: SourceDraft {
                        url: format!("https://example.org/evidence/{}/{k}", id.0),
                        title: "Ministry statement".into(),
                        quote: "The figures were revised in the spring.".into(),
                        stance: [Stance::Supports, Stance::Refutes, Stance::Context][k % 3],
                        accessed: "2026-11-20".into(),
                    },
                });
            }
            let _ = apply(&mut session, Command::Batch(commands));
        }
        claims_left -= 1;
        i += step;
    }
    session
}

/// Character offsets where sentences start (after ". " and at paragraph starts).
fn sentence_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev = '\n';
    let mut prev2 = '\n';
    for (i, c) in text.chars().enumerate() {
        let after_sentence = prev == ' ' && matches!(prev2, '.' | '”');
        if !c.is_whitespace() && (prev == '\n' || after_sentence) {
            out.push(i);
        }
        prev2 = prev;
        prev = c;
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_sample_claim_is_found_in_the_seed() {
        let s = super::sample_session();
        assert_eq!(s.claims.len(), super::CLAIMS.len());
        assert_eq!(
            s.summary(),
            "6 claims: 1 unverified, 1 true, 1 mostly true, 1 half true, 1 false, 1 unproven"
        );
        assert!(s.claims.iter().all(|c| c.anchor.matches(&s.article.text)));
    }

    #[test]
    fn large_sessions_have_the_requested_size() {
        let s = super::large_session(200, 300, 3);
        assert_eq!(s.claims.len(), 300);
        assert!(s.claims.iter().all(|c| c.sources.len() == 3));
        assert!(s.article.text.len() > 200 * 150);
        for c in &s.claims {
            assert!(
                !c.anchor.exact.starts_with(" ") && c.anchor.exact.ends_with(['.', '”']),
                "not a whole sentence: {:?}",
                c.anchor.exact
            );
        }
        let statuses: std::collections::HashSet<_> =
            s.claims.iter().map(|c| c.status.as_str()).collect();
        assert!(statuses.len() >= 8);
        assert_eq!(super::large_session(200, 300, 3), s, "deterministic");
    }
}
