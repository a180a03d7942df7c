use std::path::Path;
use std::process::{Command, Output};

fn meihe(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meihe"))
        .args(args)
        .env_remove("MEIHE_KEYS")
        .output()
        .expect("meihe runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Adds a key and returns it (the only line of stdout) and the id stderr announces.
fn add(keys: &Path, extra: &[&str]) -> (String, String) {
    let mut args = vec!["keys", "add", "--keys", keys.to_str().unwrap()];
    args.extend_from_slice(extra);
    let output = meihe(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out:?}");
    let key = lines[0].to_owned();
    let note = stderr(&output);
    assert!(note.contains("shown only once"), "{note}");
    let id = note.split_whitespace().nth(1).unwrap().to_owned();
    (key, id)
}

fn list_json(keys: &Path) -> Vec<serde_json::Value> {
    let output = meihe(&["keys", "list", "--json", "--keys", keys.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn add_list_and_revoke() {
    let directory = tempfile::tempdir().unwrap();
    let keys = directory.path().join("keys.jsonl");
    let (key, id) = add(&keys, &["--role", "employer"]);
    assert!(key.starts_with("mh_") && key.len() == 3 + 64, "{key}");
    assert!(key[3..].bytes().all(|byte| byte.is_ascii_hexdigit()), "{key}");
    assert!(id.starts_with("key-") && id.len() == 12, "{id}");

    let (candidate_key, candidate_id) = add(&keys, &["--role", "candidate", "--resume", "cv-0042"]);
    assert_ne!(candidate_key, key);

    // The file holds neither key.
    let contents = std::fs::read_to_string(&keys).unwrap();
    assert!(!contents.contains(&key[3..]) && !contents.contains(&candidate_key[3..]));
    let hashes: Vec<String> = contents
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            value["sha256"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(hashes.len(), 2);

    // The table shows both ids and neither the keys nor their hashes.
    let output = meihe(&["keys", "list", "--keys", keys.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let table = stdout(&output);
    assert!(table.lines().next().unwrap().starts_with("id"), "{table}");
    assert!(table.contains(&id) && table.contains(&candidate_id), "{table}");
    assert!(table.contains("employer") && table.contains("cv-0042"), "{table}");
    for secret in [&key[3..], &candidate_key[3..], &hashes[0], &hashes[1]] {
        assert!(!table.contains(secret), "{table}");
    }

    let output = meihe(&["keys", "revoke", "--keys", keys.to_str().unwrap(), &id]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output).trim(), format!("revoked {id}"));
    let listed = list_json(&keys);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"], candidate_id.as_str());
    assert!(!std::fs::read_to_string(&keys).unwrap().contains(&hashes[0]));
}

#[test]
fn list_json_parses_and_holds_no_secrets() {
    let directory = tempfile::tempdir().unwrap();
    let keys = directory.path().join("keys.jsonl");
    let (admin_key, admin_id) = add(&keys, &["--role", "admin"]);
    let (_, organizer_id) = add(&keys, &["--role", "organiser"]);
    let output = meihe(&["keys", "list", "--json", "--keys", keys.to_str().unwrap()]);
    assert!(!stdout(&output).contains(&admin_key[3..]));
    assert!(!stdout(&output).contains("sha256"));
    let listed = list_json(&keys);
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0]["id"], admin_id.as_str());
    assert_eq!(listed[0]["role"], "admin");
    assert_eq!(listed[0]["resume"], serde_json::Value::Null);
    assert_eq!(listed[1]["id"], organizer_id.as_str());
    assert_eq!(listed[1]["role"], "organizer");
    let created = listed[0]["created"].as_str().unwrap();
    assert!(created.len() == 20 && created.ends_with('Z'), "{created}");
    let mut fields: Vec<&str> = listed[0].as_object().unwrap().keys().map(String::as_str).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["created", "id", "resume", "role"]);
}

#[test]
fn keys_file_from_the_environment() {
    let directory = tempfile::tempdir().unwrap();
    let keys = directory.path().join("keys.jsonl");
    let output = Command::new(env!("CARGO_BIN_EXE_meihe"))
        .args(["keys", "add", "--role", "admin"])
        .env("MEIHE_KEYS", &keys)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(list_json(&keys).len(), 1);
}

#[test]
fn candidate_without_resume_fails() {
    let directory = tempfile::tempdir().unwrap();
    let keys = directory.path().join("keys.jsonl");
    let output = meihe(&["keys", "add", "--keys", keys.to_str().unwrap(), "--role", "candidate"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("a candidate key needs --resume ID"), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    assert!(!keys.exists());

    let output = meihe(&[
        "keys",
        "add",
        "--keys",
        keys.to_str().unwrap(),
        "--role",
        "employer",
        "--resume",
        "cv-1",
    ]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("only candidate keys are bound to a résumé"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn unknown_role_fails_naming_it() {
    let directory = tempfile::tempdir().unwrap();
    let keys = directory.path().join("keys.jsonl");
    let output = meihe(&["keys", "add", "--keys", keys.to_str().unwrap(), "--role", "overlord"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("overlord"), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    assert!(!keys.exists());
}

#[test]
fn revoking_an_unknown_id_fails() {
    let directory = tempfile::tempdir().unwrap();
    let keys = directory.path().join("keys.jsonl");
    add(&keys, &["--role", "employer"]);
    let before = std::fs::read(&keys).unwrap();
    let output = meihe(&["keys", "revoke", "--keys", keys.to_str().unwrap(), "key-00000000"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains(&format!("no key key-00000000 in {}", keys.display())), "{message}");
    assert_eq!(std::fs::read(&keys).unwrap(), before);
}

#[test]
fn listing_a_missing_file_fails_naming_it() {
    let directory = tempfile::tempdir().unwrap();
    let keys = directory.path().join("absent.jsonl");
    let output = meihe(&["keys", "list", "--keys", keys.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains(&keys.display().to_string()), "{}", stderr(&output));
}

#[test]
fn a_bad_keys_file_is_reported_with_its_line() {
    let directory = tempfile::tempdir().unwrap();
    let keys = directory.path().join("keys.jsonl");
    add(&keys, &["--role", "employer"]);
    let mut contents = std::fs::read_to_string(&keys).unwrap();
    contents.push_str("{\"id\":\"key-1\",\"role\":\"boss\"}\n");
    std::fs::write(&keys, contents).unwrap();
    let output = meihe(&["keys", "list", "--keys", keys.to_str().unwrap()]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(message.contains("line 2"), "{message}");
    assert!(message.contains(&keys.display().to_string()), "{message}");
}

#[test]
fn help_shows_examples() {
    let output = meihe(&["keys", "--help"]);
    assert!(output.status.success());
    let help = stdout(&output);
    assert!(help.contains("Examples:") && help.contains("meihe keys add"), "{help}");
}
