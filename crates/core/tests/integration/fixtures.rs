use std::path::PathBuf;

use meihe_core::Level;
use meihe_core::model::{FieldError, JobPosting, Resume, parse_job, parse_resume};
use serde::Serialize;

use crate::support::taxonomy;

/// The taxonomy ids a record names.
struct References<'a> {
    skills: Vec<&'a str>,
    certifications: Vec<(&'a str, Option<Level>)>,
    occupations: Vec<&'a str>,
    industries: Vec<&'a str>,
}

/// Parses every line of `name`, validates it, checks it round-trips and that every id and
/// level it names exists; returns the number of records.
fn check_file<T: PartialEq + Serialize>(
    name: &str,
    parse: fn(&str) -> Result<T, FieldError>,
    validate: fn(&T) -> Vec<FieldError>,
    references: fn(&T) -> References<'_>,
) -> usize {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures").join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let taxonomy = taxonomy();
    let mut problems = Vec::new();
    let mut count = 0;
    for (index, line) in text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
        let line_number = index + 1;
        let record = match parse(line) {
            Ok(record) => record,
            Err(error) => {
                problems.push(format!("line {line_number}: {error}"));
                continue;
            }
        };
        count += 1;
        problems.extend(
            validate(&record).into_iter().map(|error| format!("line {line_number}: {error}")),
        );
        if parse(&serde_json::to_string(&record).unwrap()).ok().as_ref() != Some(&record) {
            problems.push(format!("line {line_number}: does not round-trip"));
        }
        let names = references(&record);
        let mut unknown = |what: &str, known: bool, id: &str| {
            if !known {
                problems.push(format!("line {line_number}: unknown {what} `{id}`"));
            }
        };
        for id in names.skills {
            unknown("skill", taxonomy.skill(id).is_some(), id);
        }
        for (id, level) in names.certifications {
            let known = taxonomy
                .certification(id)
                .is_some_and(|cert| level.is_none_or(|level| cert.levels.contains(&level)));
            unknown("certification or level", known, id);
        }
        for code in names.occupations {
            unknown("occupation", taxonomy.occupation(code).is_some(), code);
        }
        for id in names.industries {
            unknown("industry", taxonomy.industry(id).is_some(), id);
        }
    }
    assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
    count
}

#[test]
fn every_job_fixture_parses_validates_and_round_trips() {
    let count = check_file("jobs.jsonl", parse_job, JobPosting::validate, |job| References {
        skills: job.skills.iter().filter_map(|skill| skill.id.as_deref()).collect(),
        certifications: job
            .certifications
            .iter()
            .filter_map(|cert| Some((cert.id.as_deref()?, cert.min_level)))
            .collect(),
        occupations: job.occupation.iter().map(String::as_str).collect(),
        industries: job.industries.iter().map(String::as_str).collect(),
    });
    assert!(count >= 80, "{count} postings");
}

#[test]
fn every_resume_fixture_parses_validates_and_round_trips() {
    let count = check_file("resumes.jsonl", parse_resume, Resume::validate, |resume| References {
        skills: resume.skills.iter().filter_map(|skill| skill.id.as_deref()).collect(),
        certifications: resume
            .certifications
            .iter()
            .filter_map(|cert| Some((cert.id.as_deref()?, cert.level)))
            .collect(),
        occupations: resume.occupations.iter().map(String::as_str).collect(),
        industries: resume.industries.iter().map(String::as_str).collect(),
    });
    assert!(count >= 300, "{count} résumés");
}
