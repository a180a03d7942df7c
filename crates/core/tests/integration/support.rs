use std::sync::OnceLock;

use meihe_core::{AnalyzedToken, Analyzer, Taxonomy};

/// The analyzer over the built-in taxonomy, built once per test binary.
pub fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| Analyzer::new(&taxonomy()).expect("analyzer builds"))
}

/// The built-in taxonomy.
pub fn taxonomy() -> Taxonomy {
    Taxonomy::builtin().expect("built-in taxonomy loads")
}

/// (term, position) pairs: what matching and phrase queries see.
pub fn terms(text: &str) -> Vec<(String, usize)> {
    analyzer().tokens(text).into_iter().map(|token| (token.text, token.position)).collect()
}

/// Just the terms.
pub fn term_texts(text: &str) -> Vec<String> {
    analyzer().tokens(text).into_iter().map(|token| token.text).collect()
}

/// Asserts one token's text, original byte offsets and position.
pub fn assert_token(token: &AnalyzedToken, text: &str, start: usize, end: usize, position: usize) {
    assert_eq!(
        (token.text.as_str(), token.start, token.end, token.position),
        (text, start, end, position),
        "token {token:?}"
    );
}

/// Asserts the invariants every token stream keeps: offsets on char boundaries of the
/// original, non-empty, in order; positions in order.
pub fn assert_well_formed(original: &str, tokens: &[AnalyzedToken]) {
    let mut previous_start = 0;
    let mut previous_position = 0;
    for token in tokens {
        assert!(token.start < token.end, "empty span {token:?}");
        assert!(token.end <= original.len(), "span past the end {token:?}");
        assert!(
            original.is_char_boundary(token.start) && original.is_char_boundary(token.end),
            "{token:?}"
        );
        assert!(token.start >= previous_start, "starts out of order at {token:?}");
        assert!(token.position >= previous_position, "positions out of order at {token:?}");
        assert!(!token.text.is_empty());
        previous_start = token.start;
        previous_position = token.position;
    }
}
