//! Publication dates from metadata strings (JSON-LD, meta tags, feeds, JSONL) to `YYYY-MM-DD`.
//!
//! Only absolute dates are handled here; relative dates in article text are resolved elsewhere.

use chrono::{DateTime, NaiveDate};

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Normalises a publication date string to ISO `YYYY-MM-DD`, or `None` when it is not a
/// recognisable absolute date. Accepts ISO 8601 / RFC 3339 (the date part as written, i.e. the
/// publisher's local date), `YYYY/MM/DD`, `YYYYMMDD`, RFC 2822 (feeds), "March 5, 2024" and
/// "5 March 2024".
pub fn normalise_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Some(d) = iso_prefix(s) {
        return Some(d.format("%Y-%m-%d").to_string());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive().format("%Y-%m-%d").to_string());
    }
    words_date(s).map(|d| d.format("%Y-%m-%d").to_string())
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` or `YYYYMMDD` at the start, followed by nothing,
/// a time part or a space.
fn iso_prefix(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (y, m, d, end) = if b.len() >= 10 && matches!(b[4], b'-' | b'/' | b'.') && b[7] == b[4] {
        (digits(0..4)?, digits(5..7)?, digits(8..10)?, 10)
    } else if b.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit) {
        (digits(0..4)?, digits(4..6)?, digits(6..8)?, 8)
    } else {
        return None;
    };
    if let Some(&c) = b.get(end) {
        if c.is_ascii_digit() {
            return None;
        }
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// "March 5, 2024", "Mar. 5 2024", "5 March 2024", optionally after a weekday.
fn words_date(s: &str) -> Option<NaiveDate> {
    let tokens: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|t| !t.is_empty())
        .map(|t| t.to_ascii_lowercase())
        .collect();
    let month_of = |t: &str| -> Option<u32> {
        if t.len() < 3 {
            return None;
        }
        MONTHS
            .iter()
            .position(|m| t.starts_with(m))
            .map(|p| p as u32 + 1)
    };
    let day_of = |t: &str| -> Option<u32> {
        let t = t.trim_end_matches(|c: char| c.is_ascii_alphabetic()); // 5th, 1st
        t.parse().ok().filter(|d| (1..=31).contains(d))
    };
    let year_of = |t: &str| -> Option<i32> {
        (t.len() == 4)
            .then(|| t.parse().ok())?
            .filter(|y| (1900..=2200).contains(y))
    };
    for w in tokens.windows(3) {
        if let (Some(m), Some(d), Some(y)) = (month_of(&w[0]), day_of(&w[1]), year_of(&w[2])) {
            return NaiveDate::from_ymd_opt(y, m, d);
        }
        if let (Some(d), Some(m), Some(y)) = (day_of(&w[0]), month_of(&w[1]), year_of(&w[2])) {
            return NaiveDate::from_ymd_opt(y, m, d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::normalise_date as n;

    #[test]
    fn formats() {
        assert_eq!(
            n("2024-03-05T23:10:00-05:00").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(n("2024-03-05").as_deref(), Some("2024-03-05"));
        assert_eq!(n("2024/03/05 10:00").as_deref(), Some("2024-03-05"));
        assert_eq!(n("20240305").as_deref(), Some("2024-03-05"));
        assert_eq!(
            n("Tue, 05 Mar 2024 08:00:00 +0000").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(n("March 5, 2024").as_deref(), Some("2024-03-05"));
        assert_eq!(n("Tuesday 5th March 2024").as_deref(), Some("2024-03-05"));
        assert_eq!(n("2024-02-30"), None);
        assert_eq!(n("yesterday"), None);
        assert_eq!(n("202403051"), None);
    }
}
