//! CAL-1: the twelve public holidays and Easter.

use chrono::NaiveDate;
use serde::Serialize;

use super::tables::{TABLES, checked, easter, from_day, year_index};
use super::{CalendarError, MIN_DATE};

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
