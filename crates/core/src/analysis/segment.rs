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
    unstemmed: foldhash::HashSet<String>,
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
        let mut unstemmed = foldhash::HashSet::default();
        for term in latin_terms {
            let is_one_word = term.split_word_bounds().next() == Some(term);
            if is_one_word && term.chars().any(char::is_alphanumeric) {
                unstemmed.insert(term.to_owned());
                continue;
            }
            for piece in term.split_whitespace() {
                if is_symbolic_term(piece) {
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

    /// Sends the tokens of `folded` to `out`. With `boundaries`, also marks (sized to
    /// `folded.len() + 1`) every byte offset of the folded text where a token starts or
    /// ends, so that extraction can respect word boundaries.
    pub fn segment_into(
        &self,
        folded: &MappedText,
        out: &mut dyn TokenSink,
        boundaries: Option<&mut Vec<bool>>,
        stems: &mut StemCache,
    ) {
        let text = folded.as_str();
        let mut boundaries = boundaries;
        if let Some(marks) = boundaries.as_deref_mut() {
            marks.clear();
            marks.resize(text.len() + 1, false);
        }
        let sink = &mut Sink { out, boundaries, stems };
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
            for (first, (first_offset, _)) in word.word.char_indices().enumerate() {
                if first + 1 >= word_chars {
                    break;
                }
                let rest = &word.word[first_offset..];
                for (length, (end_offset, last)) in
                    rest.char_indices().enumerate().map(|(index, item)| (index + 1, item))
                {
                    if length > MAX_SUBWORD_CHARS {
                        break;
                    }
                    if length < 2 || (first == 0 && length == word_chars) {
                        continue;
                    }
                    let sub = &rest[..end_offset + last.len_utf8()];
                    if self.jieba.has_word(sub) {
                        let start = base + word.byte_start + first_offset;
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
        let run = &text[range.clone()];
        if !run.chars().any(char::is_alphanumeric) {
            return units;
        }
        let mut cursor = range.start;
        let may_hold_protected = may_hold_symbolic_term(run);
        if let Some(protected) = self.protected.as_ref().filter(|_| may_hold_protected) {
            for found in protected.find_iter(run) {
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
        let piece = &text[range.clone()];
        // CJK punctuation always separates words, so cutting there first lets the ASCII
        // fast path take most of what remains.
        for (piece_start, part) in split_at_separators(piece) {
            let part_start = range.start + piece_start;
            if part.is_ascii() {
                for (offset, word) in ascii_words(part) {
                    units = self.push_word(folded, word, part_start + offset, units, sink);
                }
            } else {
                for (offset, word) in part.split_word_bound_indices() {
                    units = self.push_word(folded, word, part_start + offset, units, sink);
                }
            }
        }
        units
    }

    /// Emits one non-Han word starting at byte `start` of the folded text, stemmed when it
    /// is an English word that no taxonomy term keeps whole; returns the next unit.
    fn push_word(
        &self,
        folded: &MappedText,
        word: &str,
        start: usize,
        units: usize,
        sink: &mut Sink<'_>,
    ) -> usize {
        if !word.chars().any(char::is_alphanumeric) {
            return units;
        }
        let stemmable = word.bytes().all(|byte| byte.is_ascii_alphabetic() || byte == b'\'');
        if !stemmable {
            push_token(folded, word, start, units, sink);
            return units + 1;
        }
        let end = start + word.len();
        if let Some(marks) = sink.boundaries.as_deref_mut() {
            marks[start] = true;
            marks[end] = true;
        }
        let stem = sink.stems.stem(&self.stemmer, word, |word| self.unstemmed.contains(word));
        if stem.len() <= MAX_TOKEN_BYTES {
            let (start_original, end_original) = folded.original_range(start, end);
            sink.out.push(stem, start_original, end_original, units);
        }
        units + 1
    }
}

/// Receives the segmenter's tokens, so that callers can reuse their buffers.
pub trait TokenSink {
    /// Receives one token: its term, its byte range in the original text and its position.
    fn push(&mut self, text: &str, start: usize, end: usize, position: usize);
}

impl TokenSink for Vec<AnalyzedToken> {
    fn push(&mut self, text: &str, start: usize, end: usize, position: usize) {
        self.push(AnalyzedToken { text: text.to_owned(), start, end, position });
    }
}

/// Where tokens go, the optional boundary marks, and the stem cache.
struct Sink<'a> {
    out: &'a mut dyn TokenSink,
    boundaries: Option<&'a mut Vec<bool>>,
    stems: &'a mut StemCache,
}

/// Stems already computed: English words repeat, and Snowball is costly next to a
/// look-up. Bounded: it starts afresh when full.
#[derive(Debug, Default)]
pub struct StemCache {
    stems: foldhash::HashMap<String, String>,
}

impl StemCache {
    const LIMIT: usize = 50_000;

    /// The stem of `word`, or `word` itself when `keep` says so.
    fn stem<'a>(
        &'a mut self,
        stemmer: &Stemmer,
        word: &str,
        keep: impl Fn(&str) -> bool,
    ) -> &'a str {
        if !self.stems.contains_key(word) {
            if self.stems.len() >= Self::LIMIT {
                self.stems.clear();
            }
            let stem = if keep(word) { word.to_owned() } else { stemmer.stem(word).into_owned() };
            self.stems.insert(word.to_owned(), stem);
        }
        &self.stems[word]
    }
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
    sink.out.push(text, original_start, original_end, position);
}

/// Symbols that make a term split at UAX #29 boundaries worth keeping whole.
const TERM_SYMBOLS: [char; 4] = ['+', '#', '&', '/'];

/// True for terms such as `c++`, `c#`, `.net`, `ci/cd`, `r&d`: letters and digits with
/// symbols that word boundaries would split off. Hyphenated words (`full-stack`) are not:
/// their parts are searched for on their own.
fn is_symbolic_term(piece: &str) -> bool {
    let allowed = piece.chars().all(|character| {
        character.is_ascii_alphanumeric() || TERM_SYMBOLS.contains(&character) || character == '.'
    });
    let symbolic = piece.contains(TERM_SYMBOLS) || piece.starts_with('.');
    allowed && symbolic && piece.chars().any(|character| character.is_ascii_alphanumeric())
}

/// Cheap test before running the term matcher: a run can hold a symbolic term only if
/// it has one of the symbols, or a `.` that starts a word.
fn may_hold_symbolic_term(run: &str) -> bool {
    if run.contains(TERM_SYMBOLS) {
        return true;
    }
    let bytes = run.as_bytes();
    bytes.iter().enumerate().any(|(index, &byte)| {
        byte == b'.'
            && bytes.get(index + 1).is_some_and(u8::is_ascii_alphabetic)
            && (index == 0 || !bytes[index - 1].is_ascii_alphanumeric())
    })
}

/// UAX #29 word boundaries for ASCII text, without table look-ups: letters, digits and
/// `_` join; `:`, `.` and `'` join letters on both sides; `,`, `;`, `.` and `'` join
/// digits on both sides. Yields every word-like segment (others are skipped by callers
/// anyway). A property test checks it against unicode-segmentation.
pub fn ascii_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut index = 0;
    std::iter::from_fn(move || {
        while index < bytes.len() && !is_ascii_word_byte(bytes[index]) {
            index += 1;
        }
        if index >= bytes.len() {
            return None;
        }
        let start = index;
        loop {
            while index < bytes.len() && is_ascii_word_byte(bytes[index]) {
                index += 1;
            }
            let (Some(&middle), Some(&next)) = (bytes.get(index), bytes.get(index + 1)) else {
                break;
            };
            let previous = bytes[index - 1];
            let joins_letters = previous.is_ascii_alphabetic()
                && next.is_ascii_alphabetic()
                && matches!(middle, b':' | b'.' | b'\'');
            let joins_digits = previous.is_ascii_digit()
                && next.is_ascii_digit()
                && matches!(middle, b',' | b';' | b'.' | b'\'');
            if !(joins_letters || joins_digits) {
                break;
            }
            index += 1;
        }
        Some((start, &text[start..index]))
    })
}

fn is_ascii_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// The pieces of `text` between separators (see [`is_cjk_punctuation`]), with their
/// byte offsets.
fn split_at_separators(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pieces = text.char_indices().filter(|(_, character)| is_cjk_punctuation(*character));
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let piece_start = start?;
        match pieces.next() {
            Some((index, separator)) => {
                start = Some(index + separator.len_utf8());
                Some((piece_start, &text[piece_start..index]))
            }
            None => {
                start = None;
                Some((piece_start, &text[piece_start..]))
            }
        }
    })
}

/// Punctuation and symbols that are word boundaries on both sides under UAX #29 (their
/// Word_Break property is Other or Newline): CJK and full-width punctuation, general
/// punctuation but for the apostrophes, the one-dot leader, the hyphenation point, the
/// fraction slash and the format characters, and the arrows, shapes, dingbats and emoji.
fn is_cjk_punctuation(character: char) -> bool {
    matches!(character,
        '\u{3000}'..='\u{303F}'
        | '\u{FF00}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{2010}'..='\u{2017}'
        | '\u{201A}'..='\u{2023}'
        | '\u{2025}'..='\u{2026}'
        | '\u{2030}'..='\u{2043}'
        | '\u{2045}'..='\u{205E}'
        | '\u{2190}'..='\u{245F}'
        | '\u{2500}'..='\u{2BFF}'
        | '\u{1F300}'..='\u{1F5FF}')
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    use super::*;

    fn words_by_tables(text: &str) -> Vec<(usize, &str)> {
        text.split_word_bound_indices()
            .filter(|(_, word)| word.chars().any(char::is_alphanumeric))
            .collect()
    }

    fn words_by_fast_path(text: &str) -> Vec<(usize, &str)> {
        ascii_words(text).filter(|(_, word)| word.chars().any(char::is_alphanumeric)).collect()
    }

    #[test]
    fn ascii_words_follow_uax29() {
        for text in
            ["node.js and c++", "3.14, 1,000; e.g. don't", "a_b __ x:y v1.2.3 a.1", "'quoted' end."]
        {
            assert_eq!(words_by_fast_path(text), words_by_tables(text), "{text}");
        }
    }

    #[test]
    fn symbolic_terms_are_recognised() {
        for term in ["c++", "c#", ".net", "ci/cd", "r&d", "tcp/ip"] {
            assert!(is_symbolic_term(term), "{term}");
        }
        for term in ["full-stack", "engineers,", "(general)", "node.js"] {
            assert!(!is_symbolic_term(term), "{term}");
        }
    }

    proptest! {
        #[test]
        fn ascii_words_match_unicode_segmentation(text in "[a-c0-2_.,;:' /+-]{0,24}") {
            prop_assert_eq!(words_by_fast_path(&text), words_by_tables(&text));
        }

        #[test]
        fn cutting_at_separators_keeps_uax29_words(text in "[a-c0-2é.,' \u{2019}\u{2022}\u{3001}\u{2192}\u{25CF}\u{1F600}\u{200D}]{0,24}") {
            let cut: Vec<(usize, &str)> = split_at_separators(&text)
                .flat_map(|(start, part)| {
                    part.split_word_bound_indices().map(move |(offset, word)| (start + offset, word))
                })
                .filter(|(_, word)| word.chars().any(char::is_alphanumeric))
                .collect();
            prop_assert_eq!(cut, words_by_tables(&text));
        }
    }
}
