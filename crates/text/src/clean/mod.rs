//! Turning raw input (HTML, text, bytes in unknown encodings) into clean article text with an
//! offset map back to the raw input. Owned by the ingest work.
