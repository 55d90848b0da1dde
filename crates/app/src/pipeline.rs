//! Running the engine over a stream of inputs: loading resources once, extracting documents
//! in parallel batches (order kept), and counting what was skipped and why.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use rayon::prelude::*;
use sitrep_core::{Diagnostic, Document, Extraction};
use sitrep_text::{extract, ExtractOptions, Resources};

use crate::resources::{data_dir, load_gazetteer};

/// Documents extracted together; large enough to keep both cores busy, small enough to
/// bound memory (the stream is never loaded whole).
pub const BATCH: usize = 256;

/// Load the gazetteer and lexicons once.
pub fn load_resources(data: Option<&Path>) -> anyhow::Result<Resources> {
    let dir = data_dir(data)?;
    let gaz = load_gazetteer(&dir)?;
    Resources::new(gaz)
        .map_err(|e| anyhow::anyhow!(e))
        .context("loading the built-in lexicons")
}

/// What a run skipped, by reason.
#[derive(Default)]
pub struct Summary {
    pub documents: usize,
    pub events: usize,
    pub skipped: BTreeMap<String, usize>,
    pub started: Option<Instant>,
}

impl Summary {
    pub fn skip(&mut self, d: &Diagnostic) {
        eprintln!("skipped {}: {}", d.input, d.message);
        // Group by the problem, not the input, for the summary line.
        let reason = d
            .message
            .split(':')
            .next()
            .unwrap_or(&d.message)
            .trim()
            .to_string();
        *self.skipped.entry(reason).or_default() += 1;
    }
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
    pub fn print(&self, verb: &str) {
        let secs = self
            .started
            .map(|s| s.elapsed().as_secs_f64())
            .unwrap_or(0.0);
        eprintln!(
            "{verb} {} documents, {} events in {:.1}s; skipped {} inputs",
            self.documents,
            self.events,
            secs,
            self.skipped_total()
        );
        for (reason, n) in &self.skipped {
            eprintln!("  {n} skipped: {reason}");
        }
    }
}

/// Extract a batch of documents in parallel, results in input order.
pub fn extract_batch(docs: &[Document], res: &Resources, opts: &ExtractOptions) -> Vec<Extraction> {
    docs.par_iter().map(|d| extract(d, res, opts)).collect()
}
