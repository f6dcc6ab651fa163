//! The day numbers under every calendar rule: each year's first day and
//! holidays, computed at compile time for 1947–2199.

use chrono::{Datelike, NaiveDate};

use super::{CalendarError, MAX_DATE, MAX_YEAR, MIN_YEAR};

/// The number of years the calendar covers.
pub(super) const YEARS: usize = (MAX_YEAR - MIN_YEAR + 1) as usize;

// --- the arithmetic ---------------------------------------------------------
//
// A date is carried as a day number: days since Monday 30 December 1946, the
// Monday on or before MIN_DATE. Weekdays are then `day % 7 < 5`.

pub(super) const EPOCH_DAYS_FROM_CE: i32 = days_from_civil(1946, 12, 30);
pub(super) const MAX_DAY: i32 = days_from_civil(MAX_YEAR, 12, 31) - EPOCH_DAYS_FROM_CE;

pub(super) fn checked(date: NaiveDate) -> Result<(i32, usize), CalendarError> {
    let idx = year_index(date.year()).ok_or(CalendarError::OutOfRange(date))?;
    Ok((date.num_days_from_ce() - EPOCH_DAYS_FROM_CE, idx))
}

pub(super) fn year_index(year: i32) -> Option<usize> {
    (MIN_YEAR..=MAX_YEAR)
        .contains(&year)
        .then(|| (year - MIN_YEAR) as usize)
}

pub(super) fn from_day(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day + EPOCH_DAYS_FROM_CE).unwrap_or(MAX_DATE)
}

pub(super) const fn is_weekday(day: i32) -> bool {
    day.rem_euclid(7) < 5
}

pub(super) struct Tables {
    /// Day number of each holiday, indexed by year then `Holiday as usize`.
    pub(super) holiday_days: [[i32; 12]; YEARS],
    /// Day number of 1 January.
    pub(super) year_start: [i32; YEARS],
}

pub(super) static TABLES: Tables = build_tables();

/// Gregorian computus (the anonymous "Meeus/Jones/Butcher" algorithm):
/// the (month, day) of Easter Sunday.
pub(super) const fn easter(year: i32) -> (u32, u32) {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    (month as u32, day as u32)
}

/// Days from 1 Jan of year 1 (CE day 1), as chrono's `num_days_from_ce`.
const fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    // Howard Hinnant's days_from_civil, shifted to chrono's CE numbering.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i32 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468 + 719_163
}

const fn build_tables() -> Tables {
    let mut t = Tables {
        holiday_days: [[0; 12]; YEARS],
        year_start: [0; YEARS],
    };
    let mut i = 0;
    while i < YEARS {
        let y = MIN_YEAR + i as i32;
        let (em, ed) = easter(y);
        let e = days_from_civil(y, em, ed) - EPOCH_DAYS_FROM_CE;
        let days = [
            days_from_civil(y, 1, 1) - EPOCH_DAYS_FROM_CE,
            e - 3,
            e - 2,
            e,
            e + 1,
            days_from_civil(y, 5, 1) - EPOCH_DAYS_FROM_CE,
            days_from_civil(y, 5, 17) - EPOCH_DAYS_FROM_CE,
            e + 39,
            e + 49,
            e + 50,
            days_from_civil(y, 12, 25) - EPOCH_DAYS_FROM_CE,
            days_from_civil(y, 12, 26) - EPOCH_DAYS_FROM_CE,
        ];
        t.holiday_days[i] = days;
        t.year_start[i] = days[0];
        i += 1;
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::MIN_DATE;
    use chrono::Weekday;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn epoch_is_a_monday() {
        assert_eq!(from_day(0), d("1946-12-30"));
        assert_eq!(from_day(0).weekday(), Weekday::Mon);
        assert_eq!(
            from_day(days_from_civil(MIN_YEAR, 1, 1) - EPOCH_DAYS_FROM_CE),
            MIN_DATE
        );
        assert_eq!(from_day(MAX_DAY), MAX_DATE);
    }
}
