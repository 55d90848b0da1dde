//! `sitrep ingest`: extract articles and store them in the database, in batches, with a
//! progress bar and a summary of what was stored, linked as duplicate, or skipped.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use sitrep_core::Document;
use sitrep_text::ExtractOptions;

use crate::db::{open_store, BatchWriter};
use crate::pipeline::{extract_batch, load_resources, Summary, BATCH};
use crate::sources::read_inputs;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: super::InputArgs,
    /// Database file [default: sitrep.sqlite in the current folder].
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Documents per database transaction.
    #[arg(long, default_value_t = BatchWriter::<sitrep_store::SqliteStore>::DEFAULT_BATCH)]
    pub batch: usize,
    /// No progress bar (it is also hidden when stderr is not a terminal).
    #[arg(long)]
    pub quiet: bool,
}

pub fn run(args: Args, data_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let res = load_resources(data_dir)?;
    let mut store = open_store(args.db.as_deref())?;
    let opts = ExtractOptions {
        published: None,
        home_country: args.input.home_country.clone(),
    };
    let src_opts = args.input.source_options();
    let mut summary = Summary {
        started: Some(std::time::Instant::now()),
        ..Summary::default()
    };
    let bar = if args.quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::new_spinner()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {elapsed_precise} {pos} documents ({per_sec}) {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let mut writer = BatchWriter::new(&mut store, args.batch);
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let mut stream = read_inputs(&args.input.inputs, &src_opts);
    loop {
        let item = stream.next();
        let end = item.is_none();
        match item {
            Some(Ok(doc)) => batch.push(doc),
            Some(Err(d)) => bar.suspend(|| summary.skip(&d)),
            None => {}
        }
        if batch.len() >= BATCH || (end && !batch.is_empty()) {
            for ex in extract_batch(&batch, &res, &opts) {
                summary.documents += 1;
                summary.events += ex.events.len();
                writer.push(ex)?;
            }
            bar.inc(batch.len() as u64);
            bar.set_message(format!(
                "{} events, {} skipped",
                summary.events,
                summary.skipped_total()
            ));
            batch.clear();
        }
        if end {
            break;
        }
    }
    let counts = writer.finish()?;
    bar.finish_and_clear();
    summary.print("extracted");
    eprintln!("{counts}");
    if summary.documents == 0 && summary.skipped_total() == 0 {
        anyhow::bail!("no documents found in the inputs");
    }
    Ok(if summary.skipped_total() > 0 {
        ExitCode::from(super::EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    })
}
