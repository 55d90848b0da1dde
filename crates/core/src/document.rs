//! Documents, sentences and entity mentions.

use serde::{Deserialize, Serialize};

use crate::{Place, Span};

/// The format a document arrived in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentFormat {
    Text,
    Html,
    FeedItem,
    Jsonl,
}

impl DocumentFormat {
    pub fn as_str(&self) -> &'static str {
        match self {
            DocumentFormat::Text => "text",
            DocumentFormat::Html => "html",
            DocumentFormat::FeedItem => "feed_item",
            DocumentFormat::Jsonl => "jsonl",
        }
    }
}

/// Maps byte offsets of the cleaned text back to byte offsets of the raw input.
///
/// Stored as sorted anchor pairs `(clean_offset, raw_offset)`: a clean offset maps to the raw
/// offset of the nearest anchor at or before it plus the distance from that anchor. Text copied
/// verbatim gets one anchor per run; text whose raw form differs (entities, tags) gets an anchor
/// at each change, so the mapping is exact at every anchor and approximate only inside a decoded
/// entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OffsetMap {
    pub anchors: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The identity map (cleaned text equals raw text).
    pub fn identity() -> Self {
        OffsetMap {
            anchors: vec![(0, 0)],
        }
    }
    pub fn push(&mut self, clean: usize, raw: usize) {
        if let Some(&(c, r)) = self.anchors.last() {
            // Drop anchors implied by the previous one, keeping the map small.
            if clean >= c && raw >= r && clean - c == raw - r {
                return;
            }
        }
        self.anchors.push((clean, raw));
    }
    /// Raw byte offset for a clean byte offset; `None` when the map is empty.
    pub fn to_raw(&self, clean: usize) -> Option<usize> {
        let idx = match self.anchors.binary_search_by(|&(c, _)| c.cmp(&clean)) {
            Ok(i) => i,
            Err(0) => return None,
            Err(i) => i - 1,
        };
        let (c, r) = self.anchors[idx];
        Some(r + (clean - c))
    }
    pub fn span_to_raw(&self, span: Span) -> Option<Span> {
        let s = self.to_raw(span.start)?;
        let e = self.to_raw(span.end)?;
        Some(Span::new(s, e.max(s)))
    }
}

/// One input article after ingestion and cleaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the input's own id (JSONL, feed guid) or a hash of the raw bytes.
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Publisher or feed name (kept here, never in an event's attribution).
    pub source: Option<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD`).
    pub published: Option<String>,
    pub format: DocumentFormat,
    /// Where it came from: a path, `path#line`, `feed#item`, or `-` for stdin.
    pub origin: String,
    /// The raw input, decoded to UTF-8.
    pub raw: String,
    /// The cleaned article text that every span points into.
    pub text: String,
    pub offsets: OffsetMap,
    /// Hash of the whitespace-normalised text: equal for byte- or whitespace-identical copies.
    pub content_hash: String,
}

impl Document {
    /// A plain-text document whose cleaned text is its raw input (tests, benches, snippets
    /// scored one by one): no offsets to map and no content hash.
    pub fn plain_text(id: &str, text: &str, published: Option<&str>) -> Document {
        Document {
            id: id.into(),
            url: None,
            title: None,
            source: None,
            published: published.map(str::to_string),
            format: DocumentFormat::Text,
            origin: "test".into(),
            raw: text.to_string(),
            text: text.to_string(),
            offsets: OffsetMap::identity(),
            content_hash: String::new(),
        }
    }
}

/// Codebook section 8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SentenceClass {
    Report,
    Background,
    Commentary,
    Furniture,
}

impl SentenceClass {
    pub fn as_str(&self) -> &'static str {
        match self {
            SentenceClass::Report => "report",
            SentenceClass::Background => "background",
            SentenceClass::Commentary => "commentary",
            SentenceClass::Furniture => "furniture",
        }
    }
    /// Only report and background sentences yield events.
    pub fn yields_events(&self) -> bool {
        matches!(self, SentenceClass::Report | SentenceClass::Background)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub text: String,
    pub class: SentenceClass,
    /// Why the class was chosen (the cue that decided it), for analysts and debugging.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class_reason: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Place,
    /// A country adjective ("Syrian") that points at a country.
    Demonym,
    ArmedGroup,
    StateForces,
    Government,
    Person,
    Media,
    Organisation,
}

/// A named thing found in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    pub span: Span,
    pub text: String,
    pub kind: EntityKind,
    /// Normalised name ("ISIS" for "Daesh"; "Tadmur" for "Palmyra").
    pub name: String,
    /// ISO alpha-2 of the state it belongs to, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// For places: the resolved gazetteer entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// For places: other candidates considered, best first (name, country, score).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Place>,
    /// Confidence of the recognition and resolution, 0..1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

/// A problem found while processing an input; processing goes on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The input it concerns (path, path#line, url).
    pub input: String,
    pub message: String,
}

/// Everything the engine found in one document: the output of `extract`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub document: Document,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<EntityMention>,
    pub events: Vec<crate::Event>,
    /// Non-political incidents (disasters, accidents, organised crime): kept apart from
    /// the events, never counted as conflict events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<crate::Incident>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}
