//! The pair scorer: one score in [0, 1] for a (job, résumé) pair, the same whichever side
//! asks, because it is a pure function of the two profiles.
//!
//! The score is a weighted mean of components, each in [0, 1], over the components that
//! apply to the pair (a posting that lists no languages has no language component, and
//! its weight goes to the others). A required certification not held at the required
//! level caps the score at [`MISSING_CERTIFICATION_CAP`].

use meihe_core::Level;
use meihe_core::profile::{JobProfile, ResumeProfile};
use serde::Serialize;

/// Weight of required-skill coverage.
pub const SKILLS_WEIGHT: f64 = 0.35;
/// Weight of certification coverage.
pub const CERTIFICATIONS_WEIGHT: f64 = 0.25;
/// Weight of occupation closeness.
pub const OCCUPATION_WEIGHT: f64 = 0.15;
/// Weight of text relevance.
pub const TEXT_WEIGHT: f64 = 0.15;
/// Weight of location.
pub const LOCATION_WEIGHT: f64 = 0.04;
/// Weight of salary overlap.
pub const SALARY_WEIGHT: f64 = 0.03;
/// Weight of languages.
pub const LANGUAGE_WEIGHT: f64 = 0.02;
/// Weight of recency (posting date against résumé update).
pub const RECENCY_WEIGHT: f64 = 0.01;
/// A preferred skill or certification counts this much of a required one.
pub const PREFERRED_SHARE: f64 = 0.5;
/// Credit for a certification held below the required level.
pub const LOWER_LEVEL_CREDIT: f64 = 0.5;
/// The highest score of a pair where a required certification is missing or held below
/// the required level.
pub const MISSING_CERTIFICATION_CAP: f64 = 0.5;
/// BM25's term-frequency saturation.
const K1: f64 = 1.2;

/// One component of a pair score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Component {
    /// `skills`, `certifications`, `occupation`, `text`, `location`, `salary`, `language`
    /// or `recency`.
    pub name: &'static str,
    /// Value in [0, 1].
    pub value: f64,
    /// Nominal weight (see the constants).
    pub weight: f64,
    /// Whether the pair has what the component needs; a component that does not apply
    /// has no effect.
    pub applicable: bool,
}

/// How a certification the posting names stands on the résumé.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertificationCheck {
    /// Certification id.
    pub id: String,
    /// Required (true) or preferred.
    pub required: bool,
    /// Level asked for.
    pub min_level: Option<Level>,
    /// Whether the résumé holds it at all.
    pub held: bool,
    /// Highest level held, when stated.
    pub held_level: Option<Level>,
    /// Held at the required level or above.
    pub met: bool,
}

/// A pair's score, its components and what matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairScore {
    /// The score in [0, 1].
    pub score: f64,
    /// Whether the missing-certification cap lowered it.
    pub capped: bool,
    /// Every component, applicable or not.
    pub components: Vec<Component>,
    /// Required skills the résumé has.
    pub matched_required: Vec<String>,
    /// Required skills it lacks.
    pub missing_required: Vec<String>,
    /// Preferred skills it has.
    pub matched_preferred: Vec<String>,
    /// Preferred skills it lacks.
    pub missing_preferred: Vec<String>,
    /// Every certification the posting names.
    pub certifications: Vec<CertificationCheck>,
}

/// Scores a pair. Pure: the same profiles always give the same score.
pub fn pair_score(job: &JobProfile, resume: &ResumeProfile) -> PairScore {
    let mut result = PairScore {
        score: 0.0,
        capped: false,
        components: Vec::with_capacity(8),
        matched_required: Vec::new(),
        missing_required: Vec::new(),
        matched_preferred: Vec::new(),
        missing_preferred: Vec::new(),
        certifications: Vec::new(),
    };

    // Skills.
    for id in &job.skills_required {
        if resume.skills.contains(id) {
            result.matched_required.push(id.clone());
        } else {
            result.missing_required.push(id.clone());
        }
    }
    for id in &job.skills_preferred {
        if resume.skills.contains(id) {
            result.matched_preferred.push(id.clone());
        } else {
            result.missing_preferred.push(id.clone());
        }
    }
    let possible =
        job.skills_required.len() as f64 + PREFERRED_SHARE * job.skills_preferred.len() as f64;
    let got = result.matched_required.len() as f64
        + PREFERRED_SHARE * result.matched_preferred.len() as f64;
    push(&mut result, "skills", SKILLS_WEIGHT, (possible > 0.0).then(|| got / possible));

    // Certifications.
    let mut possible = 0.0;
    let mut got = 0.0;
    for need in &job.certifications {
        let held = resume.certifications.iter().find(|(id, _)| *id == need.id);
        let held_level = held.and_then(|(_, level)| *level);
        let met = held.is_some()
            && need.min_level.is_none_or(|wanted| held_level.is_some_and(|level| level >= wanted));
        let share = if need.required { 1.0 } else { PREFERRED_SHARE };
        possible += share;
        got += share
            * if met {
                1.0
            } else if held.is_some() {
                LOWER_LEVEL_CREDIT
            } else {
                0.0
            };
        if need.required && !met {
            result.capped = true;
        }
        result.certifications.push(CertificationCheck {
            id: need.id.clone(),
            required: need.required,
            min_level: need.min_level,
            held: held.is_some(),
            held_level,
            met,
        });
    }
    push(
        &mut result,
        "certifications",
        CERTIFICATIONS_WEIGHT,
        (possible > 0.0).then(|| got / possible),
    );

    // Occupation.
    let occupation = job.occupation.as_deref().map(|wanted| {
        resume.occupations.iter().map(|code| occupation_closeness(wanted, code)).fold(0.0, f64::max)
    });
    push(&mut result, "occupation", OCCUPATION_WEIGHT, occupation);

    // Text.
    let total: f64 = job.terms.iter().map(|(_, weight)| f64::from(*weight)).sum();
    let text = (total > 0.0).then(|| {
        let full = saturation(3.0);
        let found: f64 = job
            .terms
            .iter()
            .filter_map(|(term, weight)| {
                let count = f64::from(*resume.terms.get(term)?);
                Some(f64::from(*weight) * (saturation(count) / full).min(1.0))
            })
            .sum();
        found / total
    });
    push(&mut result, "text", TEXT_WEIGHT, text);

    // Location.
    let location = (job.city.is_some() || job.remote).then(|| {
        if job.remote
            || (job.city.is_some() && same_city(job.city.as_deref(), resume.city.as_deref()))
        {
            1.0
        } else if resume.city.is_none() || resume.flexible {
            0.5
        } else if job.country.is_some() && job.country == resume.country {
            0.3
        } else {
            0.0
        }
    });
    push(&mut result, "location", LOCATION_WEIGHT, location);

    // Salary: what the posting can pay against what the candidate asks at least.
    let offered = job.salary.and_then(|(min, max)| max.or(min));
    let asked = resume.salary.and_then(|(min, max)| min.or(max));
    let salary = match (offered, asked) {
        (Some(offered), Some(asked)) if asked > 0 => {
            Some((offered as f64 / asked as f64).clamp(0.0, 1.0).powi(2))
        }
        _ => None,
    };
    push(&mut result, "salary", SALARY_WEIGHT, salary);

    // Languages.
    let language = (!job.languages.is_empty()).then(|| {
        let each = job.languages.iter().map(|(lang, wanted)| {
            match resume.languages.iter().find(|(spoken, _)| spoken == lang) {
                Some((_, level)) if level >= wanted => 1.0,
                Some(_) => 0.5,
                None => 0.0,
            }
        });
        each.sum::<f64>() / job.languages.len() as f64
    });
    push(&mut result, "language", LANGUAGE_WEIGHT, language);

    // Recency: full within half a year, none after two years.
    let recency = match (job.day, resume.day) {
        (Some(posted), Some(updated)) => {
            let gap = (posted - updated).abs() as f64;
            Some((1.0 - (gap - 182.0).max(0.0) / 548.0).clamp(0.0, 1.0))
        }
        _ => None,
    };
    push(&mut result, "recency", RECENCY_WEIGHT, recency);

    let (sum, weights) = result.components.iter().filter(|component| component.applicable).fold(
        (0.0, 0.0),
        |(sum, weights), component| {
            (sum + component.value * component.weight, weights + component.weight)
        },
    );
    let mut score = if weights > 0.0 { sum / weights } else { 0.0 };
    if result.capped {
        score = score.min(MISSING_CERTIFICATION_CAP);
    }
    result.score = round(score.clamp(0.0, 1.0));
    result
}

fn push(result: &mut PairScore, name: &'static str, weight: f64, value: Option<f64>) {
    result.components.push(Component {
        name,
        value: round(value.unwrap_or(0.0)),
        weight,
        applicable: value.is_some(),
    });
}

/// Rounded to 6 decimals, so scores print and compare stably.
fn round(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

fn saturation(count: f64) -> f64 {
    count * (K1 + 1.0) / (count + K1)
}

/// Same 4-digit code 1, same sub-major group (2 digits) 0.6, same major group 0.3.
pub fn occupation_closeness(wanted: &str, code: &str) -> f64 {
    let common = wanted.bytes().zip(code.bytes()).take_while(|(a, b)| a == b).count();
    match common {
        0 => 0.0,
        1 => 0.3,
        2 | 3 if wanted.len() > common && code.len() > common => 0.6,
        _ => 1.0,
    }
}

/// Cities compare after folding 台/臺 and ignoring a trailing 市/縣 and case.
fn same_city(a: Option<&str>, b: Option<&str>) -> bool {
    let normal = |city: &str| {
        city.trim()
            .replace('台', "臺")
            .trim_end_matches(['市', '縣'])
            .to_lowercase()
            .replace(" city", "")
    };
    match (a, b) {
        (Some(a), Some(b)) => normal(a) == normal(b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use meihe_core::profile::CertificationNeed;

    fn job() -> JobProfile {
        JobProfile {
            skills_required: vec!["python".into(), "linux".into()],
            skills_preferred: vec!["docker".into()],
            certifications: vec![CertificationNeed {
                id: "ipas-infosec".into(),
                min_level: Some(Level::Intermediate),
                required: true,
            }],
            occupation: Some("2529".into()),
            ..JobProfile::default()
        }
    }

    #[test]
    fn a_missing_required_certification_caps_the_score() {
        let holder = ResumeProfile {
            skills: vec!["python".into(), "linux".into(), "docker".into()],
            certifications: vec![("ipas-infosec".into(), Some(Level::Advanced))],
            occupations: vec!["2529".into()],
            ..ResumeProfile::default()
        };
        let held = pair_score(&job(), &holder);
        assert_eq!(held.score, 1.0);
        assert!(!held.capped);
        let lower = ResumeProfile {
            certifications: vec![("ipas-infosec".into(), Some(Level::Beginner))],
            ..holder.clone()
        };
        let below = pair_score(&job(), &lower);
        assert!(below.capped);
        assert_eq!(below.score, MISSING_CERTIFICATION_CAP);
        assert_eq!(below.certifications[0].held_level, Some(Level::Beginner));
        assert!(!below.certifications[0].met);
    }

    #[test]
    fn occupation_closeness_follows_the_classification() {
        assert_eq!(occupation_closeness("2529", "2529"), 1.0);
        assert_eq!(occupation_closeness("2529", "2511"), 0.6);
        assert_eq!(occupation_closeness("2529", "2411"), 0.3);
        assert_eq!(occupation_closeness("2529", "7212"), 0.0);
        assert_eq!(occupation_closeness("25", "2529"), 1.0);
    }

    #[test]
    fn components_without_data_do_not_count() {
        let empty = pair_score(&JobProfile::default(), &ResumeProfile::default());
        assert_eq!(empty.score, 0.0);
        assert!(empty.components.iter().all(|component| !component.applicable));
        let weights: f64 = [
            SKILLS_WEIGHT,
            CERTIFICATIONS_WEIGHT,
            OCCUPATION_WEIGHT,
            TEXT_WEIGHT,
            LOCATION_WEIGHT,
            SALARY_WEIGHT,
            LANGUAGE_WEIGHT,
            RECENCY_WEIGHT,
        ]
        .iter()
        .sum();
        assert!((weights - 1.0).abs() < 1e-9);
    }
}
