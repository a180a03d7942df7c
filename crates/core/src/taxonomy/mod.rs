//! The job-market taxonomy: skills, iPAS certifications, occupations, policy industries
//! and Taiwan/Mainland vocabulary pairs.
//!
//! The default taxonomy is the project's `fixtures/taxonomy/*.tsv`, compiled into the
//! binary. [`Taxonomy::load`] adds a user directory holding files of the same names and
//! headers: a row whose id already exists replaces the built-in row, a new id is added,
//! and variant pairs are appended.

mod tsv;

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::level::Level;
use crate::{Error, Result};

/// Names of a taxonomy entry in the three scripts, plus aliases.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Names {
    /// Name as written in Taiwan (Traditional Chinese); may be empty for English-only tools.
    pub zh_hant: String,
    /// Name as written in Mainland China (Simplified Chinese); may be empty.
    pub zh_hans: String,
    /// English name.
    pub en: String,
    /// Other surface forms: abbreviations (資安, PM, BI), spellings (k8s), variants.
    pub aliases: Vec<String>,
}

impl Names {
    /// Every non-empty surface form: the three names, then the aliases.
    pub fn surface_forms(&self) -> impl Iterator<Item = &str> {
        [self.zh_hant.as_str(), self.zh_hans.as_str(), self.en.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
            .filter(|form| !form.is_empty())
    }

    /// The Traditional Chinese display name, falling back to English.
    pub fn display_zh(&self) -> &str {
        if self.zh_hant.is_empty() { &self.en } else { &self.zh_hant }
    }

    /// The English display name, falling back to Traditional Chinese.
    pub fn display_en(&self) -> &str {
        if self.en.is_empty() { &self.zh_hant } else { &self.en }
    }

    fn from_row(row: &tsv::Row<'_>) -> Result<Names> {
        let names = Names {
            zh_hant: row.get("zh_hant").to_owned(),
            zh_hans: row.get("zh_hans").to_owned(),
            en: row.get("en").to_owned(),
            aliases: row.list("aliases"),
        };
        if names.zh_hant.is_empty() && names.en.is_empty() {
            return Err(row.error("zh_hant", "an entry needs a zh_hant or an en name"));
        }
        Ok(names)
    }
}

/// A skill, such as `python` or `carbon-inventory` (碳盤查).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skill {
    /// Canonical id.
    pub id: String,
    /// Field of work, such as `software` or `net-zero-energy`.
    pub field: String,
    /// Names and aliases.
    pub names: Names,
}

/// Whether an iPAS certification is still examined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificationStatus {
    /// Examined now.
    Current,
    /// No longer examined; certificates already issued stay valid.
    Retired,
    /// Not found in the current official list.
    Unknown,
}

/// An iPAS (產業人才能力鑑定) certification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Certification {
    /// Canonical id, such as `ipas-infosec`.
    pub id: String,
    /// Official family code, such as `ISE` (may be empty when unknown).
    pub code: String,
    /// Names and aliases.
    pub names: Names,
    /// Levels the certification is examined at, lowest first.
    pub levels: Vec<Level>,
    /// Current, retired or unknown.
    pub status: CertificationStatus,
    /// For a retired certification, the id of the one that replaced it.
    pub successor: Option<String>,
    /// Official category label, such as 資訊類.
    pub category: String,
    /// True when the bare name in a text means the certification; false when the name is
    /// also an ordinary job title (資訊安全工程師), so that a mention counts only next to
    /// iPAS, a level, or a word such as 證照 or 取得.
    pub bare: bool,
}

/// Depth of an occupation code in the occupational classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OccupationLevel {
    /// 1-digit major group.
    Major,
    /// 2-digit sub-major group.
    SubMajor,
    /// 3-digit minor group.
    Minor,
    /// 4-digit unit group.
    Unit,
}

/// An occupation group of 職業標準分類 (6th revision).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Occupation {
    /// The code, such as `2512` (leading zeros kept).
    pub code: String,
    /// Depth of the code.
    pub level: OccupationLevel,
    /// The parent group's code.
    pub parent: Option<String>,
    /// Names and aliases (common job titles).
    pub names: Names,
}

/// An industry group, such as `semiconductor`, that the policy lists refer to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Industry {
    /// Canonical id.
    pub id: String,
    /// Names and aliases.
    pub names: Names,
}

/// A member of one of Taiwan's policy industry lists (5+2, 六大核心戰略產業, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndustryPolicy {
    /// Id of the list entry, such as `5t-semiconductors`.
    pub id: String,
    /// The [`Industry`] group it belongs to.
    pub group: String,
    /// The list: `5+2`, `6core`, `5trusted` or `13strategic`.
    pub list: String,
    /// Names of the entry (its names are also aliases of its group).
    pub names: Names,
}

/// A Taiwan/Mainland vocabulary pair (軟體/软件) folded to one form by the analyzer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VariantPair {
    /// Taiwan form.
    pub zh_hant: String,
    /// Mainland form.
    pub zh_hans: String,
    /// English gloss.
    pub en: String,
    /// `lexical`, `partial` or `script_only`.
    pub kind: String,
}

impl VariantPair {
    /// A lexical pair with no gloss.
    pub fn new(zh_hant: &str, zh_hans: &str) -> Self {
        VariantPair {
            zh_hant: zh_hant.to_owned(),
            zh_hans: zh_hans.to_owned(),
            en: String::new(),
            kind: "lexical".to_owned(),
        }
    }
}

/// The kinds of taxonomy entries that text extraction reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// [`Skill`].
    Skill,
    /// [`Certification`].
    Certification,
    /// [`Occupation`].
    Occupation,
    /// [`Industry`].
    Industry,
}

const SKILLS: (&str, &str) =
    ("skills.tsv", include_str!("../../../../fixtures/taxonomy/skills.tsv"));
const CERTIFICATIONS: (&str, &str) =
    ("certifications.tsv", include_str!("../../../../fixtures/taxonomy/certifications.tsv"));
const OCCUPATIONS: (&str, &str) =
    ("occupations.tsv", include_str!("../../../../fixtures/taxonomy/occupations.tsv"));
const INDUSTRIES: (&str, &str) =
    ("industries.tsv", include_str!("../../../../fixtures/taxonomy/industries.tsv"));
const POLICIES: (&str, &str) =
    ("industry-policies.tsv", include_str!("../../../../fixtures/taxonomy/industry-policies.tsv"));
const VARIANTS: (&str, &str) =
    ("variants.tsv", include_str!("../../../../fixtures/taxonomy/variants.tsv"));

/// The file names a taxonomy directory may hold.
pub const FILE_NAMES: [&str; 6] =
    [SKILLS.0, CERTIFICATIONS.0, OCCUPATIONS.0, INDUSTRIES.0, POLICIES.0, VARIANTS.0];

const SKILL_COLUMNS: &[&str] = &["id", "field", "zh_hant", "zh_hans", "en", "aliases"];
const CERTIFICATION_COLUMNS: &[&str] = &[
    "id",
    "code",
    "zh_hant",
    "zh_hans",
    "en",
    "levels",
    "status",
    "successor",
    "category",
    "bare",
    "aliases",
];
const OCCUPATION_COLUMNS: &[&str] =
    &["code", "level", "parent", "zh_hant", "zh_hans", "en", "aliases"];
const INDUSTRY_COLUMNS: &[&str] = &["id", "zh_hant", "zh_hans", "en", "aliases"];
const POLICY_COLUMNS: &[&str] = &["id", "group", "list", "zh_hant", "zh_hans", "en"];
const VARIANT_COLUMNS: &[&str] = &["zh_hant", "zh_hans", "en", "kind"];

/// The whole taxonomy, with lookups by id.
#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    skills: Vec<Skill>,
    certifications: Vec<Certification>,
    occupations: Vec<Occupation>,
    industries: Vec<Industry>,
    policies: Vec<IndustryPolicy>,
    variants: Vec<VariantPair>,
    skill_index: HashMap<String, usize>,
    certification_index: HashMap<String, usize>,
    occupation_index: HashMap<String, usize>,
    industry_index: HashMap<String, usize>,
}

impl Taxonomy {
    /// The taxonomy compiled into the binary.
    ///
    /// ```
    /// let taxonomy = meihe_core::Taxonomy::builtin().unwrap();
    /// assert_eq!(taxonomy.certification("ipas-infosec").unwrap().names.zh_hant, "資訊安全工程師");
    /// ```
    pub fn builtin() -> Result<Taxonomy> {
        let mut taxonomy = Taxonomy::default();
        taxonomy.merge_files(&[
            SKILLS,
            CERTIFICATIONS,
            OCCUPATIONS,
            INDUSTRIES,
            POLICIES,
            VARIANTS,
        ])?;
        Ok(taxonomy)
    }

    /// The built-in taxonomy extended by the `*.tsv` files of `directory`, if given.
    pub fn load(directory: Option<&Path>) -> Result<Taxonomy> {
        let mut taxonomy = Taxonomy::builtin()?;
        let Some(directory) = directory else {
            return Ok(taxonomy);
        };
        let io_error = |path: &Path, source| Error::TaxonomyIo { path: path.to_owned(), source };
        let entries = std::fs::read_dir(directory).map_err(|error| io_error(directory, error))?;
        let mut files = Vec::new();
        for entry in entries {
            let path = entry.map_err(|error| io_error(directory, error))?.path();
            if path.extension().and_then(|extension| extension.to_str()) != Some("tsv") {
                continue;
            }
            let name =
                path.file_name().and_then(|name| name.to_str()).unwrap_or_default().to_owned();
            let Some(known) = FILE_NAMES.iter().find(|known| **known == name) else {
                return Err(io_error(
                    &path,
                    std::io::Error::other(format!(
                        "unknown taxonomy file `{name}`: expected one of {}",
                        FILE_NAMES.join(", ")
                    )),
                ));
            };
            let data = std::fs::read_to_string(&path).map_err(|error| io_error(&path, error))?;
            files.push((*known, data));
        }
        // Groups before the policies that name them.
        files.sort_by_key(|(name, _)| FILE_NAMES.iter().position(|known| known == name));
        let borrowed: Vec<(&str, &str)> =
            files.iter().map(|(name, data)| (*name, data.as_str())).collect();
        taxonomy.merge_files(&borrowed)?;
        Ok(taxonomy)
    }

    /// All skills.
    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    /// All certifications.
    pub fn certifications(&self) -> &[Certification] {
        &self.certifications
    }

    /// All occupation groups, at every level.
    pub fn occupations(&self) -> &[Occupation] {
        &self.occupations
    }

    /// All industry groups.
    pub fn industries(&self) -> &[Industry] {
        &self.industries
    }

    /// All policy-list entries.
    pub fn industry_policies(&self) -> &[IndustryPolicy] {
        &self.policies
    }

    /// All Taiwan/Mainland vocabulary pairs.
    pub fn variants(&self) -> &[VariantPair] {
        &self.variants
    }

    /// The skill with this id.
    pub fn skill(&self, id: &str) -> Option<&Skill> {
        self.skill_index.get(id).map(|index| &self.skills[*index])
    }

    /// The certification with this id.
    pub fn certification(&self, id: &str) -> Option<&Certification> {
        self.certification_index.get(id).map(|index| &self.certifications[*index])
    }

    /// The occupation group with this code.
    pub fn occupation(&self, code: &str) -> Option<&Occupation> {
        self.occupation_index.get(code).map(|index| &self.occupations[*index])
    }

    /// The industry group with this id.
    pub fn industry(&self, id: &str) -> Option<&Industry> {
        self.industry_index.get(id).map(|index| &self.industries[*index])
    }

    /// Names of the entry `id` of `kind`, if it exists.
    pub fn names(&self, kind: EntryKind, id: &str) -> Option<&Names> {
        match kind {
            EntryKind::Skill => self.skill(id).map(|skill| &skill.names),
            EntryKind::Certification => self.certification(id).map(|cert| &cert.names),
            EntryKind::Occupation => self.occupation(id).map(|occupation| &occupation.names),
            EntryKind::Industry => self.industry(id).map(|industry| &industry.names),
        }
    }

    /// Every (kind, id, surface form) the extractor looks for, including the names of
    /// policy-list entries as forms of their industry group.
    pub fn surface_forms(&self) -> Vec<(EntryKind, &str, &str)> {
        let mut forms = Vec::new();
        for skill in &self.skills {
            forms.extend(
                skill.names.surface_forms().map(|form| (EntryKind::Skill, skill.id.as_str(), form)),
            );
        }
        for cert in &self.certifications {
            forms.extend(
                cert.names
                    .surface_forms()
                    .map(|form| (EntryKind::Certification, cert.id.as_str(), form)),
            );
        }
        for occupation in &self.occupations {
            forms.extend(
                occupation
                    .names
                    .surface_forms()
                    .map(|form| (EntryKind::Occupation, occupation.code.as_str(), form)),
            );
        }
        for industry in &self.industries {
            forms.extend(
                industry
                    .names
                    .surface_forms()
                    .map(|form| (EntryKind::Industry, industry.id.as_str(), form)),
            );
        }
        for policy in &self.policies {
            forms.extend(
                policy
                    .names
                    .surface_forms()
                    .map(|form| (EntryKind::Industry, policy.group.as_str(), form)),
            );
        }
        forms
    }

    fn merge_files(&mut self, files: &[(&str, &str)]) -> Result<()> {
        for (name, data) in files {
            match *name {
                "skills.tsv" => self.merge_skills(name, data)?,
                "certifications.tsv" => self.merge_certifications(name, data)?,
                "occupations.tsv" => self.merge_occupations(name, data)?,
                "industries.tsv" => self.merge_industries(name, data)?,
                "industry-policies.tsv" => self.merge_policies(name, data)?,
                "variants.tsv" => self.merge_variants(name, data)?,
                _ => unreachable!("file names are checked against FILE_NAMES"),
            }
        }
        self.validate_references()
    }

    fn merge_skills(&mut self, file: &str, data: &str) -> Result<()> {
        tsv::parse(file, data, SKILL_COLUMNS, |row| {
            let skill = Skill {
                id: checked_id(&row, "id")?,
                field: row.required("field")?.to_owned(),
                names: Names::from_row(&row)?,
            };
            upsert(&mut self.skills, &mut self.skill_index, skill.id.clone(), skill);
            Ok(())
        })
    }

    fn merge_certifications(&mut self, file: &str, data: &str) -> Result<()> {
        tsv::parse(file, data, CERTIFICATION_COLUMNS, |row| {
            let mut levels = Vec::new();
            for level in row.list("levels") {
                let parsed = Level::parse_any(&level).ok_or_else(|| {
                    row.error(
                        "levels",
                        format!(
                            "unknown level `{level}`: expected beginner, intermediate or advanced"
                        ),
                    )
                })?;
                levels.push(parsed);
            }
            if levels.is_empty() {
                return Err(row.error("levels", "a certification needs at least one level"));
            }
            levels.sort();
            let status = match row.required("status")? {
                "current" => CertificationStatus::Current,
                "retired" => CertificationStatus::Retired,
                "unknown" => CertificationStatus::Unknown,
                other => {
                    return Err(row.error(
                        "status",
                        format!("unknown status `{other}`: expected current, retired or unknown"),
                    ));
                }
            };
            let bare = match row.required("bare")? {
                "yes" => true,
                "no" => false,
                other => {
                    return Err(row.error("bare", format!("expected yes or no, found `{other}`")));
                }
            };
            let successor =
                Some(row.get("successor")).filter(|id| !id.is_empty()).map(str::to_owned);
            let cert = Certification {
                id: checked_id(&row, "id")?,
                code: row.get("code").to_owned(),
                names: Names::from_row(&row)?,
                levels,
                status,
                successor,
                category: row.get("category").to_owned(),
                bare,
            };
            upsert(&mut self.certifications, &mut self.certification_index, cert.id.clone(), cert);
            Ok(())
        })
    }

    fn merge_occupations(&mut self, file: &str, data: &str) -> Result<()> {
        tsv::parse(file, data, OCCUPATION_COLUMNS, |row| {
            let code = row.required("code")?;
            if !code.bytes().all(|byte| byte.is_ascii_digit()) || code.len() > 4 {
                return Err(
                    row.error("code", format!("`{code}` is not a 1- to 4-digit occupation code"))
                );
            }
            let level = match row.required("level")? {
                "major" => OccupationLevel::Major,
                "sub-major" => OccupationLevel::SubMajor,
                "minor" => OccupationLevel::Minor,
                "unit" => OccupationLevel::Unit,
                other => {
                    return Err(row.error(
                        "level",
                        format!(
                            "unknown level `{other}`: expected major, sub-major, minor or unit"
                        ),
                    ));
                }
            };
            let expected_digits = match level {
                OccupationLevel::Major => 1,
                OccupationLevel::SubMajor => 2,
                OccupationLevel::Minor => 3,
                OccupationLevel::Unit => 4,
            };
            if code.len() != expected_digits {
                return Err(row.error(
                    "code",
                    format!(
                        "a {} group has {expected_digits} digits, `{code}` has {}",
                        row.get("level"),
                        code.len()
                    ),
                ));
            }
            let parent = Some(row.get("parent")).filter(|code| !code.is_empty()).map(str::to_owned);
            let occupation =
                Occupation { code: code.to_owned(), level, parent, names: Names::from_row(&row)? };
            upsert(&mut self.occupations, &mut self.occupation_index, code.to_owned(), occupation);
            Ok(())
        })
    }

    fn merge_industries(&mut self, file: &str, data: &str) -> Result<()> {
        tsv::parse(file, data, INDUSTRY_COLUMNS, |row| {
            let industry = Industry { id: checked_id(&row, "id")?, names: Names::from_row(&row)? };
            upsert(&mut self.industries, &mut self.industry_index, industry.id.clone(), industry);
            Ok(())
        })
    }

    fn merge_policies(&mut self, file: &str, data: &str) -> Result<()> {
        tsv::parse(file, data, POLICY_COLUMNS, |row| {
            let group = row.required("group")?;
            if !self.industry_index.contains_key(group) {
                return Err(row.error(
                    "group",
                    format!("unknown industry group `{group}`: add it to industries.tsv"),
                ));
            }
            let policy = IndustryPolicy {
                id: checked_id(&row, "id")?,
                group: group.to_owned(),
                list: row.required("list")?.to_owned(),
                names: Names {
                    zh_hant: row.get("zh_hant").to_owned(),
                    zh_hans: row.get("zh_hans").to_owned(),
                    en: row.get("en").to_owned(),
                    aliases: Vec::new(),
                },
            };
            match self.policies.iter_mut().find(|existing| existing.id == policy.id) {
                Some(existing) => *existing = policy,
                None => self.policies.push(policy),
            }
            Ok(())
        })
    }

    fn merge_variants(&mut self, file: &str, data: &str) -> Result<()> {
        tsv::parse(file, data, VARIANT_COLUMNS, |row| {
            self.variants.push(VariantPair {
                zh_hant: row.required("zh_hant")?.to_owned(),
                zh_hans: row.required("zh_hans")?.to_owned(),
                en: row.get("en").to_owned(),
                kind: row.get("kind").to_owned(),
            });
            Ok(())
        })
    }

    fn validate_references(&self) -> Result<()> {
        let reference_error = |file: &str, column: &str, message: String| Error::TaxonomyRow {
            file: file.to_owned(),
            line: 0,
            column: column.to_owned(),
            message,
        };
        for cert in &self.certifications {
            if let Some(successor) = &cert.successor
                && self.certification(successor).is_none()
            {
                return Err(reference_error(
                    CERTIFICATIONS.0,
                    "successor",
                    format!("`{}` names unknown successor `{successor}`", cert.id),
                ));
            }
        }
        for occupation in &self.occupations {
            if let Some(parent) = &occupation.parent
                && self.occupation(parent).is_none()
            {
                return Err(reference_error(
                    OCCUPATIONS.0,
                    "parent",
                    format!("`{}` names unknown parent `{parent}`", occupation.code),
                ));
            }
        }
        Ok(())
    }
}

fn checked_id(row: &tsv::Row<'_>, column: &str) -> Result<String> {
    let id = row.required(column)?;
    let valid = id.split('-').all(|part| {
        !part.is_empty()
            && part.bytes().all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit())
    });
    if !valid {
        return Err(row.error(
            column,
            format!("`{id}` is not a lowercase kebab-case id such as `machine-learning`"),
        ));
    }
    Ok(id.to_owned())
}

fn upsert<T>(items: &mut Vec<T>, index: &mut HashMap<String, usize>, id: String, item: T) {
    match index.get(&id) {
        Some(position) => items[*position] = item,
        None => {
            index.insert(id, items.len());
            items.push(item);
        }
    }
}
