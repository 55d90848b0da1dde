//! One module per subcommand.

pub mod bench;
pub mod events;
pub mod export;
pub mod extract;
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

fn parse_format(s: &str) -> Result<crate::sources::InputFormat, String> {
    crate::sources::InputFormat::parse(s)
        .ok_or_else(|| format!("unknown format '{s}': use text, html, feed or jsonl"))
}
