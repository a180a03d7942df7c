//! meihe-query: retrieval over meihe's indexes. This first part builds the tantivy
//! queries: free text analysed by the same chain as the documents, with field boosts,
//! taxonomy ids found in the query, quoted phrases in any script, and filters that never
//! change scores. Ranking, explanations, facets and highlighting build on it.
//!
//! tantivy's QueryParser is not used: it turns a multi-token Chinese word into a phrase
//! query, which loses recall, and knows nothing of taxonomy ids.

pub mod query;

pub use query::{CertificationFilter, Filters, build_query};
