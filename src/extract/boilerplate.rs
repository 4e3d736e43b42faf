//! Text around an article that is not part of its story: editor's notes and
//! corrections, reporting and editing credits, links and promotions ("Related:",
//! "Read more", "Click here"), and ALL-CAPS headings. Rules over the words at the
//! start of a line or sentence; none of these is ever suggested.

/// Leading characters that decorate such lines: brackets, dashes, bullets, arrows.
const DECORATION: &[char] = &[
    '(', '[', '{', '—', '–', '-', '*', '•', '·', '>', '|', '►', '▶', '➤', '→', '»', ' ', '\u{a0}',
    '_', '~',
];

/// The start of `t` in lower case, without decoration, at most 200 bytes of it.
fn head(t: &str) -> String {
    let t = t.trim_start_matches(DECORATION);
    let end = t
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= 200)
        .unwrap_or(t.len());
    t[..end].to_lowercase().replace('’', "'")
}

/// The number of words of `t`, counted up to 1,000 (the rules are about short lines).
fn words(t: &str) -> usize {
    t.split_whitespace().take(1000).count()
}

/// Editor's notes, corrections and notes that the story was updated: "EDITOR'S NOTE:
/// This story has been amended…", "Correction: An earlier version of this article…".
pub fn is_editors_note(t: &str) -> bool {
    let l = head(t);
    const STARTS: &[&str] = &[
        "editor's note",
        "editors' note",
        "editors note",
        "editor's notes",
        "note to readers",
        "a note to readers",
        "note from the editor",
        "correction:",
        "corrections:",
        "correction appended",
        "clarification:",
        "clarifications:",
        "an earlier version of this",
        "an earlier version of the",
        "a previous version of this",
        "a previous version of the",
        "an earlier headline",
        "this is a developing story",
        "this story is developing",
        "this is a breaking news",
        "this breaking news story",
    ];
    if STARTS.iter().any(|s| l.starts_with(s)) {
        return true;
    }
    // "This story has been updated", "This article was originally published in…",
    // "Update: this story has been corrected".
    let l = l
        .strip_prefix("update:")
        .or_else(|| l.strip_prefix("updated:"))
        .map_or(l.as_str(), str::trim_start);
    let mut w = l.split(|c: char| c.is_whitespace() || c == ',');
    let (Some(det), Some(noun)) = (w.next(), w.next()) else {
        return false;
    };
    if det != "this" {
        return false;
    }
    if !matches!(
        noun,
        "story" | "article" | "post" | "report" | "piece" | "column" | "page" | "item"
    ) {
        return false;
    }
    let rest: Vec<&str> = w.filter(|s| !s.is_empty()).take(3).collect();
    let verb = match rest.as_slice() {
        ["has" | "had" | "have", "been", v, ..] | ["was" | "is" | "will", v, ..] => *v,
        // "This article originally appeared on ...", "This story first ran in ...".
        [v @ ("originally" | "first"), ..] => *v,
        _ => return false,
    };
    let verb = if verb == "be" {
        rest.get(2).copied().unwrap_or("")
    } else {
        verb
    };
    matches!(
        verb.trim_end_matches(['.', ',', ':']),
        "updated"
            | "corrected"
            | "amended"
            | "changed"
            | "edited"
            | "revised"
            | "modified"
            | "originally"
            | "first"
            | "republished"
            | "reprinted"
            | "adapted"
            | "excerpted"
            | "developing"
            | "appended"
    )
}

/// Words that lead a credit line.
const CREDIT_LEADS: &[&str] = &[
    "additional reporting",
    "reporting and writing by",
    "reporting by",
    "reporting from",
    "reported by",
    "writing by",
    "written by",
    "editing by",
    "edited by",
    "compiled by",
    "with reporting by",
    "with additional reporting",
    "research by",
    "researched by",
    "translated by",
    "translation by",
    "graphics by",
    "graphic by",
    "illustrations by",
    "fact-checking by",
    "fact-checked by",
    "produced by",
    "contributing:",
    "contributors:",
    "contributing reporters",
    "contributing writers",
    "reporting was contributed",
    "interviews by",
    "data by",
];

/// Reporting and editing credits and contact lines: "(Additional reporting by Jane
/// Doe in Moscow; Editing by John Smith)", "Reporting by A; Writing by B", "The
/// Associated Press contributed to this report.", "Contact the author at …".
pub fn is_credit(t: &str) -> bool {
    is_credit_line(t) || is_contribution_note(t)
}

/// A line led by credit words ("Reporting by", "Editing by", "Additional reporting"):
/// true for a whole paragraph that starts so.
pub fn is_credit_line(t: &str) -> bool {
    let l = head(t);
    if l.starts_with("additional reporting") || l.starts_with("reporting was contributed") {
        return true;
    }
    let bracketed = t.trim_start().starts_with(['(', '[']);
    if let Some(lead) = CREDIT_LEADS.iter().find(|lead| l.starts_with(**lead)) {
        let rest = &l[lead.len()..];
        let several = CREDIT_LEADS.iter().any(|other| {
            rest.contains(&format!(" {other}")) || rest.contains(&format!(";{other}"))
        });
        let original_rest = t
            .trim_start_matches(DECORATION)
            .get(lead.len()..)
            .unwrap_or("");
        if bracketed || l.contains(';') || several || is_name_list(original_rest) {
            return true;
        }
    }
    false
}

/// "… contributed to this report.", "Contact the author at …": a sentence.
fn is_contribution_note(t: &str) -> bool {
    let l = head(t);
    let short = words(t) <= 40;
    let contributed = [
        "contributed to this report",
        "contributed to this story",
        "contributed to this article",
        "contributed reporting",
        "contributed additional reporting",
        "contributed research",
        "contributed to this coverage",
    ]
    .iter()
    .any(|p| l.contains(p));
    let contact = [
        "contact the author",
        "contact the reporter",
        "email the author",
        "reach the author",
        "write to ",
        "you can reach ",
    ]
    .iter()
    .any(|p| l.starts_with(p))
        || l.contains("can be reached at")
        || l.contains("can be contacted at");
    short && (contributed || contact)
}

/// Whether `rest` (after "Reporting by") is only names: capitalised words joined by
/// "and", "in", commas, as in "Jane Doe and Ali Khan in Kabul".
fn is_name_list(rest: &str) -> bool {
    const JOINERS: &[&str] = &[
        "and",
        "in",
        "from",
        "at",
        "of",
        "the",
        "with",
        "for",
        "de",
        "da",
        "del",
        "van",
        "von",
        "der",
        "al",
        "el",
        "bin",
        "la",
        "le",
        "&",
        "staff",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "editor",
        "editors",
    ];
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&'))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 30
        && words
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || JOINERS.contains(&w.to_lowercase().as_str())
        })
}

/// Links, promotions and other page furniture: "Related: …", "Read more", "Click here
/// to …", "Sign up for our newsletter", "Advertisement", copyright lines.
pub fn is_boilerplate(t: &str) -> bool {
    starts_with_boilerplate(t) || {
        let l = head(t);
        let short = words(t) <= 30;
        let anywhere = [
            "click here",
            "click the link",
            "tap here",
            "all rights reserved",
            "may not be published, broadcast, rewritten",
            "sign up for our",
            "subscribe to our",
            "follow us on",
            "for more information, visit",
            "read more about",
            "read the full story",
            "read the full article",
            "download the app",
        ]
        .iter()
        .any(|p| l.contains(p));
        short && anywhere
    }
}

/// A line led by link or promotion words ("Related:", "Read more", "Sign up for"):
/// true for a whole paragraph that starts so (a short one; a long paragraph that
/// happens to start so is judged sentence by sentence).
pub fn starts_as_boilerplate(t: &str) -> bool {
    words(t) <= 40 && starts_with_boilerplate(t)
}

fn starts_with_boilerplate(t: &str) -> bool {
    let l = head(t);
    const STARTS: &[&str] = &[
        "related:",
        "related coverage",
        "related articles",
        "related stories",
        "related content",
        "related links",
        "related reading",
        "related video",
        "related news",
        "related topics",
        "read more",
        "read also",
        "also read",
        "read next",
        "read the full",
        "read the original",
        "see also",
        "see more",
        "more:",
        "more from ",
        "more on this",
        "more stories",
        "more coverage",
        "more news",
        "click here",
        "click to ",
        "tap here",
        "sign up for",
        "sign up to",
        "sign up now",
        "sign up here",
        "subscribe to",
        "subscribe now",
        "subscribe for",
        "subscribe:",
        "subscribe here",
        "follow us",
        "follow @",
        "like us on",
        "share this",
        "share on ",
        "share:",
        "advertisement",
        "story continues",
        "continue reading",
        "article continues",
        "watch:",
        "watch now",
        "watch video",
        "watch the video",
        "watch live",
        "listen:",
        "listen now",
        "listen to this",
        "recommended:",
        "recommended for you",
        "top stories",
        "most read",
        "most popular",
        "don't miss",
        "do not miss",
        "trending:",
        "trending now",
        "get the latest",
        "download the app",
        "download our app",
        "join the conversation",
        "you may also like",
        "you might also like",
        "we want to hear",
        "have a news tip",
        "got a tip",
        "got a news tip",
        "skip to",
        "back to top",
        "print this",
        "email this",
        "view comments",
        "leave a comment",
        "comments (",
        "newsletter:",
        "copyright ©",
        "copyright notice",
        "copyright (c)",
        "copyright 19",
        "copyright 20",
        "©",
        "(c) 19",
        "(c) 20",
        "all rights reserved",
        "this material may not be",
        "photo gallery",
        "view gallery",
        "open image",
        "enlarge this image",
        "toggle caption",
        "hide caption",
        "show caption",
        "image source",
        "image copyright",
        "media playback",
    ];
    if STARTS.iter().any(|s| l.starts_with(s)) {
        return true;
    }
    // "Keep up with the CityLab Daily newsletter.", "Get our newsletter".
    if l.contains("newsletter")
        && [
            "keep up",
            "get ",
            "sign ",
            "subscribe",
            "join ",
            "receive ",
            "stay ",
        ]
        .iter()
        .any(|v| l.starts_with(v))
    {
        return true;
    }
    if l.starts_with("follow ")
        && [
            "twitter",
            "facebook",
            "instagram",
            "on x",
            "linkedin",
            "bluesky",
            "@",
        ]
        .iter()
        .any(|n| l.contains(n))
    {
        return true;
    }
    false
}

/// A picture credit with no sentence around it: a few words naming an agency or a
/// stock account ("evgenyb/iStock/Getty Images", "(AP Photo/Evan Vucci)"), or a line
/// led by "Credit" or "Photos by" and a name ("Credit Ashraf Shazly/AFP"). A
/// caption that ends with its credit is a caption.
pub fn is_picture_credit(t: &str) -> bool {
    if t.len() > 200 || words(t) > 14 || t.trim_end().ends_with(['.', '!', '?', '"', '”']) {
        return false;
    }
    let l = head(t);
    let agency = names_agency(&l) && words(t) <= 6;
    let lead = [
        "credit ",
        "photos by ",
        "photographs by ",
        "images by ",
        "photo illustration",
    ]
    .iter()
    .any(|p| l.starts_with(p));
    let named = t
        .trim_start_matches(DECORATION)
        .split_whitespace()
        .nth(if l.starts_with("credit ") { 1 } else { 2 })
        .is_some_and(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    agency || (lead && (named || names_agency(&l)))
}

/// Whether lower-case `l` names a picture agency or stock library.
fn names_agency(l: &str) -> bool {
    [
        "getty images",
        "istock",
        "shutterstock",
        "ap photo",
        "afp photo",
        "reuters/",
        "/reuters",
        "epa-efe",
        "alamy",
        "unsplash",
        "pexels",
        "via getty",
        "agence france-presse",
    ]
    .iter()
    .any(|a| l.contains(a))
}

/// A heading written in capitals ("THE BIG PICTURE", "WHAT HAPPENED NEXT:"): short,
/// with at least four letters, nine in ten of them capitals.
pub fn is_caps_heading(t: &str) -> bool {
    if t.len() > 200 || words(t) > 20 {
        return false;
    }
    let (upper, cased) = t.chars().fold((0usize, 0usize), |(u, c), ch| {
        (
            u + usize::from(ch.is_uppercase()),
            c + usize::from(ch.is_uppercase() || ch.is_lowercase()),
        )
    });
    cased >= 4 && upper * 10 >= cased * 9
}

/// Byte length of a capitals label that opens a paragraph ("WHAT'S NEXT: The Senate
/// will vote…"), through the colon and the spaces after it.
pub fn caps_label_len(t: &str) -> Option<usize> {
    let colon = t.get(..t.len().min(48))?.find(':')?;
    let label = &t[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let fits = label.chars().all(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, ' ' | '\'' | '’' | '-' | '&' | '/')
    });
    if letters < 4 || !fits || label.split_whitespace().count() > 6 {
        return None;
    }
    let rest = &t[colon + 1..];
    let spaces = rest.len() - rest.trim_start().len();
    let next = rest.trim_start().chars().next()?;
    (spaces > 0 && !next.is_lowercase()).then_some(colon + 1 + spaces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editors_notes() {
        for t in [
            "EDITOR'S NOTE: This story has been amended to remove a quote.",
            "Editor’s note: The headline was changed.",
            "Correction: An earlier version of this article misstated the date.",
            "An earlier version of this story said 40 people died; 14 did.",
            "This story has been updated with comment from the ministry.",
            "This article was originally published on The Conversation.",
            "Update: This story has been corrected.",
            "(This story has been corrected to fix the spelling of a name.)",
            "This article originally appeared on The Atlantic.",
            "This article was reprinted on Wired.com.",
        ] {
            assert!(is_editors_note(t), "{t:?}");
        }
        for t in [
            "This story is about a town that lost its library.",
            "The report has been criticised by economists.",
            "The report was first published in 2019 and found 40 cases.",
            "Correctional officers went on strike.",
        ] {
            assert!(!is_editors_note(t), "{t:?}");
        }
    }

    #[test]
    fn credits() {
        for t in [
            "(Additional reporting by Jane Doe in Moscow; Editing by John Smith)",
            "Additional reporting by Ali Khan.",
            "Reporting by Jane Doe; Writing by Ali Khan; Editing by Mark Heinrich",
            "Reporting by Jane Doe and Ali Khan in Kabul",
            "[Editing by Mark Potter]",
            "The Associated Press contributed to this report.",
            "Staff writer Maria Lopez contributed reporting from Lima.",
            "Contact the author at jane@example.org.",
            "Jane Doe can be reached at jane@example.org.",
        ] {
            assert!(is_credit(t), "{t:?}");
        }
        for t in [
            "Reporting by the Guardian showed that the ministry paid $3 million.",
            "Edited by hand, the photo misled millions of viewers.",
            "Written by a former minister, the memo warned of a 40% rise.",
        ] {
            assert!(!is_credit(t), "{t:?}");
        }
    }

    #[test]
    fn links_and_promotions() {
        for t in [
            "Related: Rich are paying more in taxes but not as much as they used to",
            "Read more about ad blocking here.",
            "READ MORE:",
            "Click here to read the full report.",
            "To see the full list, click here.",
            "► Sign up for our daily newsletter",
            "Follow Jane Doe on Twitter @janedoe.",
            "Advertisement",
            "Copyright 2016 The Associated Press. All rights reserved.",
            "See also: How the vote was counted",
            "Keep up with the CityLab Daily newsletter.",
            "Copyright Notice Copyright (c) 2014 IETF Trust.",
        ] {
            assert!(is_boilerplate(t), "{t:?}");
        }
        for t in [
            "More than 40 people were killed, officials said.",
            "Millions of people sign up for Medicaid every year.",
            "Related cases rose 12 percent in 2020.",
            "The mayor said she would follow the law.",
            "The newsletter reached 40,000 readers in 2019.",
            "Watch how much the text changes from a one-letter change.",
        ] {
            assert!(!is_boilerplate(t), "{t:?}");
        }
    }

    #[test]
    fn picture_credits() {
        for t in [
            "evgenyb/iStock/Getty Images",
            "Credit Ashraf Shazly/Agence France-Presse — Getty Images",
            "Photos by cmgirl (Shutterstock), Macrovector (Shutterstock), J E Theriot",
            "(AP Photo/Evan Vucci)",
        ] {
            assert!(is_picture_credit(t), "{t:?}");
        }
        for t in [
            "Credit card debt rose 5 percent in 2020",
            "Getty Images said it had licensed 40,000 photos in 2020.",
            "Photos by amateurs spread on social media within minutes",
        ] {
            assert!(!is_picture_credit(t), "{t:?}");
        }
    }

    #[test]
    fn caps_headings_and_labels() {
        assert!(is_caps_heading("THE BIG PICTURE"));
        assert!(is_caps_heading("WHAT HAPPENED NEXT:"));
        assert!(is_caps_heading("WHY IT MATTERS."));
        assert!(!is_caps_heading("NATO said 40 jets were lost."));
        assert!(!is_caps_heading("UN"));
        assert_eq!(caps_label_len("WHAT'S NEXT: The Senate votes."), Some(13));
        assert_eq!(caps_label_len("WHY IT MATTERS: 40% of voters"), Some(16));
        assert_eq!(caps_label_len("NATO: The alliance"), Some(6));
        assert_eq!(caps_label_len("Note: the rest"), None);
        assert_eq!(caps_label_len("U.S.: the rest"), None);
        assert_eq!(caps_label_len("WARNING: the rest"), None);
    }
}
