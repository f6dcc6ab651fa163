//! The rules of one bill: CTRL-2 … CTRL-5, CTRL-7 and CTRL-8, in
//! [`check_bill`], and the tariff year a bill is checked against.

use chrono::{Datelike, NaiveDate};

use super::bill::Bill;
use super::doctor::Doctor;
use super::takst::Rep;
use super::takst::Takst;
use super::tariffs::TariffYear;
use super::tariffs::Tariffs;
use super::tariffs::covered;
use crate::calendar;
use crate::validation::Issue;
use crate::validation::IssueCode;
use crate::validation::Report;

/// What the rules of one bill need besides the bill.
#[derive(Debug, Clone, Copy)]
pub struct BillContext<'a> {
    /// Every tariff year frist knows.
    pub tariffs: &'a Tariffs,
    /// `--tariff-year`: check every bill against this year instead of the
    /// year in force on its date.
    pub forced_year: Option<i32>,
    /// The day the bill reaches Helfo when the file does not say (CTRL-8).
    pub sent: NaiveDate,
    /// The doctor, when the practitioner list has them (CTRL-7).
    pub doctor: Option<&'a Doctor>,
}

pub(super) fn rule(issue: Issue, rule: &str) -> Issue {
    issue.with("rule", rule)
}

/// An error of rule `rule_id` about takst `takst` on the bill's takster.
fn takst_error(code: IssueCode, takst: &Takst, rule_id: &str) -> Issue {
    rule(
        Issue::error("takster", code).with("takst", takst.code.as_str()),
        rule_id,
    )
}

/// An error of rule `rule_id` about two takster that may not stand together.
fn pair_error(code: IssueCode, takst: &Takst, other: &Takst, rule_id: &str) -> Issue {
    takst_error(code, takst, rule_id).with("other", other.code.as_str())
}

/// CTRL-8: the last day a bill for treatment on `date` can reach Helfo —
/// «six months after the end of the month of treatment». **Choice**: the
/// end of a month is an instant (midnight into the next month), and six
/// months after it is midnight into the seventh month, so the bar is the
/// last day of the sixth month after (treatment in April: 31 October, not
/// CAL-8's 30 October from 30 April). A bar on a weekend or holiday rolls
/// forward (CAL-7: forvaltningsloven § 30 with domstolloven § 149).
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::kontroll::time_bar;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(time_bar(d(2025, 4, 20)), Some(d(2025, 10, 31)));
/// // 31 October 2026 is a Saturday: Monday 2 November.
/// assert_eq!(time_bar(d(2026, 4, 20)), Some(d(2026, 11, 2)));
/// ```
pub fn time_bar(date: NaiveDate) -> Option<NaiveDate> {
    let month_start = date.with_day(1)?;
    let end = calendar::last_day_of_month(calendar::add_months(month_start, 6).ok()?).ok()?;
    calendar::roll_forward(end).ok()
}

/// The tariff year a bill is checked against, and whether it is the year
/// in force on the bill's date (or the one asked for).
pub fn tariff_for<'a>(
    bill_date: NaiveDate,
    ctx: &BillContext<'a>,
) -> Option<(&'a TariffYear, bool)> {
    match ctx.forced_year {
        Some(y) => ctx.tariffs.year(y).map(|y| (y, true)),
        None => ctx.tariffs.for_date(bill_date),
    }
}

/// CTRL-2 … CTRL-5, CTRL-7, CTRL-8 on one bill. The refund in øre is the
/// tariff's (CTRL-4: a half-price repetition counts half), or `None` when
/// the tariff does not give an amount for every takst on the bill — then
/// CTRL-9 cannot count the bill unless the file carries its amount.
///
/// A takst frist's tariff table does not hold is a warning, not an error
/// (**choice**): the table is a partial copy of Normaltariffen, so such a
/// takst may well be valid; it is named for a person to check.
pub fn check_bill(bill: &Bill, ctx: &BillContext<'_>) -> (Report, Option<i64>) {
    let mut report = Report::new();
    let Some((year, _)) = tariff_for(bill.date, ctx) else {
        report.push(missing_year(bill, ctx));
        return (report, None);
    };
    let known = known_takster(&mut report, bill, year);
    let mut refund = (known.len() == bill.takster.len()).then_some(0i64);
    for (i, &(t, count)) in known.iter().enumerate() {
        // CTRL-2: a takst that must stand alone.
        if t.alone && bill.takster.len() != 1 {
            report.push(takst_error(IssueCode::TakstMustStandAlone, t, "CTRL-2"));
        }
        for &(u, _) in &known[i + 1..] {
            check_pair(&mut report, t, u);
        }
        check_companion(&mut report, bill, year, t);
        check_repetitions(&mut report, t, count);
        refund = refund.zip(line_refund(t, count)).map(|(sum, r)| sum + r);
    }
    check_dates(&mut report, bill, ctx);
    (report, refund)
}

/// The issue of a bill no tariff year covers.
fn missing_year(bill: &Bill, ctx: &BillContext<'_>) -> Issue {
    match ctx.forced_year {
        // A year is text, not a number: "2024", never "2 024".
        Some(y) => Issue::error("", IssueCode::TariffYearMissing).with("year", &*y.to_string()),
        None => Issue::error("dato", IssueCode::TariffYearMissing)
            .with("year", &*tariff_year_of(bill.date).to_string()),
    }
}

/// CTRL-2: the bill's takster the tariff year holds, with their counts; a
/// takst it does not hold is warned about.
fn known_takster<'y>(
    report: &mut Report,
    bill: &Bill,
    year: &'y TariffYear,
) -> Vec<(&'y Takst, u32)> {
    let mut known = Vec::new();
    for l in &bill.takster {
        match year.takst(&l.code) {
            Some(t) => known.push((t, l.count)),
            None => report.push(rule(
                Issue::warning("takster", IssueCode::TakstUnknown)
                    .with("takst", l.code.as_str())
                    .with(
                        "year",
                        &*format!("{}–{:02}", year.year, (year.year + 1).rem_euclid(100)),
                    ),
                "CTRL-2",
            )),
        }
    }
    known
}

/// CTRL-5 and CTRL-2 on two takster of one bill.
fn check_pair(report: &mut Report, t: &Takst, u: &Takst) {
    let pair = |a: &Takst, b: &Takst| {
        a.pair
            .as_deref()
            .is_some_and(|p| p.eq_ignore_ascii_case(&b.code))
    };
    if pair(t, u) {
        // CTRL-5 names a day and evening variant together; it is
        // not reported again as CTRL-2.
        report.push(pair_error(IssueCode::TakstDayAndEvening, t, u, "CTRL-5"));
        return;
    }
    if t.alone || u.alone {
        return;
    }
    for (a, b) in [(t, u), (u, t)] {
        if let Some(list) = &a.only_with {
            if !covered(list, &b.code) {
                report.push(pair_error(IssueCode::TakstNotInWhitelist, a, b, "CTRL-2"));
                break;
            }
            continue;
        }
        if covered(&a.invalid_with, &b.code) && !covered(&a.invalid_except, &b.code) {
            report.push(pair_error(
                IssueCode::TakstInvalidCombination,
                a,
                b,
                "CTRL-2",
            ));
            break;
        }
    }
}

/// CTRL-3: a takst that needs a main takst beside it.
fn check_companion(report: &mut Report, bill: &Bill, year: &TariffYear, t: &Takst) {
    if t.needs_companion
        && !bill.takster.iter().any(|l| {
            year.takst(&l.code)
                .is_some_and(|o| !o.needs_companion && !o.code.eq_ignore_ascii_case(&t.code))
        })
    {
        report.push(takst_error(IssueCode::TakstNeedsCompanion, t, "CTRL-3"));
    }
}

/// CTRL-4: repetitions.
fn check_repetitions(report: &mut Report, t: &Takst, count: u32) {
    if let Some(max) = t.rep.and_then(Rep::max)
        && count > max
    {
        report.push(
            takst_error(IssueCode::TakstRepeatedTooOften, t, "CTRL-4")
                .with("max", i64::from(max))
                .with("count", i64::from(count)),
        );
    }
}

/// The refund of `count` times takst `t`, in øre: a half-price takst pays
/// half from its second time.
fn line_refund(t: &Takst, count: u32) -> Option<i64> {
    let (unit, n) = (t.refund_ore()?, i64::from(count));
    Some(match t.rep {
        Some(Rep::SecondHalf | Rep::UnlimitedHalf) => unit + (n - 1) * unit / 2,
        _ => n * unit,
    })
}

/// CTRL-7 and CTRL-8: the bill's date against the doctor's agreement and
/// the day it reaches Helfo.
fn check_dates(report: &mut Report, bill: &Bill, ctx: &BillContext<'_>) {
    // CTRL-7: no refund before the direct settlement agreement.
    if let Some(from) = ctx.doctor.and_then(|d| d.agreement_from)
        && bill.date < from
    {
        report.push(rule(
            Issue::error("dato", IssueCode::NoSettlementAgreement).with("from", from),
            "CTRL-7",
        ));
    }
    // CTRL-8: the bill must reach Helfo within six months after the month.
    let sent = bill.sent.unwrap_or(ctx.sent);
    if let Some(bar) = time_bar(bill.date)
        && sent > bar
    {
        report.push(rule(
            Issue::error("dato", IssueCode::BillTimeBarred).with("bar", bar),
            "CTRL-8",
        ));
    }
}

/// The tariff year (starting 1 July) that covers `date`.
pub fn tariff_year_of(date: NaiveDate) -> i32 {
    if date.month() >= 7 {
        date.year()
    } else {
        date.year() - 1
    }
}
