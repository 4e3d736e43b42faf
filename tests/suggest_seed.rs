//! Acceptance test of suggestions on the bundled seed article.

use claimdesk::SEED_ARTICLE;
use claimdesk::extract::{DEFAULT_THRESHOLD, Suggestion, suggest};

fn find<'a>(all: &'a [Suggestion], needle: &str) -> Option<&'a Suggestion> {
    all.iter().find(|s| s.text.contains(needle))
}

#[test]
fn concrete_claims_rank_above_the_threshold() {
    let all = suggest(SEED_ARTICLE);
    for s in &all {
        eprintln!(
            "{:.3}\t{:?}\t{}",
            s.score,
            s.attribution.as_ref().map(|a| &a.claimant),
            s.text
        );
    }
    for needle in [
        "six thousand soldiers",
        "about 500 miles from the Afghan border",
        "the New York Times reported",
        "according to sources who spoke to the newspaper",
        "Lavrov said that the withdrawal",
        "Lavrov said Russia wanted",
    ] {
        let s = find(&all, needle).unwrap_or_else(|| panic!("no sentence with {needle:?}"));
        assert!(
            s.score >= DEFAULT_THRESHOLD,
            "{needle:?} scored {} below {DEFAULT_THRESHOLD}",
            s.score
        );
    }
}

#[test]
fn headline_credit_caption_and_subheadings_are_not_suggested() {
    let all = suggest(SEED_ARTICLE);
    for needle in [
        "To spy on the Taliban, Putin offers Washington his bases",
        "Photo: ALAMI",
        "Afghan soldiers during a military mission",
        "An ambiguous political and military situation",
        "Russia threatens the Taliban",
    ] {
        assert!(find(&all, needle).is_none(), "{needle:?} was suggested");
    }
}

#[test]
fn claimants_of_the_seed_claims() {
    let all = suggest(SEED_ARTICLE);
    let claimant = |needle: &str| {
        find(&all, needle)
            .and_then(|s| s.attribution.as_ref())
            .map(|a| a.claimant.clone())
    };
    assert_eq!(
        claimant("the New York Times reported").as_deref(),
        Some("New York Times")
    );
    assert_eq!(
        claimant("according to sources who spoke").as_deref(),
        Some("sources who spoke to the newspaper “Kommersant”")
    );
    assert_eq!(
        claimant("Lavrov said that the withdrawal").as_deref(),
        Some("Russian Foreign Minister Sergei Lavrov")
    );
    assert_eq!(
        claimant("Lavrov said Russia wanted").as_deref(),
        Some("Lavrov")
    );
    assert_eq!(
        claimant("Zamir Kabulov, stressed").as_deref(),
        Some("Zamir Kabulov")
    );
    // Every attribution span points at its claimant in the article.
    let chars: Vec<char> = SEED_ARTICLE.chars().collect();
    for s in &all {
        if let Some(a) = &s.attribution {
            let span: String = chars[a.start..a.end].iter().collect();
            assert_eq!(span, a.claimant);
        }
    }
}
