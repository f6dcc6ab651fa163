//! Norwegian calendar arithmetic: public holidays, working days, month and
//! year arithmetic and deadline roll-forward (rules CAL-1 … CAL-8).
//!
//! Every function takes the dates it needs as arguments; nothing here reads the
//! clock. Dates outside [`MIN_DATE`]..=[`MAX_DATE`] are refused with
//! [`CalendarError::OutOfRange`] rather than guessed: the holiday list of CAL-1
//! has applied since 1947, and the tables below are built for 1947–2199.
//!
//! The working-day functions never walk day by day. Every working day of the
//! range is counted once, on first use, into a table of running counts and
//! its inverse, so adding 10 or 10,000 working days is the same two lookups
//! and never allocates.
//!
//! One concept per module: the holidays (`holiday.rs`), working days
//! (`working_days.rs`), calendar days, months and years (`months.rs`), the
//! date in Oslo (`oslo.rs`), how a deadline stands (`due.rs`), dates as
//! people type them (`text.rs`), and the day-number tables under them all
//! (`tables.rs`).

use chrono::NaiveDate;

mod due;
mod holiday;
mod months;
mod oslo;
mod tables;
mod text;
mod working_days;

pub use due::{Due, due};
pub use holiday::{Holiday, HolidayDate, easter_sunday, holidays, holidays_on, is_holiday};
pub use months::{
    add_days, add_months, add_years, first_of_next_month, last_day_of_month, sub_months,
};
pub use oslo::{oslo_date, oslo_date_from_millis};
pub use text::{format_nb, parse_date};
pub use working_days::{add_working_days, is_working_day, roll_forward, working_days_between};

/// First year the calendar answers for (CAL-1: 1 May and 17 May became public
/// holidays in 1947).
pub const MIN_YEAR: i32 = 1947;
/// Last year the calendar answers for.
pub const MAX_YEAR: i32 = 2199;
/// 1 January [`MIN_YEAR`].
pub const MIN_DATE: NaiveDate = match NaiveDate::from_ymd_opt(MIN_YEAR, 1, 1) {
    Some(d) => d,
    None => panic!("valid constant"),
};
/// 31 December [`MAX_YEAR`].
pub const MAX_DATE: NaiveDate = match NaiveDate::from_ymd_opt(MAX_YEAR, 12, 31) {
    Some(d) => d,
    None => panic!("valid constant"),
};

/// Why a calendar computation has no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The date, or the date a computation would land on, is outside 1947–2199.
    #[error("{0} is outside the supported calendar range 1947-01-01..=2199-12-31")]
    OutOfRange(NaiveDate),
    /// The result would be outside the range chrono can represent at all.
    #[error("the computed date is outside any supported range")]
    Overflow,
}

/// Whether frist's calendar covers `date` ([`MIN_DATE`] to [`MAX_DATE`]).
pub fn in_range(date: NaiveDate) -> bool {
    (MIN_DATE..=MAX_DATE).contains(&date)
}
