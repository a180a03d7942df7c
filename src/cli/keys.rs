//! `meihe keys`.

use anyhow::Result;

/// Arguments of `meihe keys`.
#[derive(Debug, clap::Args)]
pub struct KeysArgs {}

/// Runs `meihe keys`.
pub fn run(_args: KeysArgs) -> Result<()> {
    anyhow::bail!("meihe keys is not available yet")
}
