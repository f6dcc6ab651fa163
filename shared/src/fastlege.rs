//! Fastlege: a municipality's messages to the GP register (rules FL-1 …
//! FL-12, seeds 001 and 003). What Helfo registers is on Helsenorge at once
//! and cannot be undone, so every message is checked — and its timing
//! consequences shown — before it is sent.
//!
//! [`MessageForm::check`] validates one message of any kind and returns the
//! [`Report`] (errors refuse the message; warnings are shown and sent along)
//! and, when there are no errors, the [`Message`] the edge stores. The date
//! rules are free functions: [`last_working_day`] (FL-1),
//! [`expected_registration`] (FL-5), [`visible_month_before`] (FL-4),
//! [`timing_class`] (FL-6), [`chase_from`] (FL-7), [`turns_age`] (FL-1).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{self, CalendarError};
use crate::ids::{Epost, HprNummer, Telefon};
use crate::validation::{Issue, IssueCode, Report};

/// FL-12: the version of the message form. A message built against another
/// version is refused; raise this whenever the form's fields change.
pub const SCHEMA_VERSION: u32 = 2;
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
/// FL-10: the longest total substitute period for a doctor without
/// completed LIS1 and without other approval, in years.
pub const UNAPPROVED_SUBSTITUTE_YEARS: u32 = 1;
/// The longest name, practice and place text.
pub const TEXT_MAX: usize = 120;

/// FL-10 (**choice**, agreed locally): the bounds a listetak must fall
/// within. A setting of the deployment, not a rule of the domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListBounds {
    pub min: u32,
    pub max: u32,
}

impl ListBounds {
    /// 0 (a vacant 0-list) to 3,000.
    pub const DEFAULT: ListBounds = ListBounds { min: 0, max: 3000 };
}

/// What a check needs besides the form: the day it is sent (Oslo) and the
/// deployment's list bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckContext {
    pub today: NaiveDate,
    pub bounds: ListBounds,
}

// --- the date rules -------------------------------------------------------------

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
    pub sent: NaiveDate,
    /// FL-5.
    pub expected_registration: NaiveDate,
    /// FL-6: the old agreement's termination date, when there is one.
    pub termination: Option<NaiveDate>,
    /// FL-6: T − 14 days.
    pub fourteen_day_line: Option<NaiveDate>,
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

// --- the messages ---------------------------------------------------------------

crate::named_enum! {
    /// FL-1, FL-2, FL-10: the kinds of message a municipality sends.
    pub enum MessageKind {
        /// FL-1: a GP has given notice.
        Termination,
        /// FL-2: a new GP agreement.
        NewGp,
        /// FL-2: a new list without a GP (ubesatt liste, e.g. a 0-list).
        NewVacantList,
        /// FL-9: a change of listetak, with the citizens who move.
        ListSize,
        /// FL-10: a substitute starts.
        SubstituteStart,
        /// FL-10: a substitute covers another GP than reported.
        SubstituteChange,
        /// FL-10: a substitute ends earlier than reported.
        SubstituteEnd,
    }
}

impl MessageKind {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub const fn name_nb(self) -> &'static str {
        match self {
            MessageKind::Termination => "Oppsigelse av fastlegeavtale",
            MessageKind::NewGp => "Ny fastlegeavtale",
            MessageKind::NewVacantList => "Ny ubesatt liste",
            MessageKind::ListSize => "Endring av listetak",
            MessageKind::SubstituteStart => "Vikar starter",
            MessageKind::SubstituteChange => "Endring av vikariat",
            MessageKind::SubstituteEnd => "Vikariat avsluttes tidligere",
        }
    }

    /// Whether the message replaces an ended agreement (and so has an FL-6
    /// timing class).
    pub const fn replaces_agreement(self) -> bool {
        matches!(self, MessageKind::NewGp | MessageKind::NewVacantList)
    }
}

crate::named_enum! {
    /// FL-10: the substitute's competence.
    pub enum Competence {
        /// Specialist in general practice.
        Specialist,
        /// Approved GP (godkjent allmennlege).
        Approved,
        /// In specialisation.
        InSpecialisation,
        /// None of these.
        None,
    }
}

impl Competence {
    pub const fn name_nb(self) -> &'static str {
        match self {
            Competence::Specialist => "Spesialist i allmennmedisin",
            Competence::Approved => "Godkjent allmennlege",
            Competence::InSpecialisation => "Under spesialisering i allmennmedisin",
            Competence::None => "Ingen av disse",
        }
    }
}

/// FL-2: the municipality's contact person — required on every message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ContactForm {
    pub name: String,
    pub phone: String,
    pub email: String,
}

/// One message as the clerk types it: every kind's fields in one form (a
/// kind uses its own and ignores the rest). Dates `dd.mm.åååå` or ISO;
/// numbers as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MessageForm {
    /// FL-12: the form version the message was built with.
    pub schema_version: u32,
    pub kind: String,
    pub contact: ContactForm,
    /// The GP: the one resigning, starting, changing list, or covered.
    pub gp_name: String,
    pub gp_hpr: String,
    /// Optional; gives the FL-1 age-limit date on the dashboard.
    pub gp_birth_date: String,
    pub practice: String,
    // termination (FL-1)
    pub notice_date: String,
    /// Months of notice; empty means the default 6.
    pub notice_months: String,
    /// Empty means computed from the notice.
    pub last_working_day: String,
    // new GP / vacant list (FL-2 … FL-6)
    pub start_date: String,
    pub listetak: String,
    /// The termination message this replaces (its id), if any.
    pub replaces: String,
    /// FL-8: how many citizens move to the new list.
    pub citizens_moved: String,
    // list size (FL-9)
    pub effective_date: String,
    pub current_list_size: String,
    pub new_listetak: String,
    pub move_to: String,
    /// FL-9: the clerk has confirmed the consequence in words.
    pub confirmed: bool,
    // FL-11
    pub self_employed: bool,
    pub direct_settlement_date: String,
    // substitutes (FL-10)
    pub substitute_name: String,
    pub substitute_hpr: String,
    pub competence: String,
    pub lis1_completed: bool,
    pub end_date: String,
    /// FL-2: what the clerk wants Helfo to know besides the fields (seed
    /// 003: «Gjerne med utfyllende kommentar dersom en føler at det er
    /// nødvendig»). Optional.
    pub comment: String,
}

/// The longest comment on a message.
pub const COMMENT_MAX: usize = 1000;

/// A checked message: what the edge stores and lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub kind: MessageKind,
    /// When it takes effect (start, the day after termination, the change).
    pub effective: NaiveDate,
    pub timing: Timing,
    pub gp_hpr: Option<String>,
    pub gp_name: Option<String>,
    pub gp_birth_date: Option<NaiveDate>,
    /// FL-8: the citizens who move, and so get a letter.
    pub citizens_moved: u32,
    /// A one-line description for lists, in bokmål.
    pub summary_nb: String,
    /// FL-10: who substitutes, and when, for the one-year total.
    pub substitute: Option<SubstituteFacts>,
}

/// FL-10: what a substitute message says about the substitute's time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubstituteFacts {
    /// The substitute's HPR number.
    pub hpr: String,
    /// A period begun (`SubstituteStart`), or an early end (`SubstituteEnd`).
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// Without completed LIS1 and without other approval: the year limit applies.
    pub unapproved: bool,
}

/// FL-10: the periods a substitute without LIS1 has had, from their
/// messages in the order sent: a start adds a period (if unapproved), an
/// early end shortens the period it falls in.
pub fn unapproved_periods(messages: &[SubstituteFacts]) -> Vec<(NaiveDate, NaiveDate)> {
    let mut periods: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for m in messages {
        match (m.start, m.end) {
            (Some(s), Some(e)) if m.unapproved => periods.push((s, e)),
            (None, Some(early)) => {
                if let Some(p) = periods
                    .iter_mut()
                    .rev()
                    .find(|(s, e)| *s <= early && early < *e)
                {
                    p.1 = early;
                }
            }
            _ => {}
        }
    }
    periods
}

/// FL-10: «may substitute for at most one year in total». The days of every
/// period, overlaps counted once, may not exceed one year from the first
/// period's start (365 days, 366 across a 29 February); one period may run
/// to its start + 1 year − 1 day. `Err` names the last end the new period
/// could have.
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::fastlege::substitute_total;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // One whole year: 1 January to 31 December.
/// assert!(substitute_total(&[], d(2026, 1, 1), d(2026, 12, 31)).is_ok());
/// // A year and a day is too long.
/// assert_eq!(substitute_total(&[], d(2026, 1, 1), d(2027, 1, 1)), Err(d(2026, 12, 31)));
/// // Six months already: the next period has six months left.
/// let earlier = [(d(2025, 1, 1), d(2025, 6, 30))];
/// assert_eq!(substitute_total(&earlier, d(2026, 1, 1), d(2026, 12, 31)), Err(d(2026, 7, 3)));
/// ```
pub fn substitute_total(
    earlier: &[(NaiveDate, NaiveDate)],
    start: NaiveDate,
    end: NaiveDate,
) -> Result<(), NaiveDate> {
    let days = |periods: &[(NaiveDate, NaiveDate)]| -> i64 {
        let mut sorted = periods.to_vec();
        sorted.sort();
        let mut total = 0;
        let mut covered_to: Option<NaiveDate> = None;
        for (s, e) in sorted {
            let from = match covered_to {
                Some(c) if c >= s => c.succ_opt().unwrap_or(c),
                _ => s,
            };
            if e >= from {
                total += (e - from).num_days() + 1;
            }
            covered_to = Some(covered_to.map_or(e, |c| c.max(e)));
        }
        total
    };
    let first = earlier
        .iter()
        .map(|p| p.0)
        .min()
        .unwrap_or(start)
        .min(start);
    let allowed = calendar::add_years(first, UNAPPROVED_SUBSTITUTE_YEARS)
        .map(|y| (y - first).num_days())
        .unwrap_or(365);
    let with = |e: NaiveDate| {
        let mut all = earlier.to_vec();
        all.push((start, e));
        days(&all)
    };
    if with(end) <= allowed {
        return Ok(());
    }
    // The latest end that still fits (before `start`: nothing fits).
    let mut last = start.pred_opt().unwrap_or(start);
    let mut e = start;
    while e < end && with(e) <= allowed {
        last = e;
        e = e.succ_opt().unwrap_or(end);
    }
    Err(last)
}

fn text(r: &mut Report, path: &str, value: &str) -> Option<String> {
    let v = value.trim();
    match v.chars().count() {
        0 => {
            r.push(Issue::error(path, IssueCode::Required));
            None
        }
        n if n > TEXT_MAX => {
            r.push(Issue::error(path, IssueCode::TooLong).with("max", TEXT_MAX));
            None
        }
        _ => Some(v.to_owned()),
    }
}

fn date(r: &mut Report, path: &str, value: &str) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        r.push(Issue::error(path, IssueCode::Required));
        return None;
    }
    let Some(d) = calendar::parse_date(value) else {
        r.push(Issue::error(path, IssueCode::DateInvalid));
        return None;
    };
    if calendar::is_working_day(d).is_err() {
        r.push(
            Issue::error(path, IssueCode::DateOutOfRange)
                .with("min", calendar::MIN_DATE)
                .with("max", calendar::MAX_DATE),
        );
        return None;
    }
    Some(d)
}

fn optional_date(r: &mut Report, path: &str, value: &str) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        None
    } else {
        date(r, path, value)
    }
}

/// A whole number from `min` to `max`; empty counts as `default` when given.
fn number(
    r: &mut Report,
    path: &str,
    value: &str,
    (min, max): (u32, u32),
    default: Option<u32>,
) -> Option<u32> {
    let v: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    if v.is_empty() {
        if default.is_none() {
            r.push(Issue::error(path, IssueCode::Required));
        }
        return default;
    }
    match v.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            r.push(
                Issue::error(path, IssueCode::NumberOutOfRange)
                    .with("min", i64::from(min))
                    .with("max", i64::from(max)),
            );
            None
        }
    }
}

fn hpr(r: &mut Report, path: &str, value: &str) -> Option<String> {
    if value.trim().is_empty() {
        r.push(Issue::error(path, IssueCode::Required));
        return None;
    }
    value
        .parse::<HprNummer>()
        .map(|h| h.get().to_string())
        .map_err(|e| r.push(Issue::from_id_error(path, e)))
        .ok()
}

fn check_contact(r: &mut Report, c: &ContactForm) {
    text(r, "contact.name", &c.name);
    if c.phone.trim().is_empty() {
        r.push(Issue::error("contact.phone", IssueCode::Required));
    } else if let Err(e) = c.phone.parse::<Telefon>() {
        r.push(Issue::from_id_error("contact.phone", e));
    }
    if c.email.trim().is_empty() {
        r.push(Issue::error("contact.email", IssueCode::Required));
    } else if let Err(e) = Epost::validate(c.email.trim()) {
        r.push(Issue::from_id_error("contact.email", e));
    }
}

/// FL-11: a self-employed doctor needs a direct settlement agreement before
/// treating anyone — warned loudly, since the claims are otherwise rejected.
fn check_direct_settlement(r: &mut Report, f: &MessageForm, start: Option<NaiveDate>) {
    if !f.self_employed {
        return;
    }
    match optional_date(r, "direct_settlement_date", &f.direct_settlement_date) {
        None if f.direct_settlement_date.trim().is_empty() => r.push(Issue::warning(
            "direct_settlement_date",
            IssueCode::DirectSettlementMissing,
        )),
        Some(d) if start.is_some_and(|s| d > s) => r.push(
            Issue::warning(
                "direct_settlement_date",
                IssueCode::DirectSettlementAfterStart,
            )
            .with("start", start.unwrap_or(d)),
        ),
        _ => {}
    }
}

/// FL-3/FL-4: a start so near that the list will not be visible a month
/// before is a warning, with the latest day that would have made it.
fn check_visibility(r: &mut Report, sent: NaiveDate, start: Option<NaiveDate>) {
    if let Some(s) = start
        && let Ok(latest) = latest_for_visibility(s)
        && sent > latest
    {
        r.push(
            Issue::warning("start_date", IssueCode::NotVisibleMonthBefore).with("latest", latest),
        );
    }
}

/// What the edge knows about the termination a message replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Replaced {
    /// T of the ended agreement.
    pub termination: NaiveDate,
}

impl MessageForm {
    /// Every problem with the message (errors refuse it; warnings go along)
    /// and, without errors, the message. `replaced` is the termination the
    /// form names in `replaces`, as found by the caller (`None` when the
    /// form names none or it was not found — then a named one is an error).
    pub fn check(
        &self,
        ctx: &CheckContext,
        replaced: Option<Replaced>,
    ) -> (Report, Option<Message>) {
        let mut r = Report::new();
        // FL-12: the current form only.
        if self.schema_version != SCHEMA_VERSION {
            r.push(
                Issue::error("schema_version", IssueCode::SchemaOutdated)
                    .with("current", i64::from(SCHEMA_VERSION))
                    .with("got", i64::from(self.schema_version)),
            );
            return (r, None);
        }
        let kind = match self.kind.parse::<MessageKind>() {
            Ok(k) => k,
            Err(_) => {
                use strum::IntoEnumIterator;
                let allowed: Vec<&str> = MessageKind::iter().map(MessageKind::as_str).collect();
                let code = if self.kind.trim().is_empty() {
                    IssueCode::Required
                } else {
                    IssueCode::NotOneOf
                };
                r.push(Issue::error("kind", code).with("allowed", &*allowed.join(", ")));
                return (r, None);
            }
        };
        check_contact(&mut r, &self.contact);
        if self.comment.trim().chars().count() > COMMENT_MAX {
            r.push(Issue::error("comment", IssueCode::TooLong).with("max", COMMENT_MAX));
        }
        let sent = ctx.today;
        let message = match kind {
            MessageKind::Termination => self.termination(&mut r, sent),
            MessageKind::NewGp | MessageKind::NewVacantList => {
                self.new_list(&mut r, ctx, kind, replaced)
            }
            MessageKind::ListSize => self.list_size(&mut r, ctx),
            MessageKind::SubstituteStart
            | MessageKind::SubstituteChange
            | MessageKind::SubstituteEnd => self.substitute(&mut r, sent, kind),
        };
        let message = message.filter(|_| !r.has_errors());
        (r, message)
    }

    fn gp(&self, r: &mut Report) -> (Option<String>, Option<String>, Option<NaiveDate>) {
        let name = text(r, "gp_name", &self.gp_name);
        let hpr = hpr(r, "gp_hpr", &self.gp_hpr);
        let birth = optional_date(r, "gp_birth_date", &self.gp_birth_date);
        (name, hpr, birth)
    }

    /// FL-1.
    fn termination(&self, r: &mut Report, sent: NaiveDate) -> Option<Message> {
        let (name, hpr, birth) = self.gp(r);
        let practice = text(r, "practice", &self.practice);
        let notice = date(r, "notice_date", &self.notice_date);
        if notice.is_some_and(|n| n > sent) {
            r.push(Issue::error("notice_date", IssueCode::DateInFuture).with("today", sent));
        }
        let months = number(
            r,
            "notice_months",
            &self.notice_months,
            (1, 24),
            Some(NOTICE_MONTHS),
        );
        let by_rule = notice
            .zip(months)
            .and_then(|(n, m)| last_working_day(n, m).ok());
        let last = if self.last_working_day.trim().is_empty() {
            by_rule
        } else {
            let given = date(r, "last_working_day", &self.last_working_day);
            if let (Some(g), Some(n)) = (given, notice)
                && g < n
            {
                r.push(
                    Issue::error("last_working_day", IssueCode::DateBeforeStart).with("start", n),
                );
            } else if let (Some(g), Some(rule)) = (given, by_rule)
                && g != rule
            {
                r.push(
                    Issue::warning("last_working_day", IssueCode::NoticePeriodDiffers)
                        .with("expected", rule)
                        .with("months", i64::from(months.unwrap_or(NOTICE_MONTHS))),
                );
            }
            given
        };
        let t = last.and_then(|l| termination_date(l).ok())?;
        let timing = timing(sent, Some(t), None).ok()?;
        let effective = t.succ_opt()?;
        Some(Message {
            kind: MessageKind::Termination,
            effective,
            summary_nb: format!(
                "{} ({}) har sagt opp avtalen ved {}; siste arbeidsdag {}",
                name.clone()?,
                hpr.clone()?,
                practice?,
                calendar::format_nb(last?)
            ),
            timing: Timing {
                class: None,
                ..timing
            },
            gp_hpr: hpr,
            gp_name: name,
            gp_birth_date: birth,
            citizens_moved: 0,
            substitute: None,
        })
    }

    /// FL-2 … FL-6, FL-8, FL-11: a new GP agreement or vacant list.
    fn new_list(
        &self,
        r: &mut Report,
        ctx: &CheckContext,
        kind: MessageKind,
        replaced: Option<Replaced>,
    ) -> Option<Message> {
        let (name, hpr, birth) = if kind == MessageKind::NewGp {
            self.gp(r)
        } else {
            (None, None, None)
        };
        let practice = text(r, "practice", &self.practice);
        let start = date(r, "start_date", &self.start_date);
        let bounds = (ctx.bounds.min, ctx.bounds.max);
        let listetak = number(r, "listetak", &self.listetak, bounds, None);
        let moved = number(
            r,
            "citizens_moved",
            &self.citizens_moved,
            (0, ctx.bounds.max),
            Some(0),
        );
        // FL-9: more citizens than the list can take is a wrong number.
        if let (Some(m), Some(l)) = (moved, listetak)
            && m > l
        {
            r.push(
                Issue::error("citizens_moved", IssueCode::MovedExceedsListetak)
                    .with("listetak", i64::from(l)),
            );
        }
        // FL-9: citizens moved onto the new list are confirmed in words, as
        // on a list-size change: the registration cannot be undone.
        if let Some(m) = moved.filter(|m| *m > 0)
            && !self.confirmed
        {
            let to = name
                .clone()
                .or_else(|| practice.clone())
                .unwrap_or_default();
            r.push(
                Issue::error("confirmed", IssueCode::ConfirmMoves)
                    .with("count", i64::from(m))
                    .with("to", &*to),
            );
        }
        if !self.replaces.trim().is_empty() && replaced.is_none() {
            r.push(Issue::error("replaces", IssueCode::NotFound));
        }
        if kind == MessageKind::NewGp {
            check_direct_settlement(r, self, start);
        }
        check_visibility(r, ctx.today, start);
        let t = replaced.map(|x| x.termination);
        let timing = timing(ctx.today, t, start).ok()?;
        let what = match &name {
            Some(n) => format!("{} {n} ved {}", kind.name_nb(), practice.clone()?),
            None => format!("{} ved {}", kind.name_nb(), practice.clone()?),
        };
        Some(Message {
            kind,
            effective: start?,
            summary_nb: format!(
                "{what} fra {}, listetak {}",
                calendar::format_nb(start?),
                listetak?
            ),
            timing,
            gp_hpr: hpr,
            gp_name: name,
            gp_birth_date: birth,
            citizens_moved: moved?,
            substitute: None,
        })
    }

    /// FL-9: the numbers of a list-size change must add up, and the clerk
    /// must confirm in words who moves where.
    fn list_size(&self, r: &mut Report, ctx: &CheckContext) -> Option<Message> {
        let (name, hpr, birth) = self.gp(r);
        let effective = date(r, "effective_date", &self.effective_date);
        let bounds = (ctx.bounds.min, ctx.bounds.max);
        let current = number(
            r,
            "current_list_size",
            &self.current_list_size,
            (0, ctx.bounds.max),
            None,
        );
        let new = number(r, "new_listetak", &self.new_listetak, bounds, None);
        let moved = number(
            r,
            "citizens_moved",
            &self.citizens_moved,
            (0, ctx.bounds.max),
            Some(0),
        );
        if let (Some(c), Some(n), Some(m)) = (current, new, moved) {
            let expected = c.saturating_sub(n);
            if m != expected {
                let code = if expected == 0 {
                    IssueCode::NoMoveNeeded
                } else {
                    IssueCode::ListNumbersDoNotAddUp
                };
                r.push(
                    Issue::error("citizens_moved", code)
                        .with("current", i64::from(c))
                        .with("new", i64::from(n))
                        .with("expected", i64::from(expected)),
                );
            } else if m > 0 {
                let to = text(r, "move_to", &self.move_to);
                if let Some(to) = to
                    && !self.confirmed
                {
                    r.push(
                        Issue::error("confirmed", IssueCode::ConfirmMoves)
                            .with("count", i64::from(m))
                            .with("to", &*to),
                    );
                }
            }
        }
        let timing = timing(ctx.today, None, effective).ok()?;
        Some(Message {
            kind: MessageKind::ListSize,
            effective: effective?,
            summary_nb: format!(
                "Listetak for {} endres fra {} til {} fra {}; {} innbyggere flyttes",
                name.clone()?,
                current?,
                new?,
                calendar::format_nb(effective?),
                moved?
            ),
            timing: Timing {
                visible_month_before: None,
                visible_from: None,
                ..timing
            },
            gp_hpr: hpr,
            gp_name: name,
            gp_birth_date: birth,
            citizens_moved: moved?,
            substitute: None,
        })
    }

    /// FL-10, FL-11: a substitute starts, changes or ends early.
    fn substitute(&self, r: &mut Report, sent: NaiveDate, kind: MessageKind) -> Option<Message> {
        let sub_name = text(r, "substitute_name", &self.substitute_name);
        let sub_hpr = hpr(r, "substitute_hpr", &self.substitute_hpr);
        let (gp_name, gp_hpr, _) = self.gp(r);
        let mut unapproved = false;
        let (from, until) = match kind {
            MessageKind::SubstituteStart => {
                let start = date(r, "start_date", &self.start_date);
                let end = date(r, "end_date", &self.end_date);
                if let (Some(s), Some(e)) = (start, end)
                    && e < s
                {
                    r.push(Issue::error("end_date", IssueCode::DateBeforeStart).with("start", s));
                }
                let competence = if self.competence.trim().is_empty() {
                    r.push(Issue::error("competence", IssueCode::Required));
                    None
                } else {
                    self.competence.parse::<Competence>().ok().or_else(|| {
                        r.push(
                            Issue::error("competence", IssueCode::NotOneOf)
                                .with("allowed", "specialist, approved, in_specialisation, none"),
                        );
                        None
                    })
                };
                // FL-10: without LIS1 and approval, at most one year in total
                // (this period alone here; with earlier ones at the edge).
                unapproved = competence == Some(Competence::None) && !self.lis1_completed;
                if unapproved
                    && let (Some(s), Some(e)) = (start, end)
                    && let Err(max) = substitute_total(&[], s, e)
                {
                    r.push(
                        Issue::error("end_date", IssueCode::SubstituteTooLong).with("max_end", max),
                    );
                }
                check_direct_settlement(r, self, start);
                (start, end)
            }
            MessageKind::SubstituteChange => {
                (date(r, "effective_date", &self.effective_date), None)
            }
            _ => {
                let end = date(r, "end_date", &self.end_date);
                (end, end)
            }
        };
        let timing = timing(sent, None, None).ok()?;
        let summary = match kind {
            MessageKind::SubstituteStart => format!(
                "{} ({}) er vikar for {} fra {} til {}",
                sub_name?,
                sub_hpr.clone()?,
                gp_name.clone()?,
                calendar::format_nb(from?),
                calendar::format_nb(until?)
            ),
            MessageKind::SubstituteChange => format!(
                "{} ({}) er vikar for {} fra {}",
                sub_name?,
                sub_hpr.clone()?,
                gp_name.clone()?,
                calendar::format_nb(from?)
            ),
            _ => format!(
                "Vikariatet til {} ({}) for {} slutter {}",
                sub_name?,
                sub_hpr.clone()?,
                gp_name.clone()?,
                calendar::format_nb(until?)
            ),
        };
        let substitute = SubstituteFacts {
            hpr: sub_hpr?,
            start: (kind == MessageKind::SubstituteStart)
                .then_some(from)
                .flatten(),
            end: until,
            unapproved,
        };
        Some(Message {
            kind,
            effective: from?,
            summary_nb: summary,
            timing,
            gp_hpr,
            gp_name,
            gp_birth_date: None,
            citizens_moved: 0,
            substitute: Some(substitute),
        })
    }
}

/// FL-9: the consequence the clerk confirms, in words.
pub fn moves_in_words(count: u32, to: &str) -> String {
    let to = to.trim();
    match count {
        1 => format!("1 innbygger flyttes til {to}."),
        n => format!("{n} innbyggere flyttes til {to}."),
    }
}

// --- wire types --------------------------------------------------------------------

crate::named_enum! {
    /// Where a message stands at Helfo.
    pub enum Status {
        /// Sent; waiting for Helfo.
        Sent,
        /// FL-8: registered by Helfo (public on Helsenorge, cannot be undone).
        Registered,
    }
}

impl Status {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub const fn name_nb(self) -> &'static str {
        match self {
            Status::Sent => "Sendt til Helfo",
            Status::Registered => "Registrert av Helfo",
        }
    }
}

/// A message as the API shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    pub id: String,
    pub number: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub kind: MessageKind,
    pub status: Status,
    pub effective: NaiveDate,
    pub summary: String,
    pub timing: Timing,
    pub citizens_moved: u32,
    /// FL-8: the letters sent to citizens when registered.
    pub letters: Option<u32>,
    pub registered_on: Option<NaiveDate>,
    pub replaces: Option<String>,
    /// The warnings the message was sent with.
    pub warnings: Vec<Issue>,
    /// The form as sent.
    pub form: MessageForm,
    pub sent_at: String,
    pub version: i64,
}

/// An agreement that ends, for the dashboard and the FL-7 chase list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ending {
    /// The termination message.
    pub id: String,
    pub number: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub gp_name: String,
    pub termination: NaiveDate,
    pub chase_from: NaiveDate,
    /// The new GP or vacant list message that follows it up, if any.
    pub followed_up_by: Option<String>,
    /// FL-7: the day Helfo e-mailed the municipality about it, if it has.
    #[serde(default)]
    pub chased_on: Option<NaiveDate>,
}

/// FL-1: a GP reaching the age limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeLimit {
    pub gp_name: String,
    pub gp_hpr: String,
    pub reaches_limit_on: NaiveDate,
    /// The municipality, for Helfo's view of every municipality.
    #[serde(default)]
    pub organisation_name: String,
}

/// `GET /api/v1/fastlege/dashboard`: the municipality's overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub today: NaiveDate,
    /// Terminations with T from today on, soonest first.
    pub upcoming_terminations: Vec<Ending>,
    /// GPs reaching [`AGE_LIMIT`] within 12 months.
    pub age_limit: Vec<AgeLimit>,
    /// Terminations no new GP or vacant list follows yet, ended or not:
    /// exactly what Helfo's FL-7 chase list asks about once `chase_from`
    /// has come.
    pub without_message: Vec<Ending>,
}

/// `POST /api/v1/fastlege/messages/:id/register` (Helfo): FL-8.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RegisterRequest {
    /// The letters sent to citizens; empty means the citizens moved.
    pub letters: Option<u32>,
}

/// The answer to a sent message: its number and the warnings it carried.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageCreated {
    pub id: String,
    pub number: String,
    pub kind: MessageKind,
    pub effective: NaiveDate,
    pub timing: Timing,
    pub warnings: Vec<Issue>,
    pub version: i64,
}

/// The case number `FL-YYYY-NNNNNN`.
pub fn message_number(year: i32, seq: i64) -> String {
    format!("FL-{year:04}-{seq:06}")
}

/// FL-1: the dashboard's age-limit rows: GPs with a known birth date who
/// reach `age` within 12 months of `today` (from today on), soonest first.
pub fn reaching_age_limit(
    gps: &[(String, String, NaiveDate)],
    today: NaiveDate,
    age: u32,
) -> Vec<AgeLimit> {
    let Ok(horizon) = calendar::add_months(today, 12) else {
        return Vec::new();
    };
    let mut out: Vec<AgeLimit> = gps
        .iter()
        .filter_map(|(name, hpr, birth)| {
            let on = turns_age(*birth, age).ok()?;
            (today <= on && on <= horizon).then(|| AgeLimit {
                gp_name: name.clone(),
                gp_hpr: hpr.clone(),
                reaches_limit_on: on,
                organisation_name: String::new(),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.reaches_limit_on
            .cmp(&b.reaches_limit_on)
            .then(a.gp_hpr.cmp(&b.gp_hpr))
    });
    out.dedup_by(|a, b| a.gp_hpr == b.gp_hpr);
    out
}
