//! Generated articles for the suggestion benchmarks (`benches/suggest.rs` and
//! `benches/suggest_memory.rs` include this file): deterministic, news-like, any size.

/// A deterministic article of at least `min_bytes`: a title, then paragraphs of
/// news-like sentences (numbers, names, quotes, abbreviations, attributions), with
/// subheadings and captions now and then. Paragraphs are separated by `separator`
/// ("\n\n", or "\n" for an article pasted one paragraph per line).
pub fn news(min_bytes: usize, separator: &str) -> String {
    const SUBJECTS: &[&str] = &[
        "Russian Foreign Minister Sergei Lavrov",
        "The U.S. Department of Defense",
        "Dr. Amina Yusuf of the World Health Organization",
        "The central bank",
        "Officials in Kabul",
        "Acme Corp.",
        "Mr. Kabulov",
        "The ministry",
    ];
    const VERBS: &[&str] = &[
        "said",
        "reported",
        "stressed",
        "noted",
        "warned",
        "confirmed",
    ];
    const FACTS: &[&str] = &[
        "unemployment rose to 7.4 percent in March, the highest level since 2009",
        "the base in Tajikistan has about 6,000 soldiers",
        "exports fell by $3.2 billion, or 12%, compared with a year earlier",
        "the talks would resume at 9 a.m. on Jan. 5 in Geneva",
        "more than 500 families had been moved from the border area",
        "the new rules would cost taxpayers roughly €40 million a year",
    ];
    const CHATTER: &[&str] = &[
        "It was a long day for everyone involved.",
        "What happens next is anyone's guess...",
        "“We will see,” one diplomat said with a smile.",
        "The mood in the room was tense!",
        "Details are available at https://example.org/report.html for readers.",
    ];
    let mut seed: u64 = 42;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % n
    };
    let mut out = format!("Putin offers Washington his bases, report says\nPhoto: AP{separator}");
    let mut para = 0;
    while out.len() < min_bytes {
        para += 1;
        if para % 9 == 0 {
            out.push_str("A difficult situation");
            out.push_str(separator);
        }
        if para % 13 == 0 {
            out.push_str("Soldiers patrol near the border in Kandahar (Reuters)");
            out.push_str(separator);
        }
        for _ in 0..4 + next(3) {
            if next(3) == 0 {
                out.push_str(CHATTER[next(CHATTER.len())]);
            } else {
                out.push_str(&format!(
                    "{} {} that {}.",
                    SUBJECTS[next(SUBJECTS.len())],
                    VERBS[next(VERBS.len())],
                    FACTS[next(FACTS.len())]
                ));
            }
            out.push(' ');
        }
        out.pop();
        out.push_str(separator);
    }
    out
}

/// One body sentence made of "according to " repeated `n` times (13 bytes each),
/// then "the ministry.": the input that made claimant detection quadratic.
pub fn according_to(n: usize) -> String {
    format!("A title\n\n{}the ministry.", "according to ".repeat(n))
}

/// `n` bytes of one character after a title line, e.g. 60 MB of '.'.
pub fn repeated(c: char, n: usize) -> String {
    let mut s = String::with_capacity(n + 9);
    s.push_str("A title\n\n");
    s.extend(std::iter::repeat_n(c, n / c.len_utf8()));
    s
}

/// About `n` bytes of four-byte sentences ("Ab. Cd. ..."): the most suggestions
/// per byte an article can hold.
pub fn tiny_sentences(n: usize) -> String {
    let mut s = String::with_capacity(n + 9);
    s.push_str("A title\n\n");
    while s.len() < n {
        s.push_str("Ab. ");
    }
    s
}

/// About `n` bytes of one sentence of one-letter words ("a a a ... a."): the most
/// words per sentence.
pub fn one_long_sentence(n: usize) -> String {
    let mut s = String::with_capacity(n + 11);
    s.push_str("A title\n\n");
    s.push_str(&"a ".repeat(n / 2));
    s.push_str("a.");
    s
}
