//! Importing JSON Lines files into one kind's index.

use std::collections::HashMap;
use std::path::PathBuf;

use meihe_core::model::{FieldError, parse_job, parse_resume};
use meihe_core::schema::Kind;
use serde::Serialize;

use crate::reader::{LineError, LineOutcome, read_jsonl};
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

/// Imports `files` into the `kind` index of `store` in one commit: either every accepted
/// line is durably written when this returns `Ok`, or (on `Err`) none of this import is.
/// Every file is opened before anything is written, so a missing or unreadable file
/// changes nothing. `progress` receives the number of bytes read so far.
pub fn import_jsonl(
    store: &IndexStore,
    builder: &mut DocumentBuilder,
    kind: Kind,
    files: &[PathBuf],
    mut progress: impl FnMut(u64),
) -> Result<ImportSummary> {
    for file in files {
        std::fs::File::open(file).map_err(|source| Error::Input { path: file.clone(), source })?;
    }
    let mut writer = store.writer(kind)?;
    let mut summary = ImportSummary::default();
    let mut first_lines: HashMap<String, (String, Vec<usize>)> = HashMap::new();
    let mut unresolved: HashMap<String, usize> = HashMap::new();
    let mut bytes = 0u64;
    let mut failure = None;
    for file in files {
        let name = file.display().to_string();
        let lines = read_jsonl(file, |line, outcome| {
            if failure.is_some() {
                return;
            }
            let text = match outcome {
                LineOutcome::Text(text) => text,
                LineOutcome::Unreadable(message) => {
                    summary.rejected.push(LineError {
                        file: name.clone(),
                        line,
                        field: String::new(),
                        message,
                    });
                    return;
                }
            };
            bytes += text.len() as u64 + 1;
            progress(bytes);
            let built = match kind {
                Kind::Jobs => parse_job(text)
                    .and_then(|job| checked(job.validate()).map(|()| job))
                    .map(|job| {
                        let (document, resolved) = builder.job(&job);
                        (job.id, document, resolved)
                    }),
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
                        *unresolved.entry(name).or_default() += 1;
                    }
                    let entry =
                        first_lines.entry(id.clone()).or_insert_with(|| (name.clone(), Vec::new()));
                    entry.0 = name.clone();
                    entry.1.push(line);
                    match writer.upsert(&id, document) {
                        Ok(()) => summary.accepted += 1,
                        Err(error) => failure = Some(error),
                    }
                }
                Err(error) => summary.rejected.push(LineError {
                    file: name.clone(),
                    line,
                    field: error.field,
                    message: error.message,
                }),
            }
        })?;
        if lines == 0 {
            summary.empty_files.push(name);
        }
    }
    if let Some(error) = failure {
        return Err(error);
    }
    writer.finish()?;
    let mut duplicates: Vec<Duplicate> = first_lines
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
