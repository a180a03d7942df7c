//! Building tantivy documents from postings and résumés.

use std::sync::Arc;

use meihe_core::analysis::Scratch;
use meihe_core::model::{JobPosting, Location, Resume, SkillRef};
use meihe_core::profile::{JobProfile, ResumeProfile};
use meihe_core::schema::{KindSchema, held_certification_terms, occupation_terms};
use meihe_core::{Analyzer, Level, Taxonomy};
use tantivy::TantivyDocument;

/// What resolving names against the taxonomy left unresolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolved {
    /// Skill and certification names or ids the taxonomy does not know, as written; they
    /// stay searchable as text.
    pub unresolved: Vec<String>,
}

/// Builds tantivy documents for one kind, reusing its buffers from one record to the next.
pub struct DocumentBuilder {
    analyzer: Arc<Analyzer>,
    taxonomy: Arc<Taxonomy>,
    fields: KindSchema,
    scratch: Scratch,
}

impl DocumentBuilder {
    /// Prepares a builder for the schema `fields`.
    pub fn new(analyzer: Arc<Analyzer>, taxonomy: Arc<Taxonomy>, fields: KindSchema) -> Self {
        DocumentBuilder { analyzer, taxonomy, fields, scratch: Scratch::default() }
    }

    /// Builds the document of a job posting.
    pub fn job(&mut self, job: &JobPosting) -> (TantivyDocument, Resolved) {
        let fields = self.fields.clone();
        let built = JobProfile::build(&self.analyzer, &self.taxonomy, job, &mut self.scratch);
        let profile = &built.profile;
        let mut document = TantivyDocument::default();
        document.add_text(fields.id, &job.id);
        document.add_text(fields.title, &job.title);
        let description = job.description.as_deref().unwrap_or_default();
        document.add_text(fields.body, description);
        document
            .add_text(fields.employer, job.employer.id.as_deref().unwrap_or(&job.employer.name));
        for skill in &job.skills {
            self.add_skill_text(&mut document, skill);
        }
        for cert in &job.certifications {
            if let Some(name) = &cert.name {
                document.add_text(fields.skills_text, name);
            }
        }
        for id in &profile.skills_required {
            document.add_text(fields.skill_required, id);
        }
        let skills: Vec<&String> =
            profile.skills_required.iter().chain(&profile.skills_preferred).collect();
        let certifications: Vec<(&str, Option<Level>)> =
            profile.certifications.iter().map(|need| (need.id.as_str(), need.min_level)).collect();
        add_tags(
            &mut document,
            &fields,
            job.occupation.iter().chain(&built.mentioned_occupations),
            job.industries.iter().chain(&built.mentioned_industries),
            job.location.as_ref(),
            job.lang.as_deref(),
            &job.fairs,
        );
        if let Some(category) = job.work_category {
            document.add_text(fields.work_category, enum_name(&category));
        }
        if let Some(employment) = job.employment_type {
            document.add_text(fields.employment_type, enum_name(&employment));
        }
        add_salary(&mut document, &fields, profile.salary);
        if let Some(day) = profile.day {
            document.add_i64(fields.day, day);
        }
        finish(&mut document, &fields, &skills, &certifications);
        document.add_text(
            fields.source,
            serde_json::to_string(job).expect("a posting always serialises"),
        );
        document.add_text(
            fields.profile,
            serde_json::to_string(profile).expect("a profile always serialises"),
        );
        (document, Resolved { unresolved: built.unresolved })
    }

    /// Builds the document of a résumé.
    pub fn resume(&mut self, resume: &Resume) -> (TantivyDocument, Resolved) {
        let fields = self.fields.clone();
        let built = ResumeProfile::build(&self.analyzer, &self.taxonomy, resume, &mut self.scratch);
        let profile = &built.profile;
        let mut document = TantivyDocument::default();
        document.add_text(fields.id, &resume.id);
        let headline = resume.headline.as_deref().unwrap_or_default();
        document.add_text(fields.title, headline);
        let mut body = String::new();
        for piece in resume.summary.iter() {
            body.push_str(piece);
            body.push('\n');
        }
        for job in &resume.experience {
            for piece in [&job.title, &job.employer, &job.description].into_iter().flatten() {
                body.push_str(piece);
                body.push('\n');
            }
        }
        for study in &resume.education {
            for piece in [&study.field, &study.school].into_iter().flatten() {
                body.push_str(piece);
                body.push('\n');
            }
        }
        document.add_text(fields.body, &body);
        for skill in &resume.skills {
            self.add_skill_text(&mut document, skill);
        }
        for cert in &resume.certifications {
            if let Some(name) = &cert.name {
                document.add_text(fields.skills_text, name);
            }
        }
        let skills: Vec<&String> = profile.skills.iter().collect();
        let certifications: Vec<(&str, Option<Level>)> =
            profile.certifications.iter().map(|(id, level)| (id.as_str(), *level)).collect();
        add_tags(
            &mut document,
            &fields,
            resume.occupations.iter().chain(&built.mentioned_occupations),
            resume.industries.iter().chain(&built.mentioned_industries),
            resume.location.as_ref(),
            resume.lang.as_deref(),
            &resume.fairs,
        );
        document.add_text(fields.visibility, enum_name(&resume.visibility));
        if let Some(authorization) = &resume.work_authorization {
            document.add_text(fields.work_authorization, enum_name(&authorization.status));
            if let Some(years) = authorization.years_in_taiwan {
                document.add_f64(fields.years_in_taiwan, years);
            }
        }
        add_salary(&mut document, &fields, profile.salary);
        if let Some(day) = profile.day {
            document.add_i64(fields.day, day);
        }
        document.add_f64(fields.experience_years, experience_years(resume));
        finish(&mut document, &fields, &skills, &certifications);
        document.add_text(
            fields.source,
            serde_json::to_string(resume).expect("a résumé always serialises"),
        );
        document.add_text(
            fields.profile,
            serde_json::to_string(profile).expect("a profile always serialises"),
        );
        (document, Resolved { unresolved: built.unresolved })
    }

    fn add_skill_text(&self, document: &mut TantivyDocument, skill: &SkillRef) {
        if let Some(name) = &skill.name {
            document.add_text(self.fields.skills_text, name);
        }
        if let Some(names) =
            skill.id.as_deref().and_then(|id| self.taxonomy.skill(id)).map(|skill| &skill.names)
        {
            for name in [&names.zh_hant, &names.en].into_iter().filter(|name| !name.is_empty()) {
                document.add_text(self.fields.skills_text, name);
            }
        }
    }
}

fn finish(
    document: &mut TantivyDocument,
    fields: &KindSchema,
    skills: &[&String],
    certifications: &[(&str, Option<Level>)],
) {
    let mut seen = std::collections::HashSet::new();
    for skill in skills {
        if seen.insert(skill.as_str()) {
            document.add_text(fields.skill, *skill);
        }
    }
    let mut terms = std::collections::BTreeSet::new();
    for (id, level) in certifications {
        terms.extend(held_certification_terms(id, *level));
    }
    for term in terms {
        document.add_text(fields.certification, &term);
    }
}

/// Occupations (with all prefixes), industries, place, language and fairs.
fn add_tags<'a>(
    document: &mut TantivyDocument,
    fields: &KindSchema,
    occupations: impl Iterator<Item = &'a String>,
    industries: impl Iterator<Item = &'a String>,
    location: Option<&Location>,
    lang: Option<&str>,
    fairs: &[String],
) {
    let mut terms = std::collections::BTreeSet::new();
    for code in occupations {
        terms.extend(occupation_terms(code));
    }
    for term in terms {
        document.add_text(fields.occupation, &term);
    }
    let industries: std::collections::BTreeSet<&String> = industries.collect();
    for industry in industries {
        document.add_text(fields.industry, industry);
    }
    if let Some(location) = location {
        add_optional(document, fields.city, location.city.as_deref());
        add_optional(document, fields.country, location.country.as_deref());
    }
    add_optional(document, fields.lang, lang);
    for fair in fairs {
        document.add_text(fields.fair, fair);
    }
}

fn add_optional(
    document: &mut TantivyDocument,
    field: tantivy::schema::Field,
    value: Option<&str>,
) {
    if let Some(value) = value.filter(|value| !value.trim().is_empty()) {
        document.add_text(field, value);
    }
}

/// Salary bounds as TWD per month; other currencies are not converted and not indexed
/// as numbers (they stay in the stored document).
fn add_salary(
    document: &mut TantivyDocument,
    fields: &KindSchema,
    salary: Option<(Option<i64>, Option<i64>)>,
) {
    let Some((min, max)) = salary else { return };
    if let Some(min) = min {
        document.add_i64(fields.salary_min, min);
    }
    if let Some(max) = max {
        document.add_i64(fields.salary_max, max);
    }
}

/// Years of experience: the months covered by the experience entries (a current job runs
/// to the résumé's update date, or to its latest dated entry), overlaps not counted twice.
fn experience_years(resume: &Resume) -> f64 {
    let latest = resume
        .updated_at
        .map(|date| i64::from(date.year) * 12 + i64::from(date.month) - 1)
        .or_else(|| {
            resume
                .experience
                .iter()
                .filter_map(|job| job.end.or(job.start))
                .map(|month| month.months())
                .max()
        });
    let Some(latest) = latest else { return 0.0 };
    let mut spans: Vec<(i64, i64)> = resume
        .experience
        .iter()
        .filter_map(|job| {
            let start = job.start?.months();
            let end = job.end.map_or(latest, |month| month.months()) + 1;
            (end > start).then_some((start, end))
        })
        .collect();
    spans.sort_unstable();
    let mut months = 0;
    let mut covered_to = i64::MIN;
    for (start, end) in spans {
        let from = start.max(covered_to);
        if end > from {
            months += end - from;
        }
        covered_to = covered_to.max(end);
    }
    months as f64 / 12.0
}

/// The wire name of a unit enum (its serde name).
fn enum_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}
