//! Fairs: listing and pre-matching from the index (SPEC §8).
//!
//! A fair is named by the `fairs` field of postings and résumés. Its vacancies are the
//! postings that name it; its employers are their employers (`employer.id`, else the
//! name); its candidates are the résumés registered to it, hidden ones never. Optional
//! metadata (name, date, employer names) comes from a [`FairCatalog`], by default
//! `<index dir>/fairs.jsonl`.
//!
//! [`prematch`] reads the stored profiles, scores every candidate × vacancy pair with
//! the pair scorer ([`crate::score::pair_score`]), and hands the pairs at or above
//! `min_score` to [`meihe_prematch::prematch`]: most candidates covered first, then the
//! highest total score plus wish bonus, on a timetable where nobody is double-booked.
//! The response names people by id only: no name or contact ever appears in it.
//!
//! Request defaults: hours 09:00–17:00, 20-minute slots, 2 tables per employer, at most
//! 3 interviews per candidate, `min_score` 0.3, `wish_bonus` 0.1, no gap; the date is
//! the request's, else the catalog's date of the fair, else today (UTC). A day that does
//! not divide evenly into slots leaves its last minutes unused. `gap_minutes` is rounded
//! up to whole slots.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use meihe_core::profile::{JobProfile, ResumeProfile};
use meihe_core::schema::{Kind, KindSchema};
use meihe_prematch::export::{self as exports, FairInfo};
use meihe_prematch::{
    Candidate, Clock, Config, Employer, Instance, Interview, Schedule, Score, Vacancy,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tantivy::collector::{Count, DocSetCollector};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value as _};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};
use utoipa::ToSchema;

use crate::engine::{Engine, Error, Result};
use crate::score::pair_score;

/// Default open hours, start.
pub const DEFAULT_START: &str = "09:00";
/// Default open hours, end.
pub const DEFAULT_END: &str = "17:00";
/// Default slot length in minutes.
pub const DEFAULT_SLOT_MINUTES: u32 = 20;
/// Shortest slot, minutes.
pub const MIN_SLOT_MINUTES: u32 = 5;
/// Longest slot, minutes.
pub const MAX_SLOT_MINUTES: u32 = 240;
/// Default number of parallel interview tables per employer.
pub const DEFAULT_TABLES: u32 = 2;
/// Default maximum number of interviews per candidate.
pub const DEFAULT_MAX_PER_CANDIDATE: u32 = 3;
/// Default minimum pair score of an interview.
pub const DEFAULT_MIN_SCORE: f64 = 0.3;
/// Default bonus added to the score of a wished pair while selecting (never reported).
pub const DEFAULT_WISH_BONUS: f64 = 0.1;

// ---------------------------------------------------------------------------------------
// Catalog
// ---------------------------------------------------------------------------------------

/// An employer named in the catalog of a fair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEmployer {
    /// Employer id, as in postings' `employer.id`.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
}

/// Metadata of one fair, one line of `fairs.jsonl`. Unknown fields are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairInfoMeta {
    /// Fair id, as in the `fairs` field of postings and résumés.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// English display name.
    #[serde(default)]
    pub name_en: Option<String>,
    /// Date of the fair, `YYYY-MM-DD`: the default date of its timetable.
    #[serde(default)]
    pub date: Option<String>,
    /// Cities where it takes place.
    #[serde(default)]
    pub cities: Vec<String>,
    /// Country code.
    #[serde(default)]
    pub country: Option<String>,
    /// Employers taking part, in the order their sheets are exported.
    #[serde(default)]
    pub employers: Vec<CatalogEmployer>,
}

/// A catalog file that cannot be read, naming the file and the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    /// The file.
    pub path: PathBuf,
    /// The line, from 1, when the problem is on one line.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for CatalogError {}

/// File name of the catalog inside an index directory.
pub const CATALOG_FILE: &str = "fairs.jsonl";

/// Fair metadata by id, from a JSON Lines file such as `fixtures/fairs.jsonl`.
#[derive(Debug, Clone, Default)]
pub struct FairCatalog {
    fairs: BTreeMap<String, FairInfoMeta>,
}

impl FairCatalog {
    /// A catalog with no fairs.
    pub fn empty() -> FairCatalog {
        FairCatalog::default()
    }

    /// Reads a JSON Lines file, one fair a line (blank lines skipped; a later line with
    /// the same id replaces an earlier one). A bad line or date is an error naming the
    /// file and the line.
    pub fn load(path: &Path) -> std::result::Result<FairCatalog, CatalogError> {
        let error = |line: Option<usize>, message: String| CatalogError {
            path: path.to_owned(),
            line,
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| error(None, e.to_string()))?;
        let mut fairs = BTreeMap::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim_start_matches('\u{feff}').trim();
            if line.is_empty() {
                continue;
            }
            let at = Some(number + 1);
            let fair: FairInfoMeta =
                serde_json::from_str(line).map_err(|e| error(at, e.to_string()))?;
            if fair.id.trim().is_empty() {
                return Err(error(at, "`id` is empty".into()));
            }
            if let Some(date) = &fair.date
                && !is_date(date)
            {
                return Err(error(at, format!("date `{date}` is not a date YYYY-MM-DD")));
            }
            fairs.insert(fair.id.clone(), fair);
        }
        Ok(FairCatalog { fairs })
    }

    /// The catalog of an index directory: `DIR/fairs.jsonl` when present, else empty.
    pub fn open(index_dir: &Path) -> std::result::Result<FairCatalog, CatalogError> {
        let path = index_dir.join(CATALOG_FILE);
        if path.is_file() { FairCatalog::load(&path) } else { Ok(FairCatalog::empty()) }
    }

    /// A catalog of these fairs (a later duplicate id wins).
    pub fn from_fairs(fairs: impl IntoIterator<Item = FairInfoMeta>) -> FairCatalog {
        FairCatalog { fairs: fairs.into_iter().map(|fair| (fair.id.clone(), fair)).collect() }
    }

    /// The metadata of fair `id`.
    pub fn get(&self, id: &str) -> Option<&FairInfoMeta> {
        self.fairs.get(id)
    }

    /// Every fair, by id.
    pub fn iter(&self) -> impl Iterator<Item = &FairInfoMeta> {
        self.fairs.values()
    }

    /// Number of fairs.
    pub fn len(&self) -> usize {
        self.fairs.len()
    }

    /// Whether the catalog holds no fair.
    pub fn is_empty(&self) -> bool {
        self.fairs.is_empty()
    }
}

// ---------------------------------------------------------------------------------------
// Listing
// ---------------------------------------------------------------------------------------

/// One fair with its counts (`GET /v1/fairs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FairSummary {
    /// Fair id.
    pub id: String,
    /// Display name, from the catalog.
    pub name: Option<String>,
    /// Date, from the catalog.
    pub date: Option<String>,
    /// Distinct employers of its postings.
    pub employers: usize,
    /// Postings that name it.
    pub vacancies: usize,
    /// Non-hidden résumés registered to it.
    pub candidates: usize,
}

/// Every fair named in the index (`GET /v1/fairs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FairList {
    /// Fairs by id.
    pub fairs: Vec<FairSummary>,
}

/// Every fair named in the index — the distinct `fairs` of postings and non-hidden
/// résumés — by id, with its counts and the catalog's name and date.
pub fn list_fairs(engine: &Engine, catalog: &FairCatalog) -> Result<FairList> {
    let jobs = engine.searcher(Kind::Jobs);
    let resumes = engine.searcher(Kind::Resumes);
    let job_fields = KindSchema::new(Kind::Jobs);
    let resume_fields = KindSchema::new(Kind::Resumes);
    let mut ids = BTreeSet::new();
    terms(&jobs, job_fields.fair, &mut ids)?;
    terms(&resumes, resume_fields.fair, &mut ids)?;
    let mut fairs = Vec::new();
    for id in ids {
        let postings = jobs.search(&fair_query(&job_fields, &id), &DocSetCollector)?;
        let candidates = resumes.search(&registered_query(&resume_fields, &id), &Count)?;
        if postings.is_empty() && candidates == 0 {
            continue; // only deleted documents or hidden résumés name it
        }
        let employers = distinct_employers(&jobs, &postings)?;
        let meta = catalog.get(&id);
        fairs.push(FairSummary {
            name: meta.and_then(|meta| meta.name.clone()),
            date: meta.and_then(|meta| meta.date.clone()),
            id,
            employers,
            vacancies: postings.len(),
            candidates,
        });
    }
    Ok(FairList { fairs })
}

/// Adds the terms of `field` in every segment to `out`.
fn terms(searcher: &Searcher, field: Field, out: &mut BTreeSet<String>) -> Result<()> {
    for segment in searcher.segment_readers() {
        let index = segment.inverted_index(field)?;
        let mut stream = index.terms().stream().map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            if let Ok(text) = std::str::from_utf8(stream.key()) {
                out.insert(text.to_owned());
            }
        }
    }
    Ok(())
}

/// Distinct values of the `employer` fast field over `docs`.
fn distinct_employers(searcher: &Searcher, docs: &HashSet<DocAddress>) -> Result<usize> {
    let mut columns = HashMap::new();
    let mut seen = HashSet::new();
    let mut text = String::new();
    for address in docs {
        let column = match columns.entry(address.segment_ord) {
            std::collections::hash_map::Entry::Occupied(entry) => entry.into_mut(),
            std::collections::hash_map::Entry::Vacant(entry) => entry.insert(
                searcher
                    .segment_reader(address.segment_ord)
                    .fast_fields()
                    .str(meihe_core::schema::names::EMPLOYER)?,
            ),
        };
        let Some(column) = column else { continue };
        for ord in column.term_ords(address.doc_id) {
            text.clear();
            if column.ord_to_str(ord, &mut text).map_err(tantivy::TantivyError::from)? {
                seen.insert(text.clone());
            }
        }
    }
    Ok(seen.len())
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic))
}

/// Postings (or résumés, hidden included) naming `fair`.
fn fair_query(fields: &KindSchema, fair: &str) -> TermQuery {
    TermQuery::new(Term::from_field_text(fields.fair, fair), IndexRecordOption::Basic)
}

/// Non-hidden résumés registered to `fair`.
fn registered_query(fields: &KindSchema, fair: &str) -> BooleanQuery {
    BooleanQuery::new(vec![
        (Occur::Must, term_query(fields.fair, fair)),
        (Occur::MustNot, term_query(fields.visibility, "hidden")),
    ])
}

// ---------------------------------------------------------------------------------------
// Request
// ---------------------------------------------------------------------------------------

fn default_start() -> String {
    DEFAULT_START.to_owned()
}

fn default_end() -> String {
    DEFAULT_END.to_owned()
}

/// Open hours of the fair, local time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    /// First interview starts, `HH:MM` (default 09:00).
    #[serde(default = "default_start")]
    #[schema(example = "09:00")]
    pub start: String,
    /// Interviews end by, `HH:MM`, `24:00` allowed (default 17:00).
    #[serde(default = "default_end")]
    #[schema(example = "17:00")]
    pub end: String,
}

impl Default for Hours {
    fn default() -> Self {
        Hours { start: default_start(), end: default_end() }
    }
}

/// Interview tables (interviewers in parallel) per employer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Tables {
    /// Tables of every employer not listed (default 2).
    pub default: Option<u32>,
    /// Tables by employer id.
    pub per_employer: BTreeMap<String, u32>,
}

/// A pre-matching request (`POST /v1/fairs/{id}/prematch`, SPEC §8). Every field is
/// optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct PrematchRequest {
    /// Résumé ids to pre-match; default every non-hidden résumé registered to the fair.
    pub candidates: Option<Vec<String>>,
    /// Date of the fair, `YYYY-MM-DD`; default the catalog's date, else today (UTC).
    #[schema(example = "2026-12-05")]
    pub date: Option<String>,
    /// Open hours (default 09:00–17:00).
    pub hours: Option<Hours>,
    /// Slot length in minutes, 5 to 240 (default 20).
    pub slot_minutes: Option<u32>,
    /// Tables per employer (default 2 each).
    pub tables: Option<Tables>,
    /// Most interviews per candidate, at least 1 and at most the slots of the day
    /// (default 3).
    pub max_per_candidate: Option<u32>,
    /// Lowest pair score of an interview, in [0, 1] (default 0.3).
    pub min_score: Option<f64>,
    /// Wished vacancy or employer ids by candidate id.
    pub wishes: BTreeMap<String, Vec<String>>,
    /// Added to a wished pair's score while selecting, in [0, 1] (default 0.1).
    pub wish_bonus: Option<f64>,
    /// Free time between two interviews of one candidate, minutes, rounded up to whole
    /// slots (default 0).
    pub gap_minutes: Option<u32>,
}

/// The request with defaults applied and checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    /// Date of the fair.
    pub date: String,
    /// Open hours, start `HH:MM`.
    pub start: String,
    /// Open hours, end `HH:MM`.
    pub end: String,
    /// Slot length, minutes.
    pub slot_minutes: u32,
    /// Slots in the day.
    pub slots: u32,
    /// Tables of employers not listed in `per_employer`.
    pub default_tables: u32,
    /// Most interviews per candidate.
    pub max_per_candidate: u32,
    /// Lowest pair score of an interview.
    pub min_score: f64,
    /// Bonus of a wished pair.
    pub wish_bonus: f64,
    /// Free slots between two interviews of a candidate.
    pub gap_slots: u32,
}

fn invalid(field: impl Into<String>, message: impl Into<String>) -> Error {
    Error::Invalid { field: field.into(), message: message.into() }
}

/// Minutes after midnight of `HH:MM` (`24:00` only when `end_of_day`).
fn minutes(text: &str, end_of_day: bool) -> Option<u32> {
    let b = text.as_bytes();
    if b.len() != 5
        || b[2] != b':'
        || !b.iter().enumerate().all(|(i, c)| i == 2 || c.is_ascii_digit())
    {
        return None;
    }
    let hours = u32::from(b[0] - b'0') * 10 + u32::from(b[1] - b'0');
    let mins = u32::from(b[3] - b'0') * 10 + u32::from(b[4] - b'0');
    if end_of_day && hours == 24 && mins == 0 {
        return Some(1440);
    }
    (hours < 24 && mins < 60).then_some(hours * 60 + mins)
}

fn is_date(text: &str) -> bool {
    meihe_prematch::slot_datetime(text, "00:00", 1, 0).is_ok()
}

/// Today's date in UTC, `YYYY-MM-DD`.
pub fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let days = u32::try_from(seconds / 86_400).unwrap_or(0);
    meihe_prematch::slot_datetime("1970-01-01", "00:00", 1440, days)
        .map_or_else(|_| "1970-01-01".to_owned(), |datetime| datetime[..10].to_owned())
}

fn unit(value: Option<f64>, default: f64, field: &str) -> Result<f64> {
    let value = value.unwrap_or(default);
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(invalid(field, format!("must be between 0 and 1, got {value}")))
    }
}

impl PrematchRequest {
    /// Applies the defaults and checks everything that does not depend on the fair's
    /// documents: the date, the hours, the slot length, the maximum, the scores, the gap.
    pub fn settings(&self, catalog_date: Option<&str>) -> Result<Settings> {
        let date = match (&self.date, catalog_date) {
            (Some(date), _) => {
                if !is_date(date) {
                    return Err(invalid("date", format!("`{date}` is not a date YYYY-MM-DD")));
                }
                date.clone()
            }
            (None, Some(date)) if is_date(date) => date.to_owned(),
            (None, Some(date)) => {
                return Err(invalid(
                    "date",
                    format!("the fair's date `{date}` in the catalog is not a date; give `date`"),
                ));
            }
            (None, None) => today(),
        };
        let hours = self.hours.clone().unwrap_or_default();
        let start = minutes(&hours.start, false).ok_or_else(|| {
            invalid("hours.start", format!("`{}` is not a time HH:MM", hours.start))
        })?;
        let end = minutes(&hours.end, true)
            .ok_or_else(|| invalid("hours.end", format!("`{}` is not a time HH:MM", hours.end)))?;
        if end <= start {
            return Err(invalid(
                "hours.end",
                format!("must be after hours.start ({}), got {}", hours.start, hours.end),
            ));
        }
        let slot_minutes = self.slot_minutes.unwrap_or(DEFAULT_SLOT_MINUTES);
        if !(MIN_SLOT_MINUTES..=MAX_SLOT_MINUTES).contains(&slot_minutes) {
            return Err(invalid(
                "slot_minutes",
                format!(
                    "must be between {MIN_SLOT_MINUTES} and {MAX_SLOT_MINUTES}, got {slot_minutes}"
                ),
            ));
        }
        let slots = (end - start) / slot_minutes;
        if slots == 0 {
            return Err(invalid(
                "slot_minutes",
                format!(
                    "{slot_minutes} minutes is longer than the hours {}–{}",
                    hours.start, hours.end
                ),
            ));
        }
        let default_tables =
            self.tables.as_ref().and_then(|tables| tables.default).unwrap_or(DEFAULT_TABLES);
        if default_tables == 0 {
            return Err(invalid("tables.default", "must be at least 1"));
        }
        let max_per_candidate = self.max_per_candidate.unwrap_or(DEFAULT_MAX_PER_CANDIDATE);
        if max_per_candidate == 0 || max_per_candidate > slots {
            return Err(invalid(
                "max_per_candidate",
                format!(
                    "must be between 1 and the {slots} slots of the day, got {max_per_candidate}"
                ),
            ));
        }
        let min_score = unit(self.min_score, DEFAULT_MIN_SCORE, "min_score")?;
        let wish_bonus = unit(self.wish_bonus, DEFAULT_WISH_BONUS, "wish_bonus")?;
        let gap = self.gap_minutes.unwrap_or(0);
        let gap_slots = gap.div_ceil(slot_minutes);
        if gap_slots >= slots {
            return Err(invalid(
                "gap_minutes",
                format!(
                    "{gap} minutes ({gap_slots} slots) leaves no room for two interviews in a day of {slots} slots"
                ),
            ));
        }
        Ok(Settings {
            date,
            start: hours.start,
            end: hours.end,
            slot_minutes,
            slots,
            default_tables,
            max_per_candidate,
            min_score,
            wish_bonus,
            gap_slots,
        })
    }
}

// ---------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------

/// One interview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FairInterview {
    /// Résumé id.
    pub candidate: String,
    /// Posting id.
    pub job: String,
    /// Employer id.
    pub employer: String,
    /// Table of the employer, from 1.
    pub table: u32,
    /// Start, ISO 8601 local date-time.
    #[schema(example = "2026-12-05T09:20:00")]
    pub start: String,
    /// End, ISO 8601 local date-time.
    #[schema(example = "2026-12-05T09:40:00")]
    pub end: String,
    /// Pair score in [0, 1] (without wish bonus).
    pub score: f64,
}

/// The interviews of one candidate, by time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FairCandidate {
    /// Résumé id.
    pub id: String,
    /// Interviews by start time; empty when the candidate is unmatched.
    pub interviews: Vec<FairInterview>,
}

/// The interviews at one table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FairTable {
    /// Table number, from 1.
    pub table: u32,
    /// Interviews by start time.
    pub interviews: Vec<FairInterview>,
}

/// The timetable of one employer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FairEmployer {
    /// Employer id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Every table, busy or not.
    pub tables: Vec<FairTable>,
}

/// A candidate without any interview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FairUnmatched {
    /// Résumé id.
    pub candidate: String,
    /// Why.
    pub reason: String,
}

/// A selected interview the timetable could not place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FairUnplaced {
    /// Résumé id.
    pub candidate: String,
    /// Posting id.
    pub job: String,
    /// Employer id.
    pub employer: String,
    /// Pair score.
    pub score: f64,
    /// Why no slot was found.
    pub reason: String,
}

/// Summary figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FairTotals {
    /// Candidates pre-matched.
    pub candidates: usize,
    /// Candidates with at least one interview.
    pub covered: usize,
    /// Interviews.
    pub interviews: usize,
    /// Sum of the interviews' pair scores.
    pub score: f64,
    /// Span of the timetable: last slot used plus one.
    pub slots_used: u32,
}

/// The interview timetable of a fair (SPEC §8).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PrematchResponse {
    /// Fair id.
    pub fair: String,
    /// Every interview, by start time, employer and table.
    pub interviews: Vec<FairInterview>,
    /// Every candidate pre-matched, with their interviews.
    pub candidates: Vec<FairCandidate>,
    /// Every employer with vacancies at the fair, with its tables.
    pub employers: Vec<FairEmployer>,
    /// Candidates without interview, and why.
    pub unmatched: Vec<FairUnmatched>,
    /// Selected interviews the timetable could not place (present only when some were
    /// left out).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<FairUnplaced>,
    /// Summary.
    pub totals: FairTotals,
}

/// A pre-matched fair: the response and what its exports need.
#[derive(Debug, Clone)]
pub struct Prematch {
    /// What `POST /v1/fairs/{id}/prematch` returns as JSON.
    pub response: PrematchResponse,
    /// The request with its defaults applied.
    pub settings: Settings,
    /// The fair's display name, from the catalog.
    pub name: Option<String>,
    /// Vacancies (postings) at the fair.
    pub vacancies: usize,
    /// Scored pairs at or above `min_score` handed to the selection.
    pub pairs: usize,
    /// The schedule as the algorithm returned it.
    pub schedule: Schedule,
    /// Names and clock for the exports.
    pub info: FairInfo,
}

// ---------------------------------------------------------------------------------------
// Pre-matching
// ---------------------------------------------------------------------------------------

/// A posting at the fair.
struct Posting {
    id: String,
    employer: String,
    employer_name: String,
    title: String,
    profile: JobProfile,
}

fn stored_text(document: &TantivyDocument, field: Field) -> &str {
    document.get_first(field).and_then(|value| value.as_str()).unwrap_or_default()
}

/// Stored documents matching `query`, with their addresses sorted for a stable order.
fn documents(searcher: &Searcher, query: &dyn Query) -> Result<Vec<TantivyDocument>> {
    let mut addresses: Vec<DocAddress> =
        searcher.search(query, &DocSetCollector)?.into_iter().collect();
    addresses.sort();
    addresses.into_iter().map(|address| Ok(searcher.doc(address)?)).collect()
}

fn postings(engine: &Engine, fair: &str) -> Result<Vec<Posting>> {
    let fields = KindSchema::new(Kind::Jobs);
    let searcher = engine.searcher(Kind::Jobs);
    let mut postings = Vec::new();
    for document in documents(&searcher, &fair_query(&fields, fair))? {
        let source: Value =
            serde_json::from_str(stored_text(&document, fields.source)).unwrap_or(Value::Null);
        let text = |value: &Value| value.as_str().map(str::trim).unwrap_or_default().to_owned();
        let employer_name = text(&source["employer"]["name"]);
        let employer = match text(&source["employer"]["id"]) {
            id if id.is_empty() => employer_name.clone(),
            id => id,
        };
        postings.push(Posting {
            id: stored_text(&document, fields.id).to_owned(),
            employer,
            employer_name,
            title: text(&source["title"]),
            profile: serde_json::from_str(stored_text(&document, fields.profile))
                .unwrap_or_default(),
        });
    }
    postings.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(postings)
}

/// Non-hidden résumés registered to the fair, by id.
fn registered(engine: &Engine, fair: &str) -> Result<BTreeMap<String, ResumeProfile>> {
    let fields = KindSchema::new(Kind::Resumes);
    let searcher = engine.searcher(Kind::Resumes);
    let mut resumes = BTreeMap::new();
    for document in documents(&searcher, &registered_query(&fields, fair))? {
        let profile =
            serde_json::from_str(stored_text(&document, fields.profile)).unwrap_or_default();
        resumes.insert(stored_text(&document, fields.id).to_owned(), profile);
    }
    Ok(resumes)
}

/// Pair scores at or above `min_score`, as (candidate, vacancy, score), computed on
/// every core (candidates split evenly between threads).
fn score_pairs(
    candidates: &[&ResumeProfile],
    vacancies: &[&JobProfile],
    min_score: f64,
) -> Vec<(usize, usize, f64)> {
    let score_rows = |first: usize, rows: &[&ResumeProfile]| {
        let mut out = Vec::new();
        for (offset, resume) in rows.iter().enumerate() {
            for (v, job) in vacancies.iter().enumerate() {
                let score = pair_score(job, resume).score;
                if score >= min_score {
                    out.push((first + offset, v, score));
                }
            }
        }
        out
    };
    let work = candidates.len() * vacancies.len();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = threads.min(work / PAIRS_PER_THREAD + 1).min(candidates.len().max(1));
    if threads <= 1 {
        return score_rows(0, candidates);
    }
    let chunk = candidates.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = candidates
            .chunks(chunk)
            .enumerate()
            .map(|(k, rows)| scope.spawn(move || score_rows(k * chunk, rows)))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().expect("the pair scorer does not panic"))
            .collect()
    })
}

/// Fewest pairs worth a thread of their own (a few milliseconds of scoring).
const PAIRS_PER_THREAD: usize = 20_000;

/// Pre-matches `fair` (SPEC §8): reads its postings and registered résumés, scores every
/// pair, selects interviews and lays out the timetable.
///
/// Errors: [`Error::NotFound`] (kind `fair`) when neither the index nor the catalog
/// knows the fair; [`Error::Invalid`] naming the field of a bad request
/// (`hours.start`, `tables.per_employer.emp-x`, `candidates[3]`, `wishes.cand-1[0]` …).
pub fn prematch(
    engine: &Engine,
    catalog: &FairCatalog,
    fair: &str,
    request: &PrematchRequest,
) -> Result<Prematch> {
    let meta = catalog.get(fair);
    let settings = request.settings(meta.and_then(|meta| meta.date.as_deref()))?;
    let postings = postings(engine, fair)?;
    let mut registered = registered(engine, fair)?;
    if postings.is_empty() && registered.is_empty() && meta.is_none() {
        return Err(Error::NotFound { kind: "fair", id: fair.to_owned() });
    }

    // Employers: the catalog's order first, then the others by id.
    let mut names: BTreeMap<&str, &str> = BTreeMap::new();
    for posting in &postings {
        names.entry(posting.employer.as_str()).or_insert(posting.employer_name.as_str());
    }
    let catalog_employers: &[CatalogEmployer] = meta.map_or(&[], |meta| &meta.employers);
    let mut listed: HashSet<&str> = HashSet::new();
    let employer_ids: Vec<&str> = catalog_employers
        .iter()
        .map(|employer| employer.id.as_str())
        .chain(names.keys().copied())
        .filter(|id| names.contains_key(id) && listed.insert(id))
        .collect();
    let known_employer = |id: &str| {
        names.contains_key(id) || catalog_employers.iter().any(|employer| employer.id == id)
    };

    // Tables.
    let per_employer = request.tables.as_ref().map(|tables| &tables.per_employer);
    for (id, tables) in per_employer.into_iter().flatten() {
        let field = format!("tables.per_employer.{id}");
        if !known_employer(id) {
            return Err(invalid(field, format!("`{id}` is not an employer at fair `{fair}`")));
        }
        if *tables == 0 {
            return Err(invalid(field, "must be at least 1"));
        }
    }
    let tables_of = |id: &str| {
        per_employer.and_then(|map| map.get(id)).copied().unwrap_or(settings.default_tables)
    };

    // Candidates.
    let candidate_ids: Vec<String> = match &request.candidates {
        None => registered.keys().cloned().collect(),
        Some(list) if list.is_empty() => {
            return Err(invalid(
                "candidates",
                "is empty; leave it out to pre-match every registered candidate",
            ));
        }
        Some(list) => {
            let mut seen = HashSet::new();
            for (k, id) in list.iter().enumerate() {
                let field = format!("candidates[{k}]");
                if !registered.contains_key(id) {
                    return Err(invalid(
                        field,
                        format!("`{id}` is not a résumé registered to fair `{fair}`"),
                    ));
                }
                if !seen.insert(id.as_str()) {
                    return Err(invalid(field, format!("`{id}` is listed twice")));
                }
            }
            list.clone()
        }
    };
    let in_run: HashSet<&str> = candidate_ids.iter().map(String::as_str).collect();

    // Wishes.
    let vacancy_ids: HashSet<&str> = postings.iter().map(|posting| posting.id.as_str()).collect();
    let mut wishes: HashMap<&str, Vec<String>> = HashMap::new();
    for (candidate, targets) in &request.wishes {
        if !in_run.contains(candidate.as_str()) {
            return Err(invalid(
                format!("wishes.{candidate}"),
                format!("`{candidate}` is not a candidate of this pre-match"),
            ));
        }
        let mut kept = Vec::new();
        for (k, target) in targets.iter().enumerate() {
            let usable =
                vacancy_ids.contains(target.as_str()) || names.contains_key(target.as_str());
            if !usable && !known_employer(target) {
                return Err(invalid(
                    format!("wishes.{candidate}[{k}]"),
                    format!("`{target}` is neither a vacancy nor an employer at fair `{fair}`"),
                ));
            }
            // An employer of the catalog without postings cannot interview anyone.
            if usable && !kept.contains(target) {
                kept.push(target.clone());
            }
        }
        wishes.insert(candidate.as_str(), kept);
    }

    // Scores.
    let resumes: Vec<ResumeProfile> =
        candidate_ids.iter().map(|id| registered.remove(id).unwrap_or_default()).collect();
    let resume_refs: Vec<&ResumeProfile> = resumes.iter().collect();
    let job_refs: Vec<&JobProfile> = postings.iter().map(|posting| &posting.profile).collect();
    let scored = score_pairs(&resume_refs, &job_refs, settings.min_score);

    let clock = Clock::new(settings.date.clone(), settings.start.clone(), settings.slot_minutes);
    let catalog_name = |id: &str| {
        catalog_employers
            .iter()
            .find(|employer| employer.id == id)
            .and_then(|employer| employer.name.clone())
            .filter(|name| !name.trim().is_empty())
    };
    let instance = Instance {
        slots: settings.slots,
        candidates: candidate_ids
            .iter()
            .map(|id| Candidate {
                max_interviews: settings.max_per_candidate,
                wishes: wishes.remove(id.as_str()).unwrap_or_default(),
                ..Candidate::new(id.clone())
            })
            .collect(),
        employers: employer_ids
            .iter()
            .map(|id| Employer {
                id: (*id).to_owned(),
                name: catalog_name(id).unwrap_or_else(|| names[id].to_owned()),
                tables: tables_of(id),
                open: None,
            })
            .collect(),
        vacancies: postings
            .iter()
            .map(|posting| Vacancy {
                id: posting.id.clone(),
                employer: posting.employer.clone(),
                title: posting.title.clone(),
            })
            .collect(),
        scores: scored
            .iter()
            .map(|&(c, v, score)| Score {
                candidate: candidate_ids[c].clone(),
                vacancy: postings[v].id.clone(),
                score,
            })
            .collect(),
        config: Config {
            min_score: settings.min_score,
            wish_bonus: settings.wish_bonus,
            one_per_employer: true,
            gap_slots: settings.gap_slots,
        },
        clock: Some(clock.clone()),
    };
    let schedule = meihe_prematch::prematch(&instance)
        .map_err(|error| invalid("request", error.to_string()))?;
    let response = respond(fair, &instance, &schedule, &clock)?;
    Ok(Prematch {
        response,
        name: meta.and_then(|meta| meta.name.clone()),
        vacancies: postings.len(),
        pairs: scored.len(),
        info: FairInfo::new(fair, clock, &instance),
        settings,
        schedule,
    })
}

fn round(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

/// The response of a schedule.
fn respond(
    fair: &str,
    instance: &Instance,
    schedule: &Schedule,
    clock: &Clock,
) -> Result<PrematchResponse> {
    let clock_error = |error: meihe_prematch::Error| invalid("date", error.to_string());
    let interview = |i: &Interview| -> Result<FairInterview> {
        Ok(FairInterview {
            candidate: i.candidate.clone(),
            job: i.vacancy.clone(),
            employer: i.employer.clone(),
            table: i.table,
            start: clock.datetime(i.slot).map_err(clock_error)?,
            end: clock.datetime(i.slot + 1).map_err(clock_error)?,
            score: i.score,
        })
    };
    let mut by_slot: Vec<&Interview> = schedule.interviews.iter().collect();
    by_slot.sort_by(|a, b| {
        (a.slot, &a.employer, a.table, &a.candidate).cmp(&(
            b.slot,
            &b.employer,
            b.table,
            &b.candidate,
        ))
    });
    let mut interviews = Vec::with_capacity(by_slot.len());
    let mut by_candidate: HashMap<&str, Vec<FairInterview>> = HashMap::new();
    let mut by_table: HashMap<(&str, u32), Vec<FairInterview>> = HashMap::new();
    for i in by_slot {
        let shown = interview(i)?;
        by_candidate.entry(i.candidate.as_str()).or_default().push(shown.clone());
        by_table.entry((i.employer.as_str(), i.table)).or_default().push(shown.clone());
        interviews.push(shown);
    }
    let candidates = instance
        .candidates
        .iter()
        .map(|c| FairCandidate {
            id: c.id.clone(),
            interviews: by_candidate.remove(c.id.as_str()).unwrap_or_default(),
        })
        .collect();
    let employers = instance
        .employers
        .iter()
        .map(|e| FairEmployer {
            id: e.id.clone(),
            name: e.name.clone(),
            tables: (1..=e.tables)
                .map(|table| FairTable {
                    table,
                    interviews: by_table.remove(&(e.id.as_str(), table)).unwrap_or_default(),
                })
                .collect(),
        })
        .collect();
    let unmatched = schedule
        .unmatched
        .iter()
        .map(|u| FairUnmatched { candidate: u.candidate.clone(), reason: u.reason.clone() })
        .collect();
    let unplaced = schedule
        .unplaced
        .iter()
        .map(|u| FairUnplaced {
            candidate: u.candidate.clone(),
            job: u.vacancy.clone(),
            employer: u.employer.clone(),
            score: u.score,
            reason: u.reason.clone(),
        })
        .collect();
    let totals = &schedule.totals;
    Ok(PrematchResponse {
        fair: fair.to_owned(),
        interviews,
        candidates,
        employers,
        unmatched,
        unplaced,
        totals: FairTotals {
            candidates: totals.candidates,
            covered: totals.covered,
            interviews: totals.interviews,
            score: round(totals.score),
            slots_used: totals.slots_used,
        },
    })
}

// ---------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------

/// MIME type of the XLSX export.
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A format the timetable can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// The response as JSON.
    Json,
    /// One row per interview.
    Csv,
    /// iCalendar, one event per interview.
    Ics,
    /// A workbook: one sheet per employer and a sheet of candidates.
    Xlsx,
}

impl ExportFormat {
    /// Every format.
    pub const ALL: [ExportFormat; 4] =
        [ExportFormat::Json, ExportFormat::Csv, ExportFormat::Ics, ExportFormat::Xlsx];

    /// The format of a name or file extension: `json`, `csv`, `ics` (or `ical`,
    /// `calendar`), `xlsx`; any case.
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().trim_start_matches('.').to_ascii_lowercase().as_str() {
            "json" => Some(ExportFormat::Json),
            "csv" => Some(ExportFormat::Csv),
            "ics" | "ical" | "icalendar" | "calendar" => Some(ExportFormat::Ics),
            "xlsx" => Some(ExportFormat::Xlsx),
            _ => None,
        }
    }

    /// The first format an `Accept` header lists (parameters such as `q` are ignored;
    /// `*/*` and `application/*` mean JSON). `None` when it lists none of them.
    pub fn from_accept(header: &str) -> Option<Self> {
        header.split(',').find_map(|item| {
            let media = item.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
            match media.as_str() {
                "application/json" | "*/*" | "application/*" => Some(ExportFormat::Json),
                "text/csv" => Some(ExportFormat::Csv),
                "text/calendar" => Some(ExportFormat::Ics),
                XLSX_TYPE => Some(ExportFormat::Xlsx),
                _ => None,
            }
        })
    }

    /// The `Content-Type` of the export.
    pub fn content_type(&self) -> &'static str {
        match self {
            ExportFormat::Json => "application/json",
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Ics => "text/calendar; charset=utf-8",
            ExportFormat::Xlsx => XLSX_TYPE,
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(&self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::Ics => "ics",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

/// The timetable as a file: JSON (the response, as the route returns it), CSV (one row per
/// interview: `candidate,employer,employer_name,job,job_title,table,start,end,score`),
/// iCalendar (one event per interview, floating local times) or XLSX (a sheet per
/// employer and a `candidates` sheet with the unmatched and their reasons).
pub fn export(prematch: &Prematch, format: ExportFormat) -> Result<Vec<u8>> {
    let failed = |error: exports::ExportError| {
        invalid("format", format!("cannot write the {} export: {error}", format.extension()))
    };
    match format {
        ExportFormat::Json => serde_json::to_vec(&prematch.response)
            .map_err(|error| invalid("format", error.to_string())),
        ExportFormat::Csv => {
            Ok(exports::to_csv(&prematch.schedule, &prematch.info).map_err(failed)?.into_bytes())
        }
        ExportFormat::Ics => {
            Ok(exports::to_ics(&prematch.schedule, &prematch.info).map_err(failed)?.into_bytes())
        }
        ExportFormat::Xlsx => exports::to_xlsx(&prematch.schedule, &prematch.info).map_err(failed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(minutes("09:00", false), Some(540));
        assert_eq!(minutes("23:59", false), Some(1439));
        assert_eq!(minutes("24:00", false), None);
        assert_eq!(minutes("24:00", true), Some(1440));
        for bad in ["9:00", "09:60", "25:00", "0900", "09:0a", "０9:00", ""] {
            assert_eq!(minutes(bad, true), None, "{bad}");
        }
    }

    #[test]
    fn today_is_a_date() {
        assert!(is_date(&today()));
    }

    #[test]
    fn defaults() {
        let settings = PrematchRequest::default().settings(Some("2026-12-05")).unwrap();
        assert_eq!(settings.date, "2026-12-05");
        assert_eq!((settings.slots, settings.slot_minutes, settings.default_tables), (24, 20, 2));
        assert_eq!(settings.max_per_candidate, 3);
        let odd = PrematchRequest {
            slot_minutes: Some(25),
            gap_minutes: Some(10),
            ..PrematchRequest::default()
        };
        let settings = odd.settings(None).unwrap();
        assert_eq!((settings.slots, settings.gap_slots), (19, 1));
    }

    #[test]
    fn accept_headers() {
        use ExportFormat::*;
        assert_eq!(ExportFormat::from_accept("text/csv"), Some(Csv));
        assert_eq!(ExportFormat::from_accept("text/html, text/calendar;q=0.9"), Some(Ics));
        assert_eq!(ExportFormat::from_accept(XLSX_TYPE), Some(Xlsx));
        assert_eq!(ExportFormat::from_accept("*/*"), Some(Json));
        assert_eq!(ExportFormat::from_accept("image/png"), None);
        for format in ExportFormat::ALL {
            assert_eq!(ExportFormat::from_name(format.extension()), Some(format));
            let media = format.content_type().split(';').next().unwrap();
            assert_eq!(ExportFormat::from_accept(media), Some(format));
        }
        assert_eq!(ExportFormat::from_name(".ICAL"), Some(Ics));
    }
}
