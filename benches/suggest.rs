//! Throughput of sentence splitting plus check-worthiness scoring on a generated
//! news-like article of more than 1 MB. Run with `cargo bench --bench suggest`.
//!
//! Prints MB/s per stage after divan's table, for `docs/performance.md`.

use claimdesk::extract::checkworthiness::Model;
use claimdesk::extract::features::Features;
use claimdesk::extract::{SentenceKind, segment, suggest};

fn main() {
    let text = article(1_200_000);
    report(&text);
    divan::main();
}

/// A deterministic article of at least `min_bytes`: a title, then paragraphs of
/// news-like sentences (numbers, names, quotes, abbreviations, attributions),
/// with subheadings and captions now and then.
fn article(min_bytes: usize) -> String {
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
    let mut out = String::from("Putin offers Washington his bases, report says\nPhoto: AP\n\n");
    let mut para = 0;
    while out.len() < min_bytes {
        para += 1;
        if para % 9 == 0 {
            out.push_str("A difficult situation\n\n");
        }
        if para % 13 == 0 {
            out.push_str("Soldiers patrol near the border in Kandahar (Reuters)\n\n");
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
        out.push_str("\n\n");
    }
    out
}

fn split_and_score(text: &str, model: &Model) -> f32 {
    let mut buf = Features::default();
    let mut total = 0.0;
    for s in segment(text) {
        if s.kind == SentenceKind::Body {
            total += model.score_with(&text[s.byte_start..s.byte_end], &mut buf);
        }
    }
    total
}

fn report(text: &str) {
    let Ok(model) = Model::embedded() else {
        eprintln!("the embedded model does not parse");
        return;
    };
    let mb = text.len() as f64 / 1e6;
    let time = |f: &dyn Fn()| {
        f();
        let runs = 5;
        let t = std::time::Instant::now();
        for _ in 0..runs {
            f();
        }
        t.elapsed().as_secs_f64() / f64::from(runs)
    };
    let split = time(&|| {
        divan::black_box(segment(divan::black_box(text)));
    });
    let scored = time(&|| {
        divan::black_box(split_and_score(divan::black_box(text), model));
    });
    let full = time(&|| {
        divan::black_box(suggest(divan::black_box(text)));
    });
    println!("article: {mb:.2} MB, {} sentences", segment(text).len());
    println!("split only:           {:.1} MB/s", mb / split);
    println!("split + score:        {:.1} MB/s", mb / scored);
    println!("suggest (+ claimants, reasons): {:.1} MB/s", mb / full);
}

#[divan::bench(sample_count = 10)]
fn split_only(bencher: divan::Bencher) {
    let text = article(1_200_000);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| segment(divan::black_box(&text)));
}

#[divan::bench(sample_count = 10)]
fn split_and_score_1mb(bencher: divan::Bencher) {
    let text = article(1_200_000);
    let Ok(model) = Model::embedded() else {
        return;
    };
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| split_and_score(divan::black_box(&text), model));
}

#[divan::bench(sample_count = 10)]
fn suggest_1mb(bencher: divan::Bencher) {
    let text = article(1_200_000);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| suggest(divan::black_box(&text)));
}
