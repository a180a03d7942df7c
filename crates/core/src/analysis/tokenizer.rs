//! The analysis chain as a tantivy tokenizer.

use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::{Analyzer, Scratch, TokenSink};

/// A tantivy [`Tokenizer`] running the [`Analyzer`] chain. Cloning is cheap: clones share
/// the analyzer and keep their own buffers.
pub struct MeiheTokenizer {
    analyzer: Arc<Analyzer>,
    scratch: Scratch,
    tokens: TokenBuffer,
}

impl Clone for MeiheTokenizer {
    fn clone(&self) -> Self {
        MeiheTokenizer::new(self.analyzer.clone())
    }
}

impl MeiheTokenizer {
    /// Wraps a shared analyzer.
    pub fn new(analyzer: Arc<Analyzer>) -> Self {
        MeiheTokenizer { analyzer, scratch: Scratch::default(), tokens: TokenBuffer::default() }
    }
}

/// tantivy tokens whose text buffers are reused from one text to the next.
#[derive(Default)]
struct TokenBuffer {
    tokens: Vec<Token>,
    len: usize,
}

impl TokenSink for TokenBuffer {
    fn push(&mut self, text: &str, start: usize, end: usize, position: usize) {
        if self.len == self.tokens.len() {
            self.tokens.push(Token::default());
        }
        let token = &mut self.tokens[self.len];
        token.text.clear();
        token.text.push_str(text);
        token.offset_from = start;
        token.offset_to = end;
        token.position = position;
        token.position_length = 1;
        self.len += 1;
    }
}

/// The tokens of one text, produced eagerly.
pub struct MeiheTokenStream<'a> {
    tokens: &'a mut [Token],
    index: usize,
}

impl Tokenizer for MeiheTokenizer {
    type TokenStream<'a> = MeiheTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> MeiheTokenStream<'a> {
        self.tokens.len = 0;
        self.analyzer.tokens_into(text, &mut self.scratch, &mut self.tokens);
        let len = self.tokens.len;
        MeiheTokenStream { tokens: &mut self.tokens.tokens[..len], index: 0 }
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
