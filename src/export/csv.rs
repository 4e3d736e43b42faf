//! One CSV row per claim, for spreadsheets and newsroom scripts.
//!
//! Columns: `id, status, claim, quote, start, end, claimant, sources, note`. `id` is the
//! claim's number as people know it ("Claim #7"), not its internal id. `status` is
//! the verdict's display name; `start`/`end` are character offsets (end exclusive);
//! `sources` lists the source URLs joined by [`SOURCE_SEPARATOR`].

use super::ExportError;
use crate::model::Session;

/// What joins several source URLs in the `sources` column: space, vertical bar, space.
/// URLs cannot contain a raw space, so splitting on it is unambiguous.
pub const SOURCE_SEPARATOR: &str = " | ";

/// The column headers, in order.
pub const HEADERS: [&str; 9] = [
    "id", "status", "claim", "quote", "start", "end", "claimant", "sources", "note",
];

/// Every claim in article order as CSV (RFC 4180 quoting, `\n` line ends, a header row).
pub fn to_csv(session: &Session) -> Result<String, ExportError> {
    let csv_err = |e: ::csv::Error| ExportError::Csv(e.to_string());
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer.write_record(HEADERS).map_err(csv_err)?;
    for c in &session.claims {
        let sources: Vec<&str> = c.sources.iter().map(|s| s.url.trim()).collect();
        writer
            .write_record([
                c.number.to_string().as_str(),
                session.scheme.name_of(&c.status),
                c.text.as_str(),
                c.anchor.exact.as_str(),
                c.anchor.start.to_string().as_str(),
                c.anchor.end.to_string().as_str(),
                c.claimant.as_str(),
                sources.join(SOURCE_SEPARATOR).as_str(),
                c.note.as_str(),
            ])
            .map_err(csv_err)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::Csv(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Csv(e.to_string()))
}
