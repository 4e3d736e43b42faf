//! Published fact-checks as CSV: one row per review, with a header row naming at least
//! a claim column and a rating column (`claim, rating, url, date, publisher`; a few
//! common other names are understood, case and spacing ignored).

use crate::archive::record::{ArchivedClaim, ArchivedSource, ArticleFacts, Origin, Verdict};
use crate::archive::sources::claimreview::iso_day;
use crate::model::Stance;
use std::path::Path;

/// Why a review CSV file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CsvReviewError {
    /// The header row lacks a column the archive needs.
    #[error(
        "its first row has no \"{0}\" column; review CSV files need the columns claim, rating, url, date, publisher"
    )]
    MissingColumn(&'static str),
    /// Not readable as CSV.
    #[error("it is not readable as CSV ({0})")]
    Csv(#[from] ::csv::Error),
}

/// Other names the columns go by, lower case, without spaces, `_` or `-`.
const CLAIM: &[&str] = &["claim", "claimreviewed", "text", "statement"];
const RATING: &[&str] = &[
    "rating",
    "verdict",
    "textualrating",
    "alternatename",
    "status",
];
const URL: &[&str] = &["url", "reviewurl", "link"];
const DATE: &[&str] = &["date", "datepublished", "reviewdate"];
const PUBLISHER: &[&str] = &[
    "publisher",
    "author",
    "organisation",
    "organization",
    "site",
];
const CLAIMANT: &[&str] = &["claimant", "speaker"];
const TITLE: &[&str] = &["title", "headline"];

/// The reviews in a CSV file read from `file`, and how many rows had no claim text.
pub fn parse_review_csv(
    text: &str,
    file: &Path,
) -> Result<(Vec<ArchivedClaim>, usize), CsvReviewError> {
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .trim(::csv::Trim::All)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = reader
        .headers()?
        .iter()
        .map(|h| {
            h.chars()
                .filter(|c| !matches!(c, ' ' | '_' | '-'))
                .collect::<String>()
                .to_lowercase()
        })
        .collect();
    let column = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
    let claim_col = column(CLAIM).ok_or(CsvReviewError::MissingColumn("claim"))?;
    let rating_col = column(RATING).ok_or(CsvReviewError::MissingColumn("rating"))?;
    let (url_col, date_col, publisher_col) = (column(URL), column(DATE), column(PUBLISHER));
    let (claimant_col, title_col) = (column(CLAIMANT), column(TITLE));
    let mut claims = Vec::new();
    let mut skipped = 0;
    for row in reader.records() {
        let row = row?;
        let get = |col: Option<usize>| -> String {
            col.and_then(|c| row.get(c)).unwrap_or("").trim().to_owned()
        };
        let text = get(Some(claim_col));
        if text.is_empty() {
            skipped += 1;
            continue;
        }
        let rating = get(Some(rating_col));
        let url = get(url_col);
        let publisher = Some(get(publisher_col)).filter(|p| !p.is_empty());
        let headline = Some(get(title_col)).filter(|t| !t.is_empty());
        let sources = if url.is_empty() {
            Vec::new()
        } else {
            vec![ArchivedSource {
                url: url.clone(),
                title: publisher
                    .clone()
                    .or_else(|| headline.clone())
                    .unwrap_or_default(),
                quote: String::new(),
                stance: Stance::Context,
                accessed: String::new(),
            }]
        };
        claims.push(ArchivedClaim {
            text,
            verdict: Verdict {
                label_id: None,
                reviewed: !rating.is_empty(),
                name: rating,
                rating: None,
            },
            claimant: get(claimant_col),
            note: String::new(),
            sources,
            article: ArticleFacts::default(),
            headline,
            publisher,
            date: iso_day(Some(get(date_col))),
            origin: Origin::Review {
                file: file.to_path_buf(),
                url,
            },
        });
    }
    Ok((claims, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_by_their_headers() {
        let text = "\u{feff}Claim,Rating,URL,Date,Publisher,Extra\n\
                    \"Vaccines contain microchips, says post\",False,https://c.example/1,2025-11-02,Example Checks,x\n\
                    ,True,https://c.example/2,,,\n\
                    Bread prices doubled,Mostly true,,not a date\n";
        let (claims, skipped) = parse_review_csv(text, Path::new("r.csv")).unwrap();
        assert_eq!(skipped, 1);
        assert_eq!(claims.len(), 2);
        assert_eq!(claims[0].text, "Vaccines contain microchips, says post");
        assert_eq!(claims[0].verdict.name, "False");
        assert_eq!(claims[0].date.as_deref(), Some("2025-11-02"));
        assert_eq!(claims[0].publisher.as_deref(), Some("Example Checks"));
        assert_eq!(claims[0].origin.review_url(), Some("https://c.example/1"));
        assert_eq!(claims[1].date, None);
        assert!(claims[1].sources.is_empty());
    }

    #[test]
    fn a_file_without_the_needed_columns_is_explained() {
        let err = parse_review_csv("a,b\n1,2\n", Path::new("r.csv")).unwrap_err();
        assert!(err.to_string().contains("\"claim\""), "{err}");
        let err = parse_review_csv("claim,b\n1,2\n", Path::new("r.csv")).unwrap_err();
        assert!(err.to_string().contains("\"rating\""), "{err}");
    }
}
