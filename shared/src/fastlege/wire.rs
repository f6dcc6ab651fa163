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
