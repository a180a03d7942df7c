//! Text that remembers where each of its bytes came from in the user's original text.

/// A rewritten text whose every byte maps back to a byte range of the original.
///
/// Each byte records the original offset where its character's source starts; the source
/// ends where the next different start begins (or at the end of the last source). Pieces
/// are appended in original order and cover the original without gaps, which is what makes
/// one offset per byte enough. A character produced by a rewrite that changed the length
/// of a phrase maps to the whole original phrase, so every range lies on character
/// boundaries of the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MappedText {
    text: String,
    starts: Vec<u32>,
    end: u32,
}

impl MappedText {
    /// Creates an empty mapped text with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        MappedText {
            text: String::with_capacity(capacity),
            starts: Vec::with_capacity(capacity),
            end: 0,
        }
    }

    /// Reserves room for `additional` more bytes.
    pub fn reserve(&mut self, additional: usize) {
        self.text.reserve(additional);
        self.starts.reserve(additional);
    }

    /// Returns the rewritten text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Appends `piece`, mapping all of its bytes to the original range `start..end`.
    pub fn push_str(&mut self, piece: &str, start: usize, end: usize) {
        debug_assert!(start as u32 >= self.starts.last().copied().unwrap_or(0), "pieces in order");
        self.text.push_str(piece);
        self.starts.extend(std::iter::repeat_n(start as u32, piece.len()));
        self.end = end as u32;
    }

    /// Appends one character mapped to the original range `start..end`.
    #[inline]
    pub fn push_char(&mut self, character: char, start: usize, end: usize) {
        if character.is_ascii() {
            self.text.push(character);
            self.starts.push(start as u32);
            self.end = end as u32;
        } else {
            self.text.push(character);
            let start = start as u32;
            match character.len_utf8() {
                2 => self.starts.extend_from_slice(&[start, start]),
                3 => self.starts.extend_from_slice(&[start, start, start]),
                _ => self.starts.extend_from_slice(&[start, start, start, start]),
            }
            self.end = end as u32;
        }
    }

    /// Appends the bytes `range` of `source`, keeping their mapping.
    pub fn push_mapped(&mut self, source: &MappedText, range: std::ops::Range<usize>) {
        if range.is_empty() {
            return;
        }
        self.text.push_str(&source.text[range.clone()]);
        self.starts.extend_from_slice(&source.starts[range.clone()]);
        self.end = source.end_of(range.end - 1) as u32;
    }

    /// Replaces the bytes `range` with `replacement` of the same byte length whose
    /// characters have the same byte lengths as those they replace, so every byte keeps
    /// its mapping.
    pub fn replace_in_place(&mut self, range: std::ops::Range<usize>, replacement: &str) {
        debug_assert_eq!(range.len(), replacement.len());
        self.text.replace_range(range, replacement);
    }

    /// Maps the byte range `start..end` of this text (non-empty, on character boundaries)
    /// to the original byte range it came from.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end && end <= self.text.len());
        (self.starts[start] as usize, self.end_of(end - 1))
    }

    /// Original byte range of the character that starts at byte `index`.
    pub fn span_at(&self, index: usize) -> (usize, usize) {
        (self.starts[index] as usize, self.end_of(index))
    }

    /// Where the source of byte `index` ends in the original.
    fn end_of(&self, index: usize) -> usize {
        let start = self.starts[index];
        self.starts[index + 1..]
            .iter()
            .find(|next| **next > start)
            .map_or(self.end as usize, |next| *next as usize)
    }

    /// Returns true when the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Clears the text, keeping its allocations.
    pub fn clear(&mut self) {
        self.text.clear();
        self.starts.clear();
        self.end = 0;
    }
}
