//! The API's request and answer types for fristbrudd, and the e-mail texts
//! (FB-9).

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use super::case::Case;
use super::deadlines::DeadlineKind;
use super::deadlines::Deadlines;
use super::deadlines::SiteAction;
use super::deadlines::WaitingList;
use super::event::Actor;
use super::event::EventKind;
use super::notification::BreachKind;
use super::state::State;

/// `POST /api/v1/fristbrudd/patient-check`: does this patient already have
/// an open case at the caller's site? (The number goes in the body, never
/// in a URL.)
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PatientCheck {
    /// The patient's fødselsnummer as typed (ID-1/ID-2).
    pub patient_fnr: String,
}

/// The answer: the open case's number, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatientCheckAnswer {
    /// The open case's number (`FB-YYYY-NNNNNN`); `None` when the patient has
    /// no open case at the caller's site.
    pub open_case: Option<String>,
}

/// One line of a case's history (FB-10): who, when, what, from and to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// When, as an RFC 3339 UTC timestamp with milliseconds
    /// (`2026-03-30T08:15:00.000Z`).
    pub at: String,
    /// Who acted: the site, Helfo or the system (the daily sweep).
    pub actor: Actor,
    /// The id of the user who acted; `None` when the sweep did.
    pub actor_user_id: Option<String>,
    /// What happened.
    pub event: EventKind,
    /// The state before; `None` on the notification that opened the case.
    pub from_state: Option<State>,
    /// The state after.
    pub to_state: State,
    /// A date the event carries (letter sent, appointment), if any.
    pub date: Option<NaiveDate>,
}

/// The answer to a notification: the receipt's facts, and no personal data
/// (it is kept with the `Idempotency-Key` to answer a repeat).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseCreated {
    /// The case's id.
    pub id: String,
    /// The case number `FB-YYYY-NNNNNN`, shown on the receipt.
    pub number: String,
    /// The Oslo date of the notification.
    pub notified_on: NaiveDate,
    /// FB-11: Helfo's first outcome is due by this date (notified + 10
    /// working days).
    pub service_limit: NaiveDate,
    /// What the original site must do now.
    pub site_action: SiteAction,
    /// The case's version: 1 for a new case.
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
    /// The case's id.
    pub id: String,
    /// The case number `FB-YYYY-NNNNNN`.
    pub number: String,
    /// The id of the organisation (the original site) that notified.
    pub organisation_id: String,
    /// ID-3: the patient's fødselsnummer masked, `DDMMYY *****`.
    pub patient_fnr_masked: String,
    /// The specialty the site gave in the notification (FB-1).
    pub specialty: String,
    /// The patient's legal deadline for treatment.
    pub fristdato: NaiveDate,
    /// Where the case is in its state machine.
    pub state: State,
    /// FB-3: the site asks for the patient to be put ahead.
    pub urgent: bool,
    /// FB-3: Helfo has confirmed the urgency.
    pub urgent_confirmed: bool,
    /// The running deadline that comes next, and its kind; `None` when no
    /// deadline runs (FB-4, FB-5, FB-11).
    pub next_deadline: Option<(DeadlineKind, NaiveDate)>,
    /// FB-2: whether the site keeps the patient on its waiting list.
    pub waiting_list: WaitingList,
    /// What the original site must do now.
    pub site_action: SiteAction,
    /// When the site notified, in Unix milliseconds; FB-3 orders the queue by it
    /// after the fristdato.
    pub notified_at: i64,
}

/// A whole case, for its page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseView {
    /// The case's id.
    pub id: String,
    /// The case number `FB-YYYY-NNNNNN`.
    pub number: String,
    /// The id of the organisation (the original site) that notified.
    pub organisation_id: String,
    /// That organisation's name.
    pub organisation_name: String,
    /// That organisation's organisasjonsnummer (ID-4).
    pub organisation_orgnr: String,
    /// ID-3: the patient's fødselsnummer in full (only on the case page).
    pub patient_fnr: String,
    /// ID-3: the same, masked `DDMMYY *****`.
    pub patient_fnr_masked: String,
    /// FB-1: the patient's name.
    pub patient_name: String,
    /// FB-1: the patient's phone number (ID-7).
    pub patient_phone: String,
    /// FB-1: the specialty, as the site gave it.
    pub specialty: String,
    /// FB-1: the date the referral was received.
    pub referral_received: NaiveDate,
    /// FB-1: the date the site sent the patient the letter «Varsel om
    /// fristbrudd».
    pub warning_sent: NaiveDate,
    /// FB-1: whether the breach is expected or has occurred.
    pub kind: BreachKind,
    /// FB-3: the site's reason for urgency; `None` when it asked for none.
    pub urgent_reason: Option<String>,
    /// What the rules know about the case: its state, dates and flags.
    pub case: Case,
    /// The case's deadlines (FB-4, FB-5, FB-11).
    pub deadlines: Deadlines,
    /// The running deadline that comes next, and its kind; `None` when no
    /// deadline runs.
    pub next_deadline: Option<(DeadlineKind, NaiveDate)>,
    /// FB-2: whether the site keeps the patient on its waiting list.
    pub waiting_list: WaitingList,
    /// What the original site must do now.
    pub site_action: SiteAction,
    /// What the caller may do now.
    pub allowed: Vec<EventKind>,
    /// FB-7: the size in bytes of the uploaded PDF; `None` when none is
    /// uploaded.
    pub document_bytes: Option<i64>,
    /// FB-8: the appointment date the site reported (the case's own, else the
    /// latest in the history); `None` when it has reported none.
    pub appointment_on: Option<NaiveDate>,
    /// When the site notified, in Unix milliseconds.
    pub notified_at: i64,
    /// The case's version, raised by every change: the `ETag`, and what a
    /// change's `If-Match` must name.
    pub version: i64,
    /// FB-10: every change of the case, oldest first.
    pub history: Vec<HistoryEntry>,
}

/// `POST /api/v1/sweep` (local mode): run the daily sweep as of `today`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SweepRequest {
    /// The day to sweep as of, `dd.mm.åååå` or ISO; empty means today.
    pub today: String,
}

/// What a sweep did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SweepResult {
    /// The day the sweep ran as of.
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
    /// The e-mail's sequence number in the outbox, as text.
    pub id: String,
    /// When it was queued, as an RFC 3339 UTC timestamp with milliseconds.
    pub created_at: String,
    /// The recipient's e-mail address.
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub body: String,
}

/// FB-9: the e-mail to the notifier when Helfo updates a case: it names the
/// case number and links to the case (the reader signs in to see it) — no
/// name, no fødselsnummer, no health data. The text is [`crate::mail::fb_update`].
pub fn update_email(number: &str, link: &str) -> (String, String) {
    crate::mail::fb_update(number, link)
}
