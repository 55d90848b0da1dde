//! Storage for sitrep behind the [`Store`] trait.
//!
//! A store keeps extracted documents (with their sentences, entity mentions, events and
//! incidents) and answers event and incident queries. [`SqliteStore`] is the default backend; another backend (PostgreSQL)
//! implements the same trait and must pass the same [`conformance`] suite.
//!
//! Invariants every backend keeps:
//! - Re-storing a document with the same id and content hash creates nothing new.
//! - A document whose `content_hash` equals a stored document's is linked to that canonical
//!   document and adds no events (codebook section 9: duplicates do not multiply events).
//! - Events come back exactly as they went in (the full [`Event`] is stored as JSON).
//! - Incidents ([`Incident`]: disasters, accidents, organised crime) are stored beside the
//!   events, never as events, and follow the same rules: replaced with their document on
//!   update, none for a duplicate, back exactly as they went in.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sitrep_core::{Event, EventStatus, EventType, Extraction, Incident};

pub mod conformance;
mod error;
mod migrations;
mod query;
mod sqlite;

pub use error::StoreError;
pub use migrations::SCHEMA_VERSION;
pub use query::{BBox, EventQuery, IncidentQuery};
pub use sqlite::SqliteStore;

/// What happened to one document given to [`Store::put`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum PutOutcome {
    /// New document; its sentences, mentions and events were stored.
    Inserted,
    /// A document with the same id and content hash is already stored; nothing changed.
    AlreadyStored,
    /// Same id as a stored document but different content (an updated article): the old
    /// sentences, mentions and events were replaced by the new ones.
    Updated,
    /// Same content hash as another stored document: stored and linked to it, no events added.
    Duplicate { canonical: String },
}

/// One event as returned by [`Store::events`], with the document it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    /// Stable id: `<document id>#<index in the document's event list>`.
    pub id: String,
    pub document_id: String,
    pub document_url: Option<String>,
    pub document_title: Option<String>,
    pub event: Event,
}

/// One incident as returned by [`Store::incidents`], with the document it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredIncident {
    /// Stable id: `<document id>#incident-<index in the document's incident list>`.
    pub id: String,
    pub document_id: String,
    pub document_url: Option<String>,
    pub document_title: Option<String>,
    pub incident: Incident,
}

/// A stored document with its annotations, as returned by [`Store::extraction`].
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDocument {
    /// The document, sentences, mentions and events as stored. Diagnostics are not stored.
    /// A duplicate has no sentences, mentions or events of its own.
    pub extraction: Extraction,
    /// For a duplicate: the id of the canonical document it was linked to.
    pub canonical_id: Option<String>,
    /// When it was first stored, RFC 3339 UTC.
    pub ingested_at: String,
}

/// Counts over the whole store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreStats {
    /// All stored documents, duplicates included.
    pub documents: u64,
    /// Documents linked to a canonical document.
    pub duplicates: u64,
    pub events: u64,
    pub events_by_type: BTreeMap<EventType, u64>,
    pub events_by_status: BTreeMap<String, u64>,
    #[serde(default)]
    pub incidents: u64,
    /// Incidents by kind (`natural_disaster`, `man_made_disaster`, `organised_crime`).
    #[serde(default)]
    pub incidents_by_kind: BTreeMap<String, u64>,
}

/// Event id for the `idx`-th event of document `doc`.
pub fn event_id(doc: &str, idx: usize) -> String {
    format!("{doc}#{idx}")
}

/// Incident id for the `idx`-th incident of document `doc` (apart from event ids, which are
/// `<doc>#<idx>`).
pub fn incident_id(doc: &str, idx: usize) -> String {
    format!("{doc}#incident-{idx}")
}

/// A place to keep extractions and query events from.
pub trait Store {
    /// Store one extraction (one transaction).
    fn put(&mut self, ex: &Extraction) -> Result<PutOutcome, StoreError> {
        let mut out = self.put_batch(std::slice::from_ref(ex))?;
        out.pop()
            .ok_or_else(|| StoreError::Backend("put_batch returned no outcome".into()))
    }
    /// Store many extractions in one transaction: all are stored or, on error, none.
    /// Outcomes are in input order; a document repeated within the batch is `AlreadyStored`
    /// the second time.
    fn put_batch(&mut self, exs: &[Extraction]) -> Result<Vec<PutOutcome>, StoreError>;
    /// Events matching every filter of `q`, ordered by start date (undated last), then
    /// document id and index.
    fn events(&self, q: &EventQuery) -> Result<Vec<StoredEvent>, StoreError>;
    /// Incidents matching every filter of `q`, in the same order as [`Store::events`].
    fn incidents(&self, q: &IncidentQuery) -> Result<Vec<StoredIncident>, StoreError>;
    /// One stored document by id.
    fn extraction(&self, document_id: &str) -> Result<Option<StoredDocument>, StoreError>;
    fn stats(&self) -> Result<StoreStats, StoreError>;
}

/// The statuses counted as current events by default (occurred, claimed): for callers that
/// want the codebook's default map and tally view instead of every status.
pub fn current_statuses() -> Vec<EventStatus> {
    [
        EventStatus::Occurred,
        EventStatus::Claimed,
        EventStatus::Denied,
        EventStatus::Threatened,
        EventStatus::Planned,
        EventStatus::Hypothetical,
        EventStatus::Negated,
        EventStatus::Background,
    ]
    .into_iter()
    .filter(|s| s.counts_as_current())
    .collect()
}
