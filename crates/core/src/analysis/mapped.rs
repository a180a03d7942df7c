//! Text that remembers where each of its bytes came from in the user's original text.

/// A rewritten text whose every byte maps back to a byte range of the original.
///
/// `starts[i]..ends[i]` is the original byte range of the character that byte `i` belongs
/// to. A character produced by a rewrite that changed the length of a phrase maps to the
/// whole original phrase, so every range lies on character boundaries of the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MappedText {
    text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl MappedText {
    /// Creates an empty mapped text with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        MappedText {
            text: String::with_capacity(capacity),
            starts: Vec::with_capacity(capacity),
            ends: Vec::with_capacity(capacity),
        }
    }

    /// Returns the rewritten text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Appends `piece`, mapping all of its bytes to the original range `start..end`.
    pub fn push_str(&mut self, piece: &str, start: usize, end: usize) {
        self.text.push_str(piece);
        let added = piece.len();
        self.starts.extend(std::iter::repeat_n(start as u32, added));
        self.ends.extend(std::iter::repeat_n(end as u32, added));
    }

    /// Appends one character mapped to the original range `start..end`.
    pub fn push_char(&mut self, character: char, start: usize, end: usize) {
        let mut buffer = [0u8; 4];
        self.push_str(character.encode_utf8(&mut buffer), start, end);
    }

    /// Appends the bytes `range` of `source`, keeping their mapping.
    pub fn push_mapped(&mut self, source: &MappedText, range: std::ops::Range<usize>) {
        self.text.push_str(&source.text[range.clone()]);
        self.starts.extend_from_slice(&source.starts[range.clone()]);
        self.ends.extend_from_slice(&source.ends[range]);
    }

    /// Maps the byte range `start..end` of this text (non-empty, on character boundaries)
    /// to the original byte range it came from.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end && end <= self.text.len());
        (self.starts[start] as usize, self.ends[end - 1] as usize)
    }

    /// Original byte range of the character that starts at byte `index`.
    pub fn span_at(&self, index: usize) -> (usize, usize) {
        (self.starts[index] as usize, self.ends[index] as usize)
    }

    /// Returns true when the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Clears the text, keeping its allocations.
    pub fn clear(&mut self) {
        self.text.clear();
        self.starts.clear();
        self.ends.clear();
    }
}
