//! Query building: text, phrases, taxonomy ids and filters.

use meihe_core::model::Date;
use meihe_core::schema::{Kind, KindSchema, certification_term};
use meihe_core::{AnalyzedToken, Analyzer, Level};
use serde::Deserialize;
use tantivy::Term;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

/// Boost of a match in the title or headline.
pub const TITLE_BOOST: f32 = 3.0;
/// Boost of a match in skill and certification names.
pub const SKILLS_BOOST: f32 = 2.0;
/// Boost of a match in the description, summary or experience.
pub const BODY_BOOST: f32 = 1.0;
/// Boost of a taxonomy id found in the query (資安 → information-security).
pub const TAXONOMY_BOOST: f32 = 2.5;
/// Boost of an occupation the query names (資料工程師 → its 4-digit code), matched
/// against the occupations documents state or mention.
pub const OCCUPATION_BOOST: f32 = 1.5;
/// Boost of the query's words found near each other, in order (proximity).
pub const PROXIMITY_BOOST: f32 = 1.5;
/// How far apart (in units) the query's words may be for the proximity boost.
pub const PROXIMITY_SLOP: u32 = 3;

/// A certification filter: holds `id` at `min_level` or above.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificationFilter {
    /// Certification id.
    #[schema(example = "ipas-infosec")]
    pub id: String,
    /// Lowest acceptable level (`beginner`, `intermediate`, `advanced`); any when absent.
    #[serde(default)]
    #[schema(value_type = Option<String>, example = "intermediate")]
    pub min_level: Option<Level>,
}

/// Filters of SPEC §6. They restrict; they never score.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Filters {
    /// Every one of these skill ids.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Every one of these certifications, at their minimum levels.
    #[serde(default)]
    pub certifications: Vec<CertificationFilter>,
    /// Any of these occupation codes, at any level of the classification.
    #[serde(default)]
    pub occupations: Vec<String>,
    /// Any of these industry ids.
    #[serde(default)]
    pub industries: Vec<String>,
    /// The city.
    #[serde(default)]
    pub city: Option<String>,
    /// Salary ranges that reach at least this monthly amount (TWD).
    #[serde(default)]
    pub salary_min: Option<i64>,
    /// The work category.
    #[serde(default)]
    pub work_category: Option<String>,
    /// The work authorisation status (résumés).
    #[serde(default)]
    pub work_authorization: Option<String>,
    /// The fair.
    #[serde(default)]
    pub fair: Option<String>,
    /// Posted (jobs) or updated (résumés) on or after this date.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub date_from: Option<Date>,
    /// Posted (jobs) or updated (résumés) on or before this date.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub date_to: Option<Date>,
}

impl Filters {
    /// Sets one filter from a `KEY=VALUE` pair, as the command line's `--filter` and the
    /// HTTP GET routes' query parameters give them. List filters (`skill`,
    /// `certification`, `occupation`, `industry`) add to their list. The error says what
    /// is wrong with the value.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let value = value.trim();
        if value.is_empty() {
            return Err("the value is empty".into());
        }
        let number = || -> Result<i64, String> {
            value
                .replace([',', '_'], "")
                .parse()
                .map_err(|_| format!("`{value}` is not a whole number"))
        };
        let date = || -> Result<Date, String> {
            Date::parse(value).ok_or_else(|| format!("`{value}` is not a date (YYYY-MM-DD)"))
        };
        match key {
            "skill" | "skills" => self.skills.push(value.to_owned()),
            "certification" | "certifications" => {
                let (id, level) = match value.split_once('@') {
                    Some((id, level)) => {
                        let level: Level = level.parse().map_err(|_| {
                            format!("unknown level `{level}`; expected beginner, intermediate or advanced")
                        })?;
                        (id, Some(level))
                    }
                    None => (value, None),
                };
                self.certifications
                    .push(CertificationFilter { id: id.to_owned(), min_level: level });
            }
            "occupation" | "occupations" => self.occupations.push(value.to_owned()),
            "industry" | "industries" => self.industries.push(value.to_owned()),
            "city" => self.city = Some(value.to_owned()),
            "salary_min" => self.salary_min = Some(number()?),
            "work_category" => self.work_category = Some(value.to_owned()),
            "work_authorization" => self.work_authorization = Some(value.to_owned()),
            "fair" => self.fair = Some(value.to_owned()),
            "date_from" => self.date_from = Some(date()?),
            "date_to" => self.date_to = Some(date()?),
            _ => return Err(format!("unknown filter; expected one of {}", FILTER_KEYS.join(", "))),
        }
        Ok(())
    }
}

/// The filter names [`Filters::set`] accepts.
pub const FILTER_KEYS: &[&str] = &[
    "skill",
    "certification",
    "occupation",
    "industry",
    "city",
    "salary_min",
    "work_category",
    "work_authorization",
    "fair",
    "date_from",
    "date_to",
];

/// Builds the query for free text `text` (may be empty) and `filters` over `kind`.
/// Hidden résumés are always excluded, so no caller can forget it.
///
/// Text: every analysed term is looked up in the title, skill names and body with their
/// boosts (any term may match; BM25 ranks); taxonomy ids found in the text are looked up
/// in the keyword fields; text in double quotes (`"…"`, `“…”`, `「…」`) must match as a
/// phrase, by the chain's positions, in any script.
pub fn build_query(
    analyzer: &Analyzer,
    kind: Kind,
    text: &str,
    filters: &Filters,
) -> Box<dyn Query> {
    let fields = KindSchema::new(kind);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let (free, phrases) = split_phrases(text);
    let mut scoring: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for token in analyzer.tokens(&free) {
        for (field, boost) in [
            (fields.title, TITLE_BOOST),
            (fields.skills_text, SKILLS_BOOST),
            (fields.body, BODY_BOOST),
        ] {
            scoring.push((Occur::Should, boosted(term_query(field, &token.text, true), boost)));
        }
    }
    if let Some(query) = proximity_query(analyzer, &fields, &free) {
        scoring.push((Occur::Should, query));
    }
    let found = analyzer.extract(text);
    for skill in &found.skills {
        scoring
            .push((Occur::Should, boosted(term_query(fields.skill, skill, false), TAXONOMY_BOOST)));
    }
    for code in &found.occupations {
        scoring.push((
            Occur::Should,
            boosted(term_query(fields.occupation, code, false), OCCUPATION_BOOST),
        ));
    }
    for mention in &found.certifications {
        let term = mention
            .level
            .map_or_else(|| mention.id.clone(), |level| certification_term(&mention.id, level));
        scoring.push((
            Occur::Should,
            boosted(term_query(fields.certification, &term, false), TAXONOMY_BOOST),
        ));
    }
    for phrase in phrases {
        if let Some(query) = phrase_query(analyzer, &fields, &phrase) {
            clauses.push((Occur::Must, query));
        }
    }
    if !scoring.is_empty() {
        let occur = if clauses.is_empty() { Occur::Must } else { Occur::Should };
        clauses.push((occur, Box::new(BooleanQuery::new(scoring))));
    } else if clauses.is_empty() && !text.trim().is_empty() {
        // Text with nothing to search for (emoji, punctuation) finds nothing, rather than
        // everything as an empty query does.
        clauses.push((Occur::Must, Box::new(EmptyQuery)));
    }
    for filter in filter_queries(&fields, filters) {
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))));
    }
    if kind == Kind::Resumes {
        clauses.push((Occur::MustNot, term_query(fields.visibility, "hidden", false)));
    }
    if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
        clauses.push((Occur::Must, Box::new(tantivy::query::AllQuery)));
    }
    Box::new(BooleanQuery::new(clauses))
}

fn filter_queries(fields: &KindSchema, filters: &Filters) -> Vec<Box<dyn Query>> {
    let mut queries: Vec<Box<dyn Query>> = Vec::new();
    for skill in &filters.skills {
        queries.push(term_query(fields.skill, skill, false));
    }
    for cert in &filters.certifications {
        let term = cert
            .min_level
            .map_or_else(|| cert.id.clone(), |level| certification_term(&cert.id, level));
        queries.push(term_query(fields.certification, &term, false));
    }
    for (field, values) in
        [(fields.occupation, &filters.occupations), (fields.industry, &filters.industries)]
    {
        if !values.is_empty() {
            queries.push(any_of(field, values));
        }
    }
    for (field, value) in [
        (fields.city, &filters.city),
        (fields.work_category, &filters.work_category),
        (fields.work_authorization, &filters.work_authorization),
        (fields.fair, &filters.fair),
    ] {
        if let Some(value) = value {
            queries.push(term_query(field, value, false));
        }
    }
    if filters.date_from.is_some() || filters.date_to.is_some() {
        let bound = |date: Option<Date>| {
            date.map_or(std::ops::Bound::Unbounded, |date| {
                std::ops::Bound::Included(Term::from_field_i64(fields.day, date.days_since_epoch()))
            })
        };
        queries.push(Box::new(RangeQuery::new(bound(filters.date_from), bound(filters.date_to))));
    }
    if let Some(minimum) = filters.salary_min {
        // The range reaches the amount when its upper bound (or, without one, its lower
        // bound) is at least the amount.
        let upper = RangeQuery::new(
            std::ops::Bound::Included(Term::from_field_i64(fields.salary_max, minimum)),
            std::ops::Bound::Unbounded,
        );
        let lower = RangeQuery::new(
            std::ops::Bound::Included(Term::from_field_i64(fields.salary_min, minimum)),
            std::ops::Bound::Unbounded,
        );
        queries.push(Box::new(BooleanQuery::new(vec![
            (Occur::Should, Box::new(upper) as Box<dyn Query>),
            (Occur::Should, Box::new(lower)),
        ])));
    }
    queries
}

fn any_of(field: Field, values: &[String]) -> Box<dyn Query> {
    let clauses =
        values.iter().map(|value| (Occur::Should, term_query(field, value, false))).collect();
    Box::new(BooleanQuery::new(clauses))
}

fn term_query(field: Field, text: &str, with_freqs: bool) -> Box<dyn Query> {
    let option = if with_freqs { IndexRecordOption::WithFreqs } else { IndexRecordOption::Basic };
    Box::new(TermQuery::new(Term::from_field_text(field, text), option))
}

fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(query, boost))
}

/// The first token at each position (the segmenter's main word, before its sub-words),
/// at its position relative to the first token, as terms of `field`.
fn positioned_terms(tokens: &[AnalyzedToken], field: Field) -> Vec<(usize, Term)> {
    let Some(first) = tokens.first().map(|token| token.position) else { return Vec::new() };
    let mut terms: Vec<(usize, Term)> = Vec::new();
    for token in tokens {
        let offset = token.position - first;
        if terms.last().is_some_and(|(last, _)| *last == offset) {
            continue;
        }
        terms.push((offset, Term::from_field_text(field, &token.text)));
    }
    terms
}

/// A quoted phrase: the first token at each position (the segmenter's main word, before
/// its sub-words), at its relative position, in the title or the body.
fn phrase_query(analyzer: &Analyzer, fields: &KindSchema, phrase: &str) -> Option<Box<dyn Query>> {
    let tokens = analyzer.tokens(phrase);
    if tokens.is_empty() {
        return None;
    }
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (field, boost) in [(fields.title, TITLE_BOOST), (fields.body, BODY_BOOST)] {
        let terms = positioned_terms(&tokens, field);
        let query: Box<dyn Query> = match terms.len() {
            0 => Box::new(EmptyQuery),
            1 => term_query(field, terms[0].1.value().as_str().unwrap_or_default(), true),
            _ => Box::new(PhraseQuery::new_with_offset(terms)),
        };
        alternatives.push((Occur::Should, boosted(query, boost)));
    }
    Some(Box::new(BooleanQuery::new(alternatives)))
}

/// The free text's words near each other and in order, in the title or the body: a
/// boost for documents where the words of the query stand together.
fn proximity_query(analyzer: &Analyzer, fields: &KindSchema, free: &str) -> Option<Box<dyn Query>> {
    let tokens = analyzer.tokens(free);
    if tokens.is_empty() {
        return None;
    }
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (field, boost) in [(fields.title, TITLE_BOOST), (fields.body, BODY_BOOST)] {
        let terms = positioned_terms(&tokens, field);
        if terms.len() < 2 {
            return None;
        }
        let phrase = PhraseQuery::new_with_offset_and_slop(terms, PROXIMITY_SLOP);
        alternatives.push((Occur::Should, boosted(Box::new(phrase), boost * PROXIMITY_BOOST)));
    }
    Some(Box::new(BooleanQuery::new(alternatives)))
}

/// Splits quoted phrases from the rest of the text.
fn split_phrases(text: &str) -> (String, Vec<String>) {
    let mut free = String::new();
    let mut phrases = Vec::new();
    let mut current: Option<(char, String)> = None;
    for character in text.chars() {
        match &mut current {
            Some((close, phrase)) if character == *close => {
                if !phrase.trim().is_empty() {
                    phrases.push(std::mem::take(phrase));
                }
                current = None;
            }
            Some((_, phrase)) => phrase.push(character),
            None => match character {
                '"' => current = Some(('"', String::new())),
                '“' => current = Some(('”', String::new())),
                '「' => current = Some(('」', String::new())),
                _ => free.push(character),
            },
        }
    }
    if let Some((_, rest)) = current {
        free.push(' ');
        free.push_str(&rest);
    }
    (free, phrases)
}
