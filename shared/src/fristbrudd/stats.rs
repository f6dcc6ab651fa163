//! FB-11: service-level figures, per case and per month.

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use super::deadlines::SERVICE_LIMIT_WORKING_DAYS;
use crate::calendar;

/// FB-11: one case's figures for the service-level dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceFigures {
    /// Working days from notification to first outcome.
    pub working_days: i64,
    /// Whether that is within the FB-11 limit.
    pub within_limit: bool,
}

/// FB-11: working days from `notified` to `first_outcome`, and whether that
/// is within the 10-working-day limit.
pub fn service_figures(notified: NaiveDate, first_outcome: NaiveDate) -> Option<ServiceFigures> {
    let wd = calendar::working_days_between(notified, first_outcome).ok()?;
    Some(ServiceFigures {
        working_days: wd,
        within_limit: wd <= i64::from(SERVICE_LIMIT_WORKING_DAYS),
    })
}

/// FB-11: the service-level figures of one month of notifications.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthStats {
    /// `YYYY-MM`.
    pub month: String,
    /// Cases notified in the month.
    pub cases: u32,
    /// Of those, cases that have reached a first outcome.
    pub with_outcome: u32,
    /// Of those, cases whose first outcome came within the limit.
    pub within_limit: u32,
    /// Mean working days from notification to first outcome.
    pub mean_working_days: Option<f64>,
}

/// FB-11: per month, from (notified on, first outcome on) pairs, oldest
/// month first.
pub fn monthly_stats(cases: &[(NaiveDate, Option<NaiveDate>)]) -> Vec<MonthStats> {
    use chrono::Datelike;
    let mut months: std::collections::BTreeMap<(i32, u32), (u32, u32, u32, i64)> =
        Default::default();
    for (notified, outcome) in cases {
        let m = months
            .entry((notified.year(), notified.month()))
            .or_default();
        m.0 += 1;
        if let Some(f) = outcome.and_then(|o| service_figures(*notified, o)) {
            m.1 += 1;
            m.2 += u32::from(f.within_limit);
            m.3 += f.working_days;
        }
    }
    months
        .into_iter()
        .map(
            |((y, mo), (cases, with_outcome, within_limit, days))| MonthStats {
                month: format!("{y:04}-{mo:02}"),
                cases,
                with_outcome,
                within_limit,
                mean_working_days: (with_outcome > 0)
                    .then(|| days as f64 / f64::from(with_outcome)),
            },
        )
        .collect()
}
