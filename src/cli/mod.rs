//! Argument parsing and dispatch: each subcommand lives in its own module.

mod analyze;
mod generate;
mod index;
mod keys;
mod prematch;
mod search;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// meihe (媒合): job-and-candidate matching search for Taiwan's talent market, in
/// Traditional Chinese, Simplified Chinese and English.
#[derive(Debug, Parser)]
#[command(name = "meihe", version, about, long_about = None, propagate_version = true)]
struct Cli {
    /// Directory of taxonomy TSV files that extend the built-in taxonomy
    /// (skills.tsv, certifications.tsv, occupations.tsv, industries.tsv,
    /// industry-policies.tsv, variants.tsv; same headers as fixtures/taxonomy).
    #[arg(long, global = true, env = "MEIHE_TAXONOMY", value_name = "DIR")]
    taxonomy: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show how a text is analysed: its tokens (with byte offsets into the text and
    /// positions) and the skills, certifications, occupations and industries it mentions.
    #[command(after_help = analyze::EXAMPLES)]
    Analyze(analyze::Args),
    /// Import job postings or résumés from JSON Lines files into an index, with a
    /// progress bar and a summary of what was accepted and rejected.
    #[command(after_help = index::INDEX_EXAMPLES)]
    Index(index::IndexArgs),
    /// Show how many documents, segments and bytes an index holds.
    Stats(index::StatsArgs),
    /// Delete documents by id.
    Delete(index::DeleteArgs),
    /// Generate a deterministic corpus of realistic bilingual postings and résumés
    /// (DIR/jobs.jsonl and DIR/resumes.jsonl), for tests and benchmarks.
    #[command(after_help = generate::EXAMPLES)]
    Gen(generate::Args),
    /// Search job postings or résumés by text in any script, with filters, facets,
    /// highlights and explanations.
    #[command(after_help = search::SEARCH_EXAMPLES)]
    Search(search::SearchArgs),
    /// Rank résumés for a posting, or postings for a résumé, stored or from a file.
    #[command(after_help = search::MATCH_EXAMPLES)]
    Match(search::MatchArgs),
    /// Pre-match a recruitment fair: who meets whom, and when, as a conflict-free
    /// timetable (CSV, iCalendar or Excel).
    Prematch(prematch::PrematchArgs),
    /// Serve the HTTP API (SPEC §6): search, match, writes, fairs; on ./index, filled with
    /// the sample data when empty, at http://127.0.0.1:8080.
    #[command(after_help = serve::EXAMPLES)]
    Serve(serve::ServeArgs),
    /// Manage the API keys of `meihe serve`: add (prints the key once), list, revoke.
    Keys(keys::KeysArgs),
}

/// Opens the engine over an existing index, with the built-in taxonomy extended by
/// `taxonomy_dir`; a missing index is an error that says how to create one.
fn open_engine(
    index: &std::path::Path,
    taxonomy_dir: Option<&std::path::Path>,
) -> anyhow::Result<meihe_query::Engine> {
    use anyhow::Context;
    if !index.join("jobs").exists() && !index.join("resumes").exists() {
        anyhow::bail!(
            "no index at {}: create one with `meihe index --index {} --kind jobs FILE`",
            index.display(),
            index.display()
        );
    }
    let taxonomy = std::sync::Arc::new(
        meihe_core::Taxonomy::load(taxonomy_dir).context("cannot load the taxonomy")?,
    );
    let analyzer = std::sync::Arc::new(
        meihe_core::Analyzer::new(&taxonomy).context("cannot build the analyzer")?,
    );
    Ok(meihe_query::Engine::open(index, taxonomy, analyzer)?)
}

/// Parses the command line, runs the subcommand and maps its result to an exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(cli.taxonomy.as_deref(), args),
        Command::Index(args) => index::run_index(cli.taxonomy.as_deref(), args),
        Command::Stats(args) => index::run_stats(cli.taxonomy.as_deref(), args),
        Command::Delete(args) => index::run_delete(cli.taxonomy.as_deref(), args),
        Command::Gen(args) => generate::run(cli.taxonomy.as_deref(), args),
        Command::Search(args) => search::run_search(cli.taxonomy.as_deref(), args),
        Command::Match(args) => search::run_match(cli.taxonomy.as_deref(), args),
        Command::Prematch(args) => prematch::run(cli.taxonomy.as_deref(), args),
        Command::Keys(args) => keys::run(args),
        Command::Serve(args) => serve::run(cli.taxonomy.as_deref(), args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
