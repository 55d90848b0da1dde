//! `sitrep export`: write stored events (or, with `--incidents`, incidents) as CSV, JSON,
//! JSON Lines or GeoJSON.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use sitrep_store::Store;

use super::incidents::KindArgs;
use crate::db::{open_existing_store, QueryArgs};
use crate::export::{is_broken_pipe, write_records, ExportFormat, ExportSummary};

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  sitrep export --format csv --country SY -o syria.csv\n  \
                        sitrep export -o map.geojson --current --since 2024\n  \
                        sitrep export --incidents --kind natural_disaster -o disasters.geojson"
)]
pub struct Args {
    /// Output format [default: from the -o file's extension].
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Export the non-political incidents (disasters, accidents, organised crime) instead of
    /// the events; filter them with --kind (not --type).
    #[arg(long)]
    pub incidents: bool,
    #[command(flatten)]
    pub kinds: KindArgs,
    #[command(flatten)]
    pub query: QueryArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let format = match (args.format, &args.output) {
        (Some(f), _) => f,
        (None, Some(path)) => ExportFormat::from_extension(path).with_context(|| {
            format!(
                "cannot tell the format from {}; add --format csv, json, jsonl or geojson",
                path.display()
            )
        })?,
        (None, None) => {
            anyhow::bail!("choose an output format: --format csv, json, jsonl or geojson")
        }
    };
    if !args.incidents && !args.kinds.kinds.is_empty() {
        anyhow::bail!("--kind filters incidents: add --incidents");
    }
    let store = open_existing_store(args.query.db.as_deref())?;
    let what = if args.incidents {
        "incidents"
    } else {
        "events"
    };
    let write = |out: &mut dyn Write| -> anyhow::Result<ExportSummary> {
        if args.incidents {
            let incidents = store.incidents(&args.kinds.to_query(&args.query)?)?;
            write_records(&incidents, format, out)
        } else {
            write_records(&store.events(&args.query.to_query()?)?, format, out)
        }
    };

    let summary = match &args.output {
        None => {
            let stdout = std::io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            match write(&mut out) {
                Ok(s) => s,
                Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
                Err(e) => return Err(e),
            }
        }
        Some(path) => {
            // Write beside the target and rename, so a failed export never leaves half a file
            // where a good one was.
            let mut tmp = path.clone().into_os_string();
            tmp.push(".partial");
            let tmp = PathBuf::from(tmp);
            let file =
                File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
            let mut out = BufWriter::new(file);
            let summary = write(&mut out)
                .and_then(|s| {
                    out.flush()?;
                    Ok(s)
                })
                .with_context(|| format!("writing {}", tmp.display()));
            let summary = match summary {
                Ok(s) => s,
                Err(e) => {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(e);
                }
            };
            drop(out);
            std::fs::rename(&tmp, path)
                .with_context(|| format!("cannot move {} to {}", tmp.display(), path.display()))?;
            summary
        }
    };
    let target = args.output.as_ref().map_or_else(
        || "standard output".to_string(),
        |p| p.display().to_string(),
    );
    eprintln!("exported {} {what} to {target}", summary.written);
    if summary.without_coordinates > 0 {
        eprintln!(
            "left out {} {what} without coordinates (GeoJSON needs a point)",
            summary.without_coordinates
        );
    }
    Ok(ExitCode::SUCCESS)
}
