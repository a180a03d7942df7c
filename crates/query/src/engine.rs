//! The engine: search, match, fetch, facets, highlights and explanations over one
//! [`IndexStore`]. The HTTP service and the command line both call it, so they return the
//! same JSON.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use meihe_core::analysis::Scratch;
use meihe_core::eligibility::{Eligibility, Offer, mid_level_technical};
use meihe_core::model::{JobPosting, Resume};
use meihe_core::profile::{JobProfile, ResumeProfile};
use meihe_core::schema::{Kind, KindSchema, certification_term};
use meihe_core::{Analyzer, EntryKind, Level, Taxonomy};
use meihe_indexer::IndexStore;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value as _};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::facets::{FACETS, FacetCollector, FacetCount, count_documents, facet_lists};
use crate::query::{BODY_BOOST, Filters, SKILLS_BOOST, TITLE_BOOST, build_query};
use crate::score::{MISSING_CERTIFICATION_CAP, PairScore, pair_score};
use crate::visibility::{Viewer, redact};

/// Largest page.
pub const MAX_SIZE: usize = 100;
/// Deepest page end (`from + size`).
pub const MAX_WINDOW: usize = 10_000;
/// Default page size.
pub const DEFAULT_SIZE: usize = 20;
/// Default number of retrieved documents the pair scorer re-ranks.
pub const DEFAULT_RERANK: usize = 200;
/// Terms of the asking document used for retrieval.
const RETRIEVAL_TERMS: usize = 32;

/// What went wrong with a request or the index.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The request is invalid; `field` names the part (`size`, `filters.salary_min`).
    #[error("{field}: {message}")]
    Invalid {
        /// Dotted path of the offending field.
        field: String,
        /// What is wrong, for a person.
        message: String,
    },
    /// No document has this id (or the viewer may not see it).
    #[error("no {kind} with id `{id}`")]
    NotFound {
        /// `job` or `résumé`.
        kind: &'static str,
        /// The id asked for.
        id: String,
    },
    /// The index failed.
    #[error("index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// Opening the store failed.
    #[error("{0}")]
    Store(#[from] meihe_indexer::Error),
}

/// Results of engine calls.
pub type Result<T> = std::result::Result<T, Error>;

fn invalid(field: &str, message: impl Into<String>) -> Error {
    Error::Invalid { field: field.to_owned(), message: message.into() }
}

/// The offer a mid-level technical eligibility filter checks candidates against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OfferTerms {
    /// Monthly salary offered, TWD.
    pub monthly_salary: i64,
    /// Annual pay offered, TWD, when known.
    #[serde(default)]
    pub annual_pay: Option<i64>,
    /// Whether this is the candidate's first employment (overseas students).
    #[serde(default)]
    pub first_hire: bool,
}

/// Eligibility filters (SPEC §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EligibleFor {
    /// Mid-level technical work (中階技術人力) at this offer.
    #[serde(default)]
    pub mid_level_technical: Option<OfferTerms>,
}

impl EligibleFor {
    /// Mid-level technical eligibility at a monthly salary written as text (`36000`,
    /// `36,000`), as the command line and the GET routes give it.
    pub fn mid_level_at(salary: &str) -> std::result::Result<EligibleFor, String> {
        let monthly_salary = salary
            .trim()
            .replace([',', '_'], "")
            .parse()
            .map_err(|_| format!("`{salary}` is not a whole number"))?;
        Ok(EligibleFor {
            mid_level_technical: Some(OfferTerms {
                monthly_salary,
                annual_pay: None,
                first_hire: false,
            }),
        })
    }
}

/// A search request (SPEC §6).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct SearchRequest {
    /// Free text in any script; `"…"` for phrases. Empty: every document that passes the
    /// filters.
    pub q: String,
    /// Filters; they never change scores.
    pub filters: Filters,
    /// Eligibility filter (résumés only).
    pub eligible_for: Option<EligibleFor>,
    /// Facets to count (see [`FACETS`]).
    pub facets: Vec<String>,
    /// Whether to return highlighted snippets.
    pub highlight: bool,
    /// Whether to explain every hit.
    pub explain: bool,
    /// First hit, from 0.
    pub from: usize,
    /// Hits per page (default 20, at most 100).
    pub size: Option<usize>,
}

/// Options of a match request (SPEC §6 `POST /v1/match`).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct MatchOptions {
    /// Filters on the documents matched.
    pub filters: Filters,
    /// Eligibility filter (when matching résumés).
    pub eligible_for: Option<EligibleFor>,
    /// Facets to count.
    pub facets: Vec<String>,
    /// Whether to return highlighted snippets.
    pub highlight: bool,
    /// Whether to explain every hit.
    pub explain: bool,
    /// First hit, from 0.
    pub from: usize,
    /// Hits per page (default 20, at most 100).
    pub size: Option<usize>,
    /// How many retrieved documents the pair scorer re-ranks (default 200, at most
    /// 10,000).
    pub rerank: Option<usize>,
}

/// One hit.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Hit {
    /// Document id.
    pub id: String,
    /// Search: BM25 relevance. Match: the pair score in [0, 1].
    pub score: f64,
    /// The document, redacted for the viewer.
    #[schema(value_type = Object)]
    pub doc: Value,
    /// Snippets of the original text by field, matched characters in `<em>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub highlights: Option<BTreeMap<String, Vec<String>>>,
    /// Why it matched and what is missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub explanation: Option<Value>,
}

/// A page of results.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SearchResponse {
    /// Documents that match (before paging).
    pub total: u64,
    /// Time taken in the engine, milliseconds.
    pub took_ms: u64,
    /// The page.
    pub hits: Vec<Hit>,
    /// Facet counts over all matching documents, when asked for.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub facets: BTreeMap<String, Vec<FacetCount>>,
}

/// The asking side of a match: a posting (→ résumés) or a résumé (→ postings).
#[derive(Debug, Clone)]
pub enum Subject {
    /// A posting; finds résumés.
    Job(Box<JobPosting>),
    /// A résumé; finds postings.
    Resume(Box<Resume>),
}

/// Search and match over one store.
pub struct Engine {
    store: IndexStore,
    analyzer: Arc<Analyzer>,
    taxonomy: Arc<Taxonomy>,
    readers: [IndexReader; 2],
    schemas: [KindSchema; 2],
}

fn slot(kind: Kind) -> usize {
    match kind {
        Kind::Jobs => 0,
        Kind::Resumes => 1,
    }
}

impl Engine {
    /// Opens (or creates) the store at `path`.
    pub fn open(path: &Path, taxonomy: Arc<Taxonomy>, analyzer: Arc<Analyzer>) -> Result<Engine> {
        let store = IndexStore::open_or_create(path, analyzer.clone())?;
        Engine::new(store, taxonomy, analyzer)
    }

    /// Serves an open store. Readers pick up commits by themselves shortly after they
    /// happen; [`Engine::reload`] makes a commit visible at once.
    pub fn new(
        store: IndexStore,
        taxonomy: Arc<Taxonomy>,
        analyzer: Arc<Analyzer>,
    ) -> Result<Engine> {
        let reader = |kind: Kind| {
            store
                .kind_index(kind)
                .reader_builder()
                .reload_policy(ReloadPolicy::OnCommitWithDelay)
                .try_into()
        };
        let readers = [reader(Kind::Jobs)?, reader(Kind::Resumes)?];
        Ok(Engine {
            store,
            analyzer,
            taxonomy,
            readers,
            schemas: [KindSchema::new(Kind::Jobs), KindSchema::new(Kind::Resumes)],
        })
    }

    /// The store, for writes.
    pub fn store(&self) -> &IndexStore {
        &self.store
    }

    /// The analysis chain.
    pub fn analyzer(&self) -> &Arc<Analyzer> {
        &self.analyzer
    }

    /// The taxonomy.
    pub fn taxonomy(&self) -> &Arc<Taxonomy> {
        &self.taxonomy
    }

    /// Makes every commit so far visible to searches.
    pub fn reload(&self) -> Result<()> {
        for reader in &self.readers {
            reader.reload()?;
        }
        Ok(())
    }

    /// A searcher on the latest visible commit of `kind`.
    pub fn searcher(&self, kind: Kind) -> Searcher {
        self.readers[slot(kind)].searcher()
    }

    fn schema(&self, kind: Kind) -> &KindSchema {
        &self.schemas[slot(kind)]
    }

    /// Number of documents of `kind` visible to searches.
    pub fn count(&self, kind: Kind) -> u64 {
        self.searcher(kind).num_docs()
    }

    /// Fetches one document by id, redacted for `viewer`. Hidden résumés are found only
    /// by their owner and admins.
    pub fn get(&self, kind: Kind, id: &str, viewer: &Viewer) -> Result<Value> {
        let searcher = self.searcher(kind);
        let not_found = || Error::NotFound { kind: kind_name(kind), id: id.to_owned() };
        let address = self.find(&searcher, kind, id)?.ok_or_else(not_found)?;
        let source = parse_source(&self.load(&searcher, kind, address)?.source);
        match kind {
            Kind::Jobs => Ok(source),
            Kind::Resumes => redact(viewer, source).ok_or_else(not_found),
        }
    }

    fn find(&self, searcher: &Searcher, kind: Kind, id: &str) -> Result<Option<DocAddress>> {
        let term = Term::from_field_text(self.schema(kind).id, id);
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let hits = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        Ok(hits.first().map(|(_, address)| *address))
    }

    /// The stored id, source JSON and profile JSON of a document, unparsed.
    fn load(&self, searcher: &Searcher, kind: Kind, address: DocAddress) -> Result<Stored> {
        let fields = self.schema(kind);
        let document: TantivyDocument = searcher.doc(address)?;
        let text = |field: Field| {
            document.get_first(field).and_then(|value| value.as_str()).unwrap_or("{}").to_owned()
        };
        Ok(Stored {
            id: text(fields.id),
            source: text(fields.source),
            profile: text(fields.profile),
        })
    }

    /// Free-text search over `kind` (SPEC §5, §6).
    pub fn search(
        &self,
        kind: Kind,
        request: &SearchRequest,
        viewer: &Viewer,
    ) -> Result<SearchResponse> {
        let started = Instant::now();
        let (from, size) = page(request.from, request.size)?;
        check_facets(&request.facets)?;
        let offer = eligibility_offer(kind, request.eligible_for.as_ref())?;
        let mut query = build_query(&self.analyzer, kind, &request.q, &request.filters);
        if offer.is_some() {
            query = with_eligibility_prefilter(query, self.schema(kind));
        }
        let searcher = self.searcher(kind);
        let (total, ranked, counts) =
            self.collect(&searcher, kind, &*query, from..from + size, &request.facets, offer)?;
        let query_skills = request.explain.then(|| self.query_skills(&request.q, &request.filters));
        let highlighter = if request.highlight {
            Some(Highlighter::new(self, &searcher, kind, &self.highlight_terms(&request.q))?)
        } else {
            None
        };
        let mut hits = Vec::new();
        for candidate in ranked {
            let Some(doc) = self.visible(kind, parse_source(&candidate.stored.source), viewer)
            else {
                continue;
            };
            let explanation = request.explain.then(|| {
                let profile = parse_profile(kind, &candidate.stored.profile);
                let wanted = query_skills.as_ref().expect("computed when explaining");
                let mut explanation = self.explain_search(candidate.score, wanted, &profile);
                if let Some(eligibility) = &candidate.eligibility {
                    explanation["eligibility"] = json!(eligibility);
                }
                explanation
            });
            let highlights = highlighter.as_ref().map(|highlighter| highlighter.highlight(&doc));
            hits.push(Hit {
                id: doc_id(&doc),
                score: round(candidate.score),
                doc,
                highlights,
                explanation,
            });
        }
        let facets = facet_lists(&request.facets, &counts, &self.taxonomy);
        Ok(SearchResponse { total, took_ms: elapsed_ms(started), hits, facets })
    }

    /// Matches a stored document: a job id gives résumés, a résumé id gives jobs.
    pub fn match_stored(
        &self,
        kind: Kind,
        id: &str,
        options: &MatchOptions,
        viewer: &Viewer,
    ) -> Result<SearchResponse> {
        let searcher = self.searcher(kind);
        let not_found = || Error::NotFound { kind: kind_name(kind), id: id.to_owned() };
        let address = self.find(&searcher, kind, id)?.ok_or_else(not_found)?;
        let stored = self.load(&searcher, kind, address)?;
        if kind == Kind::Resumes && redact(viewer, parse_source(&stored.source)).is_none() {
            return Err(not_found());
        }
        // The stored profile is what building one from the source would give: no need to
        // analyse the document again.
        self.match_profile(parse_profile(kind, &stored.profile), options, viewer)
    }

    /// Matches a posting or résumé, stored or not (SPEC §5): tantivy retrieves documents
    /// of the other kind that share skills, certifications, occupations or terms with it;
    /// the pair scorer re-ranks the best `rerank` of them.
    pub fn match_subject(
        &self,
        subject: &Subject,
        options: &MatchOptions,
        viewer: &Viewer,
    ) -> Result<SearchResponse> {
        let mut scratch = Scratch::default();
        let asking = match subject {
            Subject::Job(job) => Profile::Job(
                JobProfile::build(&self.analyzer, &self.taxonomy, job, &mut scratch).profile,
            ),
            Subject::Resume(resume) => Profile::Resume(
                ResumeProfile::build(&self.analyzer, &self.taxonomy, resume, &mut scratch).profile,
            ),
        };
        self.match_profile(asking, options, viewer)
    }

    /// The two stages of a match, from the asking document's profile.
    fn match_profile(
        &self,
        asking: Profile,
        options: &MatchOptions,
        viewer: &Viewer,
    ) -> Result<SearchResponse> {
        let started = Instant::now();
        let (from, size) = page(options.from, options.size)?;
        check_facets(&options.facets)?;
        let rerank = options.rerank.unwrap_or(DEFAULT_RERANK);
        if rerank == 0 || rerank > MAX_WINDOW {
            return Err(invalid("rerank", format!("must be between 1 and {MAX_WINDOW}")));
        }
        let target = match asking {
            Profile::Job(_) => Kind::Resumes,
            Profile::Resume(_) => Kind::Jobs,
        };
        let offer = eligibility_offer(target, options.eligible_for.as_ref())?;
        let fields = self.schema(target);
        let mut query: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
            (Occur::Must, build_query(&self.analyzer, target, "", &options.filters)),
            (Occur::Must, self.retrieval_query(&asking, fields)),
        ]));
        if offer.is_some() {
            query = with_eligibility_prefilter(query, fields);
        }
        let searcher = self.searcher(target);
        let depth = rerank.max(from + size);
        let (total, retrieved, counts) =
            self.collect(&searcher, target, &*query, 0..depth, &options.facets, offer)?;
        let mut scored: Vec<(PairScore, Candidate)> = retrieved
            .into_iter()
            .map(|candidate| {
                let score = match &asking {
                    Profile::Job(job) => pair_score(
                        job,
                        &serde_json::from_str(&candidate.stored.profile).unwrap_or_default(),
                    ),
                    Profile::Resume(resume) => pair_score(
                        &serde_json::from_str(&candidate.stored.profile).unwrap_or_default(),
                        resume,
                    ),
                };
                (score, candidate)
            })
            .collect();
        scored.sort_by(|(a, first), (b, second)| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| second.score.total_cmp(&first.score))
                .then_with(|| first.stored.id.cmp(&second.stored.id))
        });
        let highlighter = if options.highlight {
            let terms = asking.highlight_terms(&self.taxonomy);
            Some(Highlighter::new(self, &searcher, target, &terms)?)
        } else {
            None
        };
        let mut hits = Vec::new();
        for (score, candidate) in scored.into_iter().skip(from).take(size) {
            let Some(doc) = self.visible(target, parse_source(&candidate.stored.source), viewer)
            else {
                continue;
            };
            let explanation = options.explain.then(|| {
                let mut explanation = self.explain_pair(&score);
                if let Some(eligibility) = &candidate.eligibility {
                    explanation["eligibility"] = json!(eligibility);
                }
                explanation
            });
            let highlights = highlighter.as_ref().map(|highlighter| highlighter.highlight(&doc));
            hits.push(Hit { id: doc_id(&doc), score: score.score, doc, highlights, explanation });
        }
        let facets = facet_lists(&options.facets, &counts, &self.taxonomy);
        Ok(SearchResponse { total, took_ms: elapsed_ms(started), hits, facets })
    }

    /// The pair score of a stored job and a stored résumé, explained.
    pub fn pair(&self, job: &str, resume: &str) -> Result<(PairScore, Value)> {
        let profile = |kind: Kind, id: &str| -> Result<String> {
            let searcher = self.searcher(kind);
            let address = self
                .find(&searcher, kind, id)?
                .ok_or_else(|| Error::NotFound { kind: kind_name(kind), id: id.to_owned() })?;
            Ok(self.load(&searcher, kind, address)?.profile)
        };
        let job: JobProfile = serde_json::from_str(&profile(Kind::Jobs, job)?).unwrap_or_default();
        let resume: ResumeProfile =
            serde_json::from_str(&profile(Kind::Resumes, resume)?).unwrap_or_default();
        let score = pair_score(&job, &resume);
        let explanation = self.explain_pair(&score);
        Ok((score, explanation))
    }

    /// Runs `query`, returning the total, the candidates at `ranks` (among those that pass eligibility when `offer` is set) and facet
    /// counts. Only those candidates' stored fields are read, besides the résumés the
    /// eligibility rules must see.
    fn collect(
        &self,
        searcher: &Searcher,
        kind: Kind,
        query: &dyn Query,
        ranks: std::ops::Range<usize>,
        facets: &[String],
        offer: Option<Offer>,
    ) -> Result<(u64, Vec<Candidate>, crate::facets::FieldCounts)> {
        let Some(offer) = offer else {
            let top =
                TopDocs::with_limit(ranks.len().max(1)).and_offset(ranks.start).order_by_score();
            let (top, total, counts) = if facets.is_empty() {
                let (top, total) = searcher.search(query, &(top, Count))?;
                (top, total, HashMap::new())
            } else {
                searcher.search(query, &(top, Count, FacetCollector::new(facets)))?
            };
            let mut candidates = Vec::with_capacity(top.len());
            for (score, address) in top.into_iter().take(ranks.len()) {
                let stored = self.load(searcher, kind, address)?;
                candidates.push(Candidate { score: f64::from(score), stored, eligibility: None });
            }
            return Ok((total as u64, candidates, counts));
        };
        // Eligibility reads each résumé: every prefiltered match is checked, in rank order.
        let total = searcher.search(query, &Count)?;
        let all = searcher.search(query, &TopDocs::with_limit(total.max(1)).order_by_score())?;
        let mut kept = Vec::new();
        let mut addresses: Vec<DocAddress> = Vec::new();
        for (score, address) in all {
            let stored = self.load(searcher, kind, address)?;
            let Ok(resume) = serde_json::from_str::<Resume>(&stored.source) else { continue };
            let verdict = mid_level_technical(&resume, offer);
            if verdict.eligible {
                let rank = addresses.len();
                addresses.push(address);
                if ranks.contains(&rank) {
                    kept.push(Candidate {
                        score: f64::from(score),
                        stored,
                        eligibility: Some(verdict),
                    });
                }
            }
        }
        let counts = if facets.is_empty() {
            HashMap::new()
        } else {
            count_documents(searcher, facets, &addresses)?
        };
        Ok((addresses.len() as u64, kept, counts))
    }

    fn visible(&self, kind: Kind, source: Value, viewer: &Viewer) -> Option<Value> {
        match kind {
            Kind::Jobs => Some(source),
            Kind::Resumes => redact(viewer, source),
        }
    }

    /// The retrieval query of a match: what the asking document has or asks for, looked
    /// up in the other kind's keyword and text fields.
    fn retrieval_query(&self, asking: &Profile, fields: &KindSchema) -> Box<dyn Query> {
        let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut term = |field: Field, text: &str, boost: f32| {
            let query =
                TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs);
            should.push((Occur::Should, Box::new(BoostQuery::new(Box::new(query), boost))));
        };
        let text_terms: Vec<(String, f32)> = match asking {
            Profile::Job(job) => {
                for id in &job.skills_required {
                    term(fields.skill, id, 3.0);
                }
                for id in &job.skills_preferred {
                    term(fields.skill, id, 1.5);
                }
                for need in &job.certifications {
                    let wanted = need.min_level.map_or_else(
                        || need.id.clone(),
                        |level| certification_term(&need.id, level),
                    );
                    term(fields.certification, &wanted, if need.required { 4.0 } else { 2.0 });
                }
                if let Some(code) = &job.occupation {
                    term(fields.occupation, code, 2.0);
                    if let Some(group) = code.get(..2) {
                        term(fields.occupation, group, 1.0);
                    }
                }
                job.terms.iter().take(RETRIEVAL_TERMS).cloned().collect()
            }
            Profile::Resume(resume) => {
                for id in &resume.skills {
                    term(fields.skill, id, 2.0);
                    term(fields.skill_required, id, 1.0);
                }
                for (id, level) in &resume.certifications {
                    term(fields.certification, id, 2.0);
                    if let Some(level) = level {
                        term(fields.certification, &certification_term(id, *level), 2.0);
                    }
                }
                for code in &resume.occupations {
                    term(fields.occupation, code, 2.0);
                    if let Some(group) = code.get(..2) {
                        term(fields.occupation, group, 1.0);
                    }
                }
                let mut terms: Vec<(String, f32)> = resume
                    .terms
                    .iter()
                    .filter_map(|(text, count)| {
                        let weight = meihe_core::profile::term_weight(text)?;
                        Some((text.clone(), weight * f32::from((*count).min(3))))
                    })
                    .collect();
                terms.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                terms.truncate(RETRIEVAL_TERMS);
                terms
            }
        };
        for (text, weight) in &text_terms {
            for (field, boost) in [
                (fields.title, TITLE_BOOST),
                (fields.skills_text, SKILLS_BOOST),
                (fields.body, BODY_BOOST),
            ] {
                term(field, text, boost * weight / 4.0);
            }
        }
        if should.is_empty() {
            return Box::new(tantivy::query::AllQuery);
        }
        Box::new(BooleanQuery::new(should))
    }

    /// Skills and certifications a search asks for: in the filters and in the text.
    fn query_skills(
        &self,
        text: &str,
        filters: &Filters,
    ) -> (Vec<String>, Vec<(String, Option<Level>)>) {
        let found = self.analyzer.extract(text);
        let mut skills = filters.skills.clone();
        for id in found.skills {
            if !skills.contains(&id) {
                skills.push(id);
            }
        }
        let mut certifications: Vec<(String, Option<Level>)> =
            filters.certifications.iter().map(|cert| (cert.id.clone(), cert.min_level)).collect();
        for mention in found.certifications {
            if !certifications.iter().any(|(id, _)| *id == mention.id) {
                certifications.push((mention.id, mention.level));
            }
        }
        (skills, certifications)
    }

    fn explain_search(
        &self,
        score: f64,
        (skills, certifications): &(Vec<String>, Vec<(String, Option<Level>)>),
        profile: &Profile,
    ) -> Value {
        let (has_skill, held): (Vec<&String>, Vec<(String, Option<Level>)>) = match profile {
            Profile::Job(job) => (
                job.skills_required.iter().chain(&job.skills_preferred).collect(),
                job.certifications.iter().map(|need| (need.id.clone(), need.min_level)).collect(),
            ),
            Profile::Resume(resume) => {
                (resume.skills.iter().collect(), resume.certifications.clone())
            }
        };
        let (mut matched, mut missing) = (Vec::new(), Vec::new());
        for id in skills {
            let entry = self.named(EntryKind::Skill, id);
            if has_skill.contains(&id) { matched.push(entry) } else { missing.push(entry) }
        }
        let (mut certs_matched, mut certs_missing) = (Vec::new(), Vec::new());
        for (id, wanted) in certifications {
            let level = held.iter().find(|(held, _)| held == id).map(|(_, level)| *level);
            let met = level.is_some_and(|level| {
                wanted.is_none_or(|wanted| level.is_some_and(|level| level >= wanted))
            });
            let mut entry = self.named(EntryKind::Certification, id);
            entry["min_level"] = json!(wanted);
            entry["held_level"] = json!(level.flatten());
            if met { certs_matched.push(entry) } else { certs_missing.push(entry) }
        }
        json!({
            "score": round(score),
            "components": [{"name": "text", "value": round(score), "weight": 1.0, "applicable": true}],
            "skills": {"matched": matched, "missing": missing},
            "certifications": {"matched": certs_matched, "missing": certs_missing},
        })
    }

    /// A pair score as JSON, with zh-Hant and English names of every skill and
    /// certification.
    pub fn explain_pair(&self, score: &PairScore) -> Value {
        let skills = |ids: &[String], required: bool| -> Vec<Value> {
            ids.iter()
                .map(|id| {
                    let mut entry = self.named(EntryKind::Skill, id);
                    entry["required"] = json!(required);
                    entry
                })
                .collect()
        };
        let mut matched = skills(&score.matched_required, true);
        matched.extend(skills(&score.matched_preferred, false));
        let mut missing = skills(&score.missing_required, true);
        missing.extend(skills(&score.missing_preferred, false));
        let (mut certs_matched, mut certs_missing) = (Vec::new(), Vec::new());
        for check in &score.certifications {
            let mut entry = self.named(EntryKind::Certification, &check.id);
            entry["required"] = json!(check.required);
            entry["min_level"] = json!(check.min_level);
            entry["held_level"] = json!(check.held_level);
            entry["held"] = json!(check.held);
            if check.met { certs_matched.push(entry) } else { certs_missing.push(entry) }
        }
        let mut explanation = json!({
            "score": score.score,
            "capped": score.capped,
            "components": score.components,
            "skills": {"matched": matched, "missing": missing},
            "certifications": {"matched": certs_matched, "missing": certs_missing},
        });
        if score.capped {
            explanation["cap"] = json!(MISSING_CERTIFICATION_CAP);
        }
        explanation
    }

    fn named(&self, kind: EntryKind, id: &str) -> Value {
        match self.taxonomy.names(kind, id) {
            Some(names) => {
                let en = if names.en.is_empty() { id } else { names.en.as_str() };
                let zh = if names.zh_hant.is_empty() { en } else { names.zh_hant.as_str() };
                json!({"id": id, "zh_hant": zh, "en": en})
            }
            None => json!({"id": id, "zh_hant": id, "en": id}),
        }
    }

    /// Words to highlight for a free-text query (the highlighter analyses them): the query
    /// and the names of the skills and certifications it mentions, so an English query
    /// marks Chinese text.
    fn highlight_terms(&self, text: &str) -> Vec<String> {
        let cleaned: String = text
            .chars()
            .map(|c| if matches!(c, '"' | '“' | '”' | '「' | '」') { ' ' } else { c })
            .collect();
        let found = self.analyzer.extract(&cleaned);
        let mut words = vec![cleaned];
        let names =
            found.skills.iter().filter_map(|id| self.taxonomy.names(EntryKind::Skill, id)).chain(
                found.certifications.iter().filter_map(|mention| {
                    self.taxonomy.names(EntryKind::Certification, &mention.id)
                }),
            );
        for names in names {
            words.extend([&names.zh_hant, &names.en].into_iter().chain(&names.aliases).cloned());
        }
        words
    }
}

/// A stored document's fields, unparsed: only the page's sources are parsed.
struct Stored {
    id: String,
    source: String,
    profile: String,
}

/// A retrieved document before paging.
struct Candidate {
    score: f64,
    stored: Stored,
    eligibility: Option<Eligibility>,
}

fn parse_source(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// A document's profile: a posting's or a résumé's.
enum Profile {
    Job(JobProfile),
    Resume(ResumeProfile),
}

impl Profile {
    /// Names of the asking side's skills and its top terms.
    fn highlight_terms(&self, taxonomy: &Taxonomy) -> Vec<String> {
        let (skills, terms): (Vec<&String>, Vec<String>) = match self {
            Profile::Job(job) => (
                job.skills_required.iter().chain(&job.skills_preferred).collect(),
                job.terms.iter().take(RETRIEVAL_TERMS).map(|(term, _)| term.clone()).collect(),
            ),
            Profile::Resume(resume) => (resume.skills.iter().collect(), Vec::new()),
        };
        let mut all = terms;
        for id in skills {
            if let Some(names) = taxonomy.names(EntryKind::Skill, id) {
                all.extend([names.zh_hant.clone(), names.en.clone()]);
            }
        }
        all
    }
}

fn parse_profile(kind: Kind, text: &str) -> Profile {
    match kind {
        Kind::Jobs => Profile::Job(serde_json::from_str(text).unwrap_or_default()),
        Kind::Resumes => Profile::Resume(serde_json::from_str(text).unwrap_or_default()),
    }
}

/// Highlights original text with tantivy's snippet generator, fed with analysed terms.
struct Highlighter {
    title: SnippetGenerator,
    body: SnippetGenerator,
    kind: Kind,
}

impl Highlighter {
    fn new(engine: &Engine, searcher: &Searcher, kind: Kind, words: &[String]) -> Result<Self> {
        let fields = engine.schema(kind);
        let mut terms: Vec<String> = Vec::new();
        for word in words {
            terms.extend(engine.analyzer.tokens(word).into_iter().map(|token| token.text));
        }
        terms.sort();
        terms.dedup();
        let generator = |field: Field| -> Result<SnippetGenerator> {
            let clauses: Vec<(Occur, Box<dyn Query>)> = terms
                .iter()
                .map(|text| {
                    let query = TermQuery::new(
                        Term::from_field_text(field, text),
                        IndexRecordOption::Basic,
                    );
                    (Occur::Should, Box::new(query) as Box<dyn Query>)
                })
                .collect();
            let mut generator =
                SnippetGenerator::create(searcher, &BooleanQuery::new(clauses), field)?;
            generator.set_max_num_chars(160);
            Ok(generator)
        };
        Ok(Highlighter { title: generator(fields.title)?, body: generator(fields.body)?, kind })
    }

    fn highlight(&self, doc: &Value) -> BTreeMap<String, Vec<String>> {
        let text = |key: &str| doc.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
        let pieces: Vec<(&str, &SnippetGenerator, String)> = match self.kind {
            Kind::Jobs => vec![
                ("title", &self.title, text("title")),
                ("description", &self.body, text("description")),
            ],
            Kind::Resumes => {
                let experience: Vec<&str> = doc
                    .get("experience")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .flat_map(|job| {
                        ["title", "description"]
                            .map(|key| job.get(key).and_then(Value::as_str).unwrap_or_default())
                    })
                    .filter(|piece| !piece.is_empty())
                    .collect();
                vec![
                    ("headline", &self.title, text("headline")),
                    ("summary", &self.body, text("summary")),
                    ("experience", &self.body, experience.join("\n")),
                ]
            }
        };
        let mut highlights = BTreeMap::new();
        for (name, generator, text) in pieces {
            if text.is_empty() {
                continue;
            }
            let snippet = generator.snippet(&text);
            if snippet.highlighted().is_empty() {
                continue;
            }
            highlights.insert(name.to_owned(), vec![render(&text, &snippet)]);
        }
        highlights
    }
}

/// Longest text shown whole; longer texts show the snippet's fragment.
const WHOLE_TEXT_CHARS: usize = 160;

/// HTML of a snippet: the whole text when it is short (so a title keeps its last
/// characters), else the fragment; escaped, with `<em>` around adjacent marks merged.
fn render(text: &str, snippet: &tantivy::snippet::Snippet) -> String {
    let fragment = snippet.fragment_range();
    let marks: Vec<std::ops::Range<usize>> = snippet
        .highlighted()
        .iter()
        .map(|range| fragment.start + range.start..fragment.start + range.end)
        .collect();
    let shown = if text.chars().count() <= WHOLE_TEXT_CHARS { 0..text.len() } else { fragment };
    let mut html = String::new();
    let mut at = shown.start;
    for mark in marks.iter().filter(|mark| mark.start >= shown.start && mark.end <= shown.end) {
        if mark.start < at {
            continue;
        }
        if mark.start == at && html.ends_with("</em>") {
            html.truncate(html.len() - "</em>".len());
        } else {
            escape(&text[at..mark.start], &mut html);
            html.push_str("<em>");
        }
        escape(&text[mark.clone()], &mut html);
        html.push_str("</em>");
        at = mark.end;
    }
    escape(&text[at..shown.end], &mut html);
    html
}

fn escape(text: &str, out: &mut String) {
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(character),
        }
    }
}

fn page(from: usize, size: Option<usize>) -> Result<(usize, usize)> {
    let size = size.unwrap_or(DEFAULT_SIZE);
    if size > MAX_SIZE {
        return Err(invalid("size", format!("must be at most {MAX_SIZE}, got {size}")));
    }
    if from.saturating_add(size) > MAX_WINDOW {
        return Err(invalid(
            "from",
            format!("from + size must be at most {MAX_WINDOW}, got {}", from.saturating_add(size)),
        ));
    }
    Ok((from, size))
}

fn check_facets(facets: &[String]) -> Result<()> {
    for (index, facet) in facets.iter().enumerate() {
        if !FACETS.contains(&facet.as_str()) {
            return Err(invalid(
                &format!("facets[{index}]"),
                format!("unknown facet `{facet}`; expected one of {}", FACETS.join(", ")),
            ));
        }
    }
    Ok(())
}

fn eligibility_offer(kind: Kind, eligible: Option<&EligibleFor>) -> Result<Option<Offer>> {
    let Some(terms) = eligible.and_then(|eligible| eligible.mid_level_technical) else {
        return Ok(None);
    };
    if kind != Kind::Resumes {
        return Err(invalid("eligible_for", "eligibility filters apply to résumés"));
    }
    if terms.monthly_salary < 0 {
        return Err(invalid(
            "eligible_for.mid_level_technical.monthly_salary",
            "must not be negative",
        ));
    }
    Ok(Some(Offer {
        monthly_salary: terms.monthly_salary,
        annual_pay: terms.annual_pay,
        first_hire: terms.first_hire,
    }))
}

/// Only migrant workers and overseas students can qualify: a term filter before the
/// rules read each résumé.
fn with_eligibility_prefilter(query: Box<dyn Query>, fields: &KindSchema) -> Box<dyn Query> {
    let statuses: Vec<(Occur, Box<dyn Query>)> = ["migrant_worker", "overseas_student"]
        .iter()
        .map(|status| {
            let term = Term::from_field_text(fields.work_authorization, status);
            (
                Occur::Should,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
            )
        })
        .collect();
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, query),
        (
            Occur::Must,
            Box::new(tantivy::query::ConstScoreQuery::new(
                Box::new(BooleanQuery::new(statuses)),
                0.0,
            )),
        ),
    ]))
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Jobs => "job",
        Kind::Resumes => "résumé",
    }
}

fn doc_id(doc: &Value) -> String {
    doc.get("id").and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn round(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

fn elapsed_ms(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}
