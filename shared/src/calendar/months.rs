//! CAL-4, CAL-6 and CAL-8: calendar days, month ends and months and years
//! added to a date.

use chrono::{Datelike, Months, NaiveDate};

use super::CalendarError;
use super::tables::checked;

/// CAL-4: `n` calendar days after `date`, without roll-forward.
pub fn add_days(date: NaiveDate, n: i64) -> Result<NaiveDate, CalendarError> {
    let out = date
        .checked_add_signed(chrono::TimeDelta::try_days(n).ok_or(CalendarError::Overflow)?)
        .ok_or(CalendarError::Overflow)?;
    checked(out)?;
    Ok(out)
}

/// CAL-8: the same day-number `n` months later, or that month's last day when
/// the day does not exist (31 Aug + 6 months = 28/29 Feb).
pub fn add_months(date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
    let out = date
        .checked_add_months(Months::new(n))
        .ok_or(CalendarError::Overflow)?;
    checked(out)?;
    Ok(out)
}

/// CAL-8 backwards: the same day-number `n` months earlier, or that month's
/// last day (31 May − 1 month = 30 Apr).
pub fn sub_months(date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
    let out = date
        .checked_sub_months(Months::new(n))
        .ok_or(CalendarError::Overflow)?;
    checked(out)?;
    Ok(out)
}

/// CAL-8: `n` years later by the same rule (29 Feb + 1 year = 28 Feb).
pub fn add_years(date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
    add_months(date, n.checked_mul(12).ok_or(CalendarError::Overflow)?)
}

/// CAL-6: the last day of `date`'s month — the last day of the old state when
/// a change takes effect at the month boundary.
pub fn last_day_of_month(date: NaiveDate) -> Result<NaiveDate, CalendarError> {
    let next = first_of_next_month(date)?;
    let out = next.pred_opt().ok_or(CalendarError::Overflow)?;
    Ok(out)
}

/// CAL-6: the 1st of the month after `date` — when a change "at the month
/// boundary" takes effect.
pub fn first_of_next_month(date: NaiveDate) -> Result<NaiveDate, CalendarError> {
    checked(date)?;
    let (y, m) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    let out = NaiveDate::from_ymd_opt(y, m, 1).ok_or(CalendarError::Overflow)?;
    checked(out)?;
    Ok(out)
}
