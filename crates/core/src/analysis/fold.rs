//! Step 2 of the chain: folding Traditional and Simplified Chinese, and Taiwan and
//! Mainland vocabulary, to one form.
//!
//! The folded form is Simplified characters with Mainland vocabulary (軟體 → 软件,
//! 資訊安全 → 信息安全, 演算法 → 算法). That direction is the one where conversion is
//! (nearly) context-free: many Traditional characters map to one Simplified character,
//! never the reverse, and jieba's dictionary is written in that form.
//!
//! Two passes, each a leftmost-longest double-array Aho-Corasick automaton over the
//! whole text (daachorse, the structure zhconv-rs uses):
//! 1. characters and phrases, from OpenCC's `TSCharacters` and `TSPhrases`;
//! 2. vocabulary, from OpenCC's `TWPhrasesRev` plus the taxonomy's own variant pairs,
//!    whose keys are themselves put through pass 1 so that Taiwan words written in
//!    Simplified characters (资讯, 软体) fold too.
//!
//! Replacement values are closed under both passes when the tables are built, so folding
//! is idempotent.

use std::collections::BTreeMap;

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

use super::mapped::MappedText;
use super::normalize::normalize_into;
use crate::taxonomy::VariantPair;
use crate::{Error, Result};

const TS_CHARACTERS: &str = include_str!("../../data/opencc/TSCharacters.txt");
const TS_PHRASES: &str = include_str!("../../data/opencc/TSPhrases.txt");
const TW_PHRASES_REV: &str = include_str!("../../data/opencc/TWPhrasesRev.txt");

/// Rounds of closure applied to replacement values; real tables settle in two.
const CLOSURE_ROUNDS: usize = 4;

/// One leftmost-longest rewrite pass over a [`MappedText`].
struct RewritePass {
    automaton: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    replacements: Vec<Replacement>,
}

struct Replacement {
    value: String,
    /// True when key and value have the same number of characters, so each output
    /// character can keep the offsets of the input character it replaces.
    same_length: bool,
}

impl RewritePass {
    fn new(table: &BTreeMap<String, String>) -> Result<Self> {
        let mut patterns = Vec::with_capacity(table.len());
        let mut replacements = Vec::with_capacity(table.len());
        for (key, value) in table {
            if key.is_empty() || key == value {
                continue;
            }
            patterns.push((key.as_str(), replacements.len() as u32));
            replacements.push(Replacement {
                value: value.clone(),
                same_length: key.chars().count() == value.chars().count(),
            });
        }
        if patterns.is_empty() {
            return Ok(RewritePass { automaton: None, replacements });
        }
        let automaton = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build_with_values(patterns)
            .map_err(|error| Error::Analyzer(format!("cannot build folding table: {error}")))?;
        Ok(RewritePass { automaton: Some(automaton), replacements })
    }

    /// Rewrites `input` into `out`, returning the number of replacements made.
    fn rewrite(&self, input: &MappedText, out: &mut MappedText) -> usize {
        let text = input.as_str();
        let Some(automaton) = &self.automaton else {
            out.push_mapped(input, 0..text.len());
            return 0;
        };
        let mut copied_to = 0;
        let mut replaced = 0;
        for found in automaton.leftmost_find_iter(text) {
            replaced += 1;
            let (start, end) = (found.start(), found.end());
            out.push_mapped(input, copied_to..start);
            let replacement = &self.replacements[found.value() as usize];
            if replacement.same_length {
                for ((offset, _), character) in
                    text[start..end].char_indices().zip(replacement.value.chars())
                {
                    let (from, to) = input.span_at(start + offset);
                    out.push_char(character, from, to);
                }
            } else {
                let (from, to) = input.original_range(start, end);
                out.push_str(&replacement.value, from, to);
            }
            copied_to = end;
        }
        out.push_mapped(input, copied_to..text.len());
        replaced
    }

    fn rewrite_str(&self, text: &str) -> String {
        let mut input = MappedText::with_capacity(text.len());
        input.push_str(text, 0, text.len());
        let mut out = MappedText::with_capacity(text.len());
        self.rewrite(&input, &mut out);
        out.as_str().to_owned()
    }
}

/// Folds text to the one script and vocabulary that both indexing and querying use.
pub struct ScriptFolder {
    characters: RewritePass,
    vocabulary: RewritePass,
}

impl ScriptFolder {
    /// Builds the folder from the embedded OpenCC tables and the given variant pairs
    /// (Taiwan term → Mainland term), which take precedence over OpenCC's.
    pub fn new(variants: &[VariantPair]) -> Result<Self> {
        let mut characters = BTreeMap::new();
        for (key, value) in parse_opencc(TS_CHARACTERS).chain(parse_opencc(TS_PHRASES)) {
            characters.insert(key.to_owned(), value.to_owned());
        }
        let characters = close_table(characters)?;
        let characters = RewritePass::new(&characters)?;

        let fold_key = |text: &str| {
            let mut normalized = MappedText::with_capacity(text.len());
            normalize_into(text, &mut normalized);
            characters.rewrite_str(normalized.as_str())
        };
        let mut vocabulary = BTreeMap::new();
        for (taiwan, mainland) in parse_opencc(TW_PHRASES_REV) {
            vocabulary.insert(fold_key(taiwan), fold_key(mainland));
        }
        for pair in variants {
            vocabulary.insert(fold_key(&pair.zh_hant), fold_key(&pair.zh_hans));
        }
        vocabulary.retain(|key, value| key != value && !key.is_empty());
        let vocabulary = close_table(vocabulary)?;
        let vocabulary = RewritePass::new(&vocabulary)?;
        Ok(ScriptFolder { characters, vocabulary })
    }

    /// Folds normalised text (see [`normalize_into`]) into `out`, using `scratch` as the
    /// intermediate buffer.
    pub fn fold_into(
        &self,
        normalized: &MappedText,
        scratch: &mut MappedText,
        out: &mut MappedText,
    ) {
        if normalized.as_str().is_ascii() {
            out.push_mapped(normalized, 0..normalized.as_str().len());
            return;
        }
        scratch.clear();
        self.characters.rewrite(normalized, scratch);
        let mut replaced = self.vocabulary.rewrite(scratch, out);
        // A replacement can complete a key with the text before it (演 + 演算法 → 演算法):
        // repeat until nothing changes, so folding stays idempotent.
        for _ in 0..CLOSURE_ROUNDS {
            if replaced == 0 {
                break;
            }
            std::mem::swap(scratch, out);
            out.clear();
            replaced = self.vocabulary.rewrite(scratch, out);
        }
    }

    /// Normalises and folds `text`, returning the folded text alone (for dictionary keys
    /// and display).
    pub fn fold_str(&self, text: &str) -> String {
        let mut normalized = MappedText::with_capacity(text.len());
        normalize_into(text, &mut normalized);
        let mut scratch = MappedText::with_capacity(text.len());
        let mut out = MappedText::with_capacity(text.len());
        self.fold_into(&normalized, &mut scratch, &mut out);
        out.as_str().to_owned()
    }
}

/// Applies a table to its own values until they stop changing, so that a value never
/// contains a key (檔案 → 文件 and 文件 → 文档 give 檔案 → 文档).
fn close_table(mut table: BTreeMap<String, String>) -> Result<BTreeMap<String, String>> {
    for _ in 0..CLOSURE_ROUNDS {
        let pass = RewritePass::new(&table)?;
        let mut changed = false;
        for value in table.values_mut() {
            let rewritten = pass.rewrite_str(value);
            if rewritten != *value {
                *value = rewritten;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    Ok(table)
}

/// Parses OpenCC's `key<TAB>value [value…]` lines, keeping the first value.
fn parse_opencc(data: &str) -> impl Iterator<Item = (&str, &str)> {
    data.lines().filter(|line| !line.starts_with('#') && !line.trim().is_empty()).filter_map(
        |line| {
            let (key, values) = line.split_once('\t')?;
            let value = values.split(' ').next()?;
            Some((key.trim(), value.trim()))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> ScriptFolder {
        let variants = [VariantPair::new("資訊", "信息"), VariantPair::new("軟體", "软件")];
        ScriptFolder::new(&variants).expect("tables build")
    }

    #[test]
    fn folds_characters_and_vocabulary_in_both_scripts() {
        let folder = folder();
        assert_eq!(folder.fold_str("資訊安全"), "信息安全");
        assert_eq!(folder.fold_str("资讯安全"), "信息安全");
        assert_eq!(folder.fold_str("軟體"), folder.fold_str("软件"));
        assert_eq!(folder.fold_str("演算法"), "算法");
        assert_eq!(folder.fold_str("一目瞭然"), "一目了然");
    }

    #[test]
    fn keeps_offsets_through_length_changes() {
        let folder = folder();
        let original = "學演算法";
        let mut normalized = MappedText::default();
        normalize_into(original, &mut normalized);
        let mut scratch = MappedText::default();
        let mut out = MappedText::default();
        folder.fold_into(&normalized, &mut scratch, &mut out);
        assert_eq!(out.as_str(), "学算法");
        assert_eq!(out.span_at(0), (0, 3));
        // 算法 (2 chars) came from 演算法 (3 chars): both map to the whole phrase.
        assert_eq!(out.original_range(3, 9), (3, 12));
    }
}
