//! A deterministic generator of realistic bilingual job postings and résumés, for tests at
//! small sizes and benchmarks at millions of documents.
//!
//! Every document first draws a field of work (software, semiconductors, caregiving, …),
//! then a role in that field (a title in three scripts and a 4-digit occupation code), then
//! skills mostly from that field of the taxonomy, and writes its title and text from
//! per-field phrases in the document's script: about 60 % Traditional Chinese, 15 %
//! Simplified Chinese with Mainland wording, 20 % English and 5 % mixed. Texts name the
//! skills in the document's script and sometimes an iPAS certification with its level.
//!
//! The n-th posting and the n-th résumé are each drawn from their own ChaCha8 stream of the
//! seed, so they are the same on any machine and whatever was generated before them.
//!
//! ```
//! use meihe_core::Taxonomy;
//! use meihe_indexer::generate::{Generator, write_corpus};
//!
//! let taxonomy = Taxonomy::builtin().unwrap();
//! let mut generator = Generator::new(&taxonomy, 42);
//! let job = generator.job(7);
//! assert_eq!(job.id, "job-g00000007");
//! assert!(job.validate().is_empty());
//!
//! let (mut jobs, mut resumes) = (Vec::new(), Vec::new());
//! let bytes = write_corpus(&taxonomy, 42, 10, 5, &mut jobs, &mut resumes, |_, _| {}).unwrap();
//! assert_eq!(bytes as usize, jobs.len() + resumes.len());
//! assert_eq!(resumes.iter().filter(|byte| **byte == b'\n').count(), 5);
//! ```

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use meihe_core::model::{
    CertificationRequirement, Contact, Date, Degree, Education, Employer, EmploymentType,
    Experience, HeldCertification, JobPosting, LanguageLevel, LanguageSkill, Location, Resume,
    Salary, SalaryPeriod, SkillRef, Visibility, WorkAuthorization, WorkAuthorizationStatus,
    WorkCategory, YearMonth,
};
use meihe_core::taxonomy::{CertificationStatus, OccupationLevel};
use meihe_core::{Level, Taxonomy};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

mod phrases;

use phrases::*;

/// First month (as months since 2000-01) of generated posting and update dates: 2025-01.
const FIRST_MONTH: u32 = 25 * 12;
/// Last month of generated posting and update dates: 2026-12.
const LAST_MONTH: u32 = 26 * 12 + 11;

// ---------------------------------------------------------------------------------------
// Tables built once from the taxonomy.
// ---------------------------------------------------------------------------------------

/// A skill's id and its name in each script (never empty: falls back to another script).
struct SkillEntry {
    id: String,
    names: [String; 3],
    alias: Option<String>,
}

/// A certification's id, names, levels and family code.
struct CertEntry {
    id: String,
    code: String,
    names: [String; 3],
    levels: Vec<Level>,
}

/// What one field draws from, checked against the taxonomy.
struct FieldTables {
    /// Skills of the field (indices into `Tables::skills`).
    skills: Vec<u32>,
    /// Skills of neighbouring fields.
    neighbour_skills: Vec<u32>,
    /// Skills migrant workers list (the field's skills when none are given).
    migrant_skills: Vec<u32>,
    /// Certifications that fit the field (indices into `Tables::certs`).
    certs: Vec<u32>,
    /// Of those, the ones still examined (postings ask for these).
    current_certs: Vec<u32>,
    /// Occupation codes of `FieldSpec::roles` that exist as unit groups, by role.
    role_codes: Vec<Option<&'static str>>,
    /// Same for `FieldSpec::migrant_roles`.
    migrant_codes: Vec<Option<&'static str>>,
    /// Industry ids that exist.
    industries: Vec<&'static str>,
    /// Hub cities (indices into `CITIES`).
    hubs: Vec<usize>,
}

struct Tables {
    skills: Vec<SkillEntry>,
    /// Skill index by id.
    skill_index: HashMap<String, u32>,
    general_skills: Vec<u32>,
    /// Mandarin and Taiwanese Hokkien, which migrant workers list.
    local_languages: Vec<u32>,
    all_skills: Vec<u32>,
    certs: Vec<CertEntry>,
    all_certs: Vec<u32>,
    fields: Vec<FieldTables>,
    field_weights: Vec<u32>,
    city_weights: Vec<u32>,
}

fn first_non_empty(candidates: [&str; 3]) -> &str {
    candidates.into_iter().find(|name| !name.is_empty()).unwrap_or_default()
}

impl Tables {
    fn new(taxonomy: &Taxonomy) -> Tables {
        let skills: Vec<SkillEntry> = taxonomy
            .skills()
            .iter()
            .map(|skill| {
                let names = &skill.names;
                SkillEntry {
                    id: skill.id.clone(),
                    names: [
                        first_non_empty([&names.zh_hant, &names.en, &names.zh_hans]).to_owned(),
                        first_non_empty([&names.zh_hans, &names.en, &names.zh_hant]).to_owned(),
                        first_non_empty([&names.en, &names.zh_hant, &names.zh_hans]).to_owned(),
                    ],
                    alias: names.aliases.first().filter(|alias| !alias.trim().is_empty()).cloned(),
                }
            })
            .collect();
        let indices_of = |field: &str| -> Vec<u32> {
            (0..taxonomy.skills().len() as u32)
                .filter(|index| taxonomy.skills()[*index as usize].field == field)
                .collect()
        };
        let all_skills: Vec<u32> = (0..skills.len() as u32).collect();
        let general_skills = indices_of("general");
        let skill_index: HashMap<String, u32> =
            skills.iter().zip(0..).map(|(skill, index)| (skill.id.clone(), index)).collect();
        let existing = |ids: &[&str]| -> Vec<u32> {
            ids.iter().filter_map(|id| skill_index.get(*id).copied()).collect()
        };
        let local_languages = existing(&["mandarin-chinese", "taiwanese-hokkien"]);

        let certs: Vec<CertEntry> = taxonomy
            .certifications()
            .iter()
            .map(|cert| {
                let names = &cert.names;
                CertEntry {
                    id: cert.id.clone(),
                    code: if cert.code.is_empty() { "IPAS".to_owned() } else { cert.code.clone() },
                    names: [
                        first_non_empty([&names.zh_hant, &names.en, &names.zh_hans]).to_owned(),
                        first_non_empty([&names.zh_hans, &names.zh_hant, &names.en]).to_owned(),
                        first_non_empty([&names.en, &names.zh_hant, &names.zh_hans]).to_owned(),
                    ],
                    levels: cert.levels.clone(),
                }
            })
            .filter(|cert| !cert.levels.is_empty())
            .collect();
        let cert_index = |id: &str| certs.iter().position(|cert| cert.id == id);
        let all_certs: Vec<u32> = (0..certs.len() as u32).collect();

        let unit_exists = |code: &str| {
            taxonomy
                .occupation(code)
                .is_some_and(|occupation| occupation.level == OccupationLevel::Unit)
        };
        let fields = FIELDS
            .iter()
            .map(|spec| {
                let mut field_skills = indices_of(spec.id);
                if field_skills.is_empty() {
                    field_skills.clone_from(&all_skills);
                }
                let neighbour_skills: Vec<u32> =
                    spec.neighbours.iter().flat_map(|neighbour| indices_of(neighbour)).collect();
                let mut migrant_skills = existing(spec.migrant_skills);
                if migrant_skills.is_empty() {
                    migrant_skills.clone_from(&field_skills);
                }
                let mut field_certs = Vec::new();
                let mut current_certs = Vec::new();
                for id in spec.certifications {
                    if let Some(index) = cert_index(id) {
                        field_certs.push(index as u32);
                        if taxonomy
                            .certification(id)
                            .is_some_and(|cert| cert.status == CertificationStatus::Current)
                        {
                            current_certs.push(index as u32);
                        }
                    }
                }
                if current_certs.is_empty() {
                    current_certs.clone_from(&field_certs);
                }
                let codes = |roles: &'static [Role]| -> Vec<Option<&'static str>> {
                    roles
                        .iter()
                        .map(|role| Some(role.code).filter(|code| unit_exists(code)))
                        .collect()
                };
                FieldTables {
                    skills: field_skills,
                    neighbour_skills,
                    migrant_skills,
                    certs: field_certs,
                    current_certs,
                    role_codes: codes(spec.roles),
                    migrant_codes: codes(spec.migrant_roles),
                    industries: spec
                        .industries
                        .iter()
                        .copied()
                        .filter(|id| taxonomy.industry(id).is_some())
                        .collect(),
                    hubs: spec
                        .hubs
                        .iter()
                        .filter_map(|hub| CITIES.iter().position(|city| city.0 == *hub))
                        .collect(),
                }
            })
            .collect();
        Tables {
            skills,
            skill_index,
            general_skills,
            local_languages,
            all_skills,
            certs,
            all_certs,
            fields,
            field_weights: FIELDS.iter().map(|spec| spec.weight).collect(),
            city_weights: CITIES.iter().map(|city| city.3).collect(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// The generator.
// ---------------------------------------------------------------------------------------

/// Deterministic: the same seed gives the same documents, on any machine.
///
/// The n-th posting and the n-th résumé each come from their own stream of a ChaCha8
/// generator seeded from the seed, so [`Generator::job`]`(n)` returns the same posting
/// whatever was generated before it (and corpora can be generated in parallel by ranges
/// of `n`).
pub struct Generator {
    tables: Tables,
    /// Seeded from the seed; cloned and moved to a document's stream for each document.
    base: ChaCha8Rng,
    rng: ChaCha8Rng,
}

/// How a document is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Hant,
    Hans,
    En,
    Mixed,
}

impl Script {
    fn lang(self) -> &'static str {
        match self {
            Script::Hant => "zh-Hant",
            Script::Hans => "zh-Hans",
            Script::En => "en",
            Script::Mixed => "mixed",
        }
    }
}

/// Right to work, as drawn for a résumé.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Citizen,
    GoldCard,
    ForeignProfessional,
    OverseasStudent,
    Migrant,
    NoPermit,
}

/// Values a sentence template may name.
struct Vars<'v> {
    title: [&'v str; 3],
    employer: [&'v str; 3],
    city: [&'v str; 3],
    duty: Tri,
    /// Years of experience, for {y}.
    years: u32,
}

/// What one document is being drawn from: the tables, its random stream and its choices.
struct Draft<'a> {
    tables: &'a Tables,
    rng: &'a mut ChaCha8Rng,
    field: usize,
    script: Script,
    skills: Vec<u32>,
    cursor: usize,
}

impl<'a> Draft<'a> {
    fn new(tables: &'a Tables, rng: &'a mut ChaCha8Rng) -> Draft<'a> {
        let mut draft =
            Draft { tables, rng, field: 0, script: Script::Hant, skills: Vec::new(), cursor: 0 };
        draft.field = draft.weighted(&tables.field_weights);
        draft.script = match draft.below(100) {
            0..60 => Script::Hant,
            60..75 => Script::Hans,
            75..95 => Script::En,
            _ => Script::Mixed,
        };
        draft
    }

    fn spec(&self) -> &'static FieldSpec {
        &FIELDS[self.field]
    }

    fn field_tables(&self) -> &'a FieldTables {
        &self.tables.fields[self.field]
    }

    /// A number in `0..n` (`n` > 0), drawn as u32 so it is the same on every platform.
    fn below(&mut self, n: usize) -> usize {
        self.rng.random_range(0..n.max(1) as u32) as usize
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: u32, high: u32) -> u32 {
        self.rng.random_range(low..=high)
    }

    fn chance(&mut self, probability: f64) -> bool {
        self.rng.random_bool(probability)
    }

    fn pick<'s, T>(&mut self, items: &'s [T]) -> &'s T {
        &items[self.below(items.len())]
    }

    /// An index drawn in proportion to `weights` (not all zero).
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut draw = self.rng.random_range(0..total.max(1));
        for (index, weight) in weights.iter().enumerate() {
            if draw < *weight {
                return index;
            }
            draw -= weight;
        }
        weights.len() - 1
    }

    /// The script of the next sentence: the document's, or for mixed documents one of
    /// Traditional Chinese and English.
    fn sentence_lang(&mut self) -> usize {
        match self.script {
            Script::Hant => HANT,
            Script::Hans => HANS,
            Script::En => EN,
            Script::Mixed => {
                if self.chance(0.6) {
                    HANT
                } else {
                    EN
                }
            }
        }
    }

    /// The name of skill `index` as written in a `lang` sentence; mixed documents often
    /// keep English names in Chinese sentences.
    fn skill_name(&mut self, index: u32, lang: usize) -> &'a str {
        let tables = self.tables;
        let lang = if self.script == Script::Mixed && lang == HANT && self.chance(0.5) {
            EN
        } else {
            lang
        };
        &tables.skills[index as usize].names[lang]
    }

    /// The next of the document's skills, in turn, named for a `lang` sentence.
    fn next_skill(&mut self, lang: usize) -> &'a str {
        if self.skills.is_empty() {
            return NO_SKILL[lang];
        }
        let index = self.skills[self.cursor % self.skills.len()];
        self.cursor += 1;
        self.skill_name(index, lang)
    }

    /// Appends `template` with its placeholders filled: {s} the next skill, {n} a number of
    /// years, {y} the candidate's years, {t} title, {e} employer, {c} city, {d} duty.
    fn fill(&mut self, out: &mut String, template: &str, lang: usize, vars: &Vars<'_>) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let key = rest.as_bytes().get(open + 1).copied().unwrap_or(b'}');
            match key {
                b's' => {
                    let name = self.next_skill(lang);
                    out.push_str(name);
                }
                b'n' => {
                    let years = self.between(2, 8);
                    let _ = write!(out, "{years}");
                }
                b'y' => {
                    let _ = write!(out, "{}", vars.years);
                }
                b't' => out.push_str(vars.title[lang]),
                b'e' => out.push_str(vars.employer[lang]),
                b'c' => out.push_str(vars.city[lang]),
                b'd' => {
                    let duty = vars.duty[lang];
                    out.push_str(duty);
                }
                _ => out.push('{'),
            }
            rest = &rest[(open + 3).min(rest.len())..];
        }
        out.push_str(rest);
    }

    /// Appends one sentence from `templates`, separating English sentences by a space.
    fn sentence(&mut self, out: &mut String, templates: &[Tri], vars: &Vars<'_>) {
        let lang = self.sentence_lang();
        if lang == EN && !out.is_empty() {
            out.push(' ');
        }
        let template = self.pick(templates)[lang];
        self.fill(out, template, lang, vars);
    }

    /// Draws 3 to 10 distinct skills: three quarters from the field, the rest from
    /// neighbouring fields and general skills (languages, office tools).
    fn draw_skills(&mut self) {
        let tables = self.tables;
        let field = self.field_tables();
        let wanted = self.between(3, 10) as usize;
        self.draw_skills_from(
            wanted,
            [&field.skills, &field.neighbour_skills, &tables.general_skills],
            [75, 87],
        );
    }

    /// Draws 3 to 7 distinct skills for a migrant worker: mostly the trade's, some
    /// languages (Mandarin, Taiwanese, the mother tongue).
    fn draw_migrant_skills(&mut self, mother_tongue: Option<u32>) {
        let tables = self.tables;
        let field = self.field_tables();
        let mut languages = tables.local_languages.clone();
        languages.extend(mother_tongue);
        let wanted = self.between(3, 7) as usize;
        self.draw_skills_from(wanted, [&field.migrant_skills, &languages, &field.skills], [75, 95]);
    }

    /// Draws `wanted` distinct skills: `bounds[0]` % from `pools[0]`, up to `bounds[1]` %
    /// from `pools[1]`, the rest from `pools[2]`; an empty pool gives its turn to the first,
    /// and an empty first pool to all skills. Skills of the first pool come first, so that
    /// required skills and the texts favour them.
    fn draw_skills_from(&mut self, wanted: usize, pools: [&[u32]; 3], bounds: [usize; 2]) {
        let tables = self.tables;
        let mut drawn: Vec<(usize, u32)> = Vec::with_capacity(wanted);
        let mut attempts = 0;
        while drawn.len() < wanted && attempts < wanted * 8 {
            attempts += 1;
            let roll = self.below(100);
            let rank = match roll {
                _ if roll < bounds[0] => 0,
                _ if roll < bounds[1] => 1,
                _ => 2,
            };
            let (rank, pool) =
                if pools[rank].is_empty() { (0, pools[0]) } else { (rank, pools[rank]) };
            let pool = if pool.is_empty() { &tables.all_skills } else { pool };
            if pool.is_empty() {
                break;
            }
            let skill = *self.pick(pool);
            if !drawn.iter().any(|(_, other)| *other == skill) {
                drawn.push((rank, skill));
            }
        }
        drawn.sort_by_key(|(rank, _)| *rank);
        self.skills.clear();
        self.skills.extend(drawn.into_iter().map(|(_, skill)| skill));
    }

    /// `count` distinct indices below `len` (fewer when `len` is smaller), in random order.
    fn distinct(&mut self, len: usize, count: usize) -> Vec<usize> {
        let mut indices: Vec<usize> = (0..len).collect();
        let count = count.min(len);
        for position in 0..count {
            let other = position + self.below(len - position);
            indices.swap(position, other);
        }
        indices.truncate(count);
        indices
    }

    /// The document's skills as references: a quarter by name (in the document's script,
    /// sometimes an alias), the rest by id.
    fn skill_refs(&mut self, job: bool) -> Vec<SkillRef> {
        let tables = self.tables;
        let skills = std::mem::take(&mut self.skills);
        let required_count = skills.len().div_ceil(2);
        let mut refs = Vec::with_capacity(skills.len());
        for (position, index) in skills.iter().enumerate() {
            let entry = &tables.skills[*index as usize];
            let (id, name) = if self.chance(0.25) {
                let name = match (&entry.alias, self.chance(0.1)) {
                    (Some(alias), true) => alias.clone(),
                    _ => {
                        let lang = self.sentence_lang();
                        self.skill_name(*index, lang).to_owned()
                    }
                };
                (None, Some(name))
            } else {
                (Some(entry.id.clone()), None)
            };
            let required = job.then(|| {
                if position < required_count { self.chance(0.85) } else { self.chance(0.2) }
            });
            refs.push(SkillRef { id, name, required });
        }
        self.skills = skills;
        refs
    }

    /// A city (index into [`CITIES`]): often one of the field's hubs.
    fn city(&mut self) -> usize {
        let hubs = &self.field_tables().hubs;
        if !hubs.is_empty() && self.chance(0.4) {
            *self.pick(hubs)
        } else {
            let tables = self.tables;
            self.weighted(&tables.city_weights)
        }
    }

    /// An invented employer: names in the three scripts and an id.
    fn employer(&mut self) -> ([String; 3], String) {
        let first = *self.pick(EMPLOYER_HEADS);
        let second = *self.pick(EMPLOYER_HEADS);
        let kind_index = self.below(self.spec().employer_kinds.len());
        let kind = self.spec().employer_kinds[kind_index];
        let mut names: [String; 3] = Default::default();
        for lang in [HANT, HANS] {
            names[lang].push_str(first[lang]);
            names[lang].push_str(second[lang]);
            names[lang].push_str(kind[lang]);
        }
        let en = &mut names[EN];
        en.push_str(first[EN]);
        en.extend(second[EN].chars().map(|character| character.to_ascii_lowercase()));
        en.push(' ');
        en.push_str(kind[EN]);
        let mut id = String::with_capacity(32);
        id.push_str("emp-");
        id.extend(first[EN].chars().chain(second[EN].chars()).map(|c| c.to_ascii_lowercase()));
        let _ = write!(id, "-{}-{kind_index}", self.spec().id);
        (names, id)
    }

    /// A month index (months since 2000-01) of 2025–2026 and a day of month.
    fn recent_day(&mut self) -> (u32, u8) {
        (self.between(FIRST_MONTH, LAST_MONTH), self.between(1, 28) as u8)
    }

    /// The text stating a certification and level, for a posting or a résumé.
    fn certification_sentence(
        &mut self,
        out: &mut String,
        cert: &CertEntry,
        level: Level,
        job: Option<bool>,
        year: u32,
    ) {
        let lang = self.sentence_lang();
        let name = &cert.names[lang];
        // "iPAS AIoT應用工程師", not "iPASAIoT…": the analyzer must see two words.
        let gap = if name.starts_with(|c: char| c.is_ascii_alphanumeric()) { " " } else { "" };
        match (lang, job) {
            (EN, _) => {
                if !out.is_empty() {
                    out.push(' ');
                }
                let level = match level {
                    Level::Beginner => "Beginner",
                    Level::Intermediate => "Intermediate",
                    Level::Advanced => "Advanced",
                };
                let _ = match job {
                    Some(true) => write!(out, "Must hold iPAS {name} ({level}) or higher."),
                    Some(false) => write!(out, "An iPAS {name} ({level}) certificate is a plus."),
                    None => write!(out, "Holds iPAS {name} ({level}), earned in {year}."),
                };
            }
            (HANS, _) => {
                let level = match level {
                    Level::Beginner => "初级",
                    Level::Intermediate => "中级",
                    Level::Advanced => "高级",
                };
                let _ = match job {
                    Some(true) => write!(out, "须持有iPAS{gap}{name}{level}及以上证书。"),
                    Some(false) => write!(out, "持有iPAS{gap}{name}{level}证书者优先。"),
                    None => write!(out, "{year}年获得iPAS{gap}{name}{level}证书。"),
                };
            }
            _ => {
                let level = level.zh_hant();
                let _ = match job {
                    Some(true) => write!(out, "須具iPAS{gap}{name}{level}以上證照。"),
                    Some(false) => write!(out, "具iPAS{gap}{name}{level}證照者佳。"),
                    None => write!(out, "{year}年取得iPAS{gap}{name}{level}證照。"),
                };
            }
        }
    }

    /// A level of `cert`, lower levels more often.
    fn level(&mut self, cert: &CertEntry) -> Level {
        let index = match cert.levels.len() {
            0 | 1 => 0,
            2 => usize::from(self.chance(0.35)),
            _ => match self.below(10) {
                0..6 => 0,
                6..9 => 1,
                _ => 2,
            },
        };
        cert.levels[index.min(cert.levels.len().saturating_sub(1))]
    }

    /// A seniority prefix for a posting: sometimes senior or junior for professional roles.
    fn job_prefix(&mut self, professional: bool) -> Option<Tri> {
        match (professional, self.below(10)) {
            (true, 0..3) => Some(SENIOR),
            (true, 3) => Some(JUNIOR),
            _ => None,
        }
    }

    /// A seniority prefix for a candidate with `years` of experience.
    fn resume_prefix(&mut self, professional: bool, years: u32) -> Option<Tri> {
        match (professional, years) {
            (true, 8..) if self.chance(0.6) => Some(SENIOR),
            (true, 5..) if self.chance(0.2) => Some(SENIOR),
            (true, 0..2) if self.chance(0.3) => Some(JUNIOR),
            _ => None,
        }
    }

    /// A title in the three scripts, with an optional seniority prefix.
    fn titles(role: &Role, prefix: Option<Tri>) -> [String; 3] {
        let mut titles: [String; 3] = Default::default();
        for lang in [HANT, HANS, EN] {
            if let Some(prefix) = prefix {
                titles[lang].push_str(prefix[lang]);
                if lang == EN {
                    titles[lang].push(' ');
                }
            }
            titles[lang].push_str(role.title[lang]);
        }
        titles
    }

    /// The title as the document shows it (mixed documents give both).
    fn shown_title(&self, titles: &[String; 3]) -> String {
        match self.script {
            Script::Hant => titles[HANT].clone(),
            Script::Hans => titles[HANS].clone(),
            Script::En => titles[EN].clone(),
            Script::Mixed => format!("{} {}", titles[HANT], titles[EN]),
        }
    }

    /// The language of a structured name: the document's script (mixed: either).
    fn name_lang(&mut self) -> usize {
        match self.script {
            Script::Mixed => {
                if self.chance(0.5) {
                    HANT
                } else {
                    EN
                }
            }
            _ => self.sentence_lang(),
        }
    }
}

/// The first digit of an occupation code, as a number.
fn major_group(code: &str) -> u8 {
    code.bytes().next().map_or(9, |byte| byte.wrapping_sub(b'0'))
}

/// A monthly salary band (TWD) for an occupation's major group and work category.
fn salary_band(major: u8, category: Option<WorkCategory>) -> (u32, u32) {
    if category == Some(WorkCategory::MidLevelTechnical) {
        return (33_000, 40_000);
    }
    match major {
        1 => (70_000, 150_000),
        2 => (42_000, 120_000),
        3 => (34_000, 75_000),
        4 => (29_000, 45_000),
        5 => (28_000, 42_000),
        _ => (28_000, 48_000),
    }
}

fn month(index: u32) -> YearMonth {
    YearMonth { year: (2000 + index / 12) as u16, month: (index % 12 + 1) as u8 }
}

fn date(index: u32, day: u8) -> Date {
    let month = month(index);
    Date { year: month.year, month: month.month, day }
}

impl Generator {
    /// Prepares the per-field tables (skills, names in each script, certifications,
    /// occupation codes and industries that exist in `taxonomy`) and seeds the generator.
    pub fn new(taxonomy: &Taxonomy, seed: u64) -> Generator {
        let base = ChaCha8Rng::seed_from_u64(seed);
        Generator { tables: Tables::new(taxonomy), rng: base.clone(), base }
    }

    /// Moves the generator to the stream of one document.
    fn reset(&mut self, stream: u64) {
        self.rng.clone_from(&self.base);
        self.rng.set_stream(stream);
    }

    /// The n-th posting (ids job-g{n:08}); the same for the same seed and `n`, whatever was
    /// generated before it.
    pub fn job(&mut self, n: u64) -> JobPosting {
        self.job_in_field(n).0
    }

    /// The n-th résumé (ids cand-g{n:08}); the same for the same seed and `n`.
    pub fn resume(&mut self, n: u64) -> Resume {
        self.resume_in_field(n).0
    }

    /// The n-th posting and the index of its field in [`FIELDS`].
    fn job_in_field(&mut self, n: u64) -> (JobPosting, usize) {
        self.reset(n.wrapping_mul(2));
        let mut d = Draft::new(&self.tables, &mut self.rng);
        let spec = d.spec();
        let field = d.field_tables();

        let role_index = d.below(spec.roles.len());
        let role = &spec.roles[role_index];
        let code = field.role_codes[role_index];
        let major = major_group(role.code);
        let category = match major {
            1 | 2 => WorkCategory::Professional,
            3 => {
                if d.chance(0.7) {
                    WorkCategory::Professional
                } else {
                    WorkCategory::MidLevelTechnical
                }
            }
            4 => WorkCategory::General,
            5 => {
                if d.chance(0.4) {
                    WorkCategory::MidLevelTechnical
                } else {
                    WorkCategory::General
                }
            }
            _ => {
                if d.chance(0.3) {
                    WorkCategory::MidLevelTechnical
                } else {
                    WorkCategory::Technician
                }
            }
        };
        let prefix = d.job_prefix(matches!(major, 2 | 3));
        let titles = Draft::titles(role, prefix);
        let title = d.shown_title(&titles);
        let (employer_names, employer_id) = d.employer();
        let city = d.city();
        d.draw_skills();
        let skills = d.skill_refs(true);

        // Certifications: structured on about 35 % of postings, in the text of most of
        // those and of about 12 % of the others.
        let mut certifications = Vec::new();
        let mut stated: Option<(u32, Level, bool)> = None;
        let pool =
            if field.current_certs.is_empty() { &d.tables.all_certs } else { &field.current_certs };
        if !pool.is_empty() && d.chance(0.35) {
            let count = if pool.len() > 1 && d.chance(0.15) { 2 } else { 1 };
            for _ in 0..count {
                let index = *d.pick(pool);
                if certifications.len() == 1 && stated.is_some_and(|(first, _, _)| first == index) {
                    continue;
                }
                let cert = &d.tables.certs[index as usize];
                let level = d.level(cert);
                let required = d.chance(0.5);
                let (id, name) = if d.chance(0.1) {
                    let lang = d.name_lang();
                    (None, Some(cert.names[lang].clone()))
                } else {
                    (Some(cert.id.clone()), None)
                };
                let min_level = d.chance(0.9).then_some(level);
                certifications.push(CertificationRequirement {
                    id,
                    name,
                    min_level,
                    required: Some(required),
                });
                if stated.is_none() {
                    stated = Some((index, min_level.unwrap_or(level), required));
                }
            }
            if !d.chance(0.7) {
                stated = None;
            }
        } else if !pool.is_empty() && d.chance(0.12) {
            let index = *d.pick(pool);
            let level = d.level(&d.tables.certs[index as usize]);
            stated = Some((index, level, false));
        }

        // The description: 3 to 8 sentences.
        let city_names = [CITIES[city].0, CITIES[city].1, CITIES[city].2];
        let mut vars = Vars {
            title: [&titles[HANT], &titles[HANS], &titles[EN]],
            employer: [&employer_names[HANT], &employer_names[HANS], &employer_names[EN]],
            city: city_names,
            duty: spec.duties[0],
            years: 0,
        };
        let mut description = String::with_capacity(512);
        d.sentence(&mut description, JOB_INTROS, &vars);
        let duties = d.between(1, 3) as usize;
        for duty in d.distinct(spec.duties.len(), duties) {
            vars.duty = spec.duties[duty];
            d.sentence(&mut description, JOB_DUTIES, &vars);
        }
        let requirements = d.between(1, 2) as usize;
        for requirement in d.distinct(JOB_REQUIREMENTS.len(), requirements) {
            d.sentence(&mut description, &JOB_REQUIREMENTS[requirement..=requirement], &vars);
        }
        let mut sentences = 1 + duties + requirements;
        if let Some((index, level, required)) = stated {
            let cert = &d.tables.certs[index as usize];
            d.certification_sentence(&mut description, cert, level, Some(required), 0);
            sentences += 1;
        }
        if sentences < 8 && d.chance(0.6) {
            d.sentence(&mut description, JOB_BENEFITS, &vars);
        }

        let occupation = if d.chance(0.9) { code.map(str::to_owned) } else { None };
        let industries = if field.industries.is_empty() || d.chance(0.1) {
            Vec::new()
        } else {
            let first = *d.pick(&field.industries);
            let mut industries = vec![first.to_owned()];
            let second = *d.pick(&field.industries);
            if second != first && d.chance(0.4) {
                industries.push(second.to_owned());
            }
            industries
        };
        let location = d.chance(0.95).then(|| Location {
            city: Some(CITIES[city].0.to_owned()),
            country: Some("TW".to_owned()),
            remote: Some(matches!(spec.id, "software" | "data-ai" | "infosec") && d.chance(0.25)),
            willing_to_relocate: None,
        });
        let employment_type = d.chance(0.95).then(|| match d.below(100) {
            0..85 => EmploymentType::FullTime,
            85..90 => EmploymentType::PartTime,
            90..95 => EmploymentType::Contract,
            95..98 => EmploymentType::Internship,
            _ => EmploymentType::Temporary,
        });
        let salary = d.chance(0.85).then(|| {
            let (low, high) = salary_band(major, Some(category));
            let senior = titles[EN].starts_with("Senior");
            let min = d.between(low / 1000, (low + high) / 2000) * 1000;
            let min = if senior { (min + min / 5).min(high) } else { min };
            let spread = d.between(0, (high - low) / 2000) * 1000;
            let max = (min + spread).min(150_000);
            Salary {
                min: Some(i64::from(min)),
                max: Some(i64::from(max.max(min))),
                period: Some(SalaryPeriod::Month),
                currency: Some("TWD".to_owned()),
            }
        });
        let headcount =
            d.chance(0.7).then(|| if major >= 6 { d.between(1, 10) } else { d.between(1, 5) });
        let mut languages = Vec::new();
        if d.chance(if d.script == Script::En { 0.7 } else { 0.3 }) {
            let level = if d.chance(0.6) { LanguageLevel::Business } else { LanguageLevel::Fluent };
            languages.push(LanguageSkill { lang: "en".to_owned(), level: Some(level) });
        }
        if d.chance(0.05) {
            languages.push(LanguageSkill {
                lang: "ja".to_owned(),
                level: Some(LanguageLevel::Business),
            });
        }
        let posted_month = d.between(FIRST_MONTH, LAST_MONTH - 1);
        let posted_day = d.between(1, 28) as u8;
        let posted_at = d.chance(0.95).then(|| date(posted_month, posted_day));
        let expires_at = d.chance(0.8).then(|| {
            let months = d.between(1, 4);
            if posted_month + months > LAST_MONTH {
                date(LAST_MONTH, 28)
            } else {
                date(posted_month + months, posted_day)
            }
        });
        let fairs = if category == WorkCategory::Professional && d.chance(0.03) {
            vec![FAIR.to_owned()]
        } else {
            Vec::new()
        };
        let work_category = d.chance(0.9).then_some(category);
        let lang = d.script.lang().to_owned();
        let field_index = d.field;

        let job = JobPosting {
            id: format!("job-g{n:08}"),
            title,
            employer: Employer {
                id: Some(employer_id),
                name: match d.script {
                    Script::Hans => employer_names[HANS].clone(),
                    Script::En => employer_names[EN].clone(),
                    _ => employer_names[HANT].clone(),
                },
            },
            description: Some(description),
            lang: Some(lang),
            skills,
            certifications,
            occupation,
            industries,
            location,
            salary,
            employment_type,
            work_category,
            headcount,
            languages,
            posted_at,
            expires_at,
            fairs,
        };
        (job, field_index)
    }

    /// The n-th résumé and the index of its field in [`FIELDS`].
    fn resume_in_field(&mut self, n: u64) -> (Resume, usize) {
        self.reset(n.wrapping_mul(2).wrapping_add(1));
        let mut d = Draft::new(&self.tables, &mut self.rng);
        let tables = d.tables;
        let spec = d.spec();
        let field = d.field_tables();

        let status = if !spec.migrant_roles.is_empty() && d.chance(spec.migrant_share) {
            Status::Migrant
        } else {
            match d.below(100) {
                0..80 => Status::Citizen,
                80..86 => Status::GoldCard,
                86..93 => Status::ForeignProfessional,
                93..98 => Status::OverseasStudent,
                _ => Status::NoPermit,
            }
        };
        let migrant = status == Status::Migrant;
        let (roles, codes, duties) = if migrant {
            let duties =
                if spec.migrant_duties.is_empty() { spec.duties } else { spec.migrant_duties };
            (spec.migrant_roles, &field.migrant_codes, duties)
        } else {
            (spec.roles, &field.role_codes, spec.duties)
        };
        let role_index = d.below(roles.len());
        let role = &roles[role_index];
        let major = major_group(role.code);
        let professional = !migrant && matches!(major, 2 | 3);

        // Who: a name, an origin and contact details.
        let origin = match status {
            Status::Migrant => Some(d.pick(MIGRANT_ORIGINS)),
            Status::GoldCard | Status::ForeignProfessional | Status::NoPermit => {
                Some(d.pick(PROFESSIONAL_ORIGINS))
            }
            Status::Citizen | Status::OverseasStudent => None,
        };
        let abroad = origin.is_some();
        let mut name = String::with_capacity(24);
        let mut email_local = String::with_capacity(24);
        match origin {
            Some(origin) => {
                let given = *d.pick(origin.given);
                let family = *d.pick(origin.family);
                if origin.middle.is_empty() {
                    let _ = write!(name, "{} {}", given.0, family.0);
                } else {
                    let middle = *d.pick(origin.middle);
                    let _ = write!(name, "{} {} {}", family.0, middle.0, given.0);
                }
                let _ = write!(email_local, "{}.{}", given.1, family.1);
            }
            None => {
                let surname = *d.pick(SURNAMES);
                let syllables = d.distinct(GIVEN_SYLLABLES.len(), 2);
                let (first, second) =
                    (GIVEN_SYLLABLES[syllables[0]], GIVEN_SYLLABLES[syllables[1]]);
                let _ = match d.script {
                    Script::En => write!(name, "{}-{} {}", first[EN], second[EN], surname[EN]),
                    Script::Hans => {
                        write!(name, "{}{}{}", surname[HANS], first[HANS], second[HANS])
                    }
                    _ => write!(name, "{}{}{}", surname[HANT], first[HANT], second[HANT]),
                };
                for part in [first[EN], second[EN], ".", surname[EN]] {
                    email_local.extend(part.chars().map(|c| c.to_ascii_lowercase()));
                }
            }
        }
        if d.chance(0.4) {
            let number = d.between(1, 99);
            let _ = write!(email_local, "{number}");
        }
        let contact = d.chance(0.85).then(|| {
            let email = d.chance(if migrant { 0.3 } else { 0.85 }).then(|| {
                email_local.push_str("@example.com");
                email_local
            });
            let phone = d.chance(0.75).then(|| {
                let (area, line) = (d.between(10, 89), d.between(0, 999));
                format!("+886-9{area:02}-555-{line:03}")
            });
            Contact { email, phone }
        });

        // What: skills, drawn first so the texts can name them.
        if migrant {
            let mother_tongue = origin.and_then(|origin| tables.skill_index.get(origin.skill));
            d.draw_migrant_skills(mother_tongue.copied());
        } else {
            d.draw_skills();
        }

        // When: the last update, and the jobs held before it (newest first).
        let (updated_month, updated_day) = d.recent_day();
        let city = d.city();
        let city_names = [CITIES[city].0, CITIES[city].1, CITIES[city].2];
        let mut spans: Vec<(u32, Option<u32>, usize)> = Vec::with_capacity(3);
        let entries = if d.chance(0.1) { 0 } else { d.between(1, 3) };
        let mut cursor = updated_month;
        for entry in 0..entries {
            let end = if entry == 0 && d.chance(0.75) {
                None
            } else {
                Some(cursor.saturating_sub(d.between(u32::from(entry == 0), 6)))
            };
            let last = end.unwrap_or(cursor);
            let length = d.between(6, 84);
            if last < 12 * 8 + length {
                break;
            }
            let start = last - length;
            let entry_role = if entry == 0 { role_index } else { d.below(roles.len()) };
            spans.push((start, end, entry_role));
            cursor = start.saturating_sub(1 + d.between(0, 4));
        }
        let earliest = spans.last().map_or(updated_month, |span| span.0);
        let years = ((updated_month - earliest) / 12).max(1);
        let prefix = d.resume_prefix(professional, years);
        let titles = Draft::titles(role, prefix);
        let headline_title = d.shown_title(&titles);

        let mut experience = Vec::with_capacity(spans.len());
        let mut current_employer: [String; 3] = Default::default();
        for (entry, (start, end, entry_role)) in spans.into_iter().enumerate() {
            let (employer_names, _) = d.employer();
            let entry_titles =
                if entry == 0 { titles.clone() } else { Draft::titles(&roles[entry_role], None) };
            let lang = d.name_lang();
            let mut description = String::with_capacity(128);
            let vars = Vars {
                title: [&entry_titles[HANT], &entry_titles[HANS], &entry_titles[EN]],
                employer: [&employer_names[HANT], &employer_names[HANS], &employer_names[EN]],
                city: city_names,
                duty: *d.pick(duties),
                years: (end.unwrap_or(updated_month) - start) / 12,
            };
            let has_description = d.chance(0.8);
            if has_description {
                // "For the past N years" fits only the current job, of a year or more.
                let templates = if vars.years == 0 || end.is_some() {
                    &RESUME_DUTIES[..1]
                } else {
                    RESUME_DUTIES
                };
                d.sentence(&mut description, templates, &vars);
            }
            experience.push(Experience {
                title: Some(entry_titles[lang].clone()),
                employer: Some(employer_names[lang].clone()),
                start: Some(month(start)),
                end: end.map(month),
                description: has_description.then_some(description),
            });
            if entry == 0 {
                current_employer = employer_names;
            }
        }
        if current_employer[HANT].is_empty() {
            current_employer = d.employer().0;
        }

        // Certifications held: about 40 % of résumés (fewer migrant workers).
        let mut certifications = Vec::new();
        let mut stated: Option<(u32, Level, u32)> = None;
        let pool = if field.certs.is_empty() { &tables.all_certs } else { &field.certs };
        let updated_year = 2000 + updated_month / 12;
        if !pool.is_empty() && d.chance(if migrant { 0.15 } else { 0.43 }) {
            let index = *d.pick(pool);
            let cert = &tables.certs[index as usize];
            let level = d.level(cert);
            // Some candidates passed two levels of one item, the lower one first.
            let held: &[Level] = if cert.levels.len() > 1 && d.chance(0.1) {
                &cert.levels[..2]
            } else {
                std::slice::from_ref(&level)
            };
            let first_year = d.between(2019, updated_year);
            let mut issued_month = (first_year - 2000) * 12 + d.between(0, 11);
            for held_level in held {
                issued_month = issued_month.min(updated_month);
                let issued = date(issued_month, d.between(1, 28) as u8);
                let roc_year = u32::from(issued.year) - 1911;
                let serial = d.between(100_000, 199_999);
                let name_lang = d.chance(0.08).then(|| d.name_lang());
                certifications.push(HeldCertification {
                    id: name_lang.is_none().then(|| cert.id.clone()),
                    name: name_lang.map(|lang| cert.names[lang].clone()),
                    level: Some(*held_level),
                    number: d.chance(0.8).then(|| format!("{}-{roc_year}-{serial}", cert.code)),
                    issued: d.chance(0.9).then_some(issued),
                    expires: d.chance(0.5).then_some(Date { year: issued.year + 3, ..issued }),
                });
                stated = Some((index, *held_level, u32::from(issued.year)));
                issued_month += d.between(6, 30);
            }
            if certifications.len() == 1 && pool.len() > 1 && d.chance(0.12) {
                let other = *d.pick(pool);
                if other != index {
                    let cert = &tables.certs[other as usize];
                    let level = d.level(cert);
                    certifications.push(HeldCertification {
                        id: Some(cert.id.clone()),
                        name: None,
                        level: Some(level),
                        number: None,
                        issued: None,
                        expires: None,
                    });
                }
            }
            if d.chance(0.4) {
                stated = None;
            }
        } else if !pool.is_empty() && d.chance(0.1) {
            // Named only in the text.
            let index = *d.pick(pool);
            let level = d.level(&tables.certs[index as usize]);
            stated = Some((index, level, d.between(2019, updated_year)));
        }

        // Work authorisation.
        let halves_in_taiwan = d.between(2, 24);
        let years_in_taiwan = f64::from(halves_in_taiwan) / 2.0;
        let degree_in_taiwan = match d.below(20) {
            0..12 => Degree::Bachelor,
            12..19 => Degree::Master,
            _ => Degree::Phd,
        };
        let bare = |status| WorkAuthorization {
            status,
            years_in_taiwan: None,
            continuous_years: None,
            years_with_current_employer: None,
            left_taiwan: None,
            degree_in_taiwan: None,
            training_hours: None,
            skills_licences: Vec::new(),
            practical_assessment: None,
        };
        let work_authorization = match status {
            Status::Citizen => d.chance(0.6).then(|| bare(WorkAuthorizationStatus::Citizen)),
            Status::Migrant => {
                let continuous =
                    if d.chance(0.7) { halves_in_taiwan } else { d.between(1, halves_in_taiwan) };
                let with_employer =
                    if d.chance(0.6) { continuous } else { d.between(0, continuous) };
                let mut licences = Vec::new();
                if !spec.licences.is_empty() && d.chance(0.35) {
                    let count = if d.chance(0.15) { 2 } else { 1 };
                    for index in d.distinct(spec.licences.len(), count) {
                        licences.push(spec.licences[index].to_owned());
                    }
                }
                Some(WorkAuthorization {
                    years_in_taiwan: Some(years_in_taiwan),
                    continuous_years: Some(f64::from(continuous) / 2.0),
                    years_with_current_employer: Some(f64::from(with_employer) / 2.0),
                    left_taiwan: Some(continuous < halves_in_taiwan),
                    training_hours: Some(*d.pick(&[0, 0, 0, 40, 80, 86, 120])),
                    skills_licences: licences,
                    practical_assessment: Some(d.chance(0.4)),
                    ..bare(WorkAuthorizationStatus::MigrantWorker)
                })
            }
            Status::GoldCard | Status::ForeignProfessional | Status::NoPermit => {
                let in_taiwan = status != Status::NoPermit && d.chance(0.7);
                let status = match status {
                    Status::GoldCard => WorkAuthorizationStatus::GoldCard,
                    Status::ForeignProfessional => WorkAuthorizationStatus::ForeignProfessional,
                    _ => WorkAuthorizationStatus::None,
                };
                Some(WorkAuthorization {
                    years_in_taiwan: in_taiwan
                        .then_some(f64::from(halves_in_taiwan / 4) / 2.0 + 0.5),
                    left_taiwan: (in_taiwan && d.chance(0.5)).then(|| d.chance(0.3)),
                    ..bare(status)
                })
            }
            Status::OverseasStudent => Some(WorkAuthorization {
                years_in_taiwan: Some(f64::from(d.between(8, 16)) / 2.0),
                left_taiwan: Some(false),
                degree_in_taiwan: Some(degree_in_taiwan),
                ..bare(WorkAuthorizationStatus::OverseasStudent)
            }),
        };

        // Headline and summary.
        let mut vars = Vars {
            title: [&titles[HANT], &titles[HANS], &titles[EN]],
            employer: [&current_employer[HANT], &current_employer[HANS], &current_employer[EN]],
            city: city_names,
            duty: duties[0],
            years,
        };
        let mut headline = String::with_capacity(96);
        headline.push_str(&headline_title);
        let headline_lang = d.name_lang();
        match (origin.filter(|_| migrant), headline_lang) {
            (Some(origin), EN) => {
                let nationality = origin.nationality[EN];
                let _ = write!(headline, " — {nationality}, {years_in_taiwan} years in Taiwan");
            }
            (Some(origin), lang) => {
                let _ =
                    write!(headline, "｜{}籍，在台{years_in_taiwan}年", origin.nationality[lang]);
            }
            (None, EN) => {
                let _ = write!(headline, " — {years} years, ");
                d.fill(&mut headline, "{s} and {s}", EN, &vars);
            }
            (None, HANS) => {
                let _ = write!(headline, "｜{years}年经验，");
                d.fill(&mut headline, "熟悉{s}、{s}", HANS, &vars);
            }
            (None, lang) => {
                let _ = write!(headline, "｜{years}年經驗，");
                d.fill(&mut headline, "熟悉{s}、{s}", lang, &vars);
            }
        }

        // The summary: an opening, 1 to 3 duties, the certification, then other sentences
        // until there are 3 to 8.
        let mut summary = String::with_capacity(512);
        let target = d.between(3, 8) as usize;
        let mut sentences = 1;
        if let (true, Some(origin), Some(authorization)) = (migrant, origin, &work_authorization) {
            let lang = d.sentence_lang();
            let (title, nationality) = (vars.title[lang], origin.nationality[lang]);
            let _ = match lang {
                EN => write!(
                    summary,
                    "{nationality} {title} with {years_in_taiwan} years of work in Taiwan."
                ),
                HANS => write!(summary, "{nationality}籍{title}，在台湾工作{years_in_taiwan}年。"),
                _ => write!(summary, "{nationality}籍{title}，在台灣工作{years_in_taiwan}年。"),
            };
            let hours = authorization.training_hours.unwrap_or(0);
            if hours > 0 {
                let _ = match d.sentence_lang() {
                    EN => write!(summary, " Completed {hours} hours of vocational training."),
                    HANS => write!(summary, "已完成{hours}小时专业培训。"),
                    _ => write!(summary, "已完成{hours}小時專業訓練。"),
                };
                sentences += 1;
            }
            if let Some(licence) = authorization.skills_licences.first() {
                let _ = match d.sentence_lang() {
                    EN => write!(summary, " Holds the national {licence} skills certificate."),
                    HANS => write!(summary, "取得{licence}技术士证。"),
                    _ => write!(summary, "取得{licence}技術士證。"),
                };
                sentences += 1;
            }
            if authorization.practical_assessment == Some(true) {
                let _ = match d.sentence_lang() {
                    EN => write!(summary, " Passed my employer's practical assessment."),
                    HANS => write!(summary, "已通过雇主实作评量。"),
                    _ => write!(summary, "已通過雇主實作評量。"),
                };
                sentences += 1;
            }
        } else {
            d.sentence(&mut summary, RESUME_INTROS, &vars);
        }
        let duty_count = d.between(1, 3) as usize;
        for duty in d.distinct(duties.len(), duty_count) {
            vars.duty = duties[duty];
            d.sentence(&mut summary, RESUME_DUTIES, &vars);
            sentences += 1;
        }
        if let Some((index, level, year)) = stated {
            let cert = &tables.certs[index as usize];
            d.certification_sentence(&mut summary, cert, level, None, year);
            sentences += 1;
        }
        let more = target.saturating_sub(sentences).min(8 - sentences.min(8));
        let more_templates = if migrant { &RESUME_MORE[..4] } else { RESUME_MORE };
        for index in d.distinct(more_templates.len(), more) {
            d.sentence(&mut summary, &more_templates[index..=index], &vars);
        }
        let summary = d.chance(0.92).then_some(summary);

        // Education.
        let degree = match (status, major) {
            (Status::OverseasStudent, _) => degree_in_taiwan,
            (Status::Migrant, _) => {
                if d.chance(0.7) {
                    Degree::HighSchool
                } else {
                    Degree::Vocational
                }
            }
            (_, 1 | 2) => match d.below(20) {
                0 => Degree::Associate,
                1..11 => Degree::Bachelor,
                11..19 => Degree::Master,
                _ => Degree::Phd,
            },
            (_, 3) => match d.below(20) {
                0..2 => Degree::Vocational,
                2..7 => Degree::Associate,
                7..18 => Degree::Bachelor,
                _ => Degree::Master,
            },
            (_, 4 | 5) => match d.below(4) {
                0 => Degree::HighSchool,
                1 => Degree::Vocational,
                2 => Degree::Associate,
                _ => Degree::Bachelor,
            },
            _ => {
                if d.chance(0.5) {
                    Degree::HighSchool
                } else {
                    Degree::Vocational
                }
            }
        };
        let mut education = Vec::new();
        if status == Status::OverseasStudent || d.chance(0.85) {
            let lang = d.name_lang();
            let country = origin.map_or("TW", |origin| origin.country);
            let university = degree >= Degree::Associate;
            let degrees: &[Degree] = if degree >= Degree::Master && d.chance(0.5) {
                &[degree, Degree::Bachelor]
            } else {
                &[degree]
            };
            for degree in degrees {
                education.push(Education {
                    degree: Some(*degree),
                    field: university.then(|| d.pick(spec.studies)[lang].to_owned()),
                    school: (university && !abroad).then(|| d.pick(SCHOOLS)[lang].to_owned()),
                    country: Some(country.to_owned()),
                });
            }
        }

        // Occupations, industries, place, pay, languages.
        let mut occupations = Vec::new();
        if d.chance(0.85)
            && let Some(code) = codes[role_index]
        {
            occupations.push(code.to_owned());
            let other = d.below(roles.len());
            if let Some(second) = codes[other].filter(|second| *second != code && d.chance(0.3)) {
                occupations.push(second.to_owned());
            }
        }
        let industries = if field.industries.is_empty() || d.chance(0.2) {
            Vec::new()
        } else {
            let count = if d.chance(0.3) { 2 } else { 1 };
            d.distinct(field.industries.len(), count)
                .into_iter()
                .map(|index| field.industries[index].to_owned())
                .collect()
        };
        let location = d.chance(0.9).then(|| Location {
            city: Some(CITIES[city].0.to_owned()),
            country: Some("TW".to_owned()),
            remote: None,
            willing_to_relocate: d.chance(0.6).then(|| d.chance(0.4)),
        });
        let desired_salary = d.chance(0.8).then(|| {
            let category = migrant.then_some(WorkCategory::MidLevelTechnical);
            let (low, high) = salary_band(major, category);
            let min = d.between(low / 1000, (low + high) / 2000) * 1000;
            let min = if prefix == Some(SENIOR) { (min + min / 5).min(high) } else { min };
            let max =
                d.chance(0.3).then(|| i64::from((min + d.between(2, 20) * 1000).min(150_000)));
            Salary {
                min: Some(i64::from(min)),
                max,
                period: Some(SalaryPeriod::Month),
                currency: d.chance(0.5).then(|| "TWD".to_owned()),
            }
        });
        let speaks =
            |lang: &str, level| LanguageSkill { lang: lang.to_owned(), level: Some(level) };
        let mut languages = Vec::new();
        match origin {
            Some(origin) if migrant => {
                languages.push(speaks(origin.lang, LanguageLevel::Native));
                let level = if d.chance(0.7) {
                    LanguageLevel::Conversational
                } else {
                    LanguageLevel::Basic
                };
                languages.push(speaks("zh", level));
            }
            Some(origin) => {
                languages.push(speaks(origin.lang, LanguageLevel::Native));
                if origin.lang != "en" {
                    languages.push(speaks("en", LanguageLevel::Fluent));
                }
                if d.chance(0.6) {
                    let level = if d.chance(0.5) {
                        LanguageLevel::Conversational
                    } else {
                        LanguageLevel::Basic
                    };
                    languages.push(speaks("zh", level));
                }
            }
            None => {
                languages.push(speaks("zh", LanguageLevel::Native));
                let english = match d.below(20) {
                    _ if status == Status::OverseasStudent => Some(LanguageLevel::Fluent),
                    0..4 => Some(LanguageLevel::Fluent),
                    4..11 => Some(LanguageLevel::Business),
                    11..16 => Some(LanguageLevel::Conversational),
                    _ => None,
                };
                languages.extend(english.map(|level| speaks("en", level)));
                if status == Status::OverseasStudent && d.chance(0.5) {
                    languages.push(speaks("ms", LanguageLevel::Fluent));
                } else if d.chance(0.08) {
                    languages.push(speaks("ja", LanguageLevel::Basic));
                }
            }
        }
        let fairs = if d.chance(0.04) { vec![FAIR.to_owned()] } else { Vec::new() };
        let visibility = match d.below(20) {
            0..7 => Visibility::Public,
            7..18 => Visibility::Anonymous,
            _ => Visibility::Hidden,
        };
        let skills = d.skill_refs(false);
        let lang = d.script.lang().to_owned();
        let field_index = d.field;

        let resume = Resume {
            id: format!("cand-g{n:08}"),
            name: d.chance(0.95).then_some(name),
            contact,
            headline: Some(headline),
            summary,
            lang: Some(lang),
            experience,
            education,
            skills,
            certifications,
            occupations,
            industries,
            location,
            desired_salary,
            work_authorization,
            languages,
            fairs,
            visibility,
            updated_at: Some(date(updated_month, updated_day)),
        };
        (resume, field_index)
    }
}

/// Buffered output of one JSON Lines stream: flushed to the writer in 64 KiB chunks.
const CHUNK: usize = 64 * 1024;

/// Writes `jobs` postings to `jobs_out` and `resumes` résumés to `resumes_out` as JSON Lines,
/// streaming (constant memory), calling `progress(done, total)` every 1,000 documents (and
/// once at the end). Returns the bytes written.
///
/// Postings are `job-g00000000` … and résumés `cand-g00000000` …, as
/// [`Generator::job`] and [`Generator::resume`] give them for `seed`.
pub fn write_corpus(
    taxonomy: &Taxonomy,
    seed: u64,
    jobs: u64,
    resumes: u64,
    jobs_out: &mut impl Write,
    resumes_out: &mut impl Write,
    mut progress: impl FnMut(u64, u64),
) -> io::Result<u64> {
    let mut generator = Generator::new(taxonomy, seed);
    let total = jobs + resumes;
    let mut done = 0;
    let mut written = 0;
    let mut buffer = Vec::with_capacity(CHUNK + 16 * 1024);
    let mut step = |done: &mut u64| {
        *done += 1;
        if done.is_multiple_of(1000) {
            progress(*done, total);
        }
    };
    for n in 0..jobs {
        serde_json::to_writer(&mut buffer, &generator.job(n))?;
        buffer.push(b'\n');
        if buffer.len() >= CHUNK {
            jobs_out.write_all(&buffer)?;
            written += buffer.len() as u64;
            buffer.clear();
        }
        step(&mut done);
    }
    jobs_out.write_all(&buffer)?;
    written += buffer.len() as u64;
    buffer.clear();
    jobs_out.flush()?;
    for n in 0..resumes {
        serde_json::to_writer(&mut buffer, &generator.resume(n))?;
        buffer.push(b'\n');
        if buffer.len() >= CHUNK {
            resumes_out.write_all(&buffer)?;
            written += buffer.len() as u64;
            buffer.clear();
        }
        step(&mut done);
    }
    resumes_out.write_all(&buffer)?;
    written += buffer.len() as u64;
    resumes_out.flush()?;
    if !total.is_multiple_of(1000) {
        progress(done, total);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use meihe_core::model::{parse_job, parse_resume};

    use super::*;

    fn taxonomy() -> Taxonomy {
        Taxonomy::builtin().unwrap()
    }

    #[test]
    fn the_same_seed_gives_the_same_documents() {
        let taxonomy = taxonomy();
        let mut first = Generator::new(&taxonomy, 7);
        let mut second = Generator::new(&taxonomy, 7);
        for n in 0..200 {
            assert_eq!(first.job(n), second.job(n));
            assert_eq!(first.resume(n), second.resume(n));
        }
        // The n-th document does not depend on what was generated before it.
        let mut third = Generator::new(&taxonomy, 7);
        assert_eq!(third.resume(42), first.resume(42));
        assert_eq!(third.job(99), first.job(99));
        assert_eq!(third.job(0).id, "job-g00000000");
        assert_eq!(third.resume(12_345_678).id, "cand-g12345678");
    }

    #[test]
    fn different_seeds_give_different_documents() {
        let taxonomy = taxonomy();
        let mut first = Generator::new(&taxonomy, 1);
        let mut second = Generator::new(&taxonomy, 2);
        let same_jobs = (0..50).filter(|n| first.job(*n) == second.job(*n)).count();
        let same_resumes = (0..50).filter(|n| first.resume(*n) == second.resume(*n)).count();
        assert_eq!((same_jobs, same_resumes), (0, 0));
        // Neighbouring documents differ too.
        assert_ne!(first.job(0).description, first.job(1).description);
    }

    #[test]
    fn every_document_round_trips_and_validates() {
        let taxonomy = taxonomy();
        let mut generator = Generator::new(&taxonomy, 2026);
        let unit = |code: &str| {
            taxonomy
                .occupation(code)
                .is_some_and(|occupation| occupation.level == OccupationLevel::Unit)
        };
        for n in 0..500 {
            let job = generator.job(n);
            let json = serde_json::to_string(&job).unwrap();
            let parsed = parse_job(&json).unwrap_or_else(|error| panic!("{error}: {json}"));
            assert_eq!(parsed, job);
            assert_eq!(job.validate(), Vec::new(), "{json}");
            assert!((3..=10).contains(&job.skills.len()), "{json}");
            let description = job.description.as_deref().unwrap();
            if matches!(job.lang.as_deref(), Some("zh-Hant" | "zh-Hans")) {
                let sentences = description.matches('。').count();
                assert!((3..=8).contains(&sentences), "{sentences} sentences: {description}");
            }
            for skill in &job.skills {
                if let Some(id) = &skill.id {
                    assert!(taxonomy.skill(id).is_some(), "{id}");
                }
            }
            for cert in &job.certifications {
                if let (Some(id), Some(level)) = (&cert.id, cert.min_level) {
                    assert!(taxonomy.certification(id).unwrap().levels.contains(&level), "{json}");
                }
            }
            assert!(job.occupation.as_deref().is_none_or(unit), "{json}");
            assert!(job.industries.iter().all(|id| taxonomy.industry(id).is_some()));
            if let Some(salary) = &job.salary {
                let (min, max) = (salary.min.unwrap(), salary.max.unwrap());
                assert!(
                    (28_000..=150_000).contains(&min) && min <= max && max <= 150_000,
                    "{json}"
                );
            }
            for date in [job.posted_at, job.expires_at].into_iter().flatten() {
                assert!((2025..=2026).contains(&date.year), "{json}");
            }

            let resume = generator.resume(n);
            let json = serde_json::to_string(&resume).unwrap();
            let parsed = parse_resume(&json).unwrap_or_else(|error| panic!("{error}: {json}"));
            assert_eq!(parsed, resume);
            assert_eq!(resume.validate(), Vec::new(), "{json}");
            assert!((3..=10).contains(&resume.skills.len()), "{json}");
            for cert in &resume.certifications {
                if let (Some(id), Some(level)) = (&cert.id, cert.level) {
                    assert!(taxonomy.certification(id).unwrap().levels.contains(&level), "{json}");
                }
            }
            assert!(resume.occupations.iter().all(|code| unit(code)), "{json}");
            assert!(resume.industries.iter().all(|id| taxonomy.industry(id).is_some()));
            for job in &resume.experience {
                assert!(job.start.unwrap().year >= 2008, "{json}");
            }
            if let Some(contact) = &resume.contact {
                assert!(
                    contact.email.as_deref().is_none_or(|email| email.ends_with("@example.com"))
                );
                assert!(contact.phone.as_deref().is_none_or(|phone| phone.contains("-555-")));
            }
            if let Some(salary) = &resume.desired_salary {
                assert!((28_000..=150_000).contains(&salary.min.unwrap()), "{json}");
            }
            if let (Some(summary), Some("zh-Hant" | "zh-Hans")) =
                (&resume.summary, resume.lang.as_deref())
            {
                let sentences = summary.matches('。').count();
                assert!((3..=8).contains(&sentences), "{sentences} sentences: {summary}");
            }
            let updated = resume.updated_at.unwrap();
            assert!((2025..=2026).contains(&updated.year));
        }
    }

    #[test]
    fn the_language_and_field_mix_is_as_specified() {
        let taxonomy = taxonomy();
        let mut generator = Generator::new(&taxonomy, 99);
        let documents = 3000;
        let mut langs: HashMap<String, usize> = HashMap::new();
        let mut fields = vec![0usize; FIELDS.len()];
        let (mut in_field, mut by_id) = (0, 0);
        let (mut job_certs, mut resume_certs, mut migrants) = (0, 0, 0);
        let mut visibility = [0usize; 3];
        for n in 0..documents {
            let (job, field) = generator.job_in_field(n);
            *langs.entry(job.lang.clone().unwrap()).or_default() += 1;
            fields[field] += 1;
            job_certs += usize::from(!job.certifications.is_empty());
            for id in job.skills.iter().filter_map(|skill| skill.id.as_deref()) {
                by_id += 1;
                in_field += usize::from(taxonomy.skill(id).unwrap().field == FIELDS[field].id);
            }
            let (resume, field) = generator.resume_in_field(n);
            *langs.entry(resume.lang.clone().unwrap()).or_default() += 1;
            fields[field] += 1;
            resume_certs += usize::from(!resume.certifications.is_empty());
            migrants +=
                usize::from(resume.work_authorization.as_ref().is_some_and(|authorization| {
                    authorization.status == WorkAuthorizationStatus::MigrantWorker
                }));
            visibility[resume.visibility as usize] += 1;
        }
        let share = |count: usize, total: u64| count as f64 / total as f64;
        let total = documents * 2;
        let lang = |name: &str| share(langs.get(name).copied().unwrap_or(0), total);
        assert!((0.55..0.65).contains(&lang("zh-Hant")), "{langs:?}");
        assert!((0.12..0.18).contains(&lang("zh-Hans")), "{langs:?}");
        assert!((0.17..0.23).contains(&lang("en")), "{langs:?}");
        assert!((0.03..0.07).contains(&lang("mixed")), "{langs:?}");
        let weights: u32 = FIELDS.iter().map(|spec| spec.weight).sum();
        for (spec, count) in FIELDS.iter().zip(&fields) {
            let expected = f64::from(spec.weight) / f64::from(weights);
            let actual = share(*count, total);
            assert!(
                actual > expected * 0.7 && actual < expected * 1.3,
                "{}: {actual:.3} instead of {expected:.3}",
                spec.id
            );
        }
        assert!(share(in_field, by_id as u64) > 0.65, "{in_field} of {by_id} skills in the field");
        assert!((0.30..0.40).contains(&share(job_certs, documents)), "{job_certs}");
        assert!((0.34..0.46).contains(&share(resume_certs, documents)), "{resume_certs}");
        assert!((0.07..0.15).contains(&share(migrants, documents)), "{migrants}");
        assert!((0.30..0.40).contains(&share(visibility[0], documents)), "{visibility:?}");
        assert!((0.50..0.60).contains(&share(visibility[1], documents)), "{visibility:?}");
    }

    #[test]
    fn texts_name_skills_and_certifications_in_the_documents_script() {
        let taxonomy = taxonomy();
        let mut generator = Generator::new(&taxonomy, 5);
        let mut forms: HashMap<&str, &str> = HashMap::new();
        for skill in taxonomy.skills() {
            forms.insert(&skill.id, &skill.id);
            for form in skill.names.surface_forms() {
                forms.insert(form, &skill.id);
            }
        }
        let (mut hant_ipas, mut en_ipas, mut hans) = (0, 0, 0);
        for n in 0..400 {
            let job = generator.job(n);
            let description = job.description.unwrap();
            match job.lang.as_deref() {
                Some("zh-Hant") => hant_ipas += usize::from(description.contains("證照")),
                Some("en") => en_ipas += usize::from(description.contains("iPAS")),
                Some("zh-Hans") => {
                    hans += 1;
                    assert!(!description.contains("軟體") && !description.contains("專案"));
                }
                _ => {}
            }
            // Each description names at least one of its skills.
            let names: Vec<&str> = job
                .skills
                .iter()
                .filter_map(|skill| skill.id.as_deref().or(skill.name.as_deref()))
                .filter_map(|id_or_name| forms.get(id_or_name))
                .flat_map(|id| taxonomy.skill(id).unwrap().names.surface_forms())
                .collect();
            assert!(names.iter().any(|name| description.contains(name)), "{description}");
        }
        assert!(hant_ipas > 20 && en_ipas > 5 && hans > 30, "{hant_ipas} {en_ipas} {hans}");
    }

    #[test]
    fn the_field_tables_exist_in_the_taxonomy() {
        let taxonomy = taxonomy();
        for spec in FIELDS {
            assert!(
                taxonomy.skills().iter().filter(|skill| skill.field == spec.id).count() >= 20,
                "{}",
                spec.id
            );
            for role in spec.roles.iter().chain(spec.migrant_roles) {
                let occupation =
                    taxonomy.occupation(role.code).unwrap_or_else(|| panic!("{}", role.code));
                assert_eq!(occupation.level, OccupationLevel::Unit, "{}", role.code);
            }
            for id in spec.industries {
                assert!(taxonomy.industry(id).is_some(), "{id}");
            }
            for id in spec.certifications {
                assert!(taxonomy.certification(id).is_some(), "{id}");
            }
            for id in spec.migrant_skills {
                assert!(taxonomy.skill(id).is_some(), "{id}");
            }
            assert_eq!(
                spec.migrant_duties.is_empty(),
                spec.migrant_roles.is_empty(),
                "{}",
                spec.id
            );
            for neighbour in spec.neighbours {
                assert!(
                    taxonomy.skills().iter().any(|skill| skill.field == *neighbour),
                    "{neighbour}"
                );
            }
            for hub in spec.hubs {
                assert!(CITIES.iter().any(|city| city.0 == *hub), "{hub}");
            }
            assert!(
                !spec.roles.is_empty()
                    && !spec.duties.is_empty()
                    && !spec.employer_kinds.is_empty()
            );
            assert_eq!(spec.migrant_roles.is_empty(), spec.migrant_share == 0.0, "{}", spec.id);
        }
    }

    #[test]
    fn the_analyzer_reads_the_certifications_the_texts_state() {
        let taxonomy = taxonomy();
        let analyzer = meihe_core::Analyzer::new(&taxonomy).unwrap();
        let mut generator = Generator::new(&taxonomy, 11);
        let (mut stated, mut missed) = (0, Vec::new());
        for n in 0..600 {
            let job = generator.job(n);
            let resume = generator.resume(n);
            for text in [job.description, resume.summary].into_iter().flatten() {
                if !text.contains("iPAS") {
                    continue;
                }
                stated += 1;
                let found = analyzer.extract(&text).certifications;
                if !found.iter().any(|mention| mention.level.is_some()) {
                    missed.push(text);
                }
            }
        }
        assert!(stated > 150, "{stated}");
        assert!(missed.is_empty(), "{} of {stated} missed: {missed:#?}", missed.len());
    }

    #[test]
    fn origins_name_existing_language_skills() {
        let taxonomy = taxonomy();
        for origin in MIGRANT_ORIGINS.iter().chain(PROFESSIONAL_ORIGINS) {
            assert!(taxonomy.skill(origin.skill).is_some(), "{}", origin.skill);
        }
        for id in ["mandarin-chinese", "taiwanese-hokkien"] {
            assert!(taxonomy.skill(id).is_some(), "{id}");
        }
    }

    #[test]
    fn write_corpus_writes_the_requested_lines() {
        let taxonomy = taxonomy();
        let (mut jobs, mut resumes) = (Vec::new(), Vec::new());
        let mut calls = Vec::new();
        let bytes =
            write_corpus(&taxonomy, 3, 1500, 700, &mut jobs, &mut resumes, |done, total| {
                calls.push((done, total));
            })
            .unwrap();
        assert_eq!(bytes as usize, jobs.len() + resumes.len());
        let jobs = String::from_utf8(jobs).unwrap();
        let resumes = String::from_utf8(resumes).unwrap();
        assert_eq!(jobs.lines().count(), 1500);
        assert_eq!(resumes.lines().count(), 700);
        assert_eq!(calls, vec![(1000, 2200), (2000, 2200), (2200, 2200)]);
        let mut generator = Generator::new(&taxonomy, 3);
        assert_eq!(parse_job(jobs.lines().nth(1234).unwrap()).unwrap(), generator.job(1234));
        assert_eq!(parse_resume(resumes.lines().last().unwrap()).unwrap(), generator.resume(699));
    }
}
