//! The sitrep command line. A thin layer over the library crates: it parses arguments, finds
//! resources, and hands work to `sources`, `pipeline` and the store.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;
mod db;
mod eval;
mod export;
mod pipeline;
mod resources;
mod sources;

// The engine builds many short strings per sentence (tokens, keys, names); mimalloc serves
// them at about half the instructions of glibc's malloc (docs/bench.md, session 3).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "sitrep",
    version,
    about = "News articles in; geocoded, source-attributed event records out."
)]
struct Cli {
    /// Folder with the gazetteer and mapping tables (default: $SITREP_DATA_DIR, else the
    /// repository's data/ folder).
    #[arg(long, global = true)]
    data_dir: Option<std::path::PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract events from articles and print JSON (no database).
    Extract(cmd::extract::Args),
    /// Extract and store articles in the database.
    Ingest(cmd::ingest::Args),
    /// Query stored events.
    Events(cmd::events::Args),
    /// Query stored incidents (natural and man-made disasters, organised crime).
    Incidents(cmd::incidents::Args),
    /// Export stored events (or incidents) as JSON, CSV or GeoJSON.
    Export(cmd::export::Args),
    /// Score the engine against a gold set and write a report (e.g. `eval geo --gold FILE`).
    Eval(eval::Args),
    /// Measure speed, memory and scaling of the pipeline on a corpus.
    Bench(cmd::bench::Args),
}

fn main() -> ExitCode {
    // Usage errors exit 1 (exit 2 means "finished, some inputs skipped"); help and version exit 0.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(cmd::EXIT_FAILURE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        Command::Extract(a) => cmd::extract::run(a, cli.data_dir.as_deref()),
        Command::Ingest(a) => cmd::ingest::run(a, cli.data_dir.as_deref()),
        Command::Events(a) => cmd::events::run(a),
        Command::Incidents(a) => cmd::incidents::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Eval(a) => eval::run(a, cli.data_dir.as_deref()),
        Command::Bench(a) => cmd::bench::run(a, cli.data_dir.as_deref()),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`sitrep extract ... | head`) is the reader's choice, not an error.
        Err(e) if export::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(cmd::EXIT_FAILURE)
        }
    }
}
