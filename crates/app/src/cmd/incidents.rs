//! `sitrep incidents`: query stored non-political incidents (disasters, accidents, organised
//! crime) and print them as a table or JSON. Same filters as `sitrep events`, with `--kind`
//! in place of `--type`.

use std::io::Write;
use std::process::ExitCode;

use sitrep_core::IncidentKind;
use sitrep_store::{IncidentQuery, Store, StoredIncident};

use super::events::{count_text, date_text, place_text, write_columns, ListFormat};
use crate::db::{open_existing_store, QueryArgs};
use crate::export::{is_broken_pipe, write_records, ExportFormat};

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  sitrep incidents --kind natural_disaster --country ID\n  \
                        sitrep incidents --current --format jsonl"
)]
pub struct Args {
    #[command(flatten)]
    pub query: QueryArgs,
    #[command(flatten)]
    pub kinds: KindArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// The incident kind filter, shared by `sitrep incidents` and `sitrep export --incidents`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct KindArgs {
    /// Only these incident kinds (natural_disaster, man_made_disaster, organised_crime);
    /// repeat or separate with commas.
    #[arg(long = "kind", value_name = "KIND", value_delimiter = ',', value_parser = parse_kind)]
    pub kinds: Vec<IncidentKind>,
}

fn parse_kind(s: &str) -> Result<IncidentKind, String> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_ascii_lowercase())).map_err(|_| {
        format!(
            "unknown incident kind {s:?}; choose from natural_disaster, \
                 man_made_disaster, organised_crime"
        )
    })
}

impl KindArgs {
    /// The incident query for these kinds and the shared filters (`--type` is refused:
    /// incidents have no event type).
    pub fn to_query(&self, query: &QueryArgs) -> anyhow::Result<IncidentQuery> {
        if !query.types.is_empty() {
            anyhow::bail!("incidents have no event type: use --kind instead of --type");
        }
        let q = IncidentQuery {
            kinds: self.kinds.clone(),
            filters: query.to_query()?,
        };
        q.validate()?;
        Ok(q)
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let query = args.kinds.to_query(&args.query)?;
    let store = open_existing_store(args.query.db.as_deref())?;
    let incidents = store.incidents(&query)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match args.format {
        ListFormat::Table if incidents.is_empty() => {
            eprintln!("no stored incidents match these filters");
            Ok(())
        }
        ListFormat::Table => write_table(&incidents, &mut out)
            .map_err(anyhow::Error::from)
            .map(|()| eprintln!("{} incidents", incidents.len())),
        ListFormat::Json => write_records(&incidents, ExportFormat::Json, &mut out).map(drop),
        ListFormat::Jsonl => write_records(&incidents, ExportFormat::Jsonl, &mut out).map(drop),
    }
    .and_then(|()| Ok(out.flush()?));
    match written {
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e),
        Ok(()) => Ok(ExitCode::SUCCESS),
    }
}

fn write_table(incidents: &[StoredIncident], out: &mut dyn Write) -> std::io::Result<()> {
    const HEAD: [&str; 9] = [
        "ID", "DATE", "KIND", "HAZARD", "STATUS", "PLACE", "KILLED", "INJURED", "MENTIONS",
    ];
    const MAX: [usize; 9] = [36, 22, 17, 16, 12, 24, 7, 7, 8];
    let rows: Vec<Vec<String>> = incidents
        .iter()
        .map(|s| {
            let i = &s.incident;
            vec![
                s.id.clone(),
                date_text(i.date.as_ref()),
                i.kind.as_str().to_string(),
                i.hazard.clone(),
                i.status.as_str().to_string(),
                place_text(i.location.as_ref()),
                count_text(i.counts.get("killed")),
                count_text(i.counts.get("injured")),
                i.evidence.len().to_string(),
            ]
        })
        .collect();
    write_columns(&HEAD, &MAX, rows, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored() -> Vec<StoredIncident> {
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::db::open_store(Some(&dir.path().join("t.sqlite"))).unwrap();
        store
            .put_batch(&sitrep_store::conformance::fixture_extractions())
            .unwrap();
        store.incidents(&IncidentQuery::default()).unwrap()
    }

    #[test]
    fn table_has_one_line_per_incident_and_unknowns_as_dashes() {
        let mut buf = Vec::new();
        write_table(&stored(), &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].starts_with("ID") && lines[0].contains("KIND"));
        assert!(lines[1].contains("natural_disaster") && lines[1].contains("Suva, FJ"));
        assert!(lines[2].contains("organised_crime") && lines[2].contains("background"));
        assert!(
            !lines[1].contains(" 0 "),
            "unknown counts are not 0: {}",
            lines[1]
        );
    }

    #[test]
    fn kinds_parse_and_type_is_refused() {
        assert_eq!(
            parse_kind("Natural_Disaster"),
            Ok(IncidentKind::NaturalDisaster)
        );
        assert!(parse_kind("flood")
            .unwrap_err()
            .contains("natural_disaster"));
        let kinds = KindArgs {
            kinds: vec![IncidentKind::OrganisedCrime],
        };
        let q = kinds.to_query(&QueryArgs::default()).unwrap();
        assert_eq!(q.kinds, vec![IncidentKind::OrganisedCrime]);
        let typed = QueryArgs {
            types: vec![sitrep_core::EventType::Assault],
            ..Default::default()
        };
        assert!(kinds
            .to_query(&typed)
            .unwrap_err()
            .to_string()
            .contains("--kind"));
    }
}
