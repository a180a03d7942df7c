//! `meihe index`, `meihe stats` and `meihe delete`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use meihe_core::schema::{Kind, KindSchema};
use meihe_core::{Analyzer, Taxonomy};
use meihe_indexer::{DocumentBuilder, Format, ImportSummary, IndexStore, delete_ids, import_files};

pub const INDEX_EXAMPLES: &str = "\
Examples:
  meihe index --index ./index --kind jobs fixtures/jobs.jsonl
  meihe index --index ./index --kind resumes a.jsonl b.jsonl
  meihe index --kind jobs --map title=職缺名稱 --map employer.name=公司名稱 \\
      --map description=工作內容 --map skills=工作技能 --map skills=擅長工具 jobs.csv
JSON Lines hold one JSON object per line (SPEC §3). Bad lines or rows are reported with
their line, field and reason; the good ones of the same file still go in. Re-importing an
id replaces it; CSV and Excel rows without an id get FILE#ROW.";

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
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum FormatArg {
    /// JSON Lines: one JSON object per line.
    Jsonl,
    /// CSV with a header row.
    Csv,
    /// Excel workbook (first sheet, header row); .xls and .ods are read too.
    Xlsx,
}

impl FormatArg {
    /// The format a file name suggests.
    fn from_path(path: &Path) -> Option<FormatArg> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "jsonl" | "ndjson" | "json" => Some(FormatArg::Jsonl),
            "csv" | "tsv" => Some(FormatArg::Csv),
            "xlsx" | "xlsm" | "xls" | "ods" => Some(FormatArg::Xlsx),
            _ => None,
        }
    }
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
    /// Input format; by default taken from the files' extension (.jsonl, .csv, .xlsx).
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// For CSV and Excel: the column that feeds a field, as FIELD=COLUMN (repeatable;
    /// nested fields as dotted paths such as employer.name=公司名稱; list fields such as
    /// skills split cells on ; ； 、 and , and may take several columns). Without --map,
    /// columns named like a field are used.
    #[arg(long = "map", value_name = "FIELD=COLUMN")]
    map: Vec<String>,
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
    let kind = Kind::from(args.kind);
    let format = match args.format {
        Some(format) => format,
        None => {
            let formats: Vec<Option<FormatArg>> =
                args.files.iter().map(|file| FormatArg::from_path(file)).collect();
            match formats.first() {
                Some(Some(first))
                    if formats
                        .iter()
                        .all(|format| format.map(|f| f as u8) == Some(*first as u8)) =>
                {
                    *first
                }
                _ => bail!(
                    "cannot tell the format from the file names: give --format jsonl, csv or xlsx"
                ),
            }
        }
    };
    let format = match format {
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Csv => Format::Csv,
        FormatArg::Xlsx => Format::Xlsx,
    };
    if format == Format::Jsonl && !args.map.is_empty() {
        bail!("--map applies to CSV and Excel input, not JSON Lines");
    }
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
        import_files(&store, &mut builder, kind, &args.files, format, &args.map, |bytes| {
            bar.set_position(bytes)
        });
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
