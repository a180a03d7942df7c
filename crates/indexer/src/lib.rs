//! meihe-indexer: turns JSON Lines files of job postings and résumés into meihe's tantivy
//! indexes.
//!
//! - [`reader`] reads lines, with per-line errors that name the line and the field;
//! - [`document`] resolves skill and certification names through the taxonomy, extracts
//!   taxonomy ids from the text, and builds tantivy documents against the schema that
//!   `meihe_core::schema` declares;
//! - [`store`] opens the two indexes of a meihe index directory and owns their writers:
//!   upsert by id, delete by id, durable commit.
//!
//! Querying and HTTP are left to `meihe-query`.

pub mod document;
mod error;
pub mod generate;
pub mod import;
pub mod reader;
pub mod store;
pub mod tabular;

pub use document::{DocumentBuilder, Resolved};
pub use error::{Error, Result};
pub use import::{Duplicate, Format, ImportSummary, delete_ids, import_files, import_jsonl};
pub use reader::{LineError, LineOutcome, read_jsonl};
pub use store::{IndexStore, KindWriter, Stats};
