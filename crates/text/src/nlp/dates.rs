//! Dates in news text (codebook section 5). Explicit dates ("5 March 2024", "March 5") and
//! relative ones ("on Saturday", "yesterday", "last week") resolved against the publication
//! date, never the clock. A weekday is the most recent such day on or before publication;
//! "last week" is the previous Monday-Sunday week.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use sitrep_core::{DateBasis, DatePrecision, EventDate, Span};

use super::tokens::Token;

pub fn month_number(w: &str) -> Option<u32> {
    Some(match w.trim_end_matches('.') {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

pub(crate) fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// A date expression found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub date: EventDate,
    /// Token range `[start, end)`.
    pub start: usize,
    pub end: usize,
}

/// Parse an ISO date or a leading `YYYY-MM-DD` of a timestamp.
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

fn day_num(t: Option<&Token>) -> Option<u32> {
    let w = t?
        .lower
        .trim_end_matches(|c: char| c.is_alphabetic() && !c.is_ascii_digit());
    // "5th", "21st": strip ordinal suffix.
    let digits: String = t?
        .lower
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let rest = &t?.lower[digits.len()..];
    if digits.is_empty()
        || !(rest.is_empty() || matches!(rest, "st" | "nd" | "rd" | "th"))
        || w.is_empty()
    {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_num(t: Option<&Token>) -> Option<i32> {
    let t = t?;
    if t.text.len() == 4 && t.text.chars().all(|c| c.is_ascii_digit()) {
        let y: i32 = t.text.parse().ok()?;
        return (1900..=2100).contains(&y).then_some(y);
    }
    None
}

fn day_date(d: NaiveDate, basis: DateBasis, text: String, span: Span) -> EventDate {
    let s = d.format("%Y-%m-%d").to_string();
    EventDate {
        start: Some(s.clone()),
        end: Some(s),
        precision: DatePrecision::Day,
        basis,
        text: Some(text),
        span: Some(span),
    }
}

fn range_date(
    a: NaiveDate,
    b: NaiveDate,
    precision: DatePrecision,
    basis: DateBasis,
    text: String,
    span: Span,
) -> EventDate {
    EventDate {
        start: Some(a.format("%Y-%m-%d").to_string()),
        end: Some(b.format("%Y-%m-%d").to_string()),
        precision,
        basis,
        text: Some(text),
        span: Some(span),
    }
}

fn month_range(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let a = NaiveDate::from_ymd_opt(y, m, 1)?;
    let b = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)?
    };
    Some((a, b - Duration::days(1)))
}

/// Year for a day-month without a year: the latest such date not after publication
/// (plus one day of slack for time zones).
fn infer_year(m: u32, d: u32, published: NaiveDate) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(published.year(), m, d)?;
    if this <= published + Duration::days(1) {
        Some(this)
    } else {
        NaiveDate::from_ymd_opt(published.year() - 1, m, d)
    }
}

/// Find date expressions in a sentence's tokens.
pub fn find_dates(
    toks: &[Token],
    text_of: impl Fn(usize, usize) -> String,
    published: Option<NaiveDate>,
) -> Vec<DateMention> {
    let mut out = Vec::new();
    let l = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    let span = |a: usize, b: usize| Span::new(toks[a].span.start, toks[b - 1].span.end);
    let mut i = 0;
    while i < toks.len() {
        let w = l(i);
        let mut found: Option<(EventDate, usize)> = None;
        // ISO 2024-03-05 (tokenised as 2024 - 03 - 05).
        if let (Some(y), "-", "-") = (year_num(toks.get(i)), l(i + 1), l(i + 3)) {
            if let (Ok(m), Ok(d)) = (l(i + 2).parse::<u32>(), l(i + 4).parse::<u32>()) {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                    found = Some((
                        day_date(date, DateBasis::Explicit, text_of(i, i + 5), span(i, i + 5)),
                        i + 5,
                    ));
                }
            }
        }
        // "March 5, 2024" / "March 5" / "March 2024".
        if found.is_none() {
            if let Some(m) = month_number(w) {
                let is_name = toks[i].is_capitalized();
                if let (true, Some(d)) = (is_name, day_num(toks.get(i + 1))) {
                    let mut j = i + 2;
                    if l(j) == "," {
                        j += 1;
                    }
                    if let Some(y) = year_num(toks.get(j)) {
                        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                            found = Some((
                                day_date(
                                    date,
                                    DateBasis::Explicit,
                                    text_of(i, j + 1),
                                    span(i, j + 1),
                                ),
                                j + 1,
                            ));
                        }
                    } else if let Some(date) = published.and_then(|p| infer_year(m, d, p)) {
                        found = Some((
                            day_date(date, DateBasis::Explicit, text_of(i, i + 2), span(i, i + 2)),
                            i + 2,
                        ));
                    }
                } else if let (true, Some(y)) = (is_name, year_num(toks.get(i + 1))) {
                    if let Some((a, b)) = month_range(y, m) {
                        found = Some((
                            range_date(
                                a,
                                b,
                                DatePrecision::Month,
                                DateBasis::Explicit,
                                text_of(i, i + 2),
                                span(i, i + 2),
                            ),
                            i + 2,
                        ));
                    }
                } else if is_name
                    && matches!(l(i.wrapping_sub(1)), "in" | "early" | "late" | "mid")
                    && i > 0
                    && m != 5
                {
                    if let Some(p) = published {
                        let y = if m <= p.month() {
                            p.year()
                        } else {
                            p.year() - 1
                        };
                        if let Some((a, b)) = month_range(y, m) {
                            found = Some((
                                range_date(
                                    a,
                                    b,
                                    DatePrecision::Month,
                                    DateBasis::Relative,
                                    text_of(i, i + 1),
                                    span(i, i + 1),
                                ),
                                i + 1,
                            ));
                        }
                    }
                }
            }
        }
        // "5 March 2024" / "5 March".
        if found.is_none() {
            if let (Some(d), Some(m)) = (day_num(toks.get(i)), month_number(l(i + 1))) {
                if toks[i + 1].is_capitalized() {
                    if let Some(y) = year_num(toks.get(i + 2)) {
                        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                            found = Some((
                                day_date(
                                    date,
                                    DateBasis::Explicit,
                                    text_of(i, i + 3),
                                    span(i, i + 3),
                                ),
                                i + 3,
                            ));
                        }
                    } else if let Some(date) = published.and_then(|p| infer_year(m, d, p)) {
                        found = Some((
                            day_date(date, DateBasis::Explicit, text_of(i, i + 2), span(i, i + 2)),
                            i + 2,
                        ));
                    }
                }
            }
        }
        // "in 2024".
        if found.is_none() && matches!(l(i.wrapping_sub(1)), "in" | "since" | "during") && i > 0 {
            if let Some(y) = year_num(toks.get(i)) {
                if let (Some(a), Some(b)) = (
                    NaiveDate::from_ymd_opt(y, 1, 1),
                    NaiveDate::from_ymd_opt(y, 12, 31),
                ) {
                    found = Some((
                        range_date(
                            a,
                            b,
                            DatePrecision::Year,
                            DateBasis::Explicit,
                            text_of(i, i + 1),
                            span(i, i + 1),
                        ),
                        i + 1,
                    ));
                }
            }
        }
        // Relative expressions need a publication date.
        if found.is_none() {
            if let Some(p) = published {
                let rel = |d: NaiveDate, n: usize| {
                    Some((
                        day_date(d, DateBasis::Relative, text_of(i, i + n), span(i, i + n)),
                        i + n,
                    ))
                };
                found = match (w, l(i + 1), l(i + 2)) {
                    ("yesterday", _, _) => rel(p - Duration::days(1), 1),
                    ("today", _, _) | ("tonight", _, _) => rel(p, 1),
                    ("this", "morning" | "afternoon" | "evening", _) => rel(p, 2),
                    ("last", "night", _) | ("overnight", _, _) => {
                        rel(p - Duration::days(1), if w == "last" { 2 } else { 1 })
                    }
                    ("last", "week", _) => {
                        let this_monday =
                            p - Duration::days(p.weekday().num_days_from_monday() as i64);
                        let a = this_monday - Duration::days(7);
                        Some((
                            range_date(
                                a,
                                a + Duration::days(6),
                                DatePrecision::Week,
                                DateBasis::Relative,
                                text_of(i, i + 2),
                                span(i, i + 2),
                            ),
                            i + 2,
                        ))
                    }
                    ("this", "week", _) | ("earlier", "this", "week") => {
                        let n = if w == "earlier" { 3 } else { 2 };
                        let a = p - Duration::days(p.weekday().num_days_from_monday() as i64);
                        Some((
                            range_date(
                                a,
                                p,
                                DatePrecision::Week,
                                DateBasis::Relative,
                                text_of(i, i + n),
                                span(i, i + n),
                            ),
                            i + n,
                        ))
                    }
                    ("last", "month", _) => {
                        let (y, m) = if p.month() == 1 {
                            (p.year() - 1, 12)
                        } else {
                            (p.year(), p.month() - 1)
                        };
                        month_range(y, m).map(|(a, b)| {
                            (
                                range_date(
                                    a,
                                    b,
                                    DatePrecision::Month,
                                    DateBasis::Relative,
                                    text_of(i, i + 2),
                                    span(i, i + 2),
                                ),
                                i + 2,
                            )
                        })
                    }
                    ("this", "month", _) | ("earlier", "this", "month") => {
                        let n = if w == "earlier" { 3 } else { 2 };
                        NaiveDate::from_ymd_opt(p.year(), p.month(), 1).map(|a| {
                            (
                                range_date(
                                    a,
                                    p,
                                    DatePrecision::Month,
                                    DateBasis::Relative,
                                    text_of(i, i + n),
                                    span(i, i + n),
                                ),
                                i + n,
                            )
                        })
                    }
                    ("last", "year", _) => {
                        let y = p.year() - 1;
                        match (
                            NaiveDate::from_ymd_opt(y, 1, 1),
                            NaiveDate::from_ymd_opt(y, 12, 31),
                        ) {
                            (Some(a), Some(b)) => Some((
                                range_date(
                                    a,
                                    b,
                                    DatePrecision::Year,
                                    DateBasis::Relative,
                                    text_of(i, i + 2),
                                    span(i, i + 2),
                                ),
                                i + 2,
                            )),
                            _ => None,
                        }
                    }
                    _ => None,
                };
                if found.is_none() {
                    // "two days ago", "3 days ago".
                    if let (Some(n), "days" | "day", "ago") = (
                        super::counts::quantity_at(toks, i).and_then(|q| q.low),
                        l(i + 1),
                        l(i + 2),
                    ) {
                        found = rel(p - Duration::days(n.min(3650) as i64), 3);
                    }
                }
                if found.is_none() {
                    // Weekdays: "on Saturday", "late Friday", "Sunday night".
                    let (wd_at, lead) = if let Some(wd) = weekday(w) {
                        (Some(wd), 0)
                    } else {
                        (None, 0)
                    };
                    if let Some(wd) = wd_at {
                        let back = (7 + p.weekday().num_days_from_monday() as i64
                            - wd.num_days_from_monday() as i64)
                            % 7;
                        let d = p - Duration::days(back);
                        let start_tok =
                            if i > 0 && matches!(l(i - 1), "on" | "late" | "early" | "last") {
                                i - 1
                            } else {
                                i + lead
                            };
                        let mut end_tok = i + 1;
                        if matches!(l(i + 1), "night" | "morning" | "evening" | "afternoon") {
                            end_tok += 1;
                        }
                        let d = if start_tok < i && l(start_tok) == "last" && back == 0 {
                            d - Duration::days(7)
                        } else {
                            d
                        };
                        found = Some((
                            day_date(
                                d,
                                DateBasis::Relative,
                                text_of(start_tok, end_tok),
                                span(start_tok, end_tok),
                            ),
                            end_tok,
                        ));
                    }
                }
            }
        }
        match found {
            Some((date, end)) => {
                let date = if i > 0 && l(i - 1) == "since" {
                    since_range(date, published)
                } else {
                    date
                };
                out.push(DateMention {
                    date,
                    start: i,
                    end,
                });
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// "have arrested 2,400 people since February 1": a day after "since" opens a span that runs
/// to the publication date. Up to a week is precision `week`; a longer span is no calendar
/// unit, so its precision is `unknown` (start and end still bound it).
fn since_range(date: EventDate, published: Option<NaiveDate>) -> EventDate {
    let start = date.start.as_deref().and_then(parse_iso);
    match (start, published) {
        (Some(a), Some(p)) if date.precision == DatePrecision::Day && a < p => EventDate {
            end: Some(p.format("%Y-%m-%d").to_string()),
            precision: if p - a <= Duration::days(6) {
                DatePrecision::Week
            } else {
                DatePrecision::Unknown
            },
            ..date
        },
        _ => date,
    }
}

/// The date of an event with no date expression of its own (codebook: basis `publication`).
pub fn publication_date(published: Option<NaiveDate>) -> EventDate {
    match published {
        Some(p) => EventDate {
            start: None,
            end: Some(p.format("%Y-%m-%d").to_string()),
            precision: DatePrecision::Unknown,
            basis: DateBasis::Publication,
            text: None,
            span: None,
        },
        None => EventDate::unknown(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::tokens::tokenize;

    fn dates(
        s: &str,
        pubd: &str,
    ) -> Vec<(Option<String>, Option<String>, DatePrecision, DateBasis)> {
        let toks = tokenize(s, 0);
        let p = parse_iso(pubd);
        find_dates(
            &toks,
            |a, b| s[toks[a].span.start..toks[b - 1].span.end].to_string(),
            p,
        )
        .into_iter()
        .map(|d| (d.date.start, d.date.end, d.date.precision, d.date.basis))
        .collect()
    }

    #[test]
    fn weekday_is_on_or_before_publication() {
        // 2025-12-14 is a Sunday.
        let d = dates("Gunmen struck on Saturday night.", "2025-12-14");
        assert_eq!(d[0].0.as_deref(), Some("2025-12-13"));
        let d = dates("Protests began on Sunday.", "2025-12-14");
        assert_eq!(d[0].0.as_deref(), Some("2025-12-14"));
        assert_eq!(d[0].3, DateBasis::Relative);
    }

    #[test]
    fn since_a_day_runs_to_publication() {
        // 2025-12-14 is a Sunday.
        let d = dates(
            "Police have detained 40 people since November 2.",
            "2025-12-14",
        );
        assert_eq!(
            (d[0].0.as_deref(), d[0].1.as_deref(), d[0].2),
            (
                Some("2025-11-02"),
                Some("2025-12-14"),
                DatePrecision::Unknown
            )
        );
        let d = dates("Strikes have hit the port since Wednesday.", "2025-12-14");
        assert_eq!(
            (d[0].0.as_deref(), d[0].1.as_deref(), d[0].2),
            (Some("2025-12-10"), Some("2025-12-14"), DatePrecision::Week)
        );
        // Not after "since": one day.
        let d = dates("Police detained 40 people on November 2.", "2025-12-14");
        assert_eq!(
            (d[0].0.as_deref(), d[0].1.as_deref(), d[0].2),
            (Some("2025-11-02"), Some("2025-11-02"), DatePrecision::Day)
        );
    }

    #[test]
    fn last_week_and_explicit() {
        let d = dates("Troops arrived last week.", "2025-12-14");
        assert_eq!(
            (d[0].0.as_deref(), d[0].1.as_deref(), d[0].2),
            (Some("2025-12-01"), Some("2025-12-07"), DatePrecision::Week)
        );
        let d = dates("It happened on March 5, 2024 and on 7 April.", "2025-01-10");
        assert_eq!(d[0].0.as_deref(), Some("2024-03-05"));
        assert_eq!(d[1].0.as_deref(), Some("2024-04-07"));
        let d = dates("The raid happened yesterday.", "2025-01-10");
        assert_eq!(d[0].0.as_deref(), Some("2025-01-09"));
        assert!(dates("The raid happened yesterday.", "").is_empty());
    }
}
