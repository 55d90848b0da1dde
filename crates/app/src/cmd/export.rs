//! `sitrep export`: write stored events as CSV, JSON, JSON Lines or GeoJSON.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use sitrep_store::Store;

use crate::db::{open_existing_store, QueryArgs};
use crate::export::{is_broken_pipe, write_events, ExportFormat};

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  sitrep export --format csv --country SY -o syria.csv\n  \
                        sitrep export -o map.geojson --current --since 2024"
)]
pub struct Args {
    /// Output format [default: from the -o file's extension].
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
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
    let query = args.query.to_query()?;
    let store = open_existing_store(args.query.db.as_deref())?;
    let events = store.events(&query)?;

    let summary = match &args.output {
        None => {
            let stdout = std::io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            match write_events(&events, format, &mut out) {
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
            let summary = write_events(&events, format, &mut out)
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
    eprintln!("exported {} events to {target}", summary.written);
    if summary.without_coordinates > 0 {
        eprintln!(
            "left out {} events without coordinates (GeoJSON needs a point)",
            summary.without_coordinates
        );
    }
    Ok(ExitCode::SUCCESS)
}
