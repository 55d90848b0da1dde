//! Turning raw input (HTML, text, bytes in unknown encodings) into clean article text with an
//! offset map back to the raw input.
//!
//! - [`decode`]: bytes to UTF-8 (BOM, declared charset, HTML meta / XML declaration, detection);
//!   binary input is rejected.
//! - [`clean_html`] / [`clean_html_fragment`]: main-content extraction with page furniture
//!   removed; metadata from JSON-LD and meta tags.
//! - [`clean_text`]: line-ending and whitespace normalisation with an exact offset map.
//! - [`content_hash`]: hash of whitespace-normalised text for duplicate detection.
//!
//! Invariants: pure functions, no IO, never panic on any input. In every [`Cleaned`], the
//! offset map is defined at every clean offset, monotonic, and maps into `0..=raw.len()`.

mod align;
mod date;
mod decode;
mod html;
mod text;

use sitrep_core::{OffsetMap, Span};

pub use date::normalise_date;
pub use decode::{decode, Decoded};
pub use html::{clean_html, clean_html_fragment};
pub use text::{clean_text, content_hash};

/// Why input could not be decoded as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CleanError {
    #[error("input is empty")]
    Empty,
    /// Not text: the detail says why ("PDF signature", "NUL byte at offset 12").
    #[error("input looks binary ({0})")]
    Binary(String),
}

/// Cleaned article text plus what was learnt and removed on the way.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// Article text; paragraphs are separated by a blank line.
    pub text: String,
    /// Maps byte offsets of `text` to byte offsets of the raw input.
    pub offsets: OffsetMap,
    pub title: Option<String>,
    pub byline: Option<String>,
    /// Publication date from metadata, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Publisher name (`og:site_name`, JSON-LD publisher).
    pub site_name: Option<String>,
    /// Canonical URL from metadata.
    pub url: Option<String>,
    /// Raw spans dropped as page furniture, with the reason. A span of `0..0` means the
    /// removed text could not be located in the raw input.
    pub removed: Vec<(Span, String)>,
}

#[cfg(test)]
mod tests;
