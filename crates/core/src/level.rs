//! Certification levels: 初級 < 中級 < 高級.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An iPAS certification level. A held level satisfies any lower requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 初級 (L1).
    Beginner,
    /// 中級 (L2).
    Intermediate,
    /// 高級 (L3).
    Advanced,
}

impl Level {
    /// All levels, lowest first.
    pub const ALL: [Level; 3] = [Level::Beginner, Level::Intermediate, Level::Advanced];

    /// The wire name: `beginner`, `intermediate` or `advanced`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }

    /// The Traditional Chinese name: 初級, 中級 or 高級.
    pub fn zh_hant(self) -> &'static str {
        match self {
            Level::Beginner => "初級",
            Level::Intermediate => "中級",
            Level::Advanced => "高級",
        }
    }

    /// Parses any accepted spelling: the wire name, 初級/中級/高級 in either script,
    /// L1–L3 or 1–3.
    pub fn parse_any(text: &str) -> Option<Level> {
        let lower = text.trim().to_lowercase();
        let level = match lower.as_str() {
            "beginner" | "初級" | "初级" | "l1" | "1" | "basic" | "elementary" => {
                Level::Beginner
            }
            "intermediate" | "中級" | "中级" | "l2" | "2" => Level::Intermediate,
            "advanced" | "高級" | "高级" | "l3" | "3" => Level::Advanced,
            _ => return None,
        };
        Some(level)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Self, Self::Err> {
        Level::parse_any(text).ok_or_else(|| {
            format!("unknown level `{text}`: expected beginner, intermediate or advanced (初級/中級/高級)")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_and_parses_levels() {
        assert!(Level::Beginner < Level::Intermediate && Level::Intermediate < Level::Advanced);
        assert_eq!("中級".parse::<Level>(), Ok(Level::Intermediate));
        assert_eq!("L3".parse::<Level>(), Ok(Level::Advanced));
        assert!("expert".parse::<Level>().is_err());
    }
}
