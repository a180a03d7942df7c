//! CSV, iCalendar and XLSX exports of a [`Schedule`].

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use serde::{Deserialize, Serialize};

use crate::model::{Clock, Error, Instance, Interview, Schedule};

/// An id with its display name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    /// Id.
    pub id: String,
    /// Display name or title.
    pub name: String,
}

/// What the exports need besides the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairInfo {
    /// Fair id, used in calendar UIDs.
    pub fair: String,
    /// Date, start of slot 0 and slot length.
    pub clock: Clock,
    /// Employers in sheet order, with names.
    pub employers: Vec<Named>,
    /// Vacancies with titles.
    pub vacancies: Vec<Named>,
    /// Calendar DTSTAMP as Unix seconds; `None` means now.
    #[serde(default)]
    pub generated: Option<u64>,
}

impl FairInfo {
    /// Display info taken from `instance`.
    pub fn new(fair: impl Into<String>, clock: Clock, instance: &Instance) -> Self {
        Self {
            fair: fair.into(),
            clock,
            employers: instance
                .employers
                .iter()
                .map(|e| Named { id: e.id.clone(), name: e.name.clone() })
                .collect(),
            vacancies: instance
                .vacancies
                .iter()
                .map(|v| Named { id: v.id.clone(), name: v.title.clone() })
                .collect(),
            generated: None,
        }
    }

    fn names(&self) -> (HashMap<&str, &str>, HashMap<&str, &str>) {
        (lookup(&self.employers), lookup(&self.vacancies))
    }
}

fn lookup(list: &[Named]) -> HashMap<&str, &str> {
    list.iter().map(|n| (n.id.as_str(), n.name.as_str())).collect()
}

/// Export failure.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The clock cannot be read.
    #[error(transparent)]
    Clock(#[from] Error),
    /// Writing CSV failed.
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
    /// Writing the workbook failed.
    #[error("xlsx: {0}")]
    Xlsx(#[from] XlsxError),
}

/// Start and end date-times of an interview, ISO 8601 local.
fn span(clock: &Clock, slot: u32) -> Result<(String, String), Error> {
    Ok((clock.datetime(slot)?, clock.datetime(slot + 1)?))
}

/// One row per interview:
/// `candidate,employer,employer_name,job,job_title,table,start,end,score`.
pub fn to_csv(schedule: &Schedule, info: &FairInfo) -> Result<String, ExportError> {
    let (emps, vacs) = info.names();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "candidate",
        "employer",
        "employer_name",
        "job",
        "job_title",
        "table",
        "start",
        "end",
        "score",
    ])?;
    for i in &schedule.interviews {
        let (start, end) = span(&info.clock, i.slot)?;
        w.write_record([
            i.candidate.as_str(),
            &i.employer,
            emps.get(i.employer.as_str()).copied().unwrap_or_default(),
            &i.vacancy,
            vacs.get(i.vacancy.as_str()).copied().unwrap_or_default(),
            &i.table.to_string(),
            &start,
            &end,
            &i.score.to_string(),
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8(bytes).expect("CSV built from UTF-8 strings"))
}

/// An iCalendar (RFC 5545) file with every interview.
pub fn to_ics(schedule: &Schedule, info: &FairInfo) -> Result<String, ExportError> {
    calendar(info, schedule.interviews.iter())
}

/// An iCalendar file with the interviews of one candidate.
pub fn to_ics_for_candidate(
    schedule: &Schedule,
    info: &FairInfo,
    candidate: &str,
) -> Result<String, ExportError> {
    calendar(info, schedule.interviews.iter().filter(|i| i.candidate == candidate))
}

/// An iCalendar file with the interviews of one employer.
pub fn to_ics_for_employer(
    schedule: &Schedule,
    info: &FairInfo,
    employer: &str,
) -> Result<String, ExportError> {
    calendar(info, schedule.interviews.iter().filter(|i| i.employer == employer))
}

fn calendar<'s>(
    info: &FairInfo,
    interviews: impl Iterator<Item = &'s Interview>,
) -> Result<String, ExportError> {
    let (emps, vacs) = info.names();
    let stamp = utc_stamp(info.generated.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    }));
    let mut out = String::new();
    let mut line = |s: String| fold(&mut out, &s);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//meihe//prematch//EN".into());
    line("CALSCALE:GREGORIAN".into());
    for i in interviews {
        let (start, end) = span(&info.clock, i.slot)?;
        let emp = emps.get(i.employer.as_str()).copied().filter(|n| !n.is_empty());
        let emp = emp.unwrap_or(&i.employer);
        let job = vacs.get(i.vacancy.as_str()).copied().filter(|n| !n.is_empty());
        let job = job.unwrap_or(&i.vacancy);
        line("BEGIN:VEVENT".into());
        line(format!(
            "UID:{}",
            escape(&format!("{}-{}-{}@meihe", info.fair, i.candidate, i.vacancy))
        ));
        line(format!("DTSTAMP:{stamp}"));
        line(format!("DTSTART:{}", compact(&start)));
        line(format!("DTEND:{}", compact(&end)));
        line(format!("SUMMARY:{}", escape(&format!("Interview: {job} – {emp} ({})", i.candidate))));
        line(format!("LOCATION:{}", escape(&format!("table {}", i.table))));
        line(format!(
            "DESCRIPTION:{}",
            escape(&format!(
                "Candidate: {}\nEmployer: {emp} ({})\nJob: {job} ({})\nScore: {:.2}",
                i.candidate, i.employer, i.vacancy, i.score
            ))
        ));
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    Ok(out)
}

/// `2026-12-05T09:20:00` → `20261205T092000` (floating local time).
fn compact(iso: &str) -> String {
    iso.chars().filter(|&c| c != '-' && c != ':').collect()
}

fn utc_stamp(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = crate::model::civil_from_days(days);
    format!("{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// TEXT escaping of RFC 5545 §3.3.11.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (never inside a UTF-8 sequence), CRLF-terminated.
fn fold(out: &mut String, line: &str) {
    let mut limit = 75;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > limit {
            out.push_str("\r\n ");
            used = 0;
            limit = 74;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// A workbook with one sheet per employer (interviews by time and table) and a
/// `candidates` sheet (interviews by candidate, then who got nothing and why).
pub fn to_xlsx(schedule: &Schedule, info: &FairInfo) -> Result<Vec<u8>, ExportError> {
    info.clock.validate()?;
    let (emps, vacs) = info.names();
    let time = |slot: u32| info.clock.time(slot);
    let bold = Format::new().set_bold();
    let mut wb = Workbook::new();
    let mut taken: HashSet<String> = ["candidates".into(), "history".into()].into();

    let mut by_emp: HashMap<&str, Vec<&Interview>> = HashMap::new();
    for i in &schedule.interviews {
        by_emp.entry(i.employer.as_str()).or_default().push(i);
    }
    for emp in &info.employers {
        let base = if emp.name.is_empty() { &emp.id } else { &emp.name };
        let name = sheet_name(base, &mut taken);
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        header(ws, &bold, &["start", "end", "table", "candidate", "job", "job_title", "score"])?;
        let mut rows = by_emp.remove(emp.id.as_str()).unwrap_or_default();
        rows.sort_by_key(|i| (i.slot, i.table));
        for (r, i) in rows.iter().enumerate() {
            let r = r as u32 + 1;
            ws.write_string(r, 0, time(i.slot)?)?;
            ws.write_string(r, 1, time(i.slot + 1)?)?;
            ws.write_number(r, 2, i.table)?;
            ws.write_string(r, 3, &i.candidate)?;
            ws.write_string(r, 4, &i.vacancy)?;
            ws.write_string(r, 5, vacs.get(i.vacancy.as_str()).copied().unwrap_or_default())?;
            ws.write_number(r, 6, i.score)?;
        }
    }

    let ws = wb.add_worksheet();
    ws.set_name("candidates")?;
    header(
        ws,
        &bold,
        &[
            "candidate",
            "start",
            "end",
            "employer",
            "employer_name",
            "table",
            "job",
            "job_title",
            "score",
            "note",
        ],
    )?;
    let mut rows: Vec<&Interview> = schedule.interviews.iter().collect();
    rows.sort_by(|a, b| a.candidate.cmp(&b.candidate).then(a.slot.cmp(&b.slot)));
    let mut r = 1;
    for i in rows {
        ws.write_string(r, 0, &i.candidate)?;
        ws.write_string(r, 1, time(i.slot)?)?;
        ws.write_string(r, 2, time(i.slot + 1)?)?;
        ws.write_string(r, 3, &i.employer)?;
        ws.write_string(r, 4, emps.get(i.employer.as_str()).copied().unwrap_or_default())?;
        ws.write_number(r, 5, i.table)?;
        ws.write_string(r, 6, &i.vacancy)?;
        ws.write_string(r, 7, vacs.get(i.vacancy.as_str()).copied().unwrap_or_default())?;
        ws.write_number(r, 8, i.score)?;
        r += 1;
    }
    for u in &schedule.unplaced {
        ws.write_string(r, 0, &u.candidate)?;
        ws.write_string(r, 3, &u.employer)?;
        ws.write_string(r, 6, &u.vacancy)?;
        ws.write_string(r, 9, format!("not placed: {}", u.reason))?;
        r += 1;
    }
    for u in &schedule.unmatched {
        ws.write_string(r, 0, &u.candidate)?;
        ws.write_string(r, 9, &u.reason)?;
        r += 1;
    }
    Ok(wb.save_to_buffer()?)
}

fn header(ws: &mut Worksheet, bold: &Format, cols: &[&str]) -> Result<(), XlsxError> {
    for (c, name) in cols.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *name, bold)?;
        ws.set_column_width(c as u16, if *name == "note" { 60 } else { 16 })?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// A legal, unused sheet name: no `[]:*?/\`, no leading or trailing apostrophe, at most
/// 31 UTF-16 units, unique ignoring case.
fn sheet_name(base: &str, taken: &mut HashSet<String>) -> String {
    let clean: String =
        base.chars().map(|c| if "[]:*?/\\".contains(c) { '_' } else { c }).collect();
    let clean = clean.trim_matches(|c: char| c == '\'' || c.is_whitespace());
    let clean = if clean.is_empty() { "employer" } else { clean };
    for n in 1.. {
        let suffix = if n == 1 { String::new() } else { format!(" ({n})") };
        let mut name = String::new();
        let mut units = suffix.len();
        for c in clean.chars() {
            if units + c.len_utf16() > 31 {
                break;
            }
            units += c.len_utf16();
            name.push(c);
        }
        let mut name = name.trim_end_matches(|c: char| c == '\'' || c.is_whitespace()).to_string();
        let _ = write!(name, "{suffix}");
        if taken.insert(name.to_lowercase()) {
            return name;
        }
    }
    unreachable!()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Totals, Unmatched};

    fn sample() -> (Schedule, FairInfo) {
        let iv = |c: &str, e: &str, v: &str, table, slot| Interview {
            candidate: c.into(),
            vacancy: v.into(),
            employer: e.into(),
            table,
            slot,
            score: 0.75,
            wished: false,
        };
        let schedule = Schedule {
            interviews: vec![
                iv("c1", "e1", "v1", 1, 0),
                iv("c2", "e1", "v1", 2, 0),
                iv("c1", "e2", "v2", 1, 2),
            ],
            unmatched: vec![Unmatched { candidate: "c3".into(), reason: "capacity taken".into() }],
            unplaced: vec![],
            totals: Totals { candidates: 3, covered: 2, interviews: 3, score: 2.25, slots_used: 3 },
        };
        let named = |id: &str, name: &str| Named { id: id.into(), name: name.into() };
        let info = FairInfo {
            fair: "tpe-2026".into(),
            clock: Clock::new("2026-12-05", "09:00", 20),
            employers: vec![
                named("e1", "台灣積體電路製造股份有限公司, Hsinchu; \"Fab 18\" [main]"),
                named("e2", "台灣積體電路製造股份有限公司, Hsinchu; \"Fab 18\" [main]"),
            ],
            vacancies: vec![named("v1", "製程工程師"), named("v2", "Data, \"ML\" engineer")],
            generated: Some(1_780_000_000),
        };
        (schedule, info)
    }

    #[test]
    fn csv_rows() {
        let (s, info) = sample();
        let text = to_csv(&s, &info).unwrap();
        let mut lines = text.lines();
        assert_eq!(
            lines.next().unwrap(),
            "candidate,employer,employer_name,job,job_title,table,start,end,score"
        );
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(&rows[2][4], "Data, \"ML\" engineer");
        assert_eq!(&rows[2][6], "2026-12-05T09:40:00");
        assert_eq!(&rows[2][7], "2026-12-05T10:00:00");
        assert_eq!(&rows[0][8], "0.75");
    }

    #[test]
    fn ics_is_folded_and_escaped() {
        let (s, info) = sample();
        let text = to_ics(&s, &info).unwrap();
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 3);
        assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("UID:tpe-2026-c1-v2@meihe\r\n"));
        assert!(unfolded.contains("DTSTART:20261205T094000\r\nDTEND:20261205T100000\r\n"));
        assert!(unfolded.contains("DTSTAMP:20260528T"));
        assert!(unfolded.contains("LOCATION:table 2\r\n"));
        assert!(
            unfolded
                .contains("Data\\, \"ML\" engineer – 台灣積體電路製造股份有限公司\\, Hsinchu\\; ")
        );
        assert!(unfolded.contains("\\nScore: 0.75"));
        let c1 = to_ics_for_candidate(&s, &info, "c1").unwrap();
        assert_eq!(c1.matches("BEGIN:VEVENT").count(), 2);
        let e2 = to_ics_for_employer(&s, &info, "e2").unwrap();
        assert_eq!(e2.matches("BEGIN:VEVENT").count(), 1);
    }

    #[test]
    fn folding_keeps_utf8_whole() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "職".repeat(60));
        fold(&mut out, &line);
        let parts: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(parts.len() > 1);
        assert!(parts.iter().all(|p| p.len() <= 75));
        let joined: String =
            parts.iter().enumerate().map(|(k, p)| if k == 0 { *p } else { &p[1..] }).collect();
        assert_eq!(joined, line);
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
    }

    #[test]
    fn sheet_names_are_legal_and_unique() {
        let mut taken: HashSet<String> = ["candidates".into(), "history".into()].into();
        let long = "台灣積體電路製造股份有限公司 [Hsinchu]: *Fab* 18/19 \\ R&D?";
        let a = sheet_name(long, &mut taken);
        let b = sheet_name(long, &mut taken);
        let c = sheet_name("'Candidates'", &mut taken);
        let d = sheet_name("[]", &mut taken);
        for n in [&a, &b, &c, &d] {
            assert!(n.encode_utf16().count() <= 31, "{n}");
            assert!(!n.contains(['[', ']', ':', '*', '?', '/', '\\']), "{n}");
            assert!(!n.starts_with('\'') && !n.ends_with('\''));
        }
        assert_ne!(a.to_lowercase(), b.to_lowercase());
        assert!(b.ends_with(" (2)"));
        assert_eq!(c, "Candidates (2)");
        assert_eq!(d, "__");
    }

    #[test]
    fn xlsx_builds() {
        let (s, info) = sample();
        let bytes = to_xlsx(&s, &info).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}
