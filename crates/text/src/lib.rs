//! Pure text processing for sitrep.
//!
//! Architecture invariant: no file, network or database IO and no global mutable state.
//! Resources (gazetteer, lexicons, mapping tables) are parsed from bytes handed in by the
//! application and shared immutably. Every stage takes text and returns annotations; none
//! panics on input, whatever the bytes.

pub mod clean;
pub mod geo;
pub mod pipeline;

pub use pipeline::{extract, ExtractOptions, Resources};
pub mod nlp;
