//! A case's deadlines (FB-4, FB-5, FB-11), the site's waiting-list duty
//! (FB-2) and what the original site must do now.

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use super::case::Case;
use super::state::State;
use crate::calendar;
use crate::calendar::CalendarError;

/// FB-4: days to reach the patient by phone after the case is taken up
/// (**choice**: calendar days — the seed says "dager"), rolled forward
/// (CAL-7).
pub const CONTACT_DAYS: i64 = 3;
/// FB-5: working days the patient has to answer Helfo's letter.
pub const REPLY_WORKING_DAYS: u32 = 10;
/// FB-11: working days from notification to first outcome.
pub const SERVICE_LIMIT_WORKING_DAYS: u32 = 10;
/// The deadlines of a case; `None` where not (yet) running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadlines {
    /// FB-4: reach the patient by (taken up + 3 days, rolled forward).
    pub contact_by: Option<NaiveDate>,
    /// FB-5: the patient must answer the letter by (sent + 10 working days).
    pub reply_by: Option<NaiveDate>,
    /// FB-11: first outcome by (notified + 10 working days).
    pub service_limit: NaiveDate,
}

/// Which deadline is next.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::EnumIter, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum DeadlineKind {
    /// FB-4: reach the patient by phone.
    ContactBy,
    /// FB-5: the patient's answer to Helfo's letter.
    ReplyBy,
    /// FB-11: Helfo's first outcome.
    ServiceLimit,
}

impl DeadlineKind {
    /// What the deadline is, in bokmål.
    pub const fn name_nb(self) -> &'static str {
        match self {
            DeadlineKind::ContactBy => "Helfo kontakter pasienten innen",
            DeadlineKind::ReplyBy => "Pasienten svarer på brevet innen",
            DeadlineKind::ServiceLimit => "Første avklaring innen",
        }
    }
}

/// FB-2: what the site does with the patient's place on its waiting list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WaitingList {
    /// The patient keeps the place on the list.
    Keep,
    /// The site takes the patient off the list.
    Remove,
}

/// What the original site must do now, for its case page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum SiteAction {
    /// Keep the patient on the waiting list; Helfo is working.
    KeepOnList,
    /// FB-6: upload the referral and documentation (one PDF) now. No source
    /// gives a date for it, so none is shown.
    UploadDocumentation,
    /// The patient accepted Helfo's offer: remove them from the list.
    RemoveFromList,
    /// The case is stopped; the patient stays on the list.
    StoppedKeepOnList,
    /// FB-8: the site reported an appointment; Helfo contacts the patient
    /// and records the result. Keep the patient on the list meanwhile.
    AppointmentReported,
    /// FB-8, "no offer found": Helfo asks when the patient can get an
    /// appointment at the site; the site gives the date on the case.
    GiveAppointmentDate,
}

impl SiteAction {
    /// Whether the site must act now (send documentation, take the patient
    /// off its waiting list, give an appointment date) rather than wait.
    pub const fn needs_site(&self) -> bool {
        matches!(
            self,
            SiteAction::UploadDocumentation
                | SiteAction::RemoveFromList
                | SiteAction::GiveAppointmentDate
        )
    }

    /// The sentence shown to the site, in bokmål.
    pub fn text_nb(&self) -> String {
        match self {
            SiteAction::KeepOnList => "Behold pasienten på ventelisten. Helfo arbeider med saken.".into(),
            SiteAction::UploadDocumentation => {
                "Last opp henvisning og nødvendig medisinsk dokumentasjon (én PDF) så snart som mulig. Behold pasienten på ventelisten.".into()
            }
            SiteAction::RemoveFromList => "Stryk pasienten fra ventelisten – pasienten behandles via Helfo.".into(),
            SiteAction::StoppedKeepOnList => "Saken er stoppet. Pasienten blir stående på ventelisten.".into(),
            SiteAction::AppointmentReported => {
                "Helfo kontakter pasienten om timen dere fant, og registrerer resultatet. Behold pasienten på ventelisten så lenge.".into()
            }
            SiteAction::GiveAppointmentDate => {
                "Helfo fant ikke tilbud. Oppgi når pasienten kan få time hos dere. Pasienten blir stående på ventelisten.".into()
            }
        }
    }
}

// FB-4, FB-5, FB-11, FB-2: what the rules derive from a case.
impl Case {
    /// The deadlines (FB-4, FB-5, FB-11).
    pub fn deadlines(&self) -> Deadlines {
        Deadlines {
            contact_by: self.taken_up_on.and_then(|d| contact_by(d).ok()),
            reply_by: self.letter_sent_on.and_then(|d| reply_by(d).ok()),
            service_limit: service_limit(self.notified_on).unwrap_or(self.notified_on),
        }
    }

    /// The deadlines that run now, earliest first: those a user can take
    /// with them (the `.ics` file) and the one that matters next.
    pub fn running_deadlines(&self) -> Vec<(DeadlineKind, NaiveDate)> {
        if !self.state.is_open() {
            return Vec::new();
        }
        let d = self.deadlines();
        let mut running = Vec::with_capacity(3);
        if self.state == State::Contacting {
            running.extend(d.contact_by.map(|x| (DeadlineKind::ContactBy, x)));
        }
        if self.state == State::LetterSent {
            running.extend(d.reply_by.map(|x| (DeadlineKind::ReplyBy, x)));
        }
        if self.first_outcome_on.is_none() {
            running.push((DeadlineKind::ServiceLimit, d.service_limit));
        }
        running.sort_by_key(|(_, x)| *x);
        running
    }

    /// The deadline that matters next, for sorting and for the case page.
    pub fn next_deadline(&self) -> Option<(DeadlineKind, NaiveDate)> {
        self.running_deadlines().into_iter().next()
    }

    /// FB-5: the case is returned the day after the reply deadline.
    /// **Choice**: only while the letter is the patient's open question; a
    /// case Helfo has forwarded is answered by the other provider's offer.
    pub fn due_for_return(&self, today: NaiveDate) -> bool {
        self.state == State::LetterSent && self.deadlines().reply_by.is_some_and(|r| today > r)
    }

    /// FB-4: the sweep records "not reached" the day after the contact
    /// deadline when Helfo has recorded nothing else, so the duty to start
    /// anyway and send the letter shows on the case.
    pub fn due_for_not_reached(&self, today: NaiveDate) -> bool {
        self.state == State::Contacting
            && !self.appointment_pending()
            && self.deadlines().contact_by.is_some_and(|by| today > by)
    }

    /// FB-2: whether the site keeps the patient on its waiting list. Only an
    /// accepted offer from Helfo takes the place away — and not while Helfo
    /// weighs an appointment the site found after it (FB-8 (3)).
    pub fn waiting_list(&self) -> WaitingList {
        if self.state == State::Accepted && !self.appointment_pending() {
            WaitingList::Remove
        } else {
            WaitingList::Keep
        }
    }

    /// What the site must do now.
    pub fn site_action(&self) -> SiteAction {
        if self.appointment_pending() {
            return SiteAction::AppointmentReported;
        }
        match self.state {
            State::Accepted => SiteAction::RemoveFromList,
            State::NoOfferFound if self.site_appointment_on.is_none() => {
                SiteAction::GiveAppointmentDate
            }
            s if !s.is_open() => SiteAction::StoppedKeepOnList,
            _ if self.documents_requested_on.is_some() && !self.has_documents => {
                SiteAction::UploadDocumentation
            }
            _ => SiteAction::KeepOnList,
        }
    }
}

/// FB-4: reach the patient by: taken up + 3 calendar days, rolled forward
/// past weekends and holidays (CAL-4, CAL-7). Seed 000, step 2: «Dersom
/// Helfo ikke får tak i pasienten i løpet av 3 dager …».
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::fristbrudd::contact_by;
/// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// assert_eq!(contact_by(d(3, 23)), Ok(d(3, 26)));
/// // Taken up the Wednesday before Easter: Saturday, Sunday, Easter Monday
/// // go by; Tuesday 7 April.
/// assert_eq!(contact_by(d(4, 1)), Ok(d(4, 7)));
/// ```
pub fn contact_by(taken_up: NaiveDate) -> Result<NaiveDate, CalendarError> {
    calendar::add_days(taken_up, CONTACT_DAYS).and_then(calendar::roll_forward)
}

/// FB-5: the patient must answer Helfo's letter by: sent + 10 working days
/// (CAL-3); the case is returned the day after. Seed 000, step 2: «Dersom
/// Helfo ikke mottar svar fra pasient innen 10 virkedager etter utsendelse,
/// vil pasienten bli tilbakeført».
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::fristbrudd::reply_by;
/// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// // A letter on Monday 30 March 2026: Maundy Thursday, Good Friday and
/// // Easter Monday do not count, so Thursday 16 April.
/// assert_eq!(reply_by(d(3, 30)), Ok(d(4, 16)));
/// ```
pub fn reply_by(letter_sent: NaiveDate) -> Result<NaiveDate, CalendarError> {
    calendar::add_working_days(letter_sent, REPLY_WORKING_DAYS)
}

/// FB-11: first outcome by: notified + 10 working days (seed 004: «innen
/// ytre grense på 10 virkedager»).
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::fristbrudd::service_limit;
/// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// assert_eq!(service_limit(d(4, 1)), Ok(d(4, 20)));
/// ```
pub fn service_limit(notified: NaiveDate) -> Result<NaiveDate, CalendarError> {
    calendar::add_working_days(notified, SERVICE_LIMIT_WORKING_DAYS)
}
