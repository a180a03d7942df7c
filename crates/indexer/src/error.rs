//! The error type of meihe-indexer.

use std::path::PathBuf;

/// Errors that stop an import as a whole (a bad line is not one: see
/// [`LineError`](crate::LineError)).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The index directory could not be created or opened.
    #[error("cannot open the index at {path}: {message}")]
    IndexOpen {
        /// The index directory.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Another process holds the index's writer lock.
    #[error(
        "the index at {path} is being written by another process; wait for it to finish (or stop it) and try again"
    )]
    IndexLocked {
        /// The index directory.
        path: PathBuf,
    },
    /// An input file could not be read.
    #[error("cannot read {path}: {source}")]
    Input {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A column mapping does not fit the file's header.
    #[error("{path}: {message}")]
    Mapping {
        /// The file.
        path: PathBuf,
        /// What does not fit.
        message: String,
    },
    /// tantivy failed while writing or committing.
    #[error("index error: {0}")]
    Index(#[from] tantivy::TantivyError),
}

/// Result alias for meihe-indexer.
pub type Result<T> = std::result::Result<T, Error>;
