//! Fair listing, pre-matching and exports over a real on-disk index of the fixtures.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use meihe_core::schema::{Kind, KindSchema};
use meihe_core::{Analyzer, Taxonomy};
use meihe_indexer::{DocumentBuilder, IndexStore, import_jsonl};
use meihe_query::fair::{
    ExportFormat, FairCatalog, FairInfoMeta, Hours, PrematchRequest, PrematchResponse, Tables,
    export, list_fairs, prematch,
};
use meihe_query::{Engine, Error};
use serde_json::Value;

const FAIR: &str = "fair-2023-us-west";

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

struct Fixture {
    _directory: tempfile::TempDir,
    engine: Engine,
    catalog: FairCatalog,
}

/// An index of the fixtures with `fixtures/fairs.jsonl` as its catalog, built once.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let taxonomy = Arc::new(Taxonomy::builtin().unwrap());
        let analyzer = Arc::new(Analyzer::new(&taxonomy).unwrap());
        let directory = tempfile::tempdir().unwrap();
        let store = IndexStore::open_or_create(directory.path(), analyzer.clone()).unwrap();
        for (kind, file) in [(Kind::Jobs, "jobs.jsonl"), (Kind::Resumes, "resumes.jsonl")] {
            let mut builder =
                DocumentBuilder::new(analyzer.clone(), taxonomy.clone(), KindSchema::new(kind));
            let files = [fixtures().join(file)];
            let summary = import_jsonl(&store, &mut builder, kind, &files, |_| {}).unwrap();
            assert!(summary.rejected.is_empty(), "{:?}", summary.rejected);
        }
        std::fs::copy(fixtures().join("fairs.jsonl"), directory.path().join("fairs.jsonl"))
            .unwrap();
        let engine = Engine::new(store, taxonomy, analyzer).unwrap();
        engine.reload().unwrap();
        let catalog = FairCatalog::open(directory.path()).unwrap();
        Fixture { _directory: directory, engine, catalog }
    })
}

fn lines(file: &str) -> Vec<Value> {
    std::fs::read_to_string(fixtures().join(file))
        .unwrap()
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn registered(fair: &str) -> Vec<Value> {
    lines("resumes.jsonl")
        .into_iter()
        .filter(|resume| {
            resume["fairs"].as_array().into_iter().flatten().any(|id| id.as_str() == Some(fair))
        })
        .collect()
}

fn visible_registered(fair: &str) -> BTreeSet<String> {
    registered(fair)
        .iter()
        .filter(|resume| resume["visibility"] != "hidden")
        .map(|resume| resume["id"].as_str().unwrap().to_owned())
        .collect()
}

fn hidden_registered(fair: &str) -> Vec<String> {
    registered(fair)
        .iter()
        .filter(|resume| resume["visibility"] == "hidden")
        .map(|resume| resume["id"].as_str().unwrap().to_owned())
        .collect()
}

fn run(request: &PrematchRequest) -> meihe_query::fair::Prematch {
    let f = fixture();
    prematch(&f.engine, &f.catalog, FAIR, request).unwrap()
}

fn defaults() -> &'static meihe_query::fair::Prematch {
    static RESULT: OnceLock<meihe_query::fair::Prematch> = OnceLock::new();
    RESULT.get_or_init(|| run(&PrematchRequest::default()))
}

fn invalid_field(request: PrematchRequest) -> String {
    let f = fixture();
    match prematch(&f.engine, &f.catalog, FAIR, &request) {
        Err(Error::Invalid { field, message }) => {
            assert!(!message.is_empty());
            field
        }
        Err(other) => panic!("expected Invalid, got {other}"),
        Ok(_) => panic!("expected Invalid for {request:?}"),
    }
}

#[test]
fn the_catalog_reads_the_fixture_and_names_bad_lines() {
    let catalog = &fixture().catalog;
    let fair = catalog.get(FAIR).unwrap();
    assert_eq!(fair.date.as_deref(), Some("2023-10-14"));
    assert_eq!(fair.employers.len(), 9);
    assert_eq!(catalog.len(), 1);

    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("fairs.jsonl");
    std::fs::write(&path, "{\"id\":\"a\",\"extra\":1}\n\n{\"name\":\"no id\"}\n").unwrap();
    let error = FairCatalog::load(&path).unwrap_err();
    assert_eq!(error.line, Some(3));
    assert!(error.to_string().contains("fairs.jsonl:3: missing field `id`"), "{error}");
    std::fs::write(&path, "{\"id\":\"a\",\"date\":\"2026-02-30\"}\n").unwrap();
    assert!(FairCatalog::load(&path).unwrap_err().to_string().contains(":1: date"));
    assert!(FairCatalog::open(&directory.path().join("none")).unwrap().is_empty());
}

#[test]
fn list_fairs_counts_vacancies_employers_and_visible_candidates() {
    let f = fixture();
    let list = list_fairs(&f.engine, &f.catalog).unwrap();
    assert_eq!(list.fairs.len(), 1, "{list:?}");
    let fair = &list.fairs[0];
    assert_eq!(fair.id, FAIR);
    assert_eq!(fair.vacancies, 47);
    assert_eq!(fair.employers, 9);
    let expected = visible_registered(FAIR).len();
    assert!(expected < registered(FAIR).len(), "the fixture registers hidden résumés");
    assert_eq!(fair.candidates, expected);
    assert_eq!(fair.name.as_deref(), Some("經濟部海外攬才團 2023 美西場"));
    assert_eq!(fair.date.as_deref(), Some("2023-10-14"));
    let json = serde_json::to_value(&list).unwrap();
    let keys: BTreeSet<&str> =
        json["fairs"][0].as_object().unwrap().keys().map(|k| k.as_str()).collect();
    assert_eq!(
        keys,
        BTreeSet::from(["id", "name", "date", "employers", "vacancies", "candidates"])
    );

    // Without a catalog the counts stay and the name and date are absent.
    let bare = list_fairs(&f.engine, &FairCatalog::empty()).unwrap();
    assert_eq!(bare.fairs[0].vacancies, 47);
    assert_eq!(bare.fairs[0].name, None);
}

#[test]
fn the_default_timetable_is_conflict_free_and_within_the_rules() {
    let result = defaults();
    let response = &result.response;
    let visible = visible_registered(FAIR);
    let hidden: HashSet<String> = hidden_registered(FAIR).into_iter().collect();
    assert_eq!(response.fair, FAIR);
    assert_eq!(response.totals.candidates, visible.len());
    let listed: BTreeSet<String> = response.candidates.iter().map(|c| c.id.clone()).collect();
    assert_eq!(listed, visible);
    assert!(response.totals.interviews > 0);
    assert_eq!(response.totals.interviews, response.interviews.len());
    assert!(response.totals.covered > visible.len() / 2, "{:?}", response.totals);
    assert_eq!(response.totals.covered + response.unmatched.len(), visible.len());

    let jobs: HashMap<String, Value> = lines("jobs.jsonl")
        .into_iter()
        .map(|job| (job["id"].as_str().unwrap().to_owned(), job))
        .collect();
    let mut candidate_slots = HashSet::new();
    let mut table_slots = HashSet::new();
    let mut per_candidate: HashMap<&str, usize> = HashMap::new();
    let mut score = 0.0;
    for interview in &response.interviews {
        assert!(!hidden.contains(&interview.candidate), "{}", interview.candidate);
        assert!(visible.contains(&interview.candidate));
        assert!(interview.score >= 0.3, "{interview:?}");
        score += interview.score;
        // The date is the catalog's, the times inside 09:00–17:00, slots of 20 minutes.
        assert!(interview.start.starts_with("2023-10-14T"), "{}", interview.start);
        assert!(interview.start.as_str() >= "2023-10-14T09:00:00");
        assert!(interview.end.as_str() <= "2023-10-14T17:00:00");
        let minutes = |t: &str| -> u32 {
            t[11..13].parse::<u32>().unwrap() * 60 + t[14..16].parse::<u32>().unwrap()
        };
        assert_eq!(minutes(&interview.end) - minutes(&interview.start), 20);
        assert!((1..=2).contains(&interview.table));
        // Nobody is double-booked.
        assert!(candidate_slots.insert((interview.candidate.clone(), interview.start.clone())));
        assert!(table_slots.insert((
            interview.employer.clone(),
            interview.table,
            interview.start.clone()
        )));
        *per_candidate.entry(&interview.candidate).or_default() += 1;
        // The job is at the fair and belongs to the employer.
        let job = &jobs[&interview.job];
        assert!(job["fairs"].as_array().unwrap().iter().any(|id| id == FAIR));
        assert_eq!(job["employer"]["id"], interview.employer.as_str());
    }
    assert!(per_candidate.values().all(|&n| n <= 3));
    assert!((score - response.totals.score).abs() < 1e-6);
    assert!(response.totals.slots_used <= 24);

    // The candidate and employer views hold the same interviews.
    let by_candidate: usize = response.candidates.iter().map(|c| c.interviews.len()).sum();
    assert_eq!(by_candidate, response.interviews.len());
    assert_eq!(response.employers.len(), 9);
    let mut by_table = 0;
    for employer in &response.employers {
        assert_eq!(employer.tables.len(), 2);
        assert!(!employer.name.is_empty());
        for table in &employer.tables {
            by_table += table.interviews.len();
            assert!(
                table
                    .interviews
                    .iter()
                    .all(|i| i.table == table.table && i.employer == employer.id)
            );
            assert!(table.interviews.windows(2).all(|pair| pair[0].start < pair[1].start));
        }
    }
    assert_eq!(by_table, response.interviews.len());
    for unmatched in &response.unmatched {
        assert!(!unmatched.reason.is_empty());
        assert!(
            response
                .candidates
                .iter()
                .any(|c| c.id == unmatched.candidate && c.interviews.is_empty())
        );
    }
}

#[test]
fn the_response_has_the_keys_of_the_spec_and_no_personal_data() {
    let response = &defaults().response;
    let json = serde_json::to_value(response).unwrap();
    let keys: BTreeSet<&str> = json.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    let mut expected =
        BTreeSet::from(["fair", "interviews", "candidates", "employers", "unmatched", "totals"]);
    if !response.unplaced.is_empty() {
        expected.insert("unplaced");
    }
    assert_eq!(keys, expected);
    let object_keys = |value: &Value| -> BTreeSet<String> {
        value.as_object().unwrap().keys().cloned().collect()
    };
    let set = |keys: &[&str]| keys.iter().map(|k| k.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(
        object_keys(&json["interviews"][0]),
        set(&["candidate", "job", "employer", "table", "start", "end", "score"])
    );
    assert_eq!(object_keys(&json["candidates"][0]), set(&["id", "interviews"]));
    assert_eq!(object_keys(&json["employers"][0]), set(&["id", "name", "tables"]));
    assert_eq!(object_keys(&json["employers"][0]["tables"][0]), set(&["table", "interviews"]));
    assert_eq!(
        object_keys(&json["totals"]),
        set(&["candidates", "covered", "interviews", "score", "slots_used"])
    );
    if let Some(first) = json["unmatched"].get(0) {
        assert_eq!(object_keys(first), set(&["candidate", "reason"]));
    }
    // Names, e-mail addresses and phone numbers of the candidates never appear.
    let text = json.to_string();
    for resume in registered(FAIR) {
        if let Some(name) = resume["name"].as_str() {
            assert!(!text.contains(name), "{name}");
        }
        if let Some(email) = resume["contact"]["email"].as_str() {
            assert!(!text.contains(email), "{email}");
        }
    }
    assert!(!text.contains("example.com"));
    // The response round-trips.
    let back: PrematchResponse = serde_json::from_value(json).unwrap();
    assert_eq!(&back, response);
}

#[test]
fn prematching_is_deterministic() {
    let again = run(&PrematchRequest::default());
    assert_eq!(again.response, defaults().response);
}

#[test]
fn exports_parse() {
    let result = defaults();
    let interviews = result.response.interviews.len();

    let csv = export(result, ExportFormat::Csv).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "candidate");
    assert_eq!(header.len(), 9);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), interviews);
    let text = String::from_utf8(csv).unwrap();
    assert_eq!(text.lines().count(), interviews + 1);
    assert!(rows.iter().any(|row| &row[2] == "台達電子"), "employer names are filled in");

    let ics = String::from_utf8(export(result, ExportFormat::Ics).unwrap()).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT\r\n").count(), interviews);
    assert_eq!(ics.matches("END:VEVENT\r\n").count(), interviews);
    assert!(ics.contains("DTSTART:20231014T"));

    let xlsx = export(result, ExportFormat::Xlsx).unwrap();
    assert!(xlsx.len() > 1000);
    assert_eq!(&xlsx[..2], b"PK");

    let json: PrematchResponse =
        serde_json::from_slice(&export(result, ExportFormat::Json).unwrap()).unwrap();
    assert_eq!(json, result.response);
}

#[test]
fn settings_shape_the_timetable() {
    let request = PrematchRequest {
        date: Some("2026-12-05".into()),
        hours: Some(Hours { start: "10:00".into(), end: "12:00".into() }),
        slot_minutes: Some(30),
        tables: Some(Tables {
            default: Some(1),
            per_employer: BTreeMap::from([("emp-delta".to_owned(), 3)]),
        }),
        max_per_candidate: Some(2),
        min_score: Some(0.4),
        gap_minutes: Some(30),
        ..PrematchRequest::default()
    };
    let result = run(&request);
    let response = &result.response;
    assert_eq!(result.settings.slots, 4);
    for interview in &response.interviews {
        assert!(interview.score >= 0.4);
        assert!(interview.start.starts_with("2026-12-05T1"));
        assert!(interview.start.as_str() >= "2026-12-05T10:00:00");
        assert!(interview.end.as_str() <= "2026-12-05T12:00:00");
        let limit = if interview.employer == "emp-delta" { 3 } else { 1 };
        assert!(interview.table <= limit, "{interview:?}");
    }
    for employer in &response.employers {
        let expected = if employer.id == "emp-delta" { 3 } else { 1 };
        assert_eq!(employer.tables.len(), expected, "{}", employer.id);
    }
    // At most two interviews each, with a free slot between them.
    for candidate in &response.candidates {
        assert!(candidate.interviews.len() <= 2);
        if let [a, b] = candidate.interviews.as_slice() {
            assert!(a.end < b.start, "{a:?} {b:?}");
        }
    }
    // Fewer tables and slots than the defaults give fewer interviews.
    assert!(response.totals.interviews < defaults().response.totals.interviews);
}

#[test]
fn listed_candidates_and_wishes() {
    let visible: Vec<String> = visible_registered(FAIR).into_iter().take(5).collect();
    // Five candidates all wish one employer.
    let wishes: BTreeMap<String, Vec<String>> =
        visible.iter().map(|id| (id.clone(), vec!["emp-micron".to_owned()])).collect();
    let request = PrematchRequest {
        candidates: Some(visible.clone()),
        wishes,
        wish_bonus: Some(1.0),
        min_score: Some(0.0),
        ..PrematchRequest::default()
    };
    let response = run(&request).response;
    let ids: Vec<&str> = response.candidates.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, visible.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(response.totals.candidates, 5);
    // With min_score 0 every pair is eligible, and a full bonus makes the wish win.
    for candidate in &response.candidates {
        assert!(
            candidate.interviews.iter().any(|i| i.employer == "emp-micron"),
            "{} got {:?}",
            candidate.id,
            candidate.interviews
        );
    }
}

#[test]
fn invalid_requests_name_the_field() {
    let hidden = hidden_registered(FAIR);
    let visible: Vec<String> = visible_registered(FAIR).into_iter().collect();
    let hours = |start: &str, end: &str| Some(Hours { start: start.into(), end: end.into() });
    let tables = |default: Option<u32>, per: &[(&str, u32)]| {
        Some(Tables {
            default,
            per_employer: per.iter().map(|(id, n)| ((*id).to_owned(), *n)).collect(),
        })
    };
    let base = PrematchRequest::default;
    let cases: Vec<(PrematchRequest, &str)> = vec![
        (PrematchRequest { date: Some("2026-02-30".into()), ..base() }, "date"),
        (PrematchRequest { hours: hours("9:00", "17:00"), ..base() }, "hours.start"),
        (PrematchRequest { hours: hours("09:00", "17:60"), ..base() }, "hours.end"),
        (PrematchRequest { hours: hours("17:00", "09:00"), ..base() }, "hours.end"),
        (PrematchRequest { slot_minutes: Some(4), ..base() }, "slot_minutes"),
        (PrematchRequest { slot_minutes: Some(241), ..base() }, "slot_minutes"),
        (
            PrematchRequest { hours: hours("09:00", "09:30"), slot_minutes: Some(45), ..base() },
            "slot_minutes",
        ),
        (PrematchRequest { max_per_candidate: Some(0), ..base() }, "max_per_candidate"),
        (PrematchRequest { max_per_candidate: Some(25), ..base() }, "max_per_candidate"),
        (PrematchRequest { min_score: Some(1.5), ..base() }, "min_score"),
        (PrematchRequest { min_score: Some(f64::NAN), ..base() }, "min_score"),
        (PrematchRequest { wish_bonus: Some(-0.1), ..base() }, "wish_bonus"),
        (PrematchRequest { gap_minutes: Some(480), ..base() }, "gap_minutes"),
        (PrematchRequest { tables: tables(Some(0), &[]), ..base() }, "tables.default"),
        (
            PrematchRequest { tables: tables(None, &[("emp-x", 4)]), ..base() },
            "tables.per_employer.emp-x",
        ),
        (
            PrematchRequest { tables: tables(None, &[("emp-delta", 0)]), ..base() },
            "tables.per_employer.emp-delta",
        ),
        (PrematchRequest { candidates: Some(vec![]), ..base() }, "candidates"),
        (
            PrematchRequest {
                candidates: Some(vec![
                    visible[0].clone(),
                    visible[1].clone(),
                    visible[2].clone(),
                    "cand-9999".into(),
                ]),
                ..base()
            },
            "candidates[3]",
        ),
        (
            PrematchRequest {
                candidates: Some(vec![visible[0].clone(), hidden[0].clone()]),
                ..base()
            },
            "candidates[1]",
        ),
        (
            PrematchRequest {
                candidates: Some(vec![visible[0].clone(), visible[0].clone()]),
                ..base()
            },
            "candidates[1]",
        ),
        (
            PrematchRequest {
                wishes: BTreeMap::from([(
                    visible[0].clone(),
                    vec!["job-0001".into(), "emp-nowhere".into()],
                )]),
                ..base()
            },
            "wishes.VISIBLE0[1]",
        ),
        (
            PrematchRequest {
                wishes: BTreeMap::from([(hidden[0].clone(), vec!["emp-delta".into()])]),
                ..base()
            },
            "wishes.HIDDEN0",
        ),
    ];
    for (request, field) in cases {
        let field = field.replace("VISIBLE0", &visible[0]).replace("HIDDEN0", &hidden[0]);
        assert_eq!(invalid_field(request), field);
    }
    // A hidden résumé is reported like one that does not exist.
    let f = fixture();
    let message = |id: &str| match prematch(
        &f.engine,
        &f.catalog,
        FAIR,
        &PrematchRequest { candidates: Some(vec![id.to_owned()]), ..base() },
    ) {
        Err(Error::Invalid { message, .. }) => message.replace(id, "ID"),
        other => panic!("{:?}", other.map(|_| ())),
    };
    assert_eq!(message(&hidden[0]), message("cand-9999"));
}

#[test]
fn requests_reject_unknown_fields_and_fill_partial_hours() {
    let error = serde_json::from_str::<PrematchRequest>(r#"{"slot":20}"#).unwrap_err();
    assert!(error.to_string().contains("unknown field `slot`"), "{error}");
    let request: PrematchRequest = serde_json::from_str(
        r#"{"hours":{"start":"10:00"},"tables":{"per_employer":{"emp-x":4}},"wishes":{"c":["j"]}}"#,
    )
    .unwrap();
    assert_eq!(request.hours.unwrap().end, "17:00");
    assert_eq!(request.tables.unwrap().per_employer["emp-x"], 4);
    let full: PrematchRequest = serde_json::from_str(
        r#"{"candidates":["cand-0001"],"date":"2026-12-05","hours":{"start":"09:00","end":"17:00"},"slot_minutes":20,"tables":{"default":2,"per_employer":{"emp-x":4}},"max_per_candidate":3,"min_score":0.3,"wishes":{"cand-1":["job-3","emp-x"]},"wish_bonus":0.1,"gap_minutes":0}"#,
    )
    .unwrap();
    assert_eq!(full.slot_minutes, Some(20));
}

#[test]
fn an_unknown_fair_is_not_found() {
    let f = fixture();
    match prematch(&f.engine, &f.catalog, "fair-nowhere", &PrematchRequest::default()) {
        Err(Error::NotFound { kind, id }) => {
            assert_eq!(kind, "fair");
            assert_eq!(id, "fair-nowhere");
        }
        other => panic!("{:?}", other.map(|_| ())),
    }
    // A fair only the catalog knows has an empty timetable on its own date.
    let catalog = FairCatalog::from_fairs([FairInfoMeta {
        id: "fair-2027".into(),
        name: Some("2027".into()),
        name_en: None,
        date: Some("2027-03-01".into()),
        cities: vec![],
        country: None,
        employers: vec![],
    }]);
    let result = prematch(&f.engine, &catalog, "fair-2027", &PrematchRequest::default()).unwrap();
    assert_eq!(result.settings.date, "2027-03-01");
    assert_eq!(result.response.totals.candidates, 0);
    assert!(result.response.interviews.is_empty());
    assert!(export(&result, ExportFormat::Xlsx).unwrap().starts_with(b"PK"));
}

#[test]
fn without_a_catalog_the_date_is_today_and_employers_keep_posting_names() {
    let f = fixture();
    let result =
        prematch(&f.engine, &FairCatalog::empty(), FAIR, &PrematchRequest::default()).unwrap();
    assert_eq!(result.settings.date, meihe_query::fair::today());
    assert_eq!(result.response.employers.len(), 9);
    let delta = result.response.employers.iter().find(|e| e.id == "emp-delta").unwrap();
    assert_eq!(delta.name, "台達電子");
    // Employers are in id order without a catalog, in the catalog's order with one.
    let ids: Vec<&str> = result.response.employers.iter().map(|e| e.id.as_str()).collect();
    assert!(ids.windows(2).all(|pair| pair[0] < pair[1]), "{ids:?}");
    let with: Vec<&str> = defaults().response.employers.iter().map(|e| e.id.as_str()).collect();
    let catalog: Vec<&str> =
        f.catalog.get(FAIR).unwrap().employers.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(with, catalog);
}

#[test]
fn catalog_employers_without_postings_are_accepted_but_never_interview() {
    let f = fixture();
    let mut meta = f.catalog.get(FAIR).unwrap().clone();
    let first = meta.employers[0].clone();
    meta.employers.push(first);
    meta.employers.push(meihe_query::fair::CatalogEmployer {
        id: "emp-ghost".into(),
        name: Some("幽靈公司".into()),
    });
    let catalog = FairCatalog::from_fairs([meta]);
    let candidate = visible_registered(FAIR).into_iter().next().unwrap();
    let request = PrematchRequest {
        tables: Some(Tables {
            default: None,
            per_employer: BTreeMap::from([("emp-ghost".to_owned(), 3)]),
        }),
        wishes: BTreeMap::from([(candidate, vec!["emp-ghost".to_owned()])]),
        ..PrematchRequest::default()
    };
    let result = prematch(&f.engine, &catalog, FAIR, &request).unwrap();
    let ids: Vec<&str> = result.response.employers.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), 9, "{ids:?}");
    assert!(!ids.contains(&"emp-ghost"));
    assert_eq!(result.response.totals, defaults().response.totals);
}
