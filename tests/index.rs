use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use meihe_core::schema::{Kind, KindSchema};
use meihe_core::{Analyzer, Taxonomy};
use meihe_indexer::IndexStore;
use tantivy::collector::Count;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;

fn meihe(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meihe")).args(args).output().expect("meihe runs")
}

fn index_file(index: &Path, kind: &str, file: &Path) -> Output {
    meihe(&["index", "--index", index.to_str().unwrap(), "--kind", kind, file.to_str().unwrap()])
}

fn stats(index: &Path) -> serde_json::Value {
    let output = meihe(&["stats", "--json", "--index", index.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn has_id(index: &Path, kind: Kind, id: &str) -> bool {
    let analyzer = Arc::new(Analyzer::new(&Taxonomy::builtin().unwrap()).unwrap());
    let store = IndexStore::open_or_create(index, analyzer).unwrap();
    let fields = KindSchema::new(kind);
    let searcher = store.kind_index(kind).reader().unwrap().searcher();
    let query =
        TermQuery::new(tantivy::Term::from_field_text(fields.id, id), IndexRecordOption::Basic);
    searcher.search(&query, &Count).unwrap() == 1
}

const GOOD: &str = r#"{"id":"job-1","title":"資安工程師","employer":{"name":"台達電子"},"salary":{"min":45000,"max":70000}}"#;

#[test]
fn bad_lines_are_reported_and_good_lines_land() {
    let directory = tempfile::tempdir().unwrap();
    let input = directory.path().join("jobs.jsonl");
    let mut file = std::fs::File::create(&input).unwrap();
    file.write_all(b"\xEF\xBB\xBF").unwrap();
    let huge = format!(
        r#"{{"id":"job-big","title":"{}","employer":{{"name":"x"}}}}"#,
        "a".repeat(10 << 20)
    );
    let lines: Vec<Vec<u8>> = vec![
        GOOD.as_bytes().to_vec(),                                                                   // 1 BOM + good
        br#"{"id":"job-2","title":"x","employer":{"name":"y"}"#.to_vec(),                           // 2 malformed
        br#"{"id":"job-3","title":"x","employer":{"name":"y"},"colour":"red"}"#.to_vec(),            // 3 unknown field
        br#"{"id":"job-4","title":"x","employer":{"name":"y"},"headcount":"many"}"#.to_vec(),        // 4 wrong type
        br#"{"id":"job-5","employer":{"name":"y"}}"#.to_vec(),                                       // 5 missing field
        br#"{"id":"job-6","title":"x","employer":{"name":"y"},"posted_at":"2026-13-01"}"#.to_vec(),  // 6 bad date
        br#"{"id":"job-7","title":"x","employer":{"name":"y"},"salary":{"min":-1}}"#.to_vec(),       // 7 negative salary
        br#"{"id":"job-8","title":"x","employer":{"name":"y"},"salary":{"min":9,"max":1}}"#.to_vec(), // 8 inverted salary
        br#"{"id":"job-9","title":"x","employer":{"name":"y"},"certifications":[{"id":"ipas-infosec","min_level":"L9"}]}"#.to_vec(), // 9 level
        huge.into_bytes(),                                                                          // 10 huge line
        b"{\"id\":\"job-11\",\"title\":\"\xff\xfe\",\"employer\":{\"name\":\"y\"}}".to_vec(),          // 11 invalid UTF-8
        Vec::new(),                                                                                 // 12 blank
        r#"{"id":"job-13","title":"軟體工程師 🚀","employer":{"name":"緯創軟體"},"skills":[{"name":"量子糾纏"}]}"#.as_bytes().to_vec(), // 13 good
        r#"{"id":"job-1","title":"資安工程師（更新）","employer":{"name":"台達電子"}}"#.as_bytes().to_vec(), // 14 duplicate id
    ];
    for line in &lines {
        file.write_all(line).unwrap();
        file.write_all(b"\r\n").unwrap();
    }
    drop(file);
    let index = directory.path().join("index");
    let output = meihe(&[
        "index",
        "--json",
        "--index",
        index.to_str().unwrap(),
        "--kind",
        "jobs",
        input.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["accepted"], 3);
    let rejected: Vec<(u64, String, String)> = summary["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| {
            (
                error["line"].as_u64().unwrap(),
                error["field"].as_str().unwrap().to_owned(),
                error["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let lines_and_fields: Vec<(u64, &str)> =
        rejected.iter().map(|(line, field, _)| (*line, field.as_str())).collect();
    assert_eq!(
        lines_and_fields,
        [
            (2, ""),
            (3, "colour"),
            (4, "headcount"),
            (5, "title"),
            (6, "posted_at"),
            (7, "salary.min"),
            (8, "salary.max"),
            (9, "certifications[0].min_level"),
            (10, ""),
            (11, "")
        ]
    );
    assert!(rejected[0].2.starts_with("malformed JSON"), "{:?}", rejected[0]);
    assert!(rejected[3].2.contains("missing field `title`"), "{:?}", rejected[3]);
    assert!(rejected[8].2.contains("longer than the limit"), "{:?}", rejected[8]);
    assert!(rejected[9].2.contains("invalid UTF-8"), "{:?}", rejected[9]);
    assert_eq!(summary["duplicates"][0]["id"], "job-1");
    assert_eq!(summary["duplicates"][0]["lines"], serde_json::json!([1, 14]));
    assert_eq!(summary["unresolved"][0], serde_json::json!(["量子糾纏", 1]));
    assert_eq!(stats(&index)["jobs"], 2, "job-1 once, job-13");
    assert!(has_id(&index, Kind::Jobs, "job-1") && has_id(&index, Kind::Jobs, "job-13"));
}

#[test]
fn reimporting_upserts_and_delete_removes() {
    let directory = tempfile::tempdir().unwrap();
    let input = directory.path().join("jobs.jsonl");
    std::fs::write(&input, format!("{GOOD}\n")).unwrap();
    let index = directory.path().join("index");
    let index_arg = index.to_str().unwrap();
    for _ in 0..3 {
        assert!(
            meihe(&["index", "--index", index_arg, "--kind", "jobs", input.to_str().unwrap()])
                .status
                .success()
        );
    }
    assert_eq!(stats(&index)["jobs"], 1);
    let output = meihe(&["delete", "--index", index_arg, "--kind", "jobs", "job-1"]);
    assert!(output.status.success());
    assert_eq!(stats(&index)["jobs"], 0);
}

#[test]
fn empty_and_missing_files_get_clear_messages() {
    let directory = tempfile::tempdir().unwrap();
    let empty = directory.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let index = directory.path().join("index");
    let output = index_file(&index, "resumes", &empty);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("no records (the file is empty)"));

    let missing = directory.path().join("missing.jsonl");
    let other_index = directory.path().join("other");
    let output = index_file(&other_index, "jobs", &missing);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot read") && stderr.contains("missing.jsonl"), "{stderr}");
    assert!(!other_index.exists(), "nothing is written when an input is missing");
}

#[test]
fn a_second_writer_gets_a_clear_error() {
    let directory = tempfile::tempdir().unwrap();
    let index = directory.path().join("index");
    let analyzer = Arc::new(Analyzer::new(&Taxonomy::builtin().unwrap()).unwrap());
    let store = IndexStore::open_or_create(&index, analyzer).unwrap();
    let writer = store.writer(Kind::Jobs).unwrap();
    let input = directory.path().join("jobs.jsonl");
    std::fs::write(&input, format!("{GOOD}\n")).unwrap();
    let output = index_file(&index, "jobs", &input);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("is being written by another process"), "{stderr}");
    writer.finish().unwrap();
}

#[test]
fn what_index_reports_survives_sigkill() {
    let directory = tempfile::tempdir().unwrap();
    let input = directory.path().join("jobs.jsonl");
    let lines: Vec<String> = (0..300)
        .map(|number| format!(r#"{{"id":"job-{number}","title":"軟體工程師 {number}","employer":{{"name":"緯創軟體"}}}}"#))
        .collect();
    std::fs::write(&input, lines.join("\n")).unwrap();
    let index = directory.path().join("index");
    let mut child = Command::new(env!("CARGO_BIN_EXE_meihe"))
        .args([
            "index",
            "--index",
            index.to_str().unwrap(),
            "--kind",
            "jobs",
            input.to_str().unwrap(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first_line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first_line).unwrap();
    assert!(first_line.contains("300 accepted"), "{first_line}");
    // SIGKILL the moment success is reported (it may have exited already).
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(stats(&index)["jobs"], 300);
    assert!(has_id(&index, Kind::Jobs, "job-0") && has_id(&index, Kind::Jobs, "job-299"));
}

const FAIR_MAP: &[&str] = &[
    "--map",
    "id=報名編號",
    "--map",
    "name=姓名",
    "--map",
    "contact.email=Email",
    "--map",
    "headline=希望職稱",
    "--map",
    "summary=自我介紹",
    "--map",
    "skills=專長",
    "--map",
    "certifications=證照",
    "--map",
    "location.city=居住城市",
    "--map",
    "location.willing_to_relocate=可否搬遷",
    "--map",
    "updated_at=更新日期",
];

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/tabular").join(name)
}

fn count_term(index: &Path, kind: Kind, field: &str, term: &str) -> usize {
    let analyzer = Arc::new(Analyzer::new(&Taxonomy::builtin().unwrap()).unwrap());
    let store = IndexStore::open_or_create(index, analyzer).unwrap();
    let schema = KindSchema::new(kind).schema;
    let field = schema.get_field(field).unwrap();
    let searcher = store.kind_index(kind).reader().unwrap().searcher();
    let query =
        TermQuery::new(tantivy::Term::from_field_text(field, term), IndexRecordOption::Basic);
    searcher.search(&query, &Count).unwrap()
}

#[test]
fn a_fair_registration_sheet_loads_from_excel_and_csv_with_a_mapping() {
    let directory = tempfile::tempdir().unwrap();
    let index = directory.path().join("index");
    for file in ["fair-registrations.xlsx", "fair-registrations.csv"] {
        for _ in 0..2 {
            let path = fixture(file);
            let mut args =
                vec!["index", "--json", "--index", index.to_str().unwrap(), "--kind", "resumes"];
            args.extend_from_slice(FAIR_MAP);
            args.push(path.to_str().unwrap());
            let output = meihe(&args);
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
            assert_eq!(summary["accepted"], 4, "{summary}");
            assert_eq!(summary["rejected"], serde_json::json!([]));
        }
    }
    // R-001, R-002, R-004 from both files, and the id-less third row once per file name.
    assert_eq!(stats(&index)["resumes"], 5);
    assert!(has_id(&index, Kind::Resumes, "fair-registrations.xlsx#3"));
    assert!(has_id(&index, Kind::Resumes, "fair-registrations.csv#3"));
    // "AI應用規劃師 中級" in a cell is the certification at intermediate level.
    assert_eq!(
        count_term(&index, Kind::Resumes, "certification", "ipas-ai-planner@intermediate"),
        2
    );
    // "iPAS 電磁相容工程師 初級" resolves too.
    assert_eq!(count_term(&index, Kind::Resumes, "certification", "ipas-emc@beginner"), 1);
    // List cells split on ； 、 and , (R-001: C語言；嵌入式系統、Linux).
    assert_eq!(count_term(&index, Kind::Resumes, "skill", "embedded-systems"), 1);
    assert_eq!(count_term(&index, Kind::Resumes, "skill", "linux"), 1);
}

#[test]
fn bad_csv_rows_and_mappings_get_clear_errors() {
    let directory = tempfile::tempdir().unwrap();
    let input = directory.path().join("jobs.csv");
    let mut bytes = "職稱,公司,人數\n資安工程師,台達電子,3\n".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xff\xfe,broken,1\n");
    bytes.extend_from_slice("軟體工程師,緯創軟體,很多\n".as_bytes());
    bytes.extend_from_slice("PM,華碩\n".as_bytes());
    std::fs::write(&input, bytes).unwrap();
    let index = directory.path().join("index");
    let index_arg = index.to_str().unwrap();
    let input_arg = input.to_str().unwrap();
    let map = ["--map", "title=職稱", "--map", "employer.name=公司", "--map", "headcount=人數"];
    let mut args = vec!["index", "--json", "--index", index_arg, "--kind", "jobs"];
    args.extend_from_slice(&map);
    args.push(input_arg);
    let output = meihe(&args);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["accepted"], 1);
    let rejected = summary["rejected"].as_array().unwrap();
    assert_eq!(rejected[0]["line"], 3);
    assert!(
        rejected[0]["message"].as_str().unwrap().starts_with("invalid UTF-8 in column 職稱"),
        "{rejected:?}"
    );
    assert_eq!(rejected[1]["line"], 4);
    assert_eq!(rejected[1]["field"], "headcount");
    assert_eq!(rejected[1]["message"], "expected a whole number, found `很多` (column 人數)");
    assert_eq!(rejected[2]["line"], 5);
    assert_eq!(rejected[2]["message"], "expected 3 cells like the header, found 2");

    for (map, error) in [
        ("salery=人數", "unknown field `salery` in --map"),
        ("title=Title", "no column `Title`; the columns are: 職稱, 公司, 人數"),
    ] {
        let output =
            meihe(&["index", "--index", index_arg, "--kind", "jobs", "--map", map, input_arg]);
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(error), "{stderr}");
        assert_eq!(stderr.matches(error).count(), 1, "the error is printed once: {stderr}");
    }
}
