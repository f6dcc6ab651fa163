//! Fristbrudd: a hospital's notice that a patient's legal deadline for
//! treatment is (or will be) breached, and Helfo's case from contact to
//! outcome (rules FB-1 … FB-11, seed 000).
//!
//! The notification is checked by [`NotificationForm::check`] (FB-1). A case
//! moves only through [`Case::apply`], which refuses any transition not in
//! the state machine and names the ones that are allowed. Deadlines (FB-4,
//! FB-5, FB-11), the site's waiting-list duty (FB-2), what the site must do
//! now, and Helfo's queue order (FB-3) are pure functions of the case.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{self, CalendarError};
use crate::ids::{FnrContext, Fodselsnummer, Telefon};
use crate::validation::{Issue, IssueCode, Report};

/// FB-4: days to reach the patient by phone after the case is taken up
/// (**choice**: calendar days — the seed says "dager"), rolled forward
/// (CAL-7).
pub const CONTACT_DAYS: i64 = 3;
/// FB-5: working days the patient has to answer Helfo's letter.
pub const REPLY_WORKING_DAYS: u32 = 10;
/// FB-11: working days from notification to first outcome.
pub const SERVICE_LIMIT_WORKING_DAYS: u32 = 10;
/// FB-7 (**choice**): the largest documentation PDF, in bytes (20 MB).
pub const PDF_MAX_BYTES: usize = 20 * 1024 * 1024;
/// The longest specialty, name and urgency reason.
pub const TEXT_MAX: usize = 120;

crate::named_enum! {
    /// FB-1: whether the breach has happened or is expected.
    pub enum BreachKind {
        Expected,
        Occurred,
    }
}

impl BreachKind {
    pub const fn name_nb(self) -> &'static str {
        match self {
            BreachKind::Expected => "Fristbrudd vil inntreffe",
            BreachKind::Occurred => "Fristbrudd har inntruffet",
        }
    }
}

/// FB-1: the notification as the site types it. Dates may be `dd.mm.åååå`
/// or ISO. Missing fields read as empty and are reported as `required`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NotificationForm {
    pub patient_fnr: String,
    pub patient_name: String,
    pub patient_phone: String,
    pub specialty: String,
    /// The legal deadline for treatment (*fristdato*).
    pub fristdato: String,
    /// When the referral was received.
    pub referral_received: String,
    /// When the letter «Varsel om fristbrudd» was sent to the patient.
    pub warning_sent: String,
    /// `expected` or `occurred`.
    pub kind: String,
    /// FB-3: the site asks Helfo to put the patient ahead for medical reasons.
    pub urgent: bool,
    pub urgent_reason: String,
}

/// A notification that passed every FB-1 check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub fnr: Fodselsnummer,
    pub patient_name: String,
    pub patient_phone: Telefon,
    pub specialty: String,
    pub fristdato: NaiveDate,
    pub referral_received: NaiveDate,
    pub warning_sent: NaiveDate,
    pub kind: BreachKind,
    /// The reason, when the site flags the case as medically urgent.
    pub urgent_reason: Option<String>,
}

fn text(report: &mut Report, path: &str, value: &str) -> Option<String> {
    let v = value.trim();
    let n = v.chars().count();
    if n == 0 {
        report.push(Issue::error(path, IssueCode::Required));
        None
    } else if n > TEXT_MAX {
        report.push(Issue::error(path, IssueCode::TooLong).with("max", TEXT_MAX));
        None
    } else {
        Some(v.to_owned())
    }
}

fn date(report: &mut Report, path: &str, value: &str) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        report.push(Issue::error(path, IssueCode::Required));
        return None;
    }
    let Some(d) = calendar::parse_date(value) else {
        report.push(Issue::error(path, IssueCode::DateInvalid));
        return None;
    };
    if calendar::is_working_day(d).is_err() {
        report.push(
            Issue::error(path, IssueCode::DateOutOfRange)
                .with("min", calendar::MIN_DATE)
                .with("max", calendar::MAX_DATE),
        );
        return None;
    }
    Some(d)
}

impl NotificationForm {
    /// Every FB-1 problem, field by field; or the checked notification.
    /// `ctx.today` is today in Europe/Oslo.
    pub fn check(&self, ctx: &FnrContext) -> Result<Notification, Report> {
        let mut r = Report::new();
        let fnr = if self.patient_fnr.trim().is_empty() {
            r.push(Issue::error("patient_fnr", IssueCode::Required));
            None
        } else {
            Fodselsnummer::parse(&self.patient_fnr, ctx)
                .map_err(|e| r.push(Issue::from_id_error("patient_fnr", e)))
                .ok()
        };
        let name = text(&mut r, "patient_name", &self.patient_name);
        let phone = if self.patient_phone.trim().is_empty() {
            r.push(Issue::error("patient_phone", IssueCode::Required));
            None
        } else {
            self.patient_phone
                .parse::<Telefon>()
                .map_err(|e| r.push(Issue::from_id_error("patient_phone", e)))
                .ok()
        };
        let specialty = text(&mut r, "specialty", &self.specialty);
        let frist = date(&mut r, "fristdato", &self.fristdato);
        let referral = date(&mut r, "referral_received", &self.referral_received);
        let warning = date(&mut r, "warning_sent", &self.warning_sent);
        let kind = if self.kind.trim().is_empty() {
            r.push(Issue::error("kind", IssueCode::Required));
            None
        } else {
            match self.kind.parse::<BreachKind>() {
                Ok(k) => Some(k),
                Err(_) => {
                    r.push(
                        Issue::error("kind", IssueCode::NotOneOf)
                            .with("allowed", "expected, occurred"),
                    );
                    None
                }
            }
        };
        let today = ctx.today;
        if referral.is_some_and(|d| d > today) {
            r.push(Issue::error("referral_received", IssueCode::DateInFuture).with("today", today));
        }
        if warning.is_some_and(|d| d > today) {
            r.push(Issue::error("warning_sent", IssueCode::DateInFuture).with("today", today));
        }
        if let (Some(w), Some(rr)) = (warning, referral)
            && w < rr
        {
            r.push(
                Issue::error("warning_sent", IssueCode::DateBeforeReferral).with("referral", rr),
            );
        }
        // FB-1: fristdato ≥ referral date.
        if let (Some(f), Some(rr)) = (frist, referral)
            && f < rr
        {
            r.push(Issue::error("fristdato", IssueCode::DateBeforeReferral).with("referral", rr));
        }
        // FB-1: occurred needs fristdato < today; expected needs fristdato ≥ today.
        match (frist, kind) {
            (Some(f), Some(BreachKind::Occurred)) if f >= today => {
                r.push(
                    Issue::error("fristdato", IssueCode::OccurredNeedsPastFrist)
                        .with("today", today),
                );
            }
            (Some(f), Some(BreachKind::Expected)) if f < today => {
                r.push(
                    Issue::error("fristdato", IssueCode::ExpectedNeedsFutureFrist)
                        .with("today", today),
                );
            }
            _ => {}
        }
        let urgent_reason = if self.urgent {
            text(&mut r, "urgent_reason", &self.urgent_reason).or_else(|| {
                // `text` reported `required`; give the reason's own code instead.
                if let Some(last) = r.issues.last_mut()
                    && last.path == "urgent_reason"
                    && last.code == IssueCode::Required
                {
                    last.code = IssueCode::UrgentNeedsReason;
                }
                None
            })
        } else {
            None
        };
        match (fnr, name, phone, specialty, frist, referral, warning, kind) {
            (
                Some(fnr),
                Some(patient_name),
                Some(patient_phone),
                Some(specialty),
                Some(fristdato),
                Some(referral_received),
                Some(warning_sent),
                Some(kind),
            ) if !r.has_errors() => Ok(Notification {
                fnr,
                patient_name,
                patient_phone,
                specialty,
                fristdato,
                referral_received,
                warning_sent,
                kind,
                urgent_reason,
            }),
            _ => Err(r),
        }
    }
}

crate::named_enum! {
    /// The states of a case (FB-4 … FB-8). Final states are *stopped* or ended.
    pub enum State {
        /// Notified by the site; not yet taken up by Helfo.
        Notified,
        /// Helfo is phoning the patient (FB-4).
        Contacting,
        /// FB-6 (b): the patient was not reached; Helfo starts anyway and sends a letter.
        NotReached,
        /// FB-4/FB-5: letter sent with a reply deadline.
        LetterSent,
        /// FB-6 (a): the patient wants an offer; Helfo needs the documentation.
        FindingOffer,
        /// FB-8: forwarded to another provider.
        Forwarded,
        /// FB-8: the patient accepted the offer and is treated via Helfo.
        Accepted,
        /// FB-8: the patient declined the offer (stopped).
        DeclinedOffer,
        /// FB-8: no offer was found (stopped).
        NoOfferFound,
        /// FB-6 (c): the patient does not want Helfo's help (stopped).
        Declined,
        /// FB-5: no reply to the letter in time; back to the original site.
        Returned,
        /// FB-8: the original site found an appointment itself (see [`Variant`]).
        SiteFoundAppointment,
    }
}

impl State {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Whether the case is still being worked.
    pub const fn is_open(self) -> bool {
        matches!(
            self,
            State::Notified
                | State::Contacting
                | State::NotReached
                | State::LetterSent
                | State::FindingOffer
                | State::Forwarded
        )
    }

    /// The name shown to people, in bokmål.
    pub const fn name_nb(self) -> &'static str {
        match self {
            State::Notified => "Varslet",
            State::Contacting => "Helfo kontakter pasienten",
            State::NotReached => "Pasienten ikke nådd",
            State::LetterSent => "Brev sendt til pasienten",
            State::FindingOffer => "Helfo skaffer tilbud",
            State::Forwarded => "Formidlet til annen behandler",
            State::Accepted => "Pasienten har takket ja",
            State::DeclinedOffer => "Pasienten takket nei til tilbudet",
            State::NoOfferFound => "Helfo fant ikke tilbud",
            State::Declined => "Pasienten ønsker ikke tilbud",
            State::Returned => "Tilbakeført til behandlingsstedet",
            State::SiteFoundAppointment => "Behandlingsstedet fant time",
        }
    }
}

crate::named_enum! {
    /// FB-8: the cases of "the original site found an appointment" (seed
    /// 000, step 5). The site reports; Helfo contacts the patient and then
    /// records the result ([`EventKind::StopForSiteAppointment`] or
    /// [`EventKind::ContinueDespiteAppointment`]).
    pub enum Variant {
        /// (1) Within the fristdato: no breach after all, so no legal basis
        /// for Helfo's offer; Helfo can only stop.
        WithinFrist,
        /// (2) Before Helfo found one: «Dersom Helfo vurderer at man ikke vil
        /// klare å fremskaffe et tidligere tilbud, kan Helfo avslutte
        /// arbeidet» — Helfo stops or goes on.
        BeforeHelfo,
        /// **Choice** (the seed names three cases): found after Helfo
        /// forwarded the patient but before the patient accepted; Helfo
        /// assesses as in (2).
        AfterForwarded,
        /// (3) After the patient accepted Helfo's offer: «Her må det vurderes
        /// om annet behandlingstilbud kan avbestilles uten kostnader» —
        /// cancelled at no cost (stopped) or not (Helfo's offer stands).
        AfterAccepted,
    }
}

impl Variant {
    /// Which variant applies to an appointment on `appointment` for a case
    /// with `fristdato`, reported while the case is in `state`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use frist_domain::fristbrudd::{State, Variant};
    /// let frist = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 4, d).unwrap();
    /// assert_eq!(Variant::of(State::Contacting, frist, day(1)), Variant::WithinFrist);
    /// assert_eq!(Variant::of(State::FindingOffer, frist, day(2)), Variant::BeforeHelfo);
    /// assert_eq!(Variant::of(State::Forwarded, frist, day(2)), Variant::AfterForwarded);
    /// assert_eq!(Variant::of(State::Accepted, frist, day(1)), Variant::AfterAccepted);
    /// ```
    pub fn of(state: State, fristdato: NaiveDate, appointment: NaiveDate) -> Variant {
        if state == State::Accepted {
            Variant::AfterAccepted
        } else if appointment <= fristdato {
            Variant::WithinFrist
        } else if state == State::Forwarded {
            Variant::AfterForwarded
        } else {
            Variant::BeforeHelfo
        }
    }

    /// Whether Helfo may go on with the case (not in (1): without a
    /// breach there is no legal basis for Helfo's offer).
    pub const fn may_continue(self) -> bool {
        !matches!(self, Variant::WithinFrist)
    }

    /// The explanation shown to people, in bokmål.
    pub const fn name_nb(self) -> &'static str {
        match self {
            Variant::WithinFrist => {
                "Timen er innen fristdatoen – det er ikke fristbrudd, og Helfo avslutter saken."
            }
            Variant::BeforeHelfo => {
                "Timen er funnet før Helfo fant et tilbud – Helfo vurderer om et tidligere tilbud kan skaffes, ellers avsluttes saken."
            }
            Variant::AfterForwarded => {
                "Timen er funnet etter at Helfo formidlet pasienten, men før pasienten takket ja – Helfo vurderer om saken skal avsluttes."
            }
            Variant::AfterAccepted => {
                "Timen er funnet etter at pasienten takket ja til Helfos tilbud – Helfo vurderer om det tilbudet kan avbestilles kostnadsfritt."
            }
        }
    }
}

/// Who acts on a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The original treatment site.
    Site,
    /// A Helfo caseworker.
    Helfo,
    /// The daily sweep.
    System,
}

/// Something that happens to a case. Wire form: `{"event": "letter_sent",
/// "sent": "2026-03-30"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// Helfo takes the case up (FB-4 starts the 3-day clock).
    TakeUp,
    /// FB-3: Helfo confirms the site's medical-urgency flag.
    ConfirmUrgent,
    /// FB-4: a phone attempt that did not reach the patient.
    ContactAttempt,
    /// FB-4, FB-6 (b): not reached within the 3 days (by Helfo from the
    /// contact deadline on, or by the sweep the day after it).
    NotReached,
    /// FB-4: the letter with a reply deadline was sent on `sent`.
    LetterSent {
        sent: NaiveDate,
    },
    /// FB-6 (a): the patient wants Helfo to find an offer.
    PatientWantsOffer,
    /// FB-6 (c): the patient does not want Helfo's help.
    PatientDeclines,
    /// FB-7: documentation received by post (cover sheet 02-01.01).
    DocumentsReceived,
    /// FB-8: forwarded to another provider.
    Forward,
    /// FB-8 outcomes.
    OfferAccepted,
    OfferDeclined,
    NoOfferFound,
    /// FB-8: the original site found an appointment on `appointment` (or,
    /// after "no offer found", tells Helfo when the patient can come).
    SiteFoundAppointment {
        appointment: NaiveDate,
    },
    /// FB-8: after contacting the patient, Helfo stops because of the
    /// site's appointment (variants 1, 2; in 3: Helfo's offer cancelled at
    /// no cost).
    StopForSiteAppointment,
    /// FB-8: Helfo goes on despite the site's appointment (variant 2: an
    /// earlier offer can be found; in 3: Helfo's offer cannot be cancelled
    /// at no cost, so it stands).
    ContinueDespiteAppointment,
    /// FB-5: no reply by the reply deadline (the sweep).
    Return,
}

/// The kind of an [`Event`], without its data.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum EventKind {
    /// The site's notification that opened the case (history only).
    Notify,
    TakeUp,
    ConfirmUrgent,
    ContactAttempt,
    NotReached,
    LetterSent,
    PatientWantsOffer,
    PatientDeclines,
    DocumentsReceived,
    DocumentUploaded,
    Forward,
    OfferAccepted,
    OfferDeclined,
    NoOfferFound,
    SiteFoundAppointment,
    StopForSiteAppointment,
    ContinueDespiteAppointment,
    Return,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Whether `actor` may cause it. "Not reached" is Helfo's to record, and
    /// the sweep's when the contact deadline has passed without it (FB-4).
    pub const fn by(self, actor: Actor) -> bool {
        match self {
            EventKind::Notify | EventKind::DocumentUploaded | EventKind::SiteFoundAppointment => {
                matches!(actor, Actor::Site)
            }
            EventKind::Return => matches!(actor, Actor::System),
            EventKind::NotReached => matches!(actor, Actor::Helfo | Actor::System),
            _ => matches!(actor, Actor::Helfo),
        }
    }

    /// The label of its button or history line, in bokmål.
    pub const fn name_nb(self) -> &'static str {
        match self {
            EventKind::Notify => "Fristbrudd varslet",
            EventKind::TakeUp => "Ta saken",
            EventKind::ConfirmUrgent => "Bekreft hastegrad",
            EventKind::ContactAttempt => "Forsøkt ringt",
            EventKind::NotReached => "Ikke nådd",
            EventKind::LetterSent => "Brev sendt",
            EventKind::PatientWantsOffer => "Pasienten ønsker tilbud",
            EventKind::PatientDeclines => "Pasienten ønsker ikke tilbud",
            EventKind::DocumentsReceived => "Dokumentasjon mottatt i posten",
            EventKind::DocumentUploaded => "Dokumentasjon lastet opp",
            EventKind::Forward => "Formidlet til annen behandler",
            EventKind::OfferAccepted => "Pasienten takket ja",
            EventKind::OfferDeclined => "Pasienten takket nei",
            EventKind::NoOfferFound => "Fant ikke tilbud",
            EventKind::SiteFoundAppointment => "Behandlingsstedet fant time",
            EventKind::StopForSiteAppointment => {
                "Avslutt – pasienten får time hos behandlingsstedet"
            }
            EventKind::ContinueDespiteAppointment => "Fortsett – Helfos tilbud gjelder",
            EventKind::Return => "Tilbakeført (svarfristen gikk ut)",
        }
    }
}

impl Event {
    pub fn kind(&self) -> EventKind {
        match self {
            Event::TakeUp => EventKind::TakeUp,
            Event::ConfirmUrgent => EventKind::ConfirmUrgent,
            Event::ContactAttempt => EventKind::ContactAttempt,
            Event::NotReached => EventKind::NotReached,
            Event::LetterSent { .. } => EventKind::LetterSent,
            Event::PatientWantsOffer => EventKind::PatientWantsOffer,
            Event::PatientDeclines => EventKind::PatientDeclines,
            Event::DocumentsReceived => EventKind::DocumentsReceived,
            Event::Forward => EventKind::Forward,
            Event::OfferAccepted => EventKind::OfferAccepted,
            Event::OfferDeclined => EventKind::OfferDeclined,
            Event::NoOfferFound => EventKind::NoOfferFound,
            Event::SiteFoundAppointment { .. } => EventKind::SiteFoundAppointment,
            Event::StopForSiteAppointment => EventKind::StopForSiteAppointment,
            Event::ContinueDespiteAppointment => EventKind::ContinueDespiteAppointment,
            Event::Return => EventKind::Return,
        }
    }
}

/// An event as a form or a request sends it: `{"event": "letter_sent",
/// "sent": "30.03.2026"}`. [`EventForm::check`] turns it into an [`Event`]
/// or says which field is wrong.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EventForm {
    pub event: String,
    /// For `letter_sent`: the date the letter went out.
    pub sent: String,
    /// For `site_found_appointment`: the date of the appointment.
    pub appointment: String,
}

impl EventForm {
    /// The event, or every problem with the form.
    pub fn check(&self) -> Result<Event, Report> {
        use strum::IntoEnumIterator;
        let mut r = Report::new();
        let kinds = || {
            EventKind::iter()
                .filter(|k| !matches!(k, EventKind::Notify | EventKind::DocumentUploaded))
        };
        let Some(kind) = kinds().find(|k| k.as_str() == self.event.trim()) else {
            let code = if self.event.trim().is_empty() {
                IssueCode::Required
            } else {
                IssueCode::NotOneOf
            };
            let allowed: Vec<&str> = kinds().map(EventKind::as_str).collect();
            r.push(Issue::error("event", code).with("allowed", &*allowed.join(", ")));
            return Err(r);
        };
        let event = match kind {
            EventKind::LetterSent => {
                date(&mut r, "sent", &self.sent).map(|sent| Event::LetterSent { sent })
            }
            EventKind::SiteFoundAppointment => date(&mut r, "appointment", &self.appointment)
                .map(|appointment| Event::SiteFoundAppointment { appointment }),
            k => serde_json::from_value(serde_json::json!({ "event": k.as_str() })).ok(),
        };
        event.filter(|_| !r.has_errors()).ok_or(r)
    }
}

impl EventForm {
    /// The event as the edge will judge it for `case` on `today`: the form's
    /// own fields, then the case's dates (a letter not before the case was
    /// taken up nor after today, an appointment not before today). The
    /// browser runs this while the caseworker types, so page and edge say
    /// the same at the same field. A step the case's state does not allow
    /// is not a field error and is left to [`Case::apply`].
    pub fn check_for(&self, case: &Case, actor: Actor, today: NaiveDate) -> Result<Event, Report> {
        let event = self.check()?;
        match case.apply(&event, actor, today) {
            Err(e)
                if matches!(
                    e.reason,
                    Some(IssueCode::LetterDateInvalid | IssueCode::AppointmentInPast)
                ) =>
            {
                Err(Report::of(e.issue()))
            }
            _ => Ok(event),
        }
    }
}

/// The date an event carries (letter sent, appointment), for its history line.
pub fn event_date(event: &Event) -> Option<NaiveDate> {
    match event {
        Event::LetterSent { sent } => Some(*sent),
        Event::SiteFoundAppointment { appointment } => Some(*appointment),
        _ => None,
    }
}

/// What the rules need to know about a case (no personal data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub state: State,
    pub variant: Option<Variant>,
    pub fristdato: NaiveDate,
    /// The Oslo date of the notification.
    pub notified_on: NaiveDate,
    pub urgent: bool,
    pub urgent_confirmed: bool,
    pub taken_up_on: Option<NaiveDate>,
    pub letter_sent_on: Option<NaiveDate>,
    /// When Helfo asked the site for documentation (FB-6 a/b).
    pub documents_requested_on: Option<NaiveDate>,
    pub has_documents: bool,
    /// FB-11: when the case reached its first outcome (the patient's wish
    /// known, the patient not reached, or the case ended).
    pub first_outcome_on: Option<NaiveDate>,
    /// FB-8: the appointment the site reported (with [`Case::variant`] while
    /// Helfo has not yet recorded its result), or the date it gave after
    /// "no offer found".
    #[serde(default)]
    pub site_appointment_on: Option<NaiveDate>,
}

/// A refused transition: what was tried, from where, and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{event:?} is not allowed in state {from:?}")]
pub struct TransitionError {
    pub from: State,
    pub event: EventKind,
    pub allowed: Vec<EventKind>,
    /// A more precise reason than "not allowed here", when there is one.
    pub reason: Option<IssueCode>,
    /// For a date refused by the case's own dates: the first and (when
    /// there is one) the last date allowed.
    pub bounds: Option<(NaiveDate, Option<NaiveDate>)>,
}

impl TransitionError {
    /// The refusal as an issue: a wrong date at its field with the dates
    /// allowed (the page shows the same, issue 24); otherwise naming the
    /// transitions allowed now.
    pub fn issue(&self) -> Issue {
        if let (Some(code), Some((min, max))) = (self.reason, self.bounds) {
            let path = if code == IssueCode::AppointmentInPast {
                "appointment"
            } else {
                "sent"
            };
            let issue = Issue::error(path, code).with("min", &*calendar::format_nb(min));
            return match max {
                Some(max) => issue.with("max", &*calendar::format_nb(max)),
                None => issue,
            };
        }
        let allowed: Vec<&str> = self.allowed.iter().map(|k| k.name_nb()).collect();
        let allowed = if allowed.is_empty() {
            "ingen – saken er avsluttet".to_owned()
        } else {
            allowed.join(", ")
        };
        // A wrong date is the date field's error, shown there.
        let path = match self.reason {
            Some(IssueCode::LetterDateInvalid) => "sent",
            Some(IssueCode::AppointmentInPast) => "appointment",
            _ => "event",
        };
        Issue::error(path, self.reason.unwrap_or(IssueCode::TransitionNotAllowed))
            .with("state", self.from.name_nb())
            .with("event", self.event.name_nb())
            .with("allowed", &*allowed)
    }
}

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
    ContactBy,
    ReplyBy,
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
    Keep,
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

impl Case {
    /// A new case from a checked notification, notified on `on` (Oslo date).
    pub fn new(n: &Notification, on: NaiveDate) -> Case {
        Case {
            state: State::Notified,
            variant: None,
            fristdato: n.fristdato,
            notified_on: on,
            urgent: n.urgent_reason.is_some(),
            urgent_confirmed: false,
            taken_up_on: None,
            letter_sent_on: None,
            documents_requested_on: None,
            has_documents: false,
            first_outcome_on: None,
            site_appointment_on: None,
        }
    }

    /// FB-8: the site reported an appointment and Helfo has not yet
    /// recorded what follows from it.
    pub fn appointment_pending(&self) -> bool {
        self.variant.is_some() && (self.state.is_open() || self.state == State::Accepted)
    }

    /// Whether `event` may happen now (on `on`), and if not, a precise
    /// reason when there is one. The one place the state machine's guards
    /// live: [`Case::apply`] and [`Case::allowed`] both ask it.
    fn check(&self, event: &Event, on: NaiveDate) -> Result<(), Option<IssueCode>> {
        use State as S;
        // FB-8: Helfo first contacts the patient about the site's appointment
        // and records the result; until then its other steps wait.
        let assessing = matches!(
            event,
            Event::StopForSiteAppointment
                | Event::ContinueDespiteAppointment
                | Event::ConfirmUrgent
                | Event::SiteFoundAppointment { .. }
                | Event::Return
        );
        if self.appointment_pending() && !assessing {
            return Err(Some(IssueCode::AppointmentAwaitsHelfo));
        }
        let ok = match (self.state, event) {
            (S::Notified, Event::TakeUp) => true,
            (s, Event::ConfirmUrgent) => s.is_open() && self.urgent && !self.urgent_confirmed,
            (
                S::Contacting | S::NotReached | S::LetterSent,
                Event::ContactAttempt | Event::PatientWantsOffer | Event::PatientDeclines,
            ) => true,
            // FB-4: "not reached" means not reached in the 3 days.
            (S::Contacting, Event::NotReached) => {
                if self.deadlines().contact_by.is_some_and(|by| on < by) {
                    return Err(Some(IssueCode::NotReachedTooEarly));
                }
                true
            }
            (S::NotReached, Event::LetterSent { sent }) => {
                if *sent > on || Some(*sent) < self.taken_up_on {
                    return Err(Some(IssueCode::LetterDateInvalid));
                }
                true
            }
            (S::NotReached | S::LetterSent | S::FindingOffer, Event::DocumentsReceived) => {
                if self.has_documents {
                    return Err(Some(IssueCode::DocumentAlreadyUploaded));
                }
                true
            }
            // FB-6 (a) and (b): Helfo finds an offer whether the patient asked
            // for one or could not be reached («Helfo må likevel starte
            // arbeidet med å skaffe et tilbud»).
            (S::FindingOffer | S::NotReached | S::LetterSent, Event::Forward) => {
                if !self.has_documents {
                    return Err(Some(IssueCode::DocumentsMissing));
                }
                true
            }
            (S::Forwarded, Event::OfferAccepted | Event::OfferDeclined | Event::NoOfferFound) => {
                true
            }
            (s, Event::SiteFoundAppointment { appointment }) => {
                if !(s.is_open() || s == S::Accepted || s == S::NoOfferFound) {
                    return Err(None);
                }
                if *appointment < on {
                    return Err(Some(IssueCode::AppointmentInPast));
                }
                true
            }
            (_, Event::StopForSiteAppointment) => self.appointment_pending(),
            (_, Event::ContinueDespiteAppointment) => {
                self.appointment_pending() && self.variant.is_some_and(Variant::may_continue)
            }
            (S::LetterSent, Event::Return) => self.due_for_return(on),
            _ => false,
        };
        if ok { Ok(()) } else { Err(None) }
    }

    /// The state after `event` by `actor` on `on` — or a refusal naming the
    /// transitions that are allowed (FB-4 … FB-8). Every transition the
    /// state machine does not list is refused.
    pub fn apply(
        &self,
        event: &Event,
        actor: Actor,
        on: NaiveDate,
    ) -> Result<Case, TransitionError> {
        use State as S;
        let kind = event.kind();
        let refused = |reason| TransitionError {
            from: self.state,
            event: kind,
            allowed: self.allowed(actor, on),
            reason,
            bounds: match reason {
                Some(IssueCode::LetterDateInvalid) => {
                    Some((self.taken_up_on.unwrap_or(on).min(on), Some(on)))
                }
                Some(IssueCode::AppointmentInPast) => Some((on, None)),
                _ => None,
            },
        };
        if !kind.by(actor) {
            return Err(refused(None));
        }
        self.check(event, on).map_err(refused)?;
        let mut next = self.clone();
        let outcome = |c: &mut Case, state: State| {
            c.state = state;
            c.first_outcome_on.get_or_insert(on);
        };
        match event {
            Event::TakeUp => {
                next.state = S::Contacting;
                next.taken_up_on = Some(on);
            }
            Event::ConfirmUrgent => next.urgent_confirmed = true,
            Event::ContactAttempt => {}
            // Seed 000, step 3 lists «Helfo får ikke tak i pasienten» among
            // the results Helfo registers: it is a first outcome (FB-11).
            Event::NotReached => {
                next.documents_requested_on = Some(on);
                outcome(&mut next, S::NotReached);
            }
            Event::LetterSent { sent } => {
                next.state = S::LetterSent;
                next.letter_sent_on = Some(*sent);
            }
            Event::PatientWantsOffer => {
                next.documents_requested_on.get_or_insert(on);
                outcome(&mut next, S::FindingOffer);
            }
            Event::PatientDeclines => outcome(&mut next, S::Declined),
            Event::DocumentsReceived => next.has_documents = true,
            Event::Forward => next.state = S::Forwarded,
            Event::OfferAccepted => next.state = S::Accepted,
            Event::OfferDeclined => next.state = S::DeclinedOffer,
            Event::NoOfferFound => next.state = S::NoOfferFound,
            Event::SiteFoundAppointment { appointment } => {
                next.site_appointment_on = Some(*appointment);
                if self.state != S::NoOfferFound {
                    next.variant = Some(Variant::of(self.state, self.fristdato, *appointment));
                }
            }
            Event::StopForSiteAppointment => outcome(&mut next, S::SiteFoundAppointment),
            Event::ContinueDespiteAppointment => next.variant = None,
            Event::Return => outcome(&mut next, S::Returned),
        }
        Ok(next)
    }

    /// The site uploaded the documentation PDF (FB-7): allowed while the case
    /// is open and before it is forwarded, once.
    pub fn upload(&self, on: NaiveDate) -> Result<Case, TransitionError> {
        let ok = self.state.is_open() && self.state != State::Forwarded && !self.has_documents;
        if !ok {
            return Err(TransitionError {
                from: self.state,
                event: EventKind::DocumentUploaded,
                allowed: self.allowed(Actor::Site, on),
                reason: self
                    .has_documents
                    .then_some(IssueCode::DocumentAlreadyUploaded),
                bounds: None,
            });
        }
        let mut next = self.clone();
        next.has_documents = true;
        Ok(next)
    }

    /// The events `actor` may cause on `today` — what the UI offers as
    /// buttons.
    pub fn allowed(&self, actor: Actor, today: NaiveDate) -> Vec<EventKind> {
        use strum::IntoEnumIterator;
        EventKind::iter()
            .filter(|k| k.by(actor))
            .filter(|k| {
                let probe = match k {
                    EventKind::Notify => return false,
                    EventKind::DocumentUploaded => {
                        let open = self.state.is_open() && self.state != State::Forwarded;
                        return open && !self.has_documents;
                    }
                    EventKind::TakeUp => Event::TakeUp,
                    EventKind::ConfirmUrgent => Event::ConfirmUrgent,
                    EventKind::ContactAttempt => Event::ContactAttempt,
                    EventKind::NotReached => Event::NotReached,
                    EventKind::LetterSent => Event::LetterSent {
                        sent: self.taken_up_on.unwrap_or(today),
                    },
                    EventKind::PatientWantsOffer => Event::PatientWantsOffer,
                    EventKind::PatientDeclines => Event::PatientDeclines,
                    EventKind::DocumentsReceived => Event::DocumentsReceived,
                    EventKind::Forward => Event::Forward,
                    EventKind::OfferAccepted => Event::OfferAccepted,
                    EventKind::OfferDeclined => Event::OfferDeclined,
                    EventKind::NoOfferFound => Event::NoOfferFound,
                    EventKind::SiteFoundAppointment => {
                        Event::SiteFoundAppointment { appointment: today }
                    }
                    EventKind::StopForSiteAppointment => Event::StopForSiteAppointment,
                    EventKind::ContinueDespiteAppointment => Event::ContinueDespiteAppointment,
                    EventKind::Return => Event::Return,
                };
                self.check(&probe, today).is_ok()
            })
            .collect()
    }

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

/// FB-3: what the queue order needs of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub id: String,
    pub fristdato: NaiveDate,
    /// Medically urgent, confirmed by Helfo.
    pub urgent: bool,
    /// When the notification arrived (Unix ms).
    pub notified_at: i64,
}

/// FB-3: confirmed urgent cases first, then earliest fristdato (seniority),
/// then earliest notification; the id settles exact ties.
pub fn queue_order(a: &QueueItem, b: &QueueItem) -> Ordering {
    b.urgent
        .cmp(&a.urgent)
        .then(a.fristdato.cmp(&b.fristdato))
        .then(a.notified_at.cmp(&b.notified_at))
        .then_with(|| a.id.cmp(&b.id))
}

/// FB-11: one case's figures for the service-level dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceFigures {
    /// Working days from notification to first outcome.
    pub working_days: i64,
    pub within_limit: bool,
}

/// FB-11: working days from `notified` to `first_outcome`, and whether that
/// is within the 10-working-day limit.
pub fn service_figures(notified: NaiveDate, first_outcome: NaiveDate) -> Option<ServiceFigures> {
    let wd = calendar::working_days_between(notified, first_outcome).ok()?;
    Some(ServiceFigures {
        working_days: wd,
        within_limit: wd <= i64::from(SERVICE_LIMIT_WORKING_DAYS),
    })
}

/// The case number `FB-YYYY-NNNNNN` (FB-1).
pub fn case_number(year: i32, seq: i64) -> String {
    format!("FB-{year:04}-{seq:06}")
}

/// FB-7: whether a file of `len` bytes starting with `head` is a PDF by
/// content (`%PDF-` at offset 0), and not larger than [`PDF_MAX_BYTES`]. The same check runs in the browser before
/// upload and at the edge after.
pub fn check_pdf(len: usize, head: &[u8]) -> Result<(), Issue> {
    if len > PDF_MAX_BYTES {
        Err(Issue::error("document", IssueCode::FileTooLarge)
            .with("max_mb", (PDF_MAX_BYTES / (1024 * 1024)) as i64))
    } else if !head.starts_with(b"%PDF-") {
        Err(Issue::error("document", IssueCode::FileNotPdf))
    } else {
        Ok(())
    }
}

/// FB-11: the service-level figures of one month of notifications.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthStats {
    /// `YYYY-MM`.
    pub month: String,
    /// Cases notified in the month.
    pub cases: u32,
    /// Of those, cases that have reached a first outcome.
    pub with_outcome: u32,
    /// Of those, cases whose first outcome came within the limit.
    pub within_limit: u32,
    /// Mean working days from notification to first outcome.
    pub mean_working_days: Option<f64>,
}

/// FB-11: per month, from (notified on, first outcome on) pairs, oldest
/// month first.
pub fn monthly_stats(cases: &[(NaiveDate, Option<NaiveDate>)]) -> Vec<MonthStats> {
    use chrono::Datelike;
    let mut months: std::collections::BTreeMap<(i32, u32), (u32, u32, u32, i64)> =
        Default::default();
    for (notified, outcome) in cases {
        let m = months
            .entry((notified.year(), notified.month()))
            .or_default();
        m.0 += 1;
        if let Some(f) = outcome.and_then(|o| service_figures(*notified, o)) {
            m.1 += 1;
            m.2 += u32::from(f.within_limit);
            m.3 += f.working_days;
        }
    }
    months
        .into_iter()
        .map(
            |((y, mo), (cases, with_outcome, within_limit, days))| MonthStats {
                month: format!("{y:04}-{mo:02}"),
                cases,
                with_outcome,
                within_limit,
                mean_working_days: (with_outcome > 0)
                    .then(|| days as f64 / f64::from(with_outcome)),
            },
        )
        .collect()
}

// --- wire types --------------------------------------------------------------

/// `POST /api/v1/fristbrudd/patient-check`: does this patient already have
/// an open case at the caller's site? (The number goes in the body, never
/// in a URL.)
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PatientCheck {
    pub patient_fnr: String,
}

/// The answer: the open case's number, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatientCheckAnswer {
    pub open_case: Option<String>,
}

/// One line of a case's history (FB-10): who, when, what, from and to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: String,
    pub actor: Actor,
    pub actor_user_id: Option<String>,
    pub event: EventKind,
    pub from_state: Option<State>,
    pub to_state: State,
    /// A date the event carries (letter sent, appointment), if any.
    pub date: Option<NaiveDate>,
}

/// The answer to a notification: the receipt's facts, and no personal data
/// (it is kept with the `Idempotency-Key` to answer a repeat).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseCreated {
    pub id: String,
    pub number: String,
    pub notified_on: NaiveDate,
    pub service_limit: NaiveDate,
    pub site_action: SiteAction,
    pub version: i64,
}

/// ID-3: a stored fødselsnummer masked for lists, `DDMMYY *****`.
pub fn mask_fnr(fnr: &str) -> String {
    let head: String = fnr.chars().take(6).collect();
    format!("{head} *****")
}

/// A case in a list: no name, the fødselsnummer masked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: String,
    pub number: String,
    pub organisation_id: String,
    pub patient_fnr_masked: String,
    pub specialty: String,
    pub fristdato: NaiveDate,
    pub state: State,
    pub urgent: bool,
    pub urgent_confirmed: bool,
    pub next_deadline: Option<(DeadlineKind, NaiveDate)>,
    pub waiting_list: WaitingList,
    /// What the original site must do now.
    pub site_action: SiteAction,
    pub notified_at: i64,
}

/// A whole case, for its page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseView {
    pub id: String,
    pub number: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub organisation_orgnr: String,
    pub patient_fnr: String,
    pub patient_fnr_masked: String,
    pub patient_name: String,
    pub patient_phone: String,
    pub specialty: String,
    pub referral_received: NaiveDate,
    pub warning_sent: NaiveDate,
    pub kind: BreachKind,
    pub urgent_reason: Option<String>,
    pub case: Case,
    pub deadlines: Deadlines,
    pub next_deadline: Option<(DeadlineKind, NaiveDate)>,
    pub waiting_list: WaitingList,
    pub site_action: SiteAction,
    /// What the caller may do now.
    pub allowed: Vec<EventKind>,
    pub document_bytes: Option<i64>,
    pub appointment_on: Option<NaiveDate>,
    pub notified_at: i64,
    pub version: i64,
    pub history: Vec<HistoryEntry>,
}

/// `POST /api/v1/sweep` (local mode): run the daily sweep as of `today`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SweepRequest {
    pub today: String,
}

/// What a sweep did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SweepResult {
    pub today: NaiveDate,
    /// Cases with a letter out that were checked.
    pub checked: u32,
    /// Cases returned to the site (FB-5).
    pub returned: Vec<String>,
    /// Cases not reached in the 3 contact days (FB-4).
    #[serde(default)]
    pub not_reached: Vec<String>,
    /// FL-7: termination messages whose municipality was e-mailed today.
    #[serde(default)]
    pub chased: Vec<String>,
}

/// An e-mail waiting in the outbox (FB-9): the case number and nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub id: String,
    pub created_at: String,
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// FB-9: the e-mail to the notifier when Helfo updates a case: it names the
/// case number and links to the case (the reader signs in to see it) — no
/// name, no fødselsnummer, no health data. The text is [`crate::mail::fb_update`].
pub fn update_email(number: &str, link: &str) -> (String, String) {
    crate::mail::fb_update(number, link)
}
