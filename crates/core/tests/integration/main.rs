//! Integration tests of meihe-core, by area.

/// Shared analyzer and assertion helpers.
mod support;

/// Table-driven analysis cases: scripts, vocabulary, widths, mixed text, edge inputs.
mod analysis_cases;

/// Property tests of offsets, idempotent folding and script-independence.
mod analysis_properties;

/// Phrase queries across scripts through a real tantivy index.
mod phrase;

/// Taxonomy extraction over realistic sentences in the three scripts.
mod extraction;

/// The built-in taxonomy's coverage and consistency, and user extensions.
mod taxonomy;

/// The data contract: parsing and validation of postings and résumés.
mod model;

/// The sample postings and résumés in fixtures/ parse, validate and round-trip.
mod fixtures;
