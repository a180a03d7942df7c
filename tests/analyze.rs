use std::io::Write;
use std::process::{Command, Output, Stdio};

fn meihe(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_meihe"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("meihe starts");
    if let Some(input) = stdin {
        child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("stdin written");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("meihe finishes")
}

#[test]
fn json_output_has_exactly_the_documented_shape() {
    let output =
        meihe(&["analyze", "--json", "熟悉Python與Linux，具iPAS資訊安全工程師中級證照"], None);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    assert_eq!(
        json["tokens"][1],
        serde_json::json!({"text": "python", "start": 6, "end": 12, "position": 2})
    );
    assert_eq!(json["skills"], serde_json::json!(["python", "linux"]));
    assert_eq!(
        json["certifications"],
        serde_json::json!([{"id": "ipas-infosec", "level": "intermediate"}])
    );
    assert_eq!(json["occupations"], serde_json::json!([]));
    assert_eq!(json["industries"], serde_json::json!([]));
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 5);
}

#[test]
fn human_output_lists_tokens_and_names() {
    let output = meihe(&["analyze", "資安工程師，熟悉C++"], None);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(output.status.success());
    assert!(stdout.starts_with("token"), "{stdout}");
    assert!(stdout.contains("c++"), "{stdout}");
    assert!(stdout.contains("2529 (其他資料庫及網路專業人員 / "), "{stdout}");
    assert!(stdout.contains("skills:         cpp (C++)"), "{stdout}");
}

#[test]
fn reads_standard_input() {
    let output = meihe(&["analyze", "--json", "-"], Some("軟體工程師"));
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let terms: Vec<&str> =
        json["tokens"].as_array().unwrap().iter().map(|t| t["text"].as_str().unwrap()).collect();
    assert!(terms.contains(&"软件") && terms.contains(&"工程师"), "{terms:?}");
}

#[test]
fn empty_text_gives_empty_results() {
    let output = meihe(&["analyze", "--json", ""], None);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["tokens"], serde_json::json!([]));
}

#[test]
fn no_text_and_no_input_is_a_clear_error() {
    let output = meihe(&["analyze"], Some(""));
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("no text to analyse"), "{stderr}");
}

#[test]
fn a_taxonomy_directory_extends_the_built_in_one() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(
        directory.path().join("skills.tsv"),
        "id\tfield\tzh_hant\tzh_hans\ten\taliases\nquantum-computing\tsoftware\t量子計算\t量子计算\tQuantum Computing\t\n",
    )
    .unwrap();
    let taxonomy = directory.path().to_str().unwrap();
    let output = meihe(&["analyze", "--json", "--taxonomy", taxonomy, "熟悉量子计算"], None);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["skills"], serde_json::json!(["quantum-computing"]));
}

#[test]
fn a_bad_taxonomy_file_names_file_line_and_column() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(
        directory.path().join("skills.tsv"),
        "id\tfield\tzh_hant\tzh_hans\ten\taliases\nBad Id\tsoftware\t\t\tX\t\n",
    )
    .unwrap();
    let output = meihe(&["analyze", "--taxonomy", directory.path().to_str().unwrap(), "x"], None);
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("skills.tsv:2: column `id`: `Bad Id` is not a lowercase kebab-case id"),
        "{stderr}"
    );
}

#[test]
fn a_missing_taxonomy_directory_is_a_clear_error() {
    let output = meihe(&["analyze", "--taxonomy", "/nonexistent/meihe-taxonomy", "x"], None);
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("cannot read taxonomy at /nonexistent/meihe-taxonomy"), "{stderr}");
}
