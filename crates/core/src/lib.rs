//! Core types of sitrep: the codebook's event record and the document model it is coded from.
//!
//! Invariants: this crate does no IO, has no global state and never panics on data.
//! Every [`Span`] is a byte range into a document's cleaned text (`Document::text`),
//! computed once and never rewritten; [`OffsetMap`] maps it back to the raw input.

pub mod document;
pub mod event;
pub mod incident;
pub mod place;
pub mod span;

pub use document::{
    Diagnostic, Document, DocumentFormat, EntityKind, EntityMention, Extraction, OffsetMap,
    Sentence, SentenceClass,
};
pub use event::{
    Actor, ActorKind, ActorRole, Attribution, AttributionKind, Count, DateBasis, DatePrecision,
    Duration, Event, EventDate, EventStatus, EventType, Evidence, Relation, RelationKind,
};
pub use incident::{Incident, IncidentKind};
pub use place::{Location, Place, Precision};
pub use span::Span;
