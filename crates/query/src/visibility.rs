//! Who sees what of a résumé (SPEC §7). Every résumé the engine returns passes through
//! [`redact`], so no caller can forget it.
//!
//! | visibility | admin | owner | employer, organizer | other candidates |
//! |---|---|---|---|---|
//! | `public` | all | all | all | not returned |
//! | `anonymous` | all | all | redacted | not returned |
//! | `hidden` | all | all | not returned | not returned |
//!
//! Redacted means without `name`, `contact` and certification `number`s. Hidden résumés are
//! never returned by search or match, to anyone.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The role of an API key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Everything, including writes.
    Admin,
    /// Searches candidates and vacancies.
    Employer,
    /// Organises fairs: searches candidates, pre-matches.
    Organizer,
    /// A candidate, bound to one résumé.
    Candidate,
}

impl Role {
    /// The role's name on the command line and in the keys file.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Employer => "employer",
            Role::Organizer => "organizer",
            Role::Candidate => "candidate",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "admin" => Ok(Role::Admin),
            "employer" => Ok(Role::Employer),
            "organizer" | "organiser" => Ok(Role::Organizer),
            "candidate" => Ok(Role::Candidate),
            other => Err(format!(
                "unknown role `{other}`: expected admin, employer, organizer or candidate"
            )),
        }
    }
}

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Viewer {
    /// The key's role.
    pub role: Role,
    /// The résumé a candidate key is bound to.
    pub resume: Option<String>,
}

impl Viewer {
    /// Local use without keys: everything.
    pub fn admin() -> Self {
        Viewer { role: Role::Admin, resume: None }
    }

    /// A viewer with a role and no bound résumé.
    pub fn with_role(role: Role) -> Self {
        Viewer { role, resume: None }
    }

    /// Whether this viewer owns résumé `id`.
    pub fn owns(&self, id: &str) -> bool {
        self.role == Role::Candidate && self.resume.as_deref() == Some(id)
    }
}

/// What a viewer may see of one résumé.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The whole résumé.
    Full,
    /// The résumé without personal data.
    Redacted,
    /// Nothing: it must not be returned.
    None,
}

/// What `viewer` may see of a résumé with this `id` and `visibility` (`public`,
/// `anonymous` or `hidden`).
pub fn access(viewer: &Viewer, id: &str, visibility: &str) -> Access {
    if viewer.role == Role::Admin || viewer.owns(id) {
        return Access::Full;
    }
    match (viewer.role, visibility) {
        (Role::Candidate, _) | (_, "hidden") => Access::None,
        (_, "public") => Access::Full,
        _ => Access::Redacted,
    }
}

/// A résumé's JSON as `viewer` may see it, or `None` when it must not be returned.
pub fn redact(viewer: &Viewer, mut resume: Value) -> Option<Value> {
    let id = resume.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
    let visibility =
        resume.get("visibility").and_then(Value::as_str).unwrap_or("public").to_owned();
    match access(viewer, &id, &visibility) {
        Access::Full => Some(resume),
        Access::None => None,
        Access::Redacted => {
            if let Some(object) = resume.as_object_mut() {
                object.remove("name");
                object.remove("contact");
                if let Some(Value::Array(certifications)) = object.get_mut("certifications") {
                    for certification in certifications {
                        if let Some(certification) = certification.as_object_mut() {
                            certification.remove("number");
                        }
                    }
                }
            }
            Some(resume)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn resume(visibility: &str) -> Value {
        json!({"id":"c1","name":"王小明","contact":{"email":"a@b.tw"},"visibility":visibility,
               "certifications":[{"id":"ipas-infosec","number":"X123"}]})
    }

    #[test]
    fn each_role_sees_what_the_table_says() {
        let employer = Viewer::with_role(Role::Employer);
        let owner = Viewer { role: Role::Candidate, resume: Some("c1".into()) };
        let other = Viewer { role: Role::Candidate, resume: Some("c2".into()) };
        let full = redact(&employer, resume("public")).unwrap();
        assert_eq!(full["name"], "王小明");
        let redacted = redact(&employer, resume("anonymous")).unwrap();
        assert!(redacted.get("name").is_none() && redacted.get("contact").is_none());
        assert!(redacted["certifications"][0].get("number").is_none());
        assert_eq!(redacted["certifications"][0]["id"], "ipas-infosec");
        assert!(redact(&employer, resume("hidden")).is_none());
        assert_eq!(redact(&Viewer::admin(), resume("hidden")).unwrap()["name"], "王小明");
        assert_eq!(redact(&owner, resume("anonymous")).unwrap()["name"], "王小明");
        assert!(redact(&other, resume("public")).is_none());
    }
}
