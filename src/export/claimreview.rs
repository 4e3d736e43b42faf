//! schema.org `ClaimReview` JSON-LD, as Google's fact-check structured data documents it.
//!
//! One ClaimReview per reviewed claim (claims still at the scheme's "not yet reviewed"
//! label are left out), as a JSON array. Empty values are left out rather than written
//! as `""`, so [`super::lint`] can tell a missing field from a present one.

use super::{ExportError, ExportOptions};
use crate::model::{Claim, Session};
use serde_json::{Map, Value, json};

/// The ClaimReview objects for every reviewed claim, in article order.
pub fn to_claimreview(session: &Session, options: &ExportOptions) -> Value {
    Value::Array(
        session
            .claims
            .iter()
            .filter(|c| session.scheme.is_reviewed(&c.status))
            .map(|c| Value::Object(review(session, c, options)))
            .collect(),
    )
}

/// [`to_claimreview`] as pretty-printed JSON text with a final newline, safe to
/// paste into a `<script type="application/ld+json">` element: `<`, `>` and `&`
/// are written as `\u003c`, `\u003e`, `\u0026` (see [`super::escape::json_for_html`]).
pub fn claimreview_json(session: &Session, options: &ExportOptions) -> Result<String, ExportError> {
    let text = serde_json::to_string_pretty(&to_claimreview(session, options))?;
    let mut text = super::escape::json_for_html(&text);
    text.push('\n');
    Ok(text)
}

fn review(session: &Session, claim: &Claim, options: &ExportOptions) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("@context".into(), json!("https://schema.org"));
    m.insert("@type".into(), json!("ClaimReview"));
    // The claim's own review page, else this export's address (`--url` plus
    // `#claim-N`), else the publisher's pattern (`https://desk.example/checks/{id}`).
    let url = match claim.review_url.trim() {
        "" => options
            .claim_url(claim.number)
            .or_else(|| options.publisher.review_url_for(claim.id.0, claim.number)),
        own => Some(own.to_owned()),
    };
    put(&mut m, "url", url);
    put(&mut m, "claimReviewed", Some(claim.text.trim()));
    let publisher = &options.publisher;
    let mut organisation = Map::new();
    organisation.insert("@type".into(), json!("Organization"));
    put(
        &mut organisation,
        "name",
        Some(publisher.organisation_name.trim()),
    );
    put(
        &mut organisation,
        "url",
        Some(publisher.organisation_url.trim()),
    );
    // The reviewer who set the verdict is the review's author, working for the
    // organisation that publishes it; without one, the organisation is the author.
    match claim.verdict_by.trim() {
        "" => {
            m.insert("author".into(), Value::Object(organisation));
        }
        reviewer => {
            m.insert(
                "author".into(),
                json!({ "@type": "Person", "name": reviewer }),
            );
            m.insert("publisher".into(), Value::Object(organisation));
        }
    }
    let date = match claim.verdict_date.trim() {
        "" => options.date.trim(),
        set => set,
    };
    put(&mut m, "datePublished", Some(date));
    m.insert("reviewRating".into(), Value::Object(rating(session, claim)));
    m.insert(
        "itemReviewed".into(),
        Value::Object(item_reviewed(session, claim, options)),
    );
    m
}

fn rating(session: &Session, claim: &Claim) -> Map<String, Value> {
    let mut r = Map::new();
    r.insert("@type".into(), json!("Rating"));
    let label = session.scheme.label(&claim.status);
    if let Some(n) = label.and_then(|l| l.rating) {
        r.insert("ratingValue".into(), json!(n.value));
        r.insert("bestRating".into(), json!(n.best));
        r.insert("worstRating".into(), json!(n.worst));
    }
    put(
        &mut r,
        "alternateName",
        Some(session.scheme.name_of(&claim.status).trim()),
    );
    r
}

fn item_reviewed(session: &Session, claim: &Claim, options: &ExportOptions) -> Map<String, Value> {
    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    let claimant = claim.claimant.trim();
    if !claimant.is_empty() {
        item.insert(
            "author".into(),
            json!({ "@type": claimant_type(claimant), "name": claimant }),
        );
    }
    let claim_date = match claim.claim_date.trim() {
        "" => options.claim_date.as_deref(),
        own => Some(own),
    };
    put(&mut item, "datePublished", claim_date);
    // Where the claim appeared: the article, described by its metadata (the
    // command line's --article-url and --claim-date override it).
    let meta = &session.article.meta;
    let mut appearance = Map::new();
    appearance.insert("@type".into(), json!("CreativeWork"));
    put(&mut appearance, "url", options.article_url_of(session));
    put(
        &mut appearance,
        "headline",
        Some(session.article.title.trim()),
    );
    let published = options
        .claim_date
        .as_deref()
        .or(Some(meta.published.as_str()).filter(|d| !d.trim().is_empty()))
        .or(claim_date);
    put(&mut appearance, "datePublished", published);
    if !meta.site.trim().is_empty() {
        appearance.insert(
            "publisher".into(),
            json!({ "@type": "Organization", "name": meta.site.trim() }),
        );
    }
    item.insert("appearance".into(), Value::Object(appearance));
    item
}

/// Words that mark a claimant as an organisation rather than a person.
const ORGANISATION_WORDS: &[&str] = &[
    "administration",
    "agency",
    "army",
    "association",
    "authority",
    "bank",
    "bureau",
    "campaign",
    "center",
    "centre",
    "channel",
    "commission",
    "committee",
    "company",
    "congress",
    "corporation",
    "council",
    "court",
    "department",
    "foundation",
    "government",
    "group",
    "inc",
    "institute",
    "kremlin",
    "ltd",
    "magazine",
    "ministry",
    "network",
    "news",
    "newspaper",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "press",
    "radio",
    "senate",
    "service",
    "television",
    "times",
    "tv",
    "union",
    "university",
];

/// `"Organization"` when the claimant's name contains a word such as "Ministry" or
/// "Party", else `"Person"`. A guess: Claimdesk does not record which a claimant is.
pub fn claimant_type(claimant: &str) -> &'static str {
    let is_org = claimant
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ORGANISATION_WORDS.contains(&w.to_lowercase().as_str()));
    if is_org { "Organization" } else { "Person" }
}

/// Inserts `key` when the value is present and not blank.
fn put(m: &mut Map<String, Value>, key: &str, value: Option<impl AsRef<str>>) {
    if let Some(v) = value {
        let v = v.as_ref().trim();
        if !v.is_empty() {
            m.insert(key.into(), Value::String(v.to_owned()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_agencies_and_media_are_organisations() {
        for org in [
            "Associated Press",
            "The New York Times",
            "Fox News Channel",
            "Sky News Group",
        ] {
            assert_eq!(claimant_type(org), "Organization", "{org}");
        }
        assert_eq!(claimant_type("Hillary Clinton"), "Person");
    }

    #[test]
    fn appearance_comes_from_the_article_details_unless_overridden() {
        let mut session = crate::sample::sample_session();
        session.article.origin.path = Some("/home/me/secret/article.html".into());
        session.article.meta.url = "https://news.example.com/a".into();
        session.article.meta.published = "2024-05-06".into();
        session.article.meta.site = "Example News".into();
        let mut options = ExportOptions::default();
        let reviews = to_claimreview(&session, &options);
        let appearance = &reviews[0]["itemReviewed"]["appearance"];
        assert_eq!(appearance["url"], "https://news.example.com/a");
        assert_eq!(appearance["datePublished"], "2024-05-06");
        assert_eq!(appearance["publisher"]["name"], "Example News");
        assert_eq!(appearance["headline"], session.article.title.as_str());
        options.article_url = Some("https://override.example.org/".into());
        options.claim_date = Some("2024-01-01".into());
        let reviews = to_claimreview(&session, &options);
        let appearance = &reviews[0]["itemReviewed"]["appearance"];
        assert_eq!(appearance["url"], "https://override.example.org/");
        assert_eq!(appearance["datePublished"], "2024-01-01");
        for text in [
            super::super::to_markdown(&session, &options),
            super::super::to_html(&session, &options),
        ] {
            assert!(
                !text.contains("/home/me"),
                "a local path leaked into a report"
            );
            assert!(text.contains("Example News"));
        }
    }

    #[test]
    fn reports_cite_the_pdf_page() {
        let mut session = crate::sample::sample_session();
        let start = session.claims[0].anchor.start;
        session.article.origin.pages = vec![(1, 0), (4, start)];
        let md = super::super::to_markdown(&session, &ExportOptions::default());
        assert!(md.contains("**Where:** p. 4 of the PDF"), "{md}");
        let html = super::super::to_html(&session, &ExportOptions::default());
        assert!(html.contains("p. 4 of the PDF"));
    }

    #[test]
    fn the_claims_own_reviewer_dates_and_url_come_first() {
        let mut session = crate::sample::sample_session();
        let options = ExportOptions {
            review_url: Some("https://desk.example/checks/kremlin".into()),
            claim_date: Some("2021-07-01".into()),
            ..ExportOptions::new(
                crate::prefs::PublisherProfile {
                    organisation_name: "Desk".into(),
                    organisation_url: "https://desk.example".into(),
                    reviewer_name: String::new(),
                    review_url_pattern: "https://desk.example/checks/{number}-{id}".into(),
                },
                "2026-12-01".into(),
            )
        };
        let reviews = to_claimreview(&session, &options);
        let first = &reviews[0];
        assert_eq!(first["author"]["@type"], "Person");
        assert_eq!(first["author"]["name"], "Ada Ngozi");
        assert_eq!(first["publisher"]["name"], "Desk");
        assert_eq!(first["datePublished"], "2026-11-21");
        assert_eq!(first["url"], "https://desk.example/checks/kremlin#claim-1");
        assert_eq!(first["itemReviewed"]["datePublished"], "2021-07-01");
        let claim = &mut session.claims[0];
        claim.review_url = "https://desk.example/checks/bases".into();
        claim.claim_date = "2021-07-17".into();
        claim.verdict_by.clear();
        claim.verdict_date.clear();
        let first = &to_claimreview(&session, &options)[0];
        assert_eq!(first["url"], "https://desk.example/checks/bases");
        assert_eq!(first["itemReviewed"]["datePublished"], "2021-07-17");
        assert_eq!(first["author"]["@type"], "Organization");
        assert_eq!(first["datePublished"], "2026-12-01");

        // Without --url, a claim without its own page takes the publisher's pattern.
        let pattern_only = ExportOptions {
            review_url: None,
            ..options.clone()
        };
        let reviews = to_claimreview(&session, &pattern_only);
        let second = &session.claims[1];
        assert_eq!(reviews[0]["url"], "https://desk.example/checks/bases");
        assert_eq!(
            reviews[1]["url"],
            format!(
                "https://desk.example/checks/{}-{}",
                second.number, second.id.0
            )
        );
    }

    #[test]
    fn guesses_claimant_type() {
        assert_eq!(claimant_type("Russian Foreign Ministry"), "Organization");
        assert_eq!(claimant_type("the Kremlin"), "Organization");
        assert_eq!(claimant_type("Sergei Lavrov"), "Person");
        assert_eq!(claimant_type("Partyka"), "Person");
    }

    /// Issue 15, item 7: a claim of `</script><script>…` ran in the page that
    /// embedded the ClaimReview export.
    #[test]
    fn json_ld_cannot_close_the_script_element_it_is_embedded_in() {
        let mut s = crate::sample::sample_session();
        let payload = "</script><script>document.title='x'</script> & <!--";
        for c in &mut s.claims {
            c.text = payload.into();
            c.claimant = payload.into();
            c.status = "false".into();
        }
        let options = ExportOptions::new(Default::default(), "2026-11-27".into());
        for text in [
            claimreview_json(&s, &options).unwrap(),
            super::super::web_annotation_json(&s, &options).unwrap(),
        ] {
            assert!(!text.contains(['<', '>', '&']), "{text}");
            assert!(text.contains("\\u003c/script\\u003e"));
            // The same data for a JSON reader.
            let value: Value = serde_json::from_str(&text).unwrap();
            assert!(value.to_string().contains(payload));
        }
    }
}
