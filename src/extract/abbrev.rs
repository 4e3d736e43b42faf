//! Word lists for sentence splitting: abbreviations and common sentence starters.

/// Abbreviations that are followed by more of the same sentence ("Mr. Smith",
/// "No. 5", "e.g. this"), compared case-sensitively for titles so that a sentence
/// ending in the word "no." is not mistaken for "No.".
const NEVER_FINAL: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Maj", "Capt",
    "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Rev", "Fr", "Hon", "Pres", "Supt", "Det", "Insp",
    "Amb", "Atty", "Sec", "St", "Mt", "Ft", "No", "Nos", "Nr", "Vol", "Fig", "Art", "Ch", "Ex",
    "pp", "vs", "v", "cf", "e.g", "i.e", "viz", "approx", "ca", "est", "al", "Messrs", "Mme",
    "Mlle", "Sra", "Gens",
];

/// Abbreviations that may end a sentence ("... Acme Co. The firm ...").
const MAYBE_FINAL: &[&str] = &[
    "Inc", "Co", "Corp", "Ltd", "Plc", "LLC", "Jr", "Sr", "Bros", "Dept", "Univ", "Ave", "Blvd",
    "Rd", "etc", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun", "min", "max", "km",
    "kg", "oz", "lb", "lbs", "ft", "mi", "yr", "yrs", "hr", "hrs",
];

/// Words that very often start a sentence; after an abbreviation that may also end
/// one, seeing one of these next is taken as a sentence break.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "As",
    "For",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Although",
    "However",
    "Meanwhile",
    "Still",
    "Then",
    "Now",
    "Also",
    "Some",
    "Many",
    "Most",
    "All",
    "No",
    "Officials",
    "Police",
    "According",
    "Last",
    "Earlier",
    "Later",
];

/// Whether `tok` (the word before a '.') is an abbreviation that never ends a sentence.
pub fn is_never_final_abbreviation(tok: &str) -> bool {
    NEVER_FINAL.contains(&tok)
}

/// Whether `tok` is an abbreviation that may or may not end a sentence.
pub fn is_maybe_final_abbreviation(tok: &str) -> bool {
    MAYBE_FINAL.contains(&tok)
}

/// Whether `word` is one of the usual sentence openers.
pub fn is_common_starter(word: &str) -> bool {
    STARTERS.contains(&word)
}
