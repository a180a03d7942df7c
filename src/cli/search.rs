//! `meihe search` and `meihe match`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use meihe_core::model::{parse_job, parse_resume};
use meihe_core::schema::Kind;
use meihe_query::{
    EligibleFor, Filters, MatchOptions, SearchRequest, SearchResponse, Subject, Viewer,
};
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

pub const SEARCH_EXAMPLES: &str = "\
Examples:
  meihe search --index ./index --jobs 資安工程師
  meihe search --index ./index --jobs \"information security\" --filter city=臺北市
  meihe search --resumes --filter certification=ipas-infosec@intermediate --facet certifications
  meihe search --resumes --filter eligible_mid_level=36000 --explain 焊接
  meihe search --jobs '\"充電樁控制板\"'          (a quoted phrase, in any script)
Filters (--filter KEY=VALUE, repeatable): skill=ID, certification=ID[@beginner|intermediate|
advanced], occupation=CODE (1 to 4 digits), industry=ID, city=NAME, salary_min=TWD,
work_category=NAME, work_authorization=STATUS, fair=ID, date_from=YYYY-MM-DD,
date_to=YYYY-MM-DD, eligible_mid_level=MONTHLY_SALARY (résumés).
Facets (--facet): certifications, certification_levels, skills, occupations, industries,
city, work_category. --json prints the same JSON as POST /v1/{jobs,resumes}/search.";

pub const MATCH_EXAMPLES: &str = "\
Examples:
  meihe match --index ./index --job job-0001 --explain
  meihe match --resume cand-0007 --size 5
  meihe match --job-file posting.json --json
A job finds résumés and a résumé finds jobs. The score is the pair score in [0, 1]
(its weights and caps are in the README); --explain lists the matched and missing
skills and certifications. --json prints the same JSON as POST /v1/match.";

/// Arguments of `meihe search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// Index directory.
    #[arg(long, env = "MEIHE_INDEX", default_value = "index", value_name = "DIR")]
    index: PathBuf,
    /// Search job postings.
    #[arg(long, conflicts_with = "resumes", required_unless_present = "resumes")]
    jobs: bool,
    /// Search résumés.
    #[arg(long)]
    resumes: bool,
    /// A filter as KEY=VALUE (repeatable; see below).
    #[arg(long = "filter", value_name = "KEY=VALUE")]
    filters: Vec<String>,
    /// A facet to count (repeatable).
    #[arg(long = "facet", value_name = "NAME")]
    facets: Vec<String>,
    /// Explain each hit.
    #[arg(long)]
    explain: bool,
    /// Show highlighted snippets.
    #[arg(long)]
    highlight: bool,
    /// First hit, from 0.
    #[arg(long, default_value_t = 0)]
    from: usize,
    /// Hits to show (at most 100).
    #[arg(long, default_value_t = 10)]
    size: usize,
    /// Print the JSON response instead of a table.
    #[arg(long)]
    json: bool,
    /// Query text in any script; "quoted" text is a phrase. Empty: every document that
    /// passes the filters.
    #[arg(value_name = "QUERY", default_value = "")]
    query: Vec<String>,
}

/// Arguments of `meihe match`.
#[derive(Debug, clap::Args)]
#[command(group(
    clap::ArgGroup::new("subject").required(true).args(["job", "resume", "job_file", "resume_file"])
))]
pub struct MatchArgs {
    /// Index directory.
    #[arg(long, env = "MEIHE_INDEX", default_value = "index", value_name = "DIR")]
    index: PathBuf,
    /// A stored posting: find résumés for it.
    #[arg(long, value_name = "ID")]
    job: Option<String>,
    /// A stored résumé: find postings for it.
    #[arg(long, value_name = "ID")]
    resume: Option<String>,
    /// An unsaved posting in a JSON file: find résumés for it.
    #[arg(long, value_name = "FILE")]
    job_file: Option<PathBuf>,
    /// An unsaved résumé in a JSON file: find postings for it.
    #[arg(long, value_name = "FILE")]
    resume_file: Option<PathBuf>,
    /// A filter on the matched documents as KEY=VALUE (repeatable; as for search).
    #[arg(long = "filter", value_name = "KEY=VALUE")]
    filters: Vec<String>,
    /// Explain each hit: components, matched and missing requirements.
    #[arg(long)]
    explain: bool,
    /// First hit, from 0.
    #[arg(long, default_value_t = 0)]
    from: usize,
    /// Hits to show (at most 100).
    #[arg(long, default_value_t = 10)]
    size: usize,
    /// Retrieved documents the pair scorer re-ranks.
    #[arg(long, default_value_t = meihe_query::engine::DEFAULT_RERANK)]
    rerank: usize,
    /// Print the JSON response instead of a table.
    #[arg(long)]
    json: bool,
}

/// Parses `--filter KEY=VALUE` arguments.
fn parse_filters(arguments: &[String]) -> Result<(Filters, Option<EligibleFor>)> {
    let mut filters = Filters::default();
    let mut eligible = None;
    for argument in arguments {
        let Some((key, value)) = argument.split_once('=') else {
            bail!("--filter {argument}: expected KEY=VALUE, such as skill=python");
        };
        let key = key.trim();
        if key == "eligible_mid_level" {
            let parsed = EligibleFor::mid_level_at(value);
            eligible =
                Some(parsed.map_err(|message| anyhow::anyhow!("--filter {key}: {message}"))?);
            continue;
        }
        filters.set(key, value).map_err(|message| {
            if message.starts_with("unknown filter") {
                anyhow::anyhow!("--filter {key}: {message}, eligible_mid_level")
            } else {
                anyhow::anyhow!("--filter {key}: {message}")
            }
        })?;
    }
    Ok((filters, eligible))
}

/// Runs `meihe search`.
pub fn run_search(taxonomy_dir: Option<&Path>, args: SearchArgs) -> Result<()> {
    let kind = if args.resumes { Kind::Resumes } else { Kind::Jobs };
    let (filters, eligible_for) = parse_filters(&args.filters)?;
    let engine = super::open_engine(&args.index, taxonomy_dir)?;
    let request = SearchRequest {
        q: args.query.join(" "),
        filters,
        eligible_for,
        facets: args.facets,
        highlight: args.highlight,
        explain: args.explain,
        from: args.from,
        size: Some(args.size),
    };
    let response = engine.search(kind, &request, &Viewer::admin())?;
    print(kind, &response, args.json)
}

/// Runs `meihe match`.
pub fn run_match(taxonomy_dir: Option<&Path>, args: MatchArgs) -> Result<()> {
    let (filters, eligible_for) = parse_filters(&args.filters)?;
    let engine = super::open_engine(&args.index, taxonomy_dir)?;
    let options = MatchOptions {
        filters,
        eligible_for,
        explain: args.explain,
        from: args.from,
        size: Some(args.size),
        rerank: Some(args.rerank),
        ..MatchOptions::default()
    };
    let viewer = Viewer::admin();
    let (target, response) = if let Some(id) = &args.job {
        (Kind::Resumes, engine.match_stored(Kind::Jobs, id, &options, &viewer)?)
    } else if let Some(id) = &args.resume {
        (Kind::Jobs, engine.match_stored(Kind::Resumes, id, &options, &viewer)?)
    } else if let Some(path) = &args.job_file {
        let text = read(path)?;
        let job = parse_job(text.trim()).map_err(|error| {
            anyhow::anyhow!("{}: {}: {}", path.display(), error.field, error.message)
        })?;
        invalid_fields(path, job.validate())?;
        (Kind::Resumes, engine.match_subject(&Subject::Job(Box::new(job)), &options, &viewer)?)
    } else if let Some(path) = &args.resume_file {
        let text = read(path)?;
        let resume = parse_resume(text.trim()).map_err(|error| {
            anyhow::anyhow!("{}: {}: {}", path.display(), error.field, error.message)
        })?;
        invalid_fields(path, resume.validate())?;
        (Kind::Jobs, engine.match_subject(&Subject::Resume(Box::new(resume)), &options, &viewer)?)
    } else {
        bail!("give one of --job, --resume, --job-file or --resume-file");
    };
    print(target, &response, args.json)
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

fn invalid_fields(path: &Path, errors: Vec<meihe_core::model::FieldError>) -> Result<()> {
    match errors.first() {
        Some(error) => bail!("{}: {}: {}", path.display(), error.field, error.message),
        None => Ok(()),
    }
}

fn print(kind: Kind, response: &SearchResponse, json: bool) -> Result<()> {
    if json {
        println!("{}", serde_json::to_string(response)?);
        return Ok(());
    }
    println!("{} {} matched in {} ms", response.total, kind.as_str(), response.took_ms);
    if response.hits.is_empty() {
        return Ok(());
    }
    let rows: Vec<[String; 4]> = response
        .hits
        .iter()
        .map(|hit| {
            let text =
                |key: &str| hit.doc.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
            let (title, place) = match kind {
                Kind::Jobs => {
                    (text("title"), hit.doc["employer"]["name"].as_str().unwrap_or("").to_owned())
                }
                Kind::Resumes => (
                    text("headline"),
                    hit.doc["location"]["city"].as_str().unwrap_or("").to_owned(),
                ),
            };
            [hit.id.clone(), format!("{:.3}", hit.score), clip(&title, 36), clip(&place, 20)]
        })
        .collect();
    let header = [
        "id",
        "score",
        if kind == Kind::Jobs { "title" } else { "headline" },
        if kind == Kind::Jobs { "employer" } else { "city" },
    ];
    let mut widths = header.map(UnicodeWidthStr::width);
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    let line = |cells: [&str; 4]| {
        let mut out = String::new();
        for (cell, width) in cells.iter().zip(widths) {
            out.push_str(cell);
            out.push_str(&" ".repeat(width - cell.width() + 2));
        }
        println!("{}", out.trim_end());
    };
    line(header);
    for (row, hit) in rows.iter().zip(&response.hits) {
        line([&row[0], &row[1], &row[2], &row[3]]);
        if let Some(highlights) = &hit.highlights {
            for (field, snippets) in highlights {
                for snippet in snippets {
                    println!("    {field}: {}", snippet.replace('\n', " "));
                }
            }
        }
        if let Some(explanation) = &hit.explanation {
            print_explanation(explanation);
        }
    }
    for (facet, values) in &response.facets {
        println!("\n{facet}:");
        for value in values {
            let name = value.zh_hant.as_deref().map(|name| format!(" {name}")).unwrap_or_default();
            println!("  {:>6}  {}{}", value.count, value.value, name);
        }
    }
    Ok(())
}

fn print_explanation(explanation: &Value) {
    let components: Vec<String> = explanation["components"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|component| component["applicable"].as_bool().unwrap_or(true))
        .map(|component| {
            format!(
                "{} {:.2}×{:.2}",
                component["name"].as_str().unwrap_or(""),
                component["value"].as_f64().unwrap_or(0.0),
                component["weight"].as_f64().unwrap_or(0.0)
            )
        })
        .collect();
    println!("    components: {}", components.join(", "));
    if explanation["capped"].as_bool() == Some(true) {
        println!("    capped at {} (a required certification is missing)", explanation["cap"]);
    }
    let list = |section: &str, which: &str| -> Vec<String> {
        explanation[section][which]
            .as_array()
            .into_iter()
            .flatten()
            .map(|entry| {
                let mut text = format!(
                    "{} ({})",
                    entry["zh_hant"].as_str().unwrap_or(""),
                    entry["id"].as_str().unwrap_or("")
                );
                if let Some(level) = entry["min_level"].as_str() {
                    let held = entry["held_level"].as_str().unwrap_or("none");
                    text.push_str(&format!(" needs {level}, holds {held}"));
                }
                text
            })
            .collect()
    };
    for section in ["skills", "certifications"] {
        let matched = list(section, "matched");
        let missing = list(section, "missing");
        if !matched.is_empty() {
            println!("    {section} matched: {}", matched.join("; "));
        }
        if !missing.is_empty() {
            println!("    {section} missing: {}", missing.join("; "));
        }
    }
    if let Some(rules) = explanation["eligibility"]["rules"].as_array() {
        for rule in rules {
            let mark = if rule["passed"].as_bool() == Some(true) { "pass" } else { "fail" };
            println!(
                "    {} {mark}: {}",
                rule["rule"].as_str().unwrap_or(""),
                rule["zh_hant"].as_str().unwrap_or("")
            );
        }
    }
}

/// The text cut to `width` columns, with an ellipsis.
fn clip(text: &str, width: usize) -> String {
    let text = text.replace('\n', " ");
    if text.width() <= width {
        return text;
    }
    let mut out = String::new();
    for character in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(character).unwrap_or(0) >= width {
            break;
        }
        out.push(character);
    }
    out.push('…');
    out
}
