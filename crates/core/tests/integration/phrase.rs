use std::sync::Arc;

use meihe_core::{Analyzer, TOKENIZER_NAME, Taxonomy, register_tokenizers};
use tantivy::collector::TopDocs;
use tantivy::query::{PhraseQuery, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions, Value};
use tantivy::{Index, IndexWriter, TantivyDocument, Term, doc};

/// A phrase query built from analysed query tokens, each term at its own position
/// relative to the first: the way the query side uses the chain's positions.
fn phrase_query(analyzer: &Analyzer, field: tantivy::schema::Field, text: &str) -> Box<dyn Query> {
    let tokens = analyzer.tokens(text);
    // Main words only: the first token at each position.
    let mut terms: Vec<(usize, Term)> = Vec::new();
    for token in &tokens {
        if terms
            .last()
            .is_some_and(|(position, _)| *position == token.position - tokens[0].position)
        {
            continue;
        }
        terms
            .push((token.position - tokens[0].position, Term::from_field_text(field, &token.text)));
    }
    if terms.len() == 1 {
        let (_, term) = terms.pop().expect("one term");
        return Box::new(TermQuery::new(term, IndexRecordOption::WithFreqsAndPositions));
    }
    Box::new(PhraseQuery::new_with_offset(terms))
}

#[test]
fn phrase_queries_match_across_scripts_and_keep_original_offsets() {
    let analyzer = Arc::new(Analyzer::new(&Taxonomy::builtin().unwrap()).unwrap());
    let mut builder = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(TOKENIZER_NAME)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let body = builder
        .add_text_field("body", TextOptions::default().set_indexing_options(indexing) | STORED);
    let index = Index::create_in_ram(builder.build());
    register_tokenizers(index.tokenizers(), analyzer.clone());

    let mut writer: IndexWriter = index.writer(15_000_000).unwrap();
    writer
        .add_document(doc!(body => "徵求軟體工程師，熟悉Python與Linux，負責演算法開發與資料庫維護"))
        .unwrap();
    writer.add_document(doc!(body => "Linux與Python的教學，軟體與工程師")).unwrap();
    writer.commit().unwrap();
    let searcher = index.reader().unwrap().searcher();

    let hits = |query: &str| -> Vec<String> {
        let query = phrase_query(&analyzer, body, query);
        searcher
            .search(&query, &TopDocs::with_limit(10).order_by_score())
            .unwrap()
            .into_iter()
            .map(|(_, address)| {
                let document: TantivyDocument = searcher.doc(address).unwrap();
                document
                    .get_first(body)
                    .and_then(|value| value.as_str())
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect()
    };
    // Simplified and Traditional phrases find the Traditional posting; word order matters.
    assert_eq!(hits("软件工程师").len(), 1);
    assert_eq!(hits("熟悉Python与Linux").len(), 1);
    assert_eq!(hits("熟悉Python與Linux").len(), 1);
    assert_eq!(hits("负责算法开发").len(), 1);
    assert_eq!(hits("負責演算法開發").len(), 1);
    assert!(hits("Python与Linux").iter().all(|text| text.starts_with("徵求")));
    assert!(hits("负责数据库开发").is_empty(), "a phrase in another order does not match");

    // Highlight offsets point into the original Traditional text.
    let tokens = analyzer.tokens("負責演算法開發");
    let algorithm = tokens.iter().find(|token| token.text == "算法").unwrap();
    assert_eq!(&"負責演算法開發"[algorithm.start..algorithm.end], "演算法");
}
