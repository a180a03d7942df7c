use meihe_core::Level;
use meihe_core::model::{FieldError, Visibility, parse_job, parse_resume};

const JOB: &str = r#"{"id":"job-0001","title":"資安工程師 Security Engineer","employer":{"id":"emp-delta","name":"台達電子"},
 "description":"負責資訊安全監控","lang":"zh-Hant",
 "skills":[{"id":"python","required":true},{"name":"Kubernetes","required":false}],
 "certifications":[{"id":"ipas-infosec","min_level":"intermediate","required":true}],
 "occupation":"2529","industries":["semiconductor","ai"],
 "location":{"city":"新竹市","country":"TW","remote":false},
 "salary":{"min":45000,"max":70000,"period":"month","currency":"TWD"},
 "employment_type":"full_time","work_category":"professional","headcount":3,
 "languages":[{"lang":"en","level":"business"}],
 "posted_at":"2026-10-01","expires_at":"2026-12-31","fairs":["fair-2023-us-west"]}"#;

const RESUME: &str = r#"{"id":"cand-0001","name":"王小明","contact":{"email":"x@example.com","phone":"+886-912-555-678"},
 "headline":"資安工程師，5年SOC經驗","summary":"…","lang":"zh-Hant",
 "experience":[{"title":"SOC Analyst","employer":"…","start":"2019-07","end":null,"description":"…"}],
 "education":[{"degree":"master","field":"資訊工程","school":"…","country":"US"}],
 "skills":[{"id":"python"},{"name":"資安監控"}],
 "certifications":[{"id":"ipas-infosec","level":"intermediate","number":"…","issued":"2024-05-01","expires":"2027-05-01"}],
 "occupations":["2529"],"industries":["semiconductor"],
 "location":{"city":"臺北市","country":"TW","willing_to_relocate":true},
 "desired_salary":{"min":50000,"period":"month"},
 "work_authorization":{"status":"migrant_worker","years_in_taiwan":7.5,"continuous_years":6,"years_with_current_employer":6,"left_taiwan":false,
                       "degree_in_taiwan":null,"training_hours":86,"skills_licences":["丙級銲接"],"practical_assessment":false},
 "languages":[{"lang":"zh","level":"native"},{"lang":"en","level":"fluent"}],
 "fairs":["fair-2023-us-west"],"visibility":"public","updated_at":"2026-11-01"}"#;

fn job_error(json: &str) -> FieldError {
    match parse_job(json) {
        Ok(job) => job.validate().into_iter().next().expect("an error"),
        Err(error) => error,
    }
}

fn resume_error(json: &str) -> FieldError {
    match parse_resume(json) {
        Ok(resume) => resume.validate().into_iter().next().expect("an error"),
        Err(error) => error,
    }
}

#[test]
fn the_spec_examples_parse_and_validate() {
    let job = parse_job(JOB).unwrap();
    assert!(job.validate().is_empty(), "{:?}", job.validate());
    assert_eq!(job.certifications[0].min_level, Some(Level::Intermediate));
    let resume = parse_resume(RESUME).unwrap();
    assert!(resume.validate().is_empty(), "{:?}", resume.validate());
    assert_eq!(resume.visibility, Visibility::Public);
    // Round trip: what is written back parses to the same value.
    assert_eq!(parse_job(&serde_json::to_string(&job).unwrap()).unwrap(), job);
    assert_eq!(parse_resume(&serde_json::to_string(&resume).unwrap()).unwrap(), resume);
}

#[test]
fn visibility_defaults_to_anonymous() {
    let resume = parse_resume(r#"{"id":"c","headline":"x"}"#).unwrap();
    assert_eq!(resume.visibility, Visibility::Anonymous);
}

#[test]
fn each_bad_input_names_its_field() {
    let cases: &[(&str, FieldError)] = &[
        (
            r#"{"id":"j","title":"t","employer":{"name":"e"}"#,
            FieldError {
                field: String::new(),
                message: "malformed JSON: EOF while parsing an object (column 45)".into(),
            },
        ),
        (
            r#"{"id":"j","title":"t","employer":{"name":"e"},"salery":{}}"#,
            field(
                "salery",
                "unknown field `salery`, expected one of `id`, `title`, `employer`, `description`, `lang`, `skills`, `certifications`, `occupation`, `industries`, `location`, `salary`, `employment_type`, `work_category`, `headcount`, `languages`, `posted_at`, `expires_at`, `fairs`",
            ),
        ),
        (
            r#"{"id":"j","title":"t","employer":{"name":"e","ceo":"x"}}"#,
            field("employer.ceo", "unknown field `ceo`, expected `id` or `name`"),
        ),
        (
            r#"{"id":"j","title":"t","employer":{"name":"e"},"headcount":"three"}"#,
            field("headcount", "invalid type: string \"three\", expected u32"),
        ),
        (r#"{"id":"j","employer":{"name":"e"}}"#, field("title", "missing field `title`")),
        (
            r#"{"id":"j","title":"t","employer":{"id":"x"}}"#,
            field("employer.name", "missing field `name`"),
        ),
        (
            r#"{"id":"j","title":"t","employer":{"name":"e"},"posted_at":"2026-02-30"}"#,
            field(
                "posted_at",
                "invalid date `2026-02-30`: expected an ISO 8601 date such as 2026-11-21",
            ),
        ),
        (
            r#"{"id":"j","title":"t","employer":{"name":"e"},"salary":{"min":-5}}"#,
            field("salary.min", "must not be negative"),
        ),
        (
            r#"{"id":"j","title":"t","employer":{"name":"e"},"salary":{"min":70000,"max":45000}}"#,
            field("salary.max", "the range is inverted: max 45000 is below min 70000"),
        ),
        (
            r#"{"id":"j","title":"t","employer":{"name":"e"},"certifications":[{"id":"ipas-infosec","min_level":"expert"}]}"#,
            field(
                "certifications[0].min_level",
                "unknown variant `expert`, expected one of `beginner`, `intermediate`, `advanced`",
            ),
        ),
        (r#"{"id":"j","title":" ","employer":{"name":"e"}}"#, field("title", "must not be empty")),
        (
            r#"{"id":"j","title":"t","employer":{"name":"e"},"skills":[{"required":true}]}"#,
            field("skills[0]", "needs an `id` or a `name`"),
        ),
        (
            r#"{"id":"j","title":"t","employer":{"name":"e"},"occupation":"25a"}"#,
            field("occupation", "expected a 1- to 4-digit occupation code, found `25a`"),
        ),
    ];
    for (json, expected) in cases {
        assert_eq!(&job_error(json), expected, "{json}");
    }
}

#[test]
fn each_bad_resume_names_its_field() {
    let cases: &[(&str, FieldError)] = &[
        (
            r#"{"id":"c"}"#,
            field("headline", "a résumé needs a headline, a summary or an experience entry"),
        ),
        (
            r#"{"id":"c","headline":"x","visibility":"secret"}"#,
            field(
                "visibility",
                "unknown variant `secret`, expected one of `public`, `anonymous`, `hidden`",
            ),
        ),
        (
            r#"{"id":"c","headline":"x","certifications":[{"id":"ipas-infosec","level":"中級"}]}"#,
            field(
                "certifications[0].level",
                "unknown variant `中級`, expected one of `beginner`, `intermediate`, `advanced`",
            ),
        ),
        (
            r#"{"id":"c","headline":"x","experience":[{"start":"2020-13"}]}"#,
            field(
                "experience[0].start",
                "invalid month `2020-13`: expected YYYY-MM such as 2019-07",
            ),
        ),
        (
            r#"{"id":"c","headline":"x","experience":[{"start":"2021-05","end":"2020-01"}]}"#,
            field("experience[0].end", "2020-01 is before start 2021-05"),
        ),
        (
            r#"{"id":"c","headline":"x","work_authorization":{"status":"tourist"}}"#,
            field(
                "work_authorization.status",
                "unknown variant `tourist`, expected one of `citizen`, `gold_card`, `foreign_professional`, `overseas_student`, `migrant_worker`, `none`",
            ),
        ),
        (
            r#"{"id":"c","headline":"x","work_authorization":{"status":"migrant_worker","years_in_taiwan":-1}}"#,
            field("work_authorization.years_in_taiwan", "expected a number of years from 0 to 80"),
        ),
        (
            r#"{"id":"c","headline":"x","desired_salary":{"min":1,"currency":"twd"}}"#,
            field(
                "desired_salary.currency",
                "expected a three-letter ISO 4217 code such as TWD, found `twd`",
            ),
        ),
        (r#"{"id":"","headline":"x"}"#, field("id", "must not be empty")),
    ];
    for (json, expected) in cases {
        assert_eq!(&resume_error(json), expected, "{json}");
    }
}

#[test]
fn mixed_scripts_and_emoji_are_plain_text() {
    let job = parse_job(
        r#"{"id":"職缺-🚀","title":"熟悉Python與Linux 👍","employer":{"name":"緯創軟體"}}"#,
    )
    .unwrap();
    assert!(job.validate().is_empty());
}

fn field(field: &str, message: &str) -> FieldError {
    FieldError { field: field.to_owned(), message: message.to_owned() }
}
