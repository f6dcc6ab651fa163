//! CAL-2, CAL-3 and CAL-7: working days, counted by table, and deadlines
//! rolled forward onto one.

use chrono::{Datelike, NaiveDate};

use super::tables::{MAX_DAY, TABLES, YEARS, checked, is_weekday, year_index};
use super::{CalendarError, MAX_DATE, MIN_YEAR};

/// CAL-2: Monday–Friday and not a public holiday. (**choice**: Saturdays are
/// not working days.)
pub fn is_working_day(date: NaiveDate) -> Result<bool, CalendarError> {
    let (day, idx) = checked(date)?;
    Ok(is_weekday(day) && !TABLES.holiday_days[idx].contains(&day))
}

/// CAL-3: the `n`-th working day strictly after `date` (`date` itself never
/// counts, even when it is a working day). `n = 0` gives `date` unchanged.
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::calendar::add_working_days;
/// let d = |s: &str| s.parse::<NaiveDate>().unwrap();
/// // Maundy Thursday 2024 is 28 March; Easter Monday 1 April.
/// assert_eq!(add_working_days(d("2024-03-27"), 1).unwrap(), d("2024-04-02"));
/// ```
pub fn add_working_days(date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
    let idx = year_index(date.year()).ok_or(CalendarError::OutOfRange(date))?;
    if n == 0 {
        return Ok(date);
    }
    let t = working_days();
    // The answer is the working day with `k` working days in [MIN_DATE, it].
    let k = t.upto(idx, date.ordinal()) as usize + n as usize;
    let (Some(&year), Some(&ordinal)) = (t.year_of.get(k - 1), t.ordinal_of.get(k - 1)) else {
        return Err(CalendarError::OutOfRange(MAX_DATE));
    };
    NaiveDate::from_yo_opt(MIN_YEAR + i32::from(year), u32::from(ordinal))
        .ok_or(CalendarError::Overflow)
}

/// CAL-3: the number of working days `d` with `from < d <= to` — the inverse of
/// [`add_working_days`]. Negative when `to` is before `from`.
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> Result<i64, CalendarError> {
    let count = |d: NaiveDate| {
        let idx = year_index(d.year()).ok_or(CalendarError::OutOfRange(d))?;
        Ok::<_, CalendarError>(i64::from(working_days().upto(idx, d.ordinal())))
    };
    Ok(count(to)? - count(from)?)
}

/// CAL-7: a deadline that ends on a Saturday, Sunday or public holiday moves
/// to the next working day (domstolloven § 149, foreldelsesloven § 29).
pub fn roll_forward(date: NaiveDate) -> Result<NaiveDate, CalendarError> {
    if is_working_day(date)? {
        Ok(date)
    } else {
        add_working_days(date, 1)
    }
}

/// CAL-3: every working day of 1947–2199 counted once, so that adding
/// working days is two lookups whatever `n` is. Built on first use from
/// [`TABLES`] (about 380 KB; a few milliseconds), not at compile time, so it
/// costs the app's download nothing.
struct WorkingDays {
    /// Working days in the years before each year.
    before_year: [u32; YEARS],
    /// Working days from 1 January to each ordinal day (inclusive), 366 a year.
    in_year: Vec<u16>,
    /// The year (index) and ordinal of the k-th working day, k from 1.
    year_of: Vec<u8>,
    ordinal_of: Vec<u16>,
}

impl WorkingDays {
    fn build() -> Self {
        let mut t = WorkingDays {
            before_year: [0; YEARS],
            in_year: vec![0; YEARS * 366],
            year_of: Vec::with_capacity(YEARS * 262),
            ordinal_of: Vec::with_capacity(YEARS * 262),
        };
        let mut total = 0u32;
        for idx in 0..YEARS {
            t.before_year[idx] = total;
            let start = TABLES.year_start[idx];
            let end = TABLES
                .year_start
                .get(idx + 1)
                .copied()
                .unwrap_or(MAX_DAY + 1);
            let mut count = 0u16;
            for (ordinal, day) in (1u16..).zip(start..end) {
                if is_weekday(day) && !TABLES.holiday_days[idx].contains(&day) {
                    count += 1;
                    // `idx` < YEARS = 253, so it fits a byte.
                    t.year_of.push(idx as u8);
                    t.ordinal_of.push(ordinal);
                }
                t.in_year[idx * 366 + usize::from(ordinal) - 1] = count;
            }
            total += u32::from(count);
        }
        t
    }

    /// Working days in [MIN_DATE, the `ordinal` day of year `idx`].
    fn upto(&self, idx: usize, ordinal: u32) -> u32 {
        self.before_year[idx] + u32::from(self.in_year[idx * 366 + ordinal as usize - 1])
    }
}

fn working_days() -> &'static WorkingDays {
    static DAYS: std::sync::OnceLock<WorkingDays> = std::sync::OnceLock::new();
    DAYS.get_or_init(WorkingDays::build)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{MAX_DATE, MIN_DATE};

    /// ways: the running count, and the k-th working day back from it.
    #[test]
    fn cal_3_the_working_day_table_counts_every_day_once() {
        let t = working_days();
        let mut count = 0u32;
        let mut date = MIN_DATE;
        while date <= MAX_DATE {
            let idx = year_index(date.year()).unwrap();
            if is_working_day(date).unwrap() {
                count += 1;
                let k = count as usize - 1;
                assert_eq!(usize::from(t.year_of[k]), idx, "{date}");
                assert_eq!(u32::from(t.ordinal_of[k]), date.ordinal(), "{date}");
            }
            assert_eq!(t.upto(idx, date.ordinal()), count, "{date}");
            date = date.succ_opt().unwrap();
        }
        assert_eq!(t.year_of.len(), count as usize);
    }
}
