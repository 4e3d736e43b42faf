//! Who makes a claim, and how the article says so.
//!
//! Rules over words, no parser: an attribution cue ("said", "reported", "made it
//! clear", "according to") and the noun phrase it points at, left of the cue
//! ("Lavrov said"), right of it ("said Lavrov", "according to sources who ...") or,
//! for pronouns and continued quotations, in an earlier sentence.

use super::features::scored_part;
use crate::model::Attribution;
use std::borrow::Cow;
use std::ops::Range;

/// Verbs that attribute what follows (or precedes) to a speaker or outlet.
const CUE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "stressed",
    "stresses",
    "added",
    "adds",
    "explained",
    "explains",
    "noted",
    "notes",
    "claimed",
    "claims",
    "stated",
    "states",
    "argued",
    "argues",
    "insisted",
    "insists",
    "warned",
    "warns",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "acknowledged",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "suggested",
    "suggests",
    "wrote",
    "writes",
    "tweeted",
    "asserted",
    "maintained",
    "estimated",
    "estimates",
    "revealed",
    "alleged",
    "alleges",
    "predicted",
    "testified",
    "concluded",
    "found",
    "finds",
    "showed",
    "shows",
    "show",
    "believes",
    "believe",
    "thinks",
    "indicated",
    "indicates",
    "declared",
    "admitted",
    "accused",
    "promised",
    "pledged",
    "threatened",
    "assured",
    "reiterated",
    "disclosed",
];

/// Multi-word cues, matched on lower-case words.
const CUE_PHRASES: &[&[&str]] = &[
    &["made", "it", "clear"],
    &["makes", "it", "clear"],
    &["pointed", "out"],
    &["points", "out"],
    &["went", "on", "to", "say"],
    &["is", "quoted", "as", "saying"],
    &["was", "quoted", "as", "saying"],
];

/// Lower-case words that can head or sit inside a claimant noun phrase.
const NP_WORDS: &[&str] = &[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "minister",
    "ministry",
    "president",
    "police",
    "sources",
    "source",
    "analysts",
    "analyst",
    "experts",
    "expert",
    "government",
    "authorities",
    "military",
    "army",
    "agency",
    "company",
    "prosecutors",
    "prosecutor",
    "lawyer",
    "lawyers",
    "witnesses",
    "witness",
    "residents",
    "researchers",
    "scientists",
    "study",
    "report",
    "statement",
    "survey",
    "data",
    "figures",
    "newspaper",
    "daily",
    "diplomat",
    "diplomats",
    "leader",
    "leaders",
    "chief",
    "director",
    "secretary",
    "commander",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "representative",
    "department",
    "office",
    "embassy",
    "senior",
    "former",
    "top",
    "local",
    "western",
    "foreign",
    "anonymous",
    "unnamed",
    "two",
    "three",
    "several",
    "some",
    "many",
    "u.s.",
    "state",
    "federal",
    "regional",
    "defense",
    "defence",
    "interior",
    "security",
    "intelligence",
    "health",
    "news",
    "ministers",
    "officers",
    "officer",
    "investigators",
    "critics",
    "economists",
    "poll",
    "census",
    "bureau",
    "organization",
    "organisation",
    "group",
    "groups",
    "campaign",
    "party",
    "council",
    "committee",
    "court",
    "judge",
    "mayor",
    "governor",
    "senator",
    "lawmakers",
    "lawmaker",
    "people",
    "person",
    "man",
    "woman",
    "doctors",
    "doctor",
    "official's",
    "russian",
    "american",
    "chinese",
    "british",
    "turkish",
    "afghan",
];

const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their", "our"];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Words that may stand between a subject and its cue ("Lavrov also said").
const BETWEEN: &[&str] = &[
    "also",
    "later",
    "then",
    "had",
    "has",
    "have",
    "was",
    "previously",
    "earlier",
    "again",
    "further",
    "repeatedly",
    "once",
    "recently",
    "would",
    "publicly",
];

/// A word or punctuation mark with its byte span in the sentence.
#[derive(Clone, Debug)]
struct Tok<'a> {
    text: &'a str,
    span: Range<usize>,
    /// Lower-case form; borrowed when the word has no capitals (most words).
    lower: Cow<'a, str>,
}

impl Tok<'_> {
    fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }
    fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
    fn is(&self, s: &str) -> bool {
        self.lower == s
    }
}

fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(j, n)) = it.peek() {
                let joins = matches!(n, '\'' | '’' | '.' | '-')
                    && s[j + n.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if n.is_alphanumeric() || joins {
                    end = j + n.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
        }
        let text = &s[i..end];
        let lower = if text.chars().any(char::is_uppercase) {
            Cow::Owned(text.to_lowercase())
        } else {
            Cow::Borrowed(text)
        };
        out.push(Tok {
            text,
            span: i..end,
            lower,
        });
    }
    out
}

/// An attribution found inside one sentence, in byte offsets of that sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Found {
    claimant: Range<usize>,
    cue: String,
    pronoun: bool,
    /// Where the cue starts, to prefer the outermost attribution.
    cue_at: usize,
    kind: FoundKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FoundKind {
    AccordingTo,
    Trailing,
    Other,
}

/// The longest claimant noun phrase looked at, in tokens: a walk over a run of
/// capitalised words stops here, so the work per cue is bounded.
const MAX_NP_TOKENS: usize = 16;

/// The longest "according to ..." clause kept, in tokens.
const MAX_CLAUSE_TOKENS: usize = 20;

/// The attribution inside `sentence`, with the claimant's byte span in it.
///
/// Linear in the sentence: one pass over its tokens, each cue looking at a bounded
/// number of tokens around it, and only the first attribution of each kind kept.
/// Only the first [`MAX_SENTENCE_BYTES`](super::features::MAX_SENTENCE_BYTES) of a
/// sentence are read.
fn find(sentence: &str) -> Option<Found> {
    let sentence = scored_part(sentence);
    let toks = tokenize(sentence);
    let last_comma = toks.iter().rposition(|t| t.text == ",");
    let last_that = toks.iter().rposition(|t| t.is("that"));
    let mut according: Option<Found> = None;
    let mut trailing: Option<Found> = None;
    let mut other: Option<Found> = None;
    let mut i = 0;
    while i < toks.len() {
        if toks[i].is("according") && toks.get(i + 1).is_some_and(|t| t.is("to")) {
            if according.is_none()
                && let Some(np) = np_right(&toks, i + 2, true)
            {
                according = Some(Found {
                    claimant: np,
                    cue: "according to".into(),
                    pronoun: false,
                    cue_at: toks[i].span.start,
                    kind: FoundKind::AccordingTo,
                });
            }
            i += 2;
            continue;
        }
        let cue_len = cue_at(&toks, i);
        if cue_len == 0 {
            i += 1;
            continue;
        }
        if trailing.is_some() && other.is_some() {
            // Nothing later can change the choice but an "according to".
            i += cue_len;
            continue;
        }
        let cue = || sentence[toks[i].span.start..toks[i + cue_len - 1].span.end].to_owned();
        let found = if let Some((np, pronoun)) = np_left(&toks, i) {
            let no_that_after = last_that.is_none_or(|t| t < i + cue_len);
            let after_comma =
                last_comma.is_some_and(|c| c < i && toks[c].span.end <= np.start) && no_that_after;
            Some(Found {
                claimant: np,
                cue: cue(),
                pronoun,
                cue_at: toks[i].span.start,
                kind: if after_comma {
                    FoundKind::Trailing
                } else {
                    FoundKind::Other
                },
            })
        } else if i > 0 && matches!(toks[i - 1].text, "," | "”" | "\"" | "’") {
            // Inverted: "“...,” said Lavrov."
            np_right(&toks, i + cue_len, false).map(|np| Found {
                pronoun: PRONOUNS.contains(&sentence[np.clone()].to_lowercase().as_str()),
                claimant: np,
                cue: cue(),
                cue_at: toks[i].span.start,
                kind: FoundKind::Trailing,
            })
        } else {
            None
        };
        if let Some(f) = found {
            let slot = if f.kind == FoundKind::Trailing {
                &mut trailing
            } else {
                &mut other
            };
            if slot.is_none() {
                *slot = Some(f);
            }
        }
        i += cue_len;
    }
    according.or(trailing).or(other)
}

/// Number of tokens of the cue starting at `i`, or 0.
fn cue_at(toks: &[Tok<'_>], i: usize) -> usize {
    for phrase in CUE_PHRASES {
        if phrase
            .iter()
            .enumerate()
            .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.is(w)))
        {
            return phrase.len();
        }
    }
    usize::from(CUE_VERBS.contains(&toks[i].lower.as_ref()))
}

fn np_word(t: &Tok<'_>) -> bool {
    t.is_word() && (t.capitalised() || NP_WORDS.contains(&t.lower.as_ref()))
}

/// The claimant noun phrase ending just before the cue at `cue`.
fn np_left(toks: &[Tok<'_>], cue: usize) -> Option<(Range<usize>, bool)> {
    let mut end = cue;
    while end > 0 && cue - end < 4 && BETWEEN.contains(&toks[end - 1].lower.as_ref()) {
        end -= 1;
    }
    // Skip a trailing "on Sunday" between the subject and the cue: not needed, the
    // cue follows the subject in these phrasings.
    if end == 0 {
        return None;
    }
    let last = &toks[end - 1];
    if PRONOUNS.contains(&last.lower.as_ref()) {
        return Some((last.span.clone(), true));
    }
    // Appositive: "the director of ..., Zamir Kabulov, stressed".
    if last.text == "," {
        let close = end - 1;
        let mut s = close;
        while s > 0 && close - s < MAX_NP_TOKENS && np_word(&toks[s - 1]) {
            s -= 1;
        }
        let names_ok = s < close && toks[s..close].iter().all(Tok::capitalised);
        let after_comma = s > 0 && toks[s - 1].text == ",";
        if names_ok && after_comma {
            return Some((toks[s].span.start..toks[close - 1].span.end, false));
        }
        return None;
    }
    if !np_word(last) {
        return None;
    }
    let mut s = end - 1;
    while s > 0 && end - s < MAX_NP_TOKENS {
        let t = &toks[s - 1];
        let joins = (t.is("of") || t.is("the") || t.is("for") || t.is("and"))
            && toks.get(s).is_some_and(Tok::capitalised);
        if np_word(t) || joins || t.text.ends_with("'s") || t.text.ends_with("’s") {
            s -= 1;
        } else if DETERMINERS.contains(&t.lower.as_ref()) {
            s -= 1;
            break;
        } else {
            break;
        }
    }
    let head = trim_np(toks, s, end)?;
    Some((head, false))
}

/// Trims determiners and connectors from the front of `toks[s..e]`; checks it names
/// someone (a capitalised word or a known claimant noun).
fn trim_np(toks: &[Tok<'_>], mut s: usize, e: usize) -> Option<Range<usize>> {
    while s < e
        && (DETERMINERS.contains(&toks[s].lower.as_ref())
            || matches!(toks[s].lower.as_ref(), "of" | "and" | "for"))
    {
        s += 1;
    }
    if s >= e {
        return None;
    }
    let words = &toks[s..e];
    let named = words
        .iter()
        .any(|t| (t.capitalised() && !t.is("i")) || NP_WORDS.contains(&t.lower.as_ref()));
    // A lone sentence-initial capitalised word that is a common word ("Also") is not a name.
    if !named || (words.len() == 1 && STOP_CAPS.contains(&words[0].lower.as_ref())) {
        return None;
    }
    Some(toks[s].span.start..toks[e - 1].span.end)
}

/// Capitalised words that are not names when alone.
const STOP_CAPS: &[&str] = &[
    "also",
    "but",
    "and",
    "so",
    "this",
    "that",
    "it",
    "there",
    "however",
    "meanwhile",
    "then",
    "now",
    "still",
    "yet",
    "here",
    "what",
    "which",
    "who",
    "when",
];

/// The noun phrase starting at token `i` (after "according to" or an inverted cue).
/// With `clause`, it runs to the next comma or the end, taking in a relative clause
/// ("sources who spoke to the newspaper Kommersant").
fn np_right(toks: &[Tok<'_>], i: usize, clause: bool) -> Option<Range<usize>> {
    let mut e = i;
    if clause {
        // Up to the next comma, full stop, bracket or dash ("according to the
        // ministry — and to..." names the ministry only), and never very far.
        while e < toks.len()
            && e - i < MAX_CLAUSE_TOKENS
            && !matches!(
                toks[e].text,
                "," | "." | ";" | ":" | "!" | "?" | "(" | ")" | "[" | "—" | "–" | "-" | "|" | "…"
            )
        {
            e += 1;
        }
        // A clause cut at the limit ends on a word, not on "of the".
        while e > i
            && e - i == MAX_CLAUSE_TOKENS
            && matches!(
                toks[e - 1].lower.as_ref(),
                "of" | "the"
                    | "a"
                    | "an"
                    | "to"
                    | "in"
                    | "on"
                    | "and"
                    | "for"
                    | "by"
                    | "with"
                    | "at"
            )
        {
            e -= 1;
        }
        // Keep a closing quote if its opening one is inside.
        let opened = toks[i..e]
            .iter()
            .any(|t| matches!(t.text, "“" | "\"" | "‘"));
        if e < toks.len() && opened && matches!(toks[e].text, "”" | "\"") {
            e += 1;
        }
        while e > i && matches!(toks[e - 1].text, "”" | "\"" | "’") && !opened {
            e -= 1;
        }
    } else {
        if toks
            .get(e)
            .is_some_and(|t| PRONOUNS.contains(&t.lower.as_ref()))
        {
            return Some(toks[e].span.clone());
        }
        while e < toks.len() && e - i < MAX_NP_TOKENS {
            let t = &toks[e];
            let joins =
                (t.is("of") || t.is("the") || t.is("for")) && toks.get(e + 1).is_some_and(np_word);
            if np_word(t) || joins || (e == i && DETERMINERS.contains(&t.lower.as_ref())) {
                e += 1;
            } else {
                break;
            }
        }
    }
    if e <= i {
        return None;
    }
    if clause {
        let mut s = i;
        while s < e && DETERMINERS.contains(&toks[s].lower.as_ref()) {
            s += 1;
        }
        return (s < e).then(|| toks[s].span.start..toks[e - 1].span.end);
    }
    trim_np(toks, i, e)
}

/// Finds the attribution of one sentence that starts at character `char_start` of
/// the article. Pronoun claimants ("he said") are returned as written.
pub fn attribution_in(sentence: &str, char_start: usize) -> Option<Attribution> {
    let f = find(sentence)?;
    Some(to_attribution(sentence, char_start, &f))
}

fn to_attribution(sentence: &str, char_start: usize, f: &Found) -> Attribution {
    let before = sentence.get(..f.claimant.start).unwrap_or("");
    let start = char_start + before.chars().count();
    let claimant = sentence.get(f.claimant.clone()).unwrap_or("").to_owned();
    let end = start + claimant.chars().count();
    Attribution {
        claimant,
        cue: f.cue.clone(),
        start,
        end,
    }
}

/// A sentence of the article, for [`attribute`]: its text, first character and
/// block (paragraph) index.
#[derive(Clone, Copy, Debug)]
pub struct SentenceRef<'a> {
    /// The sentence text.
    pub text: &'a str,
    /// Its first character's offset in the article.
    pub start: usize,
    /// Index of its paragraph.
    pub block: usize,
}

/// Attributions for a run of sentences in article order.
///
/// Besides each sentence's own attribution, a pronoun claimant ("he said") takes the
/// name from the nearest earlier named attribution (within three sentences), and a
/// sentence that continues a quotation ("“...”" right after "“...,” Lavrov said.")
/// inherits the previous sentence's attribution.
pub fn attribute(sentences: &[SentenceRef<'_>]) -> Vec<Option<Attribution>> {
    let mut attributor = Attributor::default();
    sentences
        .iter()
        .map(|s| attributor.next_sentence(s))
        .collect()
}

/// [`attribute`] one sentence at a time, keeping only what the rules look back at.
#[derive(Debug, Default)]
pub struct Attributor {
    /// Sentences seen so far.
    seen: usize,
    /// The latest named attribution and the index of its sentence.
    named: Option<(usize, Attribution)>,
    /// The previous sentence: its block, how it ends, its attribution.
    prev: Option<Previous>,
}

#[derive(Debug)]
struct Previous {
    block: usize,
    ends_sentence: bool,
    ends_with_colon: bool,
    attribution: Option<Attribution>,
}

impl Attributor {
    /// The attribution of the next sentence in article order.
    pub fn next_sentence(&mut self, s: &SentenceRef<'_>) -> Option<Attribution> {
        let i = self.seen;
        self.seen += 1;
        let found = find(s.text);
        let mut attr = found.as_ref().map(|f| to_attribution(s.text, s.start, f));
        if let (Some(f), Some(a)) = (&found, attr.as_mut())
            && f.pronoun
            && let Some((j, n)) = &self.named
            && i - j <= 3
        {
            a.claimant = n.claimant.clone();
            a.start = n.start;
            a.end = n.end;
        }
        if attr.is_none()
            && let Some(prev) = &self.prev
        {
            let continues_quote =
                s.text.starts_with(['“', '"']) && prev.block == s.block && prev.ends_sentence;
            if continues_quote || prev.ends_with_colon {
                attr = prev.attribution.clone();
            }
        }
        if let (Some(f), Some(a)) = (&found, &attr)
            && !f.pronoun
        {
            self.named = Some((i, a.clone()));
        }
        let end = s.text.trim_end();
        self.prev = Some(Previous {
            block: s.block,
            ends_sentence: end.ends_with(['.', '!', '?']),
            ends_with_colon: end.ends_with(':'),
            attribution: attr.clone(),
        });
        attr
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (sentence, claimant, cue)
    fn check(sentence: &str, claimant: &str, cue: &str) {
        let a = attribution_in(sentence, 10)
            .unwrap_or_else(|| panic!("no attribution found in {sentence:?}"));
        assert_eq!(
            (a.claimant.as_str(), a.cue.as_str()),
            (claimant, cue),
            "{sentence:?}"
        );
        let chars: Vec<char> = sentence.chars().collect();
        let span: String = chars[a.start - 10..a.end - 10].iter().collect();
        assert_eq!(span, claimant, "span of {sentence:?}");
    }

    #[test]
    fn news_phrasings() {
        check(
            "On Friday, Russian Foreign Minister Sergei Lavrov said that the withdrawal made the situation more uncertain.",
            "Russian Foreign Minister Sergei Lavrov",
            "said",
        );
        check(
            "Speaking at a conference with senior Central Asian officials in Tashkent, the capital of Uzbekistan, Lavrov said Russia wanted to help start peace talks.",
            "Lavrov",
            "said",
        );
        check(
            "Also, Putin suggested that the United States use military bases in Kyrgyzstan, according to sources who spoke to the newspaper “Kommersant”.",
            "sources who spoke to the newspaper “Kommersant”",
            "according to",
        );
        check(
            "President Vladimir Putin made it clear that he presented the proposal during the summit, the New York Times reported on Sunday.",
            "New York Times",
            "reported",
        );
        check(
            "President Vladimir Putin made it clear that he presented the proposal in Geneva.",
            "President Vladimir Putin",
            "made it clear",
        );
        check(
            "Last Wednesday, the Director of the Second Asian Department of the Russian Foreign Ministry, Zamir Kabulov, stressed that any attempt would be fraught with losses.",
            "Zamir Kabulov",
            "stressed",
        );
        check(
            "The Russian official explained that his country is closely monitoring the situation.",
            "Russian official",
            "explained",
        );
        check(
            "“We will not allow it,” said Foreign Minister Sergei Lavrov.",
            "Foreign Minister Sergei Lavrov",
            "said",
        );
        check(
            "Inflation rose to 9 percent in May, the Office for National Statistics said on Wednesday.",
            "Office for National Statistics",
            "said",
        );
        check(
            "Two senior officials told Reuters the talks had stalled.",
            "Two senior officials",
            "told",
        );
        check(
            "The death toll has risen to 42, according to the health ministry.",
            "health ministry",
            "according to",
        );
        check(
            "Biden has repeatedly said the troops will leave by September.",
            "Biden",
            "said",
        );
        check(
            "Police said three people were arrested after the match.",
            "Police",
            "said",
        );
        check(
            "Russia’s defence ministry said its forces had destroyed 12 drones.",
            "Russia’s defence ministry",
            "said",
        );
    }

    #[test]
    fn no_attribution_in_plain_statements() {
        for s in [
            "Russia also has a smaller base in Kyrgyzstan, about 500 miles from the Afghan border.",
            "The largest foreign base of Russia is located in Tajikistan.",
            "Also, there are several options.",
        ] {
            assert_eq!(attribution_in(s, 0), None, "{s:?}");
        }
    }

    #[test]
    fn pronouns_and_quotes_carry_over() {
        let texts = [
            "Kabulov said the Taliban would pay a high price.",
            "He added that Moscow was watching closely.",
            "“Any attempt will fail,” Lavrov said.",
            "“We are ready to help.”",
            "The weather was fine.",
        ];
        let mut start = 0;
        let refs: Vec<SentenceRef<'_>> = texts
            .iter()
            .map(|t| {
                let r = SentenceRef {
                    text: t,
                    start,
                    block: 0,
                };
                start += t.chars().count() + 1;
                r
            })
            .collect();
        let got = attribute(&refs);
        let a1 = got[1].as_ref().unwrap();
        assert_eq!(
            (a1.claimant.as_str(), a1.cue.as_str()),
            ("Kabulov", "added")
        );
        assert_eq!(a1.start, 0);
        assert_eq!(got[3].as_ref().unwrap().claimant, "Lavrov");
        assert!(got[4].is_none());
    }
}
