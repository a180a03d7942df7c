//! Résumés.

use serde::{Deserialize, Serialize};

use super::common::{
    Date, FieldError, HeldCertification, LanguageSkill, Location, Salary, SkillRef, YearMonth,
    check_id, check_reference,
};

/// Contact details (personal data).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// One job held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Experience {
    /// Job title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Employer name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer: Option<String>,
    /// First month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<YearMonth>,
    /// Last month; absent or null for the current job.
    #[serde(default)]
    pub end: Option<YearMonth>,
    /// What the work was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Highest level of a course of study.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Degree {
    /// Senior high school.
    HighSchool,
    /// Vocational school.
    Vocational,
    /// Associate degree (副學士).
    Associate,
    /// Bachelor's degree.
    Bachelor,
    /// Master's degree.
    Master,
    /// Doctorate.
    Phd,
}

/// One course of study.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Education {
    /// Degree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub degree: Option<Degree>,
    /// Field of study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// School.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school: Option<String>,
    /// ISO 3166-1 alpha-2 country code of the school.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// Right to work in Taiwan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkAuthorizationStatus {
    /// Citizen of Taiwan.
    Citizen,
    /// Employment Gold Card holder.
    GoldCard,
    /// Foreign professional with a work permit.
    ForeignProfessional,
    /// Overseas Chinese or foreign student (僑外生).
    OverseasStudent,
    /// Migrant worker (移工).
    MigrantWorker,
    /// No authorisation yet.
    None,
}

/// Work authorisation and the facts the mid-level technical rules look at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkAuthorization {
    /// Status.
    pub status: WorkAuthorizationStatus,
    /// Years worked in Taiwan in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years_in_taiwan: Option<f64>,
    /// Years worked in Taiwan without interruption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continuous_years: Option<f64>,
    /// Years with the current employer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years_with_current_employer: Option<f64>,
    /// Has left Taiwan since working here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_taiwan: Option<bool>,
    /// Degree obtained in Taiwan (overseas students).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub degree_in_taiwan: Option<Degree>,
    /// Hours of relevant training.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training_hours: Option<u32>,
    /// National skills certificates (技術士) held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills_licences: Vec<String>,
    /// Passed a practical skills assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practical_assessment: Option<bool>,
}

// Years are finite numbers (validated), so equality is total in practice.
impl Eq for WorkAuthorization {}

/// Who may see a résumé (SPEC §7).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Found, with personal data, by employers, organisers and admins.
    Public,
    /// Found, with personal data removed for everyone but admins (the default).
    #[default]
    Anonymous,
    /// Never found.
    Hidden,
}

/// A résumé (SPEC §3). Required: `id` and at least one of `headline`, `summary`,
/// `experience`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resume {
    /// Stable id; re-importing the same id replaces the résumé.
    pub id: String,
    /// Name (personal data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Contact details (personal data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// One-line headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// Summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Main language of the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Jobs held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub experience: Vec<Experience>,
    /// Education.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub education: Vec<Education>,
    /// Skills.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<SkillRef>,
    /// Certifications held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<HeldCertification>,
    /// Occupation codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub occupations: Vec<String>,
    /// Industry group ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub industries: Vec<String>,
    /// Where the candidate lives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Desired salary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desired_salary: Option<Salary>,
    /// Right to work in Taiwan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_authorization: Option<WorkAuthorization>,
    /// Languages spoken.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<LanguageSkill>,
    /// Recruitment fairs the candidate registered for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fairs: Vec<String>,
    /// Who may see the résumé; `anonymous` when absent.
    #[serde(default)]
    pub visibility: Visibility,
    /// Last update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Date>,
}

impl Resume {
    /// Checks what the types alone cannot; returns every problem found.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        check_id(&self.id, "id", &mut errors);
        let has_text =
            |value: &Option<String>| value.as_deref().is_some_and(|text| !text.trim().is_empty());
        if !has_text(&self.headline) && !has_text(&self.summary) && self.experience.is_empty() {
            errors.push(FieldError::new(
                "headline",
                "a résumé needs a headline, a summary or an experience entry",
            ));
        }
        for (index, skill) in self.skills.iter().enumerate() {
            check_reference(&skill.id, &skill.name, &format!("skills[{index}]"), &mut errors);
        }
        for (index, cert) in self.certifications.iter().enumerate() {
            check_reference(&cert.id, &cert.name, &format!("certifications[{index}]"), &mut errors);
            if let (Some(issued), Some(expires)) = (cert.issued, cert.expires)
                && expires < issued
            {
                errors.push(FieldError::new(
                    format!("certifications[{index}].expires"),
                    format!("{expires} is before issued {issued}"),
                ));
            }
        }
        for (index, job) in self.experience.iter().enumerate() {
            if let (Some(start), Some(end)) = (job.start, job.end)
                && end < start
            {
                errors.push(FieldError::new(
                    format!("experience[{index}].end"),
                    format!("{end} is before start {start}"),
                ));
            }
        }
        for (index, code) in self.occupations.iter().enumerate() {
            if !(1..=4).contains(&code.len()) || !code.bytes().all(|byte| byte.is_ascii_digit()) {
                errors.push(FieldError::new(
                    format!("occupations[{index}]"),
                    format!("expected a 1- to 4-digit occupation code, found `{code}`"),
                ));
            }
        }
        if let Some(salary) = &self.desired_salary {
            salary.validate("desired_salary", &mut errors);
        }
        if let Some(authorization) = &self.work_authorization {
            for (name, value) in [
                ("years_in_taiwan", authorization.years_in_taiwan),
                ("continuous_years", authorization.continuous_years),
                ("years_with_current_employer", authorization.years_with_current_employer),
            ] {
                if value.is_some_and(|years| !years.is_finite() || !(0.0..=80.0).contains(&years)) {
                    errors.push(FieldError::new(
                        format!("work_authorization.{name}"),
                        "expected a number of years from 0 to 80",
                    ));
                }
            }
        }
        errors
    }
}
