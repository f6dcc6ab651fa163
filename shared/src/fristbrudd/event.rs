//! What happens to a case: who acts ([`Actor`]), the events with their data,
//! and the form that carries one ([`EventForm`]).

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use super::case::Case;
use crate::fields;
use crate::validation::Issue;
use crate::validation::IssueCode;
use crate::validation::Report;

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
        /// The letter's date: not before the case was taken up, not after today.
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
    /// FB-8: the patient accepted the other provider's offer; the site removes
    /// the patient from its waiting list (FB-2).
    OfferAccepted,
    /// FB-8: the patient declined the other provider's offer; the case stops
    /// and the patient keeps the place on the waiting list.
    OfferDeclined,
    /// FB-8: Helfo found no offer; the case stops, the patient keeps the place
    /// on the waiting list, and the site gives the date the patient can come.
    NoOfferFound,
    /// FB-8: the original site found an appointment on `appointment` (or,
    /// after "no offer found", tells Helfo when the patient can come).
    SiteFoundAppointment {
        /// The appointment's date: today or later.
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
    /// Helfo took the case up ([`Event::TakeUp`]).
    TakeUp,
    /// Helfo confirmed the urgency ([`Event::ConfirmUrgent`]).
    ConfirmUrgent,
    /// A phone attempt that did not reach the patient ([`Event::ContactAttempt`]).
    ContactAttempt,
    /// The patient was not reached ([`Event::NotReached`]).
    NotReached,
    /// Helfo's letter was sent ([`Event::LetterSent`]).
    LetterSent,
    /// The patient wants an offer ([`Event::PatientWantsOffer`]).
    PatientWantsOffer,
    /// The patient does not want Helfo's help ([`Event::PatientDeclines`]).
    PatientDeclines,
    /// Documentation received by post ([`Event::DocumentsReceived`]).
    DocumentsReceived,
    /// FB-7: the site uploaded its PDF (history only; the upload is not an
    /// [`Event`]).
    DocumentUploaded,
    /// Forwarded to another provider ([`Event::Forward`]).
    Forward,
    /// The patient accepted the offer ([`Event::OfferAccepted`]).
    OfferAccepted,
    /// The patient declined the offer ([`Event::OfferDeclined`]).
    OfferDeclined,
    /// Helfo found no offer ([`Event::NoOfferFound`]).
    NoOfferFound,
    /// The site reported an appointment ([`Event::SiteFoundAppointment`]).
    SiteFoundAppointment,
    /// Helfo stopped for the site's appointment ([`Event::StopForSiteAppointment`]).
    StopForSiteAppointment,
    /// Helfo went on despite the site's appointment ([`Event::ContinueDespiteAppointment`]).
    ContinueDespiteAppointment,
    /// Returned to the site by the sweep ([`Event::Return`]).
    Return,
}

impl EventKind {
    /// Its snake_case name, as in JSON, an [`EventForm`] and the history
    /// (`letter_sent`).
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
    /// Its [`EventKind`].
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
    /// The event's snake_case name (`letter_sent`), any [`EventKind`] but
    /// `notify` and `document_uploaded`; required.
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
                fields::date(&mut r, "sent", &self.sent).map(|sent| Event::LetterSent { sent })
            }
            EventKind::SiteFoundAppointment => {
                fields::date(&mut r, "appointment", &self.appointment)
                    .map(|appointment| Event::SiteFoundAppointment { appointment })
            }
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
