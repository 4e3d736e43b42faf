//! The example in docs/session-format.md is a real session: it loads, and Claimdesk
//! writes it back byte for byte. If the format changes, this test says so.

#[test]
fn the_documented_example_loads_and_round_trips() {
    let doc = std::fs::read_to_string("docs/session-format.md").unwrap();
    let start = doc.find("```ron\n").unwrap() + "```ron\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let example = &doc[start..end];
    let loaded = claimdesk::store::from_ron(example).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let claim = &loaded.session.claims[0];
    assert_eq!(claim.status, "false");
    assert!(claim.anchor.matches(&loaded.session.article.text));
    assert_eq!(
        claimdesk::store::to_ron(&loaded.session),
        example,
        "the example is not in canonical form"
    );
}
