//! Input and output data, validation errors and clock helpers.

use serde::{Deserialize, Serialize};

/// Half-open range of slot indices `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SlotRange {
    /// First slot in the range.
    pub start: u32,
    /// First slot after the range.
    pub end: u32,
}

impl SlotRange {
    /// The range `[start, end)`.
    pub fn new(start: u32, end: u32) -> Self {
        Self { start, end }
    }

    /// Number of slots in the range.
    pub fn len(&self) -> u32 {
        self.end.saturating_sub(self.start)
    }

    /// Whether the range holds no slot.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether `slot` lies in the range.
    pub fn contains(&self, slot: u32) -> bool {
        self.start <= slot && slot < self.end
    }
}

fn default_max_interviews() -> u32 {
    3
}

fn default_tables() -> u32 {
    1
}

/// A job seeker attending the fair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// Unique id.
    pub id: String,
    /// Most interviews this candidate may get (default 3).
    #[serde(default = "default_max_interviews")]
    pub max_interviews: u32,
    /// Slots the candidate can attend; `None` means the whole day.
    #[serde(default)]
    pub availability: Option<Vec<SlotRange>>,
    /// Employer ids or vacancy ids the candidate asked for.
    #[serde(default)]
    pub wishes: Vec<String>,
}

impl Candidate {
    /// A candidate available all day, with the default maximum and no wishes.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            max_interviews: default_max_interviews(),
            availability: None,
            wishes: Vec::new(),
        }
    }
}

/// An employer with interview tables at the fair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Employer {
    /// Unique id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Number of tables interviewing in parallel (default 1).
    #[serde(default = "default_tables")]
    pub tables: u32,
    /// Open hours as a slot range; `None` means the whole day.
    #[serde(default)]
    pub open: Option<SlotRange>,
}

/// A job offered by an employer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vacancy {
    /// Unique id.
    pub id: String,
    /// Id of the employer offering it.
    pub employer: String,
    /// Job title.
    #[serde(default)]
    pub title: String,
}

/// Match score of a candidate for a vacancy, in `[0, 1]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Candidate id.
    pub candidate: String,
    /// Vacancy id.
    pub vacancy: String,
    /// Score in `[0, 1]`.
    pub score: f64,
}

/// Selection and timetable settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Pairs scoring below this are never selected (default 0.3).
    pub min_score: f64,
    /// Added to a pair's score when the candidate wished the vacancy or its employer
    /// (default 0.1, at most 1).
    pub wish_bonus: f64,
    /// At most one interview per candidate per employer (default true).
    pub one_per_employer: bool,
    /// Minimum number of free slots between two interviews of one candidate (default 0).
    pub gap_slots: u32,
}

impl Default for Config {
    fn default() -> Self {
        Self { min_score: 0.3, wish_bonus: 0.1, one_per_employer: true, gap_slots: 0 }
    }
}

/// Wall-clock position of the slot grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    /// Fair date, `YYYY-MM-DD`.
    pub date: String,
    /// Start of slot 0, `HH:MM`.
    pub start: String,
    /// Length of one slot in minutes.
    pub slot_minutes: u32,
}

impl Clock {
    /// A clock for `date` starting at `start`.
    pub fn new(date: impl Into<String>, start: impl Into<String>, slot_minutes: u32) -> Self {
        Self { date: date.into(), start: start.into(), slot_minutes }
    }

    /// Checks the date, the start time and the slot length.
    pub fn validate(&self) -> Result<(), Error> {
        slot_datetime(&self.date, &self.start, self.slot_minutes, 0).map(|_| ())
    }

    /// Local date-time of the start of `slot`, such as `2026-12-05T09:20:00`.
    pub fn datetime(&self, slot: u32) -> Result<String, Error> {
        slot_datetime(&self.date, &self.start, self.slot_minutes, slot)
    }

    /// Time of day `HH:MM` of the start of `slot` (wrapping past midnight).
    pub fn time(&self, slot: u32) -> Result<String, Error> {
        let dt = self.datetime(slot)?;
        Ok(dt[11..16].to_string())
    }
}

/// Everything the selection needs: the slot grid, the people, the scores, the settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instance {
    /// Number of equal slots in the day.
    pub slots: u32,
    /// Candidates.
    pub candidates: Vec<Candidate>,
    /// Employers.
    pub employers: Vec<Employer>,
    /// Vacancies.
    pub vacancies: Vec<Vacancy>,
    /// Sparse pair scores; absent pairs are never selected.
    pub scores: Vec<Score>,
    /// Settings.
    #[serde(default)]
    pub config: Config,
    /// Optional clock, used only to write times in messages.
    #[serde(default)]
    pub clock: Option<Clock>,
}

/// One placed interview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interview {
    /// Candidate id.
    pub candidate: String,
    /// Vacancy id.
    pub vacancy: String,
    /// Employer id.
    pub employer: String,
    /// Table of the employer, 1-based.
    pub table: u32,
    /// Slot index.
    pub slot: u32,
    /// Raw pair score, without the wish bonus.
    pub score: f64,
    /// Whether the candidate wished the vacancy or its employer.
    pub wished: bool,
}

/// A candidate without any interview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmatched {
    /// Candidate id.
    pub candidate: String,
    /// Why the candidate got nothing.
    pub reason: String,
}

/// A selected interview the timetable could not place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unplaced {
    /// Candidate id.
    pub candidate: String,
    /// Vacancy id.
    pub vacancy: String,
    /// Employer id.
    pub employer: String,
    /// Raw pair score.
    pub score: f64,
    /// Whether the candidate wished the vacancy or its employer.
    pub wished: bool,
    /// Why no slot was found.
    pub reason: String,
}

/// Summary figures of a schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// Number of candidates in the instance.
    pub candidates: usize,
    /// Candidates with at least one placed interview.
    pub covered: usize,
    /// Placed interviews.
    pub interviews: usize,
    /// Sum of raw scores of placed interviews.
    pub score: f64,
    /// Span of the timetable: largest slot index used plus one (0 when empty).
    pub slots_used: u32,
}

/// The timetable of the fair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    /// Placed interviews, by slot, employer and table.
    pub interviews: Vec<Interview>,
    /// Candidates without interview, in input order.
    pub unmatched: Vec<Unmatched>,
    /// Selected interviews that could not be placed.
    pub unplaced: Vec<Unplaced>,
    /// Summary.
    pub totals: Totals,
}

/// Invalid input, naming the offending item.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// The day has no slots, or more than [`MAX_SLOTS`](crate::MAX_SLOTS).
    #[error("the day has {0} slots; it needs 1 to 1440")]
    Slots(u32),
    /// Two items of one kind share an id.
    #[error("duplicate {kind} id `{id}`")]
    DuplicateId {
        /// `candidate`, `employer` or `vacancy`.
        kind: &'static str,
        /// The repeated id.
        id: String,
    },
    /// An employer has zero tables.
    #[error("employer `{employer}` has no tables")]
    NoTables {
        /// Employer id.
        employer: String,
    },
    /// A vacancy names an employer that does not exist.
    #[error("vacancy `{vacancy}` names unknown employer `{employer}`")]
    UnknownEmployer {
        /// Vacancy id.
        vacancy: String,
        /// The unknown employer id.
        employer: String,
    },
    /// A score names a candidate that does not exist.
    #[error("score names unknown candidate `{candidate}` (vacancy `{vacancy}`)")]
    UnknownCandidate {
        /// The unknown candidate id.
        candidate: String,
        /// Vacancy id of the score.
        vacancy: String,
    },
    /// A score names a vacancy that does not exist.
    #[error("score of candidate `{candidate}` names unknown vacancy `{vacancy}`")]
    UnknownVacancy {
        /// Candidate id of the score.
        candidate: String,
        /// The unknown vacancy id.
        vacancy: String,
    },
    /// A score is NaN or outside `[0, 1]`.
    #[error("score {score} of candidate `{candidate}` for vacancy `{vacancy}` is not in [0, 1]")]
    InvalidScore {
        /// Candidate id.
        candidate: String,
        /// Vacancy id.
        vacancy: String,
        /// The offending value.
        score: f64,
    },
    /// The same pair is scored twice.
    #[error("candidate `{candidate}` and vacancy `{vacancy}` are scored twice")]
    DuplicateScore {
        /// Candidate id.
        candidate: String,
        /// Vacancy id.
        vacancy: String,
    },
    /// A wish names neither an employer nor a vacancy.
    #[error("candidate `{candidate}` wishes `{wish}`, which is neither an employer nor a vacancy")]
    UnknownWish {
        /// Candidate id.
        candidate: String,
        /// The unknown id.
        wish: String,
    },
    /// A slot range is empty or reversed.
    #[error("{owner}: slot range {start}..{end} is empty or reversed")]
    InvalidRange {
        /// What the range belongs to, such as `candidate c1 availability`.
        owner: String,
        /// Start slot.
        start: u32,
        /// End slot.
        end: u32,
    },
    /// A candidate asks for more interviews than the day has slots.
    #[error("candidate `{candidate}` asks for {max} interviews but the day has only {slots} slots")]
    TooManyInterviews {
        /// Candidate id.
        candidate: String,
        /// Requested maximum.
        max: u32,
        /// Slots in the day.
        slots: u32,
    },
    /// A setting is out of range.
    #[error("invalid config: {0}")]
    InvalidConfig(String),
    /// A date, a time or a slot length cannot be read.
    #[error("invalid clock: {0}")]
    InvalidClock(String),
}

fn parse_date(date: &str) -> Option<(i64, u32, u32)> {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = digits(&date[0..4])?.into();
    let m = digits(&date[5..7])?;
    let d = digits(&date[8..10])?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

fn parse_time(time: &str) -> Option<u32> {
    let b = time.as_bytes();
    if b.len() != 5 || b[2] != b':' {
        return None;
    }
    let (h, m) = (digits(&time[0..2])?, digits(&time[3..5])?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

fn digits(s: &str) -> Option<u32> {
    if s.bytes().all(|c| c.is_ascii_digit()) { s.parse().ok() } else { None }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Proleptic Gregorian date of a day count since 1970-01-01.
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Local ISO 8601 date-time (no zone) of the start of `slot`, such as
/// `2026-12-05T09:20:00` for `("2026-12-05", "09:00", 20, 1)`. Rolls over midnight.
pub fn slot_datetime(
    date: &str,
    start: &str,
    slot_minutes: u32,
    slot: u32,
) -> Result<String, Error> {
    let (y, m, d) =
        parse_date(date).ok_or_else(|| Error::InvalidClock(format!("date `{date}`")))?;
    let t = parse_time(start).ok_or_else(|| Error::InvalidClock(format!("time `{start}`")))?;
    if slot_minutes == 0 {
        return Err(Error::InvalidClock("slot length of 0 minutes".into()));
    }
    let minutes = i64::from(t) + i64::from(slot) * i64::from(slot_minutes);
    let (y, m, d) = civil_from_days(days_from_civil(y, m, d) + minutes / 1440);
    let mins = minutes % 1440;
    Ok(format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:00", mins / 60, mins % 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetimes() {
        assert_eq!(slot_datetime("2026-12-05", "09:00", 20, 1).unwrap(), "2026-12-05T09:20:00");
        assert_eq!(slot_datetime("2026-12-05", "09:00", 20, 23).unwrap(), "2026-12-05T16:40:00");
        assert_eq!(slot_datetime("2026-12-31", "23:30", 15, 3).unwrap(), "2027-01-01T00:15:00");
        assert_eq!(slot_datetime("2028-02-28", "23:00", 60, 1).unwrap(), "2028-02-29T00:00:00");
        assert!(slot_datetime("2026-02-29", "09:00", 20, 0).is_err());
        assert!(slot_datetime("2026-12-05", "9:00", 20, 0).is_err());
        assert!(slot_datetime("2026-12-05", "09:60", 20, 0).is_err());
        assert!(slot_datetime("2026-12-05", "09:00", 0, 0).is_err());
        assert_eq!(Clock::new("2026-12-05", "09:00", 20).time(3).unwrap(), "10:00");
    }

    #[test]
    fn civil_round_trip() {
        for z in -800_000..800_000 {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn serde_defaults() {
        let c: Candidate = serde_json::from_str(r#"{"id":"c1"}"#).unwrap();
        assert_eq!(c, Candidate::new("c1"));
        let e: Employer = serde_json::from_str(r#"{"id":"e1"}"#).unwrap();
        assert_eq!((e.tables, e.open), (1, None));
        let cfg: Config = serde_json::from_str(r#"{"gap_slots":1}"#).unwrap();
        assert_eq!(cfg, Config { gap_slots: 1, ..Config::default() });
    }
}
