//! The data contract: job postings and résumés as they arrive in JSON Lines files and HTTP
//! bodies.
//!
//! Unknown fields are rejected, not dropped, so a typo (`skils`) is an error the user sees.
//! [`parse_job`] and [`parse_resume`] turn one JSON text into a value and name the field of
//! the first problem; [`JobPosting::validate`] and [`Resume::validate`] then check what
//! types alone cannot (required text, salary ranges, dates, certification levels).

mod common;
mod job;
mod resume;

use serde::de::DeserializeOwned;

pub use common::{
    CertificationRequirement, Date, FieldError, HeldCertification, LanguageLevel, LanguageSkill,
    Location, Salary, SalaryPeriod, SkillRef, YearMonth,
};
pub use job::{Employer, EmploymentType, JobPosting, WorkCategory};
pub use resume::{
    Contact, Degree, Education, Experience, Resume, Visibility, WorkAuthorization,
    WorkAuthorizationStatus,
};

/// Parses one JSON object into a job posting, naming the field of the first problem.
///
/// ```
/// let error = meihe_core::model::parse_job(r#"{"id":"j1","title":"x","employer":{"name":"y"},"skils":[]}"#)
///     .unwrap_err();
/// assert_eq!(error.field, "skils");
/// ```
pub fn parse_job(json: &str) -> Result<JobPosting, FieldError> {
    parse(json)
}

/// Parses one JSON object into a résumé, naming the field of the first problem.
pub fn parse_resume(json: &str) -> Result<Resume, FieldError> {
    parse(json)
}

fn parse<T: DeserializeOwned>(json: &str) -> Result<T, FieldError> {
    let deserializer = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        let message = describe_json_error(&inner);
        let malformed = matches!(
            inner.classify(),
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof
        );
        // The path already ends with the name of an unknown field; a missing field is
        // named after the object that lacks it.
        let field = match (path.as_str(), unknown_field(&message), missing_field(&message)) {
            _ if malformed => String::new(),
            ("." | "?", Some(name), _) | ("." | "?", None, Some(name)) => name,
            ("." | "?", None, None) => String::new(),
            (path, None, Some(name)) => format!("{path}.{name}"),
            (path, _, _) => path.to_owned(),
        };
        FieldError { field, message }
    })
}

/// The name in serde's "missing field `x`" message.
fn missing_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    Some(rest.split('`').next()?.to_owned())
}

/// The name in serde's "unknown field `x`, expected …" message.
fn unknown_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    Some(rest.split('`').next()?.to_owned())
}

/// serde_json's message without its "at line 1 column 12" suffix (callers know the line).
fn describe_json_error(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let cut = text.rfind(" at line ").map_or(text.as_str(), |index| &text[..index]);
    match error.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            format!("malformed JSON: {cut} (column {})", error.column())
        }
        _ => cut.to_owned(),
    }
}
