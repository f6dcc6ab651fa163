//! FL-10, FL-11: substitutes — their periods, the one-year limit for a
//! doctor without LIS1, and the check of a substitute message.

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use super::check::check_direct_settlement;
use super::message::Competence;
use super::message::Message;
use super::message::MessageForm;
use super::message::MessageKind;
use super::message::TEXT_MAX;
use super::timing::timing;
use crate::calendar;
use crate::fields;
use crate::validation::Issue;
use crate::validation::IssueCode;
use crate::validation::Report;

/// FL-10: the longest total substitute period for a doctor without
/// completed LIS1 and without other approval, in years.
pub const UNAPPROVED_SUBSTITUTE_YEARS: u32 = 1;
/// FL-10: what a substitute message says about the substitute's time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubstituteFacts {
    /// The substitute's HPR number.
    pub hpr: String,
    /// A period begun (`SubstituteStart`), or an early end (`SubstituteEnd`).
    pub start: Option<NaiveDate>,
    /// The last day of the period, when known.
    pub end: Option<NaiveDate>,
    /// Without completed LIS1 and without other approval: the year limit applies.
    pub unapproved: bool,
}

/// FL-10: the periods a substitute without LIS1 has had, from their
/// messages in the order sent: a start adds a period (if unapproved), an
/// early end shortens the period it falls in.
pub fn unapproved_periods(messages: &[SubstituteFacts]) -> Vec<(NaiveDate, NaiveDate)> {
    let mut periods: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for m in messages {
        match (m.start, m.end) {
            (Some(s), Some(e)) if m.unapproved => periods.push((s, e)),
            (None, Some(early)) => {
                if let Some(p) = periods
                    .iter_mut()
                    .rev()
                    .find(|(s, e)| *s <= early && early < *e)
                {
                    p.1 = early;
                }
            }
            _ => {}
        }
    }
    periods
}

/// FL-10: «may substitute for at most one year in total». The days of every
/// period, overlaps counted once, may not exceed one year from the first
/// period's start (365 days, 366 across a 29 February); one period may run
/// to its start + 1 year − 1 day. `Err` names the last end the new period
/// could have.
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::fastlege::substitute_total;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // One whole year: 1 January to 31 December.
/// assert!(substitute_total(&[], d(2026, 1, 1), d(2026, 12, 31)).is_ok());
/// // A year and a day is too long.
/// assert_eq!(substitute_total(&[], d(2026, 1, 1), d(2027, 1, 1)), Err(d(2026, 12, 31)));
/// // Six months already: the next period has six months left.
/// let earlier = [(d(2025, 1, 1), d(2025, 6, 30))];
/// assert_eq!(substitute_total(&earlier, d(2026, 1, 1), d(2026, 12, 31)), Err(d(2026, 7, 3)));
/// ```
pub fn substitute_total(
    earlier: &[(NaiveDate, NaiveDate)],
    start: NaiveDate,
    end: NaiveDate,
) -> Result<(), NaiveDate> {
    let days = |periods: &[(NaiveDate, NaiveDate)]| -> i64 {
        let mut sorted = periods.to_vec();
        sorted.sort();
        let mut total = 0;
        let mut covered_to: Option<NaiveDate> = None;
        for (s, e) in sorted {
            let from = match covered_to {
                Some(c) if c >= s => c.succ_opt().unwrap_or(c),
                _ => s,
            };
            if e >= from {
                total += (e - from).num_days() + 1;
            }
            covered_to = Some(covered_to.map_or(e, |c| c.max(e)));
        }
        total
    };
    let first = earlier
        .iter()
        .map(|p| p.0)
        .min()
        .unwrap_or(start)
        .min(start);
    let allowed = calendar::add_years(first, UNAPPROVED_SUBSTITUTE_YEARS)
        .map(|y| (y - first).num_days())
        .unwrap_or(365);
    let with = |e: NaiveDate| {
        let mut all = earlier.to_vec();
        all.push((start, e));
        days(&all)
    };
    if with(end) <= allowed {
        return Ok(());
    }
    // The latest end that still fits (before `start`: nothing fits).
    let mut last = start.pred_opt().unwrap_or(start);
    let mut e = start;
    while e < end && with(e) <= allowed {
        last = e;
        e = e.succ_opt().unwrap_or(end);
    }
    Err(last)
}

impl MessageForm {
    /// FL-10, FL-11: a substitute starts, changes or ends early.
    pub(super) fn substitute(
        &self,
        r: &mut Report,
        sent: NaiveDate,
        kind: MessageKind,
    ) -> Option<Message> {
        let sub_name = fields::text(r, "substitute_name", &self.substitute_name, TEXT_MAX);
        let sub_hpr =
            fields::hpr(r, "substitute_hpr", &self.substitute_hpr).map(|h| h.get().to_string());
        let (gp_name, gp_hpr, _) = self.gp(r);
        let mut unapproved = false;
        let (from, until) = match kind {
            MessageKind::SubstituteStart => {
                let (start, end, without_approval) = self.substitute_period(r);
                unapproved = without_approval;
                (start, end)
            }
            MessageKind::SubstituteChange => (
                fields::date(r, "effective_date", &self.effective_date),
                None,
            ),
            _ => {
                let end = fields::date(r, "end_date", &self.end_date);
                (end, end)
            }
        };
        let timing = timing(sent, None, None).ok()?;
        let summary = match kind {
            MessageKind::SubstituteStart => format!(
                "{} ({}) er vikar for {} fra {} til {}",
                sub_name?,
                sub_hpr.clone()?,
                gp_name.clone()?,
                calendar::format_nb(from?),
                calendar::format_nb(until?)
            ),
            MessageKind::SubstituteChange => format!(
                "{} ({}) er vikar for {} fra {}",
                sub_name?,
                sub_hpr.clone()?,
                gp_name.clone()?,
                calendar::format_nb(from?)
            ),
            _ => format!(
                "Vikariatet til {} ({}) for {} slutter {}",
                sub_name?,
                sub_hpr.clone()?,
                gp_name.clone()?,
                calendar::format_nb(until?)
            ),
        };
        let substitute = SubstituteFacts {
            hpr: sub_hpr?,
            start: (kind == MessageKind::SubstituteStart)
                .then_some(from)
                .flatten(),
            end: until,
            unapproved,
        };
        Some(Message {
            kind,
            effective: from?,
            summary_nb: summary,
            timing,
            gp_hpr,
            gp_name,
            gp_birth_date: None,
            citizens_moved: 0,
            substitute: Some(substitute),
        })
    }

    /// FL-10, FL-11: a new substitute's period and competence; whether the
    /// substitute has neither LIS1 nor other approval.
    fn substitute_period(&self, r: &mut Report) -> (Option<NaiveDate>, Option<NaiveDate>, bool) {
        let start = fields::date(r, "start_date", &self.start_date);
        let end = fields::date(r, "end_date", &self.end_date);
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            r.push(Issue::error("end_date", IssueCode::DateBeforeStart).with("start", s));
        }
        let competence = fields::required(r, "competence", &self.competence).and_then(|c| {
            c.parse::<Competence>().ok().or_else(|| {
                r.push(
                    Issue::error("competence", IssueCode::NotOneOf)
                        .with("allowed", "specialist, approved, in_specialisation, none"),
                );
                None
            })
        });
        // FL-10: without LIS1 and approval, at most one year in total
        // (this period alone here; with earlier ones at the edge).
        let unapproved = competence == Some(Competence::None) && !self.lis1_completed;
        if unapproved
            && let (Some(s), Some(e)) = (start, end)
            && let Err(max) = substitute_total(&[], s, e)
        {
            r.push(Issue::error("end_date", IssueCode::SubstituteTooLong).with("max_end", max));
        }
        check_direct_settlement(r, self, start);
        (start, end, unapproved)
    }
}
