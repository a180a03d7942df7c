//! Search and match through the engine, on the fixtures in a real on-disk index.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use meihe_core::eligibility::{Offer, mid_level_technical};
use meihe_core::model::{Resume, parse_job, parse_resume};
use meihe_core::schema::{Kind, KindSchema};
use meihe_core::{Analyzer, Taxonomy};
use meihe_indexer::{DocumentBuilder, IndexStore, import_jsonl};
use meihe_query::{
    EligibleFor, Engine, Error, Filters, MatchOptions, OfferTerms, Role, SearchRequest, Subject,
    Viewer,
};
use serde_json::Value;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

struct Fixture {
    _directory: tempfile::TempDir,
    engine: Engine,
}

/// An engine over the fixtures plus any extra résumé lines.
fn build(extra_resumes: &[&str]) -> Fixture {
    let taxonomy = Arc::new(Taxonomy::builtin().unwrap());
    let analyzer = Arc::new(Analyzer::new(&taxonomy).unwrap());
    let directory = tempfile::tempdir().unwrap();
    let store = IndexStore::open_or_create(directory.path(), analyzer.clone()).unwrap();
    let extra = directory.path().join("extra.jsonl");
    std::fs::write(&extra, extra_resumes.join("\n")).unwrap();
    for (kind, files) in [
        (Kind::Jobs, vec![fixtures().join("jobs.jsonl")]),
        (Kind::Resumes, vec![fixtures().join("resumes.jsonl"), extra]),
    ] {
        let mut builder =
            DocumentBuilder::new(analyzer.clone(), taxonomy.clone(), KindSchema::new(kind));
        let summary = import_jsonl(&store, &mut builder, kind, &files, |_| {}).unwrap();
        assert!(summary.rejected.is_empty(), "{:?}", summary.rejected);
    }
    let engine = Engine::new(store, taxonomy, analyzer).unwrap();
    engine.reload().unwrap();
    Fixture { _directory: directory, engine }
}

fn engine() -> &'static Engine {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    &FIXTURE.get_or_init(|| build(&[])).engine
}

fn lines(file: &str) -> Vec<Value> {
    std::fs::read_to_string(fixtures().join(file))
        .unwrap()
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn search(kind: Kind, request: SearchRequest) -> meihe_query::SearchResponse {
    engine().search(kind, &request, &Viewer::admin()).unwrap()
}

fn text(q: &str) -> SearchRequest {
    SearchRequest { q: q.into(), size: Some(10), ..SearchRequest::default() }
}

fn ids(response: &meihe_query::SearchResponse) -> Vec<&str> {
    response.hits.iter().map(|hit| hit.id.as_str()).collect()
}

#[test]
fn scripts_find_each_other_both_ways() {
    // Traditional postings from Simplified and English queries.
    for q in ["资讯安全工程师", "信息安全", "information security engineer"] {
        let response = search(Kind::Jobs, text(q));
        let top = ids(&response);
        assert!(top[..5].contains(&"job-0001") && top[..5].contains(&"job-0041"), "{q}: {top:?}");
    }
    // job-0057 is written in Simplified characters with Mainland words (信息安全).
    let response = search(Kind::Jobs, text("資訊安全工程師"));
    assert!(ids(&response)[..5].contains(&"job-0057"), "{:?}", ids(&response));
}

#[test]
fn a_job_that_requires_a_certification_ranks_holders_above_non_holders() {
    // Two résumés alike in everything but the certification job-0001 requires.
    let twin = |id: &str, certifications: &str| {
        format!(
            r#"{{"id":"{id}","headline":"資安工程師","summary":"SIEM 與 SOC 監控，Python 自動化。","skills":[{{"id":"information-security"}},{{"id":"soc-monitoring"}},{{"id":"siem"}},{{"id":"python"}}],"certifications":[{certifications}],"occupations":["2529"],"location":{{"city":"臺北市"}},"visibility":"public"}}"#
        )
    };
    let holder = twin("twin-holder", r#"{"id":"ipas-infosec","level":"intermediate"}"#);
    let lower = twin("twin-lower", r#"{"id":"ipas-infosec","level":"beginner"}"#);
    let plain = twin("twin-plain", "");
    let fixture = build(&[&holder, &lower, &plain]);
    let options = MatchOptions { explain: true, size: Some(100), ..MatchOptions::default() };
    let response =
        fixture.engine.match_stored(Kind::Jobs, "job-0001", &options, &Viewer::admin()).unwrap();
    let rank = |id: &str| response.hits.iter().position(|hit| hit.id == id).unwrap();
    assert!(rank("twin-holder") < rank("twin-lower"), "{:?}", ids(&response));
    assert!(rank("twin-lower") < rank("twin-plain"), "{:?}", ids(&response));
    let hit = |id: &str| &response.hits[rank(id)];
    assert!(hit("twin-plain").score <= meihe_query::score::MISSING_CERTIFICATION_CAP);
    assert!(hit("twin-holder").score > meihe_query::score::MISSING_CERTIFICATION_CAP);

    // What is missing is listed, with names in both languages and levels.
    let explanation = hit("twin-plain").explanation.as_ref().unwrap();
    assert_eq!(explanation["capped"], true);
    let missing = &explanation["certifications"]["missing"][0];
    assert_eq!(missing["id"], "ipas-infosec");
    assert_eq!(missing["zh_hant"], "資訊安全工程師");
    assert_eq!(missing["min_level"], "intermediate");
    assert_eq!(missing["held_level"], Value::Null);
    let lower = &hit("twin-lower").explanation.as_ref().unwrap()["certifications"]["missing"][0];
    assert_eq!(lower["held_level"], "beginner");
    let held = &hit("twin-holder").explanation.as_ref().unwrap()["certifications"]["matched"][0];
    assert_eq!(held["held_level"], "intermediate");
    let skills = &explanation["skills"];
    let names = |which: &str| -> Vec<String> {
        skills[which].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().into()).collect()
    };
    assert!(names("matched").contains(&"soc-monitoring".to_owned()));
    assert!(names("missing").contains(&"linux".to_owned()), "{skills}");
    assert!(
        explanation["components"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["name"] == "skills" && c["weight"] == 0.35 && c["applicable"] == true)
    );
}

#[test]
fn hidden_resumes_never_appear_in_search_or_match() {
    let hidden: Vec<String> = lines("resumes.jsonl")
        .iter()
        .filter(|resume| resume["visibility"] == "hidden")
        .map(|resume| resume["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(hidden.len(), 32);
    let viewers = [Viewer::admin(), Viewer::with_role(Role::Employer)];
    for viewer in &viewers {
        for q in ["", "工程師", "engineer", "資安", "焊接"] {
            for from in [0, 100, 200] {
                let request =
                    SearchRequest { q: q.into(), from, size: Some(100), ..Default::default() };
                let response = engine().search(Kind::Resumes, &request, viewer).unwrap();
                assert!(response.hits.iter().all(|hit| !hidden.contains(&hit.id)));
            }
        }
        for job in lines("jobs.jsonl") {
            let options = MatchOptions { size: Some(100), ..MatchOptions::default() };
            let id = job["id"].as_str().unwrap();
            let response = engine().match_stored(Kind::Jobs, id, &options, viewer).unwrap();
            assert!(response.hits.iter().all(|hit| !hidden.contains(&hit.id)), "{id}");
        }
    }
    // An employer cannot fetch or match from a hidden résumé; its owner can fetch it.
    let employer = Viewer::with_role(Role::Employer);
    assert!(matches!(
        engine().get(Kind::Resumes, &hidden[0], &employer),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        engine().match_stored(Kind::Resumes, &hidden[0], &MatchOptions::default(), &employer),
        Err(Error::NotFound { .. })
    ));
    let owner = Viewer { role: Role::Candidate, resume: Some(hidden[0].clone()) };
    assert_eq!(engine().get(Kind::Resumes, &hidden[0], &owner).unwrap()["id"], hidden[0].as_str());
}

#[test]
fn anonymous_resumes_are_redacted_for_employers() {
    let request = SearchRequest { size: Some(100), ..SearchRequest::default() };
    let employer =
        engine().search(Kind::Resumes, &request, &Viewer::with_role(Role::Employer)).unwrap();
    let admin = engine().search(Kind::Resumes, &request, &Viewer::admin()).unwrap();
    let mut anonymous = 0;
    for (seen, full) in employer.hits.iter().zip(&admin.hits) {
        assert_eq!(seen.id, full.id);
        match full.doc["visibility"].as_str().unwrap() {
            "anonymous" => {
                anonymous += 1;
                assert!(seen.doc.get("name").is_none() && seen.doc.get("contact").is_none());
                let numbers = seen.doc["certifications"].as_array().into_iter().flatten();
                assert!(numbers.into_iter().all(|cert| cert.get("number").is_none()));
            }
            _ => assert_eq!(seen.doc, full.doc),
        }
    }
    assert!(anonymous > 0);
}

#[test]
fn the_pair_score_is_symmetric_for_every_pair() {
    let viewer = Viewer::admin();
    let mut from_jobs: HashMap<(String, String), f64> = HashMap::new();
    let mut from_resumes: HashMap<(String, String), f64> = HashMap::new();
    let all = |kind: Kind, id: &str| {
        let mut hits = Vec::new();
        for from in (0..400).step_by(100) {
            let options = MatchOptions {
                from,
                size: Some(100),
                rerank: Some(1000),
                ..MatchOptions::default()
            };
            hits.extend(engine().match_stored(kind, id, &options, &viewer).unwrap().hits);
        }
        hits
    };
    let jobs = lines("jobs.jsonl");
    let resumes: Vec<Value> =
        lines("resumes.jsonl").into_iter().filter(|r| r["visibility"] != "hidden").collect();
    for job in &jobs {
        let job = job["id"].as_str().unwrap();
        for hit in all(Kind::Jobs, job) {
            from_jobs.insert((job.to_owned(), hit.id), hit.score);
        }
    }
    for resume in &resumes {
        let resume = resume["id"].as_str().unwrap();
        for hit in all(Kind::Resumes, resume) {
            from_resumes.insert((hit.id, resume.to_owned()), hit.score);
        }
    }
    let mut both = 0;
    for (pair, score) in &from_jobs {
        if let Some(other) = from_resumes.get(pair) {
            assert_eq!(score, other, "{pair:?}");
            both += 1;
        }
    }
    assert!(both > 5_000, "only {both} pairs retrieved from both sides");
    // Every pair, retrieved or not, scores the same as the engine's direct pair score.
    for job in &jobs {
        for resume in &resumes {
            let pair =
                (job["id"].as_str().unwrap().to_owned(), resume["id"].as_str().unwrap().to_owned());
            let (direct, _) = engine().pair(&pair.0, &pair.1).unwrap();
            for seen in [from_jobs.get(&pair), from_resumes.get(&pair)].into_iter().flatten() {
                assert_eq!(*seen, direct.score, "{pair:?}");
            }
        }
    }
}

#[test]
fn an_unsaved_posting_scores_like_the_stored_one() {
    let line = std::fs::read_to_string(fixtures().join("jobs.jsonl")).unwrap();
    let job = parse_job(line.lines().next().unwrap()).unwrap();
    let options = MatchOptions { size: Some(20), ..MatchOptions::default() };
    let stored = engine().match_stored(Kind::Jobs, &job.id, &options, &Viewer::admin()).unwrap();
    let unsaved =
        engine().match_subject(&Subject::Job(Box::new(job)), &options, &Viewer::admin()).unwrap();
    let pairs = |r: &meihe_query::SearchResponse| -> Vec<(String, f64)> {
        r.hits.iter().map(|hit| (hit.id.clone(), hit.score)).collect()
    };
    assert_eq!(pairs(&stored), pairs(&unsaved));
    assert!(stored.hits[0].score > 0.6, "{:?}", pairs(&stored));
}

#[test]
fn highlights_mark_the_original_characters() {
    let strip = |html: &str| {
        html.replace("<em>", "").replace("</em>", "").replace("&amp;", "&").replace("&#39;", "'")
    };
    for q in ["资讯安全", "資訊安全"] {
        let request = SearchRequest { highlight: true, ..text(q) };
        let response = search(Kind::Jobs, request);
        let hit = response.hits.iter().find(|hit| hit.id == "job-0001").unwrap();
        let description = &hit.highlights.as_ref().unwrap()["description"][0];
        assert!(description.contains("據點的<em>資訊安全</em>監控"), "{q}: {description}");
        let original = hit.doc["description"].as_str().unwrap();
        assert!(original.contains(&strip(description)), "{description}");
    }
    let request = SearchRequest { highlight: true, ..text("security engineer") };
    let response = search(Kind::Jobs, request);
    let hit = response.hits.iter().find(|hit| hit.id == "job-0001").unwrap();
    assert_eq!(
        hit.highlights.as_ref().unwrap()["title"][0],
        "資安工程師 <em>Security</em> <em>Engineer</em>"
    );
}

#[test]
fn facets_count_every_matching_document() {
    let request = SearchRequest {
        facets: vec!["certifications".into(), "certification_levels".into(), "occupations".into()],
        size: Some(1),
        ..SearchRequest::default()
    };
    let response = search(Kind::Resumes, request);
    let infosec =
        response.facets["certifications"].iter().find(|f| f.value == "ipas-infosec").unwrap();
    assert_eq!(infosec.zh_hant.as_deref(), Some("資訊安全工程師"));
    let filtered = |id: &str, level: Option<meihe_core::Level>| {
        let filters = Filters {
            certifications: vec![meihe_query::CertificationFilter {
                id: id.into(),
                min_level: level,
            }],
            ..Filters::default()
        };
        search(Kind::Resumes, SearchRequest { filters, ..SearchRequest::default() }).total
    };
    assert_eq!(infosec.count, filtered("ipas-infosec", None));
    let intermediate = response.facets["certification_levels"]
        .iter()
        .find(|f| f.value == "ipas-infosec@intermediate")
        .unwrap();
    assert_eq!(intermediate.count, filtered("ipas-infosec", Some(meihe_core::Level::Intermediate)));
    assert!(response.facets["occupations"].iter().all(|f| f.value.len() <= 2));
    let unknown = SearchRequest { facets: vec!["colour".into()], ..SearchRequest::default() };
    let error = engine().search(Kind::Jobs, &unknown, &Viewer::admin()).unwrap_err();
    assert!(matches!(error, Error::Invalid { ref field, .. } if field == "facets[0]"), "{error}");
}

#[test]
fn the_mid_level_filter_keeps_exactly_the_eligible_candidates() {
    let offer = OfferTerms { monthly_salary: 36_000, annual_pay: None, first_hire: false };
    let request = SearchRequest {
        eligible_for: Some(EligibleFor { mid_level_technical: Some(offer) }),
        explain: true,
        size: Some(100),
        ..SearchRequest::default()
    };
    let response = search(Kind::Resumes, request);
    let expected: Vec<String> = lines("resumes.jsonl")
        .into_iter()
        .filter(|resume| resume["visibility"] != "hidden")
        .filter_map(|resume| {
            let resume: Resume = parse_resume(&resume.to_string()).unwrap();
            let offer = Offer { monthly_salary: 36_000, annual_pay: None, first_hire: false };
            mid_level_technical(&resume, offer).eligible.then_some(resume.id)
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(response.total as usize, expected.len());
    let mut found: Vec<String> = response.hits.iter().map(|hit| hit.id.clone()).collect();
    found.sort();
    let mut expected = expected;
    expected.sort();
    assert_eq!(found, expected);
    for hit in &response.hits {
        let eligibility = &hit.explanation.as_ref().unwrap()["eligibility"];
        assert_eq!(eligibility["eligible"], true);
        assert!(eligibility["rules"].as_array().unwrap().iter().any(|rule| rule["passed"] == true));
    }
    let jobs = SearchRequest {
        eligible_for: Some(EligibleFor { mid_level_technical: Some(offer) }),
        ..SearchRequest::default()
    };
    assert!(matches!(
        engine().search(Kind::Jobs, &jobs, &Viewer::admin()),
        Err(Error::Invalid { ref field, .. }) if field == "eligible_for"
    ));
}

#[test]
fn paging_limits_are_enforced() {
    for (from, size, field) in [(0, 101, "size"), (9_950, 100, "from")] {
        let request = SearchRequest { from, size: Some(size), ..SearchRequest::default() };
        let error = engine().search(Kind::Jobs, &request, &Viewer::admin()).unwrap_err();
        assert!(matches!(error, Error::Invalid { field: ref f, .. } if f == field), "{error}");
    }
    let empty = SearchRequest { q: "🙂🙂 \u{200b}".into(), ..SearchRequest::default() };
    let response = engine().search(Kind::Jobs, &empty, &Viewer::admin()).unwrap();
    assert_eq!(response.total, 0);
}
