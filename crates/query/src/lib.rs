//! meihe-query: search and match over meihe's indexes.
//!
//! - [`query`] builds tantivy queries from text analysed by the same chain as the
//!   documents, with field boosts, a proximity boost, taxonomy ids, quoted phrases in any
//!   script and filters that never change scores. tantivy's QueryParser is not used: it
//!   turns a multi-token Chinese word into a phrase query, which loses recall.
//! - [`score`] is the pair scorer: one documented score for a (job, résumé) pair.
//! - [`engine`] runs searches and two-stage matches, with explanations, facets and
//!   highlights, and passes every résumé through [`visibility::redact`].

pub mod engine;
pub mod facets;
pub mod fair;
pub mod http;
pub mod query;
pub mod score;
pub mod visibility;

pub use engine::{
    EligibleFor, Engine, Error, Hit, MatchOptions, OfferTerms, Result, SearchRequest,
    SearchResponse, Subject,
};
pub use query::{CertificationFilter, Filters, build_query};
pub use score::{PairScore, pair_score};
pub use visibility::{Role, Viewer, redact};
