//! The API's types for fastlege: a message as shown, the dashboard and its
//! rows, registration and the answer to a sent message.

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use super::message::MessageForm;
use super::message::MessageKind;
use super::timing::Timing;
use super::timing::turns_age;
use crate::calendar;
use crate::validation::Issue;

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
    /// Its snake_case name (`registered`), as in JSON.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Its name in bokmål («Registrert av Helfo»).
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
    /// The message's id.
    pub id: String,
    /// The message number `FL-YYYY-NNNNNN`.
    pub number: String,
    /// The id of the municipality that sent it.
    pub organisation_id: String,
    /// That municipality's name.
    pub organisation_name: String,
    /// What the message reports.
    pub kind: MessageKind,
    /// FL-8: sent, or registered by Helfo.
    pub status: Status,
    /// When it takes effect (start, the day after termination, the change).
    pub effective: NaiveDate,
    /// A one-line description for lists, in bokmål.
    pub summary: String,
    /// FL-4 … FL-7: its timeline, as computed the day it was sent.
    pub timing: Timing,
    /// FL-8: the citizens who move, and so get a letter.
    pub citizens_moved: u32,
    /// FL-8: the letters sent to citizens when registered.
    pub letters: Option<u32>,
    /// FL-8: the day Helfo registered it; `None` while it is only sent.
    pub registered_on: Option<NaiveDate>,
    /// FL-6: the id of the termination message it replaces; `None` when it
    /// replaces none.
    pub replaces: Option<String>,
    /// The warnings the message was sent with.
    pub warnings: Vec<Issue>,
    /// The form as sent.
    pub form: MessageForm,
    /// When it was sent, as an RFC 3339 UTC timestamp with milliseconds.
    pub sent_at: String,
    /// Its version, raised by every change: the `ETag`, and what a change's
    /// `If-Match` must name.
    pub version: i64,
}

/// An agreement that ends, for the dashboard and the FL-7 chase list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ending {
    /// The termination message.
    pub id: String,
    /// Its message number `FL-YYYY-NNNNNN`.
    pub number: String,
    /// The id of the municipality that sent it.
    pub organisation_id: String,
    /// That municipality's name.
    pub organisation_name: String,
    /// The name of the GP whose agreement ends.
    pub gp_name: String,
    /// FL-6: T, the agreement's last day (the last day of the month of the
    /// GP's last working day, CAL-6).
    pub termination: NaiveDate,
    /// FL-7: the day Helfo starts chasing (T − 1 month + 1 day).
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
    /// The GP's name.
    pub gp_name: String,
    /// The GP's HPR number.
    pub gp_hpr: String,
    /// The day the GP turns the age limit.
    pub reaches_limit_on: NaiveDate,
    /// The municipality, for Helfo's view of every municipality.
    #[serde(default)]
    pub organisation_name: String,
}

/// `GET /api/v1/fastlege/dashboard`: the municipality's overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    /// The Oslo date the dashboard was made for.
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
    /// The message's id.
    pub id: String,
    /// The message number `FL-YYYY-NNNNNN`.
    pub number: String,
    /// What the message reports.
    pub kind: MessageKind,
    /// When it takes effect.
    pub effective: NaiveDate,
    /// FL-4 … FL-7: its timeline.
    pub timing: Timing,
    /// The warnings it was sent with (a message with errors is refused).
    pub warnings: Vec<Issue>,
    /// Its version: 1 for a new message.
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
