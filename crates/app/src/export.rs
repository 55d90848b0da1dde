//! Writing stored events as JSON, JSON Lines, CSV or GeoJSON.
//!
//! CSV and GeoJSON share one flat view of an event ([`COLUMNS`] / [`flat_row`]): lists are
//! joined with `;` and an unknown value is an empty cell (CSV) or `null` (GeoJSON), never 0.

use std::io::Write;

use sitrep_core::{ActorRole, Count, Event};
use sitrep_store::StoredEvent;

/// Output formats of `sitrep export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One JSON array of events.
    Json,
    /// One JSON event per line.
    Jsonl,
    /// One row per event, flat columns.
    Csv,
    /// A FeatureCollection of points; events without coordinates are left out.
    Geojson,
}

impl ExportFormat {
    /// The format a file name's extension implies.
    pub fn from_extension(path: &std::path::Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(ExportFormat::Json),
            "jsonl" | "ndjson" => Some(ExportFormat::Jsonl),
            "csv" => Some(ExportFormat::Csv),
            "geojson" => Some(ExportFormat::Geojson),
            _ => None,
        }
    }
}

/// What [`write_events`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportSummary {
    pub written: usize,
    /// Events left out of GeoJSON because they have no coordinates.
    pub without_coordinates: usize,
}

/// One flat value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(u64),
    Real(f64),
    /// Unknown or absent.
    Empty,
}

impl Cell {
    fn text(s: Option<&str>) -> Cell {
        match s {
            Some(s) if !s.is_empty() => Cell::Text(s.to_string()),
            _ => Cell::Empty,
        }
    }
    fn int(n: Option<u64>) -> Cell {
        n.map_or(Cell::Empty, Cell::Int)
    }
    fn real(x: Option<f64>) -> Cell {
        x.filter(|x| x.is_finite()).map_or(Cell::Empty, Cell::Real)
    }
    fn csv(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Real(x) => x.to_string(),
            Cell::Empty => String::new(),
        }
    }
    fn json(&self) -> serde_json::Value {
        match self {
            Cell::Text(s) => serde_json::Value::String(s.clone()),
            Cell::Int(n) => serde_json::Value::from(*n),
            Cell::Real(x) => serde_json::Number::from_f64(*x)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Cell::Empty => serde_json::Value::Null,
        }
    }
}

/// The named counts that get their own low/high columns.
const NAMED_COUNTS: [&str; 6] = [
    "killed",
    "injured",
    "arrested",
    "abducted",
    "displaced",
    "participants",
];

/// Flat column names, in [`flat_row`] order.
pub const COLUMNS: &[&str] = &[
    "id",
    "document_id",
    "document_url",
    "document_title",
    "type",
    "mode",
    "modes",
    "status",
    "certainty",
    "actor_names",
    "actor_kinds",
    "actor_countries",
    "recipient_names",
    "recipient_kinds",
    "recipient_countries",
    "partner_names",
    "partner_kinds",
    "partner_countries",
    "location_text",
    "location_sub_place",
    "location_name",
    "location_country",
    "location_admin1",
    "location_geonames_id",
    "lat",
    "lon",
    "location_precision",
    "date_start",
    "date_end",
    "date_precision",
    "date_basis",
    "date_text",
    "duration_low_minutes",
    "duration_high_minutes",
    "killed_low",
    "killed_high",
    "injured_low",
    "injured_high",
    "arrested_low",
    "arrested_high",
    "abducted_low",
    "abducted_high",
    "displaced_low",
    "displaced_high",
    "participants_low",
    "participants_high",
    "other_counts",
    "attribution_sources",
    "attribution_kinds",
    "acled_event_type",
    "acled_sub_event_type",
    "cameo_root",
    "trigger",
    "evidence_quote",
];

/// `;` separates list items, so it must not appear inside one.
fn item(s: &str) -> String {
    s.replace(';', ",")
}

/// Join a list; every position is kept (an unnamed actor is an empty item) so the names,
/// kinds and countries columns stay aligned.
fn joined<S: AsRef<str>>(items: impl Iterator<Item = Option<S>>) -> Cell {
    let v: Vec<String> = items
        .map(|s| s.map(|s| item(s.as_ref())).unwrap_or_default())
        .collect();
    if v.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(v.join(";"))
    }
}

fn serde_tag<T: serde::Serialize>(t: &T) -> String {
    match serde_json::to_value(t) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn bounds(c: Option<&Count>) -> [Cell; 2] {
    [
        Cell::int(c.and_then(|c| c.low)),
        Cell::int(c.and_then(|c| c.high)),
    ]
}

fn actor_cells(e: &Event, role: ActorRole) -> [Cell; 3] {
    [
        joined(e.actors_with(role).map(|a| a.name.as_deref())),
        joined(e.actors_with(role).map(|a| Some(a.kind.as_str()))),
        joined(e.actors_with(role).map(|a| a.country.as_deref())),
    ]
}

/// The flat view of one event, one cell per [`COLUMNS`] entry.
pub fn flat_row(s: &StoredEvent) -> Vec<Cell> {
    let e = &s.event;
    let loc = e.location.as_ref();
    let mut row = vec![
        Cell::Text(s.id.clone()),
        Cell::Text(s.document_id.clone()),
        Cell::text(s.document_url.as_deref()),
        Cell::text(s.document_title.as_deref()),
        Cell::Text(e.event_type.as_str().to_string()),
        Cell::text(e.mode.as_deref()),
        joined(e.modes.iter().map(|m| Some(m.as_str()))),
        Cell::Text(e.status.as_str().to_string()),
        Cell::real(Some(e.certainty)),
    ];
    for role in [ActorRole::Actor, ActorRole::Recipient, ActorRole::Partner] {
        row.extend(actor_cells(e, role));
    }
    row.extend([
        Cell::text(loc.and_then(|l| l.text.as_deref())),
        Cell::text(loc.and_then(|l| l.sub_place.as_deref())),
        Cell::text(loc.and_then(|l| l.name.as_deref())),
        Cell::text(loc.and_then(|l| l.country.as_deref())),
        Cell::text(loc.and_then(|l| l.admin1.as_deref())),
        Cell::int(loc.and_then(|l| l.geonames_id)),
        Cell::real(loc.and_then(|l| l.lat)),
        Cell::real(loc.and_then(|l| l.lon)),
        Cell::text(loc.map(|l| l.precision.as_str())),
        Cell::text(e.date.start.as_deref()),
        Cell::text(e.date.end.as_deref()),
        Cell::Text(serde_tag(&e.date.precision)),
        Cell::Text(serde_tag(&e.date.basis)),
        Cell::text(e.date.text.as_deref()),
        Cell::int(e.duration.as_ref().and_then(|d| d.low_minutes)),
        Cell::int(e.duration.as_ref().and_then(|d| d.high_minutes)),
    ]);
    for name in NAMED_COUNTS {
        row.extend(bounds(e.count(name)));
    }
    let other: Vec<String> = e
        .counts
        .iter()
        .map(|(name, c)| {
            let n = |x: Option<u64>| x.map(|v| v.to_string()).unwrap_or_default();
            format!("{}:{}-{}", item(name), n(c.low), n(c.high))
        })
        .collect();
    row.push(if other.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(other.join(";"))
    });
    row.extend([
        joined(e.attribution.iter().map(|a| Some(a.source.as_str()))),
        joined(e.attribution.iter().map(|a| Some(serde_tag(&a.kind)))),
        Cell::text(e.acled_event_type.as_deref()),
        Cell::text(e.acled_sub_event_type.as_deref()),
        Cell::text(e.cameo_root.as_deref()),
        Cell::text(e.trigger.as_deref()),
    ]);
    let quotes: Vec<&str> = e.evidence.iter().map(|ev| ev.quote.as_str()).collect();
    row.push(if quotes.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(quotes.join(" | "))
    });
    row
}

/// One GeoJSON Feature. Written by hand so the properties keep the CSV column order (a
/// `serde_json::Map` would sort them).
fn write_feature(out: &mut dyn Write, e: &StoredEvent, lon: f64, lat: f64) -> anyhow::Result<()> {
    write!(
        out,
        "{{\"type\":\"Feature\",\"id\":{},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{},{}]}},\"properties\":{{",
        serde_json::to_string(&e.id)?,
        serde_json::to_string(&lon)?,
        serde_json::to_string(&lat)?,
    )?;
    for (i, (k, v)) in COLUMNS.iter().zip(flat_row(e)).enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write!(out, "\"{k}\":{}", serde_json::to_string(&v.json())?)?;
    }
    out.write_all(b"}}")?;
    Ok(())
}

/// Write `events` to `out` in `format`.
pub fn write_events(
    events: &[StoredEvent],
    format: ExportFormat,
    out: &mut dyn Write,
) -> anyhow::Result<ExportSummary> {
    let mut summary = ExportSummary::default();
    match format {
        ExportFormat::Json => {
            out.write_all(b"[")?;
            for (i, e) in events.iter().enumerate() {
                out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *out, e)?;
                summary.written += 1;
            }
            out.write_all(b"\n]\n")?;
        }
        ExportFormat::Jsonl => {
            for e in events {
                serde_json::to_writer(&mut *out, e)?;
                out.write_all(b"\n")?;
                summary.written += 1;
            }
        }
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(COLUMNS)?;
            for e in events {
                w.write_record(flat_row(e).iter().map(Cell::csv))?;
                summary.written += 1;
            }
            w.flush()?;
        }
        ExportFormat::Geojson => {
            out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
            for e in events {
                let loc = e.event.location.as_ref();
                let (Some(lat), Some(lon)) = (loc.and_then(|l| l.lat), loc.and_then(|l| l.lon))
                else {
                    summary.without_coordinates += 1;
                    continue;
                };
                if !(lat.is_finite() && lon.is_finite()) {
                    summary.without_coordinates += 1;
                    continue;
                }
                out.write_all(if summary.written == 0 { b"\n" } else { b",\n" })?;
                write_feature(out, e, lon, lat)?;
                summary.written += 1;
            }
            out.write_all(b"\n]}\n")?;
        }
    }
    out.flush()?;
    Ok(summary)
}

/// Whether `e` comes from writing into a closed pipe (`sitrep export | head`): the reader
/// has all it wanted, so the command should stop quietly rather than report an error.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
            || c.downcast_ref::<csv::Error>().is_some_and(
                |c| matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe),
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_store::conformance::fixture_extractions;
    use sitrep_store::event_id;

    /// The fixture events as the store would return them.
    fn events() -> Vec<StoredEvent> {
        fixture_extractions()
            .into_iter()
            .flat_map(|ex| {
                let d = ex.document;
                ex.events
                    .into_iter()
                    .enumerate()
                    .map(move |(i, event)| StoredEvent {
                        id: event_id(&d.id, i),
                        document_id: d.id.clone(),
                        document_url: d.url.clone(),
                        document_title: d.title.clone(),
                        event,
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    fn export(format: ExportFormat) -> (String, ExportSummary) {
        let mut buf = Vec::new();
        let s = write_events(&events(), format, &mut buf).unwrap();
        (String::from_utf8(buf).unwrap(), s)
    }

    #[test]
    fn every_row_has_every_column() {
        for e in events() {
            assert_eq!(flat_row(&e).len(), COLUMNS.len(), "{}", e.id);
        }
    }

    #[test]
    fn json_and_jsonl_parse_back_to_the_same_events() {
        let (text, s) = export(ExportFormat::Json);
        assert_eq!(s.written, 5);
        let back: Vec<StoredEvent> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, events());
        let (text, _) = export(ExportFormat::Jsonl);
        let back: Vec<StoredEvent> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(back, events());
        let mut empty = Vec::new();
        write_events(&[], ExportFormat::Json, &mut empty).unwrap();
        let v: Vec<StoredEvent> = serde_json::from_slice(&empty).unwrap();
        assert!(v.is_empty());
    }

    #[test]
    fn csv_parses_back_and_unknown_counts_are_empty() {
        let (text, s) = export(ExportFormat::Csv);
        assert_eq!(s.written, 5);
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(headers, COLUMNS);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 5);
        let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
        let attack = &rows[0];
        assert_eq!(&attack[col("id")], "sy-checkpoint#0");
        assert_eq!(&attack[col("killed_low")], "2");
        assert_eq!(&attack[col("killed_high")], "2");
        // The text says nothing about injuries: unknown, an empty cell, not 0.
        assert_eq!(&attack[col("injured_low")], "");
        assert_eq!(&attack[col("injured_high")], "");
        // An unnamed attacker: an empty name beside its kind.
        assert_eq!(&attack[col("actor_names")], "");
        assert_eq!(&attack[col("actor_kinds")], "unknown");
        assert_eq!(&attack[col("recipient_names")], "Syrian Arab Army");
        assert_eq!(&attack[col("recipient_countries")], "SY");
        assert_eq!(&attack[col("location_name")], "Tadmur");
        assert_eq!(attack[col("lat")].parse::<f64>().unwrap(), 34.56);
        assert!(attack[col("evidence_quote")].starts_with("Gunmen opened fire"));
        // "Thousands": a lower bound only.
        let march = &rows[2];
        assert_eq!(&march[col("participants_low")], "2000");
        assert_eq!(&march[col("participants_high")], "");
        assert_eq!(&march[col("attribution_kinds")], "organisation");
        // No location at all: empty, not 0.
        let threat = &rows[3];
        assert_eq!(&threat[col("lat")], "");
        assert_eq!(&threat[col("location_precision")], "");
        for row in &rows {
            for name in NAMED_COUNTS {
                for end in ["low", "high"] {
                    assert_ne!(&row[col(&format!("{name}_{end}"))], "0");
                }
            }
        }
    }

    #[test]
    fn geojson_has_points_and_counts_the_rest() {
        let (text, s) = export(ExportFormat::Geojson);
        assert_eq!((s.written, s.without_coordinates), (4, 1));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["type"], "FeatureCollection");
        let features = v["features"].as_array().unwrap();
        assert_eq!(features.len(), 4);
        let f = &features[0];
        assert_eq!(f["geometry"]["type"], "Point");
        assert_eq!(f["geometry"]["coordinates"][0].as_f64(), Some(38.28));
        assert_eq!(f["geometry"]["coordinates"][1].as_f64(), Some(34.56));
        assert_eq!(f["properties"]["killed_low"], 2);
        assert!(f["properties"]["injured_low"].is_null());
        assert_eq!(f["properties"]["type"], "ASSAULT");
        // Properties keep the column order of the CSV.
        assert!(text.contains("\"properties\":{\"id\":\"sy-checkpoint#0\",\"document_id\""));
        let mut empty = Vec::new();
        write_events(&[], ExportFormat::Geojson, &mut empty).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&empty).unwrap();
        assert_eq!(v["features"].as_array().unwrap().len(), 0);
    }

    #[test]
    fn format_from_extension() {
        use std::path::Path;
        assert_eq!(
            ExportFormat::from_extension(Path::new("out/events.GeoJSON")),
            Some(ExportFormat::Geojson)
        );
        assert_eq!(ExportFormat::from_extension(Path::new("a.txt")), None);
    }
}
