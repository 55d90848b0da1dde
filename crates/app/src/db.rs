//! The database as the commands see it: opening it, the query filters shared by `events` and
//! `export`, and batched writing with outcome counts for `ingest`.

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::{Datelike, NaiveDate};
use sitrep_core::{EventStatus, EventType, Extraction};
use sitrep_store::{BBox, EventQuery, PutOutcome, SqliteStore, Store};

/// The database file used when `--db` is not given.
pub fn db_path(path: Option<&Path>) -> PathBuf {
    path.map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(SqliteStore::DEFAULT_PATH))
}

/// Open the database for writing, creating it when missing (for `ingest`).
pub fn open_store(path: Option<&Path>) -> anyhow::Result<SqliteStore> {
    Ok(SqliteStore::open(db_path(path))?)
}

/// Open an existing database (for commands that only read); a missing file is an error.
pub fn open_existing_store(path: Option<&Path>) -> anyhow::Result<SqliteStore> {
    Ok(SqliteStore::open_existing(db_path(path))?)
}

/// Filters shared by `sitrep events` and `sitrep export`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct QueryArgs {
    /// Database file [default: sitrep.sqlite in the current folder].
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Only these event types (PLOVER, e.g. ASSAULT, PROTEST); repeat or separate with commas.
    #[arg(long = "type", value_name = "TYPE", value_delimiter = ',', value_parser = parse_type)]
    pub types: Vec<EventType>,
    /// Only events located in these countries (ISO 3166-1 alpha-2, e.g. SY); repeat or
    /// separate with commas.
    #[arg(long, value_name = "ISO2", value_delimiter = ',')]
    pub country: Vec<String>,
    /// Only events on or after this date: YYYY-MM-DD, YYYY-MM or YYYY (the first day).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only events on or before this date: YYYY-MM-DD, YYYY-MM or YYYY (the last day).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only events inside this box, in degrees: min_lon,min_lat,max_lon,max_lat
    /// (e.g. 35,32,42.5,37.5). Events without coordinates are left out.
    #[arg(
        long,
        value_name = "MINLON,MINLAT,MAXLON,MAXLAT",
        allow_hyphen_values = true
    )]
    pub bbox: Option<String>,
    /// Only these statuses (occurred, claimed, denied, threatened, planned, hypothetical,
    /// negated, background); repeat or separate with commas [default: all].
    #[arg(long, value_name = "STATUS", value_delimiter = ',', value_parser = parse_status)]
    pub status: Vec<EventStatus>,
    /// Only current events: shorthand for --status occurred,claimed.
    #[arg(long, conflicts_with = "status")]
    pub current: bool,
    /// At most this many events (the earliest first).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

fn parse_type(s: &str) -> Result<EventType, String> {
    EventType::parse(s).ok_or_else(|| {
        let all: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
        format!("unknown event type {s:?}; choose from {}", all.join(", "))
    })
}

fn parse_status(s: &str) -> Result<EventStatus, String> {
    EventStatus::parse(s).ok_or_else(|| {
        format!(
            "unknown status {s:?}; choose from occurred, claimed, denied, threatened, planned, \
             hypothetical, negated, background"
        )
    })
}

/// A date in the form YYYY, YYYY-MM or YYYY-MM-DD as the first (`end = false`) or last day of
/// the period it names.
fn expand_date(flag: &str, s: &str, end: bool) -> anyhow::Result<String> {
    let bad = || anyhow::anyhow!("--{flag} {s:?} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY");
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str, len: usize| -> anyhow::Result<u32> {
        if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let date = match parts.as_slice() {
        [y] => {
            let y = num(y, 4)? as i32;
            NaiveDate::from_ymd_opt(y, if end { 12 } else { 1 }, if end { 31 } else { 1 })
        }
        [y, m] => {
            let (y, m) = (num(y, 4)? as i32, num(m, 2)?);
            let first = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)?;
            if end {
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)
                };
                next.and_then(|d| d.pred_opt())
            } else {
                Some(first)
            }
        }
        [y, m, d] => NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?),
        _ => None,
    }
    .ok_or_else(bad)?;
    Ok(format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        date.month(),
        date.day()
    ))
}

impl QueryArgs {
    /// The store query these arguments describe; errors name the bad argument.
    pub fn to_query(&self) -> anyhow::Result<EventQuery> {
        let q = EventQuery {
            types: self.types.clone(),
            countries: self
                .country
                .iter()
                .map(|c| c.trim().to_ascii_uppercase())
                .collect(),
            since: self
                .since
                .as_deref()
                .map(|s| expand_date("since", s, false))
                .transpose()?,
            until: self
                .until
                .as_deref()
                .map(|s| expand_date("until", s, true))
                .transpose()?,
            bbox: self
                .bbox
                .as_deref()
                .map(BBox::parse)
                .transpose()
                .context("--bbox")?,
            statuses: if self.current {
                sitrep_store::current_statuses()
            } else {
                self.status.clone()
            },
            limit: self.limit,
        };
        q.validate()?;
        Ok(q)
    }
}

/// What a run of [`BatchWriter`] stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PutCounts {
    pub inserted: usize,
    pub updated: usize,
    pub already_stored: usize,
    pub duplicates: usize,
    /// Events written by inserted and updated documents.
    pub events: usize,
    /// Incidents written by inserted and updated documents.
    pub incidents: usize,
}

impl PutCounts {
    pub fn add(&mut self, outcome: &PutOutcome, ex: &Extraction) {
        match outcome {
            PutOutcome::Inserted | PutOutcome::Updated => {
                if *outcome == PutOutcome::Inserted {
                    self.inserted += 1;
                } else {
                    self.updated += 1;
                }
                self.events += ex.events.len();
                self.incidents += ex.incidents.len();
            }
            PutOutcome::AlreadyStored => self.already_stored += 1,
            PutOutcome::Duplicate { .. } => self.duplicates += 1,
        }
    }
}

impl fmt::Display for PutCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "stored {} new and {} updated documents ({} events, {} incidents); {} already \
             stored; {} duplicates linked",
            self.inserted,
            self.updated,
            self.events,
            self.incidents,
            self.already_stored,
            self.duplicates
        )
    }
}

/// Buffers extractions and writes them in batches, one transaction each: much faster than a
/// transaction per document, and a crash loses at most the unflushed batch.
pub struct BatchWriter<'a, S: Store + ?Sized> {
    store: &'a mut S,
    buffer: Vec<Extraction>,
    batch_size: usize,
    counts: PutCounts,
}

impl<'a, S: Store + ?Sized> BatchWriter<'a, S> {
    /// Documents per transaction when the caller has no better idea.
    pub const DEFAULT_BATCH: usize = 200;

    pub fn new(store: &'a mut S, batch_size: usize) -> Self {
        BatchWriter {
            store,
            buffer: Vec::new(),
            batch_size: batch_size.max(1),
            counts: PutCounts::default(),
        }
    }

    /// Queue one extraction; writes the batch when it is full.
    pub fn push(&mut self, ex: Extraction) -> anyhow::Result<()> {
        self.buffer.push(ex);
        if self.buffer.len() >= self.batch_size {
            self.flush()?;
        }
        Ok(())
    }

    /// Write what is queued. On error nothing of this batch is stored, and the error names
    /// the batch's first and last document.
    pub fn flush(&mut self) -> anyhow::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let outcomes = self.store.put_batch(&self.buffer).with_context(|| {
            format!(
                "storing {} documents ({} .. {})",
                self.buffer.len(),
                self.buffer[0].document.origin,
                self.buffer[self.buffer.len() - 1].document.origin
            )
        })?;
        for (ex, outcome) in self.buffer.iter().zip(&outcomes) {
            self.counts.add(outcome, ex);
        }
        self.buffer.clear();
        Ok(())
    }

    /// Write the rest and return the totals.
    pub fn finish(mut self) -> anyhow::Result<PutCounts> {
        self.flush()?;
        Ok(self.counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_store::conformance::fixture_extractions;

    #[test]
    fn dates_expand_to_period_bounds() {
        assert_eq!(expand_date("since", "2024", false).unwrap(), "2024-01-01");
        assert_eq!(expand_date("until", "2024", true).unwrap(), "2024-12-31");
        assert_eq!(expand_date("until", "2024-02", true).unwrap(), "2024-02-29");
        assert_eq!(expand_date("until", "2023-12", true).unwrap(), "2023-12-31");
        assert_eq!(
            expand_date("since", "2024-03-05", false).unwrap(),
            "2024-03-05"
        );
        let e = expand_date("since", "2024-02-30", false)
            .unwrap_err()
            .to_string();
        assert!(e.contains("--since") && e.contains("2024-02-30"), "{e}");
        assert!(expand_date("until", "last week", true).is_err());
    }

    #[test]
    fn query_args_build_a_query() {
        let a = QueryArgs {
            types: vec![EventType::Assault],
            country: vec!["sy".into()],
            since: Some("2024-03".into()),
            bbox: Some("-10,30,5,40".into()),
            current: true,
            limit: Some(5),
            ..Default::default()
        };
        let q = a.to_query().unwrap();
        assert_eq!(q.countries, ["SY"]);
        assert_eq!(q.since.as_deref(), Some("2024-03-01"));
        assert_eq!(q.statuses, [EventStatus::Occurred, EventStatus::Claimed]);
        assert_eq!(q.bbox.unwrap().min_lon, -10.0);
        let bad = QueryArgs {
            bbox: Some("1,2,3".into()),
            ..Default::default()
        };
        assert!(format!("{:#}", bad.to_query().unwrap_err()).contains("--bbox"));
    }

    #[test]
    fn batch_writer_counts_outcomes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open_store(Some(&dir.path().join("t.sqlite"))).unwrap();
        let mut w = BatchWriter::new(&mut store, 2);
        let fx = fixture_extractions();
        for ex in fx.iter().chain(&fx) {
            w.push(ex.clone()).unwrap();
        }
        let mut copy = fx[0].clone();
        copy.document.id = "mirror".into();
        w.push(copy).unwrap();
        let c = w.finish().unwrap();
        assert_eq!(
            c,
            PutCounts {
                inserted: 3,
                updated: 0,
                already_stored: 3,
                duplicates: 1,
                events: 5,
                incidents: 2,
            }
        );
        assert!(c.to_string().contains("1 duplicates linked"));
    }
}
