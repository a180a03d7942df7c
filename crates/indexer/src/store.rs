//! The index directory: one tantivy index per kind, and their writers.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use meihe_core::schema::{Kind, KindSchema};
use meihe_core::{Analyzer, register_tokenizers};
use serde::Serialize;
use tantivy::directory::error::LockError;
use tantivy::{Index, IndexWriter, TantivyDocument, TantivyError, Term};

use crate::{Error, Result};

/// Memory the writer of one kind may use before it flushes a segment.
const WRITER_MEMORY_BYTES: usize = 128 << 20;

/// A meihe index directory, holding `jobs/` and `resumes/`.
pub struct IndexStore {
    path: PathBuf,
    jobs: Index,
    resumes: Index,
}

/// Documents, segments and bytes on disk (`meihe stats --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Job postings.
    pub jobs: u64,
    /// Résumés.
    pub resumes: u64,
    /// Segments in both indexes.
    pub segments: usize,
    /// Bytes on disk under the index directory.
    pub bytes: u64,
}

impl IndexStore {
    /// Opens the index at `path`, creating it (and the directory) if needed, and registers
    /// the analysis chain on both kinds.
    pub fn open_or_create(path: &Path, analyzer: Arc<Analyzer>) -> Result<IndexStore> {
        let open_error = |message: String| Error::IndexOpen { path: path.to_owned(), message };
        let jobs = open_kind(path, Kind::Jobs).map_err(open_error)?;
        let resumes = open_kind(path, Kind::Resumes).map_err(open_error)?;
        register_tokenizers(jobs.tokenizers(), analyzer.clone());
        register_tokenizers(resumes.tokenizers(), analyzer);
        Ok(IndexStore { path: path.to_owned(), jobs, resumes })
    }

    /// The tantivy index of `kind`.
    pub fn kind_index(&self, kind: Kind) -> &Index {
        match kind {
            Kind::Jobs => &self.jobs,
            Kind::Resumes => &self.resumes,
        }
    }

    /// Takes the writer lock of `kind`; a second writer, in this process or another,
    /// gets [`Error::IndexLocked`].
    pub fn writer(&self, kind: Kind) -> Result<KindWriter> {
        let writer =
            self.kind_index(kind).writer(WRITER_MEMORY_BYTES).map_err(|error| match error {
                TantivyError::LockFailure(LockError::LockBusy, _) => {
                    Error::IndexLocked { path: self.path.clone() }
                }
                other => Error::Index(other),
            })?;
        Ok(KindWriter { writer, fields: KindSchema::new(kind) })
    }

    /// Counts documents, segments and bytes.
    pub fn stats(&self) -> Result<Stats> {
        let mut counts = [0u64; 2];
        let mut segments = 0;
        for (slot, kind) in Kind::ALL.iter().enumerate() {
            let index = self.kind_index(*kind);
            let reader = index.reader()?;
            counts[slot] = reader.searcher().num_docs();
            segments += index.searchable_segment_ids()?.len();
        }
        Ok(Stats {
            jobs: counts[0],
            resumes: counts[1],
            segments,
            bytes: directory_bytes(&self.path),
        })
    }
}

/// The writer of one kind: upsert and delete by id, then a durable commit.
pub struct KindWriter {
    writer: IndexWriter<TantivyDocument>,
    fields: KindSchema,
}

impl KindWriter {
    /// Adds `document`, replacing any document with the same `id` (also one added earlier
    /// in the same commit: the last one wins).
    pub fn upsert(&mut self, id: &str, document: TantivyDocument) -> Result<()> {
        self.writer.delete_term(Term::from_field_text(self.fields.id, id));
        self.writer.add_document(document)?;
        Ok(())
    }

    /// Deletes the document with `id`, if there is one.
    pub fn delete(&mut self, id: &str) {
        self.writer.delete_term(Term::from_field_text(self.fields.id, id));
    }

    /// Commits durably and keeps the writer (and its lock) for more changes: once this
    /// returns, the changes survive a crash or `kill -9`.
    pub fn commit(&mut self) -> Result<()> {
        self.writer.commit()?;
        Ok(())
    }

    /// Drops every change since the last commit.
    pub fn rollback(&mut self) -> Result<()> {
        self.writer.rollback()?;
        Ok(())
    }

    /// Commits and waits for merges, releasing the lock: once this returns, the changes
    /// are on disk (tantivy syncs its files and its meta file) and survive a crash or
    /// `kill -9`.
    pub fn finish(mut self) -> Result<()> {
        self.writer.commit()?;
        self.writer.wait_merging_threads()?;
        Ok(())
    }
}

fn open_kind(root: &Path, kind: Kind) -> std::result::Result<Index, String> {
    let path = root.join(kind.as_str());
    std::fs::create_dir_all(&path).map_err(|error| error.to_string())?;
    let schema = KindSchema::new(kind).schema;
    let directory =
        tantivy::directory::MmapDirectory::open(&path).map_err(|error| error.to_string())?;
    let exists = Index::exists(&directory).map_err(|error| error.to_string())?;
    if !exists {
        return Index::create(directory, schema, tantivy::IndexSettings::default())
            .map_err(|error| error.to_string());
    }
    let index = Index::open(directory).map_err(|error| error.to_string())?;
    if index.schema() != schema {
        return Err(format!(
            "its {} index was written with another schema; re-index into a new directory",
            kind.as_str()
        ));
    }
    Ok(index)
}

fn directory_bytes(path: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(path) else { return 0 };
    entries
        .flatten()
        .map(|entry| match entry.metadata() {
            Ok(metadata) if metadata.is_dir() => directory_bytes(&entry.path()),
            Ok(metadata) => metadata.len(),
            Err(_) => 0,
        })
        .sum()
}
