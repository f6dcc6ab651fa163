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
