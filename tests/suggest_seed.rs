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

/// The seed article pasted one paragraph per line (single line breaks).
fn seed_one_paragraph_per_line() -> String {
    let mut out = String::new();
    for line in SEED_ARTICLE.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The seed article hard-wrapped at 72 columns, paragraphs separated by blank lines.
fn seed_hard_wrapped() -> String {
    let mut out = String::new();
    for para in SEED_ARTICLE.split("\n\n").filter(|p| !p.trim().is_empty()) {
        for source_line in para.lines() {
            let mut line = String::new();
            for word in source_line.split_whitespace() {
                if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > 72 {
                    out.push_str(&line);
                    out.push('\n');
                    line.clear();
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

fn normalised(s: &Suggestion) -> String {
    s.text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_same_sentences_whatever_the_line_breaks() {
    let expected: Vec<String> = suggest(SEED_ARTICLE).iter().map(normalised).collect();
    let paragraphs = claimdesk::model::paragraph_ranges(SEED_ARTICLE).len();
    // One per line: the title and the photo credit become two paragraphs.
    for (name, text, more) in [
        ("one paragraph per line", seed_one_paragraph_per_line(), 1),
        ("hard-wrapped at 72 columns", seed_hard_wrapped(), 0),
    ] {
        let got: Vec<String> = suggest(&text).iter().map(normalised).collect();
        assert_eq!(got, expected, "{name}");
        assert_eq!(
            claimdesk::model::paragraph_ranges(&text).len(),
            paragraphs + more,
            "{name}: paragraphs"
        );
    }
}
