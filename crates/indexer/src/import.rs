//! Importing JSON Lines files into one kind's index.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::path::PathBuf;

use meihe_core::model::{FieldError, parse_job, parse_resume};
use meihe_core::schema::Kind;
use serde::Serialize;

use crate::reader::{LineError, LineOutcome, read_jsonl};
use crate::store::KindWriter;
use crate::tabular::{ColumnMapping, Row, read_csv, read_xlsx};
use crate::{DocumentBuilder, Error, IndexStore, Result};

/// How many of the most frequent unresolved names a summary lists.
pub const TOP_UNRESOLVED: usize = 20;

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Records written (a record repeated in the input counts once per line).
    pub accepted: usize,
    /// Lines rejected, with the reason.
    pub rejected: Vec<LineError>,
    /// Ids that appeared on more than one line: the last line won.
    pub duplicates: Vec<Duplicate>,
    /// The most frequent names the taxonomy did not resolve, with their counts.
    pub unresolved: Vec<(String, usize)>,
    /// Files that held no record at all.
    pub empty_files: Vec<String>,
}

/// An id given on more than one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    /// The id.
    pub id: String,
    /// File of the line that won.
    pub file: String,
    /// The lines it appeared on, the winning one last.
    pub lines: Vec<usize>,
}

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON Lines: one object per line.
    Jsonl,
    /// CSV with a header row, mapped to fields (see [`crate::tabular`]).
    Csv,
    /// The first sheet of an Excel (or OpenDocument) workbook, mapped like CSV.
    Xlsx,
}

/// Imports JSON Lines `files` into the `kind` index of `store`; see [`import_files`].
pub fn import_jsonl(
    store: &IndexStore,
    builder: &mut DocumentBuilder,
    kind: Kind,
    files: &[PathBuf],
    progress: impl FnMut(u64),
) -> Result<ImportSummary> {
    import_files(store, builder, kind, files, Format::Jsonl, &[], progress)
}

/// Imports `files` into the `kind` index of `store` in one commit: either every accepted
/// record is durably written when this returns `Ok`, or (on `Err`) none of this import is.
/// Every file is opened before anything is written, so a missing or unreadable file
/// changes nothing. `mapping` holds `FIELD=COLUMN` pairs for CSV and Excel. `progress`
/// receives the number of bytes read so far.
pub fn import_files(
    store: &IndexStore,
    builder: &mut DocumentBuilder,
    kind: Kind,
    files: &[PathBuf],
    format: Format,
    mapping: &[String],
    mut progress: impl FnMut(u64),
) -> Result<ImportSummary> {
    for file in files {
        std::fs::File::open(file).map_err(|source| Error::Input { path: file.clone(), source })?;
    }
    let mut batch = Batch {
        writer: store.writer(kind)?,
        builder,
        kind,
        summary: ImportSummary::default(),
        lines_by_id: HashMap::new(),
        unresolved: HashMap::new(),
        failure: None,
    };
    // Bytes of the files already read; progress within a file is added to it.
    let mut done = 0u64;
    for file in files {
        let name = file.display().to_string();
        let mut read = 0u64;
        let records = match format {
            Format::Jsonl => read_jsonl(file, |line, outcome| match outcome {
                LineOutcome::Text(text) => {
                    read += text.len() as u64 + 1;
                    progress(done + read);
                    batch.record(&name, line, text);
                }
                LineOutcome::Unreadable(message) => {
                    batch.reject(&name, line, String::new(), message)
                }
            })?,
            Format::Csv | Format::Xlsx => {
                let file_name = file
                    .file_name()
                    .map_or(name.clone(), |file_name| file_name.to_string_lossy().into_owned());
                // Set from the header row before any data row arrives.
                let table: OnceCell<(Vec<String>, ColumnMapping)> = OnceCell::new();
                let on_headers = |headers: &[String]| {
                    let columns = ColumnMapping::new(kind, mapping, headers)
                        .map_err(|message| Error::Mapping { path: file.clone(), message })?;
                    let _ = table.set((headers.to_vec(), columns));
                    Ok(())
                };
                let mut count = 0;
                let on_row = |line: usize, offset: u64, row: Row| {
                    let Some((headers, columns)) = table.get() else { return };
                    count += 1;
                    progress(done + offset);
                    match row.map(|cells| {
                        columns.row_to_json(&cells, headers, &format!("{file_name}#{count}"))
                    }) {
                        Ok(Ok(json)) => batch.record(&name, line, &json),
                        Ok(Err((field, message))) => batch.reject(&name, line, field, message),
                        Err(message) => batch.reject(&name, line, String::new(), message),
                    }
                };
                match format {
                    Format::Csv => read_csv(file, on_headers, on_row)?,
                    _ => read_xlsx(file, on_headers, on_row)?,
                }
                count
            }
        };
        done += std::fs::metadata(file).map_or(0, |metadata| metadata.len());
        if records == 0 {
            batch.summary.empty_files.push(name);
        }
    }
    batch.finish()
}

/// One import in progress: the writer and what has been seen so far.
struct Batch<'a> {
    writer: KindWriter,
    builder: &'a mut DocumentBuilder,
    kind: Kind,
    summary: ImportSummary,
    lines_by_id: HashMap<String, (String, Vec<usize>)>,
    unresolved: HashMap<String, usize>,
    failure: Option<Error>,
}

impl Batch<'_> {
    /// Parses, validates, builds and upserts one record given as JSON text.
    fn record(&mut self, file: &str, line: usize, text: &str) {
        if self.failure.is_some() {
            return;
        }
        let builder = &mut *self.builder;
        let built = match self.kind {
            Kind::Jobs => {
                parse_job(text).and_then(|job| checked(job.validate()).map(|()| job)).map(|job| {
                    let (document, resolved) = builder.job(&job);
                    (job.id, document, resolved)
                })
            }
            Kind::Resumes => parse_resume(text)
                .and_then(|resume| checked(resume.validate()).map(|()| resume))
                .map(|resume| {
                    let (document, resolved) = builder.resume(&resume);
                    (resume.id, document, resolved)
                }),
        };
        match built {
            Ok((id, document, resolved)) => {
                for name in resolved.unresolved {
                    *self.unresolved.entry(name).or_default() += 1;
                }
                let entry = self
                    .lines_by_id
                    .entry(id.clone())
                    .or_insert_with(|| (file.to_owned(), Vec::new()));
                file.clone_into(&mut entry.0);
                entry.1.push(line);
                match self.writer.upsert(&id, document) {
                    Ok(()) => self.summary.accepted += 1,
                    Err(error) => self.failure = Some(error),
                }
            }
            Err(error) => self.reject(file, line, error.field, error.message),
        }
    }

    fn reject(&mut self, file: &str, line: usize, field: String, message: String) {
        self.summary.rejected.push(LineError { file: file.to_owned(), line, field, message });
    }

    /// Commits and completes the summary.
    fn finish(self) -> Result<ImportSummary> {
        let Batch { writer, mut summary, lines_by_id, unresolved, failure, .. } = self;
        if let Some(error) = failure {
            return Err(error);
        }
        writer.finish()?;
        let mut duplicates: Vec<Duplicate> = lines_by_id
            .into_iter()
            .filter(|(_, (_, lines))| lines.len() > 1)
            .map(|(id, (file, lines))| Duplicate { id, file, lines })
            .collect();
        duplicates.sort_by(|left, right| left.lines.cmp(&right.lines));
        summary.duplicates = duplicates;
        let mut unresolved: Vec<(String, usize)> = unresolved.into_iter().collect();
        unresolved.sort_by(|left, right| right.1.cmp(&left.1).then_with(|| left.0.cmp(&right.0)));
        unresolved.truncate(TOP_UNRESOLVED);
        summary.unresolved = unresolved;
        Ok(summary)
    }
}

/// Deletes `ids` from the `kind` index in one durable commit.
pub fn delete_ids(store: &IndexStore, kind: Kind, ids: &[String]) -> Result<()> {
    let mut writer = store.writer(kind)?;
    for id in ids {
        writer.delete(id);
    }
    writer.finish()
}

fn checked(errors: Vec<FieldError>) -> std::result::Result<(), FieldError> {
    match errors.into_iter().next() {
        Some(error) => Err(error),
        None => Ok(()),
    }
}
