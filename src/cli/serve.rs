//! `meihe serve`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use meihe_core::schema::{Kind, KindSchema};
use meihe_core::{Analyzer, Taxonomy};
use meihe_indexer::{DocumentBuilder, import_jsonl};
use meihe_query::Engine;
use meihe_query::fair::FairCatalog;
use meihe_query::http::{AppState, KeyStore, ServiceConfig, serve};

pub const EXAMPLES: &str = "\
Examples:
  meihe serve                                   ./index (filled from the fixtures if empty) on 127.0.0.1:8080
  meihe serve --index /data/meihe --no-fixtures
  meihe serve --addr 0.0.0.0:8080 --keys keys.jsonl --log-format json
Without --keys every caller is admin, so the server listens on loopback only; it refuses a
public address without keys. Create keys with `meihe keys add`. Every flag also reads a
MEIHE_* environment variable (MEIHE_INDEX, MEIHE_ADDR, MEIHE_KEYS, MEIHE_NO_FIXTURES,
MEIHE_FIXTURES, MEIHE_LOG_FORMAT, MEIHE_CONCURRENCY, MEIHE_TIMEOUT, MEIHE_RATE).
API description: GET /openapi.json. Metrics: GET /metrics (from loopback).";

/// The fixtures compiled into the binary, used when no fixtures directory is at hand.
const JOBS: &str = include_str!("../../fixtures/jobs.jsonl");
const RESUMES: &str = include_str!("../../fixtures/resumes.jsonl");
const FAIRS: &str = include_str!("../../fixtures/fairs.jsonl");

/// Log line formats.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum LogFormat {
    /// One readable line per event.
    Human,
    /// One JSON object per event.
    Json,
}

/// Arguments of `meihe serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Index directory (created if missing).
    #[arg(long, env = "MEIHE_INDEX", default_value = "index", value_name = "DIR")]
    index: PathBuf,
    /// Address to listen on; port 0 picks a free port (the URL printed says which).
    #[arg(long, env = "MEIHE_ADDR", default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
    addr: SocketAddr,
    /// API keys file (see `meihe keys`). Without it every caller is admin and only
    /// loopback addresses are allowed.
    #[arg(long, env = "MEIHE_KEYS", value_name = "FILE")]
    keys: Option<PathBuf>,
    /// Do not fill an empty index with the sample postings and résumés.
    #[arg(long, env = "MEIHE_NO_FIXTURES")]
    no_fixtures: bool,
    /// Directory with jobs.jsonl, resumes.jsonl and fairs.jsonl to fill an empty index
    /// from; by default ./fixtures when present, else the copy compiled into meihe.
    #[arg(long, env = "MEIHE_FIXTURES", value_name = "DIR")]
    fixtures: Option<PathBuf>,
    /// Log format.
    #[arg(long, env = "MEIHE_LOG_FORMAT", value_enum, default_value = "human")]
    log_format: LogFormat,
    /// Searches and matches running at once (default: 4 per core).
    #[arg(long, env = "MEIHE_CONCURRENCY")]
    concurrency: Option<usize>,
    /// Longest a request may take, in seconds.
    #[arg(long, env = "MEIHE_TIMEOUT", default_value_t = 30)]
    timeout: u64,
    /// Requests per second allowed per key (bursts of four times as many).
    #[arg(long, env = "MEIHE_RATE", default_value_t = meihe_query::http::DEFAULT_RATE_PER_SECOND)]
    rate: u32,
}

/// Runs `meihe serve`.
pub fn run(taxonomy_dir: Option<&Path>, args: ServeArgs) -> Result<()> {
    init_logging(args.log_format);
    if args.keys.is_none() && !args.addr.ip().is_loopback() {
        bail!(
            "refusing to listen on {} without API keys: without --keys every caller is admin. \
             Create keys with `meihe keys add --keys keys.jsonl --role admin` and pass --keys, \
             or listen on 127.0.0.1",
            args.addr
        );
    }
    let keys = match &args.keys {
        Some(path) => Some(
            KeyStore::open(path)
                .with_context(|| format!("cannot use the keys file {}", path.display()))?,
        ),
        None => None,
    };
    let taxonomy = Arc::new(Taxonomy::load(taxonomy_dir).context("cannot load the taxonomy")?);
    let analyzer = Arc::new(Analyzer::new(&taxonomy).context("cannot build the analyzer")?);
    let engine = Engine::open(&args.index, taxonomy.clone(), analyzer.clone())
        .with_context(|| format!("cannot open the index at {}", args.index.display()))?;
    if !args.no_fixtures && engine.count(Kind::Jobs) == 0 && engine.count(Kind::Resumes) == 0 {
        seed(&engine, &args)?;
        engine.reload()?;
    }
    let catalog = FairCatalog::open(&args.index).context("cannot read the fair catalog")?;
    let config = ServiceConfig {
        keys,
        catalog: Arc::new(catalog),
        concurrency: args.concurrency.unwrap_or_else(|| ServiceConfig::default().concurrency),
        timeout: Duration::from_secs(args.timeout.max(1)),
        rate: (args.rate, args.rate.saturating_mul(4)),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let engine = Arc::new(engine);
        let state = AppState::new(engine.clone(), config)
            .map_err(|error| anyhow::anyhow!("cannot start the writer: {error}"))?;
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let local = listener.local_addr()?;
        println!(
            "meihe serving http://{local} ({} jobs, {} résumés; {})",
            engine.count(Kind::Jobs),
            engine.count(Kind::Resumes),
            match &args.keys {
                Some(path) => format!("keys from {}", path.display()),
                None => "no keys: local callers are admin".to_owned(),
            }
        );
        tracing::info!(addr = %local, index = %args.index.display(), "listening");
        serve(listener, state).await.context("the server stopped")
    })
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("MEIHE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,tantivy=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Human => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
}

/// Fills an empty index with the fixtures, with a progress bar, and copies the fair
/// catalog next to it.
fn seed(engine: &Engine, args: &ServeArgs) -> Result<()> {
    let directory = match &args.fixtures {
        Some(directory) => Some(directory.clone()),
        None => Some(PathBuf::from("fixtures")).filter(|path| path.join("jobs.jsonl").is_file()),
    };
    let scratch = tempfile_dir()?;
    let (jobs, resumes, fairs) = match &directory {
        Some(directory) => (
            directory.join("jobs.jsonl"),
            directory.join("resumes.jsonl"),
            directory.join("fairs.jsonl"),
        ),
        None => {
            let write = |name: &str, text: &str| -> Result<PathBuf> {
                let path = scratch.join(name);
                std::fs::write(&path, text)?;
                Ok(path)
            };
            (
                write("jobs.jsonl", JOBS)?,
                write("resumes.jsonl", RESUMES)?,
                write("fairs.jsonl", FAIRS)?,
            )
        }
    };
    eprintln!(
        "the index at {} is empty: indexing the sample postings and résumés from {}",
        args.index.display(),
        directory
            .as_deref()
            .map_or_else(|| "the built-in fixtures".to_owned(), |d| d.display().to_string())
    );
    for (kind, file) in [(Kind::Jobs, &jobs), (Kind::Resumes, &resumes)] {
        let total = std::fs::metadata(file)
            .with_context(|| format!("cannot read {}", file.display()))?
            .len();
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} indexing {msg} [{bar:30}] {bytes}/{total_bytes}",
            )
            .expect("the template is valid")
            .progress_chars("=> "),
        );
        bar.set_message(kind.as_str());
        let mut builder = DocumentBuilder::new(
            engine.analyzer().clone(),
            engine.taxonomy().clone(),
            KindSchema::new(kind),
        );
        let summary =
            import_jsonl(engine.store(), &mut builder, kind, std::slice::from_ref(file), |bytes| {
                bar.set_position(bytes)
            });
        bar.finish_and_clear();
        let summary = summary?;
        eprintln!(
            "  {}: {} indexed, {} rejected",
            kind.as_str(),
            summary.accepted,
            summary.rejected.len()
        );
    }
    let catalog = args.index.join("fairs.jsonl");
    if fairs.is_file() && !catalog.exists() {
        std::fs::copy(&fairs, &catalog)
            .with_context(|| format!("cannot write {}", catalog.display()))?;
    }
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(())
}

/// A fresh directory under the system's temporary directory.
fn tempfile_dir() -> Result<PathBuf> {
    let path = std::env::temp_dir().join(format!("meihe-fixtures-{}", std::process::id()));
    std::fs::create_dir_all(&path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(path)
}
