//! `meihe gen`: a deterministic corpus of generated postings and résumés.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use meihe_core::Taxonomy;
use meihe_indexer::generate::write_corpus;

pub const EXAMPLES: &str = "\
Examples:
  meihe gen --jobs 1000 --resumes 5000 --out /tmp/corpus
  meihe gen --jobs 100000 --resumes 100000 --seed 7 --out /tmp/corpus-100k
The same seed always gives the same documents; the files are DIR/jobs.jsonl and
DIR/resumes.jsonl, ready for `meihe index`.";

/// Arguments of `meihe gen`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Number of job postings.
    #[arg(long, default_value_t = 1000)]
    jobs: u64,
    /// Number of résumés.
    #[arg(long, default_value_t = 1000)]
    resumes: u64,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output directory (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

/// Runs `meihe gen`.
pub fn run(taxonomy_dir: Option<&Path>, args: Args) -> Result<()> {
    let taxonomy = Taxonomy::load(taxonomy_dir).context("cannot load the taxonomy")?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let create = |name: &str| -> Result<BufWriter<File>> {
        let path = args.out.join(name);
        let file =
            File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
        Ok(BufWriter::with_capacity(1 << 20, file))
    };
    let mut jobs = create("jobs.jsonl")?;
    let mut resumes = create("resumes.jsonl")?;
    let bar = ProgressBar::new(args.jobs + args.resumes);
    bar.set_style(
        ProgressStyle::with_template(
            "generating [{bar:30}] {pos}/{len} documents ({per_sec}, {eta})",
        )
        .expect("the template is valid")
        .progress_chars("=> "),
    );
    let bytes = write_corpus(
        &taxonomy,
        args.seed,
        args.jobs,
        args.resumes,
        &mut jobs,
        &mut resumes,
        |done, _| bar.set_position(done),
    )
    .context("cannot write the corpus")?;
    bar.finish_and_clear();
    println!(
        "wrote {} postings and {} résumés ({:.1} MB) to {}",
        args.jobs,
        args.resumes,
        bytes as f64 / 1e6,
        args.out.display()
    );
    Ok(())
}
