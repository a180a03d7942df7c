//! Throughput of the analysis chain beside raw jieba-rs `cut_for_search`, on the same
//! text: the job descriptions of ../shared/corpus/jobs-zhtw-104 when present, otherwise a
//! built-in mixed-script sample.
//!
//! Run: `cargo bench --bench analysis`.

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use meihe_core::analysis::Scratch;
use meihe_core::{Analyzer, TOKENIZER_NAME, Taxonomy, register_tokenizers};
use tantivy::tokenizer::{TokenStream, TokenizerManager};

const CORPUS: &str = "../shared/corpus/jobs-zhtw-104/104_jobs.csv";
const DESCRIPTION_COLUMN: &str = "工作內容";
const SAMPLE: &str = "負責資訊安全監控與事件應變，熟悉Python與Linux，具iPAS資訊安全工程師中級證照者佳。\
    Build data pipelines with Spark and Kafka; 熟悉機器學習、深度學習演算法與資料庫設計。\
    参与软件项目管理，负责数据分析与可视化，能以英文沟通。";

fn documents() -> (Vec<String>, &'static str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS);
    let Ok(mut reader) = csv::Reader::from_path(&path) else {
        return (vec![SAMPLE.repeat(8); 400], "built-in sample");
    };
    let headers = reader.headers().expect("corpus has a header row").clone();
    let column = headers
        .iter()
        .position(|name| name.trim_start_matches('\u{feff}') == DESCRIPTION_COLUMN)
        .expect("corpus has a description column");
    let documents = reader
        .records()
        .map(|record| record.expect("corpus rows parse").get(column).unwrap_or_default().to_owned())
        .collect();
    (documents, "jobs-zhtw-104 descriptions")
}

fn analysis(criterion: &mut Criterion) {
    let (documents, source) = documents();
    let bytes: usize = documents.iter().map(String::len).sum();
    eprintln!("input: {source}, {} documents, {bytes} bytes", documents.len());

    let jieba = jieba_rs::Jieba::new();
    let analyzer = Arc::new(
        Analyzer::new(&Taxonomy::builtin().expect("taxonomy loads")).expect("analyzer builds"),
    );
    // The chain as tantivy runs it while indexing: the registered tokenizer, buffers reused.
    let manager = TokenizerManager::default();
    register_tokenizers(&manager, analyzer.clone());
    let mut tokenizer = manager.get(TOKENIZER_NAME).expect("tokenizer registered");

    let mut group = criterion.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("jieba_cut_for_search", |bencher| {
        bencher.iter(|| {
            let count: usize = documents
                .iter()
                .map(|text| jieba.cut_for_search(black_box(text), true).len())
                .sum();
            assert!(count > 0);
            count
        })
    });
    // The same jieba call on the text as the chain hands it to jieba (folded to Simplified
    // characters and Mainland words), where its dictionary finds more words.
    let folded: Vec<String> = documents.iter().map(|text| analyzer.fold_str(text)).collect();
    group.bench_function("jieba_cut_for_search_on_folded_text", |bencher| {
        bencher.iter(|| {
            let count: usize =
                folded.iter().map(|text| jieba.cut_for_search(black_box(text), true).len()).sum();
            assert!(count > 0);
            count
        })
    });
    group.bench_function("meihe_chain", |bencher| {
        bencher.iter(|| {
            let mut count = 0usize;
            for text in &documents {
                tokenizer.token_stream(black_box(text)).process(&mut |_| count += 1);
            }
            assert!(count > 0);
            count
        })
    });
    group.bench_function("meihe_fold_only", |bencher| {
        bencher.iter(|| {
            let count: usize =
                documents.iter().map(|text| analyzer.fold(black_box(text)).as_str().len()).sum();
            assert!(count > 0);
            count
        })
    });
    let mut scratch = Scratch::default();
    group.bench_function("meihe_analyze_with_extraction", |bencher| {
        bencher.iter(|| {
            let count: usize = documents
                .iter()
                .map(|text| analyzer.analyze_with(black_box(text), &mut scratch).skills.len())
                .sum();
            assert!(count > 0);
            count
        })
    });
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
