//! Pieces shared by job postings and résumés.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::level::Level;

/// A problem with one field: its dotted path (`salary.min`, `skills[2].id`) and what was
/// expected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Dotted path of the field, empty for the whole object.
    pub field: String,
    /// What is wrong and what was expected.
    pub message: String,
}

impl FieldError {
    pub(crate) fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError { field: field.into(), message: message.into() }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(formatter, "{}", self.message)
        } else {
            write!(formatter, "field `{}`: {}", self.field, self.message)
        }
    }
}

/// A skill given by canonical `id` or by `name` in any script (resolved through the
/// taxonomy; kept as free text when it resolves to nothing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillRef {
    /// Canonical skill id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Name as written, when no id is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// On postings: whether the skill is required (true) or preferred (false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
}

/// A certification a posting asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificationRequirement {
    /// Canonical certification id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Name as written, when no id is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Lowest level that satisfies the requirement; any level when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_level: Option<Level>,
    /// Required (true) or preferred (false); required when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
}

/// A certification a candidate holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeldCertification {
    /// Canonical certification id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Name as written, when no id is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Level held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Certificate number (personal data: shown only where the résumé's visibility allows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Date of issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Date>,
    /// Date of expiry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<Date>,
}

/// Where a job is, or where a candidate lives.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// City or county, such as 臺北市 or San Jose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Postings: remote work possible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote: Option<bool>,
    /// Résumés: willing to relocate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub willing_to_relocate: Option<bool>,
}

/// How often a salary is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SalaryPeriod {
    /// Per hour.
    Hour,
    /// Per month (the default).
    Month,
    /// Per year.
    Year,
}

/// A salary range; integer money in `currency` (TWD when absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Salary {
    /// Lower bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// Upper bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// Period; monthly when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<SalaryPeriod>,
    /// ISO 4217 code; TWD when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

impl Salary {
    pub(crate) fn validate(&self, field: &str, errors: &mut Vec<FieldError>) {
        for (name, value) in [("min", self.min), ("max", self.max)] {
            if value.is_some_and(|amount| amount < 0) {
                errors.push(FieldError::new(format!("{field}.{name}"), "must not be negative"));
            }
        }
        if let (Some(min), Some(max)) = (self.min, self.max)
            && min > max
        {
            errors.push(FieldError::new(
                format!("{field}.max"),
                format!("the range is inverted: max {max} is below min {min}"),
            ));
        }
        if let Some(currency) = &self.currency
            && !(currency.len() == 3 && currency.bytes().all(|byte| byte.is_ascii_uppercase()))
        {
            errors.push(FieldError::new(
                format!("{field}.currency"),
                format!("expected a three-letter ISO 4217 code such as TWD, found `{currency}`"),
            ));
        }
    }
}

/// A language and how well it is spoken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageSkill {
    /// Language code, such as `zh`, `en`, `vi`.
    pub lang: String,
    /// `native`, `fluent`, `business`, `conversational` or `basic`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<LanguageLevel>,
}

/// How well a language is spoken, highest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LanguageLevel {
    /// Mother tongue.
    Native,
    /// Fluent.
    Fluent,
    /// Good enough for business.
    Business,
    /// Everyday conversation.
    Conversational,
    /// Basic.
    Basic,
}

/// A calendar date, ISO 8601 `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31 (valid for the month).
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking the day against the month.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year: u16 = text[0..4].parse().ok()?;
        let month: u8 = text[5..7].parse().ok()?;
        let day: u8 = text[8..10].parse().ok()?;
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&day).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (for fast fields and recency).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year =
            (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }
}

impl fmt::Display for Date {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid date `{text}`: expected an ISO 8601 date such as 2026-11-21"
            ))
        })
    }
}

/// A year and month, ISO 8601 `YYYY-MM` (a full date is accepted and its day dropped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// Year.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
}

impl YearMonth {
    /// Parses `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<YearMonth> {
        if text.len() == 10 {
            let date = Date::parse(text)?;
            return Some(YearMonth { year: date.year, month: date.month });
        }
        let bytes = text.as_bytes();
        if bytes.len() != 7 || bytes[4] != b'-' {
            return None;
        }
        let year: u16 = text[0..4].parse().ok()?;
        let month: u8 = text[5..7].parse().ok()?;
        (1..=12).contains(&month).then_some(YearMonth { year, month })
    }

    /// Months since year 0, for durations.
    pub fn months(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        YearMonth::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid month `{text}`: expected YYYY-MM such as 2019-07"
            ))
        })
    }
}

/// Checks that a required text is present and not blank.
pub(crate) fn require_text(value: &str, field: &str, errors: &mut Vec<FieldError>) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, "must not be empty"));
    }
}

/// Checks an id: 1–128 characters, no control characters or white space at the ends.
pub(crate) fn check_id(value: &str, field: &str, errors: &mut Vec<FieldError>) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, "must not be empty"));
    } else if value.chars().count() > 128 {
        errors.push(FieldError::new(field, "must be at most 128 characters"));
    } else if value.chars().any(char::is_control) || value.trim() != value {
        errors.push(FieldError::new(
            field,
            "must not contain control characters or surrounding white space",
        ));
    }
}

/// Checks that a skill or certification reference has an id or a name.
pub(crate) fn check_reference(
    id: &Option<String>,
    name: &Option<String>,
    field: &str,
    errors: &mut Vec<FieldError>,
) {
    let blank = |value: &Option<String>| value.as_deref().is_none_or(|text| text.trim().is_empty());
    if blank(id) && blank(name) {
        errors.push(FieldError::new(field, "needs an `id` or a `name`"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_check_the_calendar() {
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2026-11-31").is_none());
        assert!(Date::parse("2026-1-01").is_none());
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(Date::parse("2026-11-21").unwrap().days_since_epoch(), 20_778);
        assert_eq!(YearMonth::parse("2019-07-15"), Some(YearMonth { year: 2019, month: 7 }));
        assert!(YearMonth::parse("2019-00").is_none());
    }
}
