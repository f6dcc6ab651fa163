//! A case and its state machine: [`Case::apply`] moves it, refusing any
//! transition not allowed and naming those that are ([`TransitionError`]).

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use super::event::Actor;
use super::event::Event;
use super::event::EventKind;
use super::notification::Notification;
use super::state::State;
use super::state::Variant;
use crate::calendar;
use crate::validation::Issue;
use crate::validation::IssueCode;

/// What the rules need to know about a case (no personal data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// Where the case is in its state machine.
    pub state: State,
    /// The variant the case takes, once known (FB-6 … FB-8).
    pub variant: Option<Variant>,
    /// The patient's legal deadline for treatment.
    pub fristdato: NaiveDate,
    /// The Oslo date of the notification.
    pub notified_on: NaiveDate,
    /// FB-3: the site asks for the patient to be put ahead.
    pub urgent: bool,
    /// FB-3: Helfo has confirmed the urgency.
    pub urgent_confirmed: bool,
    /// FB-4: when Helfo took the case up.
    pub taken_up_on: Option<NaiveDate>,
    /// FB-5: when Helfo's letter went out.
    pub letter_sent_on: Option<NaiveDate>,
    /// When Helfo asked the site for documentation (FB-6 a/b).
    pub documents_requested_on: Option<NaiveDate>,
    /// FB-7: the case has documentation attached.
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
    /// The state the case was in.
    pub from: State,
    /// The event that was tried.
    pub event: EventKind,
    /// The events allowed from that state.
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
}

/// The case number `FB-YYYY-NNNNNN` (FB-1).
pub fn case_number(year: i32, seq: i64) -> String {
    format!("FB-{year:04}-{seq:06}")
}
