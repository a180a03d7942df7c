//! Runs raw jieba-rs `cut_for_search` and the meihe chain once each over the same text,
//! for instruction counting under valgrind, which unlike wall time does not move with the
//! load of a shared machine:
//!
//! ```sh
//! cargo build --release --example analysis_instructions
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*run_*' \
//!     target/release/examples/analysis_instructions ../shared/corpus/jobs-zhtw-104/104_jobs.csv
//! callgrind_annotate callgrind.out.* | grep run_
//! ```

use std::hint::black_box;
use std::sync::Arc;

use meihe_core::{Analyzer, TOKENIZER_NAME, Taxonomy, register_tokenizers};
use tantivy::tokenizer::{TextAnalyzer, TokenStream, TokenizerManager};

#[inline(never)]
fn run_jieba(jieba: &jieba_rs::Jieba, documents: &[String]) -> usize {
    documents.iter().map(|text| jieba.cut_for_search(black_box(text), true).len()).sum()
}

#[inline(never)]
fn run_chain(tokenizer: &mut TextAnalyzer, documents: &[String]) -> usize {
    let mut count = 0;
    for text in documents {
        tokenizer.token_stream(black_box(text)).process(&mut |_| count += 1);
    }
    count
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: analysis_instructions CORPUS.csv");
    let mut reader = csv::Reader::from_path(&path).expect("corpus opens");
    let column = reader
        .headers()
        .expect("header row")
        .iter()
        .position(|name| name.trim_start_matches('\u{feff}') == "工作內容")
        .expect("工作內容 column");
    let documents: Vec<String> = reader
        .records()
        .map(|record| record.expect("row parses").get(column).unwrap_or_default().to_owned())
        .collect();
    let jieba = jieba_rs::Jieba::new();
    let analyzer =
        Arc::new(Analyzer::new(&Taxonomy::builtin().expect("taxonomy")).expect("analyzer"));
    let manager = TokenizerManager::default();
    register_tokenizers(&manager, analyzer);
    let mut tokenizer = manager.get(TOKENIZER_NAME).expect("registered");
    // Warm both once (lazy tables, thread-local scratch), then the measured runs.
    run_jieba(&jieba, &documents[..10]);
    run_chain(&mut tokenizer, &documents[..10]);
    let jieba_tokens = run_jieba(&jieba, &documents);
    let chain_tokens = run_chain(&mut tokenizer, &documents);
    let bytes: usize = documents.iter().map(String::len).sum();
    println!(
        "{} documents, {bytes} bytes; jieba {jieba_tokens} tokens, chain {chain_tokens} tokens",
        documents.len()
    );
}
