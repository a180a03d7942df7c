//! Taxonomy extraction: the canonical ids of the skills, certifications (with level),
//! occupations and industries that a text mentions.
//!
//! Every surface form of every entry is folded like the text and matched with
//! aho-corasick; overlapping matches are resolved leftmost-longest, so 資訊安全工程師
//! is not also reported as 工程師. Forms that begin or end with a Latin letter or digit
//! match whole words only (`ai` is not found in `maintain`).
//!
//! A certification whose name is also an ordinary job title (資訊安全工程師) counts only
//! with context: `iPAS` shortly before it, a level next to it, a word such as 證照 or
//! certificate after it, or a verb such as 取得 or 考取 before it. Without that context the
//! match is dropped and the shorter forms inside it are considered instead.

use std::borrow::Cow;
use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Serialize;

use super::segment::is_han;
use crate::level::Level;
use crate::taxonomy::{EntryKind, Taxonomy};
use crate::{Error, Result};

/// Characters skipped between a certification name and its level or qualifier.
const SEPARATORS: &[char] = &[
    ' ', ',', '(', ')', '[', ']', '-', '–', '—', ':', '·', '/', '「', '」', '【', '】', '〔', '〕',
];

/// Level words (folded), with the level they state.
const LEVEL_WORDS: &[(&str, Level)] = &[
    ("初级", Level::Beginner),
    ("中级", Level::Intermediate),
    ("高级", Level::Advanced),
    ("beginner", Level::Beginner),
    ("intermediate", Level::Intermediate),
    ("advanced", Level::Advanced),
    ("level 1", Level::Beginner),
    ("level 2", Level::Intermediate),
    ("level 3", Level::Advanced),
    ("l1", Level::Beginner),
    ("l2", Level::Intermediate),
    ("l3", Level::Advanced),
];

/// Words after a certification name that make it a certification (folded).
const QUALIFIERS_AFTER: &[&str] = &[
    "证照",
    "证书",
    "资格证书",
    "认证",
    "资格",
    "能力鉴定",
    "鉴定",
    "合格",
    "执照",
    "certificate",
    "certification",
    "certified",
    "license",
    "licence",
    "cert",
];

/// Words before a certification name that make it a certification (folded).
const QUALIFIERS_BEFORE: &[&str] = &[
    "具备",
    "具有",
    "具",
    "持有",
    "取得",
    "考取",
    "考过",
    "通过",
    "获得",
    "领有",
    "certified",
    "holds",
];

/// Markers within a few characters before a name that make it a certification.
const CONTEXT_MARKERS: &[&str] = &["ipas", "产业人才能力鉴定", "能力鉴定"];
const CONTEXT_WINDOW_CHARS: usize = 12;

/// A certification found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertificationMention {
    /// Canonical certification id.
    pub id: String,
    /// The level stated next to the name, if any.
    pub level: Option<Level>,
}

/// The taxonomy ids a text mentions, each once, in order of first mention.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Extraction {
    /// Skill ids.
    pub skills: Vec<String>,
    /// Certifications, with the highest level stated for each.
    pub certifications: Vec<CertificationMention>,
    /// Occupation codes.
    pub occupations: Vec<String>,
    /// Industry group ids.
    pub industries: Vec<String>,
}

struct Pattern {
    entries: Vec<(EntryKind, usize)>,
    whole_word_start: bool,
    whole_word_end: bool,
}

/// Finds taxonomy entries in folded text.
pub struct Extractor {
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    /// Pattern number of each folded surface form.
    by_form: HashMap<String, usize>,
    ids: Vec<String>,
    bare_certifications: Vec<bool>,
}

impl Extractor {
    /// Builds the extractor. `folded_forms` holds the taxonomy's surface forms, in the order
    /// of [`Taxonomy::surface_forms`], folded by the analyzer, so that the patterns and the
    /// text meet in the same form.
    pub fn new(taxonomy: &Taxonomy, folded_forms: &[String]) -> Result<Self> {
        let mut ids: Vec<String> = Vec::new();
        let mut id_numbers: HashMap<(EntryKind, String), usize> = HashMap::new();
        let mut by_form: HashMap<String, usize> = HashMap::new();
        let mut forms: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut bare_certifications = Vec::new();
        for ((kind, id, _), folded) in taxonomy.surface_forms().into_iter().zip(folded_forms) {
            let folded = collapse_spaces(folded).0.into_owned();
            if folded.trim().is_empty() {
                continue;
            }
            let number = *id_numbers.entry((kind, id.to_owned())).or_insert_with(|| {
                ids.push(id.to_owned());
                let is_bare = kind == EntryKind::Certification
                    && taxonomy.certification(id).is_some_and(|cert| cert.bare);
                bare_certifications.push(is_bare);
                ids.len() - 1
            });
            let index = *by_form.entry(folded.clone()).or_insert_with(|| {
                forms.push(folded.clone());
                patterns.push(Pattern {
                    entries: Vec::new(),
                    whole_word_start: folded
                        .chars()
                        .next()
                        .is_some_and(|first| first.is_ascii_alphanumeric()),
                    whole_word_end: folded
                        .chars()
                        .next_back()
                        .is_some_and(|last| last.is_ascii_alphanumeric()),
                });
                patterns.len() - 1
            });
            let entries = &mut patterns[index].entries;
            if kind == EntryKind::Occupation {
                // A minor group with a single unit group shares its name: keep the deepest code.
                let ancestor = entries.iter().position(|&(other_kind, other)| {
                    other_kind == EntryKind::Occupation && id.starts_with(ids[other].as_str())
                });
                let descendant = entries.iter().any(|&(other_kind, other)| {
                    other_kind == EntryKind::Occupation
                        && ids[other].starts_with(id)
                        && ids[other] != id
                });
                if descendant {
                    continue;
                }
                if let Some(ancestor) = ancestor {
                    entries.remove(ancestor);
                }
            }
            if !entries.contains(&(kind, number)) {
                entries.push((kind, number));
            }
        }
        let automaton =
            if forms.is_empty() {
                None
            } else {
                Some(AhoCorasick::builder().match_kind(MatchKind::Standard).build(&forms).map_err(
                    |error| Error::Analyzer(format!("cannot build the extractor: {error}")),
                )?)
            };
        Ok(Extractor { automaton, patterns, by_form, ids, bare_certifications })
    }

    /// The id of the `kind` entry that has exactly the surface form `folded` (a name
    /// already folded by the analyzer), for resolving names given in structured fields.
    pub fn lookup(&self, kind: EntryKind, folded: &str) -> Option<&str> {
        let pattern = self.by_form.get(collapse_spaces(folded.trim()).0.as_ref())?;
        self.patterns[*pattern]
            .entries
            .iter()
            .find(|(entry_kind, _)| *entry_kind == kind)
            .map(|(_, number)| self.ids[*number].as_str())
    }

    /// Extracts the entries mentioned in `folded` (text already folded by the analyzer).
    /// `boundaries` marks the byte offsets of `folded` where the segmenter's tokens start
    /// or end (see [`Segmenter::segment_into`](super::Segmenter::segment_into)): a form
    /// that begins or ends with a Han character must begin or end there, so 征信 is not
    /// found across 诚征|信息.
    pub fn extract(&self, folded: &str, boundaries: &[bool]) -> Extraction {
        let mut extraction = Extraction::default();
        let Some(automaton) = &self.automaton else {
            return extraction;
        };
        let (text, to_folded) = collapse_spaces(folded);
        let folded_offset = |offset: usize| to_folded.as_ref().map_or(offset, |map| map[offset]);
        let mut candidates: Vec<(usize, usize, usize)> = automaton
            .find_overlapping_iter(text.as_ref())
            .filter(|found| {
                self.on_word_boundaries(
                    &text,
                    found.pattern().as_usize(),
                    found.start(),
                    found.end(),
                )
            })
            .filter(|found| {
                on_segment_boundaries(
                    folded,
                    boundaries,
                    folded_offset(found.start()),
                    folded_offset(found.end()),
                )
            })
            .map(|found| (found.start(), found.end(), found.pattern().as_usize()))
            .collect();
        candidates.sort_by(|left, right| left.0.cmp(&right.0).then(right.1.cmp(&left.1)));

        let mut cursor = 0;
        for (start, end, pattern) in candidates {
            if start < cursor {
                continue;
            }
            let mut accepted = false;
            for &(kind, number) in &self.patterns[pattern].entries {
                let id = &self.ids[number];
                match kind {
                    EntryKind::Certification => {
                        let level = level_after(&text, end).or_else(|| level_before(&text, start));
                        let in_context = self.bare_certifications[number]
                            || level.is_some()
                            || has_context(&text, start, end);
                        if !in_context {
                            continue;
                        }
                        add_certification(&mut extraction.certifications, id, level);
                    }
                    EntryKind::Skill => push_unique(&mut extraction.skills, id),
                    EntryKind::Occupation => push_unique(&mut extraction.occupations, id),
                    EntryKind::Industry => push_unique(&mut extraction.industries, id),
                }
                accepted = true;
            }
            if accepted {
                cursor = end;
            }
        }
        extraction
    }

    fn on_word_boundaries(&self, text: &str, pattern: usize, start: usize, end: usize) -> bool {
        let pattern = &self.patterns[pattern];
        let clear_before = !pattern.whole_word_start
            || !text[..start]
                .chars()
                .next_back()
                .is_some_and(|before| before.is_ascii_alphanumeric());
        let clear_after = !pattern.whole_word_end
            || !text[end..].chars().next().is_some_and(|after| after.is_ascii_alphanumeric());
        clear_before && clear_after
    }
}

fn add_certification(
    certifications: &mut Vec<CertificationMention>,
    id: &str,
    level: Option<Level>,
) {
    match certifications.iter_mut().find(|mention| mention.id == id) {
        Some(mention) => mention.level = mention.level.max(level),
        None => certifications.push(CertificationMention { id: id.to_owned(), level }),
    }
}

fn push_unique(ids: &mut Vec<String>, id: &str) {
    if !ids.iter().any(|existing| existing == id) {
        ids.push(id.to_owned());
    }
}

/// The level word right after a name (separators skipped), e.g. `(中级)` or ` l2`.
fn level_after(text: &str, end: usize) -> Option<Level> {
    let rest = text[end..].trim_start_matches(SEPARATORS);
    LEVEL_WORDS.iter().find_map(|(word, level)| {
        let after = rest.strip_prefix(word)?;
        let whole = !word.is_ascii()
            || !after.chars().next().is_some_and(|next| next.is_ascii_alphanumeric());
        whole.then_some(*level)
    })
}

/// The level word right before a name, e.g. `中级信息安全工程师`.
fn level_before(text: &str, start: usize) -> Option<Level> {
    let before = text[..start].trim_end_matches(SEPARATORS);
    let before = before.strip_suffix("ipas").unwrap_or(before).trim_end_matches(SEPARATORS);
    LEVEL_WORDS.iter().find_map(|(word, level)| {
        let head = before.strip_suffix(word)?;
        let whole = !word.is_ascii()
            || !head.chars().next_back().is_some_and(|previous| previous.is_ascii_alphanumeric());
        whole.then_some(*level)
    })
}

fn has_context(text: &str, start: usize, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(SEPARATORS);
    if QUALIFIERS_AFTER.iter().any(|word| rest.starts_with(word)) {
        return true;
    }
    let before = &text[..start];
    let trimmed = before.trim_end_matches(SEPARATORS);
    if QUALIFIERS_BEFORE.iter().any(|word| trimmed.ends_with(word)) {
        return true;
    }
    let window_start =
        before.char_indices().rev().nth(CONTEXT_WINDOW_CHARS - 1).map_or(0, |(index, _)| index);
    let window = &before[window_start..];
    CONTEXT_MARKERS.iter().any(|marker| window.contains(marker))
}

/// True when a match that begins or ends with a Han character begins or ends where a
/// segmenter token does. Offsets past the marks (no segmentation given) always pass.
fn on_segment_boundaries(folded: &str, boundaries: &[bool], start: usize, end: usize) -> bool {
    if boundaries.len() != folded.len() + 1 {
        return true;
    }
    let starts_han = folded[start..].chars().next().is_some_and(is_han);
    let ends_han = folded[..end].chars().next_back().is_some_and(is_han);
    (!starts_han || boundaries[start]) && (!ends_han || boundaries[end])
}

/// Folds runs of white space to one space, so `machine  learning` matches. When anything
/// changed, also returns the map from each byte offset of the result (and its end) to the
/// offset in `text`.
fn collapse_spaces(text: &str) -> (Cow<'_, str>, Option<Vec<usize>>) {
    let needs_change = text.char_indices().any(|(index, character)| {
        (character.is_whitespace() && character != ' ')
            || (character == ' ' && text[index + 1..].starts_with(char::is_whitespace))
    });
    if !needs_change {
        return (Cow::Borrowed(text), None);
    }
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut in_space = false;
    for (index, character) in text.char_indices() {
        if character.is_whitespace() {
            if !in_space {
                out.push(' ');
                map.push(index);
            }
            in_space = true;
        } else {
            let before = out.len();
            out.push(character);
            map.extend((0..out.len() - before).map(|offset| index + offset));
            in_space = false;
        }
    }
    map.push(text.len());
    (Cow::Owned(out), Some(map))
}
