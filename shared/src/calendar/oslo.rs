//! CAL-5: the date in Norway at an instant.

use chrono::{DateTime, NaiveDate, Utc};

/// CAL-5: the Europe/Oslo calendar date at a UTC instant. The edge runs in
/// UTC; at 23:30 UTC on 31 Dec it is already 1 Jan in Oslo.
pub fn oslo_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&chrono_tz::Europe::Oslo).date_naive()
}

/// CAL-5: [`oslo_date`] for a Unix timestamp in milliseconds (what a browser's
/// `Date.now()` or a Worker's clock gives). `None` when out of range.
pub fn oslo_date_from_millis(ms: i64) -> Option<NaiveDate> {
    DateTime::<Utc>::from_timestamp_millis(ms).map(oslo_date)
}
