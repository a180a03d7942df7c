//! Job postings.

use serde::{Deserialize, Serialize};

use super::common::{
    CertificationRequirement, Date, FieldError, LanguageSkill, Location, Salary, SkillRef,
    check_id, check_reference, require_text,
};

/// The employer of a posting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Employer {
    /// Employer id, such as `emp-delta`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Employer name (required).
    pub name: String,
}

/// Kind of contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmploymentType {
    /// Full time.
    FullTime,
    /// Part time.
    PartTime,
    /// Fixed-term contract.
    Contract,
    /// Internship.
    Internship,
    /// Temporary work.
    Temporary,
}

/// The category of work, as Taiwan's rules for foreign workers distinguish it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkCategory {
    /// Professional (white-collar) work.
    Professional,
    /// Mid-level technical work (中階技術工作).
    MidLevelTechnical,
    /// Technical or manual work.
    Technician,
    /// Anything else.
    General,
}

/// A job posting (SPEC §3). Required: `id`, `title`, `employer.name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobPosting {
    /// Stable id; re-importing the same id replaces the posting.
    pub id: String,
    /// Job title.
    pub title: String,
    /// The employer.
    pub employer: Employer,
    /// Free-text description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Main language of the text: `zh-Hant`, `zh-Hans`, `en` or `mixed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Skills asked for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<SkillRef>,
    /// Certifications asked for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<CertificationRequirement>,
    /// Occupation code (1 to 4 digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation: Option<String>,
    /// Industry group ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub industries: Vec<String>,
    /// Where the job is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Salary range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salary: Option<Salary>,
    /// Kind of contract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment_type: Option<EmploymentType>,
    /// Category of work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_category: Option<WorkCategory>,
    /// Number of people hired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headcount: Option<u32>,
    /// Languages asked for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<LanguageSkill>,
    /// Date posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted_at: Option<Date>,
    /// Date the posting closes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<Date>,
    /// Recruitment fairs the vacancy is offered at.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fairs: Vec<String>,
}

impl JobPosting {
    /// Checks what the types alone cannot; returns every problem found.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        check_id(&self.id, "id", &mut errors);
        require_text(&self.title, "title", &mut errors);
        require_text(&self.employer.name, "employer.name", &mut errors);
        for (index, skill) in self.skills.iter().enumerate() {
            check_reference(&skill.id, &skill.name, &format!("skills[{index}]"), &mut errors);
        }
        for (index, cert) in self.certifications.iter().enumerate() {
            check_reference(&cert.id, &cert.name, &format!("certifications[{index}]"), &mut errors);
        }
        if let Some(occupation) = &self.occupation
            && (!(1..=4).contains(&occupation.len())
                || !occupation.bytes().all(|byte| byte.is_ascii_digit()))
        {
            errors.push(FieldError::new(
                "occupation",
                format!("expected a 1- to 4-digit occupation code, found `{occupation}`"),
            ));
        }
        if let Some(salary) = &self.salary {
            salary.validate("salary", &mut errors);
        }
        if let (Some(posted), Some(expires)) = (self.posted_at, self.expires_at)
            && expires < posted
        {
            errors.push(FieldError::new(
                "expires_at",
                format!("{expires} is before posted_at {posted}"),
            ));
        }
        errors
    }
}
