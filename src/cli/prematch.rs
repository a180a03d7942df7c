//! `meihe prematch`: the interview timetable of a fair, as a summary and an export.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use meihe_query::fair::{
    ExportFormat, FairCatalog, Hours, Prematch, PrematchRequest, Tables, export, prematch,
};
use unicode_width::UnicodeWidthStr;

/// Shown after `meihe prematch --help`.
pub const EXAMPLES: &str = "\
Examples:
  meihe prematch --index ./index --fair fair-2023-us-west
  meihe prematch --fair fair-2023-us-west --date 2026-12-05 --hours 10:00-16:30 --slot 30m \\
      --tables 3 --employer-tables emp-delta=5 --out schedule.xlsx
  meihe prematch --fair fair-2023-us-west --wish cand-0007=job-0003,emp-auo --out interviews.ics
  meihe prematch --fair fair-2023-us-west --request body.json --json
Candidates are every non-hidden résumé registered to the fair (or --candidate …); each
is scored against every vacancy at the fair with the pair score, and pairs at or above
--min-score are selected so that first the most candidates get an interview, then the
total score is highest (a wish adds --wish-bonus while selecting). Nobody is ever
double-booked. --out writes CSV, iCalendar (.ics) or Excel (.xlsx) by the file's
extension, or the JSON. --json prints the same JSON as POST /v1/fairs/{id}/prematch, and
--request reads that route's JSON body (flags override it). The fair's name, date and
employer names come from DIR/fairs.jsonl when the index directory holds one.";

/// Arguments of `meihe prematch`.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct PrematchArgs {
    /// Index directory.
    #[arg(long, env = "MEIHE_INDEX", default_value = "index", value_name = "DIR")]
    index: PathBuf,
    /// Fair id, as in the `fairs` field of postings and résumés.
    #[arg(long, value_name = "ID")]
    fair: String,
    /// A request body in JSON (as for POST /v1/fairs/{id}/prematch); flags override it.
    #[arg(long, value_name = "FILE")]
    request: Option<PathBuf>,
    /// Date of the fair [default: the catalog's date, else today].
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Open hours, local time [default: 09:00-17:00].
    #[arg(long, value_name = "HH:MM-HH:MM")]
    hours: Option<String>,
    /// Slot length: `20m`, `20` (minutes) or `1h` [default: 20m].
    #[arg(long, value_name = "DURATION")]
    slot: Option<String>,
    /// Interview tables per employer [default: 2].
    #[arg(long, value_name = "N")]
    tables: Option<u32>,
    /// Tables of one employer (repeatable).
    #[arg(long = "employer-tables", value_name = "EMPLOYER=N")]
    employer_tables: Vec<String>,
    /// Most interviews per candidate [default: 3].
    #[arg(long, value_name = "N")]
    max_per_candidate: Option<u32>,
    /// Lowest pair score of an interview, 0 to 1 [default: 0.3].
    #[arg(long, value_name = "SCORE")]
    min_score: Option<f64>,
    /// Free time between two interviews of a candidate: `0m`, `10m`, `1h` [default: 0m].
    #[arg(long, value_name = "DURATION")]
    gap: Option<String>,
    /// Pre-match only these résumé ids (repeatable; default every registered one).
    #[arg(long = "candidate", value_name = "ID")]
    candidates: Vec<String>,
    /// A candidate's wished vacancies or employers, comma-separated (repeatable).
    #[arg(long = "wish", value_name = "CANDIDATE=ID[,ID…]")]
    wishes: Vec<String>,
    /// Bonus of a wished pair while selecting, 0 to 1 [default: 0.1].
    #[arg(long, value_name = "BONUS")]
    wish_bonus: Option<f64>,
    /// Write the timetable to FILE: .xlsx, .csv, .ics or .json.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Print the JSON response instead of the summary.
    #[arg(long)]
    json: bool,
}

/// Runs `meihe prematch`.
pub fn run(taxonomy_dir: Option<&Path>, args: PrematchArgs) -> Result<()> {
    let request = request(&args)?;
    let format = match &args.out {
        Some(path) => Some(output_format(path)?),
        None => None,
    };
    let catalog = FairCatalog::open(&args.index)?;
    let engine = super::open_engine(&args.index, taxonomy_dir)?;
    let result =
        prematch(&engine, &catalog, &args.fair, &request).map_err(|error| match error {
            meihe_query::Error::Invalid { field, message } => {
                anyhow::anyhow!("{}: {message}", flag_of(&field))
            }
            other => other.into(),
        })?;
    if args.json {
        println!("{}", serde_json::to_string(&result.response)?);
    } else {
        summary(&result);
    }
    if let (Some(path), Some(format)) = (&args.out, format) {
        let bytes = export(&result, format)?;
        std::fs::write(path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
        let note = format!(
            "wrote {} ({}, {} interviews, {} bytes)",
            path.display(),
            format_name(format),
            result.response.totals.interviews,
            bytes.len()
        );
        if args.json { eprintln!("{note}") } else { println!("\n{note}") }
    }
    Ok(())
}

/// The flag that sets a request field, for error messages.
fn flag_of(field: &str) -> String {
    let flag = match field.split(['.', '[']).next().unwrap_or(field) {
        "date" => "--date",
        "hours" => "--hours",
        "slot_minutes" => "--slot",
        "tables" if field.starts_with("tables.per_employer") => "--employer-tables",
        "tables" => "--tables",
        "max_per_candidate" => "--max-per-candidate",
        "min_score" => "--min-score",
        "wish_bonus" => "--wish-bonus",
        "gap_minutes" => "--gap",
        "candidates" => "--candidate",
        "wishes" => "--wish",
        _ => return field.to_owned(),
    };
    format!("{flag} ({field})")
}

fn format_name(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Json => "JSON",
        ExportFormat::Csv => "CSV",
        ExportFormat::Ics => "iCalendar",
        ExportFormat::Xlsx => "Excel workbook",
    }
}

fn output_format(path: &Path) -> Result<ExportFormat> {
    let extension = path.extension().and_then(|extension| extension.to_str()).unwrap_or("");
    ExportFormat::from_name(extension).with_context(|| {
        format!("--out {}: the file name must end in .xlsx, .csv, .ics or .json", path.display())
    })
}

/// The request: the `--request` file, then the flags.
fn request(args: &PrematchArgs) -> Result<PrematchRequest> {
    let mut request = match &args.request {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            serde_json::from_str(&text).with_context(|| format!("{}", path.display()))?
        }
        None => PrematchRequest::default(),
    };
    if let Some(date) = &args.date {
        request.date = Some(date.trim().to_owned());
    }
    if let Some(hours) = &args.hours {
        request.hours = Some(parse_hours(hours)?);
    }
    if let Some(slot) = &args.slot {
        request.slot_minutes = Some(parse_minutes(slot).with_context(|| format!("--slot {slot}"))?);
    }
    if let Some(gap) = &args.gap {
        request.gap_minutes = Some(parse_minutes(gap).with_context(|| format!("--gap {gap}"))?);
    }
    if args.tables.is_some() || !args.employer_tables.is_empty() {
        let tables = request.tables.get_or_insert_with(Tables::default);
        if args.tables.is_some() {
            tables.default = args.tables;
        }
        for item in &args.employer_tables {
            let (employer, count) = split_pair(item, "--employer-tables", "emp-delta=4")?;
            let count = count.parse().with_context(|| {
                format!("--employer-tables {item}: `{count}` is not a whole number")
            })?;
            tables.per_employer.insert(employer.to_owned(), count);
        }
    }
    if args.max_per_candidate.is_some() {
        request.max_per_candidate = args.max_per_candidate;
    }
    if args.min_score.is_some() {
        request.min_score = args.min_score;
    }
    if args.wish_bonus.is_some() {
        request.wish_bonus = args.wish_bonus;
    }
    if !args.candidates.is_empty() {
        request.candidates = Some(args.candidates.clone());
    }
    for item in &args.wishes {
        let (candidate, targets) = split_pair(item, "--wish", "cand-0007=job-0003,emp-auo")?;
        let wished = request.wishes.entry(candidate.to_owned()).or_default();
        for target in targets.split(',').map(str::trim).filter(|target| !target.is_empty()) {
            wished.push(target.to_owned());
        }
    }
    Ok(request)
}

fn split_pair<'a>(item: &'a str, flag: &str, example: &str) -> Result<(&'a str, &'a str)> {
    match item.split_once('=') {
        Some((key, value)) if !key.trim().is_empty() && !value.trim().is_empty() => {
            Ok((key.trim(), value.trim()))
        }
        _ => bail!("{flag} {item}: expected KEY=VALUE, such as {example}"),
    }
}

/// `09:00-17:00` (also `9:00-17:00`, `09:00–17:00`).
fn parse_hours(text: &str) -> Result<Hours> {
    let bad = || {
        anyhow::anyhow!(
            "--hours {text}: expected HH:MM-HH:MM, such as 09:00-17:00 (start before end)"
        )
    };
    let (start, end) = text.split_once(['-', '–', '~']).ok_or_else(bad)?;
    let time = |part: &str| -> Result<(String, u32)> {
        let (h, m) = part.trim().split_once(':').ok_or_else(bad)?;
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|c| c.is_ascii_digit());
        if !digits(h) || m.len() != 2 || !digits(m) {
            return Err(bad());
        }
        let (h, m): (u32, u32) = (h.parse()?, m.parse()?);
        if h > 24 || m > 59 || (h == 24 && m > 0) {
            return Err(bad());
        }
        Ok((format!("{h:02}:{m:02}"), h * 60 + m))
    };
    let ((start, from), (end, to)) = (time(start)?, time(end)?);
    if from >= to || from == 1440 {
        return Err(bad());
    }
    Ok(Hours { start, end })
}

/// Minutes of `20m`, `20`, `20min`, `1h`, `1h30m` or `1.5h`.
fn parse_minutes(text: &str) -> Result<u32> {
    let text = text.trim().to_ascii_lowercase();
    let bad = || anyhow::anyhow!("expected minutes such as 20m, 20 or 1h");
    if let Some(number) = text.strip_suffix("min").or_else(|| text.strip_suffix('m'))
        && let Some((hours, minutes)) = number.split_once('h')
    {
        let hours: u32 = hours.parse().map_err(|_| bad())?;
        let minutes: u32 = minutes.parse().map_err(|_| bad())?;
        return hours.checked_mul(60).and_then(|h| h.checked_add(minutes)).ok_or_else(bad);
    }
    if let Some(hours) = text.strip_suffix('h') {
        let hours: f64 = hours.parse().map_err(|_| bad())?;
        let minutes = hours * 60.0;
        if !(0.0..=1440.0).contains(&minutes) || minutes.fract() != 0.0 {
            return Err(bad());
        }
        return Ok(minutes as u32);
    }
    let number = text.strip_suffix("min").or_else(|| text.strip_suffix('m')).unwrap_or(&text);
    number.parse().map_err(|_| bad())
}

/// Most employers listed in the summary.
const MAX_EMPLOYER_ROWS: usize = 50;

/// Prints the figures, the employers and the unmatched with their most common reasons.
fn summary(result: &Prematch) {
    let response = &result.response;
    let settings = &result.settings;
    let totals = &response.totals;
    let name = result.name.as_deref().map(|name| format!("  {name}")).unwrap_or_default();
    println!("{}{name}", response.fair);
    println!(
        "{} {}–{}, {} slots of {} min; at most {} interviews each, min score {:.2}{}",
        settings.date,
        settings.start,
        settings.end,
        settings.slots,
        settings.slot_minutes,
        settings.max_per_candidate,
        settings.min_score,
        if settings.gap_slots > 0 {
            format!(", {} free slot(s) between interviews", settings.gap_slots)
        } else {
            String::new()
        }
    );
    println!();
    let percent = |part: usize, whole: usize| {
        if whole == 0 {
            String::new()
        } else {
            format!(" ({:.0} %)", 100.0 * part as f64 / whole as f64)
        }
    };
    let rows = [
        ("candidates", totals.candidates.to_string()),
        ("covered", format!("{}{}", totals.covered, percent(totals.covered, totals.candidates))),
        ("interviews", totals.interviews.to_string()),
        ("slots used", format!("{} of {}", totals.slots_used, settings.slots)),
        ("total score", format!("{:.3}", totals.score)),
        ("vacancies", result.vacancies.to_string()),
        ("pairs ≥ min score", result.pairs.to_string()),
    ];
    for (label, value) in rows {
        println!("{}{value}", pad(label, 19));
    }

    if !response.employers.is_empty() {
        println!();
        let header = ["employer", "name", "tables", "interviews"];
        let cells: Vec<[String; 4]> = response
            .employers
            .iter()
            .take(MAX_EMPLOYER_ROWS)
            .map(|employer| {
                let interviews: usize =
                    employer.tables.iter().map(|table| table.interviews.len()).sum();
                [
                    employer.id.clone(),
                    clip(&employer.name, 24),
                    employer.tables.len().to_string(),
                    interviews.to_string(),
                ]
            })
            .collect();
        let mut widths = header.map(UnicodeWidthStr::width);
        for row in &cells {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.width());
            }
        }
        let line = |cells: [&str; 4]| {
            let mut out = String::new();
            for (k, (cell, width)) in cells.iter().zip(widths).enumerate() {
                if k >= 2 {
                    out.push_str(&" ".repeat(width - cell.width()));
                    out.push_str(cell);
                    out.push_str("  ");
                } else {
                    out.push_str(&pad(cell, width + 2));
                }
            }
            println!("{}", out.trim_end());
        };
        line(header);
        for row in &cells {
            line([&row[0], &row[1], &row[2], &row[3]]);
        }
        if response.employers.len() > MAX_EMPLOYER_ROWS {
            println!(
                "… and {} more employers (every one is in --json and the exports)",
                response.employers.len() - MAX_EMPLOYER_ROWS
            );
        }
    }

    println!();
    println!("unmatched          {}", response.unmatched.len());
    let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
    for unmatched in &response.unmatched {
        *reasons.entry(unmatched.reason.as_str()).or_default() += 1;
    }
    let mut reasons: Vec<(&str, usize)> = reasons.into_iter().collect();
    reasons.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (reason, count) in reasons.iter().take(5) {
        println!("  {count:>5}  {reason}");
    }
    if reasons.len() > 5 {
        println!("         … and {} other reasons (see --json or the export)", reasons.len() - 5);
    }
    if !response.unplaced.is_empty() {
        println!("unplaced           {} (selected, but no slot was free)", response.unplaced.len());
    }
}

/// `text` padded with spaces to `width` columns.
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// The text cut to `width` columns, with an ellipsis.
fn clip(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        for (text, minutes) in [
            ("20m", 20),
            ("20", 20),
            ("1h", 60),
            ("1h30m", 90),
            ("1.5h", 90),
            ("45min", 45),
            ("0m", 0),
        ] {
            assert_eq!(parse_minutes(text).unwrap(), minutes, "{text}");
        }
        for text in ["", "m", "twenty", "-5m", "1.2345h", "1h30"] {
            assert!(parse_minutes(text).is_err(), "{text}");
        }
    }

    #[test]
    fn hours() {
        let hours = parse_hours("9:00-17:30").unwrap();
        assert_eq!((hours.start.as_str(), hours.end.as_str()), ("09:00", "17:30"));
        assert_eq!(parse_hours("13:00–24:00").unwrap().end, "24:00");
        for text in ["9-17", "17:00-09:00", "09:00-09:00", "25:00-26:00", "09:00", "09:5-10:00"] {
            assert!(parse_hours(text).is_err(), "{text}");
        }
    }
}
