//! The clocks of a claim: when it must be sent (FK-2), when Helfo pays
//! (FK-3) and when a payout is time-barred (FK-6).

use chrono::NaiveDate;

use crate::calendar;
use crate::calendar::CalendarError;

/// FK-2: months after the HF became aware of a claim to send it.
pub const SUBMIT_MONTHS: u32 = 6;
/// FK-3: calendar days from receipt to Helfo's payment.
pub const PAYMENT_DAYS: i64 = 30;
/// FK-6: years from payout (or refund) to the time bar.
pub const BAR_YEARS: u32 = 3;

/// FK-2: the last day to send a claim the HF became aware of on `aware`:
/// aware + 6 months (CAL-8), rolled forward (CAL-7). Seed 002 § 2.2:
/// «senest innen 6 – seks – måneder etter at HF ble oppmerksom på
/// refusjonskravet».
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::frikort::submission_deadline;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(submission_deadline(d(2026, 1, 31)), Ok(d(2026, 7, 31)));
/// // 17 May 2026 is a Sunday and Constitution Day: Monday the 18th.
/// assert_eq!(submission_deadline(d(2025, 11, 17)), Ok(d(2026, 5, 18)));
/// ```
pub fn submission_deadline(aware: NaiveDate) -> Result<NaiveDate, CalendarError> {
    calendar::roll_forward(calendar::add_months(aware, SUBMIT_MONTHS)?)
}

/// FK-3: Helfo pays by received + 30 days, rolled forward. Seed 002 § 3:
/// «senest innen 30 dager etter at HELFO har mottatt refusjonskravet».
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::frikort::payment_due;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // Received Friday 20 March 2026: 19 April is a Sunday, so Monday 20 April.
/// assert_eq!(payment_due(d(2026, 3, 20)), Ok(d(2026, 4, 20)));
/// ```
pub fn payment_due(received: NaiveDate) -> Result<NaiveDate, CalendarError> {
    calendar::roll_forward(calendar::add_days(received, PAYMENT_DAYS)?)
}

/// FK-6: the bar date of a line paid out on `payout` (and of Helfo's
/// repayment claim for a refund paid on that day): payout + 3 years,
/// rolled forward. Received on the bar date itself is still in time. Seed
/// 002 § 6: «foreldes 3 – tre - år etter at fordringen oppstod (dato for
/// utbetaling av frikortandel …)».
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::frikort::time_bar;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(time_bar(d(2026, 3, 20)), Ok(d(2029, 3, 20)));
/// // 29 February + 3 years is 28 February (CAL-8).
/// assert_eq!(time_bar(d(2028, 2, 29)), Ok(d(2031, 2, 28)));
/// ```
pub fn time_bar(payout: NaiveDate) -> Result<NaiveDate, CalendarError> {
    calendar::roll_forward(calendar::add_years(payout, BAR_YEARS)?)
}
