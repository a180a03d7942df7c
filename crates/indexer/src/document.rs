//! Building tantivy documents from postings and résumés.

use std::sync::Arc;

use meihe_core::analysis::Scratch;
use meihe_core::model::{JobPosting, Location, Resume, Salary, SalaryPeriod, SkillRef};
use meihe_core::schema::{KindSchema, held_certification_terms, occupation_terms};
use meihe_core::{Analyzer, EntryKind, Level, Taxonomy};
use tantivy::TantivyDocument;

/// Working hours a month, to turn an hourly wage into a monthly one (22 days × 8 hours).
const HOURS_PER_MONTH: i64 = 176;

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
        let mut document = TantivyDocument::default();
        let mut resolved = Resolved::default();
        document.add_text(fields.id, &job.id);
        document.add_text(fields.title, &job.title);
        let description = job.description.as_deref().unwrap_or_default();
        document.add_text(fields.body, description);
        document
            .add_text(fields.employer, job.employer.id.as_deref().unwrap_or(&job.employer.name));

        let mut skills = Vec::new();
        for skill in &job.skills {
            self.add_skill_text(&mut document, skill);
            if let Some(id) = self.resolve_skill(skill, &mut resolved) {
                if skill.required.unwrap_or(true) {
                    document.add_text(fields.skill_required, &id);
                }
                skills.push(id);
            }
        }
        let mut certifications = self.add_certifications(
            &mut document,
            job.certifications
                .iter()
                .map(|cert| (cert.id.as_deref(), cert.name.as_deref(), cert.min_level)),
            &mut resolved,
        );
        let text = format!("{}\n{description}", job.title);
        self.add_extracted(&mut document, &text, &mut skills, &mut certifications);

        add_tags(
            &mut document,
            &fields,
            job.occupation.as_slice(),
            &job.industries,
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
        add_salary(&mut document, &fields, job.salary.as_ref());
        if let Some(posted) = job.posted_at {
            document.add_i64(fields.day, posted.days_since_epoch());
        }
        finish(&mut document, &fields, &skills, &certifications);
        document.add_text(
            fields.source,
            serde_json::to_string(job).expect("a posting always serialises"),
        );
        (document, resolved)
    }

    /// Builds the document of a résumé.
    pub fn resume(&mut self, resume: &Resume) -> (TantivyDocument, Resolved) {
        let fields = self.fields.clone();
        let mut document = TantivyDocument::default();
        let mut resolved = Resolved::default();
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

        let mut skills = Vec::new();
        for skill in &resume.skills {
            self.add_skill_text(&mut document, skill);
            if let Some(id) = self.resolve_skill(skill, &mut resolved) {
                skills.push(id);
            }
        }
        let mut certifications = self.add_certifications(
            &mut document,
            resume
                .certifications
                .iter()
                .map(|cert| (cert.id.as_deref(), cert.name.as_deref(), cert.level)),
            &mut resolved,
        );
        let text = format!("{headline}\n{body}");
        self.add_extracted(&mut document, &text, &mut skills, &mut certifications);

        add_tags(
            &mut document,
            &fields,
            &resume.occupations,
            &resume.industries,
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
        add_salary(&mut document, &fields, resume.desired_salary.as_ref());
        if let Some(updated) = resume.updated_at {
            document.add_i64(fields.day, updated.days_since_epoch());
        }
        document.add_f64(fields.experience_years, experience_years(resume));
        finish(&mut document, &fields, &skills, &certifications);
        document.add_text(
            fields.source,
            serde_json::to_string(resume).expect("a résumé always serialises"),
        );
        (document, resolved)
    }

    /// Adds certification names as text and returns the resolved (id, level) pairs.
    fn add_certifications<'a>(
        &self,
        document: &mut TantivyDocument,
        certifications: impl Iterator<Item = (Option<&'a str>, Option<&'a str>, Option<Level>)>,
        resolved: &mut Resolved,
    ) -> Vec<(String, Option<Level>)> {
        let mut found = Vec::new();
        for (id, name, level) in certifications {
            if let Some(name) = name {
                document.add_text(self.fields.skills_text, name);
            }
            if let Some(id) = self.resolve_certification(id, name, resolved) {
                found.push((id, level));
            }
        }
        found
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

    fn resolve_skill(&self, skill: &SkillRef, resolved: &mut Resolved) -> Option<String> {
        if let Some(id) = skill.id.as_deref().filter(|id| !id.trim().is_empty()) {
            if self.taxonomy.skill(id).is_none() {
                resolved.unresolved.push(id.to_owned());
            }
            return Some(id.to_owned());
        }
        let name = skill.name.as_deref()?;
        match self.analyzer.resolve(EntryKind::Skill, name) {
            Some(id) => Some(id.to_owned()),
            None => {
                resolved.unresolved.push(name.trim().to_owned());
                None
            }
        }
    }

    fn resolve_certification(
        &self,
        id: Option<&str>,
        name: Option<&str>,
        resolved: &mut Resolved,
    ) -> Option<String> {
        if let Some(id) = id.filter(|id| !id.trim().is_empty()) {
            if self.taxonomy.certification(id).is_none() {
                resolved.unresolved.push(id.to_owned());
            }
            return Some(id.to_owned());
        }
        let name = name?;
        // "iPAS 資訊安全工程師" names the same item as "資訊安全工程師".
        let trimmed = name.trim();
        let without_brand = trimmed
            .get(..4)
            .filter(|head| head.eq_ignore_ascii_case("ipas"))
            .map(|_| trimmed[4..].trim_start_matches(['-', ' ', ':', '：']));
        let found = self.analyzer.resolve(EntryKind::Certification, name).or_else(|| {
            without_brand.and_then(|rest| self.analyzer.resolve(EntryKind::Certification, rest))
        });
        match found {
            Some(id) => Some(id.to_owned()),
            None => {
                resolved.unresolved.push(name.trim().to_owned());
                None
            }
        }
    }

    /// Adds what the text mentions: skills, certifications with stated levels,
    /// occupations and industries.
    fn add_extracted(
        &mut self,
        document: &mut TantivyDocument,
        text: &str,
        skills: &mut Vec<String>,
        certifications: &mut Vec<(String, Option<Level>)>,
    ) {
        let analysis = self.analyzer.analyze_with(text, &mut self.scratch);
        skills.extend(analysis.skills);
        certifications
            .extend(analysis.certifications.into_iter().map(|mention| (mention.id, mention.level)));
        for code in &analysis.occupations {
            for term in occupation_terms(code) {
                document.add_text(self.fields.occupation, &term);
            }
        }
        for industry in &analysis.industries {
            document.add_text(self.fields.industry, industry);
        }
    }
}

fn finish(
    document: &mut TantivyDocument,
    fields: &KindSchema,
    skills: &[String],
    certifications: &[(String, Option<Level>)],
) {
    let mut seen = std::collections::HashSet::new();
    for skill in skills {
        if seen.insert(skill.as_str()) {
            document.add_text(fields.skill, skill);
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
fn add_tags(
    document: &mut TantivyDocument,
    fields: &KindSchema,
    occupations: &[String],
    industries: &[String],
    location: Option<&Location>,
    lang: Option<&str>,
    fairs: &[String],
) {
    for code in occupations {
        for term in occupation_terms(code) {
            document.add_text(fields.occupation, &term);
        }
    }
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
fn add_salary(document: &mut TantivyDocument, fields: &KindSchema, salary: Option<&Salary>) {
    let Some(salary) = salary else { return };
    if salary.currency.as_deref().is_some_and(|currency| currency != "TWD") {
        return;
    }
    let monthly = |amount: i64| match salary.period.unwrap_or(SalaryPeriod::Month) {
        SalaryPeriod::Month => amount,
        SalaryPeriod::Year => amount / 12,
        SalaryPeriod::Hour => amount.saturating_mul(HOURS_PER_MONTH),
    };
    if let Some(min) = salary.min {
        document.add_i64(fields.salary_min, monthly(min));
    }
    if let Some(max) = salary.max {
        document.add_i64(fields.salary_max, monthly(max));
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
