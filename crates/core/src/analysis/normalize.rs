//! Step 1 of the chain: Unicode NFKC and lower-casing, with offsets kept.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use super::mapped::MappedText;

/// Normalises `original` to NFKC and lower case, passes every resulting non-ASCII
/// character through `map_char` (the script folder's character table, or the identity),
/// and appends the result to `out`.
///
/// A base character and the combining marks after it are normalised together (so
/// `e` + U+0301 becomes `é`) and all output bytes map to that cluster's original bytes.
/// ASCII followed by ASCII, and the CJK Unified Ideographs, which NFKC and lower-casing
/// leave alone, take a fast path.
pub fn normalize_into(original: &str, out: &mut MappedText, map_char: impl Fn(char) -> char) {
    out.reserve(original.len());
    let mut chars = original.char_indices().peekable();
    let mut cluster = String::new();
    let mut scratch = String::new();
    while let Some((index, character)) = chars.next() {
        let end = index + character.len_utf8();
        let next_is_base = chars.peek().is_none_or(|(_, next)| starts_cluster(*next));
        if next_is_base {
            if character.is_ascii() {
                out.push_char(character.to_ascii_lowercase(), index, end);
                continue;
            }
            if is_stable_ideograph(character) {
                out.push_char(map_char(character), index, end);
                continue;
            }
            if let Some(ascii) = full_width_ascii(character) {
                out.push_char(ascii.to_ascii_lowercase(), index, end);
                continue;
            }
            if is_stable_punctuation(character) {
                out.push_char(character, index, end);
                continue;
            }
        }
        let mut cluster_end = end;
        while let Some(&(next_index, next)) = chars.peek() {
            if starts_cluster(next) {
                break;
            }
            cluster_end = next_index + next.len_utf8();
            chars.next();
        }
        cluster.clear();
        cluster.extend(original[index..cluster_end].nfkc());
        scratch.clear();
        for character in cluster.chars() {
            scratch.extend(character.to_lowercase());
        }
        // Lower-casing can leave a sequence NFKC would change again; one more pass settles it.
        cluster.clear();
        cluster.extend(scratch.nfkc());
        for character in cluster.chars() {
            let mapped = if character.is_ascii() { character } else { map_char(character) };
            out.push_char(mapped, index, cluster_end);
        }
    }
}

/// True when `character` begins a new cluster rather than extending the previous one.
#[inline]
fn starts_cluster(character: char) -> bool {
    character.is_ascii()
        || is_stable_ideograph(character)
        || canonical_combining_class(character) == 0
}

/// NFKC maps the full-width forms U+FF01–U+FF5E to ASCII U+0021–U+007E.
fn full_width_ascii(character: char) -> Option<char> {
    match character {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(character as u32 - 0xFEE0),
        _ => None,
    }
}

/// CJK punctuation that NFKC leaves alone: 、。〈〉《》「」『』【】〔〕 and the rest of
/// U+3001–U+3035, U+3037 and U+303B–U+303F, and the dashes, quotes and bullets of U+2010–U+2023.
fn is_stable_punctuation(character: char) -> bool {
    matches!(character, '\u{3001}'..='\u{3035}' | '\u{3037}' | '\u{303B}'..='\u{303F}' | '\u{2010}' | '\u{2012}'..='\u{2016}' | '\u{2018}'..='\u{2023}')
}

/// CJK Unified Ideographs (basic block and extension A) are unchanged by NFKC and have
/// no case.
fn is_stable_ideograph(character: char) -> bool {
    matches!(character, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalize(text: &str) -> MappedText {
        let mut out = MappedText::default();
        normalize_into(text, &mut out, |character| character);
        out
    }

    #[test]
    fn folds_full_width_and_case() {
        let out = normalize("ＩＮＦＯＳＥＣ Python");
        assert_eq!(out.as_str(), "infosec python");
        assert_eq!(out.original_range(0, 7), (0, 21));
        assert_eq!(out.original_range(8, 14), (22, 28));
    }

    #[test]
    fn composes_combining_marks_within_their_cluster() {
        let out = normalize("Cafe\u{301}!");
        assert_eq!(out.as_str(), "café!");
        assert_eq!(out.span_at(3), (3, 6));
    }

    #[test]
    fn expands_compatibility_characters() {
        let out = normalize("㈱ﬁ");
        assert_eq!(out.as_str(), "(株)fi");
        assert_eq!(out.span_at(0), (0, 3));
    }
}
