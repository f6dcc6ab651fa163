//! Lists a page at a time.

use serde::{Deserialize, Serialize};

use crate::validation::{Issue, IssueCode};

/// `next_cursor` as `?cursor=` for the next page. `None` on the last page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    /// This page's items.
    pub items: Vec<T>,
    /// Where the next page starts; `None` on the last.
    pub next_cursor: Option<String>,
}

/// Page sizes: default and largest.
pub const PAGE_DEFAULT: i64 = 50;
/// The largest page `?limit=` may ask for.
pub const PAGE_MAX: i64 = 200;

/// Reads `?limit=`: a whole number from 1 to [`PAGE_MAX`].
pub fn parse_limit(value: Option<&str>) -> Result<i64, Issue> {
    match value {
        None | Some("") => Ok(PAGE_DEFAULT),
        Some(v) => match v.parse::<i64>() {
            Ok(n) if (1..=PAGE_MAX).contains(&n) => Ok(n),
            _ => Err(Issue::error("limit", IssueCode::NumberOutOfRange)
                .with("min", 1i64)
                .with("max", PAGE_MAX)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_checked() {
        assert_eq!(parse_limit(None), Ok(PAGE_DEFAULT));
        assert_eq!(parse_limit(Some("5")), Ok(5));
        assert_eq!(
            parse_limit(Some("0")).unwrap_err().code,
            IssueCode::NumberOutOfRange
        );
        assert!(parse_limit(Some("201")).is_err());
        assert!(parse_limit(Some("ti")).is_err());
    }
}
