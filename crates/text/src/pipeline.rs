//! The extraction pipeline: document in, sentences, entities and events out.

use sitrep_core::{Document, Extraction};

/// Immutable resources shared by every extraction.
pub struct Resources {}

#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Publication date (`YYYY-MM-DD`) overriding the document's own.
    pub published: Option<String>,
}

pub fn extract(doc: &Document, _res: &Resources, _opts: &ExtractOptions) -> Extraction {
    Extraction {
        document: doc.clone(),
        sentences: vec![],
        entities: vec![],
        events: vec![],
        diagnostics: vec![],
    }
}
