//! Profiles: what a posting asks for and what a résumé offers, resolved to taxonomy ids.
//!
//! A profile is a pure function of one document and the taxonomy. The indexer stores it
//! beside the document, and the pair scorer reads two profiles, so a stored and an unsaved
//! document are scored the same way.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::analysis::Scratch;
use crate::model::{JobPosting, LanguageLevel, Resume, Salary, SalaryPeriod, SkillRef};
use crate::{Analyzer, EntryKind, Level, Taxonomy};

/// Working hours a month, to turn an hourly wage into a monthly one (22 days × 8 hours).
pub const HOURS_PER_MONTH: i64 = 176;
/// Distinct terms kept from a posting's text: the most specific ones.
pub const JOB_TERMS: usize = 64;
/// Distinct terms kept from a résumé's text.
pub const RESUME_TERMS: usize = 160;

/// Words too common to tell postings apart, in folded (Simplified, lower-case) form.
const COMMON_WORDS: &[&str] = &[
    "工作",
    "负责",
    "相关",
    "经验",
    "能力",
    "公司",
    "以上",
    "具备",
    "熟悉",
    "进行",
    "协助",
    "处理",
    "良好",
    "优先",
    "需求",
    "项目",
    "管理",
    "人员",
    "职务",
    "内容",
    "条件",
    "要求",
    "年以上",
    "学历",
    "科系",
    "不拘",
    "其他",
    "以及",
    "或是",
    "可以",
    "具有",
    "能够",
    "我们",
    "你们",
    "他们",
    "这个",
    "那个",
    "如果",
    "因为",
    "所以",
    "但是",
    "或者",
    "没有",
    "已经",
    "一个",
    "一些",
    "通过",
    "对于",
    "以下",
    "等等",
    "包括",
    "不同",
    "希望",
    "欢迎",
    "提供",
    "我的",
    "曾经",
    "目前",
    "and",
    "the",
    "of",
    "to",
    "in",
    "for",
    "with",
    "a",
    "an",
    "on",
    "or",
    "is",
    "are",
    "be",
    "as",
    "at",
    "by",
    "from",
    "our",
    "you",
    "we",
    "will",
    "experi",
    "work",
    "year",
    "skill",
];

/// A certification a posting names, and the level it asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificationNeed {
    /// Canonical id.
    pub id: String,
    /// Lowest acceptable level; any level when absent.
    pub min_level: Option<Level>,
    /// Required (true) or preferred.
    pub required: bool,
}

/// What a posting asks for, resolved.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JobProfile {
    /// Required skill ids (the posting's list; `required` defaults to true).
    pub skills_required: Vec<String>,
    /// Preferred skill ids: listed as not required, or only mentioned in the text.
    pub skills_preferred: Vec<String>,
    /// Certifications, listed or mentioned with context.
    pub certifications: Vec<CertificationNeed>,
    /// The 4-digit occupation code.
    pub occupation: Option<String>,
    /// Industry group ids.
    pub industries: Vec<String>,
    /// City as written.
    pub city: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Remote work possible.
    pub remote: bool,
    /// Salary range in TWD a month (either bound may be absent).
    pub salary: Option<(Option<i64>, Option<i64>)>,
    /// Languages asked for, with the level (as a number 1–5, 0 when unstated).
    pub languages: Vec<(String, u8)>,
    /// Posted, in days since 1970-01-01.
    pub day: Option<i64>,
    /// The most specific terms of the title (weight doubled) and description.
    pub terms: Vec<(String, f32)>,
}

/// What a résumé offers, resolved.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResumeProfile {
    /// Skill ids, listed or mentioned.
    pub skills: Vec<String>,
    /// Certification ids with the highest level held (absent when no level is stated).
    pub certifications: Vec<(String, Option<Level>)>,
    /// Occupation codes.
    pub occupations: Vec<String>,
    /// Industry group ids.
    pub industries: Vec<String>,
    /// City as written.
    pub city: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Wants remote work or will relocate.
    pub flexible: bool,
    /// Desired salary in TWD a month.
    pub salary: Option<(Option<i64>, Option<i64>)>,
    /// Languages with the level (1–5, 0 when unstated).
    pub languages: Vec<(String, u8)>,
    /// Updated, in days since 1970-01-01.
    pub day: Option<i64>,
    /// Term frequencies of the headline, summary, experience and skill names.
    pub terms: HashMap<String, u16>,
}

/// Resolves skill and certification references to taxonomy ids.
pub struct Resolver<'a> {
    /// The analysis chain (its extractor resolves names in any script).
    pub analyzer: &'a Analyzer,
    /// The taxonomy.
    pub taxonomy: &'a Taxonomy,
}

impl Resolver<'_> {
    /// The id of a skill reference. Unknown ids are kept (and reported); names the
    /// taxonomy does not know are reported and give `None`.
    pub fn skill(&self, skill: &SkillRef, unresolved: &mut Vec<String>) -> Option<String> {
        if let Some(id) = skill.id.as_deref().filter(|id| !id.trim().is_empty()) {
            if self.taxonomy.skill(id).is_none() {
                unresolved.push(id.to_owned());
            }
            return Some(id.to_owned());
        }
        let name = skill.name.as_deref()?;
        match self.analyzer.resolve(EntryKind::Skill, name) {
            Some(id) => Some(id.to_owned()),
            None => {
                unresolved.push(name.trim().to_owned());
                None
            }
        }
    }

    /// The id of a certification given by id or name ("iPAS 資訊安全工程師" names the
    /// same item as "資訊安全工程師").
    pub fn certification(
        &self,
        id: Option<&str>,
        name: Option<&str>,
        unresolved: &mut Vec<String>,
    ) -> Option<String> {
        if let Some(id) = id.filter(|id| !id.trim().is_empty()) {
            if self.taxonomy.certification(id).is_none() {
                unresolved.push(id.to_owned());
            }
            return Some(id.to_owned());
        }
        let name = name?;
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
                unresolved.push(trimmed.to_owned());
                None
            }
        }
    }
}

/// A posting's profile plus what its text mentions beyond it (occupations and industries
/// found in the text, for the index).
#[derive(Debug, Clone, Default)]
pub struct Built<P> {
    /// The profile.
    pub profile: P,
    /// Occupation codes found in the text.
    pub mentioned_occupations: Vec<String>,
    /// Industry ids found in the text.
    pub mentioned_industries: Vec<String>,
    /// Names and ids the taxonomy does not know.
    pub unresolved: Vec<String>,
}

impl JobProfile {
    /// Resolves a posting. Listed skills keep their `required` flag (default true); skills
    /// only mentioned in the text are preferred. Likewise for certifications.
    pub fn build(
        analyzer: &Analyzer,
        taxonomy: &Taxonomy,
        job: &JobPosting,
        scratch: &mut Scratch,
    ) -> Built<JobProfile> {
        let resolver = Resolver { analyzer, taxonomy };
        let mut unresolved = Vec::new();
        let mut profile = JobProfile::default();
        for skill in &job.skills {
            if let Some(id) = resolver.skill(skill, &mut unresolved) {
                let list = if skill.required.unwrap_or(true) {
                    &mut profile.skills_required
                } else {
                    &mut profile.skills_preferred
                };
                push_unique(list, id);
            }
        }
        for cert in &job.certifications {
            if let Some(id) =
                resolver.certification(cert.id.as_deref(), cert.name.as_deref(), &mut unresolved)
            {
                merge_need(
                    &mut profile.certifications,
                    CertificationNeed {
                        id,
                        min_level: cert.min_level,
                        required: cert.required.unwrap_or(true),
                    },
                );
            }
        }
        let description = job.description.as_deref().unwrap_or_default();
        let text = format!("{}\n{description}", job.title);
        let analysis = analyzer.analyze_with(&text, scratch);
        for id in analysis.skills {
            if !profile.skills_required.contains(&id) {
                push_unique(&mut profile.skills_preferred, id);
            }
        }
        for mention in analysis.certifications {
            merge_need(
                &mut profile.certifications,
                CertificationNeed { id: mention.id, min_level: mention.level, required: false },
            );
        }
        // Title terms count twice; the first line of `text` is the title.
        let title_end = job.title.len();
        let mut weights: HashMap<String, f32> = HashMap::new();
        for token in &analysis.tokens {
            // Tokens come in text order and the title comes first, so a word's first
            // occurrence decides whether it is a title word.
            if weights.contains_key(token.text.as_str()) {
                continue;
            }
            let Some(weight) = term_weight(&token.text) else { continue };
            let in_title = token.end <= title_end;
            weights.insert(token.text.clone(), if in_title { 2.0 * weight } else { weight });
        }
        let mut terms: Vec<(String, f32)> = weights.into_iter().collect();
        terms.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        terms.truncate(JOB_TERMS);
        profile.terms = terms;
        profile.occupation = job.occupation.clone();
        profile.industries = job.industries.clone();
        if let Some(location) = &job.location {
            profile.city = location.city.clone().filter(|city| !city.trim().is_empty());
            profile.country = location.country.clone();
            profile.remote = location.remote.unwrap_or(false);
        }
        profile.salary = job.salary.as_ref().and_then(monthly_twd);
        profile.languages = languages(&job.languages);
        profile.day = job.posted_at.map(|date| date.days_since_epoch());
        Built {
            profile,
            mentioned_occupations: analysis.occupations,
            mentioned_industries: analysis.industries,
            unresolved,
        }
    }
}

impl ResumeProfile {
    /// Resolves a résumé: listed and mentioned skills and certifications, the highest
    /// level held of each certification.
    pub fn build(
        analyzer: &Analyzer,
        taxonomy: &Taxonomy,
        resume: &Resume,
        scratch: &mut Scratch,
    ) -> Built<ResumeProfile> {
        let resolver = Resolver { analyzer, taxonomy };
        let mut unresolved = Vec::new();
        let mut profile = ResumeProfile::default();
        for skill in &resume.skills {
            if let Some(id) = resolver.skill(skill, &mut unresolved) {
                push_unique(&mut profile.skills, id);
            }
        }
        let mut held: BTreeMap<String, Option<Level>> = BTreeMap::new();
        let mut hold = |id: String, level: Option<Level>| {
            let entry = held.entry(id).or_insert(level);
            *entry = (*entry).max(level);
        };
        for cert in &resume.certifications {
            if let Some(id) =
                resolver.certification(cert.id.as_deref(), cert.name.as_deref(), &mut unresolved)
            {
                hold(id, cert.level);
            }
        }
        let text = resume_text(resume);
        let analysis = analyzer.analyze_with(&text, scratch);
        for id in analysis.skills {
            push_unique(&mut profile.skills, id);
        }
        for mention in analysis.certifications {
            hold(mention.id, mention.level);
        }
        profile.certifications = held.into_iter().collect();
        let mut terms: HashMap<String, u16> = HashMap::new();
        for token in &analysis.tokens {
            if let Some(count) = terms.get_mut(token.text.as_str()) {
                *count = count.saturating_add(1);
            } else if term_weight(&token.text).is_some() {
                terms.insert(token.text.clone(), 1);
            }
        }
        if terms.len() > RESUME_TERMS {
            let mut ranked: Vec<(String, u16)> = terms.into_iter().collect();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            ranked.truncate(RESUME_TERMS);
            terms = ranked.into_iter().collect();
        }
        profile.terms = terms;
        profile.occupations = resume.occupations.clone();
        profile.industries = resume.industries.clone();
        if let Some(location) = &resume.location {
            profile.city = location.city.clone().filter(|city| !city.trim().is_empty());
            profile.country = location.country.clone();
            profile.flexible =
                location.remote.unwrap_or(false) || location.willing_to_relocate.unwrap_or(false);
        }
        profile.salary = resume.desired_salary.as_ref().and_then(monthly_twd);
        profile.languages = languages(&resume.languages);
        profile.day = resume.updated_at.map(|date| date.days_since_epoch());
        Built {
            profile,
            mentioned_occupations: analysis.occupations,
            mentioned_industries: analysis.industries,
            unresolved,
        }
    }
}

/// The text of a résumé that is searched and compared: headline, summary, experience,
/// education and skill names, one per line.
pub fn resume_text(resume: &Resume) -> String {
    let mut text = String::new();
    let mut add = |piece: &str| {
        if !piece.trim().is_empty() {
            text.push_str(piece);
            text.push('\n');
        }
    };
    resume.headline.iter().for_each(|piece| add(piece));
    resume.summary.iter().for_each(|piece| add(piece));
    for job in &resume.experience {
        [&job.title, &job.employer, &job.description].into_iter().flatten().for_each(|p| add(p));
    }
    for study in &resume.education {
        [&study.field, &study.school].into_iter().flatten().for_each(|piece| add(piece));
    }
    for skill in &resume.skills {
        skill.name.iter().for_each(|piece| add(piece));
    }
    text
}

/// A salary as TWD a month; other currencies are not converted (`None`).
pub fn monthly_twd(salary: &Salary) -> Option<(Option<i64>, Option<i64>)> {
    if salary.currency.as_deref().is_some_and(|currency| currency != "TWD") {
        return None;
    }
    let monthly = |amount: i64| match salary.period.unwrap_or(SalaryPeriod::Month) {
        SalaryPeriod::Month => amount,
        SalaryPeriod::Year => amount / 12,
        SalaryPeriod::Hour => amount.saturating_mul(HOURS_PER_MONTH),
    };
    let range = (salary.min.map(monthly), salary.max.map(monthly));
    (range.0.is_some() || range.1.is_some()).then_some(range)
}

/// How much a term tells about a document, or `None` for terms that tell nothing: single
/// Han characters, numbers, punctuation and very common words. Longer Han words are more
/// specific.
pub fn term_weight(term: &str) -> Option<f32> {
    static COMMON: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| COMMON_WORDS.iter().copied().collect());
    if COMMON.contains(term) {
        return None;
    }
    let characters = term.chars().count();
    let han = term.chars().filter(|character| is_han(*character)).count();
    if han > 0 {
        return match han {
            1 => None,
            2 => Some(1.0),
            3 => Some(1.3),
            _ => Some(1.5),
        };
    }
    let letters = term.chars().filter(|character| character.is_alphabetic()).count();
    match (characters, letters) {
        (_, 0) => None,
        (1, _) => None,
        _ => Some(1.0),
    }
}

fn is_han(character: char) -> bool {
    matches!(character, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

fn languages(languages: &[crate::model::LanguageSkill]) -> Vec<(String, u8)> {
    languages
        .iter()
        .map(|language| (language.lang.to_lowercase(), language.level.map_or(0, level_number)))
        .collect()
}

/// A language level as a number, 1 (basic) to 5 (native).
pub fn level_number(level: LanguageLevel) -> u8 {
    match level {
        LanguageLevel::Native => 5,
        LanguageLevel::Fluent => 4,
        LanguageLevel::Business => 3,
        LanguageLevel::Conversational => 2,
        LanguageLevel::Basic => 1,
    }
}

fn push_unique(list: &mut Vec<String>, id: String) {
    if !list.contains(&id) {
        list.push(id);
    }
}

/// Adds a need; a need for the same id keeps the stricter terms.
fn merge_need(needs: &mut Vec<CertificationNeed>, need: CertificationNeed) {
    match needs.iter_mut().find(|existing| existing.id == need.id) {
        Some(existing) => {
            existing.required |= need.required;
            existing.min_level = existing.min_level.max(need.min_level);
        }
        None => needs.push(need),
    }
}
