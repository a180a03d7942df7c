//! `meihe prematch`.

use std::path::Path;

use anyhow::Result;

/// Arguments of `meihe prematch`.
#[derive(Debug, clap::Args)]
pub struct PrematchArgs {}

/// Runs `meihe prematch`.
pub fn run(_taxonomy_dir: Option<&Path>, _args: PrematchArgs) -> Result<()> {
    anyhow::bail!("meihe prematch is not available yet")
}
