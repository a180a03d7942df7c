//! Relevance check on real 104 postings: precision@10 of meihe beside a plain baseline
//! (tantivy's default tokenizer and QueryParser) on the same data.
//!
//! Data: `../shared/corpus/jobs-zhtw-104/104_jobs.csv` (or the file in
//! `MEIHE_RELEVANCE_CSV`), read in place. Title, description, skills and tools are
//! indexed; the employer-assigned category column (職務類別) is never indexed: it is
//! the relevance judgement.
//!
//! Two query sets:
//! - category: the name of each category with at least 5 postings; relevant = postings
//!   in that category;
//! - title: each posting's title; relevant = other postings that share a category other
//!   than 數據分析師 (which 308 of the 401 postings carry, so sharing it says little).
//!
//! Run: `cargo bench -p meihe-query --bench relevance`.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use meihe_core::model::parse_job;
use meihe_core::schema::{Kind, KindSchema};
use meihe_core::{Analyzer, Taxonomy};
use meihe_indexer::{DocumentBuilder, IndexStore};
use meihe_query::{Engine, SearchRequest, Viewer};
use serde_json::json;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{STORED, STRING, Schema, TEXT, Value};
use tantivy::{Index, TantivyDocument, doc};

const BROAD_CATEGORY: &str = "數據分析師";
const K: usize = 10;

struct Posting {
    id: String,
    title: String,
    company: String,
    description: String,
    skills: Vec<String>,
    categories: HashSet<String>,
}

fn main() {
    let path = std::env::var_os("MEIHE_RELEVANCE_CSV").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/corpus/jobs-zhtw-104/104_jobs.csv")
    });
    if !path.exists() {
        eprintln!("no corpus at {}: set MEIHE_RELEVANCE_CSV", path.display());
        return;
    }
    let postings = read(&path);
    let directory = tempfile::tempdir().expect("temporary directory");
    let meihe = MeiheIndex::build(&postings, directory.path());
    let baseline = Baseline::build(&postings);

    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for posting in &postings {
        for category in &posting.categories {
            *counts.entry(category.as_str()).or_default() += 1;
        }
    }
    let categories: Vec<&str> =
        counts.iter().filter(|(_, count)| **count >= 5).map(|(name, _)| *name).collect();

    let mut rows = Vec::new();
    // Category names as queries.
    let mut meihe_sum = 0.0;
    let mut baseline_sum = 0.0;
    let mut narrow = (0.0, 0.0, 0);
    for category in &categories {
        let query = category.replace('／', " ");
        let relevant = |id: &str| {
            postings
                .iter()
                .any(|posting| posting.id == id && posting.categories.contains(*category))
        };
        let m = precision(&meihe.search(&query), &relevant);
        let b = precision(&baseline.search(&query), &relevant);
        meihe_sum += m;
        baseline_sum += b;
        if *category != BROAD_CATEGORY {
            narrow.0 += m;
            narrow.1 += b;
            narrow.2 += 1;
        }
    }
    let n = categories.len() as f64;
    rows.push((
        format!("category names ({} queries)", categories.len()),
        meihe_sum / n,
        baseline_sum / n,
    ));
    rows.push((
        format!("category names except {BROAD_CATEGORY} ({} queries)", narrow.2),
        narrow.0 / narrow.2 as f64,
        narrow.1 / narrow.2 as f64,
    ));

    // Titles as queries.
    let (mut m_sum, mut b_sum, mut queries) = (0.0, 0.0, 0);
    let mut seen = HashSet::new();
    for posting in &postings {
        let shared: HashSet<&String> =
            posting.categories.iter().filter(|c| *c != BROAD_CATEGORY).collect();
        if shared.is_empty() || !seen.insert(posting.title.clone()) {
            continue;
        }
        let relevant = |id: &str| {
            postings
                .iter()
                .any(|other| other.id == id && other.categories.iter().any(|c| shared.contains(c)))
        };
        let others = |hits: Vec<String>| -> Vec<String> {
            hits.into_iter().filter(|id| *id != posting.id).collect()
        };
        m_sum += precision(&others(meihe.search(&posting.title)), &relevant);
        b_sum += precision(&others(baseline.search(&posting.title)), &relevant);
        queries += 1;
    }
    rows.push((
        format!(
            "posting titles, sharing a category other than {BROAD_CATEGORY} ({queries} queries)"
        ),
        m_sum / f64::from(queries),
        b_sum / f64::from(queries),
    ));

    println!("\n{} postings from {}", postings.len(), path.display());
    println!("\n| query set | meihe P@10 | baseline P@10 |");
    println!("|---|---|---|");
    for (name, m, b) in rows {
        println!("| {name} | {m:.3} | {b:.3} |");
    }
}

/// Precision at K: relevant hits in the first K, over K.
fn precision(hits: &[String], relevant: &dyn Fn(&str) -> bool) -> f64 {
    hits.iter().take(K).filter(|id| relevant(id)).count() as f64 / K as f64
}

fn read(path: &PathBuf) -> Vec<Posting> {
    let mut reader = csv::Reader::from_path(path).expect("readable CSV");
    let headers = reader.headers().expect("a header row").clone();
    let column = |name: &str| headers.iter().position(|h| h.trim_start_matches('\u{feff}') == name);
    let title = column("職缺名稱").expect("職缺名稱");
    let company = column("公司名稱").expect("公司名稱");
    let description = column("工作內容").expect("工作內容");
    let skills = column("工作技能").expect("工作技能");
    let tools = column("擅長工具").expect("擅長工具");
    let categories = column("職務類別").expect("職務類別");
    let list = |text: &str| -> Vec<String> {
        text.split(';')
            .map(str::trim)
            .filter(|item| !item.is_empty() && *item != "未提供")
            .map(str::to_owned)
            .collect()
    };
    reader
        .records()
        .enumerate()
        .map(|(index, record)| {
            let record = record.expect("a CSV record");
            let mut all = list(&record[skills]);
            all.extend(list(&record[tools]));
            Posting {
                id: format!("p{index:03}"),
                title: record[title].to_owned(),
                company: record[company].to_owned(),
                description: record[description].to_owned(),
                skills: all,
                categories: list(&record[categories]).into_iter().collect(),
            }
        })
        .collect()
}

struct MeiheIndex {
    engine: Engine,
}

impl MeiheIndex {
    fn build(postings: &[Posting], path: &std::path::Path) -> Self {
        let taxonomy = Arc::new(Taxonomy::builtin().expect("taxonomy"));
        let analyzer = Arc::new(Analyzer::new(&taxonomy).expect("analyzer"));
        let store = IndexStore::open_or_create(path, analyzer.clone()).expect("index");
        let mut builder =
            DocumentBuilder::new(analyzer.clone(), taxonomy.clone(), KindSchema::new(Kind::Jobs));
        let mut writer = store.writer(Kind::Jobs).expect("writer");
        for posting in postings {
            let skills: Vec<_> = posting
                .skills
                .iter()
                .map(|name| json!({"name": name, "required": false}))
                .collect();
            let value = json!({
                "id": posting.id,
                "title": posting.title,
                "employer": {"name": posting.company},
                "description": posting.description,
                "skills": skills,
            });
            let job = parse_job(&value.to_string()).expect("a valid posting");
            let (document, _) = builder.job(&job);
            writer.upsert(&job.id, document).expect("upsert");
        }
        writer.finish().expect("commit");
        let engine = Engine::new(store, taxonomy, analyzer).expect("engine");
        engine.reload().expect("reload");
        MeiheIndex { engine }
    }

    fn search(&self, query: &str) -> Vec<String> {
        let request =
            SearchRequest { q: query.to_owned(), size: Some(K + 1), ..Default::default() };
        let response = self.engine.search(Kind::Jobs, &request, &Viewer::admin()).expect("search");
        response.hits.into_iter().map(|hit| hit.id).collect()
    }
}

/// tantivy out of the box: default tokenizer, QueryParser over the same fields with the
/// same boosts.
struct Baseline {
    index: Index,
    parser: QueryParser,
    id: tantivy::schema::Field,
}

impl Baseline {
    fn build(postings: &[Posting]) -> Self {
        let mut builder = Schema::builder();
        let id = builder.add_text_field("id", STRING | STORED);
        let title = builder.add_text_field("title", TEXT);
        let body = builder.add_text_field("body", TEXT);
        let skills = builder.add_text_field("skills", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer(50_000_000).expect("writer");
        for posting in postings {
            writer
                .add_document(doc!(
                    id => posting.id.as_str(),
                    title => posting.title.as_str(),
                    body => posting.description.as_str(),
                    skills => posting.skills.join(" "),
                ))
                .expect("add");
        }
        writer.commit().expect("commit");
        let mut parser = QueryParser::for_index(&index, vec![title, body, skills]);
        parser.set_field_boost(title, meihe_query::query::TITLE_BOOST);
        parser.set_field_boost(skills, meihe_query::query::SKILLS_BOOST);
        Baseline { index, parser, id }
    }

    fn search(&self, query: &str) -> Vec<String> {
        let (query, _) = self.parser.parse_query_lenient(query);
        let searcher = self.index.reader().expect("reader").searcher();
        let hits =
            searcher.search(&query, &TopDocs::with_limit(K + 1).order_by_score()).expect("search");
        hits.into_iter()
            .map(|(_, address)| {
                let document: TantivyDocument = searcher.doc(address).expect("doc");
                document.get_first(self.id).and_then(|v| v.as_str()).unwrap_or("").to_owned()
            })
            .collect()
    }
}
