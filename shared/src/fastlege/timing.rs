//! The date rules of a message: notice and termination (FL-1, CAL-6),
//! visibility (FL-4), expected registration (FL-5), the timing class (FL-6),
//! the chase (FL-7) and the timeline a message shows before it is sent.

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use crate::calendar;
use crate::calendar::CalendarError;

/// FL-1: the default notice period, in months from the 1st of the month
/// after the notice.
pub const NOTICE_MONTHS: u32 = 6;
/// FL-4: days before the start a message must be sent to be visible on
/// Helsenorge a month early (6 weeks).
pub const VISIBLE_DAYS: i64 = 42;
/// FL-5: working days from sending to the expected registration.
pub const PROCESSING_WORKING_DAYS: u32 = 2;
/// FL-6: the class-I margin before the termination date, in days.
pub const CLASS_I_DAYS: i64 = 14;
/// FL-1 (**choice**, a setting): the age at which a GP's agreement ends.
pub const AGE_LIMIT: u32 = 70;

/// FL-1: the last working day after a notice given on `notice`, with a
/// notice period of `months` counted from the 1st of the next month: notice
/// 7 Oct 2022, 6 months → 30 Apr 2023.
///
/// Seed 001, section 1: «Per Olsen … har i dag 7. oktober 2022 sagt opp
/// fastlegeavtalen … Siste arbeidsdag: 30. april 2023 (alternativt 6
/// måneders oppsigelsestid).»
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::fastlege::{last_working_day, termination_date};
/// let notice = NaiveDate::from_ymd_opt(2022, 10, 7).unwrap();
/// let last = last_working_day(notice, 6).unwrap();
/// assert_eq!(last, NaiveDate::from_ymd_opt(2023, 4, 30).unwrap());
/// // CAL-6: the agreement ends at the month boundary.
/// assert_eq!(termination_date(last).unwrap(), last);
/// ```
pub fn last_working_day(notice: NaiveDate, months: u32) -> Result<NaiveDate, CalendarError> {
    let start = calendar::first_of_next_month(notice)?;
    let end = calendar::add_months(start, months)?;
    end.pred_opt().ok_or(CalendarError::Overflow)
}

/// CAL-6: the termination date T of an agreement whose last working day is
/// `last_day`: the change happens at the month boundary, so T is the last
/// day of that month.
pub fn termination_date(last_day: NaiveDate) -> Result<NaiveDate, CalendarError> {
    calendar::last_day_of_month(last_day)
}

/// FL-5: the expected registration date R: sent + 2 working days (CAL-3).
pub fn expected_registration(sent: NaiveDate) -> Result<NaiveDate, CalendarError> {
    calendar::add_working_days(sent, PROCESSING_WORKING_DAYS)
}

/// FL-4: the latest day a message can be sent and still be visible on
/// Helsenorge a month before `start`.
pub fn latest_for_visibility(start: NaiveDate) -> Result<NaiveDate, CalendarError> {
    calendar::add_days(start, -VISIBLE_DAYS)
}

/// FL-4: whether a message sent on `sent` is visible a month before `start`.
pub fn visible_month_before(sent: NaiveDate, start: NaiveDate) -> Result<bool, CalendarError> {
    Ok(sent <= latest_for_visibility(start)?)
}

/// FL-7: the day Helfo starts asking the municipality: seed 001 «Hvis
/// melding fra kommunen ikke er mottatt innen en måned før opphør av
/// avtalen, etterspør Helfo informasjon» — the message is in time up to and
/// on T − 1 month (CAL-8), so Helfo asks from the day after.
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::fastlege::chase_from;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // T 30 April 2023: in time until 30 March, chased from 31 March.
/// assert_eq!(chase_from(d(2023, 4, 30)), Ok(d(2023, 3, 31)));
/// // T 31 May: a month before is 30 April (CAL-8), chased from 1 May.
/// assert_eq!(chase_from(d(2026, 5, 31)), Ok(d(2026, 5, 1)));
/// ```
pub fn chase_from(termination: NaiveDate) -> Result<NaiveDate, CalendarError> {
    calendar::add_days(calendar::sub_months(termination, 1)?, 1)
}

/// FL-1: the day a GP born on `birth` reaches `age`.
pub fn turns_age(birth: NaiveDate, age: u32) -> Result<NaiveDate, CalendarError> {
    calendar::add_years(birth, age)
}

/// FL-6: when the new GP or vacant list is registered against the old
/// agreement's termination date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr)]
pub enum TimingClass {
    /// R ≤ T − 14 days.
    I,
    /// T − 14 days < R ≤ T.
    II,
    /// R > T.
    III,
}

impl TimingClass {
    /// The class's name on the wire (`i`, `ii`, …).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// What the class means for citizens, in bokmål (seed 001, Eks I–III).
    pub const fn consequences_nb(self) -> &'static [&'static str] {
        match self {
            TimingClass::I => &[
                "Ny fastlege eller ubesatt liste blir synlig på Helsenorge samme dag som Helfo registrerer.",
                "Innbyggerne på listen får brev tidsnok til å kunne bytte fastlege før flyttingen ved månedsskiftet.",
            ],
            TimingClass::II => &[
                "Ny fastlege eller ubesatt liste blir synlig på Helsenorge samme dag som Helfo registrerer.",
                "Innbyggere som får brev i posten, blir ikke varslet tidsnok til å bytte fastlege før månedsskiftet.",
                "Noen innbyggere får brev fra Helfo først etter at de er flyttet til ny liste.",
            ],
            TimingClass::III => &[
                "Ny fastlege eller ubesatt liste blir synlig på Helsenorge samme dag som Helfo registrerer.",
                "Innbyggerne blir stående på den gamle avtalen til neste månedsskifte.",
                "Adressering av epikriser feiler hvis det ikke er registrert vikar på den gamle avtalen.",
            ],
        }
    }
}

/// FL-6: the class of a registration on `registration` against the old
/// agreement's termination date `termination` (seed 001, Eks I–III).
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::fastlege::{TimingClass, timing_class};
/// let d = |m, d| NaiveDate::from_ymd_opt(2023, m, d).unwrap();
/// let t = d(4, 30); // the agreement of the seed's example ends 30 April 2023
/// assert_eq!(timing_class(d(4, 16), t), TimingClass::I); // 14 days before
/// assert_eq!(timing_class(d(4, 17), t), TimingClass::II); // less than 14 days
/// assert_eq!(timing_class(d(4, 30), t), TimingClass::II);
/// assert_eq!(timing_class(d(5, 1), t), TimingClass::III); // after the boundary
/// ```
pub fn timing_class(registration: NaiveDate, termination: NaiveDate) -> TimingClass {
    let line = termination - chrono::Days::new(CLASS_I_DAYS as u64);
    if registration <= line {
        TimingClass::I
    } else if registration <= termination {
        TimingClass::II
    } else {
        TimingClass::III
    }
}

/// The timeline a message shows before it is sent, and that Helfo sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timing {
    /// The day the message is sent.
    pub sent: NaiveDate,
    /// FL-5.
    pub expected_registration: NaiveDate,
    /// FL-6: the old agreement's termination date, when there is one.
    pub termination: Option<NaiveDate>,
    /// FL-6: T − 14 days.
    pub fourteen_day_line: Option<NaiveDate>,
    /// FL-6: the timing class, when the message replaces a termination.
    pub class: Option<TimingClass>,
    /// The new agreement's or list's start.
    pub start: Option<NaiveDate>,
    /// FL-4: whether it is visible a month before the start.
    pub visible_month_before: Option<bool>,
    /// FL-4: when it becomes visible on Helsenorge (start − 1 month, or the
    /// registration date when sent too late for that).
    pub visible_from: Option<NaiveDate>,
    /// FL-7: when Helfo starts chasing, if no message has come by then.
    pub chase_from: Option<NaiveDate>,
}

/// The whole FL-4/5/6/7 timeline of a message sent on `sent`.
pub fn timing(
    sent: NaiveDate,
    termination: Option<NaiveDate>,
    start: Option<NaiveDate>,
) -> Result<Timing, CalendarError> {
    let r = expected_registration(sent)?;
    let visible = start.map(|s| visible_month_before(sent, s)).transpose()?;
    let visible_from = match (start, visible) {
        (Some(s), Some(true)) => Some(calendar::sub_months(s, 1)?),
        (Some(_), _) => Some(r),
        _ => None,
    };
    Ok(Timing {
        sent,
        expected_registration: r,
        termination,
        fourteen_day_line: termination.map(|t| t - chrono::Days::new(CLASS_I_DAYS as u64)),
        class: termination.map(|t| timing_class(r, t)),
        start,
        visible_month_before: visible,
        visible_from,
        chase_from: termination.map(chase_from).transpose()?,
    })
}
