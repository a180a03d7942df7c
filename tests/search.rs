use std::path::Path;

use crate::common::{fixture_index, meihe};

fn index() -> &'static Path {
    fixture_index()
}

fn run(args: &[&str]) -> (bool, String, String) {
    let mut all = vec![args[0], "--index", index().to_str().unwrap()];
    all.extend(&args[1..]);
    let output = meihe(&all);
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn search_prints_a_table_and_the_json_of_the_route() {
    let (ok, table, _) = run(&["search", "--jobs", "资讯安全工程师"]);
    assert!(ok);
    assert!(table.lines().next().unwrap().contains("jobs matched"), "{table}");
    assert!(table.contains("job-0001"), "{table}");
    let (ok, json, _) =
        run(&["search", "--jobs", "--json", "--highlight", "--facet", "city", "资讯安全"]);
    assert!(ok);
    let response: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(response["total"].as_u64().unwrap() > 0);
    assert!(response["took_ms"].is_u64());
    let hit = &response["hits"][0];
    for key in ["id", "score", "doc", "highlights"] {
        assert!(hit.get(key).is_some(), "{key} missing from {hit}");
    }
    assert!(response["facets"]["city"].is_array());
}

#[test]
fn match_explains_what_is_missing() {
    let (ok, table, stderr) = run(&["match", "--job", "job-0001", "--explain", "--size", "3"]);
    assert!(ok, "{stderr}");
    assert!(table.contains("components: skills"), "{table}");
    let (ok, json, _) = run(&["match", "--job", "job-0001", "--explain", "--json", "--size", "50"]);
    assert!(ok);
    let response: serde_json::Value = serde_json::from_str(&json).unwrap();
    let hits = response["hits"].as_array().unwrap();
    let scores: Vec<f64> = hits.iter().map(|hit| hit["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|pair| pair[0] >= pair[1]), "{scores:?}");
    let capped = hits.iter().find(|hit| hit["explanation"]["capped"] == true).unwrap();
    assert!(capped["score"].as_f64().unwrap() <= 0.5);
    assert_eq!(capped["explanation"]["certifications"]["missing"][0]["id"], "ipas-infosec");
}

#[test]
fn match_reads_an_unsaved_posting_from_a_file() {
    let directory = tempfile::tempdir().unwrap();
    let posting = directory.path().join("posting.json");
    std::fs::write(
        &posting,
        r#"{"id":"draft","title":"焊接技術員","employer":{"name":"某工廠"},"skills":[{"name":"焊接"}]}"#,
    )
    .unwrap();
    let (ok, json, stderr) = run(&["match", "--job-file", posting.to_str().unwrap(), "--json"]);
    assert!(ok, "{stderr}");
    let response: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(response["total"].as_u64().unwrap() > 0);
    std::fs::write(
        &posting,
        r#"{"id":"draft","title":"x","employer":{"name":"y"},"salary":{"min":"a lot"}}"#,
    )
    .unwrap();
    let (ok, _, stderr) = run(&["match", "--job-file", posting.to_str().unwrap()]);
    assert!(!ok);
    assert!(stderr.contains("salary.min"), "{stderr}");
}

#[test]
fn bad_arguments_get_clear_errors() {
    for (args, expected) in [
        (vec!["search", "--jobs", "--filter", "colour=red", "x"], "unknown filter"),
        (vec!["search", "--jobs", "--filter", "salary_min=lots", "x"], "not a whole number"),
        (vec!["search", "--resumes", "--filter", "certification=ipas-infosec@L9"], "unknown level"),
        (vec!["search", "--jobs", "--size", "500", "x"], "size"),
        (vec!["search", "--jobs", "--facet", "colour", "x"], "unknown facet"),
        (vec!["match", "--job", "job-missing"], "no job with id `job-missing`"),
        (vec!["search", "--jobs", "--filter", "eligible_mid_level=36000"], "résumés"),
    ] {
        let (ok, _, stderr) = run(&args);
        assert!(!ok, "{args:?} succeeded");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    let output = meihe(&["search", "--index", "/nonexistent/meihe", "--jobs", "x"]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("no index at"));
}
