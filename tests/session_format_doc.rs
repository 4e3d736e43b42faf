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

#[test]
fn a_file_without_the_article_details_still_loads() {
    // Files written before article metadata existed have no `meta` and an origin
    // with only `path` and `sha256`.
    let doc = std::fs::read_to_string("docs/session-format.md").unwrap();
    let start = doc.find("```ron\n").unwrap() + "```ron\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let mut old = String::new();
    let mut skipping = false;
    for line in doc[start..end].lines() {
        let t = line.trim_start();
        if t.starts_with("meta: (") {
            skipping = true;
        }
        let origin_field = [
            "kind:",
            "original_sha256:",
            "fetched_url:",
            "original_copy:",
            "pages:",
        ]
        .iter()
        .any(|f| t.starts_with(f));
        if !skipping && !origin_field {
            old.push_str(line);
            old.push('\n');
        }
        if skipping && t == ")," {
            skipping = false;
        }
    }
    assert!(!old.contains("byline"), "{old}");
    let loaded = claimdesk::store::from_ron(&old).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let article = &loaded.session.article;
    assert!(article.meta.is_empty());
    assert_eq!(article.origin.kind, claimdesk::model::ArticleKind::Text);
    assert_eq!(article.origin.original_sha256, None);
    assert!(article.origin.pages.is_empty());
}
