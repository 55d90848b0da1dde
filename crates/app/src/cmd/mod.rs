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
