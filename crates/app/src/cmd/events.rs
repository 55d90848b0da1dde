//! `sitrep events`: query stored events and print them as a table or JSON.

use std::io::Write;
use std::process::ExitCode;

use sitrep_core::{ActorRole, Count, Event, EventDate, Location};
use sitrep_store::{Store, StoredEvent};

use crate::db::{open_existing_store, QueryArgs};
use crate::export::{is_broken_pipe, write_events, ExportFormat};

/// How `sitrep events` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    /// Aligned columns for reading in a terminal.
    Table,
    /// One JSON array.
    Json,
    /// One JSON event per line.
    Jsonl,
}

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  sitrep events --type ASSAULT --country SY --since 2024-03\n  \
                        sitrep events --bbox 35,32,42.5,37.5 --current --format jsonl"
)]
pub struct Args {
    #[command(flatten)]
    pub query: QueryArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let query = args.query.to_query()?;
    let store = open_existing_store(args.query.db.as_deref())?;
    let events = store.events(&query)?;
    match print(&events, args.format) {
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e),
        Ok(()) => Ok(ExitCode::SUCCESS),
    }
}

fn print(events: &[StoredEvent], format: ListFormat) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        ListFormat::Table => {
            if events.is_empty() {
                eprintln!("no stored events match these filters");
            } else {
                write_table(events, &mut out)?;
                eprintln!("{} events", events.len());
            }
        }
        ListFormat::Json => {
            write_events(events, ExportFormat::Json, &mut out)?;
        }
        ListFormat::Jsonl => {
            write_events(events, ExportFormat::Jsonl, &mut out)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// "3", "3-5", "3+", "≤40"; "-" when unknown.
pub(crate) fn count_text(c: Option<&Count>) -> String {
    match c.map(|c| (c.low, c.high)) {
        Some((Some(l), Some(h))) if l == h => l.to_string(),
        Some((Some(l), Some(h))) => format!("{l}-{h}"),
        Some((Some(l), None)) => format!("{l}+"),
        Some((None, Some(h))) => format!("≤{h}"),
        _ => "-".into(),
    }
}

pub(crate) fn date_text(d: Option<&EventDate>) -> String {
    let Some(d) = d else {
        return "-".into();
    };
    match (&d.start, &d.end) {
        (Some(s), Some(t)) if s == t => s.clone(),
        (Some(s), Some(t)) => format!("{s}..{t}"),
        (Some(s), None) => format!("{s}.."),
        (None, Some(t)) => format!("..{t}"),
        (None, None) => "-".into(),
    }
}

pub(crate) fn place_text(l: Option<&Location>) -> String {
    let Some(l) = l else {
        return "-".into();
    };
    let name = l.name.as_deref().or(l.text.as_deref()).unwrap_or("?");
    match &l.country {
        Some(c) => format!("{name}, {c}"),
        None => name.to_string(),
    }
}

fn actors_text(e: &Event) -> String {
    let names: Vec<String> = e
        .actors
        .iter()
        .map(|a| {
            let who = a
                .name
                .as_deref()
                .or(a.text.as_deref())
                .unwrap_or(a.kind.as_str());
            let role = match a.role {
                ActorRole::Actor => "actor",
                ActorRole::Recipient => "recipient",
                ActorRole::Partner => "partner",
            };
            format!("{role}:{who}")
        })
        .collect();
    if names.is_empty() {
        "-".into()
    } else {
        names.join("; ")
    }
}

/// Cut to `max` characters, marking the cut.
fn fit(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn write_table(events: &[StoredEvent], out: &mut dyn Write) -> std::io::Result<()> {
    const HEAD: [&str; 9] = [
        "ID", "DATE", "TYPE", "MODE", "STATUS", "PLACE", "KILLED", "INJURED", "ACTORS",
    ];
    // Widest cell per column, capped so one long value cannot push the rest off screen.
    const MAX: [usize; 9] = [28, 22, 9, 14, 12, 24, 7, 7, 60];
    let rows: Vec<Vec<String>> = events
        .iter()
        .map(|s| {
            let e = &s.event;
            vec![
                s.id.clone(),
                date_text(Some(&e.date)),
                e.event_type.as_str().to_string(),
                e.mode.clone().unwrap_or_else(|| "-".into()),
                e.status.as_str().to_string(),
                place_text(e.location.as_ref()),
                count_text(e.killed.as_ref()),
                count_text(e.injured.as_ref()),
                actors_text(e),
            ]
        })
        .collect();
    write_columns(&HEAD, &MAX, rows, out)
}

/// Aligned columns under `head`, each cell cut to its column's `max` characters.
pub(crate) fn write_columns(
    head: &[&str],
    max: &[usize],
    rows: Vec<Vec<String>>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| r.iter().zip(max).map(|(c, m)| fit(c, *m)).collect())
        .collect();
    let mut width: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (w, c) in width.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(&width).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(c);
                s.push_str(&" ".repeat(w - c.chars().count() + 2));
            }
        }
        s.trim_end().to_string()
    };
    let head: Vec<String> = head.iter().map(|h| h.to_string()).collect();
    writeln!(out, "{}", line(&head))?;
    for r in &rows {
        writeln!(out, "{}", line(r))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally() {
        let c = |low, high| Count {
            low,
            high,
            text: String::new(),
            span: None,
        };
        assert_eq!(count_text(None), "-");
        assert_eq!(count_text(Some(&c(Some(3), Some(3)))), "3");
        assert_eq!(count_text(Some(&c(Some(3), None))), "3+");
        assert_eq!(count_text(Some(&c(None, Some(40)))), "≤40");
        assert_eq!(count_text(Some(&c(Some(0), Some(0)))), "0");
        assert_eq!(fit("Tadmur, SY", 6), "Tadmu…");
    }

    #[test]
    fn table_has_a_header_and_one_line_per_event() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.sqlite");
        let mut store = crate::db::open_store(Some(&path)).unwrap();
        store
            .put_batch(&sitrep_store::conformance::fixture_extractions())
            .unwrap();
        let events = store.events(&Default::default()).unwrap();
        let mut buf = Vec::new();
        write_table(&events, &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 6);
        assert!(lines[0].starts_with("ID"));
        assert!(lines[1].contains("Tadmur, SY") && lines[1].contains("ASSAULT"));
        // Unknown injuries show as "-", never 0.
        assert!(!lines[1].contains(" 0 "));
    }
}
