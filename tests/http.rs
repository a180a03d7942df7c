use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock, mpsc};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_meihe");

/// How long a server may take to index the fixtures and print its URL.
const STARTUP: Duration = Duration::from_secs(240);

/// The fair of the fixtures.
const FAIR: &str = "fair-2023-us-west";

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// ----- the server --------------------------------------------------------------------

/// A running `meihe serve`. Dropping it kills the process; a watchdog shell kills it too
/// when the test process ends without dropping it (the shared servers live in statics).
struct Server {
    child: Child,
    watchdog: Child,
    base: String,
    index: Option<TempDir>,
    index_path: PathBuf,
    log: PathBuf,
    _logs: TempDir,
}

impl Server {
    /// Starts `meihe serve --index INDEX --addr 127.0.0.1:0 ARGS…` and waits for its URL.
    fn start(index: TempDir, args: &[&str]) -> Server {
        let logs = tempfile::tempdir().unwrap();
        let log = logs.path().join("server.log");
        let mut command = Command::new(BIN);
        command
            .arg("serve")
            .arg("--index")
            .arg(index.path())
            .args(["--addr", "127.0.0.1:0"])
            .args(args);
        if !args.contains(&"--rate") {
            // The per-caller limit would otherwise throttle the tests' quick requests.
            command.args(["--rate", "1000000"]);
        }
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("MEIHE_") {
                command.env_remove(name);
            }
        }
        command
            .env("MEIHE_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(File::create(&log).unwrap());
        let mut child = command.spawn().expect("meihe serve starts");
        let watchdog = Command::new("sh")
            .arg("-c")
            .arg(format!("cat >/dev/null; kill -9 {} 2>/dev/null", child.id()))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("sh runs");
        let stdout = child.stdout.take().unwrap();
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            let _ = sender.send(lines.next().and_then(Result::ok));
            lines.for_each(drop);
        });
        let mut server = Server {
            child,
            watchdog,
            base: String::new(),
            index_path: index.path().to_owned(),
            index: Some(index),
            log,
            _logs: logs,
        };
        let Some(line) = receiver.recv_timeout(STARTUP).ok().flatten() else {
            panic!("meihe serve printed no URL; its log:\n{}", server.log_text());
        };
        let Some(base) = line
            .strip_prefix("meihe serving ")
            .and_then(|rest| rest.split(' ').next())
            .filter(|base| base.starts_with("http://127.0.0.1:"))
        else {
            panic!("unexpected first line {line:?}; log:\n{}", server.log_text());
        };
        server.base = base.to_owned();
        server
    }

    /// A server on a fresh index.
    fn fresh(args: &[&str]) -> Server {
        Server::start(tempfile::tempdir().unwrap(), args)
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// `kill -9`, then hands back the index directory.
    fn crash(mut self) -> TempDir {
        self.child.kill().expect("SIGKILL");
        let _ = self.child.wait();
        self.index.take().unwrap()
    }

    fn call(&self, method: &'static str, path: &str) -> Call<'_> {
        Call { server: self, method, path: path.to_owned(), headers: Vec::new(), body: None }
    }

    fn get(&self, path: &str) -> Call<'_> {
        self.call("GET", path)
    }

    fn delete(&self, path: &str) -> Call<'_> {
        self.call("DELETE", path)
    }

    fn post(&self, path: &str, body: &Value) -> Call<'_> {
        self.call("POST", path).json(body)
    }

    fn put(&self, path: &str, body: &Value) -> Call<'_> {
        self.call("PUT", path).json(body)
    }

    fn ndjson(&self, path: &str, lines: &str) -> Call<'_> {
        self.call("POST", path).body("application/x-ndjson", lines.as_bytes().to_vec())
    }

    /// Error bodies never leak the index's path, panics or backtraces.
    #[track_caller]
    fn assert_clean(&self, reply: &Reply) {
        let text = reply.text();
        let lower = text.to_lowercase();
        let index = self.index_path.to_string_lossy();
        assert!(!text.contains(&*index), "the body shows the index path: {text}");
        for word in ["panicked", "backtrace", "rust_backtrace"] {
            assert!(!lower.contains(word), "the body says {word}: {text}");
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.watchdog.kill();
        let _ = self.watchdog.wait();
        drop(self.watchdog.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request being put together.
struct Call<'a> {
    server: &'a Server,
    method: &'static str,
    path: String,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
}

impl Call<'_> {
    fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    fn key(self, key: &str) -> Self {
        self.header("Authorization", &format!("Bearer {key}"))
    }

    fn body(mut self, content_type: &str, body: Vec<u8>) -> Self {
        self.body = Some(body);
        self.header("Content-Type", content_type)
    }

    fn json(self, value: &Value) -> Self {
        self.body("application/json", value.to_string().into_bytes())
    }

    fn send(self) -> Reply {
        let mut request = ureq::http::Request::builder()
            .method(self.method)
            .uri(format!("{}{}", self.server.base, self.path));
        for (name, value) in &self.headers {
            request = request.header(name, value);
        }
        let result = match self.body {
            Some(body) => agent().run(request.body(body).unwrap()),
            None => agent().run(request.body(()).unwrap()),
        };
        let mut response = result.unwrap_or_else(|error| {
            panic!("{} {}: {error}; log:\n{}", self.method, self.path, self.server.log_text())
        });
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.body_mut().with_config().limit(1 << 30).read_to_vec().unwrap();
        Reply { status, headers, body }
    }

    /// Sends and expects 200 with a JSON body.
    #[track_caller]
    fn ok(self) -> Value {
        let what = format!("{} {}", self.method, self.path);
        let reply = self.send();
        assert_eq!(reply.status, 200, "{what}: {}", reply.text());
        reply.json()
    }

    /// Sends and expects an error of this status and code, in SPEC §6's shape; returns
    /// the `error` object.
    #[track_caller]
    fn fails(self, status: u16, code: &str) -> Value {
        let server = self.server;
        let what = format!("{} {}", self.method, self.path);
        let reply = self.send();
        assert_eq!(reply.status, status, "{what}: {}", reply.text());
        error_of(server, &reply, code)
    }
}

/// The `error` object of an error reply, checking its shape and code.
#[track_caller]
fn error_of(server: &Server, reply: &Reply, code: &str) -> Value {
    server.assert_clean(reply);
    assert!(
        reply.content_type().starts_with("application/json"),
        "{} {:?}: {}",
        reply.status,
        reply.content_type(),
        reply.text()
    );
    let body = reply.json();
    let error = &body["error"];
    assert_eq!(error["code"], code, "{body}");
    assert!(error["message"].as_str().is_some_and(|message| !message.is_empty()), "{body}");
    error.clone()
}

struct Reply {
    status: u16,
    headers: ureq::http::HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    #[track_caller]
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|error| panic!("not JSON ({error}): {}", self.text()))
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    fn content_type(&self) -> &str {
        self.header("content-type").unwrap_or_default()
    }
}

fn agent() -> &'static ureq::Agent {
    static AGENT: OnceLock<ureq::Agent> = OnceLock::new();
    AGENT.get_or_init(|| {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(180)))
            .build()
            .into()
    })
}

/// `path?k=v&…`, percent-encoded.
fn query(path: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = path.to_owned();
    for (index, (key, value)) in pairs.iter().enumerate() {
        out.push(if index == 0 { '?' } else { '&' });
        out.push_str(&encode(key));
        out.push('=');
        out.push_str(&encode(value));
    }
    out
}

fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

// ----- keys and fixtures -------------------------------------------------------------

fn meihe(args: &[&str]) -> Output {
    Command::new(BIN).args(args).env_remove("MEIHE_KEYS").output().expect("meihe runs")
}

/// `meihe keys add`: the key (stdout) and its id (stderr: "added key-… (role …").
fn add_key(file: &Path, role: &str, resume: Option<&str>) -> (String, String) {
    let mut args = vec!["keys", "add", "--keys", file.to_str().unwrap(), "--role", role];
    if let Some(resume) = resume {
        args.extend(["--resume", resume]);
    }
    let output = meihe(&args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    let key = String::from_utf8(output.stdout).unwrap().trim().to_owned();
    assert!(key.starts_with("mh_"), "{key}");
    let id = stderr.split_whitespace().nth(1).unwrap_or_default().to_owned();
    assert!(id.starts_with("key-"), "{stderr}");
    (key, id)
}

fn fixture_resumes() -> &'static [Value] {
    static RESUMES: OnceLock<Vec<Value>> = OnceLock::new();
    RESUMES.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/resumes.jsonl");
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    })
}

fn fixture_resume(id: &str) -> &'static Value {
    fixture_resumes().iter().find(|resume| resume["id"] == id).unwrap()
}

fn visibility(resume: &Value) -> &str {
    resume["visibility"].as_str().unwrap_or("anonymous")
}

fn cert_numbers(resume: &Value) -> Vec<&str> {
    resume["certifications"]
        .as_array()
        .map(|certifications| {
            certifications.iter().filter_map(|c| c["number"].as_str()).collect::<Vec<_>>()
        })
        .unwrap_or_default()
}

/// The first fixture résumé of this visibility with a name, contact and a certificate
/// number: all three kinds of personal data.
fn pick(wanted: &str) -> &'static Value {
    fixture_resumes()
        .iter()
        .find(|resume| {
            visibility(resume) == wanted
                && resume["name"].is_string()
                && resume["contact"].is_object()
                && !cert_numbers(resume).is_empty()
        })
        .unwrap_or_else(|| panic!("no {wanted} résumé with personal data in the fixtures"))
}

fn id_of(value: &Value) -> &str {
    value["id"].as_str().unwrap()
}

/// The résumé as stored, personal data and all.
#[track_caller]
fn assert_full(doc: &Value, original: &Value) {
    assert_eq!(doc["id"], original["id"]);
    assert_eq!(doc["name"], original["name"], "{doc}");
    assert_eq!(doc["contact"], original["contact"], "{doc}");
    assert_eq!(cert_numbers(doc), cert_numbers(original), "{doc}");
}

/// The résumé without name, contact or certificate numbers, but otherwise whole.
#[track_caller]
fn assert_redacted(doc: &Value, original: &Value) {
    assert_eq!(doc["id"], original["id"]);
    assert!(doc.get("name").is_none_or(Value::is_null), "name shown: {doc}");
    assert!(doc.get("contact").is_none_or(Value::is_null), "contact shown: {doc}");
    assert!(cert_numbers(doc).is_empty(), "certificate number shown: {doc}");
    assert_eq!(doc["headline"], original["headline"], "{doc}");
    let ids = |resume: &Value| {
        resume["certifications"]
            .as_array()
            .map(|list| list.iter().map(|c| c["id"].clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    assert_eq!(ids(doc), ids(original), "certifications lost: {doc}");
}

/// What `role` may see of a fixture résumé returned by a search or match.
#[track_caller]
fn assert_seen_as(role: &str, doc: &Value) {
    let original = fixture_resume(id_of(doc));
    assert_ne!(visibility(original), "hidden", "a hidden résumé was returned to {role}: {doc}");
    if role == "admin" || visibility(original) == "public" {
        assert_full(doc, original);
    } else {
        assert_redacted(doc, original);
    }
}

/// A résumé's personal data: name, contact details, certificate numbers.
fn personal_data(resume: &Value) -> Vec<&str> {
    let mut data: Vec<&str> = resume["name"].as_str().into_iter().collect();
    if let Some(contact) = resume["contact"].as_object() {
        data.extend(contact.values().filter_map(Value::as_str));
    }
    data.extend(cert_numbers(resume));
    data
}

/// The personal data of every fixture résumé that is not public (unless a public résumé
/// happens to contain the same text).
fn private_data() -> &'static [&'static str] {
    static DATA: OnceLock<Vec<&'static str>> = OnceLock::new();
    DATA.get_or_init(|| {
        let (public, private): (Vec<&Value>, Vec<&Value>) =
            fixture_resumes().iter().partition(|resume| visibility(resume) == "public");
        let shown: Vec<String> = public.into_iter().map(Value::to_string).collect();
        let private: BTreeSet<&str> = private
            .into_iter()
            .flat_map(personal_data)
            .filter(|item| !shown.iter().any(|text| text.contains(item)))
            .collect();
        private.into_iter().collect()
    })
}

/// Nothing in a response to an employer or organiser is the personal data of an anonymous
/// or hidden résumé: not in documents, highlights or explanations.
#[track_caller]
fn assert_no_private_data(role: &str, response: &Value) {
    let text = response.to_string();
    for item in private_data() {
        if text.contains(item) {
            let hit = hits(response).iter().find(|hit| hit.to_string().contains(item));
            panic!("{role} is shown {item:?} in {}", hit.unwrap_or(response));
        }
    }
}

/// A posting drafted from a résumé's own content: its best match, were it visible.
fn job_like(resume: &Value) -> Value {
    let skills: Vec<Value> = resume["skills"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|skill| skill.get("id").map(|id| json!({"id": id, "required": true})))
        .collect();
    let certifications: Vec<Value> = resume["certifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| json!({"id": c["id"], "min_level": c["level"], "required": true}))
        .collect();
    json!({"id": "draft-1", "title": resume["headline"], "employer": {"name": "測試公司"},
           "description": resume["summary"], "skills": skills, "certifications": certifications,
           "occupation": resume["occupations"][0],
           "location": {"city": resume["location"]["city"]}})
}

/// The server over the fixtures with no keys (every caller is admin), for reads only.
fn fixtures() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| Server::fresh(&[]))
}

struct Keys {
    admin: String,
    employer: String,
    organizer: String,
    /// Bound to the anonymous pick.
    candidate: String,
    /// Bound to the hidden pick.
    hidden_owner: String,
}

struct Keyed {
    server: Server,
    keys: Keys,
    _dir: TempDir,
}

/// The server over the fixtures with keys, for reads only.
fn keyed() -> &'static Keyed {
    static SERVER: OnceLock<Keyed> = OnceLock::new();
    SERVER.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("keys.jsonl");
        let keys = Keys {
            admin: add_key(&file, "admin", None).0,
            employer: add_key(&file, "employer", None).0,
            organizer: add_key(&file, "organizer", None).0,
            candidate: add_key(&file, "candidate", Some(id_of(pick("anonymous")))).0,
            hidden_owner: add_key(&file, "candidate", Some(id_of(pick("hidden")))).0,
        };
        let server = Server::fresh(&["--keys", file.to_str().unwrap()]);
        Keyed { server, keys, _dir: dir }
    })
}

fn hits(response: &Value) -> &Vec<Value> {
    response["hits"].as_array().unwrap_or_else(|| panic!("no hits: {response}"))
}

fn hit_ids(response: &Value) -> Vec<String> {
    hits(response).iter().map(|hit| id_of(hit).to_owned()).collect()
}

fn resume_line(id: &str, n: usize) -> String {
    json!({
        "id": id,
        "name": format!("測試者{n}"),
        "contact": {"email": format!("t{n}@example.com")},
        "headline": format!("資料工程師 Data Engineer {n}"),
        "summary": "熟悉Python與Linux，具iPAS資訊安全工程師中級證照",
        "skills": [{"id": "python"}],
        "visibility": "public",
    })
    .to_string()
}

// ----- 1. every route ----------------------------------------------------------------

#[test]
fn health_ready_metrics_and_openapi() {
    let server = fixtures();
    assert_eq!(server.get("/health").ok()["status"], "ok");
    let ready = server.get("/ready").ok();
    assert_eq!(ready["status"], "ok", "{ready}");
    assert_eq!(ready["documents"], json!({"jobs": 102, "resumes": 320}), "{ready}");

    let metrics = server.get("/metrics").send();
    assert_eq!(metrics.status, 200);
    assert!(metrics.content_type().starts_with("text/plain"), "{}", metrics.content_type());
    let text = metrics.text();
    assert!(text.contains("meihe_http_requests_total"), "{text}");
    assert!(text.contains("meihe_documents"), "{text}");
    assert!(
        text.lines().any(|line| line.starts_with("meihe_documents{")
            && line.contains("resumes")
            && line.ends_with(" 320")),
        "{text}"
    );

    let reply = server.get("/openapi.json").send();
    assert_eq!(reply.status, 200);
    assert!(reply.content_type().starts_with("application/json"), "{}", reply.content_type());
    let openapi = reply.json();
    assert!(
        openapi["openapi"].as_str().is_some_and(|v| v.starts_with("3.")),
        "{}",
        openapi["openapi"]
    );
    let paths = openapi["paths"].as_object().unwrap();
    for (path, methods) in [
        ("/health", &["get"][..]),
        ("/ready", &["get"]),
        ("/metrics", &["get"]),
        ("/openapi.json", &["get"]),
        ("/v1/jobs", &["get"]),
        ("/v1/jobs/search", &["post"]),
        ("/v1/jobs/_bulk", &["post"]),
        ("/v1/jobs/{id}", &["get", "put", "delete"]),
        ("/v1/jobs/{id}/matches", &["get"]),
        ("/v1/resumes", &["get"]),
        ("/v1/resumes/search", &["post"]),
        ("/v1/resumes/_bulk", &["post"]),
        ("/v1/resumes/{id}", &["get", "put", "delete"]),
        ("/v1/resumes/{id}/matches", &["get"]),
        ("/v1/match", &["post"]),
        ("/v1/taxonomy/{kind}", &["get"]),
        ("/v1/suggest", &["get"]),
        ("/v1/fairs", &["get"]),
        ("/v1/fairs/{id}/prematch", &["post"]),
    ] {
        let entry = paths.get(path).unwrap_or_else(|| panic!("openapi lacks {path}"));
        for method in methods {
            assert!(entry.get(*method).is_some(), "openapi lacks {method} {path}");
        }
    }
}

#[test]
fn put_get_delete_and_bulk_documents() {
    let server = Server::fresh(&["--no-fixtures"]);
    let search = |q: &str| server.post("/v1/jobs/search", &json!({"q": q})).ok();

    let job = json!({"id": "job-9001", "title": "區塊鏈工程師 Blockchain Engineer",
        "employer": {"name": "測試公司"}, "skills": [{"id": "python", "required": true}],
        "location": {"city": "臺北市"}});
    let written = server.put("/v1/jobs/job-9001", &job).ok();
    assert_eq!(written, json!({"id": "job-9001", "result": "indexed"}));
    assert_eq!(server.get("/v1/jobs/job-9001").ok()["title"], job["title"]);
    assert_eq!(hit_ids(&search("區塊鏈")), ["job-9001"]);

    let mut changed = job.clone();
    changed["title"] = json!("量子計算工程師 Quantum Engineer");
    server.put("/v1/jobs/job-9001", &changed).ok();
    assert_eq!(server.get("/v1/jobs/job-9001").ok()["title"], changed["title"]);
    assert_eq!(search("區塊鏈")["total"], 0);
    let quantum = search("量子計算");
    assert_eq!(
        (quantum["total"].clone(), hit_ids(&quantum)),
        (json!(1), vec!["job-9001".to_owned()])
    );
    assert_eq!(search("")["total"], 1, "an upsert must replace, not add");

    assert_eq!(
        server.delete("/v1/jobs/job-9001").ok(),
        json!({"id": "job-9001", "result": "deleted"})
    );
    server.get("/v1/jobs/job-9001").fails(404, "not_found");
    assert_eq!(search("量子計算")["total"], 0);
    server.delete("/v1/jobs/job-9001").fails(404, "not_found");

    let resume: Value = serde_json::from_str(&resume_line("cand-9001", 1)).unwrap();
    assert_eq!(
        server.put("/v1/resumes/cand-9001", &resume).ok(),
        json!({"id": "cand-9001", "result": "indexed"})
    );
    let stored = server.get("/v1/resumes/cand-9001").ok();
    assert_eq!((&stored["name"], &stored["headline"]), (&resume["name"], &resume["headline"]));
    let found = server.post("/v1/resumes/search", &json!({"q": "資料工程師"})).ok();
    assert_eq!(hit_ids(&found), ["cand-9001"]);
    let error = server.put("/v1/resumes/cand-9002", &resume).fails(400, "invalid_request");
    assert_eq!(error["field"], "id", "{error}");
    server.get("/v1/resumes/cand-9002").fails(404, "not_found");
    assert_eq!(server.delete("/v1/resumes/cand-9001").ok()["result"], "deleted");
    server.get("/v1/resumes/cand-9001").fails(404, "not_found");

    let jobs = [
        json!({"id": "job-b1", "title": "機器學習工程師", "employer": {"name": "甲公司"}}),
        json!({"id": "job-b2", "title": "Machine Learning Engineer", "employer": {"name": "乙公司"}}),
    ];
    let lines = jobs.iter().map(Value::to_string).collect::<Vec<_>>().join("\n");
    let result = server.ndjson("/v1/jobs/_bulk", &lines).ok();
    assert_eq!(
        result,
        json!({"indexed": 2, "rejected": 0, "items": [
            {"line": 1, "id": "job-b1", "result": "indexed"},
            {"line": 2, "id": "job-b2", "result": "indexed"}]})
    );
    for job in &jobs {
        assert_eq!(server.get(&format!("/v1/jobs/{}", id_of(job))).ok()["title"], job["title"]);
    }
    let lines = format!("{}\n{}\n", resume_line("cand-b1", 1), resume_line("cand-b2", 2));
    let result = server.ndjson("/v1/resumes/_bulk", &lines).ok();
    assert_eq!((&result["indexed"], &result["rejected"]), (&json!(2), &json!(0)), "{result}");
    assert_eq!(result["items"][1], json!({"line": 2, "id": "cand-b2", "result": "indexed"}));
    let all = server.get("/v1/resumes?q=").ok();
    assert_eq!(all["total"], 2, "{all}");
}

#[test]
fn search_routes_both_kinds() {
    let server = fixtures();
    let response = server
        .post(
            "/v1/jobs/search",
            &json!({"q": "資安 python", "facets": ["city", "certifications"], "highlight": true,
                    "explain": true, "size": 5}),
        )
        .ok();
    let total = response["total"].as_u64().unwrap();
    assert!(total > 0 && hits(&response).len() == 5.min(total as usize), "{response}");
    assert!(response["took_ms"].is_u64(), "{response}");
    for hit in hits(&response) {
        assert!(id_of(hit).starts_with("job-"), "{hit}");
        assert_eq!(hit["doc"]["id"], hit["id"]);
        assert!(hit["score"].is_number() && hit["explanation"].is_object(), "{hit}");
    }
    assert!(response.to_string().contains("<em>"), "no highlight: {response}");
    assert!(response["facets"]["city"].as_array().is_some_and(|v| !v.is_empty()), "{response}");
    assert!(
        response["facets"]["certifications"]
            .as_array()
            .unwrap()
            .iter()
            .any(|facet| facet["value"] == "ipas-infosec" && facet["count"].as_u64() > Some(0)),
        "{response}"
    );

    for path in ["/v1/jobs", "/v1/resumes"] {
        let url = query(
            path,
            &[
                ("q", "資安"),
                ("size", "3"),
                ("skill", "information-security"),
                ("certification", "ipas-infosec@intermediate"),
                ("facets", "city,skills"),
                ("highlight", "true"),
            ],
        );
        let response = server.get(&url).ok();
        let total = response["total"].as_u64().unwrap();
        assert!(total > 0 && hits(&response).len() == 3.min(total as usize), "{url}: {response}");
        for facet in ["city", "skills"] {
            assert!(response["facets"][facet].is_array(), "{url}: {response}");
        }
        assert!(
            response["facets"]["skills"]
                .as_array()
                .unwrap()
                .iter()
                .any(|facet| facet["value"] == "information-security"),
            "{response}"
        );
        assert!(response.to_string().contains("<em>"), "no highlight: {response}");
        let unfiltered = server.get(&query(path, &[("q", "資安")])).ok();
        assert!(unfiltered["total"].as_u64().unwrap() >= total, "{unfiltered}");
    }
    // Résumé hits with the certification filter hold it at intermediate or above.
    let url =
        query("/v1/resumes", &[("certification", "ipas-infosec@intermediate"), ("size", "100")]);
    let response = server.get(&url).ok();
    assert!(!hits(&response).is_empty());
    for hit in hits(&response) {
        let original = fixture_resume(id_of(hit));
        let held = original["certifications"].as_array().is_some_and(|list| {
            list.iter().any(|c| {
                c["id"] == "ipas-infosec"
                    && matches!(c["level"].as_str(), Some("intermediate" | "advanced"))
            })
        });
        let text = original.to_string();
        assert!(
            held || text.contains("資訊安全工程師中級") || text.contains("資訊安全工程師高級"),
            "{} does not hold ipas-infosec@intermediate",
            id_of(hit)
        );
    }
}

#[test]
fn match_routes() {
    let server = fixtures();
    let check = |response: &Value, prefix: &str| {
        assert!(!hits(response).is_empty(), "{response}");
        let mut last = f64::INFINITY;
        for hit in hits(response) {
            assert!(id_of(hit).starts_with(prefix), "{hit}");
            let score = hit["score"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&score) && score <= last, "{response}");
            last = score;
            assert!(hit["explanation"].is_object(), "{hit}");
        }
    };
    let response = server.get("/v1/jobs/job-0001/matches?size=10&explain=true").ok();
    check(&response, "cand-");
    assert!(hits(&response).len() <= 10);
    for hit in hits(&response) {
        assert_seen_as("admin", &hit["doc"]);
    }
    let public = id_of(pick("public"));
    let response = server.get(&format!("/v1/resumes/{public}/matches?explain=true")).ok();
    check(&response, "job-");

    let draft_job = json!({"id": "draft", "title": "資安工程師", "employer": {"name": "台達電子"},
        "skills": [{"id": "information-security", "required": true}],
        "certifications": [{"id": "ipas-infosec", "min_level": "intermediate", "required": true}]});
    let response =
        server.post("/v1/match", &json!({"job": draft_job, "explain": true, "size": 5})).ok();
    check(&response, "cand-");
    assert!(hits(&response).len() <= 5);
    let draft_resume = json!({"id": "draft", "headline": "資安工程師，5年SOC經驗",
        "skills": [{"id": "python"}, {"name": "資安監控"}],
        "certifications": [{"id": "ipas-infosec", "level": "intermediate"}]});
    let response = server.post("/v1/match", &json!({"resume": draft_resume, "explain": true})).ok();
    check(&response, "job-");
    server.post("/v1/match", &json!({})).fails(400, "invalid_request");
}

#[test]
fn taxonomy_suggest_and_fairs() {
    let server = fixtures();
    for (kind, id) in [
        ("skills", "python"),
        ("certifications", "ipas-infosec"),
        ("occupations", "2529"),
        ("industries", "semiconductor"),
    ] {
        let response = server.get(&format!("/v1/taxonomy/{kind}")).ok();
        assert_eq!(response["kind"], kind);
        let items = response["items"].as_array().unwrap();
        let named = |item: &Value| item["id"] == id || item["code"] == id;
        assert!(items.iter().any(named), "{kind} lacks {id}");
    }
    server.get("/v1/taxonomy/planets").fails(404, "not_found");

    let response = server.get(&query("/v1/suggest", &[("q", "资安")])).ok();
    let suggestions = response["suggestions"].as_array().unwrap();
    assert!(!suggestions.is_empty(), "{response}");
    assert!(
        suggestions.iter().any(|s| s["id"] == "information-security"
            || s["zh_hant"].as_str().is_some_and(|n| n.contains("資安"))),
        "{response}"
    );
    for suggestion in suggestions {
        assert!(suggestion["kind"].is_string() && suggestion["id"].is_string(), "{suggestion}");
    }

    let fairs = server.get("/v1/fairs").ok();
    let fair = fairs["fairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|fair| fair["id"] == FAIR)
        .unwrap_or_else(|| panic!("{fairs}"));
    for field in ["employers", "vacancies", "candidates"] {
        assert!(fair[field].as_u64() > Some(0), "{fair}");
    }
}

#[test]
fn fair_prematch_and_exports() {
    let server = fixtures();
    let path = format!("/v1/fairs/{FAIR}/prematch");
    let request = json!({"max_per_candidate": 2, "min_score": 0.1});
    let reply = server.post(&path, &request).send();
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert!(reply.content_type().starts_with("application/json"), "{}", reply.content_type());
    let result = reply.json();
    assert_eq!(result["fair"], FAIR);
    let interviews = result["interviews"].as_array().unwrap();
    assert!(!interviews.is_empty(), "{result}");
    assert_eq!(result["totals"]["interviews"], interviews.len());
    let mut candidate_slots = BTreeSet::new();
    let mut table_slots = BTreeSet::new();
    let mut per_candidate: HashMap<String, usize> = HashMap::new();
    for interview in interviews {
        let candidate = interview["candidate"].as_str().unwrap().to_owned();
        let start = interview["start"].as_str().unwrap().to_owned();
        assert!(
            candidate_slots.insert((candidate.clone(), start.clone())),
            "double-booked: {interview}"
        );
        let table = (interview["employer"].to_string(), interview["table"].to_string(), start);
        assert!(table_slots.insert(table), "table double-booked: {interview}");
        *per_candidate.entry(candidate).or_default() += 1;
    }
    assert!(per_candidate.values().all(|&n| n <= 2), "{per_candidate:?}");
    let text = result.to_string();
    for resume in fixture_resumes().iter().filter(|resume| visibility(resume) == "hidden") {
        assert!(!text.contains(&format!("\"{}\"", id_of(resume))), "{} is hidden", id_of(resume));
    }

    let csv = server.post(&query(&path, &[("format", "csv")]), &request).send();
    assert_eq!(csv.status, 200, "{}", csv.text());
    assert!(csv.content_type().starts_with("text/csv"), "{}", csv.content_type());
    assert!(csv.text().lines().next().unwrap_or_default().contains("candidate"), "{}", csv.text());
    assert_eq!(csv.text().lines().count(), interviews.len() + 1);

    let ics = server.post(&path, &request).header("Accept", "text/calendar").send();
    assert_eq!(ics.status, 200, "{}", ics.text());
    assert!(ics.content_type().starts_with("text/calendar"), "{}", ics.content_type());
    let text = ics.text();
    assert!(text.starts_with("BEGIN:VCALENDAR"), "{text}");
    assert_eq!(text.matches("BEGIN:VEVENT").count(), interviews.len());

    let xlsx = server.post(&path, &request).header("Accept", XLSX).send();
    assert_eq!(xlsx.status, 200, "{}", xlsx.text());
    assert!(xlsx.content_type().starts_with(XLSX), "{}", xlsx.content_type());
    assert!(xlsx.body.starts_with(b"PK"), "not a zip archive");

    server.post("/v1/fairs/fair-nowhere/prematch", &json!({})).fails(404, "not_found");
    let error =
        server.post(&query(&path, &[("format", "pdf")]), &request).fails(400, "invalid_request");
    assert_eq!(error["field"], "format");
}

// ----- 2. roles and visibility -------------------------------------------------------

#[test]
fn each_role_sees_each_visibility_as_the_spec_says() {
    let Keyed { server, keys, .. } = keyed();
    let (public, anonymous, hidden) = (pick("public"), pick("anonymous"), pick("hidden"));
    let get =
        |resume: &Value, key: &str| server.get(&format!("/v1/resumes/{}", id_of(resume))).key(key);

    for key in [&keys.admin, &keys.employer, &keys.organizer] {
        assert_full(&get(public, key).ok(), public);
    }
    assert_full(&get(anonymous, &keys.admin).ok(), anonymous);
    assert_redacted(&get(anonymous, &keys.employer).ok(), anonymous);
    assert_redacted(&get(anonymous, &keys.organizer).ok(), anonymous);
    assert_full(&get(anonymous, &keys.candidate).ok(), anonymous);

    assert_full(&get(hidden, &keys.admin).ok(), hidden);
    get(hidden, &keys.employer).fails(404, "not_found");
    get(hidden, &keys.organizer).fails(404, "not_found");
    assert_full(&get(hidden, &keys.hidden_owner).ok(), hidden);
}

#[test]
fn searches_and_matches_redact_by_role_and_never_return_hidden() {
    let Keyed { server, keys, .. } = keyed();
    let hidden = pick("hidden");
    assert!(private_data().len() > 100, "{:?}", private_data());
    let visible: BTreeSet<&str> = fixture_resumes()
        .iter()
        .filter(|resume| visibility(resume) != "hidden")
        .map(id_of)
        .collect();
    for (role, key) in
        [("admin", &keys.admin), ("employer", &keys.employer), ("organizer", &keys.organizer)]
    {
        let mut seen = BTreeSet::new();
        let mut from = 0;
        loop {
            let page = server
                .post("/v1/resumes/search", &json!({"q": "", "from": from, "size": 100}))
                .key(key)
                .ok();
            assert_eq!(page["total"], visible.len(), "{role}");
            if hits(&page).is_empty() {
                break;
            }
            for hit in hits(&page) {
                assert_seen_as(role, &hit["doc"]);
                seen.insert(id_of(hit).to_owned());
            }
            if role != "admin" {
                assert_no_private_data(role, &page);
            }
            from += 100;
        }
        assert_eq!(seen.iter().map(String::as_str).collect::<BTreeSet<_>>(), visible, "{role}");

        let headline = hidden["headline"].as_str().unwrap();
        for response in [
            server.get(&query("/v1/resumes", &[("q", headline), ("size", "100")])).key(key).ok(),
            server.post("/v1/match", &json!({"job": job_like(hidden), "size": 100})).key(key).ok(),
            server.get("/v1/jobs/job-0001/matches?size=100").key(key).ok(),
        ] {
            assert!(!hits(&response).is_empty(), "{role}: {response}");
            for hit in hits(&response) {
                assert_seen_as(role, &hit["doc"]);
            }
            if role != "admin" {
                assert_no_private_data(role, &response);
            }
        }
    }

    // Personal data is not searchable: an anonymous résumé cannot be found, highlighted or
    // explained by its owner's name, e-mail, phone or certificate number.
    let anonymous = pick("anonymous");
    for key in [&keys.employer, &keys.organizer] {
        for item in personal_data(anonymous) {
            let response = server
                .post(
                    "/v1/resumes/search",
                    &json!({"q": item, "highlight": true, "explain": true, "size": 100}),
                )
                .key(key)
                .ok();
            assert!(
                !hit_ids(&response).contains(&id_of(anonymous).to_owned()),
                "{item}: {response}"
            );
            assert_no_private_data("employer or organizer", &response);
        }
    }

    let own = id_of(pick("anonymous"));
    let response = server.get(&format!("/v1/resumes/{own}/matches")).key(&keys.candidate).ok();
    assert!(hit_ids(&response).iter().all(|id| id.starts_with("job-")), "{response}");
    let jobs = server.post("/v1/jobs/search", &json!({"q": "工程師"})).key(&keys.candidate).ok();
    assert!(!hits(&jobs).is_empty());
}

// ----- 3. keys -----------------------------------------------------------------------

#[test]
fn keys_are_required_and_roles_are_enforced() {
    let Keyed { server, keys, .. } = keyed();
    let (public, anonymous, hidden) =
        (id_of(pick("public")), id_of(pick("anonymous")), id_of(pick("hidden")));
    let candidate = keys.candidate.as_str();

    server.get(&format!("/v1/resumes/{public}")).key(candidate).fails(403, "forbidden");
    server.get(&format!("/v1/resumes/{hidden}")).key(candidate).fails(403, "forbidden");
    server
        .post("/v1/resumes/search", &json!({"q": "python"}))
        .key(candidate)
        .fails(403, "forbidden");
    server.get("/v1/resumes?q=python").key(candidate).fails(403, "forbidden");
    server.get(&format!("/v1/resumes/{public}/matches")).key(candidate).fails(403, "forbidden");
    server.get("/v1/jobs/job-0001/matches").key(candidate).fails(403, "forbidden");
    server.get("/v1/fairs").key(candidate).fails(403, "forbidden");
    let response = server.get(&format!("/v1/resumes/{anonymous}/matches")).key(candidate).ok();
    assert!(hit_ids(&response).iter().all(|id| id.starts_with("job-")), "{response}");
    server.get(&format!("/v1/resumes/{hidden}/matches")).key(&keys.hidden_owner).ok();
    server.get("/v1/jobs/job-0001").key(candidate).ok();
    let draft = json!({"id": "draft", "headline": "資安工程師", "skills": [{"id": "python"}]});
    server.post("/v1/match", &json!({"resume": draft})).key(candidate).ok();
    server
        .post("/v1/match", &json!({"job": {"id": "d", "title": "資安", "employer": {"name": "x"}}}))
        .key(candidate)
        .fails(403, "forbidden");

    let job = json!({"id": "job-0001", "title": "改掉", "employer": {"name": "x"}});
    for key in [&keys.employer, &keys.organizer, &keys.candidate] {
        server.put("/v1/jobs/job-0001", &job).key(key).fails(403, "forbidden");
        server.delete("/v1/jobs/job-0001").key(key).fails(403, "forbidden");
        server.ndjson("/v1/jobs/_bulk", &job.to_string()).key(key).fails(403, "forbidden");
        let resume = fixture_resume(public);
        server.put(&format!("/v1/resumes/{public}"), resume).key(key).fails(403, "forbidden");
        server.delete(&format!("/v1/resumes/{public}")).key(key).fails(403, "forbidden");
    }
    assert_ne!(server.get("/v1/jobs/job-0001").key(&keys.admin).ok()["title"], "改掉");
    server
        .get(&format!("/v1/resumes/{public}/matches"))
        .key(&keys.employer)
        .fails(403, "forbidden");
    server.get("/v1/fairs").key(&keys.employer).fails(403, "forbidden");
    server.get("/v1/fairs").key(&keys.organizer).ok();
    server.get("/v1/jobs/job-0001/matches").key(&keys.employer).ok();
    server.get(&format!("/v1/resumes/{public}/matches")).key(&keys.organizer).ok();

    server.get("/v1/jobs/job-0001").fails(401, "missing_key");
    server.get("/v1/taxonomy/skills").fails(401, "missing_key");
    server.get("/v1/jobs/job-0001").header("Authorization", "Basic YTpi").fails(401, "missing_key");
    server.get("/v1/jobs/job-0001").header("Authorization", "Bearer ").fails(401, "missing_key");
    let forged = format!("mh_{}", "0".repeat(64));
    server.get("/v1/jobs/job-0001").key(&forged).fails(401, "invalid_key");
    server.get("/v1/jobs/job-0001").key("not-a-key").fails(401, "invalid_key");
    for open in ["/health", "/ready", "/openapi.json", "/metrics"] {
        assert_eq!(server.get(open).send().status, 200, "{open}");
    }
}

#[test]
fn a_revoked_key_stops_working_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("keys.jsonl");
    let (employer, id) = add_key(&file, "employer", None);
    let (other, _) = add_key(&file, "employer", None);
    let server = Server::fresh(&["--no-fixtures", "--keys", file.to_str().unwrap()]);
    server.get("/v1/jobs?q=python").key(&employer).ok();
    let output = meihe(&["keys", "revoke", "--keys", file.to_str().unwrap(), &id]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let revoked = Instant::now();
    loop {
        let reply = server.get("/v1/jobs?q=python").key(&employer).send();
        if reply.status == 401 {
            error_of(&server, &reply, "invalid_key");
            break;
        }
        assert_eq!(reply.status, 200, "{}", reply.text());
        assert!(revoked.elapsed() < Duration::from_secs(2), "the revoked key still works");
        std::thread::sleep(Duration::from_millis(100));
    }
    server.get("/v1/jobs?q=python").key(&other).ok();
}

// ----- 4. errors ---------------------------------------------------------------------

#[test]
fn malformed_and_invalid_bodies() {
    let server = fixtures();
    let raw =
        |body: &str| server.call("POST", "/v1/jobs/search").body("application/json", body.into());
    let error = raw("{\n\"q\": \"x\",,\n}").fails(400, "malformed_json");
    assert_eq!(error["line"], 2, "{error}");
    let error = raw("{\"q\":").fails(400, "malformed_json");
    assert_eq!(error["line"], 1, "{error}");
    raw("").fails(400, "malformed_json");
    let error = raw("{\"q\": \"x\", \"colour\": \"red\"}").fails(422, "invalid_request");
    assert_eq!(error["field"], "colour", "{error}");
    let error = raw("{\"filters\": {\"colour\": \"red\"}}").fails(422, "invalid_request");
    let field = error["field"].as_str().unwrap_or_default();
    assert!(
        field == "filters.colour"
            || (field == "filters" && error["message"].to_string().contains("colour")),
        "{error}"
    );
    let error = raw("{\"q\": \"x\", \"size\": \"big\"}").fails(422, "invalid_request");
    assert_eq!(error["field"], "size", "{error}");
    let error = raw("{\"from\": -1}").fails(422, "invalid_request");
    assert_eq!(error["field"], "from", "{error}");
    let error = raw("{\"filters\": {\"salary_min\": \"lots\"}}").fails(422, "invalid_request");
    assert_eq!(error["field"], "filters.salary_min", "{error}");
    raw("[1, 2]").fails(422, "invalid_request");

    let body = br#"{"q":"python"}"#.to_vec();
    let reply = server
        .call("POST", "/v1/jobs/search")
        .body("application/json; charset=utf-8", body.clone())
        .send();
    assert_eq!(reply.status, 200, "{}", reply.text());
    for content_type in ["text/plain", "application/x-www-form-urlencoded", "application/xml"] {
        server
            .call("POST", "/v1/jobs/search")
            .body(content_type, body.clone())
            .fails(415, "unsupported_media_type");
    }
    server.call("POST", "/v1/jobs/search").fails(415, "unsupported_media_type");
    server
        .call("POST", "/v1/jobs/_bulk")
        .body("text/csv", b"id,title\n".to_vec())
        .fails(415, "unsupported_media_type");
    server
        .call("PUT", "/v1/jobs/job-x")
        .body("text/plain", body)
        .fails(415, "unsupported_media_type");

    let job = json!({"id": "job-x", "title": "x", "employer": {"name": "y"}, "colour": "red"});
    let error = server.put("/v1/jobs/job-x", &job).fails(422, "invalid_document");
    assert_eq!(error["field"], "colour", "{error}");
    let job = json!({"id": "job-x", "employer": {"name": "y"}});
    let error = server.put("/v1/jobs/job-x", &job).fails(422, "invalid_document");
    assert_eq!(error["field"], "title", "{error}");
    server.get("/v1/jobs/job-x").fails(404, "not_found");
    let error = server
        .post("/v1/match", &json!({"job": {"id": "d", "title": 7, "employer": {"name": "y"}}}))
        .fails(422, "invalid_document");
    assert_eq!(error["field"], "job.title", "{error}");
}

#[test]
fn paging_limits() {
    let server = fixtures();
    for (path, body) in [
        ("/v1/jobs/search", json!({"q": "python"})),
        ("/v1/resumes/search", json!({"q": "python"})),
        (
            "/v1/match",
            json!({"job": {"id": "d", "title": "資安工程師", "employer": {"name": "y"}}}),
        ),
    ] {
        let with = |from: u64, size: u64| {
            let mut body = body.clone();
            body["from"] = json!(from);
            body["size"] = json!(size);
            server.post(path, &body)
        };
        let error = with(0, 101).fails(400, "invalid_request");
        assert_eq!(error["field"], "size", "{path}: {error}");
        let error = with(9_950, 100).fails(400, "invalid_request");
        assert_eq!(error["field"], "from", "{path}: {error}");
        let error = with(10_000, 1).fails(400, "invalid_request");
        assert_eq!(error["field"], "from", "{path}: {error}");
        let page = with(9_900, 100).ok();
        assert!(hits(&page).is_empty(), "{path}: {page}");
        with(0, 100).ok();
    }
    for path in ["/v1/jobs?q=python&", "/v1/resumes?q=python&", "/v1/jobs/job-0001/matches?"] {
        let error = server.get(&format!("{path}size=101")).fails(400, "invalid_request");
        assert_eq!(error["field"], "size", "{path}: {error}");
        let error = server.get(&format!("{path}from=9999&size=2")).fails(400, "invalid_request");
        assert_eq!(error["field"], "from", "{path}: {error}");
        let error = server.get(&format!("{path}size=abc")).fails(400, "invalid_request");
        assert_eq!(error["field"], "size", "{path}: {error}");
        let error = server.get(&format!("{path}size=-1")).fails(400, "invalid_request");
        assert_eq!(error["field"], "size", "{path}: {error}");
    }
    let error = server.get("/v1/jobs?q=x&colour=red").fails(400, "invalid_request");
    assert!(error["field"].as_str().unwrap_or_default().contains("colour"), "{error}");
    let error =
        server.get("/v1/jobs?certification=ipas-infosec@expert").fails(400, "invalid_request");
    assert!(error["field"].as_str().unwrap_or_default().contains("certification"), "{error}");
}

#[test]
fn oversized_bodies_unknown_ids_and_routes() {
    let server = fixtures();
    let big = json!({"q": "a".repeat((1 << 20) + 10)});
    server.post("/v1/jobs/search", &big).fails(413, "payload_too_large");
    let job =
        json!({"id": "job-big", "title": "a".repeat((1 << 20) + 10), "employer": {"name": "y"}});
    server.put("/v1/jobs/job-big", &job).fails(413, "payload_too_large");
    server.post("/v1/match", &json!({"job": job})).fails(413, "payload_too_large");
    server.get("/v1/jobs/job-big").fails(404, "not_found");
    // Just under the limit is fine.
    server.post("/v1/jobs/search", &json!({"q": "資安 ".repeat(50_000)})).ok();

    for path in [
        "/v1/jobs/job-nowhere",
        "/v1/resumes/cand-nowhere",
        "/v1/jobs/job-nowhere/matches",
        "/v1/resumes/cand-nowhere/matches",
        "/v1/nothing",
        "/nothing",
        "/v1/jobs/job-0001/nothing",
        "/v2/jobs",
    ] {
        server.get(path).fails(404, "not_found");
    }
    server.delete("/v1/jobs/job-nowhere").fails(404, "not_found");
    server.delete("/v1/resumes/cand-nowhere").fails(404, "not_found");
    server.post("/v1/nothing", &json!({})).fails(404, "not_found");
}

/// Requests the router itself refuses (wrong method, a path or query string that does not
/// decode) get SPEC §6's error shape like every other error.
#[test]
fn every_error_has_the_json_shape() {
    let server = fixtures();
    let prematch = format!("/v1/fairs/{FAIR}/prematch?format=csv&format=ics");
    let checks = [
        ("DELETE /v1/jobs/search", server.call("DELETE", "/v1/jobs/search").send()),
        ("PATCH /v1/jobs/job-0001", server.call("PATCH", "/v1/jobs/job-0001").send()),
        ("GET /v1/jobs/%FF%FE", server.get("/v1/jobs/%FF%FE").send()),
        ("POST ?format=csv&format=ics", server.post(&prematch, &json!({})).send()),
    ];
    let mut wrong = Vec::new();
    for (what, reply) in checks {
        assert!((400..500).contains(&reply.status), "{what}: {} {}", reply.status, reply.text());
        server.assert_clean(&reply);
        let shaped = reply.content_type().starts_with("application/json")
            && serde_json::from_slice::<Value>(&reply.body)
                .is_ok_and(|body| body["error"]["code"].is_string());
        if !shaped {
            wrong.push(format!(
                "{what}: {} {:?} {:?}",
                reply.status,
                reply.content_type(),
                reply.text()
            ));
        }
    }
    assert!(wrong.is_empty(), "errors without the JSON shape:\n{}", wrong.join("\n"));
}

#[test]
fn odd_queries_are_answered() {
    let server = fixtures();
    for q in [
        "",
        "   ",
        "😀",
        "👩‍💻 🚀",
        "🚀 Python 資安 engineer",
        "熟悉Python與Linux，具iPAS資訊安全工程師中級證照",
        "软件工程师 軟體 software",
        "ＰＹＴＨＯＮ",
        "\"",
        "\"資安",
        "((( ) AND OR NOT *",
        "c++ c# .net node.js",
        "مهندس برمجيات",
        "e\u{301}\u{301}\u{301}",
        "\u{200b}\u{feff}",
        "a\u{0}b",
        &"資安".repeat(500),
    ] {
        let jobs = server.get(&query("/v1/jobs", &[("q", q)])).ok();
        assert!(jobs["total"].is_u64(), "{q:?}: {jobs}");
        let resumes = server
            .post("/v1/resumes/search", &json!({"q": q, "highlight": true, "explain": true}))
            .ok();
        assert!(resumes["total"].is_u64(), "{q:?}: {resumes}");
        if !q.trim().is_empty() {
            server.get(&query("/v1/suggest", &[("q", q)])).ok();
        }
    }
    let everything = server.get("/v1/jobs?q=").ok();
    assert_eq!(everything["total"], 102);
}

#[test]
fn rate_limited_keys_get_429_with_retry_after() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("keys.jsonl");
    let (busy, _) = add_key(&file, "employer", None);
    let (calm, _) = add_key(&file, "employer", None);
    let server = Server::fresh(&["--no-fixtures", "--rate", "1", "--keys", file.to_str().unwrap()]);
    let mut statuses = Vec::new();
    let mut retry_after = 0;
    for _ in 0..20 {
        let reply = server.get("/v1/taxonomy/industries").key(&busy).send();
        if reply.status == 429 {
            error_of(&server, &reply, "rate_limited");
            let header = reply.header("retry-after").unwrap_or_else(|| panic!("no Retry-After"));
            retry_after =
                header.parse::<u64>().unwrap_or_else(|_| panic!("Retry-After {header:?}"));
            assert!((1..=60).contains(&retry_after), "Retry-After {retry_after}");
        } else {
            assert_eq!(reply.status, 200, "{}", reply.text());
        }
        statuses.push(reply.status);
    }
    assert!(statuses.contains(&200) && statuses.contains(&429), "{statuses:?}");
    server.get("/v1/taxonomy/industries").key(&calm).ok();
    std::thread::sleep(Duration::from_secs(retry_after));
    server.get("/v1/taxonomy/industries").key(&busy).ok();
}

// ----- 5. bulk with bad lines --------------------------------------------------------

#[test]
fn bulk_reports_bad_lines_and_takes_the_good_ones() {
    let server = Server::fresh(&["--no-fixtures"]);
    let huge = format!(
        r#"{{"id":"job-huge","title":"{}","employer":{{"name":"y"}}}}"#,
        "a".repeat((1 << 20) + 10)
    );
    let lines = [
        r#"{"id":"job-g1","title":"鯨豚觀察員 Whale Watcher","employer":{"name":"甲"}}"#, // 1
        r#"{"id":"job-b2","title":"x","employer":"#,                                      // 2
        "",                                                                               // 3
        r#"{"id":"job-b4","employer":{"name":"y"}}"#,                                     // 4
        r#"{"id":"job-b5","title":"x","employer":{"name":"y"},"colour":"red"}"#,          // 5
        r#"{"id":"job-b6","title":"x","employer":{"name":"y"},"headcount":"three"}"#,     // 6
        "  \r",                                                                           // 7
        r#"{"id":"job-g8","title":"鯨豚研究員 Whale Researcher","employer":{"name":"乙"}}"#, // 8
        "[1, 2]",                                                                         // 9
        &huge,                                                                            // 10
        r#"{"id":"job-g11","title":"鯨魚攝影師 Whale Photographer","employer":{"name":"丙"}}"#, // 11
    ];
    let mut body = b"\xEF\xBB\xBF".to_vec();
    body.extend_from_slice(lines.join("\n").as_bytes());
    body.extend_from_slice(
        b"\n{\"id\":\"job-b12\",\"title\":\"\xff\",\"employer\":{\"name\":\"y\"}}\n",
    );
    let result = server.call("POST", "/v1/jobs/_bulk").body("application/x-ndjson", body).ok();
    assert_eq!((&result["indexed"], &result["rejected"]), (&json!(3), &json!(7)), "{result}");
    let items = result["items"].as_array().unwrap();
    let numbers: Vec<u64> = items.iter().map(|item| item["line"].as_u64().unwrap()).collect();
    assert_eq!(numbers, [1, 2, 4, 5, 6, 8, 9, 10, 11, 12], "{result}");
    let by_line = |line: u64| items.iter().find(|item| item["line"] == line).unwrap();
    for line in [1, 8, 11] {
        assert_eq!(by_line(line)["result"], "indexed", "{result}");
        assert!(by_line(line)["error"].is_null(), "{result}");
    }
    for (line, code, field) in [
        (2, "malformed_json", None),
        (4, "invalid_document", Some("title")),
        (5, "invalid_document", Some("colour")),
        (6, "invalid_document", Some("headcount")),
        (9, "", None),
        (10, "payload_too_large", None),
        (12, "malformed_json", None),
    ] {
        let item = by_line(line);
        assert_eq!(item["result"], "rejected", "{item}");
        let error = &item["error"];
        assert_eq!(error["line"], line, "{item}");
        assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()), "{item}");
        if !code.is_empty() {
            assert_eq!(error["code"], code, "{item}");
        }
        if let Some(field) = field {
            assert_eq!(error["field"], field, "{item}");
        }
        let text = item.to_string().to_lowercase();
        assert!(!text.contains("panicked") && !text.contains("backtrace"), "{item}");
    }

    let found = server.get(&query("/v1/jobs", &[("q", "鯨豚")])).ok();
    assert_eq!(
        hit_ids(&found).into_iter().collect::<BTreeSet<_>>(),
        BTreeSet::from(["job-g1".to_owned(), "job-g8".to_owned()]),
        "{found}"
    );
    let found = server.get(&query("/v1/jobs", &[("q", "whale")])).ok();
    assert_eq!(found["total"], 3, "{found}");
    for id in ["job-g1", "job-g8", "job-g11"] {
        server.get(&format!("/v1/jobs/{id}")).ok();
    }
    for id in ["job-b2", "job-b4", "job-b5", "job-b6", "job-huge", "job-b12"] {
        server.get(&format!("/v1/jobs/{id}")).fails(404, "not_found");
    }

    let lines = format!(
        "{}\n{}\n{}\n",
        resume_line("cand-g1", 1),
        r#"{"id":"cand-b2","name":"無內容"}"#,
        r#"{"id":"cand-b3","headline":"x","visibility":"secret"}"#
    );
    let result = server.ndjson("/v1/resumes/_bulk", &lines).ok();
    assert_eq!((&result["indexed"], &result["rejected"]), (&json!(1), &json!(2)), "{result}");
    assert_eq!(result["items"][1]["error"]["line"], 2, "{result}");
    assert_eq!(result["items"][2]["error"]["field"], "visibility", "{result}");
    server.get("/v1/resumes/cand-g1").ok();

    server.ndjson("/v1/jobs/_bulk", "\n\n  \n").fails(400, "invalid_request");

    // The same id twice in one bulk: the later line wins, and there is one document.
    let lines = concat!(
        r#"{"id":"job-twice","title":"初版 Narwhal","employer":{"name":"甲"}}"#,
        "\n",
        r#"{"id":"job-twice","title":"終版 Walrus","employer":{"name":"甲"}}"#,
    );
    assert_eq!(server.ndjson("/v1/jobs/_bulk", lines).ok()["indexed"], 2);
    assert_eq!(server.get("/v1/jobs/job-twice").ok()["title"], "終版 Walrus");
    assert_eq!(server.get("/v1/jobs?q=narwhal").ok()["total"], 0);
    assert_eq!(hit_ids(&server.get("/v1/jobs?q=walrus").ok()), ["job-twice"]);
}

#[test]
fn bulk_reports_unresolved_terms() {
    let server = Server::fresh(&["--no-fixtures"]);
    let line = json!({"id": "cand-u1", "headline": "工程師",
        "skills": [{"id": "python"}, {"name": "Zorblax 量子編織術"}]});
    let result = server.ndjson("/v1/resumes/_bulk", &line.to_string()).ok();
    assert_eq!(result["indexed"], 1, "{result}");
    let item = &result["items"][0];
    assert_eq!(item["result"], "indexed", "{result}");
    // SPEC §3: a name that resolves to nothing is kept and reported as `unresolved`.
    assert!(
        item.to_string().contains("unresolved") && item.to_string().contains("Zorblax"),
        "the ingest response does not report the unresolved skill: {result}"
    );
    let stored = server.get("/v1/resumes/cand-u1").ok();
    assert!(stored.to_string().contains("Zorblax 量子編織術"), "{stored}");
}

// ----- 6. durability -----------------------------------------------------------------

#[test]
fn acknowledged_writes_survive_kill_9() {
    let server = Server::fresh(&["--no-fixtures"]);
    let ids: Vec<String> = (1..=300).map(|n| format!("dur-{n:04}")).collect();
    let lines: Vec<String> = ids.iter().enumerate().map(|(n, id)| resume_line(id, n)).collect();
    let result = server.ndjson("/v1/resumes/_bulk", &lines.join("\n")).ok();
    let index = server.crash();
    assert_eq!((&result["indexed"], &result["rejected"]), (&json!(300), &json!(0)));

    let server = Server::start(index, &["--no-fixtures"]);
    let ready = server.get("/ready").ok();
    assert_eq!(ready["documents"], json!({"jobs": 0, "resumes": 300}), "{ready}");
    for id in &ids {
        assert_eq!(server.get(&format!("/v1/resumes/{id}")).ok()["id"], id.as_str());
    }

    for n in 1..=3 {
        let job = json!({"id": format!("job-d{n}"), "title": format!("持久性測試 {n}"),
            "employer": {"name": "甲"}});
        server.put(&format!("/v1/jobs/job-d{n}"), &job).ok();
        let id = format!("cand-d{n}");
        let resume: Value = serde_json::from_str(&resume_line(&id, n)).unwrap();
        server.put(&format!("/v1/resumes/{id}"), &resume).ok();
    }
    server.delete("/v1/resumes/dur-0001").ok();
    let index = server.crash();

    let server = Server::start(index, &["--no-fixtures"]);
    let ready = server.get("/ready").ok();
    assert_eq!(ready["documents"], json!({"jobs": 3, "resumes": 302}), "{ready}");
    for n in 1..=3 {
        server.get(&format!("/v1/jobs/job-d{n}")).ok();
        server.get(&format!("/v1/resumes/cand-d{n}")).ok();
    }
    server.get("/v1/resumes/dur-0001").fails(404, "not_found");
    server.get("/v1/resumes/dur-0300").ok();
}

// ----- 7. reads during a large write -------------------------------------------------

#[test]
fn searches_are_answered_during_a_large_bulk() {
    let corpus = tempfile::tempdir().unwrap();
    let output = meihe(&[
        "gen",
        "--jobs",
        "200",
        "--resumes",
        "5000",
        "--seed",
        "3",
        "--out",
        corpus.path().to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let jobs = std::fs::read_to_string(corpus.path().join("jobs.jsonl")).unwrap();
    let resumes = std::fs::read_to_string(corpus.path().join("resumes.jsonl")).unwrap();
    let resume_lines: Vec<&str> = resumes.lines().filter(|line| !line.trim().is_empty()).collect();
    assert_eq!(resume_lines.len(), 5000);
    let visible = |lines: &[&str]| {
        lines.iter().filter(|line| !line.contains(r#""visibility":"hidden""#)).count()
    };

    let server = Arc::new(Server::fresh(&["--no-fixtures"]));
    assert_eq!(server.ndjson("/v1/jobs/_bulk", &jobs).ok()["indexed"], 200);
    let first = resume_lines[..200].join("\n");
    assert_eq!(server.ndjson("/v1/resumes/_bulk", &first).ok()["indexed"], 200);

    let rest = resume_lines[200..].join("\n");
    let done = Arc::new(AtomicBool::new(false));
    let writer = {
        let (server, done) = (server.clone(), done.clone());
        std::thread::spawn(move || {
            let reply = server.ndjson("/v1/resumes/_bulk", &rest).send();
            done.store(true, Ordering::SeqCst);
            reply
        })
    };
    let mut before = 0;
    let mut after = 0;
    let started = Instant::now();
    loop {
        let finished = done.load(Ordering::SeqCst);
        for reply in [
            server.post("/v1/resumes/search", &json!({"q": "python 工程師", "size": 10})).send(),
            server.get(&query("/v1/jobs", &[("q", "工程師"), ("facets", "city")])).send(),
            server.get("/v1/jobs/job-g00000000/matches?size=5").send(),
        ] {
            assert_eq!(reply.status, 200, "{}", reply.text());
        }
        let search = server.post("/v1/resumes/search", &json!({"q": "", "size": 1})).ok();
        let total = search["total"].as_u64().unwrap() as usize;
        assert!(
            (visible(&resume_lines[..200])..=visible(&resume_lines)).contains(&total),
            "{search}"
        );
        if done.load(Ordering::SeqCst) {
            after += 1;
        } else {
            before += 1;
        }
        if finished {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(300), "the bulk never finished");
    }
    let reply = writer.join().unwrap();
    assert_eq!(reply.status, 200, "{}", reply.text());
    let result = reply.json();
    assert_eq!(result["indexed"], 4800, "{}", result["rejected"]);
    assert!(before > 0, "no search completed while the bulk ran ({after} after)");
    let search = server.post("/v1/resumes/search", &json!({"q": "", "size": 1})).ok();
    let hidden =
        resume_lines.iter().filter(|line| line.contains(r#""visibility":"hidden""#)).count();
    assert_eq!(search["total"], 5000 - hidden, "{search}");
}
