//! meihe-core: the domain, the job-market taxonomy and the bilingual text analysis chain
//! of meihe.
//!
//! This crate holds what every other part of meihe shares: the [`Taxonomy`] (skills, iPAS
//! certifications with their levels, occupations, policy industries, Taiwan/Mainland
//! vocabulary) and the [`Analyzer`], which turns Traditional Chinese, Simplified Chinese,
//! English or mixed text into the same tokens and taxonomy ids, for indexing and for
//! querying alike. It leaves reading files, the index writer, ranking and HTTP to the other
//! crates.
//!
//! ```
//! use meihe_core::{Analyzer, Level, Taxonomy};
//!
//! let analyzer = Analyzer::new(&Taxonomy::builtin().unwrap()).unwrap();
//! let found = analyzer.extract("熟悉Python與Linux，具iPAS資訊安全工程師中級證照");
//! assert!(found.skills.contains(&"python".to_string()));
//! assert_eq!(found.certifications[0].id, "ipas-infosec");
//! assert_eq!(found.certifications[0].level, Some(Level::Intermediate));
//! ```

pub mod analysis;
pub mod eligibility;
mod error;
mod level;
pub mod model;
pub mod profile;
pub mod schema;
pub mod taxonomy;

pub use analysis::{
    Analysis, AnalyzedToken, Analyzer, CertificationMention, Extraction, TOKENIZER_NAME,
    register_tokenizers,
};
pub use error::{Error, Result};
pub use level::Level;
pub use taxonomy::{EntryKind, Taxonomy};
