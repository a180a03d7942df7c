//! Step 2 of the chain: folding Traditional and Simplified Chinese, and Taiwan and
//! Mainland vocabulary, to one form.
//!
//! The folded form is Simplified characters with Mainland vocabulary (軟體 → 软件,
//! 資訊安全 → 信息安全, 演算法 → 算法). That direction is the one where conversion is
//! (nearly) context-free: many Traditional characters map to one Simplified character,
//! never the reverse, and jieba's dictionary is written in that form.
//!
//! Two steps:
//! 1. characters, from OpenCC's `TSCharacters`, through a direct lookup table applied while
//!    normalising (one pass over the text);
//! 2. phrases, in one leftmost-longest pass of a character-wise double-array Aho-Corasick
//!    automaton (daachorse, the structure zhconv-rs uses): OpenCC's `TSPhrases` (script
//!    fixes such as 一目瞭然 → 一目了然) and vocabulary from OpenCC's `TWPhrasesRev` plus the
//!    taxonomy's own variant pairs. Replacements whose characters have the byte lengths of
//!    the key's are written in place. Keys are put through step 1 first, so Taiwan words written in Simplified
//!    characters (资讯, 软体) fold too.
//!
//! Replacement values are closed under both steps when the tables are built, and the
//! phrase pass is repeated when a replacement could complete a key with its neighbours,
//! so folding is idempotent.

use std::collections::{BTreeMap, HashMap, HashSet};

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

use super::mapped::MappedText;
use super::normalize::normalize_into;
use crate::taxonomy::VariantPair;
use crate::{Error, Result};

const TS_CHARACTERS: &str = include_str!("../../data/opencc/TSCharacters.txt");
const TS_PHRASES: &str = include_str!("../../data/opencc/TSPhrases.txt");
const TW_PHRASES_REV: &str = include_str!("../../data/opencc/TWPhrasesRev.txt");

/// Rounds of closure for table values, and of repeated phrase passes; real tables settle
/// in two.
const CLOSURE_ROUNDS: usize = 4;

/// Traditional → Simplified characters: a compact direct table over the CJK Unified
/// Ideographs (extension A and the basic block, where nearly all entries are), a map for
/// the rest.
struct CharacterTable {
    ideographs: Box<[u16]>,
    others: HashMap<char, char>,
}

const IDEOGRAPHS_FIRST: u32 = 0x3400;
const IDEOGRAPHS_LAST: u32 = 0x9FFF;

impl CharacterTable {
    fn new(pairs: &BTreeMap<char, char>) -> Self {
        let size = (IDEOGRAPHS_LAST - IDEOGRAPHS_FIRST + 1) as usize;
        let mut ideographs = vec![0u16; size].into_boxed_slice();
        let mut others = HashMap::new();
        for (&from, &to) in pairs {
            let code = from as u32;
            match u16::try_from(to as u32) {
                Ok(target) if (IDEOGRAPHS_FIRST..=IDEOGRAPHS_LAST).contains(&code) => {
                    ideographs[(code - IDEOGRAPHS_FIRST) as usize] = target;
                }
                _ => {
                    others.insert(from, to);
                }
            }
        }
        CharacterTable { ideographs, others }
    }

    #[inline]
    fn map(&self, character: char) -> char {
        let code = character as u32;
        if (IDEOGRAPHS_FIRST..=IDEOGRAPHS_LAST).contains(&code) {
            match self.ideographs[(code - IDEOGRAPHS_FIRST) as usize] {
                0 => character,
                mapped => char::from_u32(u32::from(mapped)).unwrap_or(character),
            }
        } else if self.others.is_empty() {
            character
        } else {
            self.others.get(&character).copied().unwrap_or(character)
        }
    }

    fn map_str(&self, text: &str) -> String {
        text.chars().map(|character| self.map(character)).collect()
    }
}

/// One leftmost-longest rewrite pass over a [`MappedText`].
struct PhrasePass {
    automaton: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    replacements: Vec<Replacement>,
}

struct Replacement {
    value: String,
    /// True when key and value have the same number of characters, so each output
    /// character can keep the offsets of the input character it replaces.
    same_length: bool,
    /// True when, moreover, each character has the byte length of the one it replaces, so
    /// the replacement can be written over the key (軟體 → 软件, 資訊 → 信息).
    in_place: bool,
    /// True when the value could form a key together with its neighbours, so the pass
    /// must run again after it.
    may_complete_key: bool,
}

/// What a phrase pass did.
enum Outcome {
    /// Nothing matched.
    Unchanged,
    /// Every replacement was written over its key in the input; `again` when one may have
    /// completed a new key.
    InPlace { again: bool },
    /// The result was written to the output buffer.
    Rebuilt { again: bool },
}

impl PhrasePass {
    fn new(table: &BTreeMap<String, String>) -> Result<Self> {
        let key_parts = KeyParts::new(table.keys());
        let mut patterns = Vec::with_capacity(table.len());
        let mut replacements = Vec::with_capacity(table.len());
        for (key, value) in table {
            if key.is_empty() || key == value {
                continue;
            }
            let byte_lengths = |text: &str| text.chars().map(char::len_utf8).collect::<Vec<_>>();
            patterns.push((key.as_str(), replacements.len() as u32));
            replacements.push(Replacement {
                value: value.clone(),
                same_length: key.chars().count() == value.chars().count(),
                in_place: byte_lengths(key) == byte_lengths(value),
                may_complete_key: key_parts.may_complete_key(value),
            });
        }
        if patterns.is_empty() {
            return Ok(PhrasePass { automaton: None, replacements });
        }
        let automaton = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build_with_values(patterns)
            .map_err(|error| Error::Analyzer(format!("cannot build folding table: {error}")))?;
        Ok(PhrasePass { automaton: Some(automaton), replacements })
    }

    /// Rewrites `input`, in place where every replacement allows it, otherwise into `out`
    /// (which must be empty).
    fn rewrite(&self, input: &mut MappedText, out: &mut MappedText) -> Outcome {
        let Some(automaton) = &self.automaton else {
            return Outcome::Unchanged;
        };
        let matches: Vec<(usize, usize, usize)> = automaton
            .leftmost_find_iter(input.as_str())
            .map(|found| (found.start(), found.end(), found.value() as usize))
            .collect();
        if matches.is_empty() {
            return Outcome::Unchanged;
        }
        let again =
            matches.iter().any(|(_, _, pattern)| self.replacements[*pattern].may_complete_key);
        if matches.iter().all(|(_, _, pattern)| self.replacements[*pattern].in_place) {
            for (start, end, pattern) in matches {
                input.replace_in_place(start..end, &self.replacements[pattern].value);
            }
            return Outcome::InPlace { again };
        }
        let text = input.as_str();
        let mut copied_to = 0;
        for (start, end, pattern) in matches {
            out.push_mapped(input, copied_to..start);
            let replacement = &self.replacements[pattern];
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
        Outcome::Rebuilt { again }
    }

    fn rewrite_str(&self, text: &str) -> String {
        let mut input = MappedText::with_capacity(text.len());
        input.push_str(text, 0, text.len());
        let mut out = MappedText::with_capacity(text.len());
        match self.rewrite(&mut input, &mut out) {
            Outcome::Unchanged | Outcome::InPlace { .. } => input.as_str().to_owned(),
            Outcome::Rebuilt { .. } => out.as_str().to_owned(),
        }
    }
}

/// Proper prefixes, proper suffixes and substrings of the keys, to tell which values can
/// form a key with the text around them.
struct KeyParts {
    proper_prefixes: HashSet<String>,
    proper_suffixes: HashSet<String>,
    substrings: HashSet<String>,
}

impl KeyParts {
    fn new<'a>(keys: impl Iterator<Item = &'a String>) -> Self {
        let mut parts = KeyParts {
            proper_prefixes: HashSet::new(),
            proper_suffixes: HashSet::new(),
            substrings: HashSet::new(),
        };
        for key in keys {
            let bounds: Vec<usize> =
                key.char_indices().map(|(index, _)| index).chain([key.len()]).collect();
            for (position, &start) in bounds.iter().enumerate() {
                for &end in &bounds[position + 1..] {
                    let part = &key[start..end];
                    if start == 0 && end < key.len() {
                        parts.proper_prefixes.insert(part.to_owned());
                    }
                    if start > 0 && end == key.len() {
                        parts.proper_suffixes.insert(part.to_owned());
                    }
                    if start > 0 || end < key.len() {
                        parts.substrings.insert(part.to_owned());
                    }
                }
            }
        }
        parts
    }

    fn may_complete_key(&self, value: &str) -> bool {
        let bounds: Vec<usize> =
            value.char_indices().map(|(index, _)| index).skip(1).chain([value.len()]).collect();
        let prefix_ends_a_key =
            bounds.iter().any(|&end| self.proper_suffixes.contains(&value[..end]));
        let suffix_starts_a_key =
            value.char_indices().any(|(start, _)| self.proper_prefixes.contains(&value[start..]));
        prefix_ends_a_key || suffix_starts_a_key || self.substrings.contains(value)
    }
}

/// Folds text to the one script and vocabulary that both indexing and querying use.
pub struct ScriptFolder {
    characters: CharacterTable,
    phrases: PhrasePass,
}

impl ScriptFolder {
    /// Builds the folder from the embedded OpenCC tables and the given variant pairs
    /// (Taiwan term → Mainland term), which take precedence over OpenCC's.
    pub fn new(variants: &[VariantPair]) -> Result<Self> {
        let mut pairs = BTreeMap::new();
        for (key, value) in parse_opencc(TS_CHARACTERS) {
            let (mut key_chars, mut value_chars) = (key.chars(), value.chars());
            if let (Some(from), None, Some(to), None) =
                (key_chars.next(), key_chars.next(), value_chars.next(), value_chars.next())
            {
                pairs.insert(from, to);
            }
        }
        // Close the table under itself so a mapped character never maps again.
        for _ in 0..CLOSURE_ROUNDS {
            let snapshot = pairs.clone();
            for value in pairs.values_mut() {
                if let Some(next) = snapshot.get(value) {
                    *value = *next;
                }
            }
        }
        pairs.retain(|from, to| from != to);
        let characters = CharacterTable::new(&pairs);

        let fold_key = |text: &str| {
            let mut normalized = MappedText::with_capacity(text.len());
            normalize_into(text, &mut normalized, |character| characters.map(character));
            normalized.as_str().to_owned()
        };
        let mut phrases = BTreeMap::new();
        for (traditional, simplified) in parse_opencc(TS_PHRASES) {
            phrases.insert(fold_key(traditional), characters.map_str(simplified));
        }
        for (taiwan, mainland) in parse_opencc(TW_PHRASES_REV) {
            phrases.insert(fold_key(taiwan), fold_key(mainland));
        }
        for pair in variants {
            phrases.insert(fold_key(&pair.zh_hant), fold_key(&pair.zh_hans));
        }
        phrases.retain(|key, value| key != value && !key.is_empty());
        let phrases = PhrasePass::new(&close_table(phrases)?)?;
        Ok(ScriptFolder { characters, phrases })
    }

    /// Normalises `original` (see [`normalize_into`]) and folds it into `out`, using
    /// `scratch` as the intermediate buffer.
    pub fn fold_into(&self, original: &str, scratch: &mut MappedText, out: &mut MappedText) {
        out.clear();
        if original.is_ascii() {
            normalize_into(original, out, |character| character);
            return;
        }
        scratch.clear();
        normalize_into(original, scratch, |character| self.characters.map(character));
        // A replacement can complete a key with the text around it (演 + 演算法 → 演算法):
        // repeat until that cannot happen, so folding stays idempotent. The latest text
        // is kept in `scratch`.
        for _ in 0..CLOSURE_ROUNDS {
            out.clear();
            let again = match self.phrases.rewrite(scratch, out) {
                Outcome::Unchanged => false,
                Outcome::InPlace { again } => again,
                Outcome::Rebuilt { again } => {
                    std::mem::swap(scratch, out);
                    again
                }
            };
            if !again {
                break;
            }
        }
        std::mem::swap(scratch, out);
    }

    /// Normalises and folds `text`, returning the folded text alone (for dictionary keys
    /// and display).
    pub fn fold_str(&self, text: &str) -> String {
        let mut scratch = MappedText::with_capacity(text.len());
        let mut out = MappedText::with_capacity(text.len());
        self.fold_into(text, &mut scratch, &mut out);
        out.as_str().to_owned()
    }
}

/// Applies a table to its own values until they stop changing, so that a value never
/// contains a key (檔案 → 文件 and 文件 → 文档 give 檔案 → 文档).
fn close_table(mut table: BTreeMap<String, String>) -> Result<BTreeMap<String, String>> {
    for _ in 0..CLOSURE_ROUNDS {
        let pass = PhrasePass::new(&table)?;
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
        let mut scratch = MappedText::default();
        let mut out = MappedText::default();
        folder.fold_into("學演算法", &mut scratch, &mut out);
        assert_eq!(out.as_str(), "学算法");
        assert_eq!(out.span_at(0), (0, 3));
        // 算法 (2 chars) came from 演算法 (3 chars): both map to the whole phrase.
        assert_eq!(out.original_range(3, 9), (3, 12));
    }

    #[test]
    fn repeats_the_phrase_pass_when_a_replacement_completes_a_key() {
        let folder = folder();
        let once = folder.fold_str("演演算法");
        assert_eq!(folder.fold_str(&once), once);
    }
}
