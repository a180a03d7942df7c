//! Throughput of Traditional→Simplified conversion: three crates.io converters beside
//! meihe's own fold, on the job descriptions (`工作內容`) of the jobs-zhtw-104 corpus.
//!
//! Run: `cargo bench --manifest-path benches/converters/Cargo.toml`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use meihe_core::{Analyzer, Taxonomy};
use zhconv::{Variant, get_builtin_converter};

const CORPUS: &str = "../../../shared/corpus/jobs-zhtw-104/104_jobs.csv";
const DESCRIPTION_COLUMN: &str = "工作內容";

fn documents() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS);
    let mut reader = csv::Reader::from_path(&path)
        .unwrap_or_else(|error| panic!("cannot open {}: {error}", path.display()));
    let headers = reader.headers().expect("corpus has a header row").clone();
    let column = headers
        .iter()
        .position(|name| name.trim_start_matches('\u{feff}') == DESCRIPTION_COLUMN)
        .expect("corpus has a 工作內容 column");
    reader
        .records()
        .map(|record| record.expect("corpus rows parse").get(column).unwrap_or_default().to_owned())
        .collect()
}

/// Times `convert` over every document, asserting it produced output.
fn run(documents: &[String], convert: impl Fn(&str) -> String) -> usize {
    let total: usize = documents.iter().map(|text| convert(black_box(text)).len()).sum();
    assert!(total > 0);
    total
}

fn converters(criterion: &mut Criterion) {
    let documents = documents();
    let bytes: usize = documents.iter().map(String::len).sum();
    eprintln!(
        "input: jobs-zhtw-104 {DESCRIPTION_COLUMN}, {} documents, {bytes} bytes",
        documents.len()
    );

    // Every converter is built (and warmed: zhconv loads its automaton lazily) outside the
    // timed loops.
    let opencc = OpenCC::from_config(BuiltinConfig::Tw2sp).expect("tw2sp config loads");
    let zhconv = get_builtin_converter(Variant::ZhCN);
    let analyzer =
        Analyzer::new(&Taxonomy::builtin().expect("taxonomy loads")).expect("analyzer builds");
    for document in documents.iter().take(1) {
        black_box((
            opencc.convert(document),
            zhconv.convert(document),
            analyzer.fold_str(document),
        ));
    }

    let mut group = criterion.benchmark_group("converters");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("ferrous_opencc_tw2sp", |bencher| {
        bencher.iter(|| run(&documents, |text| opencc.convert(text)))
    });
    group.bench_function("fast2s_t2s", |bencher| bencher.iter(|| run(&documents, fast2s::convert)));
    group.bench_function("zhconv_zh_cn", |bencher| {
        bencher.iter(|| run(&documents, |text| zhconv.convert(text)))
    });
    group.bench_function("meihe_fold", |bencher| {
        bencher.iter(|| run(&documents, |text| analyzer.fold_str(text)))
    });
    group.finish();
}

criterion_group!(benches, converters);
criterion_main!(benches);
