//! The error type of meihe-core.

use std::path::PathBuf;

/// Errors raised while loading the taxonomy or building the analysis chain.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A taxonomy file has a malformed row.
    #[error("{file}:{line}: column `{column}`: {message}")]
    TaxonomyRow {
        /// File name, such as `skills.tsv`.
        file: String,
        /// 1-based line number.
        line: usize,
        /// Column name from the header.
        column: String,
        /// What was wrong and what was expected.
        message: String,
    },
    /// A taxonomy file has the wrong header.
    #[error("{file}: header must be `{expected}`, found `{found}`")]
    TaxonomyHeader {
        /// File name.
        file: String,
        /// The header the file must have.
        expected: String,
        /// The header it has.
        found: String,
    },
    /// A taxonomy directory or file could not be read.
    #[error("cannot read taxonomy at {path}: {source}")]
    TaxonomyIo {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The analysis chain could not be built.
    #[error("cannot build the analyzer: {0}")]
    Analyzer(String),
}

/// Result alias for meihe-core.
pub type Result<T> = std::result::Result<T, Error>;
