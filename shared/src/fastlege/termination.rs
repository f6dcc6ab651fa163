//! FL-1: the check of a termination message.

use chrono::NaiveDate;

use super::message::Message;
use super::message::MessageForm;
use super::message::MessageKind;
use super::message::TEXT_MAX;
use super::timing::NOTICE_MONTHS;
use super::timing::Timing;
use super::timing::last_working_day;
use super::timing::termination_date;
use super::timing::timing;
use crate::calendar;
use crate::fields;
use crate::validation::Issue;
use crate::validation::IssueCode;
use crate::validation::Report;

impl MessageForm {
    /// FL-1.
    pub(super) fn termination(&self, r: &mut Report, sent: NaiveDate) -> Option<Message> {
        let (name, hpr, birth) = self.gp(r);
        let practice = fields::text(r, "practice", &self.practice, TEXT_MAX);
        let notice = fields::date(r, "notice_date", &self.notice_date);
        if notice.is_some_and(|n| n > sent) {
            r.push(Issue::error("notice_date", IssueCode::DateInFuture).with("today", sent));
        }
        let months = fields::number(
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
            let given = fields::date(r, "last_working_day", &self.last_working_day);
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
}
