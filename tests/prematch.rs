use std::path::Path;

use crate::common::{fixture_index, meihe};

const FAIR: &str = "fair-2023-us-west";

fn index() -> &'static Path {
    fixture_index()
}

fn prematch(args: &[&str]) -> (bool, String, String) {
    let mut all = vec!["prematch", "--index", index().to_str().unwrap(), "--fair", FAIR];
    all.extend(args);
    let output = meihe(&all);
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn prints_a_summary() {
    let (ok, out, err) = prematch(&[]);
    assert!(ok, "{err}");
    assert!(out.starts_with(FAIR), "{out}");
    assert!(out.contains("經濟部海外攬才團 2023 美西場"), "{out}");
    assert!(out.contains("2023-10-14 09:00–17:00, 24 slots of 20 min"), "{out}");
    for label in ["candidates", "covered", "interviews", "slots used", "total score", "unmatched"] {
        assert!(out.lines().any(|line| line.starts_with(label)), "{label} missing:\n{out}");
    }
    assert!(out.contains("emp-delta") && out.contains("台達電子"), "{out}");
    assert!(out.lines().any(|line| line.starts_with("employer") && line.contains("tables")));
}

#[test]
fn json_is_the_response_of_the_route() {
    let (ok, out, err) = prematch(&["--json", "--date", "2026-12-05", "--slot", "30m"]);
    assert!(ok, "{err}");
    let response: serde_json::Value = serde_json::from_str(&out).unwrap();
    let keys: Vec<&str> = response.as_object().unwrap().keys().map(String::as_str).collect();
    for key in ["fair", "interviews", "candidates", "employers", "unmatched", "totals"] {
        assert!(keys.contains(&key), "{key} missing from {keys:?}");
    }
    assert_eq!(response["fair"], FAIR);
    let interviews = response["interviews"].as_array().unwrap();
    assert!(!interviews.is_empty());
    assert_eq!(response["totals"]["interviews"].as_u64().unwrap() as usize, interviews.len());
    let start = interviews[0]["start"].as_str().unwrap();
    assert!(start.starts_with("2026-12-05T"), "{start}");
    assert!(start.ends_with(":00:00") || start.ends_with(":30:00"), "{start}");
}

#[test]
fn out_writes_each_export() {
    let directory = tempfile::tempdir().unwrap();
    let (ok, json, err) = prematch(&["--json"]);
    assert!(ok, "{err}");
    let response: serde_json::Value = serde_json::from_str(&json).unwrap();
    let interviews = response["interviews"].as_array().unwrap().len();
    for name in ["schedule.csv", "schedule.ics", "schedule.xlsx", "schedule.json"] {
        let path = directory.path().join(name);
        let (ok, out, err) = prematch(&["--out", path.to_str().unwrap()]);
        assert!(ok, "{name}: {err}");
        assert!(out.contains(&format!("wrote {}", path.display())), "{out}");
        let bytes = std::fs::read(&path).unwrap();
        match name {
            "schedule.csv" => {
                let rows = csv::Reader::from_reader(bytes.as_slice()).records().count();
                assert_eq!(rows, interviews);
            }
            "schedule.ics" => {
                let text = String::from_utf8(bytes).unwrap();
                assert_eq!(text.matches("BEGIN:VEVENT").count(), interviews);
            }
            "schedule.xlsx" => assert_eq!(&bytes[..2], b"PK"),
            _ => {
                let written: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                assert_eq!(written, response);
            }
        }
    }
    // With --json the note goes to standard error, so standard output stays JSON.
    let path = directory.path().join("again.csv");
    let (ok, out, err) = prematch(&["--json", "--out", path.to_str().unwrap()]);
    assert!(ok);
    assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok());
    assert!(err.contains("wrote"), "{err}");
}

#[test]
fn a_request_file_and_flags_combine() {
    let directory = tempfile::tempdir().unwrap();
    let body = directory.path().join("body.json");
    std::fs::write(
        &body,
        r#"{"hours":{"start":"10:00","end":"12:00"},"tables":{"per_employer":{"emp-delta":3}},"max_per_candidate":1}"#,
    )
    .unwrap();
    let (ok, out, err) =
        prematch(&["--request", body.to_str().unwrap(), "--tables", "1", "--json"]);
    assert!(ok, "{err}");
    let response: serde_json::Value = serde_json::from_str(&out).unwrap();
    for employer in response["employers"].as_array().unwrap() {
        let expected = if employer["id"] == "emp-delta" { 3 } else { 1 };
        assert_eq!(employer["tables"].as_array().unwrap().len(), expected);
    }
    for candidate in response["candidates"].as_array().unwrap() {
        assert!(candidate["interviews"].as_array().unwrap().len() <= 1);
    }
    for interview in response["interviews"].as_array().unwrap() {
        let start = interview["start"].as_str().unwrap();
        assert!(&start[11..] >= "10:00:00" && &start[11..] < "12:00:00", "{start}");
    }
}

#[test]
fn bad_arguments_give_clear_errors() {
    let cases: &[(&[&str], &str)] = &[
        (&["--hours", "9-17"], "--hours 9-17: expected HH:MM-HH:MM"),
        (&["--hours", "17:00-09:00"], "expected HH:MM-HH:MM"),
        (&["--slot", "twenty"], "--slot twenty: expected minutes"),
        (&["--slot", "1m"], "--slot (slot_minutes): must be between 5 and 240"),
        (&["--date", "2026-13-01"], "--date (date): `2026-13-01` is not a date"),
        (&["--min-score", "2"], "--min-score (min_score)"),
        (&["--max-per-candidate", "99"], "--max-per-candidate (max_per_candidate)"),
        (&["--employer-tables", "emp-x=2"], "--employer-tables (tables.per_employer.emp-x)"),
        (&["--employer-tables", "emp-delta"], "expected KEY=VALUE"),
        (&["--candidate", "cand-none"], "--candidate (candidates[0])"),
        (&["--out", "schedule.pdf"], "must end in .xlsx, .csv, .ics or .json"),
    ];
    for (args, expected) in cases {
        let (ok, _, err) = prematch(args);
        assert!(!ok, "{args:?} succeeded");
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    let output = meihe(&["prematch", "--index", index().to_str().unwrap(), "--fair", "fair-none"]);
    assert!(!output.status.success());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("no fair with id `fair-none`"), "{err}");
    let missing = tempfile::tempdir().unwrap();
    let output = meihe(&["prematch", "--index", missing.path().to_str().unwrap(), "--fair", FAIR]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("no index at"));
}

#[test]
fn help_has_examples() {
    let output = meihe(&["prematch", "--help"]);
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(help.contains("Examples:"), "{help}");
    assert!(help.contains("--out"), "{help}");
}
