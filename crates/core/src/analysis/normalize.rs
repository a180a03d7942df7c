//! Step 1 of the chain: Unicode NFKC and lower-casing, with offsets kept.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use super::mapped::MappedText;

/// Normalises `original` to NFKC and lower case, appending the result to `out`.
///
/// A base character and the combining marks after it are normalised together (so
/// `e` + U+0301 becomes `é`) and all output bytes map to that cluster's original bytes.
/// ASCII followed by ASCII, and the CJK Unified Ideographs, which NFKC and lower-casing
/// leave alone, take a fast path.
pub fn normalize_into(original: &str, out: &mut MappedText) {
    let bytes = original.as_bytes();
    let mut index = 0;
    let mut cluster = String::new();
    let mut scratch = String::new();
    while index < bytes.len() {
        let byte = bytes[index];
        let next_is_ascii = bytes.get(index + 1).is_none_or(u8::is_ascii);
        if byte.is_ascii() && next_is_ascii {
            let lower = byte.to_ascii_lowercase() as char;
            out.push_char(lower, index, index + 1);
            index += 1;
            continue;
        }
        let rest = &original[index..];
        let mut chars = rest.char_indices();
        let (_, first) = chars.next().expect("index is on a char boundary below len");
        if is_stable_ideograph(first) {
            let end = index + first.len_utf8();
            out.push_str(&original[index..end], index, end);
            index = end;
            continue;
        }
        let mut cluster_len = first.len_utf8();
        for (offset, next) in chars {
            if canonical_combining_class(next) == 0 {
                break;
            }
            cluster_len = offset + next.len_utf8();
        }
        let end = index + cluster_len;
        cluster.clear();
        cluster.extend(original[index..end].nfkc());
        scratch.clear();
        for character in cluster.chars() {
            scratch.extend(character.to_lowercase());
        }
        // Lower-casing can leave a sequence NFKC would change again; one more pass settles it.
        cluster.clear();
        cluster.extend(scratch.nfkc());
        out.push_str(&cluster, index, end);
        index = end;
    }
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
        normalize_into(text, &mut out);
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
