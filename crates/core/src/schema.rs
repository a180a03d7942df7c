//! The tantivy schema, declared once for indexing and querying.
//!
//! One tantivy index per kind (`DIR/jobs`, `DIR/resumes`), not one index with a kind
//! field: BM25 statistics then describe each kind's own vocabulary (a word common in
//! résumés is not made rarer for job search), each kind has only its own fields, and
//! writers of the two kinds never contend for one lock.
//!
//! Keyword fields hold canonical ids so that filters are term look-ups:
//! - `certification` holds `id` and `id@level` for the level held *and every lower
//!   level*, so "at least intermediate" is the single term `ipas-infosec@intermediate`;
//!   postings hold `id` and `id@min_level` of what they ask for;
//! - `occupation` holds every prefix of a code (`2`, `25`, `252`, `2529`), so a filter at
//!   any level of the classification is one term.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::analysis::TOKENIZER_NAME;
use crate::level::Level;

/// The two kinds of documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Job postings.
    Jobs,
    /// Résumés.
    Resumes,
}

impl Kind {
    /// The directory name of the kind's index, and its name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Jobs => "jobs",
            Kind::Resumes => "resumes",
        }
    }

    /// Both kinds.
    pub const ALL: [Kind; 2] = [Kind::Jobs, Kind::Resumes];
}

/// Field names, stored in the index: never rename one for an existing index.
pub mod names {
    /// Document id (exact).
    pub const ID: &str = "id";
    /// Title or headline (analysed).
    pub const TITLE: &str = "title";
    /// Description, summary, experience (analysed).
    pub const BODY: &str = "body";
    /// Skill and certification names as written (analysed).
    pub const SKILLS_TEXT: &str = "skills_text";
    /// Canonical skill ids, given and extracted.
    pub const SKILL: &str = "skill";
    /// Skill ids a posting requires.
    pub const SKILL_REQUIRED: &str = "skill_required";
    /// Certification ids and `id@level` terms.
    pub const CERTIFICATION: &str = "certification";
    /// Occupation codes with all their prefixes.
    pub const OCCUPATION: &str = "occupation";
    /// Industry group ids.
    pub const INDUSTRY: &str = "industry";
    /// City as written.
    pub const CITY: &str = "city";
    /// Country code.
    pub const COUNTRY: &str = "country";
    /// Work category of a posting.
    pub const WORK_CATEGORY: &str = "work_category";
    /// Employment type of a posting.
    pub const EMPLOYMENT_TYPE: &str = "employment_type";
    /// Employer id (or name when there is no id) of a posting.
    pub const EMPLOYER: &str = "employer";
    /// Visibility of a résumé.
    pub const VISIBILITY: &str = "visibility";
    /// Work authorisation status of a résumé.
    pub const WORK_AUTHORIZATION: &str = "work_authorization";
    /// Fair ids.
    pub const FAIR: &str = "fair";
    /// Text language.
    pub const LANG: &str = "lang";
    /// Lower salary bound, TWD per month.
    pub const SALARY_MIN: &str = "salary_min";
    /// Upper salary bound, TWD per month.
    pub const SALARY_MAX: &str = "salary_max";
    /// Posted (jobs) or updated (résumés), days since 1970-01-01.
    pub const DAY: &str = "day";
    /// Years of experience (résumés).
    pub const EXPERIENCE_YEARS: &str = "experience_years";
    /// Years worked in Taiwan (résumés).
    pub const YEARS_IN_TAIWAN: &str = "years_in_taiwan";
    /// The accepted document as JSON, returned by fetch and search.
    pub const SOURCE: &str = "source";
    /// The resolved profile as JSON (see [`crate::profile`]), read by the pair scorer.
    pub const PROFILE: &str = "profile";
}

/// The fields of one kind's index.
#[derive(Debug, Clone)]
pub struct KindSchema {
    /// Which kind.
    pub kind: Kind,
    /// The tantivy schema.
    pub schema: Schema,
    /// See [`names::ID`].
    pub id: Field,
    /// See [`names::TITLE`].
    pub title: Field,
    /// See [`names::BODY`].
    pub body: Field,
    /// See [`names::SKILLS_TEXT`].
    pub skills_text: Field,
    /// See [`names::SKILL`].
    pub skill: Field,
    /// See [`names::SKILL_REQUIRED`].
    pub skill_required: Field,
    /// See [`names::CERTIFICATION`].
    pub certification: Field,
    /// See [`names::OCCUPATION`].
    pub occupation: Field,
    /// See [`names::INDUSTRY`].
    pub industry: Field,
    /// See [`names::CITY`].
    pub city: Field,
    /// See [`names::COUNTRY`].
    pub country: Field,
    /// See [`names::WORK_CATEGORY`].
    pub work_category: Field,
    /// See [`names::EMPLOYMENT_TYPE`].
    pub employment_type: Field,
    /// See [`names::EMPLOYER`].
    pub employer: Field,
    /// See [`names::VISIBILITY`].
    pub visibility: Field,
    /// See [`names::WORK_AUTHORIZATION`].
    pub work_authorization: Field,
    /// See [`names::FAIR`].
    pub fair: Field,
    /// See [`names::LANG`].
    pub lang: Field,
    /// See [`names::SALARY_MIN`].
    pub salary_min: Field,
    /// See [`names::SALARY_MAX`].
    pub salary_max: Field,
    /// See [`names::DAY`].
    pub day: Field,
    /// See [`names::EXPERIENCE_YEARS`].
    pub experience_years: Field,
    /// See [`names::YEARS_IN_TAIWAN`].
    pub years_in_taiwan: Field,
    /// See [`names::SOURCE`].
    pub source: Field,
    /// See [`names::PROFILE`].
    pub profile: Field,
}

impl KindSchema {
    /// Declares the schema of `kind`.
    pub fn new(kind: Kind) -> Self {
        let mut builder = Schema::builder();
        let analysed = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER_NAME)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let keyword = STRING | FAST;
        let id = builder.add_text_field(names::ID, STRING | STORED | FAST);
        let title = builder.add_text_field(names::TITLE, analysed.clone());
        let body = builder.add_text_field(names::BODY, analysed.clone());
        let skills_text = builder.add_text_field(names::SKILLS_TEXT, analysed);
        let skill = builder.add_text_field(names::SKILL, keyword.clone());
        let skill_required = builder.add_text_field(names::SKILL_REQUIRED, keyword.clone());
        let certification = builder.add_text_field(names::CERTIFICATION, keyword.clone());
        let occupation = builder.add_text_field(names::OCCUPATION, keyword.clone());
        let industry = builder.add_text_field(names::INDUSTRY, keyword.clone());
        let city = builder.add_text_field(names::CITY, keyword.clone());
        let country = builder.add_text_field(names::COUNTRY, keyword.clone());
        let work_category = builder.add_text_field(names::WORK_CATEGORY, keyword.clone());
        let employment_type = builder.add_text_field(names::EMPLOYMENT_TYPE, keyword.clone());
        let employer = builder.add_text_field(names::EMPLOYER, keyword.clone());
        let visibility = builder.add_text_field(names::VISIBILITY, keyword.clone());
        let work_authorization = builder.add_text_field(names::WORK_AUTHORIZATION, keyword.clone());
        let fair = builder.add_text_field(names::FAIR, keyword.clone());
        let lang = builder.add_text_field(names::LANG, keyword);
        let salary_min = builder.add_i64_field(names::SALARY_MIN, INDEXED | FAST);
        let salary_max = builder.add_i64_field(names::SALARY_MAX, INDEXED | FAST);
        let day = builder.add_i64_field(names::DAY, INDEXED | FAST);
        let experience_years = builder.add_f64_field(names::EXPERIENCE_YEARS, INDEXED | FAST);
        let years_in_taiwan = builder.add_f64_field(names::YEARS_IN_TAIWAN, INDEXED | FAST);
        let source = builder.add_text_field(names::SOURCE, STORED);
        let profile = builder.add_text_field(names::PROFILE, STORED);
        KindSchema {
            kind,
            schema: builder.build(),
            id,
            title,
            body,
            skills_text,
            skill,
            skill_required,
            certification,
            occupation,
            industry,
            city,
            country,
            work_category,
            employment_type,
            employer,
            visibility,
            work_authorization,
            fair,
            lang,
            salary_min,
            salary_max,
            day,
            experience_years,
            years_in_taiwan,
            source,
            profile,
        }
    }
}

/// The certification terms for holding `id` at `level`: the id, and `id@l` for `level`
/// and every level below it (a held level satisfies any lower requirement).
///
/// ```
/// use meihe_core::Level;
/// use meihe_core::schema::held_certification_terms;
/// assert_eq!(
///     held_certification_terms("ipas-infosec", Some(Level::Intermediate)),
///     ["ipas-infosec", "ipas-infosec@beginner", "ipas-infosec@intermediate"]
/// );
/// ```
pub fn held_certification_terms(id: &str, level: Option<Level>) -> Vec<String> {
    let mut terms = vec![id.to_owned()];
    if let Some(level) = level {
        terms.extend(
            Level::ALL
                .iter()
                .filter(|lower| **lower <= level)
                .map(|lower| certification_term(id, *lower)),
        );
    }
    terms
}

/// The term that a filter "holds `id` at `level` or above" looks up.
pub fn certification_term(id: &str, level: Level) -> String {
    format!("{id}@{level}")
}

/// Every prefix of an occupation code, shortest first: `2529` → `2`, `25`, `252`, `2529`.
pub fn occupation_terms(code: &str) -> Vec<String> {
    (1..=code.len())
        .filter(|end| code.is_char_boundary(*end))
        .map(|end| code[..end].to_owned())
        .collect()
}
