//! What a page says about its article: title, byline, publication date, site name,
//! canonical address and language.
//!
//! Sources in order of trust: JSON-LD (`NewsArticle` and the other schema.org
//! article types), then Open Graph (`og:`, `article:`), then other `<meta>` tags
//! and `<link rel=canonical>`, then the page itself (`<html lang>`, `<title>`).
//! The extractor (dom_smoothie, following Readability) reads title, byline, site
//! and date in that same order and also finds a byline in the article's markup;
//! its answers are merged in by [`merge_extractor`].

use crate::model::ArticleMeta;
use dom_query::Document;
use serde_json::Value;

/// What the page's head says, before the article is extracted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The title from JSON-LD, Open Graph or `<meta>`; empty when none.
    pub title: String,
    /// Everything else.
    pub meta: ArticleMeta,
}

/// Schema.org types whose JSON-LD describes the article itself.
const ARTICLE_TYPES: [&str; 10] = [
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "LiveBlogPosting",
];

/// Reads the page's metadata. `html` is the page's source (for a browser's
/// "saved from" comment); `url` the address it was fetched from, if any.
pub fn read(doc: &Document, html: &str, url: Option<&str>) -> PageMeta {
    let ld = json_ld(doc);
    let meta = |keys: &[&str]| meta_content(doc, keys);
    let ld_str = |key: &str| ld.as_ref().and_then(|v| text_of(v.get(key)?));
    let title = first([
        ld_str("headline"),
        ld_str("name"),
        meta(&["og:title"]),
        meta(&["twitter:title", "dc.title", "dcterms.title", "title"]),
    ]);
    let byline = first([
        ld.as_ref().and_then(|v| people(v.get("author")?)),
        meta(&["article:author"]).filter(|a| !a.starts_with("http")),
        meta(&[
            "author",
            "dc.creator",
            "dcterms.creator",
            "byl",
            "parsely-author",
            "sailthru.author",
        ]),
    ]);
    let published = first([
        ld_str("datePublished"),
        meta(&["article:published_time", "og:published_time"]),
        meta(&[
            "date",
            "dc.date",
            "dcterms.date",
            "dc.date.issued",
            "publish-date",
            "pubdate",
            "parsely-pub-date",
            "sailthru.date",
            "citation_publication_date",
        ]),
        time_element(doc),
    ]);
    let site = first([
        ld.as_ref()
            .and_then(|v| text_of(v.get("publisher")?.get("name")?)),
        meta(&["og:site_name"]),
        meta(&["application-name", "twitter:site"]),
    ]);
    let canonical = first([
        ld_str("url").filter(|u| is_web_url(u)),
        meta(&["og:url"]).filter(|u| is_web_url(u)),
        link_canonical(doc),
        saved_from_url(html),
        url.map(str::to_owned),
    ]);
    let language = first([
        attr(doc, "html", "lang"),
        attr(doc, "html", "xml:lang"),
        meta_http_equiv(doc, "content-language"),
        meta(&["og:locale"]).map(|l| l.replace('_', "-")),
        ld_str("inLanguage"),
    ]);
    PageMeta {
        title: title.unwrap_or_default(),
        meta: ArticleMeta {
            byline: byline.unwrap_or_default(),
            published: published.map(|d| normalise_date(&d)).unwrap_or_default(),
            site: site.unwrap_or_default(),
            url: canonical.unwrap_or_default(),
            language: language.map(|l| clean_language(&l)).unwrap_or_default(),
            retrieved: String::new(),
        },
    }
}

/// Takes the extractor's title and byline, which follow Readability's choice
/// between JSON-LD, meta tags, the markup ("By Jane Doe") and `<title>`, and fills
/// what the page's head left empty with what else the extractor found.
pub fn merge_extractor(page: &mut PageMeta, found: &dom_smoothie::Article) {
    let clean = |s: &str| super::blocks::one_line(s);
    let found_title = clean(&found.title);
    if !found_title.is_empty() {
        page.title = found_title;
    }
    let m = &mut page.meta;
    let fill = |field: &mut String, value: Option<&String>| {
        if field.is_empty()
            && let Some(v) = value.map(|v| clean(v)).filter(|v| !v.is_empty())
        {
            *field = v;
        }
    };
    // The extractor's byline follows Readability's order (JSON-LD author, then
    // Dublin Core and author meta tags, then a byline in the markup), which the
    // development set shows is right more often than the first author meta tag.
    if let Some(b) = found
        .byline
        .as_deref()
        .map(clean_byline)
        .filter(|b| !b.is_empty())
    {
        m.byline = b;
    }
    m.byline = clean_byline(&m.byline);
    fill(&mut m.site, found.site_name.as_ref());
    if m.published.is_empty()
        && let Some(d) = found.published_time.as_deref()
    {
        m.published = normalise_date(d);
    }
    if m.language.is_empty()
        && let Some(l) = found.lang.as_deref()
    {
        m.language = clean_language(l);
    }
}

/// A byline without its "By " and trailing separators: "By Jane Doe |" → "Jane Doe".
pub fn clean_byline(byline: &str) -> String {
    let b = super::blocks::one_line(byline);
    let lower = b.to_lowercase();
    let rest = if lower.starts_with("by ") {
        &b[3..]
    } else {
        b.as_str()
    };
    rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | ',' | '-' | '–' | '—'))
        .to_owned()
}

/// The first JSON-LD object of an article type, looked for in every
/// `<script type="application/ld+json">`, in arrays and in `@graph`.
fn json_ld(doc: &Document) -> Option<Value> {
    for script in doc.select("script[type='application/ld+json']").nodes() {
        let text = script.text();
        let text = text.trim();
        let text = text
            .strip_prefix("<![CDATA[")
            .and_then(|t| t.strip_suffix("]]>"))
            .unwrap_or(text);
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            continue;
        };
        if let Some(found) = find_article(&value, 0) {
            return Some(found.clone());
        }
    }
    None
}

fn find_article(value: &Value, depth: usize) -> Option<&Value> {
    if depth > 4 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(map) => {
            let is_article = match map.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if is_article {
                return Some(value);
            }
            map.get("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

/// A JSON-LD text value (a string, or the first of a list of strings).
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(super::blocks::one_line(s)).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(text_of),
        _ => None,
    }
}

/// Author names from JSON-LD `author`: a string, a `Person`, or a list of them,
/// joined with commas.
fn people(value: &Value) -> Option<String> {
    let names: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(person).collect(),
        other => person(other).into_iter().collect(),
    };
    let names: Vec<String> = names
        .into_iter()
        .filter(|n| !n.starts_with("http"))
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

fn person(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => text_of(&Value::String(s.clone())),
        Value::Object(map) => map.get("name").and_then(text_of),
        _ => None,
    }
}

/// The `content` of the first `<meta>` whose `property` or `name` is one of `keys`
/// (in the order of `keys`).
fn meta_content(doc: &Document, keys: &[&str]) -> Option<String> {
    let metas = doc.select("meta[content]");
    let nodes = metas.nodes();
    for key in keys {
        for node in nodes {
            let matches = ["property", "name", "itemprop"].iter().any(|a| {
                node.attr(a)
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case(key))
            });
            if matches && let Some(c) = node.attr("content") {
                let c = super::blocks::one_line(&c);
                if !c.is_empty() {
                    return Some(c);
                }
            }
        }
    }
    None
}

fn meta_http_equiv(doc: &Document, key: &str) -> Option<String> {
    doc.select("meta[http-equiv][content]")
        .nodes()
        .iter()
        .find(|n| {
            n.attr("http-equiv")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case(key))
        })
        .and_then(|n| n.attr("content"))
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
}

fn attr(doc: &Document, selector: &str, name: &str) -> Option<String> {
    doc.select(selector)
        .nodes()
        .first()
        .and_then(|n| n.attr(name))
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

fn link_canonical(doc: &Document) -> Option<String> {
    doc.select("link[rel][href]")
        .nodes()
        .iter()
        .find(|n| {
            n.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|n| n.attr("href"))
        .map(|h| h.trim().to_owned())
        .filter(|h| is_web_url(h))
}

/// The `datetime` of the first `<time>` marked as the publication date.
fn time_element(doc: &Document) -> Option<String> {
    doc.select("time[datetime]")
        .nodes()
        .iter()
        .find(|n| {
            n.attr("itemprop")
                .is_some_and(|p| p.contains("datePublished"))
                || n.attr("pubdate").is_some()
        })
        .and_then(|n| n.attr("datetime"))
        .map(|d| d.trim().to_owned())
}

/// The address in a browser's "saved from" comment (Chrome and Edge write
/// `<!-- saved from url=(0042)https://… -->`; SingleFile writes `url: https://…`).
pub fn saved_from_url(html: &str) -> Option<String> {
    let head = html.get(..html.len().min(4096)).unwrap_or(html);
    let start = if let Some(at) = head.find("saved from url=(") {
        let rest = &head[at + "saved from url=(".len()..];
        at + "saved from url=(".len() + rest.find(')')? + 1
    } else if head.contains("Page saved with SingleFile") {
        head.find(" url: ")? + " url: ".len()
    } else {
        return None;
    };
    let url: String = head[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>')
        .collect();
    let url = url.trim_end_matches("--").to_owned();
    is_web_url(&url).then_some(url)
}

fn is_web_url(u: &str) -> bool {
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn first<const N: usize>(candidates: [Option<String>; N]) -> Option<String> {
    candidates
        .into_iter()
        .flatten()
        .map(|c| c.trim().to_owned())
        .find(|c| !c.is_empty())
}

/// A language tag as written in BCP 47 style: `en`, `pt-BR`.
fn clean_language(tag: &str) -> String {
    let tag = tag.split([',', ';']).next().unwrap_or("").trim();
    let mut parts = tag.split(['-', '_']);
    let Some(lang) = parts.next().filter(|l| !l.is_empty()) else {
        return String::new();
    };
    let mut out = lang.to_ascii_lowercase();
    for p in parts {
        out.push('-');
        if p.len() == 2 {
            out.push_str(&p.to_ascii_uppercase());
        } else {
            out.push_str(p);
        }
    }
    out
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `YYYY-MM-DD` when the date can be read (ISO 8601, "March 4, 2024",
/// "4 March 2024"), else the text as written (at most 64 characters).
pub fn normalise_date(raw: &str) -> String {
    let raw = raw.trim();
    let b = raw.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
    {
        return raw[..10].to_owned();
    }
    let words: Vec<String> = raw
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month_of = |w: &str| {
        MONTHS
            .iter()
            .position(|m| w.len() >= 3 && w.starts_with(m))
            .map(|i| i + 1)
    };
    let number = |w: &str| {
        w.trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u32>()
            .ok()
    };
    for i in 0..words.len().saturating_sub(2) {
        let (a, b2, c) = (&words[i], &words[i + 1], &words[i + 2]);
        let (day, month, year) = if let Some(m) = month_of(a) {
            (number(b2), Some(m), number(c))
        } else if let Some(m) = month_of(b2) {
            (number(a), Some(m), number(c))
        } else {
            continue;
        };
        if let (Some(d), Some(m), Some(y)) = (day, month, year)
            && (1..=31).contains(&d)
            && (1000..=9999).contains(&y)
        {
            return format!("{y:04}-{m:02}-{d:02}");
        }
    }
    raw.chars().take(64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_wins_over_open_graph_and_meta() {
        let html = r#"<html lang="pt_br"><head>
<meta property="og:title" content="OG title">
<meta name="author" content="Meta Author">
<meta property="og:url" content="https://example.org/og">
<meta property="article:published_time" content="2020-01-02T10:00:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Site"},
 {"@type":["NewsArticle"],"headline":"LD  headline","datePublished":"2021-03-04T05:06:07+01:00",
  "author":[{"@type":"Person","name":"Ana Silva"},{"@type":"Person","name":"Rui Costa"}],
  "publisher":{"@type":"Organization","name":"Diário"},"url":"https://example.org/ld"}]}
</script></head><body></body></html>"#;
        let doc = Document::from(html);
        let m = read(&doc, html, None);
        assert_eq!(m.title, "LD headline");
        assert_eq!(m.meta.byline, "Ana Silva, Rui Costa");
        assert_eq!(m.meta.published, "2021-03-04");
        assert_eq!(m.meta.site, "Diário");
        assert_eq!(m.meta.url, "https://example.org/ld");
        assert_eq!(m.meta.language, "pt-BR");
    }

    #[test]
    fn open_graph_then_meta_then_the_page() {
        let html = r#"<!-- saved from url=(0031)https://example.org/saved.html -->
<html><head><meta name="author" content="Meta Author">
<meta http-equiv="Content-Language" content="de">
<meta name="twitter:title" content="Twitter title">
<link rel="canonical" href="https://example.org/canonical">
</head><body><time itemprop="datePublished" datetime="2019-12-31">New Year's Eve</time></body></html>"#;
        let doc = Document::from(html);
        let m = read(&doc, html, Some("https://example.org/fetched"));
        assert_eq!(m.title, "Twitter title");
        assert_eq!(m.meta.byline, "Meta Author");
        assert_eq!(m.meta.url, "https://example.org/canonical");
        assert_eq!(m.meta.language, "de");
        assert_eq!(m.meta.published, "2019-12-31");
        assert_eq!(
            saved_from_url(html).as_deref(),
            Some("https://example.org/saved.html")
        );
        let bare = "<html><body>x</body></html>";
        let m = read(
            &Document::from(bare),
            bare,
            Some("https://example.org/fetched"),
        );
        assert_eq!(m.meta.url, "https://example.org/fetched");
    }

    #[test]
    fn dates_are_normalised_when_readable() {
        assert_eq!(normalise_date("2024-03-05T10:00:00Z"), "2024-03-05");
        assert_eq!(normalise_date("March 5, 2024"), "2024-03-05");
        assert_eq!(normalise_date("Tue 5th Mar. 2024 10:00"), "2024-03-05");
        assert_eq!(normalise_date("5 September 2001"), "2001-09-05");
        assert_eq!(normalise_date("yesterday"), "yesterday");
    }
}
