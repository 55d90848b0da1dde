//! `sitrep extract`: run the engine on articles and print JSON, with no database.
//! One document prints one pretty JSON object; several (a feed, JSONL, a folder) print
//! JSON Lines, one object per document carrying the input's `id`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;
use sitrep_core::{Diagnostic, Document, EntityMention, Event, Extraction, Incident, Sentence};
use sitrep_text::ExtractOptions;

use crate::pipeline::{extract_batch, load_resources, Summary, BATCH};
use crate::sources::read_inputs;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: super::InputArgs,
    /// Always print JSON Lines, even for a single document.
    #[arg(long)]
    pub jsonl: bool,
    /// Leave the raw input and the offset map out of the output.
    #[arg(long)]
    pub no_raw: bool,
}

/// The document as printed: metadata, and raw input only when asked for.
#[derive(Serialize)]
struct DocumentView<'a> {
    id: &'a str,
    url: &'a Option<String>,
    title: &'a Option<String>,
    source: &'a Option<String>,
    published: &'a Option<String>,
    format: &'static str,
    origin: &'a str,
    content_hash: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    raw: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offsets: Option<&'a sitrep_core::OffsetMap>,
    text: &'a str,
}

#[derive(Serialize)]
struct ExtractionView<'a> {
    id: &'a str,
    document: DocumentView<'a>,
    sentences: &'a [Sentence],
    entities: &'a [EntityMention],
    events: &'a [Event],
    /// Non-political incidents (disasters, accidents, organised crime), apart from events.
    #[serde(skip_serializing_if = "<[Incident]>::is_empty")]
    incidents: &'a [Incident],
    #[serde(skip_serializing_if = "<[Diagnostic]>::is_empty")]
    diagnostics: &'a [Diagnostic],
}

fn view<'a>(ex: &'a Extraction, with_raw: bool) -> ExtractionView<'a> {
    let d: &Document = &ex.document;
    ExtractionView {
        id: &d.id,
        document: DocumentView {
            id: &d.id,
            url: &d.url,
            title: &d.title,
            source: &d.source,
            published: &d.published,
            format: d.format.as_str(),
            origin: &d.origin,
            content_hash: &d.content_hash,
            raw: with_raw.then_some(d.raw.as_str()),
            offsets: with_raw.then_some(&d.offsets),
            text: &d.text,
        },
        sentences: &ex.sentences,
        entities: &ex.entities,
        events: &ex.events,
        incidents: &ex.incidents,
        diagnostics: &ex.diagnostics,
    }
}

pub fn run(args: Args, data_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let res = load_resources(data_dir)?;
    let opts = ExtractOptions {
        published: args.input.published.clone(),
        home_country: args.input.home_country.clone(),
    };
    let src_opts = args.input.source_options();
    let mut summary = Summary {
        started: Some(std::time::Instant::now()),
        ..Summary::default()
    };
    let mut stream = read_inputs(&args.input.inputs, &src_opts).peekable();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut batch: Vec<Document> = Vec::new();
    let mut printed = 0usize;
    let mut single: Option<bool> = None;
    loop {
        let item = stream.next();
        let end = item.is_none();
        match item {
            Some(Ok(doc)) => batch.push(doc),
            Some(Err(d)) => summary.skip(&d),
            None => {}
        }
        if batch.len() >= BATCH || (end && !batch.is_empty()) {
            // Pretty single object only when the whole run is one document.
            // JSONL and feed inputs always give JSON Lines, even with one record.
            let streamed = batch.iter().any(|d| {
                matches!(
                    d.format,
                    sitrep_core::DocumentFormat::Jsonl | sitrep_core::DocumentFormat::FeedItem
                )
            });
            let one = *single
                .get_or_insert(!args.jsonl && !streamed && end && batch.len() == 1 && printed == 0);
            for ex in extract_batch(&batch, &res, &opts) {
                summary.documents += 1;
                summary.events += ex.events.len();
                let v = view(&ex, !args.no_raw && one);
                if one {
                    serde_json::to_writer_pretty(&mut out, &v)?;
                } else {
                    serde_json::to_writer(&mut out, &v)?;
                }
                writeln!(out)?;
                printed += 1;
            }
            batch.clear();
        }
        if end {
            break;
        }
    }
    out.flush()?;
    drop(out);
    if summary.skipped_total() > 0 || printed != 1 {
        summary.print("extracted");
    }
    if summary.skipped_total() > 0 {
        return Ok(ExitCode::from(super::EXIT_PARTIAL));
    }
    if printed == 0 {
        anyhow::bail!("no documents found in the inputs");
    }
    Ok(ExitCode::SUCCESS)
}
