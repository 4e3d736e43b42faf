//! Word lists for sentence splitting: abbreviations and the words that start (or
//! cannot end) a sentence.

/// Abbreviations always followed by more of the same sentence: titles before a name
/// ("Mr. Smith", "Gen. Miller") and Latin connectives ("e.g. this"). Compared
/// case-sensitively, so that a sentence ending in the word "no." is not taken for
/// "No.".
const NEVER_FINAL: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Maj", "Capt",
    "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Rev", "Fr", "Hon", "Pres", "Supt", "Det", "Insp",
    "Amb", "Atty", "Sec", "No", "Nos", "Nr", "Vol", "Fig", "Art", "Ch", "Ex", "pp", "vs", "v",
    "cf", "e.g", "i.e", "viz", "ca", "Messrs", "Mme", "Mlle", "Sra", "Gens",
];

/// Abbreviations that may end a sentence ("... Acme Co. The firm ..."): they end one
/// only before a word that usually starts a sentence.
const MAYBE_FINAL: &[&str] = &[
    "Inc", "Co", "Corp", "Ltd", "Plc", "LLC", "Jr", "Sr", "Bros", "Dept", "Univ", "Ave", "Blvd",
    "Rd", "St", "Mt", "Ft", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun", "min", "max",
    "km", "kg", "oz", "lb", "lbs", "ft", "mi", "yr", "yrs", "hr", "hrs", "al", "est", "approx",
];

/// Abbreviations of references followed by a number: "pp. 12", "No. 7", "sec. 4",
/// "c. 1900". Compared in lower case; before a number they never end a sentence.
const BEFORE_NUMBER: &[&str] = &[
    "p", "pp", "pg", "pgs", "page", "no", "nos", "nr", "sec", "secs", "sect", "ss", "art", "arts",
    "ch", "chap", "chs", "fig", "figs", "vol", "vols", "para", "paras", "par", "pt", "pts", "eq",
    "eqs", "tab", "col", "cols", "ed", "eds", "approx", "ca", "c", "circa", "cf", "n", "nn", "ex",
    "app", "ref", "refs", "ver", "v", "vs", "op", "cl", "r", "reg", "regs", "s", "l", "ll", "fn",
    "bk", "ps", "est", "tel", "ext", "rm", "apt", "ste", "hwy", "rte", "mk",
];

/// Words that very often start a sentence and are not part of a name: pronouns,
/// determiners, conjunctions, prepositions, sentence adverbs and auxiliaries. After
/// an abbreviation, an initialism or an initial that may also end a sentence ("the
/// U.K.", "World War I"), seeing one of these next is taken as a sentence break;
/// a name ("U.S. Senate", "John F. Kennedy") is not.
const STARTERS: &[&str] = &[
    // Pronouns and determiners.
    "I",
    "You",
    "He",
    "She",
    "It",
    "We",
    "They",
    "His",
    "Her",
    "Its",
    "Our",
    "Their",
    "My",
    "Your",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "The",
    "A",
    "An",
    "Some",
    "Many",
    "Most",
    "All",
    "Any",
    "Each",
    "Every",
    "Both",
    "Few",
    "Several",
    "Such",
    "Another",
    "No",
    "None",
    "Neither",
    "Either",
    "Much",
    "Nobody",
    "Everyone",
    "Everybody",
    "Someone",
    "Somebody",
    "Anyone",
    "Nothing",
    "Everything",
    "Something",
    "Who",
    "What",
    "Which",
    "Where",
    "When",
    "Why",
    "How",
    // Conjunctions.
    "And",
    "But",
    "Or",
    "Nor",
    "So",
    "Yet",
    "Because",
    "Although",
    "Though",
    "While",
    "Whereas",
    "If",
    "Unless",
    "Until",
    "Since",
    "As",
    "Once",
    "After",
    "Before",
    "Whether",
    // Prepositions.
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "To",
    "With",
    "Without",
    "Within",
    "Of",
    "Over",
    "Under",
    "Into",
    "About",
    "Above",
    "Below",
    "Across",
    "Against",
    "Along",
    "Among",
    "Around",
    "Behind",
    "Between",
    "Beyond",
    "Despite",
    "During",
    "Through",
    "Throughout",
    "Unlike",
    "Amid",
    // Sentence adverbs.
    "Then",
    "Now",
    "Also",
    "Still",
    "However",
    "Meanwhile",
    "Moreover",
    "Furthermore",
    "Nevertheless",
    "Nonetheless",
    "Therefore",
    "Thus",
    "Hence",
    "Instead",
    "Indeed",
    "Otherwise",
    "Later",
    "Earlier",
    "Soon",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Tonight",
    "Recently",
    "Currently",
    "Finally",
    "Even",
    "Only",
    "Just",
    "Already",
    "Often",
    "Sometimes",
    "Never",
    "Always",
    "Perhaps",
    "Maybe",
    "Yes",
    "Not",
    "Again",
    "Overall",
    "Similarly",
    "Additionally",
    "Consequently",
    "Ultimately",
    "Eventually",
    "Initially",
    "Previously",
    // Auxiliaries that open questions.
    "Is",
    "Are",
    "Was",
    "Were",
    "Do",
    "Does",
    "Did",
    "Has",
    "Have",
    "Had",
    "Can",
    "Could",
    "Would",
    "Should",
    // Common news openers.
    "According",
    "Officials",
    "Police",
    "Last",
];

/// Words after which a sentence cannot end ("the", "of", "and"): an ellipsis after
/// one of them marks words left out inside a sentence.
const NEVER_LAST: &[&str] = &[
    "the", "a", "an", "of", "to", "and", "or", "but", "in", "on", "at", "for", "with", "by",
    "from", "that", "which", "who", "whose", "is", "are", "was", "were", "be", "been", "his",
    "her", "their", "its", "our", "my", "your", "this", "these", "those", "as", "than", "into",
    "about", "like", "if", "because", "when", "while",
];

/// Whether `tok` (the word before a '.') is an abbreviation that never ends a sentence.
pub fn is_never_final_abbreviation(tok: &str) -> bool {
    NEVER_FINAL.contains(&tok)
}

/// Whether `tok` is an abbreviation that may or may not end a sentence.
pub fn is_maybe_final_abbreviation(tok: &str) -> bool {
    MAYBE_FINAL.contains(&tok)
}

/// Whether `tok` abbreviates a reference that is followed by a number ("pp", "No").
pub fn is_reference_abbreviation(tok: &str) -> bool {
    tok.len() <= 6 && BEFORE_NUMBER.iter().any(|a| a.eq_ignore_ascii_case(tok))
}

/// Whether `word` is one of the usual sentence openers.
pub fn is_common_starter(word: &str) -> bool {
    STARTERS.contains(&word)
}

/// Whether a sentence cannot end with `word` (compared in lower case).
pub fn cannot_end_sentence(word: &str) -> bool {
    word.len() <= 8 && NEVER_LAST.iter().any(|w| w.eq_ignore_ascii_case(word))
}
