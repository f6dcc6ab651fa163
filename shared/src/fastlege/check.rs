//! [`MessageForm::check`]: what a check needs besides the form, the checks
//! every kind shares (contact person, direct settlement, visibility) and the
//! dispatch to each kind's own check.

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use super::message::COMMENT_MAX;
use super::message::ContactForm;
use super::message::Message;
use super::message::MessageForm;
use super::message::MessageKind;
use super::message::SCHEMA_VERSION;
use super::message::TEXT_MAX;
use super::timing::latest_for_visibility;
use crate::fields;
use crate::ids::Epost;
use crate::ids::Telefon;
use crate::validation::Issue;
use crate::validation::IssueCode;
use crate::validation::Report;

/// FL-10 (**choice**, agreed locally): the bounds a listetak must fall
/// within. A setting of the deployment, not a rule of the domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListBounds {
    /// The smallest listetak allowed.
    pub min: u32,
    /// The largest listetak allowed.
    pub max: u32,
}

impl ListBounds {
    /// 0 (a vacant 0-list) to 3,000.
    pub const DEFAULT: ListBounds = ListBounds { min: 0, max: 3000 };
}

impl Default for ListBounds {
    fn default() -> Self {
        ListBounds::DEFAULT
    }
}

/// What a check needs besides the form: the day it is sent (Oslo) and the
/// deployment's list bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckContext {
    /// The day the message is sent, in Oslo.
    pub today: NaiveDate,
    /// FL-10: the listetak bounds the municipality has agreed.
    pub bounds: ListBounds,
}

fn check_contact(r: &mut Report, c: &ContactForm) {
    fields::text(r, "contact.name", &c.name, TEXT_MAX);
    fields::id(r, "contact.phone", &c.phone, str::parse::<Telefon>);
    fields::id(r, "contact.email", c.email.trim(), Epost::validate);
}

/// FL-11: a self-employed doctor needs a direct settlement agreement before
/// treating anyone — warned loudly, since the claims are otherwise rejected.
pub(super) fn check_direct_settlement(r: &mut Report, f: &MessageForm, start: Option<NaiveDate>) {
    if !f.self_employed {
        return;
    }
    match fields::optional_date(r, "direct_settlement_date", &f.direct_settlement_date) {
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
pub(super) fn check_visibility(r: &mut Report, sent: NaiveDate, start: Option<NaiveDate>) {
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
    ///
    /// Seed 001: Per Olsen gives notice on 7 October 2022; his last working
    /// day is 30 April 2023 and Helfo chases the municipality from 31 March.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use frist_domain::fastlege::{
    ///     CheckContext, ContactForm, ListBounds, MessageForm, SCHEMA_VERSION,
    /// };
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let form = MessageForm {
    ///     schema_version: SCHEMA_VERSION,
    ///     kind: "termination".into(),
    ///     contact: ContactForm {
    ///         name: "Kari Kommune".into(),
    ///         phone: "61 05 00 00".into(),
    ///         email: "kari@lillehammer.kommune.no".into(),
    ///     },
    ///     gp_name: "Per Olsen".into(),
    ///     gp_hpr: "9144889".into(),
    ///     practice: "Storgata legesenter".into(),
    ///     notice_date: "07.10.2022".into(),
    ///     ..MessageForm::default()
    /// };
    /// let ctx = CheckContext { today: day(2022, 10, 7), bounds: ListBounds::DEFAULT };
    /// let (report, message) = form.check(&ctx, None);
    /// assert!(report.is_empty());
    /// let timing = message.unwrap().timing;
    /// assert_eq!(timing.termination, Some(day(2023, 4, 30)));
    /// assert_eq!(timing.chase_from, Some(day(2023, 3, 31)));
    /// ```
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

    pub(super) fn gp(&self, r: &mut Report) -> (Option<String>, Option<String>, Option<NaiveDate>) {
        let name = fields::text(r, "gp_name", &self.gp_name, TEXT_MAX);
        let hpr = fields::hpr(r, "gp_hpr", &self.gp_hpr).map(|h| h.get().to_string());
        let birth = fields::optional_date(r, "gp_birth_date", &self.gp_birth_date);
        (name, hpr, birth)
    }
}
