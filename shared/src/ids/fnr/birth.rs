//! ID-1 and ID-2 on a number's date: the offsets of its day and month
//! fields, the century from the individual number, and dates as comparable
//! keys. `classify_key` (in the parent) reads them in one piece: split into
//! steps, the check ran 8 % slower (`make bench`).

use chrono::{Datelike, NaiveDate};

/// ID-2: a D-number adds this to the day.
pub(super) const D_NUMBER_DAY_OFFSET: u8 = 40;
/// ID-2: an H-number (and NAV's synthetic persons) adds this to the month.
pub(super) const H_NUMBER_MONTH_OFFSET: u8 = 40;
/// ID-2: Skatteetaten's Tenor test identities add this to the month.
pub(super) const TENOR_MONTH_OFFSET: u8 = 80;

/// A calendar date as one comparable number (`yyyy·512 + mm·32 + dd`), so
/// the checks below need no calendar type; `None` when there is no such day.
pub(super) fn date_key(year: u32, month: u32, day: u32) -> Option<u32> {
    const DAYS: [u32; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut last = DAYS.get(month as usize).copied().unwrap_or(0);
    // Whether the year is a leap year matters only for 29 February.
    if month == 2 && day == 29 {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        last += u32::from(leap);
    }
    (1..=last)
        .contains(&day)
        .then_some(year << 9 | month << 5 | day)
}

/// The date a [`date_key`] stands for.
pub(super) fn from_key(key: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt((key >> 9) as i32, key >> 5 & 15, key & 31)
}

/// A date as a [`date_key`].
pub(super) fn key_of(date: NaiveDate) -> u32 {
    date.year_ce().1 << 9 | date.month() << 5 | date.day()
}

/// ID-1: the century from the individual number and the two-digit year:
///
/// | individual | YY 00–39 | YY 40–53 | YY 54–99 |
/// |---|---|---|---|
/// | 000–499 | 1900 | 1900 | 1900 |
/// | 500–749 | 2000 | — | 1800 |
/// | 750–899 | 2000 | — | — |
/// | 900–999 | 2000 | 1900 | 1900 |
///
/// Looked up rather than matched: which row a number falls in is as good as
/// random, and a lookup has no branch to mispredict.
pub(super) fn standard_century(individual: u32, yy: u32) -> Option<u32> {
    const CENTURY: [[u16; 3]; 4] = [
        [1900, 1900, 1900],
        [2000, 0, 1800],
        [2000, 0, 0],
        [2000, 1900, 1900],
    ];
    let row = usize::from(individual >= 500)
        + usize::from(individual >= 750)
        + usize::from(individual >= 900);
    let column = usize::from(yy >= 40) + usize::from(yy >= 54);
    match CENTURY[row][column] {
        0 => None,
        century => Some(u32::from(century)),
    }
}

/// ID-2: the extended D-number series (in production since 16 Nov 2021).
pub(super) fn extended_d_century(individual: u32, yy: u32) -> Option<u32> {
    match individual {
        500..=599 if yy >= 58 => Some(1800),
        0..=199 if yy <= 39 => Some(1900),
        0..=499 | 600..=999 if yy >= 40 => Some(1900),
        200..=999 if yy <= 39 => Some(2000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ID-1: the century table as the rule reads (Skatteetaten's ranges).
    #[test]
    fn id_1_century_table_follows_the_ranges() {
        let rule = |individual: u32, yy: u32| match individual {
            0..=499 => Some(1900),
            500..=749 if yy >= 54 => Some(1800),
            500..=999 if yy <= 39 => Some(2000),
            900..=999 if yy >= 40 => Some(1900),
            _ => None,
        };
        for individual in 0..1000 {
            for yy in 0..100 {
                assert_eq!(
                    standard_century(individual, yy),
                    rule(individual, yy),
                    "{individual} {yy}"
                );
            }
        }
    }

    /// The birth-date check's date keys agree with chrono on every day,
    /// 29 February of 1900 and 2000 included, and order as dates do.
    #[test]
    fn date_keys_agree_with_chrono() {
        let mut last = 0;
        for year in 1854..=2039 {
            for month in 1..=12 {
                for day in 0..=32 {
                    let key = date_key(year, month, day);
                    let date = NaiveDate::from_ymd_opt(year as i32, month, day);
                    assert_eq!(key.and_then(from_key), date, "{year}-{month}-{day}");
                    assert_eq!(key.is_some(), date.is_some(), "{year}-{month}-{day}");
                    if let (Some(k), Some(d)) = (key, date) {
                        assert!(k > last);
                        assert_eq!(key_of(d), k);
                        last = k;
                    }
                }
            }
        }
    }
}
