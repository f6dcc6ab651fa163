//! One claim line: as read from a file, checked by the line rules (FK-1,
//! FK-2, FK-6) and as the trip FK-8 compares.

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use serde::Serialize;

use super::amount::format_ore;
use super::deadlines::submission_deadline;
use super::deadlines::time_bar;
use super::rates::return_trip_ore;
use crate::calendar;
use crate::fields;
use crate::ids::FnrContext;
use crate::ids::Fodselsnummer;
use crate::validation::Issue;
use crate::validation::IssueCode;

/// One data line as read from a file: the fields as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawLine {
    /// The patient's fødselsnummer (column `fodselsnummer`).
    pub fodselsnummer: String,
    /// The date of transport (column `transportdato`).
    pub transportdato: String,
    /// The date the HF paid out the frikort share (column `utbetalingsdato`).
    pub utbetalingsdato: String,
    /// The co-payment in NOK (column `egenandel`, `171,00`).
    pub egenandel: String,
    /// The HF's own reference (optional column `referanse`); empty when none.
    pub referanse: String,
}

/// One data line borrowed from the reader's buffer (no copies).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RawRef<'a> {
    /// The patient's fødselsnummer (column `fodselsnummer`).
    pub fodselsnummer: &'a str,
    /// The date of transport (column `transportdato`).
    pub transportdato: &'a str,
    /// The date the HF paid out the frikort share (column `utbetalingsdato`).
    pub utbetalingsdato: &'a str,
    /// The co-payment in NOK (column `egenandel`, `171,00`).
    pub egenandel: &'a str,
    /// The HF's own reference (optional column `referanse`); empty when none.
    pub referanse: &'a str,
}

impl RawLine {
    /// The line borrowed, as the line rules read it.
    pub fn as_ref(&self) -> RawRef<'_> {
        RawRef {
            fodselsnummer: &self.fodselsnummer,
            transportdato: &self.transportdato,
            utbetalingsdato: &self.utbetalingsdato,
            egenandel: &self.egenandel,
            referanse: &self.referanse,
        }
    }
}

impl RawRef<'_> {
    /// The line copied out of the reader's buffer.
    pub fn to_owned_line(&self) -> RawLine {
        RawLine {
            fodselsnummer: self.fodselsnummer.to_owned(),
            transportdato: self.transportdato.to_owned(),
            utbetalingsdato: self.utbetalingsdato.to_owned(),
            egenandel: self.egenandel.to_owned(),
            referanse: self.referanse.to_owned(),
        }
    }
}

/// A line that passed FK-1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimLine {
    /// The patient's fødselsnummer (ID-1/ID-2).
    pub fnr: Fodselsnummer,
    /// The date of transport.
    pub transport: NaiveDate,
    /// The date the HF paid out the frikort share: not before the transport,
    /// not after today.
    pub payout: NaiveDate,
    /// The co-payment (egenandel) in øre, above 0.
    pub amount_ore: i64,
}

impl ClaimLine {
    /// FK-8: what makes two lines the same trip.
    pub fn trip(&self) -> Trip {
        Trip {
            fnr: self.fnr.as_str(),
            transport: self.transport,
            payout: self.payout,
            amount_ore: self.amount_ore,
        }
    }
}

/// FK-8: the same patient, transport date, payout date and amount.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Trip {
    /// The patient's fødselsnummer, its eleven digits.
    pub fnr: String,
    /// The date of transport.
    pub transport: NaiveDate,
    /// The date the HF paid out the frikort share.
    pub payout: NaiveDate,
    /// The co-payment in øre.
    pub amount_ore: i64,
}

impl Trip {
    /// The text a keyed hash is taken of (at the edge, never stored plain).
    pub fn canonical(&self) -> String {
        format!(
            "{}|{}|{}|{}",
            self.fnr, self.transport, self.payout, self.amount_ore
        )
    }
}

/// What the line rules need besides the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineContext {
    /// Today in Oslo and whether synthetic identities are allowed.
    pub fnr: FnrContext,
    /// When Helfo receives the claim (FK-3, FK-6 count from it).
    pub received: NaiveDate,
    /// When the HF became aware of the claim (FK-2), if known.
    pub aware: Option<NaiveDate>,
}

/// FK-1, FK-2, FK-6: every issue of one line, and the line when it has no
/// error. Warnings (a late claim, an amount above a return trip) leave the
/// line valid. For many lines, make one [`LineRules`] and use its `check`.
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::frikort::{LineContext, RawRef, check_line};
/// use frist_domain::ids::FnrContext;
/// use frist_domain::IssueCode;
///
/// let today = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
/// let ctx = LineContext { fnr: FnrContext::production(today), received: today, aware: None };
/// let line = RawRef {
///     fodselsnummer: "15038510190",
///     transportdato: "02.03.2026",
///     utbetalingsdato: "2026-03-10",
///     egenandel: "171,00",
///     referanse: "",
/// };
/// let (issues, checked) = check_line(&line, &ctx);
/// assert!(issues.is_empty());
/// assert_eq!(checked.unwrap().amount_ore, 17_100);
///
/// // Paid out before the trip: refused, and the line is not settled.
/// let early = RawRef { utbetalingsdato: "2026-03-01", ..line };
/// let (issues, checked) = check_line(&early, &ctx);
/// assert_eq!(issues[0].code, IssueCode::PayoutBeforeTransport);
/// assert!(checked.is_none());
/// ```
pub fn check_line(raw: &RawRef<'_>, ctx: &LineContext) -> (Vec<Issue>, Option<ClaimLine>) {
    LineRules::new(*ctx).check(raw)
}

/// The last day in `lo..hi` for which `holds` is true, for a `holds` that
/// is true up to some day and false after it (found by bisection); `None`
/// when it is false already at `lo`.
fn last_true(holds: impl Fn(NaiveDate) -> bool, lo: NaiveDate, hi: NaiveDate) -> Option<NaiveDate> {
    let (mut lo, mut hi) = (lo, hi);
    if !holds(lo) {
        return None;
    }
    // Invariant: holds(lo), and not holds(hi).
    while hi - lo > chrono::TimeDelta::days(1) {
        let mid = lo + (hi - lo) / 2;
        if holds(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(lo)
}

/// The line rules with what is the same for every line of a claim worked
/// out once: the FK-6 bar and the FK-2 deadline depend only on the context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineRules {
    ctx: LineContext,
    /// FK-6: the latest payout date whose bar date is before `received`;
    /// every payout on or before it is time-barred.
    last_barred_payout: Option<NaiveDate>,
    /// FK-2: the deadline, when `received` is after it.
    missed_deadline: Option<NaiveDate>,
    /// FK-2 without an "aware" date (**choice**: the HF knew of its claim
    /// at the latest when it paid the share out): the latest payout date
    /// whose 6 months ran out before `received`.
    last_late_payout: Option<NaiveDate>,
}

impl LineRules {
    /// The rules for every line of a claim checked with `ctx`.
    pub fn new(ctx: LineContext) -> Self {
        // FK-6: `time_bar` never decreases as the payout date grows (CAL-8
        // clamps 29 Feb to 28 Feb, CAL-7 only rolls forward), so the barred
        // payouts are the dates up to one boundary, found by bisection in the
        // window two to four years before `received`.
        let barred = |p: NaiveDate| time_bar(p).is_ok_and(|bar| ctx.received > bar);
        let before = |days| {
            let d = ctx.received.checked_sub_days(chrono::Days::new(days));
            d.unwrap_or(calendar::MIN_DATE).max(calendar::MIN_DATE)
        };
        let last_barred_payout = last_true(barred, before(4 * 366), before(2 * 365));
        let missed_deadline = ctx
            .aware
            .and_then(|aware| submission_deadline(aware).ok())
            .filter(|deadline| ctx.received > *deadline);
        // FK-2 per line: `submission_deadline` never decreases either.
        let late = |p: NaiveDate| submission_deadline(p).is_ok_and(|d| ctx.received > d);
        let last_late_payout = match ctx.aware {
            Some(_) => None,
            None => last_true(late, before(400), before(150)),
        };
        LineRules {
            ctx,
            last_barred_payout,
            missed_deadline,
            last_late_payout,
        }
    }

    /// See [`check_line`].
    pub fn check(&self, raw: &RawRef<'_>) -> (Vec<Issue>, Option<ClaimLine>) {
        let mut issues = Vec::new();
        let fnr = fields::id(&mut issues, "fodselsnummer", raw.fodselsnummer, |v| {
            Fodselsnummer::parse(v, &self.ctx.fnr)
        });
        let transport = fields::date(&mut issues, "transportdato", raw.transportdato);
        let payout = fields::date(&mut issues, "utbetalingsdato", raw.utbetalingsdato);
        let amount = fields::amount(&mut issues, "egenandel", raw.egenandel);
        self.check_dates(&mut issues, transport, payout);
        self.check_warnings(&mut issues, transport, payout, amount);
        let has_error = issues
            .iter()
            .any(|i| i.severity == crate::validation::Severity::Error);
        let line = match (fnr, transport, payout, amount) {
            (Some(fnr), Some(transport), Some(payout), Some(amount_ore)) if !has_error => {
                Some(ClaimLine {
                    fnr,
                    transport,
                    payout,
                    amount_ore,
                })
            }
            _ => None,
        };
        (issues, line)
    }

    /// The errors about the payout date: before the transport, in the
    /// future, or time-barred (FK-6).
    fn check_dates(
        &self,
        issues: &mut Vec<Issue>,
        transport: Option<NaiveDate>,
        payout: Option<NaiveDate>,
    ) {
        let today = self.ctx.fnr.today;
        if let (Some(t), Some(p)) = (transport, payout)
            && p < t
        {
            issues.push(
                Issue::error("utbetalingsdato", IssueCode::PayoutBeforeTransport)
                    .with("transport", t),
            );
        }
        if let Some(p) = payout
            && p > today
        {
            issues.push(
                Issue::error("utbetalingsdato", IssueCode::DateInFuture).with("today", today),
            );
        }
        // FK-6: received after the bar date is refused; on it, still in time.
        if let Some(p) = payout
            && self.last_barred_payout.is_some_and(|last| p <= last)
            && let Ok(bar) = time_bar(p)
        {
            issues.push(Issue::error("utbetalingsdato", IssueCode::TimeBarred).with("bar", bar));
        }
    }

    /// The warnings that leave a line valid: FK-1 (above a return trip)
    /// and FK-2 (sent late).
    fn check_warnings(
        &self,
        issues: &mut Vec<Issue>,
        transport: Option<NaiveDate>,
        payout: Option<NaiveDate>,
        amount: Option<i64>,
    ) {
        // FK-1 (warning): more than a return trip's co-payment that year.
        if let (Some(a), Some(t)) = (amount, transport)
            && let Some(max) = return_trip_ore(t.year())
            && a > max
        {
            issues.push(
                Issue::warning("egenandel", IssueCode::AmountAboveReturnTrip)
                    .with("max", &*format_ore(max)),
            );
        }
        // FK-2 (warning): sent after aware + 6 months; without an aware
        // date, after payout + 6 months.
        if let Some(deadline) = self.missed_deadline {
            issues.push(Issue::warning("", IssueCode::LateSubmission).with("deadline", deadline));
        } else if let Some(p) = payout
            && self.last_late_payout.is_some_and(|last| p <= last)
            && let Ok(deadline) = submission_deadline(p)
        {
            issues.push(
                Issue::warning("utbetalingsdato", IssueCode::LateSubmission)
                    .with("deadline", deadline),
            );
        }
    }
}
