//! Search and match latency (p50, p99) on an index of generated documents.
//!
//! Build the index first (benches/latency.sh does both steps):
//!   meihe gen --jobs N --resumes N --seed 1 --out DIR/corpus
//!   meihe index --index DIR/index --kind jobs DIR/corpus/jobs.jsonl   (and resumes)
//! then: `MEIHE_BENCH_INDEX=DIR/index cargo bench -p meihe-query --bench latency`.
//! One thread, warm caches (each request runs once before it is timed).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use meihe_core::schema::Kind;
use meihe_core::{Analyzer, Level, Taxonomy};
use meihe_query::{CertificationFilter, Engine, Filters, MatchOptions, SearchRequest, Viewer};

const QUERIES: &[&str] = &[
    "資安工程師",
    "资讯安全工程师",
    "information security engineer",
    "python 後端",
    "Java Spring Boot",
    "數據分析 SQL",
    "data analyst",
    "半導體 製程工程師",
    "设备工程师",
    "焊接",
    "CNC 車床",
    "護理師",
    "會計 ERP",
    "行銷企劃 社群",
    "機器學習 AI",
    "淨零 碳盤查",
    "PLC 自動化",
    "物流 倉儲",
    "\"韌體工程師\"",
    "日文 業務",
];

fn main() {
    let Some(path) = std::env::var_os("MEIHE_BENCH_INDEX").map(PathBuf::from) else {
        eprintln!("set MEIHE_BENCH_INDEX to an index built by benches/latency.sh");
        return;
    };
    let taxonomy = Arc::new(Taxonomy::builtin().expect("taxonomy"));
    let analyzer = Arc::new(Analyzer::new(&taxonomy).expect("analyzer"));
    let engine = Engine::open(&path, taxonomy, analyzer).expect("index");
    let jobs = engine.count(Kind::Jobs);
    let resumes = engine.count(Kind::Resumes);
    println!("\nindex {}: {jobs} jobs, {resumes} résumés", path.display());
    let viewer = Viewer::with_role(meihe_query::Role::Employer);

    let mut rows = Vec::new();
    for kind in [Kind::Jobs, Kind::Resumes] {
        let times = time_all(QUERIES.iter().map(|q| {
            let request = SearchRequest { q: (*q).to_owned(), ..SearchRequest::default() };
            let engine = &engine;
            let viewer = &viewer;
            move || {
                engine.search(kind, &request, viewer).expect("search");
            }
        }));
        rows.push((format!("search {} (20 hits)", kind.as_str()), times));
    }
    let full = time_all(QUERIES.iter().map(|q| {
        let request = SearchRequest {
            q: (*q).to_owned(),
            facets: ["certifications", "skills", "occupations", "city"].map(String::from).to_vec(),
            highlight: true,
            explain: true,
            filters: Filters { salary_min: Some(30_000), ..Filters::default() },
            ..SearchRequest::default()
        };
        let engine = &engine;
        let viewer = &viewer;
        move || {
            engine.search(Kind::Resumes, &request, viewer).expect("search");
        }
    }));
    rows.push(("search résumés + filter, 4 facets, highlight, explain".into(), full));
    let certified = time_all(["ipas-infosec", "ipas-ai-planner", "ipas-net-zero"].map(|id| {
        let request = SearchRequest {
            filters: Filters {
                certifications: vec![CertificationFilter {
                    id: id.into(),
                    min_level: Some(Level::Intermediate),
                }],
                ..Filters::default()
            },
            ..SearchRequest::default()
        };
        let engine = &engine;
        let viewer = &viewer;
        move || {
            engine.search(Kind::Resumes, &request, viewer).expect("search");
        }
    }));
    rows.push(("certification filter only (résumés)".into(), certified));

    let admin = Viewer::admin();
    let step = |count: u64| (count / 100).max(1);
    for (kind, prefix, count) in [(Kind::Jobs, "job", jobs), (Kind::Resumes, "cand", resumes)] {
        let ids: Vec<String> =
            (0..100).map(|i| format!("{prefix}-g{:08}", i * step(count))).collect();
        let times = time_all(ids.iter().map(|id| {
            let options = MatchOptions { explain: true, ..MatchOptions::default() };
            let engine = &engine;
            // A candidate's own résumé may be hidden; admin reads every one.
            let viewer = &admin;
            move || {
                engine.match_stored(kind, id, &options, viewer).expect("match");
            }
        }));
        let what = if kind == Kind::Jobs { "job → résumés" } else { "résumé → jobs" };
        rows.push((format!("match {what} (re-rank 200, explain)"), times));
    }

    println!("\n| request | n | p50 ms | p99 ms | max ms |");
    println!("|---|---|---|---|---|");
    for (name, mut times) in rows {
        times.sort();
        let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "| {name} | {} | {:.1} | {:.1} | {:.1} |",
            times.len(),
            ms(at(0.5)),
            ms(at(0.99)),
            ms(*times.last().unwrap())
        );
    }
}

/// Runs each request once to warm up, then five times timed.
fn time_all<F: FnMut()>(requests: impl IntoIterator<Item = F>) -> Vec<Duration> {
    let mut times = Vec::new();
    for mut request in requests {
        request();
        for _ in 0..5 {
            let started = Instant::now();
            request();
            times.push(started.elapsed());
        }
    }
    times
}
