//! Features of a sentence for the check-worthiness scorer.
//!
//! Two kinds: a few dozen named "dense" features that generalise across genres
//! (numbers, comparisons, names, attribution, tense, hedges, opinion, questions),
//! and hashed word unigrams and bigrams. Numbers are folded into one token class
//! so the model learns "a number here" rather than particular numbers.

/// One named feature: a key stored in the model file and words for explanations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DenseFeature {
    /// Stable key used in the model file.
    pub key: &'static str,
    /// Plain words for a fact-checker ("contains a number").
    pub description: &'static str,
}

/// The named features, in the order of [`Features::dense`].
pub const DENSE: &[DenseFeature] = &[
    DenseFeature {
        key: "number",
        description: "contains a number",
    },
    DenseFeature {
        key: "quantity_word",
        description: "a quantity word (million, thousand, dozen)",
    },
    DenseFeature {
        key: "percent",
        description: "a percentage",
    },
    DenseFeature {
        key: "money",
        description: "an amount of money",
    },
    DenseFeature {
        key: "year",
        description: "a year or date",
    },
    DenseFeature {
        key: "comparative",
        description: "a comparison (more, less, than, increased)",
    },
    DenseFeature {
        key: "superlative",
        description: "a superlative (most, largest, record)",
    },
    DenseFeature {
        key: "entities",
        description: "names of people, places or organisations",
    },
    DenseFeature {
        key: "attribution",
        description: "an attribution (said, according to, reported)",
    },
    DenseFeature {
        key: "past",
        description: "past tense",
    },
    DenseFeature {
        key: "perfect",
        description: "has/have/had (a completed action)",
    },
    DenseFeature {
        key: "future",
        description: "future or conditional (will, would)",
    },
    DenseFeature {
        key: "hedge",
        description: "a hedge (may, might, perhaps, probably)",
    },
    DenseFeature {
        key: "opinion",
        description: "a first-person opinion (I think, I believe)",
    },
    DenseFeature {
        key: "first_person",
        description: "speaks in the first person (I, we)",
    },
    DenseFeature {
        key: "second_person",
        description: "addresses someone (you)",
    },
    DenseFeature {
        key: "question",
        description: "is a question",
    },
    DenseFeature {
        key: "exclamation",
        description: "is an exclamation",
    },
    DenseFeature {
        key: "obligation",
        description: "says what should be done (should, must)",
    },
    DenseFeature {
        key: "short",
        description: "very short (under six words)",
    },
    DenseFeature {
        key: "length",
        description: "its length",
    },
    DenseFeature {
        key: "negation",
        description: "a negation (not, never)",
    },
];

/// Number of dense features.
pub const N_DENSE: usize = 22;

/// The features of one sentence.
#[derive(Clone, Debug, Default)]
pub struct Features {
    /// Values of [`DENSE`], each in [0, 1].
    pub dense: [f32; N_DENSE],
    /// Hashed n-gram buckets (not deduplicated) and the value each carries.
    pub grams: Vec<u32>,
    /// The value of each n-gram occurrence (1/sqrt(number of n-grams)).
    pub gram_value: f32,
}

/// FNV-1a, fixed so that the model file means the same on every platform.
fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// The hash bucket of a unigram.
pub fn unigram_bucket(word: &str, bits: u32) -> u32 {
    bucket(fnv(word.as_bytes(), FNV_OFFSET), bits)
}

fn bucket(h: u64, bits: u32) -> u32 {
    // Fold the high bits in: FNV's low bits alone are weak.
    let h = h ^ (h >> 29) ^ (h >> 47);
    (h & ((1u64 << bits) - 1)) as u32
}

fn bigram_hash(a: u64, b: u64) -> u64 {
    fnv(
        &b.to_le_bytes(),
        fnv(&a.to_le_bytes(), FNV_OFFSET ^ 0x9e37_79b9),
    )
}

/// How much of a sentence is read for its features and its claimant: 8 KiB, about
/// 1,300 words, far longer than any real sentence. A longer "sentence" (a table or
/// a list without full stops, or junk) is judged on its start, so the work and the
/// memory per sentence stay bounded.
pub const MAX_SENTENCE_BYTES: usize = 8 * 1024;

/// The part of `sentence` that is read: its first [`MAX_SENTENCE_BYTES`], cut at a
/// character boundary.
pub fn scored_part(sentence: &str) -> &str {
    if sentence.len() <= MAX_SENTENCE_BYTES {
        return sentence;
    }
    let mut end = MAX_SENTENCE_BYTES;
    while !sentence.is_char_boundary(end) {
        end -= 1;
    }
    &sentence[..end]
}

/// Splits a sentence into lower-case word tokens, numbers folded into `<num>` /
/// `<year>`, and `%` and currency signs kept as tokens. Calls `f` for each.
///
/// Only the first [`MAX_SENTENCE_BYTES`] of the sentence are read.
pub fn tokens(sentence: &str, mut f: impl FnMut(&str, TokenInfo)) {
    let sentence = scored_part(sentence);
    let mut buf = String::with_capacity(32);
    let mut chars = sentence.char_indices().peekable();
    let mut index = 0usize;
    let mut after_break = true; // sentence start, or after a quote/colon
    while let Some((_, c)) = chars.next() {
        if c.is_alphanumeric() {
            buf.clear();
            let capital = c.is_uppercase();
            let mut digits = c.is_ascii_digit();
            let mut all_digits = digits;
            let mut len = 0;
            push_lower(&mut buf, c);
            len += 1;
            while let Some(&(_, n)) = chars.peek() {
                if n.is_alphanumeric() {
                    digits |= n.is_ascii_digit();
                    all_digits &= n.is_ascii_digit();
                    push_lower(&mut buf, n);
                    len += 1;
                    chars.next();
                } else if matches!(n, '\'' | '’' | '.' | ',' | '-') {
                    // Keep "don't", "3.5", "1,000", "U.S", "well-known" together.
                    let mut ahead = chars.clone();
                    ahead.next();
                    match ahead.peek() {
                        Some(&(_, m))
                            if m.is_alphanumeric() && (n != ',' || m.is_ascii_digit()) =>
                        {
                            if n == '’' {
                                buf.push('\'');
                            } else {
                                buf.push(n);
                            }
                            chars.next();
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            let info = TokenInfo {
                index,
                capitalised: capital && len > 0,
                sentence_initial: after_break,
                is_number: digits,
            };
            if digits {
                let year = all_digits
                    && buf.len() == 4
                    && (buf.starts_with("19") || buf.starts_with("20"));
                f(if year { "<year>" } else { "<num>" }, info);
            } else {
                f(&buf, info);
            }
            index += 1;
            after_break = false;
        } else if matches!(c, '%' | '$' | '£' | '€' | '¥') {
            let t = if c == '%' { "%" } else { "$" };
            f(
                t,
                TokenInfo {
                    index,
                    capitalised: false,
                    sentence_initial: false,
                    is_number: false,
                },
            );
            index += 1;
        } else if matches!(c, '"' | '“' | '”' | ':' | '(' | '‘') {
            after_break = true;
        }
    }
}

fn push_lower(buf: &mut String, c: char) {
    if c.is_ascii() {
        buf.push(c.to_ascii_lowercase());
    } else {
        buf.extend(c.to_lowercase());
    }
}

/// What the tokenizer knows about a token besides its text.
#[derive(Clone, Copy, Debug)]
pub struct TokenInfo {
    /// Position among the sentence's tokens.
    pub index: usize,
    /// Written with a capital first letter.
    pub capitalised: bool,
    /// First word of the sentence or of a quotation.
    pub sentence_initial: bool,
    /// Contains digits.
    pub is_number: bool,
}

/// Computes the features of `sentence` into `out` (reusing its buffer).
pub fn extract(sentence: &str, bits: u32, out: &mut Features) {
    out.dense = [0.0; N_DENSE];
    out.grams.clear();
    let d = &mut out.dense;
    let mut prev_hash: Option<u64> = None;
    let mut prev_word = String::new();
    let mut words = 0usize;
    let mut entities = 0usize;
    let mut past = 0usize;
    let grams = &mut out.grams;
    tokens(sentence, |w, info| {
        words += 1;
        let h = fnv(w.as_bytes(), FNV_OFFSET);
        grams.push(bucket(h, bits));
        if let Some(p) = prev_hash {
            grams.push(bucket(bigram_hash(p, h), bits));
        }
        prev_hash = Some(h);
        if info.is_number {
            d[0] = 1.0;
            if w == "<year>" {
                d[4] = 1.0;
            }
        }
        if info.capitalised && !info.sentence_initial && w != "i" {
            entities += 1;
        }
        match w {
            "million" | "billion" | "trillion" | "thousand" | "thousands" | "hundred"
            | "hundreds" | "dozen" | "dozens" | "millions" | "billions" | "half" | "twice"
            | "double" | "triple" | "quarter" | "third" | "two" | "three" | "four" | "five"
            | "six" | "seven" | "eight" | "nine" | "ten" | "twenty" | "fifty" => d[1] = 1.0,
            "%" | "percent" | "percentage" => d[2] = 1.0,
            "$" | "dollars" | "dollar" | "cents" | "pounds" | "euros" | "budget" | "deficit"
            | "debt" | "tax" | "taxes" | "spending" | "cost" | "costs" => d[3] = 1.0,
            "january" | "february" | "april" | "june" | "july" | "august" | "september"
            | "october" | "november" | "december" | "monday" | "tuesday" | "wednesday"
            | "thursday" | "friday" | "saturday" | "sunday" | "yesterday" | "decade"
            | "decades" | "years" | "ago" => d[4] = 1.0,
            "more" | "less" | "fewer" | "than" | "higher" | "lower" | "increase" | "increased"
            | "decrease" | "decreased" | "rise" | "rose" | "risen" | "fell" | "fallen"
            | "doubled" | "tripled" | "grew" | "grown" | "cut" | "cuts" | "larger" | "smaller"
            | "bigger" | "greater" | "up" | "down" | "compared" => d[5] = 1.0,
            "most" | "least" | "largest" | "biggest" | "highest" | "lowest" | "best" | "worst"
            | "first" | "only" | "record" | "ever" | "greatest" | "fastest" | "last" | "every"
            | "all" => d[6] = 1.0,
            "said" | "says" | "told" | "reported" | "according" | "stated" | "announced"
            | "claimed" | "stressed" | "confirmed" | "explained" | "noted" | "added" => d[8] = 1.0,
            "was" | "were" | "did" | "went" | "came" | "made" | "took" | "gave" | "voted"
            | "passed" | "signed" | "killed" | "lost" | "won" => past += 1,
            "has" | "have" | "had" | "hasn't" | "haven't" | "been" => d[10] = 1.0,
            "will" | "would" | "won't" | "gonna" | "shall" | "going" => d[11] = 1.0,
            "may" | "might" | "could" | "perhaps" | "possibly" | "probably" | "likely"
            | "maybe" | "seems" | "seem" | "appears" | "guess" | "suppose" => d[12] = 1.0,
            "i" | "we" | "me" | "my" | "our" | "us" | "i'm" | "we're" | "i've" | "we've"
            | "i'll" | "we'll" => d[14] = 1.0,
            "you" | "your" | "you're" | "you've" => d[15] = 1.0,
            "should" | "must" | "ought" | "need" | "needs" | "let's" => d[18] = 1.0,
            "not" | "never" | "no" | "don't" | "didn't" | "doesn't" | "isn't" | "wasn't"
            | "can't" | "nothing" => d[21] = 1.0,
            _ => {
                if w.len() > 4 && w.ends_with("ed") {
                    past += 1;
                }
                if w.len() > 5 && w.ends_with("est") && !NOT_SUPERLATIVE.contains(&w) {
                    d[6] = 1.0;
                }
            }
        }
        if matches!(prev_word.as_str(), "i" | "we")
            && matches!(
                w,
                "think"
                    | "believe"
                    | "feel"
                    | "want"
                    | "hope"
                    | "know"
                    | "will"
                    | "must"
                    | "should"
                    | "need"
                    | "support"
                    | "oppose"
                    | "intend"
                    | "am"
            )
        {
            d[13] = 1.0;
        }
        prev_word.clear();
        prev_word.push_str(w);
    });
    d[7] = (entities.min(4) as f32) / 4.0;
    d[9] = (past.min(2) as f32) / 2.0;
    let trimmed = sentence.trim_end_matches(['"', '”', '’', '\'', ')', ' ']);
    d[16] = f32::from(u8::from(trimmed.ends_with('?')));
    d[17] = f32::from(u8::from(trimmed.ends_with('!')));
    d[19] = f32::from(u8::from(words < 6));
    d[20] = (words.min(40) as f32) / 40.0;
    out.gram_value = if grams_len(out) == 0 {
        0.0
    } else {
        1.0 / (grams_len(out) as f32).sqrt()
    };
}

fn grams_len(f: &Features) -> usize {
    f.grams.len()
}

/// Words ending in "-est" that are not superlatives.
const NOT_SUPERLATIVE: &[&str] = &[
    "interest",
    "interests",
    "honest",
    "forest",
    "request",
    "protest",
    "suggest",
    "contest",
    "arrest",
    "invest",
    "harvest",
    "manifest",
    "modest",
    "digest",
    "midwest",
    "northwest",
    "southwest",
    "conquest",
    "inquest",
    "behest",
    "earnest",
    "dishonest",
    "latest",
    "guest",
];

/// Each distinct n-gram of `sentence` with its bucket, for explanations.
pub fn grams_with_text(sentence: &str, bits: u32) -> Vec<(u32, String)> {
    let mut out: Vec<(u32, String)> = Vec::new();
    let mut prev: Option<(u64, String)> = None;
    tokens(sentence, |w, _| {
        let h = fnv(w.as_bytes(), FNV_OFFSET);
        out.push((bucket(h, bits), w.to_owned()));
        if let Some((ph, pw)) = &prev {
            out.push((bucket(bigram_hash(*ph, h), bits), format!("{pw} {w}")));
        }
        prev = Some((h, w.to_owned()));
    });
    out
}

/// The text of the n-grams of `sentence` that fall in one of the `wanted` buckets
/// (first occurrence of each), without building strings for the others.
pub fn gram_texts(sentence: &str, bits: u32, wanted: &[u32]) -> Vec<(u32, String)> {
    let mut out: Vec<(u32, String)> = Vec::new();
    let mut prev: Option<u64> = None;
    let mut prev_word = String::new();
    tokens(sentence, |w, _| {
        let h = fnv(w.as_bytes(), FNV_OFFSET);
        let uni = bucket(h, bits);
        if wanted.contains(&uni) && !out.iter().any(|o| o.0 == uni) {
            out.push((uni, w.to_owned()));
        }
        if let Some(ph) = prev {
            let bi = bucket(bigram_hash(ph, h), bits);
            if wanted.contains(&bi) && !out.iter().any(|o| o.0 == bi) {
                out.push((bi, format!("{prev_word} {w}")));
            }
        }
        prev = Some(h);
        prev_word.clear();
        prev_word.push_str(w);
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dense(s: &str) -> [f32; N_DENSE] {
        let mut f = Features::default();
        extract(s, 16, &mut f);
        f.dense
    }

    fn key(k: &str) -> usize {
        DENSE.iter().position(|d| d.key == k).unwrap()
    }

    #[test]
    fn table_matches_count() {
        assert_eq!(DENSE.len(), N_DENSE);
    }

    #[test]
    fn detects_quantities_and_names() {
        let d = dense("In 2020, Acme Corp earned $3.5 billion, 12% more than before.");
        for k in [
            "number",
            "year",
            "money",
            "percent",
            "comparative",
            "quantity_word",
        ] {
            assert_eq!(d[key(k)], 1.0, "{k}");
        }
        assert!(d[key("entities")] > 0.0);
        let d = dense("I think we should do better?");
        for k in ["opinion", "first_person", "obligation", "question"] {
            assert_eq!(d[key(k)], 1.0, "{k}");
        }
        assert_eq!(d[key("number")], 0.0);
    }

    #[test]
    fn tokens_fold_numbers_and_keep_contractions() {
        let mut got = Vec::new();
        tokens("Don’t pay $1,000.50 in 1999, U.S. said.", |w, _| {
            got.push(w.to_owned())
        });
        assert_eq!(
            got,
            ["don't", "pay", "$", "<num>", "in", "<year>", "u.s", "said"]
        );
    }

    #[test]
    fn explanation_grams_match_scoring_buckets() {
        let s = "Taxes rose by 5 percent";
        let mut f = Features::default();
        extract(s, 18, &mut f);
        let with_text: Vec<u32> = grams_with_text(s, 18).into_iter().map(|g| g.0).collect();
        assert_eq!(f.grams, with_text);
        // Unigram "taxes", then (after unigram "rose") the bigram "taxes rose".
        let texts = gram_texts(s, 18, &[with_text[0], with_text[2]]);
        assert_eq!(
            texts,
            [
                (with_text[0], "taxes".to_owned()),
                (with_text[2], "taxes rose".to_owned())
            ]
        );
    }
}
