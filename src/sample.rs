//! A worked example on the seed article: claims in several verdicts with sources.
//! Used by the snapshot tests, the README screenshot and the docs' format example.

use crate::command::{Command, apply};
use crate::import::import_text;
use crate::model::{Session, SourceDraft, Stance};

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
    let mut session = Session::new(article);
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
}
