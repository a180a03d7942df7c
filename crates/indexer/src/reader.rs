//! JSON Lines input, one record per line, with per-line errors.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde::Serialize;

use crate::{Error, Result};

/// Longest accepted line. A longer line is rejected with an error for that line (its bytes
/// are skipped, never held in memory) and the rest of the file still goes in.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// A rejected line: where, which field, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineError {
    /// The input file as given.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// Dotted path of the field, empty when the whole line is at fault.
    pub field: String,
    /// What was wrong and what was expected.
    pub message: String,
}

/// One line of input, as [`read_jsonl`] hands it over.
#[derive(Debug)]
pub enum LineOutcome<'a> {
    /// The line's text (UTF-8, without BOM or line ending; never blank).
    Text(&'a str),
    /// The line could not be read as text.
    Unreadable(String),
}

/// Reads `path` line by line, calling `on_line` with the 1-based line number of every
/// non-blank line. A UTF-8 byte-order mark is accepted; `\r\n` endings too. Returns the
/// number of lines handed over.
pub fn read_jsonl(path: &Path, mut on_line: impl FnMut(usize, LineOutcome<'_>)) -> Result<usize> {
    let file = File::open(path).map_err(|source| Error::Input { path: path.to_owned(), source })?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut buffer = Vec::with_capacity(1 << 12);
    let mut line_number = 0;
    let mut handed = 0;
    loop {
        buffer.clear();
        let (read, too_long) = read_line_capped(&mut reader, &mut buffer)
            .map_err(|source| Error::Input { path: path.to_owned(), source })?;
        if read == 0 {
            break;
        }
        line_number += 1;
        if too_long {
            handed += 1;
            on_line(
                line_number,
                LineOutcome::Unreadable(format!(
                    "line is longer than the limit of {MAX_LINE_BYTES} bytes ({read} bytes)"
                )),
            );
            continue;
        }
        let mut bytes = buffer.as_slice();
        if line_number == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        while let Some((last, rest)) = bytes.split_last()
            && (*last == b'\n' || *last == b'\r')
        {
            bytes = rest;
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        handed += 1;
        match std::str::from_utf8(bytes) {
            Ok(text) => on_line(line_number, LineOutcome::Text(text)),
            Err(error) => on_line(
                line_number,
                LineOutcome::Unreadable(format!(
                    "invalid UTF-8 at byte {} of the line: expected UTF-8 text",
                    error.valid_up_to() + 1
                )),
            ),
        }
    }
    Ok(handed)
}

/// Reads one line into `buffer`, keeping at most [`MAX_LINE_BYTES`] + 2 bytes; returns
/// the line's full length and whether it was too long.
fn read_line_capped(
    reader: &mut impl BufRead,
    buffer: &mut Vec<u8>,
) -> std::io::Result<(usize, bool)> {
    let mut total = 0;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok((total, total > MAX_LINE_BYTES + 2));
        }
        let (chunk, done) = match available.iter().position(|byte| *byte == b'\n') {
            Some(end) => (&available[..=end], true),
            None => (available, false),
        };
        let length = chunk.len();
        if buffer.len() <= MAX_LINE_BYTES + 2 {
            let room = MAX_LINE_BYTES + 3 - buffer.len();
            buffer.extend_from_slice(&chunk[..length.min(room)]);
        }
        total += length;
        reader.consume(length);
        if done {
            return Ok((total, total > MAX_LINE_BYTES + 2));
        }
    }
}
