//! One module per subcommand.

pub mod bench;
pub mod events;
pub mod export;
pub mod extract;
pub mod incidents;
pub mod ingest;

/// Exit codes (documented in README.md).
/// 0: success. 1: failure (bad arguments, unusable database or data folder).
/// 2: the run finished but some inputs were skipped (see the summary on stderr).
pub const EXIT_FAILURE: u8 = 1;
pub const EXIT_PARTIAL: u8 = 2;

/// The inputs shared by `extract` and `ingest`.
#[derive(clap::Args)]
pub struct InputArgs {
    /// Files or folders to read (text, HTML, RSS/Atom, JSONL); `-` reads standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<std::path::PathBuf>,
    /// Publication date (YYYY-MM-DD) for resolving relative dates; overrides the input's own.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Input format instead of detection: text, html, feed or jsonl.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<crate::sources::InputFormat>,
    /// The sources' home country (ISO 3166-1 alpha-2, e.g. CA), evidence for reading their
    /// places; by default each document's is read from its URL's country-code domain, if any.
    #[arg(long, value_name = "ISO2", value_parser = parse_iso2)]
    pub home_country: Option<String>,
}

impl InputArgs {
    /// How the sources read these inputs.
    pub fn source_options(&self) -> crate::sources::SourceOptions {
        crate::sources::SourceOptions {
            published: self.published.clone(),
            format: self.format,
            ..crate::sources::SourceOptions::default()
        }
    }
}

fn parse_iso2(s: &str) -> Result<String, String> {
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(s.to_ascii_uppercase())
    } else {
        Err(format!(
            "'{s}' is not a two-letter country code (ISO 3166-1 alpha-2)"
        ))
    }
}

fn parse_format(s: &str) -> Result<crate::sources::InputFormat, String> {
    crate::sources::InputFormat::parse(s)
        .ok_or_else(|| format!("unknown format '{s}': use text, html, feed or jsonl"))
}
