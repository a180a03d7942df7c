//! Step 3 of the chain: splitting folded text into tokens.
//!
//! Runs of Han characters go to jieba (`cut` with HMM), and every word of three or more
//! characters also yields the dictionary words inside it, as jieba's search mode does
//! (資訊安全工程師 → 信息安全工程师, 信息, 信息安全, 安全, 工程, 工程师, …). Everything else
//! is split at Unicode (UAX #29) word boundaries; English words are stemmed, except
//! taxonomy terms, and terms such as `c++`, `c#`, `.net` or `ci/cd` stay whole.
//!
//! Positions count units of the folded text: one per Han character and one per non-Han
//! word; white space and punctuation count nothing. A sub-word takes the position of its
//! own first character. Because Traditional and Simplified text fold to the same string,
//! a phrase has the same relative positions in either script.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, MatchKind};
use frostem::{Algorithm, Stemmer};
use jieba_rs::Jieba;
use unicode_segmentation::UnicodeSegmentation;

use super::mapped::MappedText;
use crate::{Error, Result};

/// Tokens longer than this many bytes are not words anyone searches for; they are
/// dropped rather than indexed (tantivy itself rejects tokens over 65,530 bytes).
pub const MAX_TOKEN_BYTES: usize = 255;

/// Longest sub-word, in characters, looked up inside a long word.
const MAX_SUBWORD_CHARS: usize = 8;

/// One token of analysed text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AnalyzedToken {
    /// The token's term: folded, lower-case and stemmed.
    pub text: String,
    /// Byte offset in the ORIGINAL text where the token's source starts.
    pub start: usize,
    /// Byte offset in the ORIGINAL text where the token's source ends (exclusive).
    pub end: usize,
    /// Position in units: one per Han character, one per non-Han word (see the module
    /// documentation).
    pub position: usize,
}

/// Splits folded text into tokens.
pub struct Segmenter {
    jieba: Jieba,
    stemmer: Stemmer,
    protected: Option<AhoCorasick>,
    unstemmed: HashSet<String>,
}

impl Segmenter {
    /// Builds the segmenter. `dictionary_words` (folded taxonomy terms) are added to
    /// jieba's dictionary; `latin_terms` (folded, non-Han taxonomy terms) are kept whole
    /// and unstemmed.
    pub fn new<'a>(
        dictionary_words: impl IntoIterator<Item = &'a str>,
        latin_terms: impl IntoIterator<Item = &'a str>,
    ) -> Result<Self> {
        let mut jieba = Jieba::new();
        for word in dictionary_words {
            for run in han_runs(word) {
                if run.chars().count() >= 2 && !jieba.has_word(run) {
                    jieba.add_word(run, None, None);
                }
            }
        }
        let mut protected = HashSet::new();
        let mut unstemmed = HashSet::new();
        for term in latin_terms {
            let is_one_word = term.split_word_bounds().next() == Some(term);
            if is_one_word && term.chars().any(char::is_alphanumeric) {
                unstemmed.insert(term.to_owned());
                continue;
            }
            for piece in term.split_whitespace() {
                let splits = piece.split_word_bounds().next() != Some(piece);
                if splits && piece.chars().any(char::is_alphanumeric) {
                    protected.insert(piece.to_owned());
                }
            }
        }
        let protected = if protected.is_empty() {
            None
        } else {
            let mut patterns: Vec<&String> = protected.iter().collect();
            patterns.sort();
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(patterns)
                    .map_err(|error| {
                        Error::Analyzer(format!("cannot build term matcher: {error}"))
                    })?,
            )
        };
        Ok(Segmenter { jieba, stemmer: Stemmer::new(Algorithm::English), protected, unstemmed })
    }

    /// True when jieba's dictionary holds `word` (folded form).
    pub fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// Appends the tokens of `folded` to `out`. With `boundaries`, also marks (sized to
    /// `folded.len() + 1`) every byte offset of the folded text where a token starts or
    /// ends, so that extraction can respect word boundaries.
    pub fn segment_into(
        &self,
        folded: &MappedText,
        out: &mut Vec<AnalyzedToken>,
        boundaries: Option<&mut Vec<bool>>,
    ) {
        let text = folded.as_str();
        let mut boundaries = boundaries;
        if let Some(marks) = boundaries.as_deref_mut() {
            marks.clear();
            marks.resize(text.len() + 1, false);
        }
        let sink = &mut Sink { out, boundaries };
        let mut units = 0usize;
        let mut run_start = 0usize;
        let mut run_is_han = None;
        for (index, character) in text.char_indices() {
            let is_han = is_han(character);
            match run_is_han {
                Some(previous) if previous == is_han => {}
                Some(previous) => {
                    units = self.segment_run(folded, run_start..index, previous, units, sink);
                    run_start = index;
                    run_is_han = Some(is_han);
                }
                None => run_is_han = Some(is_han),
            }
        }
        if let Some(is_han) = run_is_han {
            self.segment_run(folded, run_start..text.len(), is_han, units, sink);
        }
    }

    fn segment_run(
        &self,
        folded: &MappedText,
        range: std::ops::Range<usize>,
        is_han: bool,
        units: usize,
        sink: &mut Sink<'_>,
    ) -> usize {
        if is_han {
            self.segment_han(folded, range, units, sink)
        } else {
            self.segment_other(folded, range, units, sink)
        }
    }

    fn segment_han(
        &self,
        folded: &MappedText,
        range: std::ops::Range<usize>,
        units: usize,
        sink: &mut Sink<'_>,
    ) -> usize {
        let base = range.start;
        let run = &folded.as_str()[range];
        let mut run_chars = 0;
        for word in self.jieba.cut(run, true) {
            let position = units + word.start;
            let word_chars = word.end - word.start;
            run_chars = word.end;
            push_token(folded, word.word, base + word.byte_start, position, sink);
            if word_chars < 3 {
                continue;
            }
            let boundaries: Vec<usize> = word
                .word
                .char_indices()
                .map(|(offset, _)| offset)
                .chain(std::iter::once(word.word.len()))
                .collect();
            for first in 0..word_chars - 1 {
                let longest = (word_chars - first).min(MAX_SUBWORD_CHARS);
                for length in 2..=longest {
                    if first == 0 && length == word_chars {
                        continue;
                    }
                    let sub = &word.word[boundaries[first]..boundaries[first + length]];
                    if self.jieba.has_word(sub) {
                        let start = base + word.byte_start + boundaries[first];
                        push_token(folded, sub, start, position + first, sink);
                    }
                }
            }
        }
        units + run_chars
    }

    fn segment_other(
        &self,
        folded: &MappedText,
        range: std::ops::Range<usize>,
        mut units: usize,
        sink: &mut Sink<'_>,
    ) -> usize {
        let text = folded.as_str();
        let mut cursor = range.start;
        if let Some(protected) = &self.protected {
            for found in protected.find_iter(&text[range.clone()]) {
                let start = range.start + found.start();
                let end = range.start + found.end();
                let alnum_before = text[..start].chars().next_back().is_some_and(is_word_character);
                let alnum_after = text[end..].chars().next().is_some_and(is_word_character);
                if alnum_before || alnum_after {
                    continue;
                }
                units = self.segment_words(folded, cursor..start, units, sink);
                push_token(folded, &text[start..end], start, units, sink);
                units += 1;
                cursor = end;
            }
        }
        self.segment_words(folded, cursor..range.end, units, sink)
    }

    fn segment_words(
        &self,
        folded: &MappedText,
        range: std::ops::Range<usize>,
        mut units: usize,
        sink: &mut Sink<'_>,
    ) -> usize {
        let text = folded.as_str();
        for (offset, word) in text[range.clone()].split_word_bound_indices() {
            if !word.chars().any(char::is_alphanumeric) {
                continue;
            }
            let start = range.start + offset;
            let stemmable = word.bytes().all(|byte| byte.is_ascii_alphabetic() || byte == b'\'')
                && !self.unstemmed.contains(word);
            if stemmable {
                let stem = self.stemmer.stem(word);
                push_token_text(folded, stem.as_ref(), start, start + word.len(), units, sink);
            } else {
                push_token(folded, word, start, units, sink);
            }
            units += 1;
        }
        units
    }
}

/// Where tokens go, and the optional boundary marks.
struct Sink<'a> {
    out: &'a mut Vec<AnalyzedToken>,
    boundaries: Option<&'a mut Vec<bool>>,
}

fn push_token(folded: &MappedText, word: &str, start: usize, position: usize, sink: &mut Sink<'_>) {
    push_token_text(folded, word, start, start + word.len(), position, sink);
}

fn push_token_text(
    folded: &MappedText,
    text: &str,
    start: usize,
    end: usize,
    position: usize,
    sink: &mut Sink<'_>,
) {
    if let Some(marks) = sink.boundaries.as_deref_mut() {
        marks[start] = true;
        marks[end] = true;
    }
    if text.is_empty() || text.len() > MAX_TOKEN_BYTES {
        return;
    }
    let (original_start, original_end) = folded.original_range(start, end);
    sink.out.push(AnalyzedToken {
        text: text.to_owned(),
        start: original_start,
        end: original_end,
        position,
    });
}

/// True for letters and digits that continue a non-Han word.
fn is_word_character(character: char) -> bool {
    character.is_alphanumeric() && !is_han(character)
}

/// True for Han ideographs: the CJK Unified Ideographs blocks and extensions, the
/// compatibility ideographs, and 〇.
pub fn is_han(character: char) -> bool {
    matches!(character,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{3007}'
        | '\u{20000}'..='\u{323AF}')
}

/// The maximal runs of Han characters in `text`.
pub fn han_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|character: char| !is_han(character)).filter(|run| !run.is_empty())
}
