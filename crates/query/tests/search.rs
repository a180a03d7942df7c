//! Retrieval over the fixtures, through a real on-disk index.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use meihe_core::schema::{Kind, KindSchema};
use meihe_core::{Analyzer, Level, Taxonomy};
use meihe_indexer::{DocumentBuilder, IndexStore, import_jsonl};
use meihe_query::{CertificationFilter, Filters, build_query};
use tantivy::TantivyDocument;
use tantivy::collector::TopDocs;
use tantivy::schema::Value;

struct Fixture {
    _directory: tempfile::TempDir,
    store: IndexStore,
    analyzer: Arc<Analyzer>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let taxonomy = Arc::new(Taxonomy::builtin().unwrap());
        let analyzer = Arc::new(Analyzer::new(&taxonomy).unwrap());
        let directory = tempfile::tempdir().unwrap();
        let store = IndexStore::open_or_create(directory.path(), analyzer.clone()).unwrap();
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
        for (kind, file) in [(Kind::Jobs, "jobs.jsonl"), (Kind::Resumes, "resumes.jsonl")] {
            let mut builder =
                DocumentBuilder::new(analyzer.clone(), taxonomy.clone(), KindSchema::new(kind));
            let summary =
                import_jsonl(&store, &mut builder, kind, &[root.join(file)], |_| {}).unwrap();
            assert!(summary.rejected.is_empty(), "{:?}", summary.rejected);
        }
        Fixture { _directory: directory, store, analyzer }
    })
}

/// Ids of the hits, best first, with the stored source of each.
fn search(kind: Kind, text: &str, filters: &Filters) -> Vec<(String, serde_json::Value)> {
    let fixture = fixture();
    let query = build_query(&fixture.analyzer, kind, text, filters);
    let searcher = fixture.store.kind_index(kind).reader().unwrap().searcher();
    let fields = KindSchema::new(kind);
    searcher
        .search(&query, &TopDocs::with_limit(1000).order_by_score())
        .unwrap()
        .into_iter()
        .map(|(_, address)| {
            let document: TantivyDocument = searcher.doc(address).unwrap();
            let source = document
                .get_first(fields.source)
                .and_then(|value| value.as_str())
                .unwrap()
                .to_owned();
            let source: serde_json::Value = serde_json::from_str(&source).unwrap();
            (source["id"].as_str().unwrap().to_owned(), source)
        })
        .collect()
}

fn ids(hits: &[(String, serde_json::Value)], top: usize) -> Vec<&str> {
    hits.iter().take(top).map(|(id, _)| id.as_str()).collect()
}

#[test]
fn simplified_and_english_queries_find_traditional_security_postings() {
    let security = ["job-0001", "job-0041", "job-0055"];
    for query in ["资讯安全工程师", "資安工程師", "information security engineer"] {
        let hits = search(Kind::Jobs, query, &Filters::default());
        let top = ids(&hits, 5);
        let found = security.iter().filter(|id| top.contains(id)).count();
        assert!(found >= 2, "{query}: top 5 {top:?}");
    }
}

#[test]
fn a_certification_filter_admits_higher_levels_and_excludes_lower_ones() {
    let filters = Filters {
        certifications: vec![CertificationFilter {
            id: "ipas-infosec".into(),
            min_level: Some(Level::Intermediate),
        }],
        ..Filters::default()
    };
    let hits = search(Kind::Resumes, "", &filters);
    assert!(!hits.is_empty());
    for (id, source) in &hits {
        let structured = source["certifications"].as_array().into_iter().flatten().any(|cert| {
            cert["id"] == "ipas-infosec"
                && matches!(cert["level"].as_str(), Some("intermediate" | "advanced"))
        });
        let text = source.to_string();
        assert!(
            structured || text.contains("中級") || text.contains("Intermediate"),
            "{id} does not hold the level"
        );
    }
    let beginners = Filters {
        certifications: vec![CertificationFilter {
            id: "ipas-infosec".into(),
            min_level: Some(Level::Beginner),
        }],
        ..Filters::default()
    };
    assert!(
        search(Kind::Resumes, "", &beginners).len() > hits.len(),
        "beginner holders are excluded at intermediate"
    );
}

#[test]
fn hidden_resumes_never_appear() {
    let all = search(Kind::Resumes, "", &Filters::default());
    assert_eq!(all.len(), 320 - 32, "every résumé but the 32 hidden ones");
    assert!(all.iter().all(|(_, source)| source["visibility"] != "hidden"));
    let text = search(Kind::Resumes, "工程師 engineer", &Filters::default());
    assert!(text.iter().all(|(_, source)| source["visibility"] != "hidden"));
}

#[test]
fn a_quoted_phrase_matches_across_scripts() {
    // job-0006 says 「充電樁控制板韌體」 in Traditional characters.
    let hits = search(Kind::Jobs, "\"充电桩控制板韧体\"", &Filters::default());
    assert_eq!(ids(&hits, 10), ["job-0006"]);
    let reversed = search(Kind::Jobs, "\"韧体控制板充电桩\"", &Filters::default());
    assert!(!ids(&reversed, 10).contains(&"job-0006"), "word order matters in a phrase");
}

#[test]
fn filters_restrict_without_scoring() {
    let unfiltered = search(Kind::Jobs, "工程師", &Filters::default());
    let filters = Filters { occupations: vec!["25".into()], ..Filters::default() };
    let filtered = search(Kind::Jobs, "工程師", &filters);
    // Every posting coded in sub-major group 25 is found through its 4-digit code.
    let coded: Vec<&str> = unfiltered
        .iter()
        .filter(|(_, source)| {
            source["occupation"].as_str().is_some_and(|code| code.starts_with("25"))
        })
        .map(|(id, _)| id.as_str())
        .collect();
    assert!(!coded.is_empty());
    assert!(coded.iter().all(|id| ids(&filtered, 1000).contains(id)), "{coded:?}");
    // A filter only removes hits: the survivors keep their relative order.
    let order: Vec<&str> =
        ids(&unfiltered, 1000).into_iter().filter(|id| ids(&filtered, 1000).contains(id)).collect();
    assert_eq!(order, ids(&filtered, 1000));
    let salary = Filters { salary_min: Some(100_000), ..Filters::default() };
    let well_paid = search(Kind::Jobs, "", &salary);
    assert!(!well_paid.is_empty());
    for (id, source) in well_paid {
        let reaches =
            source["salary"]["max"].as_i64().or(source["salary"]["min"].as_i64()).unwrap_or(0);
        let monthly = match source["salary"]["period"].as_str() {
            Some("year") => reaches / 12,
            Some("hour") => reaches * 176,
            _ => reaches,
        };
        assert!(monthly >= 100_000, "{id} pays {monthly} a month");
    }
}
