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

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use serde::Serialize;

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

const YEARS: usize = (MAX_YEAR - MIN_YEAR + 1) as usize;

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

/// The twelve Norwegian public holidays of CAL-1 (helligdager and
/// høytidsdager). Two of them can fall on the same date (17 May on Whit
/// Sunday, 1 May on Ascension Day); each keeps its own name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, strum::EnumIter)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    /// 1 January.
    NewYearsDay,
    /// Skjærtorsdag, the Thursday before Easter.
    MaundyThursday,
    /// Langfredag.
    GoodFriday,
    /// Første påskedag.
    EasterSunday,
    /// Andre påskedag.
    EasterMonday,
    /// 1 May.
    LabourDay,
    /// 17 May.
    ConstitutionDay,
    /// Kristi himmelfartsdag, 39 days after Easter.
    AscensionDay,
    /// Første pinsedag, 49 days after Easter.
    WhitSunday,
    /// Andre pinsedag.
    WhitMonday,
    /// 25 December.
    ChristmasDay,
    /// 26 December.
    BoxingDay,
}

impl Holiday {
    /// All twelve, in the order they fall in a year when none coincide.
    pub const ALL: [Holiday; 12] = [
        Holiday::NewYearsDay,
        Holiday::MaundyThursday,
        Holiday::GoodFriday,
        Holiday::EasterSunday,
        Holiday::EasterMonday,
        Holiday::LabourDay,
        Holiday::ConstitutionDay,
        Holiday::AscensionDay,
        Holiday::WhitSunday,
        Holiday::WhitMonday,
        Holiday::ChristmasDay,
        Holiday::BoxingDay,
    ];

    /// The Norwegian (bokmål) name.
    pub const fn name_nb(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "Første nyttårsdag",
            Holiday::MaundyThursday => "Skjærtorsdag",
            Holiday::GoodFriday => "Langfredag",
            Holiday::EasterSunday => "Første påskedag",
            Holiday::EasterMonday => "Andre påskedag",
            Holiday::LabourDay => "Offentlig høytidsdag (1. mai)",
            Holiday::ConstitutionDay => "Grunnlovsdag",
            Holiday::AscensionDay => "Kristi himmelfartsdag",
            Holiday::WhitSunday => "Første pinsedag",
            Holiday::WhitMonday => "Andre pinsedag",
            Holiday::ChristmasDay => "Første juledag",
            Holiday::BoxingDay => "Andre juledag",
        }
    }

    /// The Norwegian (nynorsk) name.
    pub const fn name_nn(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "Første nyttårsdag",
            Holiday::MaundyThursday => "Skjærtorsdag",
            Holiday::GoodFriday => "Langfredag",
            Holiday::EasterSunday => "Første påskedag",
            Holiday::EasterMonday => "Andre påskedag",
            Holiday::LabourDay => "Offentleg høgtidsdag (1. mai)",
            Holiday::ConstitutionDay => "Grunnlovsdagen",
            Holiday::AscensionDay => "Kristi himmelfartsdag",
            Holiday::WhitSunday => "Første pinsedag",
            Holiday::WhitMonday => "Andre pinsedag",
            Holiday::ChristmasDay => "Første juledag",
            Holiday::BoxingDay => "Andre juledag",
        }
    }

    /// The English name.
    pub const fn name_en(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "New Year's Day",
            Holiday::MaundyThursday => "Maundy Thursday",
            Holiday::GoodFriday => "Good Friday",
            Holiday::EasterSunday => "Easter Sunday",
            Holiday::EasterMonday => "Easter Monday",
            Holiday::LabourDay => "Labour Day",
            Holiday::ConstitutionDay => "Constitution Day",
            Holiday::AscensionDay => "Ascension Day",
            Holiday::WhitSunday => "Whit Sunday",
            Holiday::WhitMonday => "Whit Monday",
            Holiday::ChristmasDay => "Christmas Day",
            Holiday::BoxingDay => "Boxing Day",
        }
    }

    /// The date of this holiday in `year`, or `OutOfRange` outside 1947–2199.
    pub fn date(self, year: i32) -> Result<NaiveDate, CalendarError> {
        let idx = year_index(year).ok_or(CalendarError::OutOfRange(
            NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(MIN_DATE),
        ))?;
        Ok(from_day(TABLES.holiday_days[idx][self as usize]))
    }
}

/// CAL-1: Easter Sunday by the Gregorian computus, for any year from 1583
/// (the computus itself is not limited to the calendar's range; the
/// holidays derived from it are).
///
/// ```
/// use frist_domain::calendar::easter_sunday;
/// assert_eq!(easter_sunday(2285).unwrap().to_string(), "2285-03-22"); // earliest possible
/// assert_eq!(easter_sunday(2038).unwrap().to_string(), "2038-04-25"); // latest possible
/// ```
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    if year < 1583 {
        return None;
    }
    let (m, d) = easter(year);
    NaiveDate::from_ymd_opt(year, m, d)
}

/// A holiday on its date in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HolidayDate {
    /// The day.
    pub date: NaiveDate,
    /// Which holiday it is.
    pub holiday: Holiday,
}

/// CAL-1: the twelve public holidays of `year`, sorted by date (holidays that
/// share a date keep the order of [`Holiday::ALL`]).
///
/// ```
/// use frist_domain::calendar::{holidays, Holiday};
/// let h = holidays(2008).unwrap();
/// // In 2008 Easter came early (23 March) and 1 May was also Ascension Day.
/// assert!(h.iter().any(|d| d.holiday == Holiday::AscensionDay && d.date.to_string() == "2008-05-01"));
/// ```
pub fn holidays(year: i32) -> Result<[HolidayDate; 12], CalendarError> {
    let mut out = [HolidayDate {
        date: MIN_DATE,
        holiday: Holiday::NewYearsDay,
    }; 12];
    for (slot, h) in out.iter_mut().zip(Holiday::ALL) {
        *slot = HolidayDate {
            date: h.date(year)?,
            holiday: h,
        };
    }
    out.sort_by_key(|h| (h.date, h.holiday));
    Ok(out)
}

/// CAL-1: the holidays that fall on `date` (none, one or two).
pub fn holidays_on(date: NaiveDate) -> Result<impl Iterator<Item = Holiday>, CalendarError> {
    let (day, idx) = checked(date)?;
    let days = TABLES.holiday_days[idx];
    Ok(Holiday::ALL
        .into_iter()
        .filter(move |h| days[*h as usize] == day))
}

/// CAL-1: whether `date` is a public holiday.
pub fn is_holiday(date: NaiveDate) -> Result<bool, CalendarError> {
    let (day, idx) = checked(date)?;
    Ok(TABLES.holiday_days[idx].contains(&day))
}

/// Whether frist's calendar covers `date` ([`MIN_DATE`] to [`MAX_DATE`]).
pub fn in_range(date: NaiveDate) -> bool {
    (MIN_DATE..=MAX_DATE).contains(&date)
}

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

/// CAL-4: `n` calendar days after `date`, without roll-forward.
pub fn add_days(date: NaiveDate, n: i64) -> Result<NaiveDate, CalendarError> {
    let out = date
        .checked_add_signed(chrono::TimeDelta::try_days(n).ok_or(CalendarError::Overflow)?)
        .ok_or(CalendarError::Overflow)?;
    checked(out)?;
    Ok(out)
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

/// Formats a date the Norwegian way, `dd.mm.åååå`.
pub fn format_nb(date: NaiveDate) -> String {
    format!("{:02}.{:02}.{:04}", date.day(), date.month(), date.year())
}

/// Parses `dd.mm.åååå` (also `d.m.åååå`) or ISO `åååå-mm-dd`: digits
/// only, four of them for the year (found by fuzzing: `-1-1-1` once read
/// as the year −1).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    fn number(part: &str, len: std::ops::RangeInclusive<usize>) -> Option<u32> {
        (len.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    }
    // The common case, `dd.mm.åååå`, without splitting.
    if let &[d1, d2, b'.', m1, m2, b'.', y1, y2, y3, y4] = text.as_bytes() {
        let digits = [d1, d2, m1, m2, y1, y2, y3, y4];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |a: u8, b: u8| u32::from(a - b'0') * 10 + u32::from(b - b'0');
            let year = n(y1, y2) * 100 + n(y3, y4);
            return NaiveDate::from_ymd_opt(year as i32, n(m1, m2), n(d1, d2));
        }
    }
    let t = text.trim();
    let (sep, iso) = if t.contains('-') {
        ('-', true)
    } else {
        ('.', false)
    };
    let mut parts = t.split(sep);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (y, m, d) = if iso {
        (number(a, 4..=4)?, number(b, 2..=2)?, number(c, 2..=2)?)
    } else {
        (number(c, 4..=4)?, number(b, 1..=2)?, number(a, 1..=2)?)
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

// --- the arithmetic ---------------------------------------------------------
//
// A date is carried as a day number: days since Monday 30 December 1946, the
// Monday on or before MIN_DATE. Weekdays are then `day % 7 < 5`.

const EPOCH_DAYS_FROM_CE: i32 = days_from_civil(1946, 12, 30);
const MAX_DAY: i32 = days_from_civil(MAX_YEAR, 12, 31) - EPOCH_DAYS_FROM_CE;

fn checked(date: NaiveDate) -> Result<(i32, usize), CalendarError> {
    let idx = year_index(date.year()).ok_or(CalendarError::OutOfRange(date))?;
    Ok((date.num_days_from_ce() - EPOCH_DAYS_FROM_CE, idx))
}

fn year_index(year: i32) -> Option<usize> {
    (MIN_YEAR..=MAX_YEAR)
        .contains(&year)
        .then(|| (year - MIN_YEAR) as usize)
}

fn from_day(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day + EPOCH_DAYS_FROM_CE).unwrap_or(MAX_DATE)
}

const fn is_weekday(day: i32) -> bool {
    day.rem_euclid(7) < 5
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

struct Tables {
    /// Day number of each holiday, indexed by year then `Holiday as usize`.
    holiday_days: [[i32; 12]; YEARS],
    /// Day number of 1 January.
    year_start: [i32; YEARS],
}

static TABLES: Tables = build_tables();

/// Gregorian computus (the anonymous "Meeus/Jones/Butcher" algorithm):
/// the (month, day) of Easter Sunday.
const fn easter(year: i32) -> (u32, u32) {
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

    /// CAL-3: the table agrees with a walk over every day of the range, both
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
