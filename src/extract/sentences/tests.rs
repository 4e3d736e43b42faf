//! The splitter's rules, one table per kind of case.

use crate::extract::segment::split_sentences;
use crate::model::text::char_slice;

fn sentences(text: &str) -> Vec<String> {
    split_sentences(text)
        .into_iter()
        .map(|r| char_slice(text, r.start, r.end).to_owned())
        .collect()
}

fn check(cases: &[(&str, &[&str])]) {
    for (text, expected) in cases {
        assert_eq!(&sentences(text), expected, "splitting {text:?}");
    }
}

#[test]
fn common_cases() {
    check(&[
        ("One. Two.", &["One.", "Two."]),
        (
            "Mr. Smith met Dr. Jones. They talked.",
            &["Mr. Smith met Dr. Jones.", "They talked."],
        ),
        (
            "On Jan. 5 the vote was held. It passed.",
            &["On Jan. 5 the vote was held.", "It passed."],
        ),
        (
            "Acme Co. said profits rose. Acme Inc. was sold.",
            &["Acme Co. said profits rose.", "Acme Inc. was sold."],
        ),
        (
            "Inflation hit 3.5 percent in 2021. It fell.",
            &["Inflation hit 3.5 percent in 2021.", "It fell."],
        ),
        (
            "It costs $100.00 now. Before it was $99.5 million.",
            &["It costs $100.00 now.", "Before it was $99.5 million."],
        ),
        (
            "They met at 5 a.m. Police arrived later.",
            &["They met at 5 a.m.", "Police arrived later."],
        ),
        (
            "It began at 5 a.m. EST and ended at 9 p.m. on Sunday.",
            &["It began at 5 a.m. EST and ended at 9 p.m. on Sunday."],
        ),
        (
            "He said, \"Stop.\" Then he left.",
            &["He said, \"Stop.\"", "Then he left."],
        ),
        (
            "“We will win!” he said. “Never!” She replied.",
            &["“We will win!” he said.", "“Never!”", "She replied."],
        ),
        (
            "The plan (announced Monday.) was dropped. (See the note.) Next.",
            &[
                "The plan (announced Monday.) was dropped.",
                "(See the note.)",
                "Next.",
            ],
        ),
        (
            "Read https://example.com/a.b?c=1 now. Mail me at jo.doe@mail.example.org. Thanks.",
            &[
                "Read https://example.com/a.b?c=1 now.",
                "Mail me at jo.doe@mail.example.org.",
                "Thanks.",
            ],
        ),
        ("Really?! Yes!! Good.", &["Really?!", "Yes!!", "Good."]),
        (
            "e.g. this and i.e. that. Done.",
            &["e.g. this and i.e. that.", "Done."],
        ),
        (
            "Headline here\nPhoto: AP\n\nBody text.",
            &["Headline here", "Photo: AP", "Body text."],
        ),
        (
            "A line that was hard\nwrapped in the middle. Next one.",
            &["A line that was hard\nwrapped in the middle.", "Next one."],
        ),
        ("", &[]),
        ("  \n ", &[]),
        ("No final stop", &["No final stop"]),
    ]);
}

#[test]
fn any_script() {
    check(&[
        (
            "Déjà vu. Ça va. 🎉 Yes.",
            &["Déjà vu.", "Ça va.", "🎉 Yes."],
        ),
        (
            "我们今天去了北京。他说很好！你呢？",
            &["我们今天去了北京。", "他说很好！", "你呢？"],
        ),
        (
            "Er sagte: „Nein.“ Sie ging. Το σχέδιο απέτυχε. Ο υπουργός παραιτήθηκε.",
            &[
                "Er sagte: „Nein.“",
                "Sie ging.",
                "Το σχέδιο απέτυχε.",
                "Ο υπουργός παραιτήθηκε.",
            ],
        ),
        (
            "قال الوزير إن الأسعار ارتفعت. وأضاف أن ٣٠ شخصا قتلوا.",
            &["قال الوزير إن الأسعار ارتفعت.", "وأضاف أن ٣٠ شخصا قتلوا."],
        ),
        (
            "The minister said 40% of ministers met 3 times. 👨‍👩‍👧 ٣٤ people came.",
            &[
                "The minister said 40% of ministers met 3 times.",
                "👨‍👩‍👧 ٣٤ people came.",
            ],
        ),
        (
            "प्रधानमंत्री ने कहा कि योजना सफल रही। विपक्ष ने इसका विरोध किया।",
            &[
                "प्रधानमंत्री ने कहा कि योजना सफल रही।",
                "विपक्ष ने इसका विरोध किया।",
            ],
        ),
    ]);
}

#[test]
fn inline_enumerations() {
    check(&[
        (
            "The report makes three recommendations. 1. Congress should fund the program. 2. The agency should publish its data. 3. States should report every case.",
            &[
                "The report makes three recommendations.",
                "Congress should fund the program.",
                "The agency should publish its data.",
                "States should report every case.",
            ],
        ),
        (
            "Key findings: 1) Unemployment rose to 7 percent 2) Wages fell 3) Prices climbed.",
            &[
                "Key findings:",
                "Unemployment rose to 7 percent",
                "Wages fell",
                "Prices climbed.",
            ],
        ),
        (
            "Two changes matter. 1.) The tax rose. 2.) The rebate ended.",
            &["Two changes matter.", "The tax rose.", "The rebate ended."],
        ),
        (
            "The bill does two things: a. It raises the limit. b. It ends the rebate.",
            &[
                "The bill does two things:",
                "It raises the limit.",
                "It ends the rebate.",
            ],
        ),
        (
            "There are two options. (a) Raise taxes by 2%. (b) Cut spending.",
            &[
                "There are two options.",
                "Raise taxes by 2%.",
                "Cut spending.",
            ],
        ),
        (
            "Highlights: • 40% of voters backed the plan. • 12 states passed it.",
            &[
                "Highlights:",
                "40% of voters backed the plan.",
                "12 states passed it.",
            ],
        ),
        (
            "• 1. Congress should act. • 2. The agency agreed.",
            &["Congress should act.", "The agency agreed."],
        ),
        (
            "Items:\n1. Taxes rose 5%.\n2. Jobs fell.\n- A bullet point\n• Another one\n3.) Prices rose.",
            &[
                "Items:",
                "Taxes rose 5%.",
                "Jobs fell.",
                "A bullet point",
                "Another one",
                "Prices rose.",
            ],
        ),
    ]);
}

#[test]
fn lists_inside_a_sentence_and_numbers_are_not_items() {
    check(&[
        (
            "The law requires (1) a permit and (2) a fee.",
            &["The law requires (1) a permit and (2) a fee."],
        ),
        (
            "The options are a) raise taxes, b) cut spending.",
            &["The options are a) raise taxes, b) cut spending."],
        ),
        (
            "He finished 1. Then he rested.",
            &["He finished 1.", "Then he rested."],
        ),
        (
            "It was 1990. 5 people came. 1. That was all.",
            &["It was 1990.", "5 people came.", "1.", "That was all."],
        ),
        (
            "Plan A. B. Smith disagreed.",
            &["Plan A. B. Smith disagreed."],
        ),
    ]);
}

#[test]
fn initialisms_and_abbreviations_before_a_capital() {
    check(&[
        (
            "She moved to the U.K. Then she studied law.",
            &["She moved to the U.K.", "Then she studied law."],
        ),
        (
            "He lives in the U.S. His brother does not.",
            &["He lives in the U.S.", "His brother does not."],
        ),
        (
            "The U.S. Senate voted. The U.K. Parliament did not.",
            &["The U.S. Senate voted.", "The U.K. Parliament did not."],
        ),
        (
            "Talks with the U.N. Security Council failed in Washington, D.C. Despite that, they met.",
            &[
                "Talks with the U.N. Security Council failed in Washington, D.C.",
                "Despite that, they met.",
            ],
        ),
        (
            "The U.S. Army left. The U.S. is big. He moved to the U.S. The move was hard.",
            &[
                "The U.S. Army left.",
                "The U.S. is big.",
                "He moved to the U.S.",
                "The move was hard.",
            ],
        ),
        (
            "They sold apples, pears, etc. Prices then fell.",
            &["They sold apples, pears, etc.", "Prices then fell."],
        ),
        (
            "The firm is Acme Inc. Its shares fell. Smith et al. Despite this, the study was small.",
            &[
                "The firm is Acme Inc.",
                "Its shares fell.",
                "Smith et al.",
                "Despite this, the study was small.",
            ],
        ),
        (
            "Smith et al. (2010) found it. He lives on Main St. The house is old. St. Louis is big.",
            &[
                "Smith et al. (2010) found it.",
                "He lives on Main St.",
                "The house is old.",
                "St. Louis is big.",
            ],
        ),
    ]);
}

#[test]
fn the_pronoun_i_and_initials() {
    check(&[
        (
            "Nobody was more surprised than I. Then the votes came in.",
            &[
                "Nobody was more surprised than I.",
                "Then the votes came in.",
            ],
        ),
        (
            "John F. Kennedy was elected in 1960. He won.",
            &["John F. Kennedy was elected in 1960.", "He won."],
        ),
        (
            "J. K. Rowling and George W. Bush met. Fine.",
            &["J. K. Rowling and George W. Bush met.", "Fine."],
        ),
        (
            "It was called the Great War before World War I. The name changed later.",
            &[
                "It was called the Great War before World War I.",
                "The name changed later.",
            ],
        ),
        (
            "A. I. Smith and I. M. Pei met. I. Then left.",
            &["A. I. Smith and I. M. Pei met.", "I.", "Then left."],
        ),
        (
            "Vitamin D. It matters. Plan B. The backup.",
            &["Vitamin D.", "It matters.", "Plan B.", "The backup."],
        ),
    ]);
}

#[test]
fn references_before_a_number() {
    check(&[
        (
            "See pp. 12-14 of the report. It is clear.",
            &["See pp. 12-14 of the report.", "It is clear."],
        ),
        (
            "He wore No. 7 for years. Then he retired. It ranked No. 1 in 1990. Then",
            &[
                "He wore No. 7 for years.",
                "Then he retired.",
                "It ranked No. 1 in 1990.",
                "Then",
            ],
        ),
        (
            "Under sec. 4 of the act, fees rise. The rule is new.",
            &["Under sec. 4 of the act, fees rise.", "The rule is new."],
        ),
        (
            "The figure is in fig. 3 and vol. 2 of the series, on p. 5.",
            &["The figure is in fig. 3 and vol. 2 of the series, on p. 5."],
        ),
        (
            "It was built c. 1900 by settlers. Art. 5 applies. Sec. 12 does not.",
            &[
                "It was built c. 1900 by settlers.",
                "Art. 5 applies.",
                "Sec. 12 does not.",
            ],
        ),
    ]);
}

#[test]
fn ellipses() {
    check(&[
        (
            "He paused . . . and then went on. Nothing else happened.",
            &[
                "He paused . . . and then went on.",
                "Nothing else happened.",
            ],
        ),
        (
            "I wonder . . . Then she left.",
            &["I wonder . . .", "Then she left."],
        ),
        (
            "Wait... what happened? Nothing... Then it rained.",
            &["Wait... what happened?", "Nothing...", "Then it rained."],
        ),
        (
            "He spoke to the ... President about it. The sum was . . . 40 percent, he said.",
            &[
                "He spoke to the ... President about it.",
                "The sum was . . . 40 percent, he said.",
            ],
        ),
        (
            "It was over. . . . The next day was calm. It went on …. The end came.",
            &[
                "It was over. . . .",
                "The next day was calm.",
                "It went on ….",
                "The end came.",
            ],
        ),
        (
            "The plan … was dropped. They left…",
            &["The plan … was dropped.", "They left…"],
        ),
    ]);
}

#[test]
fn citations_after_a_closing_quote() {
    check(&[
        (
            "He wrote that “the economy is strong.” (p. 12) Critics disagreed.",
            &[
                "He wrote that “the economy is strong.” (p. 12)",
                "Critics disagreed.",
            ],
        ),
        (
            "She called it “a disaster.” (Smith 2010, p. 4). Others did not.",
            &[
                "She called it “a disaster.” (Smith 2010, p. 4).",
                "Others did not.",
            ],
        ),
        (
            "The memo said, \"We will win.\" (Emphasis added.) It was wrong.",
            &[
                "The memo said, \"We will win.\" (Emphasis added.)",
                "It was wrong.",
            ],
        ),
        (
            "They said “no.” (See p. 7.)",
            &["They said “no.” (See p. 7.)"],
        ),
        (
            "He said, “We won.” (The vote was 52 to 48.) Then he left.",
            &[
                "He said, “We won.”",
                "(The vote was 52 to 48.)",
                "Then he left.",
            ],
        ),
    ]);
}
