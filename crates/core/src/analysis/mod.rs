//! The text analysis chain that indexing and querying share.
//!
//! 1. [`normalize`]: Unicode NFKC and lower case (ＰＹＴＨＯＮ → python);
//! 2. [`fold`]: Traditional and Simplified characters and Taiwan/Mainland vocabulary to one
//!    form (軟體工程師 and 软件工程师 → 软件工程师), before segmentation;
//! 3. [`segment`]: UAX #29 word boundaries, jieba search-mode words for Han runs, English
//!    stems, taxonomy terms such as `c++` kept whole;
//! 4. [`extract`]: the taxonomy ids a text mentions.
//!
//! Offsets and positions:
//! - [`AnalyzedToken::start`] and [`AnalyzedToken::end`] are **byte** offsets into the
//!   user's ORIGINAL text, on character boundaries, also where folding changed the length
//!   (演算法 → 算法 maps back to all of 演算法);
//! - [`AnalyzedToken::position`] counts **units** of the folded text: one per Han character
//!   and one per non-Han word. A phrase therefore has the same relative positions in
//!   Traditional, Simplified or mixed text.
//!
//! ```
//! use meihe_core::{Analyzer, Taxonomy};
//!
//! let analyzer = Analyzer::new(&Taxonomy::builtin().unwrap()).unwrap();
//! let terms = |text: &str| analyzer.tokens(text).into_iter().map(|t| t.text).collect::<Vec<_>>();
//! assert_eq!(terms("軟體工程師"), terms("软件工程师"));
//! let mixed = analyzer.tokens("熟悉Python與Linux");
//! assert!(mixed.iter().any(|t| t.text == "python" && t.start == 6 && t.end == 12));
//! ```

pub mod extract;
pub mod fold;
pub mod mapped;
pub mod normalize;
pub mod segment;
pub mod tokenizer;

use std::sync::Arc;

use serde::Serialize;
use tantivy::tokenizer::{TextAnalyzer, TokenizerManager};

pub use extract::{CertificationMention, Extraction, Extractor};
pub use fold::ScriptFolder;
pub use mapped::MappedText;
pub use segment::{AnalyzedToken, Segmenter, StemCache, TokenSink};
pub use tokenizer::MeiheTokenizer;

use crate::Result;
use crate::taxonomy::{EntryKind, Taxonomy};

/// Name under which [`register_tokenizers`] registers the chain; the schema's text fields
/// refer to it, so it must never change for an existing index.
pub const TOKENIZER_NAME: &str = "meihe";

/// Latin words kept unstemmed besides the taxonomy's own terms.
const UNSTEMMED_WORDS: &[&str] = &["ipas"];

/// The whole analysis chain, built once from a taxonomy and shared (it is `Send + Sync`).
pub struct Analyzer {
    folder: ScriptFolder,
    segmenter: Segmenter,
    extractor: Extractor,
}

/// Reusable buffers for [`Analyzer::tokens_into`] and [`Analyzer::analyze_with`].
#[derive(Debug, Default)]
pub struct Scratch {
    normalized: MappedText,
    folded: MappedText,
    boundaries: Vec<bool>,
    stems: StemCache,
}

/// Tokens and extracted ids of one text, as `meihe analyze --json` prints them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Analysis {
    /// Tokens in order.
    pub tokens: Vec<AnalyzedToken>,
    /// Skill ids.
    pub skills: Vec<String>,
    /// Certifications with the level stated next to them (`null` when none was).
    pub certifications: Vec<CertificationMention>,
    /// Occupation codes.
    pub occupations: Vec<String>,
    /// Industry group ids.
    pub industries: Vec<String>,
}

impl Analyzer {
    /// Builds the chain: folding tables, jieba with every taxonomy term in its dictionary,
    /// and the extractor.
    pub fn new(taxonomy: &Taxonomy) -> Result<Analyzer> {
        let folder = ScriptFolder::new(taxonomy.variants())?;
        // Folded once here, for jieba's dictionary, the kept-whole terms and the extractor.
        let folded_forms: Vec<String> = taxonomy
            .surface_forms()
            .into_iter()
            .map(|(_, _, form)| folder.fold_str(form))
            .collect();
        let latin_forms = folded_forms
            .iter()
            .map(String::as_str)
            .filter(|form| !form.chars().any(segment::is_han))
            .chain(UNSTEMMED_WORDS.iter().copied());
        let segmenter = Segmenter::new(folded_forms.iter().map(String::as_str), latin_forms)?;
        let extractor = Extractor::new(taxonomy, &folded_forms)?;
        Ok(Analyzer { folder, segmenter, extractor })
    }

    /// Normalises and folds `text`, keeping the map back to its original bytes.
    pub fn fold(&self, text: &str) -> MappedText {
        let mut scratch = MappedText::with_capacity(text.len());
        let mut folded = MappedText::with_capacity(text.len() + text.len() / 4);
        self.folder.fold_into(text, &mut scratch, &mut folded);
        folded
    }

    /// The tokens of `text`.
    pub fn tokens(&self, text: &str) -> Vec<AnalyzedToken> {
        let mut tokens = Vec::with_capacity(text.len() / 2);
        self.tokens_into(text, &mut Scratch::default(), &mut tokens);
        tokens
    }

    /// Sends the tokens of `text` to `sink`, reusing `scratch`'s buffers: the allocation-free
    /// path the tantivy tokenizer takes.
    pub fn tokens_into(&self, text: &str, scratch: &mut Scratch, sink: &mut dyn TokenSink) {
        self.folder.fold_into(text, &mut scratch.normalized, &mut scratch.folded);
        self.segmenter.segment_into(&scratch.folded, sink, None, &mut scratch.stems);
    }

    /// The taxonomy ids `text` mentions.
    pub fn extract(&self, text: &str) -> Extraction {
        let Analysis { skills, certifications, occupations, industries, .. } = self.analyze(text);
        Extraction { skills, certifications, occupations, industries }
    }

    /// Tokens and extracted ids together, folding and segmenting the text once.
    pub fn analyze(&self, text: &str) -> Analysis {
        self.analyze_with(text, &mut Scratch::default())
    }

    /// [`Analyzer::analyze`] reusing `scratch`'s buffers (for indexing many texts).
    pub fn analyze_with(&self, text: &str, scratch: &mut Scratch) -> Analysis {
        self.folder.fold_into(text, &mut scratch.normalized, &mut scratch.folded);
        let mut tokens = Vec::with_capacity(text.len() / 2);
        self.segmenter.segment_into(
            &scratch.folded,
            &mut tokens,
            Some(&mut scratch.boundaries),
            &mut scratch.stems,
        );
        let Extraction { skills, certifications, occupations, industries } =
            self.extractor.extract(scratch.folded.as_str(), &scratch.boundaries);
        Analysis { tokens, skills, certifications, occupations, industries }
    }

    /// The folded form of `text` alone (what the index stores as terms, before segmentation).
    pub fn fold_str(&self, text: &str) -> String {
        self.folder.fold_str(text)
    }

    /// The id of the `kind` entry named exactly `name` (any script, any alias), for names
    /// given in structured fields such as `{"name":"資料分析"}`.
    ///
    /// ```
    /// use meihe_core::{Analyzer, EntryKind, Taxonomy};
    /// let analyzer = Analyzer::new(&Taxonomy::builtin().unwrap()).unwrap();
    /// assert_eq!(analyzer.resolve(EntryKind::Skill, "数据分析"), Some("data-analysis"));
    /// assert_eq!(analyzer.resolve(EntryKind::Skill, "量子糾纏"), None);
    /// ```
    pub fn resolve(&self, kind: EntryKind, name: &str) -> Option<&str> {
        self.extractor.lookup(kind, &self.folder.fold_str(name))
    }
}

/// Registers the chain under [`TOKENIZER_NAME`]. Indexing and querying both open the index
/// through this one function, so the two sides cannot drift apart.
///
/// ```
/// use std::sync::Arc;
/// use meihe_core::{Analyzer, Taxonomy, register_tokenizers, TOKENIZER_NAME};
/// use tantivy::tokenizer::TokenizerManager;
///
/// let analyzer = Arc::new(Analyzer::new(&Taxonomy::builtin().unwrap()).unwrap());
/// let manager = TokenizerManager::default();
/// register_tokenizers(&manager, analyzer);
/// let mut chain = manager.get(TOKENIZER_NAME).unwrap();
/// let mut stream = chain.token_stream("具iPAS資訊安全工程師中級證照");
/// assert!(stream.advance());
/// ```
pub fn register_tokenizers(manager: &TokenizerManager, analyzer: Arc<Analyzer>) {
    manager.register(TOKENIZER_NAME, TextAnalyzer::from(MeiheTokenizer::new(analyzer)));
}
