//! `meihe index`, `meihe stats` and `meihe delete`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use meihe_core::schema::{Kind, KindSchema};
use meihe_core::{Analyzer, Taxonomy};
use meihe_indexer::{DocumentBuilder, ImportSummary, IndexStore, delete_ids, import_jsonl};

pub const INDEX_EXAMPLES: &str = "\
Examples:
  meihe index --index ./index --kind jobs fixtures/jobs.jsonl
  meihe index --index ./index --kind resumes a.jsonl b.jsonl
Each line is one JSON object (SPEC §3). Bad lines are reported with their line, field and
reason; the good lines of the same file still go in. Re-importing an id replaces it.";

/// The kind of documents, on the command line.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum KindArg {
    /// Job postings.
    Jobs,
    /// Résumés.
    Resumes,
}

impl From<KindArg> for Kind {
    fn from(kind: KindArg) -> Kind {
        match kind {
            KindArg::Jobs => Kind::Jobs,
            KindArg::Resumes => Kind::Resumes,
        }
    }
}

/// Input formats.
#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
pub enum Format {
    /// JSON Lines: one JSON object per line.
    #[default]
    Jsonl,
}

/// Arguments of `meihe index`.
#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// Index directory (created if missing).
    #[arg(long, env = "MEIHE_INDEX", default_value = "index", value_name = "DIR")]
    index: PathBuf,
    /// What the files hold.
    #[arg(long, value_enum)]
    kind: KindArg,
    /// Input format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
    /// Input files.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Arguments of `meihe stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Index directory.
    #[arg(long, env = "MEIHE_INDEX", default_value = "index", value_name = "DIR")]
    index: PathBuf,
    /// Print {"jobs":N,"resumes":N,"segments":N,"bytes":N}.
    #[arg(long)]
    json: bool,
}

/// Arguments of `meihe delete`.
#[derive(Debug, clap::Args)]
pub struct DeleteArgs {
    /// Index directory.
    #[arg(long, env = "MEIHE_INDEX", default_value = "index", value_name = "DIR")]
    index: PathBuf,
    /// What the ids are.
    #[arg(long, value_enum)]
    kind: KindArg,
    /// Ids to delete.
    #[arg(required = true, value_name = "ID")]
    ids: Vec<String>,
}

fn open(
    index: &Path,
    taxonomy_dir: Option<&Path>,
) -> Result<(IndexStore, Arc<Analyzer>, Arc<Taxonomy>)> {
    let taxonomy = Arc::new(Taxonomy::load(taxonomy_dir).context("cannot load the taxonomy")?);
    let analyzer = Arc::new(Analyzer::new(&taxonomy).context("cannot build the analyzer")?);
    let store = IndexStore::open_or_create(index, analyzer.clone())?;
    Ok((store, analyzer, taxonomy))
}

/// Runs `meihe index`.
pub fn run_index(taxonomy_dir: Option<&Path>, args: IndexArgs) -> Result<()> {
    let Format::Jsonl = args.format;
    let kind = Kind::from(args.kind);
    let total: u64 = args
        .files
        .iter()
        .map(|file| {
            std::fs::metadata(file)
                .map(|metadata| metadata.len())
                .with_context(|| format!("cannot read {}", file.display()))
        })
        .sum::<Result<u64>>()?;
    let (store, analyzer, taxonomy) = open(&args.index, taxonomy_dir)?;
    let mut builder = DocumentBuilder::new(analyzer, taxonomy, KindSchema::new(kind));
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} indexing {msg} [{bar:30}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta})",
        )
        .expect("the template is valid")
        .progress_chars("=> "),
    );
    bar.set_message(kind.as_str());
    bar.enable_steady_tick(Duration::from_millis(200));
    let started = std::time::Instant::now();
    let summary =
        import_jsonl(&store, &mut builder, kind, &args.files, |bytes| bar.set_position(bytes));
    bar.finish_and_clear();
    let summary = summary?;
    if args.json {
        println!("{}", serde_json::to_string(&summary)?);
    } else {
        print_summary(kind, &summary, started.elapsed());
    }
    if summary.accepted == 0 && !summary.rejected.is_empty() {
        bail!("no record was accepted");
    }
    Ok(())
}

fn print_summary(kind: Kind, summary: &ImportSummary, elapsed: Duration) {
    println!(
        "{} {}: {} accepted, {} rejected ({:.1} s)",
        summary.accepted + summary.rejected.len(),
        kind.as_str(),
        summary.accepted,
        summary.rejected.len(),
        elapsed.as_secs_f64()
    );
    for file in &summary.empty_files {
        println!("{file}: no records (the file is empty)");
    }
    for error in &summary.rejected {
        let field = if error.field.is_empty() {
            String::new()
        } else {
            format!(" field `{}`:", error.field)
        };
        println!("rejected {}:{}:{field} {}", error.file, error.line, error.message);
    }
    for duplicate in &summary.duplicates {
        let lines: Vec<String> = duplicate.lines.iter().map(ToString::to_string).collect();
        println!(
            "duplicate id `{}` on lines {} of {}: the last one was kept",
            duplicate.id,
            lines.join(", "),
            duplicate.file
        );
    }
    if !summary.unresolved.is_empty() {
        let names: Vec<String> =
            summary.unresolved.iter().map(|(name, count)| format!("{name} ({count})")).collect();
        println!("not in the taxonomy (kept as text): {}", names.join(", "));
    }
}

/// Runs `meihe stats`.
pub fn run_stats(taxonomy_dir: Option<&Path>, args: StatsArgs) -> Result<()> {
    if !args.index.exists() {
        bail!(
            "no index at {}: create one with `meihe index --index {} …`",
            args.index.display(),
            args.index.display()
        );
    }
    let (store, _, _) = open(&args.index, taxonomy_dir)?;
    let stats = store.stats()?;
    if args.json {
        println!("{}", serde_json::to_string(&stats)?);
    } else {
        println!("jobs:     {}", stats.jobs);
        println!("resumes:  {}", stats.resumes);
        println!("segments: {}", stats.segments);
        println!("bytes:    {}", stats.bytes);
    }
    Ok(())
}

/// Runs `meihe delete`.
pub fn run_delete(taxonomy_dir: Option<&Path>, args: DeleteArgs) -> Result<()> {
    let (store, _, _) = open(&args.index, taxonomy_dir)?;
    delete_ids(&store, Kind::from(args.kind), &args.ids)?;
    println!("deleted {} id(s) from {}", args.ids.len(), Kind::from(args.kind).as_str());
    Ok(())
}
