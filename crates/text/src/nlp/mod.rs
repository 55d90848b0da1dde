//! Language processing stages over clean text: tokens, sentences, sentence classes, actors,
//! numbers and counts, dates, attribution, events and non-political incidents. Each stage is a pure function.

pub mod acled;
pub mod actors;
pub mod attribution;
pub mod classify;
pub mod counts;
pub mod dates;
pub mod events;
pub mod incidents;
pub mod lexicon;
pub mod senses;
pub mod sentences;
pub mod subplace;
pub mod tokens;
pub mod truecase;
