//! Publication dates as `YYYY-MM-DD`, without a date library: exports only need today's
//! date in UTC and a check that a date someone typed is real.

use std::time::{SystemTime, UNIX_EPOCH};

/// A date that is not a real `YYYY-MM-DD` day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-27")]
pub struct DateError(pub String);

/// Today's date in UTC as `YYYY-MM-DD`.
pub fn today_utc() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Checks that `text` is a real `YYYY-MM-DD` date and returns it trimmed.
pub fn parse_date(text: &str) -> Result<String, DateError> {
    let t = text.trim();
    let err = || DateError(text.to_owned());
    let bytes = t.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return Err(err());
    }
    let num = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
        let part = t.get(r).ok_or_else(err)?;
        if !part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        part.parse().map_err(|_| err())
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in_month = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(err()),
    };
    if d == 0 || d > days_in_month {
        return Err(err());
    }
    Ok(t.to_owned())
}

/// Year, month, day of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m as u32, d as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_days_to_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_784), (2026, 11, 27));
        assert!(parse_date(&today_utc()).is_ok());
    }

    #[test]
    fn checks_dates() {
        assert_eq!(parse_date(" 2024-02-29 ").unwrap(), "2024-02-29");
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-1-01",
            "26-11-27",
            "2026-11-2x",
            "tomorrow",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
