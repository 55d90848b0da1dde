//! Writing stored events and incidents as JSON, JSON Lines, CSV or GeoJSON.
//!
//! CSV and GeoJSON share one flat view of a record ([`Record`]: [`COLUMNS`] / [`flat_row`] for
//! events, [`INCIDENT_COLUMNS`] / [`flat_incident_row`] for incidents): lists are joined with
//! `;` and an unknown value is an empty cell (CSV) or `null` (GeoJSON), never 0. Incidents
//! have no actors and no ACLED or CAMEO codes (ACLED codes political violence only; no row
//! of `data/mappings/plover.tsv` applies), so their table has no such columns.

use std::io::Write;
use std::sync::LazyLock;

use sitrep_core::{ActorRole, Count, Event, EventDate, Location};
use sitrep_store::{StoredEvent, StoredIncident};

/// A stored record the exporters can write: its JSON form, its id, its point and its flat
/// view.
pub trait Record: serde::Serialize {
    /// Column names, in [`Record::flat`] order.
    fn columns() -> &'static [&'static str];
    fn id(&self) -> &str;
    fn location(&self) -> Option<&Location>;
    fn flat(&self) -> Vec<Cell>;
}

impl Record for StoredEvent {
    fn columns() -> &'static [&'static str] {
        &COLUMNS
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn location(&self) -> Option<&Location> {
        self.event.location.as_ref()
    }
    fn flat(&self) -> Vec<Cell> {
        flat_row(self)
    }
}

impl Record for StoredIncident {
    fn columns() -> &'static [&'static str] {
        &INCIDENT_COLUMNS
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn location(&self) -> Option<&Location> {
        self.incident.location.as_ref()
    }
    fn flat(&self) -> Vec<Cell> {
        flat_incident_row(self)
    }
}

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

/// What [`write_records`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportSummary {
    pub written: usize,
    /// Records left out of GeoJSON because they have no coordinates.
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

/// Location and date columns, shared by events and incidents ([`place_cells`], [`date_cells`]).
const PLACE_DATE_COLUMNS: [&str; 14] = [
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
];

/// Event columns before the location.
const EVENT_HEAD: &[&str] = &[
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
];

/// Event columns after the date.
const EVENT_TAIL: &[&str] = &[
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

/// Flat column names, in [`flat_row`] order.
pub static COLUMNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| [EVENT_HEAD, &PLACE_DATE_COLUMNS, EVENT_TAIL].concat());

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
    row.extend(place_cells(loc));
    row.extend(date_cells(Some(&e.date)));
    row.extend([
        Cell::int(e.duration.as_ref().and_then(|d| d.low_minutes)),
        Cell::int(e.duration.as_ref().and_then(|d| d.high_minutes)),
    ]);
    for name in NAMED_COUNTS {
        row.extend(bounds(e.count(name)));
    }
    row.push(other_counts(&e.counts));
    row.extend([
        joined(e.attribution.iter().map(|a| Some(a.source.as_str()))),
        joined(e.attribution.iter().map(|a| Some(serde_tag(&a.kind)))),
        Cell::text(e.acled_event_type.as_deref()),
        Cell::text(e.acled_sub_event_type.as_deref()),
        Cell::text(e.cameo_root.as_deref()),
        Cell::text(e.trigger.as_deref()),
    ]);
    row.push(quotes(&e.evidence));
    row
}

/// Location columns, from `location_text` to `location_precision`.
fn place_cells(loc: Option<&Location>) -> [Cell; 9] {
    [
        Cell::text(loc.and_then(|l| l.text.as_deref())),
        Cell::text(loc.and_then(|l| l.sub_place.as_deref())),
        Cell::text(loc.and_then(|l| l.name.as_deref())),
        Cell::text(loc.and_then(|l| l.country.as_deref())),
        Cell::text(loc.and_then(|l| l.admin1.as_deref())),
        Cell::int(loc.and_then(|l| l.geonames_id)),
        Cell::real(loc.and_then(|l| l.lat)),
        Cell::real(loc.and_then(|l| l.lon)),
        Cell::text(loc.map(|l| l.precision.as_str())),
    ]
}

/// Date columns, from `date_start` to `date_text`; all empty for an undated record.
fn date_cells(d: Option<&EventDate>) -> [Cell; 5] {
    [
        Cell::text(d.and_then(|d| d.start.as_deref())),
        Cell::text(d.and_then(|d| d.end.as_deref())),
        d.map_or(Cell::Empty, |d| Cell::Text(serde_tag(&d.precision))),
        d.map_or(Cell::Empty, |d| Cell::Text(serde_tag(&d.basis))),
        Cell::text(d.and_then(|d| d.text.as_deref())),
    ]
}

/// Counts without a column of their own, as `name:low-high;...`.
fn other_counts(counts: &std::collections::BTreeMap<String, Count>) -> Cell {
    let other: Vec<String> = counts
        .iter()
        .map(|(name, c)| {
            let n = |x: Option<u64>| x.map(|v| v.to_string()).unwrap_or_default();
            format!("{}:{}-{}", item(name), n(c.low), n(c.high))
        })
        .collect();
    if other.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(other.join(";"))
    }
}

/// Every evidence quote, joined with ` | `.
fn quotes(evidence: &[sitrep_core::Evidence]) -> Cell {
    let quotes: Vec<&str> = evidence.iter().map(|ev| ev.quote.as_str()).collect();
    if quotes.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(quotes.join(" | "))
    }
}

/// The counts an incident's table gives their own low/high columns (victims of a disaster;
/// arrests for organised crime).
const INCIDENT_COUNTS: [&str; 4] = ["killed", "injured", "displaced", "arrested"];

/// Incident columns before the location.
const INCIDENT_HEAD: &[&str] = &[
    "id",
    "document_id",
    "document_url",
    "document_title",
    "kind",
    "hazard",
    "status",
];

/// Incident columns after the date.
const INCIDENT_TAIL: &[&str] = &[
    "killed_low",
    "killed_high",
    "injured_low",
    "injured_high",
    "displaced_low",
    "displaced_high",
    "arrested_low",
    "arrested_high",
    "other_counts",
    "trigger",
    "mentions",
    "evidence_quote",
];

/// Flat incident column names, in [`flat_incident_row`] order.
pub static INCIDENT_COLUMNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| [INCIDENT_HEAD, &PLACE_DATE_COLUMNS, INCIDENT_TAIL].concat());

/// The flat view of one incident, one cell per [`INCIDENT_COLUMNS`] entry.
pub fn flat_incident_row(s: &StoredIncident) -> Vec<Cell> {
    let i = &s.incident;
    let mut row = vec![
        Cell::Text(s.id.clone()),
        Cell::Text(s.document_id.clone()),
        Cell::text(s.document_url.as_deref()),
        Cell::text(s.document_title.as_deref()),
        Cell::Text(i.kind.as_str().to_string()),
        Cell::text(Some(&i.hazard)),
        Cell::Text(i.status.as_str().to_string()),
    ];
    row.extend(place_cells(i.location.as_ref()));
    row.extend(date_cells(i.date.as_ref()));
    for name in INCIDENT_COUNTS {
        row.extend(bounds(i.counts.get(name)));
    }
    let rest: std::collections::BTreeMap<String, Count> = i
        .counts
        .iter()
        .filter(|(k, _)| !INCIDENT_COUNTS.contains(&k.as_str()))
        .map(|(k, c)| (k.clone(), c.clone()))
        .collect();
    row.push(other_counts(&rest));
    row.push(Cell::text(Some(&i.trigger)));
    row.push(Cell::Int(i.evidence.len() as u64));
    row.push(quotes(&i.evidence));
    row
}

/// One GeoJSON Feature. Written by hand so the properties keep the CSV column order (a
/// `serde_json::Map` would sort them).
fn write_feature<R: Record>(out: &mut dyn Write, e: &R, lon: f64, lat: f64) -> anyhow::Result<()> {
    write!(
        out,
        "{{\"type\":\"Feature\",\"id\":{},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{},{}]}},\"properties\":{{",
        serde_json::to_string(e.id())?,
        serde_json::to_string(&lon)?,
        serde_json::to_string(&lat)?,
    )?;
    for (i, (k, v)) in R::columns().iter().zip(e.flat()).enumerate() {
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
    write_records(events, format, out)
}

/// Write stored events or incidents to `out` in `format`.
pub fn write_records<R: Record>(
    events: &[R],
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
            w.write_record(R::columns())?;
            for e in events {
                w.write_record(e.flat().iter().map(Cell::csv))?;
                summary.written += 1;
            }
            w.flush()?;
        }
        ExportFormat::Geojson => {
            out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
            for e in events {
                let loc = e.location();
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
        assert_eq!(headers, *COLUMNS);
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

    /// The fixture incidents as the store would return them.
    fn incidents() -> Vec<StoredIncident> {
        fixture_extractions()
            .into_iter()
            .flat_map(|ex| {
                let d = ex.document;
                ex.incidents
                    .into_iter()
                    .enumerate()
                    .map(move |(i, incident)| StoredIncident {
                        id: sitrep_store::incident_id(&d.id, i),
                        document_id: d.id.clone(),
                        document_url: d.url.clone(),
                        document_title: d.title.clone(),
                        incident,
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn incidents_export_as_csv_geojson_and_json() {
        let all = incidents();
        for i in &all {
            assert_eq!(
                flat_incident_row(i).len(),
                INCIDENT_COLUMNS.len(),
                "{}",
                i.id
            );
        }
        let mut buf = Vec::new();
        let s = write_records(&all, ExportFormat::Csv, &mut buf).unwrap();
        assert_eq!(s.written, 2);
        let mut r = csv::Reader::from_reader(buf.as_slice());
        let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(headers, *INCIDENT_COLUMNS);
        let col = |name: &str| INCIDENT_COLUMNS.iter().position(|c| *c == name).unwrap();
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        let ring = rows
            .iter()
            .find(|r| &r[col("kind")] == "organised_crime")
            .unwrap();
        assert_eq!(&ring[col("status")], "background");
        // No place, no date, no counts: empty cells, not 0.
        for c in ["lat", "date_start", "date_precision", "killed_low"] {
            assert_eq!(&ring[col(c)], "", "{c}");
        }
        assert_eq!(&ring[col("mentions")], "1");
        let flood = rows.iter().find(|r| &r[col("hazard")] == "floods").unwrap();
        assert_eq!(&flood[col("location_name")], "Suva");
        assert_eq!(&flood[col("date_start")], "2024-04-03");

        let mut buf = Vec::new();
        let s = write_records(&all, ExportFormat::Geojson, &mut buf).unwrap();
        assert_eq!((s.written, s.without_coordinates), (1, 1));
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        let f = &v["features"][0];
        assert_eq!(f["id"], "fj-claim#incident-0");
        assert_eq!(f["properties"]["kind"], "natural_disaster");
        assert_eq!(f["geometry"]["coordinates"][0].as_f64(), Some(178.44));
        assert!(f["properties"].get("acled_event_type").is_none());

        let mut buf = Vec::new();
        write_records(&all, ExportFormat::Json, &mut buf).unwrap();
        let back: Vec<StoredIncident> = serde_json::from_slice(&buf).unwrap();
        assert_eq!(back, all);
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
