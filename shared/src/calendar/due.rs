//! How a deadline stands on a given day.

use chrono::NaiveDate;
use serde::Serialize;

/// How a deadline stands on a day, for the tag shown beside it: overdue
/// deadlines stand out and sort first, and the near ones are named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "due", content = "days", rename_all = "snake_case")]
pub enum Due {
    /// Passed `days` calendar days ago (at least 1).
    Overdue(u32),
    /// Today is the last day.
    Today,
    /// Tomorrow is the last day.
    Tomorrow,
    /// In 2 to 7 days: this week.
    ThisWeek(u32),
    /// Further away; no tag.
    Later,
}

/// [`Due`] of `deadline` on `today`.
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::calendar::{Due, due};
/// let d = |s: &str| s.parse::<NaiveDate>().unwrap();
/// // "Helfo kontakter pasienten innen 20.11.2026", read on 5 December.
/// assert_eq!(due(d("2026-11-20"), d("2026-12-05")), Due::Overdue(15));
/// assert_eq!(due(d("2026-12-06"), d("2026-12-05")), Due::Tomorrow);
/// assert_eq!(due(d("2026-12-12"), d("2026-12-05")), Due::ThisWeek(7));
/// assert_eq!(due(d("2026-12-13"), d("2026-12-05")), Due::Later);
/// ```
pub fn due(deadline: NaiveDate, today: NaiveDate) -> Due {
    let days = (deadline - today).num_days();
    match days {
        ..0 => Due::Overdue(u32::try_from(-days).unwrap_or(u32::MAX)),
        0 => Due::Today,
        1 => Due::Tomorrow,
        2..=7 => Due::ThisWeek(u32::try_from(days).unwrap_or(7)),
        _ => Due::Later,
    }
}
