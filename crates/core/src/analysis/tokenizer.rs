//! The analysis chain as a tantivy tokenizer.

use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::Analyzer;

/// A tantivy [`Tokenizer`] running the [`Analyzer`] chain. Cloning is cheap: clones share
/// the analyzer.
#[derive(Clone)]
pub struct MeiheTokenizer {
    analyzer: Arc<Analyzer>,
    tokens: Vec<Token>,
}

impl MeiheTokenizer {
    /// Wraps a shared analyzer.
    pub fn new(analyzer: Arc<Analyzer>) -> Self {
        MeiheTokenizer { analyzer, tokens: Vec::new() }
    }
}

/// The tokens of one text, produced eagerly.
pub struct MeiheTokenStream<'a> {
    tokens: &'a mut Vec<Token>,
    index: usize,
}

impl Tokenizer for MeiheTokenizer {
    type TokenStream<'a> = MeiheTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> MeiheTokenStream<'a> {
        self.tokens.clear();
        for token in self.analyzer.tokens(text) {
            self.tokens.push(Token {
                offset_from: token.start,
                offset_to: token.end,
                position: token.position,
                text: token.text,
                position_length: 1,
            });
        }
        MeiheTokenStream { tokens: &mut self.tokens, index: 0 }
    }
}

impl TokenStream for MeiheTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if self.index < self.tokens.len() {
            self.index += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self.index - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.index - 1]
    }
}
