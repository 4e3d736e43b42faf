//! W3C Web Annotation JSON-LD: one `AnnotationCollection` with an annotation per claim.
//!
//! Each annotation targets the article with a `TextQuoteSelector` (exact, prefix,
//! suffix) and a `TextPositionSelector` (start, end in Unicode code points, end
//! exclusive, exactly as Claimdesk stores anchors). The body holds the verdict
//! (purpose `assessing`), the published wording (`describing`), the note (`commenting`)
//! and each source as a `SpecificResource` (purpose `linking`).

use super::{ExportError, ExportOptions};
use crate::model::{Claim, Session};
use serde_json::{Value, json};

/// The Web Annotation context, plus schema.org for source titles and stances.
fn context() -> Value {
    json!(["http://www.w3.org/ns/anno.jsonld", { "schema": "https://schema.org/" }])
}

/// The IRI annotations hang off: the review URL when set, else a URN naming the
/// article's text by its SHA-256, which stays valid wherever the file goes.
fn base_iri(session: &Session, options: &ExportOptions) -> String {
    match options.review_url.as_deref().map(str::trim) {
        Some(u) if !u.is_empty() => u.split('#').next().unwrap_or(u).to_owned(),
        _ => format!("urn:claimdesk:sha256:{}", session.article.origin.sha256),
    }
}

/// The article as an annotation target source.
fn article_iri(session: &Session, options: &ExportOptions) -> String {
    match options.article_url_of(session) {
        Some(u) => u.to_owned(),
        None => format!("urn:claimdesk:sha256:{}", session.article.origin.sha256),
    }
}

/// The AnnotationCollection for every claim in article order (unreviewed ones too; their
/// verdict body carries the "not yet reviewed" label's name).
pub fn to_web_annotation(session: &Session, options: &ExportOptions) -> Value {
    let base = base_iri(session, options);
    let items: Vec<Value> = session
        .claims
        .iter()
        .map(|c| annotation(session, c, options, &base))
        .collect();
    let mut collection = json!({
        "@context": context(),
        "id": format!("{base}#claims"),
        "type": "AnnotationCollection",
        "label": format!("Claims checked in \"{}\"", session.article.title),
        "total": items.len(),
    });
    if let Some(obj) = collection.as_object_mut() {
        if let Some(creator) = creator(options) {
            obj.insert("creator".into(), creator);
        }
        obj.insert(
            "first".into(),
            json!({ "id": format!("{base}#claims-page-1"), "type": "AnnotationPage", "startIndex": 0, "items": items }),
        );
    }
    collection
}

/// [`to_web_annotation`] as pretty-printed JSON text with a final newline, with
/// `<`, `>` and `&` written as `\u003c`, `\u003e`, `\u0026` so that it can be
/// embedded in a `<script>` element like any JSON-LD (see
/// [`super::escape::json_for_html`]).
pub fn web_annotation_json(
    session: &Session,
    options: &ExportOptions,
) -> Result<String, ExportError> {
    let text = serde_json::to_string_pretty(&to_web_annotation(session, options))?;
    let mut text = super::escape::json_for_html(&text);
    text.push('\n');
    Ok(text)
}

fn creator(options: &ExportOptions) -> Option<Value> {
    let p = &options.publisher;
    let name = p.organisation_name.trim();
    if name.is_empty() {
        return None;
    }
    let mut c = json!({ "type": "Organization", "name": name });
    let url = p.organisation_url.trim();
    if let (Some(obj), false) = (c.as_object_mut(), url.is_empty()) {
        obj.insert("homepage".into(), json!(url));
    }
    Some(c)
}

fn annotation(session: &Session, claim: &Claim, options: &ExportOptions, base: &str) -> Value {
    let mut body = vec![
        json!({ "type": "TextualBody", "purpose": "assessing", "value": session.scheme.name_of(&claim.status), "format": "text/plain" }),
        json!({ "type": "TextualBody", "purpose": "describing", "value": claim.text, "format": "text/plain" }),
    ];
    if !claim.claimant.trim().is_empty() {
        body.push(json!({ "type": "TextualBody", "purpose": "identifying", "value": claim.claimant.trim(), "format": "text/plain" }));
    }
    if !claim.note.trim().is_empty() {
        body.push(json!({ "type": "TextualBody", "purpose": "commenting", "value": claim.note, "format": "text/plain" }));
    }
    for source in &claim.sources {
        let mut s = json!({
            "type": "SpecificResource",
            "purpose": "linking",
            "source": source.url,
            "schema:name": source.title,
            "schema:description": source.stance.as_str(),
        });
        if let Some(obj) = s.as_object_mut() {
            if !source.quote.trim().is_empty() {
                obj.insert(
                    "selector".into(),
                    json!({ "type": "TextQuoteSelector", "exact": source.quote }),
                );
            }
            if !source.accessed.trim().is_empty() {
                obj.insert("schema:dateRead".into(), json!(source.accessed));
            }
        }
        body.push(s);
    }
    let a = &claim.anchor;
    let mut annotation = json!({
        "id": format!("{base}#claim-{}", claim.number),
        "type": "Annotation",
        "motivation": "assessing",
        "created": options.date,
        "body": body,
        "target": {
            "source": article_iri(session, options),
            "selector": [
                { "type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix, "suffix": a.suffix },
                { "type": "TextPositionSelector", "start": a.start, "end": a.end },
            ],
        },
    });
    if let (Some(obj), Some(creator)) = (annotation.as_object_mut(), creator(options)) {
        obj.insert("creator".into(), creator);
    }
    annotation
}
