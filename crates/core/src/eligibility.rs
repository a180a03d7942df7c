//! Eligibility of a migrant worker or overseas student for mid-level technical work
//! (中階技術工作, industrial manufacturing route), rule by rule.
//!
//! Rule ids follow the project's reference notes on the 移工留才久用方案 and keep their
//! numbering (R1.x who qualifies, R2.x salary, R3.x technical condition). The amounts are
//! those in force for new applications from 2026: a regular monthly wage of at least
//! 35,000 TWD (or 500,000 a year) with technical proof, or at least 37,000 without it; an
//! overseas student's first mid-level hire at 32,000 (the 2026 reports raise every
//! threshold by 2,000; the student amount itself is not separately confirmed).

use serde::Serialize;

use crate::model::{Degree, Resume, WorkAuthorizationStatus};

/// Regular monthly wage that, with a technical condition, satisfies R2.1 (2026 value).
pub const MONTHLY_FLOOR: i64 = 35_000;
/// Total annual pay that satisfies R2.1 instead of the monthly wage.
pub const ANNUAL_FLOOR: i64 = 500_000;
/// An overseas student's first mid-level hire (R2.2, 2026 value).
pub const STUDENT_FIRST_HIRE_FLOOR: i64 = 32_000;
/// Monthly wage at which the technical condition is not reviewed (R2.3, 2026 value).
pub const WAIVER_FLOOR: i64 = 37_000;
/// Hours of training that satisfy R3.2 and, with three years' employment, R3.4.
pub const TRAINING_HOURS: u32 = 80;

/// The offer being checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    /// Regular monthly wage offered (TWD, allowances included, overtime excluded).
    pub monthly_salary: i64,
    /// Total annual pay, when known.
    pub annual_pay: Option<i64>,
    /// True for the worker's first mid-level hire (matters for overseas students).
    pub first_hire: bool,
}

/// One rule's verdict, with a sentence in Traditional Chinese and in English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCheck {
    /// Rule id, such as `R1.1`.
    pub rule: &'static str,
    /// Whether the rule is met.
    pub passed: bool,
    /// Why, in Traditional Chinese.
    pub zh_hant: String,
    /// Why, in English.
    pub en: String,
}

/// The verdict and every rule looked at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Eligibility {
    /// True when some R1 rule, the salary rule and (unless waived) some R3 rule pass.
    pub eligible: bool,
    /// Every rule checked, in rule order.
    pub rules: Vec<RuleCheck>,
}

/// Checks `resume` against the mid-level technical rules for `offer`.
///
/// ```
/// use meihe_core::eligibility::{Offer, mid_level_technical};
/// let resume = meihe_core::model::parse_resume(r#"{"id":"c1","headline":"焊接技術員",
///   "work_authorization":{"status":"migrant_worker","continuous_years":6.5,"training_hours":86}}"#).unwrap();
/// let verdict = mid_level_technical(&resume, Offer { monthly_salary: 35_000, annual_pay: None, first_hire: true });
/// assert!(verdict.eligible);
/// ```
pub fn mid_level_technical(resume: &Resume, offer: Offer) -> Eligibility {
    let mut rules = Vec::new();
    let Some(authorization) = &resume.work_authorization else {
        rules.push(check(
            "R1",
            false,
            "未提供工作身分，無法判斷資格".into(),
            "no work authorisation given, so eligibility cannot be judged".into(),
        ));
        return Eligibility { eligible: false, rules };
    };
    let migrant = authorization.status == WorkAuthorizationStatus::MigrantWorker;
    let student = authorization.status == WorkAuthorizationStatus::OverseasStudent;
    let years = |value: Option<f64>| value.unwrap_or(0.0);

    let continuous = years(authorization.continuous_years);
    rules.push(check(
        "R1.1",
        migrant && continuous >= 6.0,
        format!("移工在臺連續工作{continuous}年（需6年以上）"),
        format!("migrant worker with {continuous} continuous years in Taiwan (6 or more needed)"),
    ));
    let with_employer = years(authorization.years_with_current_employer);
    rules.push(check(
        "R1.2",
        migrant && with_employer >= 6.0,
        format!("受聘僱於同一雇主累計{with_employer}年（需6年以上）"),
        format!("{with_employer} years with the same employer (6 or more needed)"),
    ));
    let total = years(authorization.years_in_taiwan);
    let left = authorization.left_taiwan.unwrap_or(false);
    rules.push(check(
        "R1.3",
        migrant && total >= 11.5 && left,
        format!(
            "在臺累計工作{total}年{}（需累計11年6個月且曾出國）",
            if left { "，曾出國" } else { "，未曾出國" }
        ),
        format!(
            "{total} years in Taiwan in all{} (11.5 years and having left Taiwan needed)",
            if left { ", has left Taiwan" } else { ", has not left Taiwan" }
        ),
    ));
    let degree = authorization.degree_in_taiwan;
    rules.push(check(
        "R1.4",
        student && degree.is_some_and(|degree| degree >= Degree::Associate),
        "僑外生取得我國副學士以上學位".into(),
        "overseas student with a Taiwanese associate degree or higher".into(),
    ));
    let qualifies = rules.iter().any(|rule| rule.passed);

    let floor = if student && offer.first_hire { STUDENT_FIRST_HIRE_FLOOR } else { MONTHLY_FLOOR };
    let annual_ok = offer.annual_pay.is_some_and(|pay| pay >= ANNUAL_FLOOR);
    let salary_ok = offer.monthly_salary >= floor || annual_ok;
    rules.push(check(
        if student && offer.first_hire { "R2.2" } else { "R2.1" },
        salary_ok,
        format!(
            "每月經常性薪資{}元（需{floor}元以上，或年總薪資{ANNUAL_FLOOR}元以上）",
            offer.monthly_salary
        ),
        format!(
            "regular monthly wage {} TWD ({floor} or more needed, or {ANNUAL_FLOOR} a year)",
            offer.monthly_salary
        ),
    ));
    let waived = offer.monthly_salary >= WAIVER_FLOOR;
    rules.push(check(
        "R2.3",
        waived,
        format!("月薪{WAIVER_FLOOR}元以上免審技術條件"),
        format!("a monthly wage of {WAIVER_FLOOR} or more waives the technical condition"),
    ));

    let licences = &authorization.skills_licences;
    rules.push(check(
        "R3.1",
        !licences.is_empty(),
        if licences.is_empty() {
            "未持有技術士證".into()
        } else {
            format!("持有技術士證：{}", licences.join("、"))
        },
        if licences.is_empty() {
            "no national skills certificate".into()
        } else {
            format!("holds national skills certificates: {}", licences.join(", "))
        },
    ));
    let hours = authorization.training_hours.unwrap_or(0);
    rules.push(check(
        "R3.2",
        hours >= TRAINING_HOURS,
        format!("訓練課程{hours}小時（需{TRAINING_HOURS}小時以上）"),
        format!("{hours} hours of training ({TRAINING_HOURS} or more needed)"),
    ));
    rules.push(check(
        "R3.3",
        authorization.practical_assessment.unwrap_or(false),
        "實作認定".into(),
        "practical skills assessment passed".into(),
    ));
    rules.push(check(
        "R3.4",
        hours >= TRAINING_HOURS && with_employer >= 3.0,
        format!("企業自訓{hours}小時且受僱同一雇主{with_employer}年（需80小時且3年以上）"),
        format!("employer training of {hours} hours with {with_employer} years at that employer (80 hours and 3 years needed)"),
    ));
    let technical = rules.iter().any(|rule| rule.rule.starts_with("R3") && rule.passed);
    Eligibility { eligible: qualifies && salary_ok && (waived || technical), rules }
}

fn check(rule: &'static str, passed: bool, zh_hant: String, en: String) -> RuleCheck {
    RuleCheck { rule, passed, zh_hant, en }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_resume;

    fn resume(authorization: &str) -> Resume {
        parse_resume(&format!(
            r#"{{"id":"c","headline":"x","work_authorization":{authorization}}}"#
        ))
        .unwrap()
    }

    fn offer(monthly_salary: i64) -> Offer {
        Offer { monthly_salary, annual_pay: None, first_hire: true }
    }

    fn passed(verdict: &Eligibility) -> Vec<&'static str> {
        verdict.rules.iter().filter(|rule| rule.passed).map(|rule| rule.rule).collect()
    }

    #[test]
    fn six_continuous_years_and_training_qualify_at_the_floor() {
        let worker =
            resume(r#"{"status":"migrant_worker","continuous_years":6,"training_hours":86}"#);
        let verdict = mid_level_technical(&worker, offer(35_000));
        assert!(verdict.eligible);
        assert_eq!(passed(&verdict), ["R1.1", "R2.1", "R3.2"]);
        assert!(!mid_level_technical(&worker, offer(34_999)).eligible, "below the 2026 floor");
    }

    #[test]
    fn the_waiver_replaces_the_technical_condition() {
        let worker = resume(r#"{"status":"migrant_worker","years_with_current_employer":7}"#);
        assert!(!mid_level_technical(&worker, offer(36_000)).eligible);
        assert!(mid_level_technical(&worker, offer(37_000)).eligible);
    }

    #[test]
    fn eleven_and_a_half_years_count_only_after_leaving_taiwan() {
        let stayed = resume(
            r#"{"status":"migrant_worker","years_in_taiwan":11.5,"left_taiwan":false,"practical_assessment":true}"#,
        );
        let left = resume(
            r#"{"status":"migrant_worker","years_in_taiwan":11.5,"left_taiwan":true,"practical_assessment":true}"#,
        );
        assert!(!mid_level_technical(&stayed, offer(35_000)).eligible);
        assert!(mid_level_technical(&left, offer(35_000)).eligible);
    }

    #[test]
    fn overseas_students_need_a_taiwanese_degree_and_have_a_first_hire_floor() {
        let student = resume(
            r#"{"status":"overseas_student","degree_in_taiwan":"associate","skills_licences":["丙級銲接"]}"#,
        );
        assert!(mid_level_technical(&student, offer(32_000)).eligible);
        let renewal = Offer { first_hire: false, ..offer(32_000) };
        assert!(
            !mid_level_technical(&student, renewal).eligible,
            "a renewal needs the ordinary floor"
        );
        let no_degree = resume(r#"{"status":"overseas_student","skills_licences":["丙級銲接"]}"#);
        assert!(!mid_level_technical(&no_degree, offer(40_000)).eligible);
    }

    #[test]
    fn others_do_not_qualify_and_annual_pay_can_replace_the_monthly_wage() {
        let citizen = resume(r#"{"status":"citizen"}"#);
        assert!(!mid_level_technical(&citizen, offer(60_000)).eligible);
        let newcomer =
            resume(r#"{"status":"migrant_worker","continuous_years":2,"training_hours":0}"#);
        assert!(!mid_level_technical(&newcomer, offer(60_000)).eligible);
        let worker = resume(
            r#"{"status":"migrant_worker","continuous_years":6,"skills_licences":["乙級電腦輔助機械製圖"]}"#,
        );
        let annual = Offer { annual_pay: Some(520_000), ..offer(30_000) };
        assert!(mid_level_technical(&worker, annual).eligible);
        let missing = parse_resume(r#"{"id":"c","headline":"x"}"#).unwrap();
        assert!(!mid_level_technical(&missing, offer(40_000)).eligible);
    }
}
