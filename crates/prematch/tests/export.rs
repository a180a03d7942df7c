//! Exports of a generated fair.

use std::io::Cursor;

use calamine::{Reader, Xlsx, open_workbook_from_rs};
use meihe_prematch::export::{
    FairInfo, to_csv, to_ics, to_ics_for_candidate, to_ics_for_employer, to_xlsx,
};
use meihe_prematch::generate::generate_fair;
use meihe_prematch::{Clock, prematch};

#[test]
fn generated_fair_exports() {
    let inst = generate_fair(1, 5);
    let s = prematch(&inst).unwrap();
    let mut info = FairInfo::new("tpe-2026", Clock::new("2026-12-05", "09:00", 20), &inst);
    info.generated = Some(0);

    let csv = to_csv(&s, &info).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().count(), s.interviews.len());

    let ics = to_ics(&s, &info).unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT\r\n").count(), s.interviews.len());
    assert!(ics.contains("DTSTAMP:19700101T000000Z\r\n"));
    let first = &s.interviews[0];
    let one = to_ics_for_candidate(&s, &info, &first.candidate).unwrap();
    let mine = s.interviews.iter().filter(|i| i.candidate == first.candidate).count();
    assert_eq!(one.matches("BEGIN:VEVENT").count(), mine);
    let emp = to_ics_for_employer(&s, &info, &first.employer).unwrap();
    let theirs = s.interviews.iter().filter(|i| i.employer == first.employer).count();
    assert_eq!(emp.matches("BEGIN:VEVENT").count(), theirs);

    let bytes = to_xlsx(&s, &info).unwrap();
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names();
    assert_eq!(names.len(), inst.employers.len() + 1);
    assert_eq!(names.last().unwrap(), "candidates");
    let mut rows = 0;
    for name in &names[..names.len() - 1] {
        rows += wb.worksheet_range(name).unwrap().height() - 1;
    }
    assert_eq!(rows, s.interviews.len());
    let cands = wb.worksheet_range("candidates").unwrap();
    assert_eq!(cands.height() - 1, s.interviews.len() + s.unplaced.len() + s.unmatched.len());
}

#[test]
fn bad_clock_is_an_error() {
    let inst = generate_fair(1, 5);
    let s = prematch(&inst).unwrap();
    let info = FairInfo::new("x", Clock::new("2026-13-05", "09:00", 20), &inst);
    assert!(to_csv(&s, &info).is_err());
    assert!(to_xlsx(&s, &info).is_err());
}
