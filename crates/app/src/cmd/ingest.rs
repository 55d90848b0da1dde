//! Placeholder.
use std::path::Path;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _data_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
