//! A file of bills: CTRL-1 and CTRL-6 between bills, run one bill at a time
//! by [`BatchChecker`], and the batch's report types.

use std::collections::BTreeMap;
use std::collections::HashMap;

use chrono::NaiveDate;
use chrono::NaiveTime;
use serde::Deserialize;
use serde::Serialize;

use super::bill::BILL_SCHEMA;
use super::bill::Bill;
use super::bill::read_bill;
use super::doctor::DOCTOR_SCHEMA;
use super::doctor::Doctor;
use super::doctor::DoctorRole;
use super::doctor::read_doctor;
use super::rules::BillContext;
use super::rules::check_bill;
use super::rules::rule;
use super::rules::tariff_for;
use super::summary::summarise;
use super::tariffs::Tariffs;
use crate::ids::FnrContext;
use crate::ids::Fodselsnummer;
use crate::table::CsvStream;
use crate::table::FileError;
use crate::table::Record;
use crate::validation::Issue;
use crate::validation::IssueCode;
use crate::validation::Report;

/// A bill file's rows: each a bill, or the line and the issues that stop
/// it from being read.
pub type Rows = Vec<Result<Bill, (u64, Vec<Issue>)>>;

/// Reads a bill file held in memory (a month of a municipality's bills is
/// a few megabytes at most).
pub fn read_bills(bytes: &[u8], fnr: &FnrContext) -> Result<Rows, FileError> {
    let mut rows = Vec::new();
    CsvStream::read_all(&BILL_SCHEMA, bytes, &mut |r| rows.push(bill_of(&r, fnr)))?;
    Ok(rows)
}

/// One record of a bill file read with [`BILL_SCHEMA`]: the bill, or its
/// line and the issues that stop it from being read.
pub fn bill_of(record: &Record<'_>, fnr: &FnrContext) -> Result<Bill, (u64, Vec<Issue>)> {
    match record {
        Record::Line { line, fields } => read_bill(*line, fields, fnr).map_err(|i| (*line, i)),
        other => Err((other.line(), other.issue().into_iter().collect())),
    }
}

/// Reads a practitioner list: the doctors, and the lines that could not be
/// read with their issues.
pub fn read_doctors(bytes: &[u8]) -> Result<(Vec<Doctor>, Vec<BillResult>), FileError> {
    let mut doctors = Vec::new();
    let mut problems = Vec::new();
    CsvStream::read_all(&DOCTOR_SCHEMA, bytes, &mut |r| {
        let result = match r {
            Record::Line { fields, .. } => read_doctor(&fields),
            other => Err(other.issue().into_iter().collect()),
        };
        match result {
            Ok(d) => doctors.push(d),
            Err(issues) => problems.push(BillResult {
                line: r.line(),
                hpr: String::new(),
                report: Report { issues },
            }),
        }
    })?;
    Ok((doctors, problems))
}

/// One bill's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillResult {
    /// The bill's line number in the file.
    pub line: u64,
    /// The doctor's HPR number, when it could be read.
    pub hpr: String,
    /// The bill's issues, errors and warnings (in JSON, `issues` beside
    /// `line` and `hpr`).
    #[serde(flatten)]
    pub report: Report,
}

/// One doctor's month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthFigures {
    /// `YYYY-MM`.
    pub month: String,
    /// The doctor's readable bills dated in the month.
    pub bills: u64,
    /// Those with at least one error.
    pub with_errors: u64,
    /// The refund of the bills without errors, in øre: the amount claimed,
    /// else the tariff's.
    pub refund_ore: i64,
    /// CTRL-9: bills without errors whose refund is not known (no amount in
    /// the file, none in the tariff). While there are any, the month's
    /// refund is not the doctor's, and CTRL-9 leaves the doctor out.
    #[serde(default)]
    pub unpriced: u64,
}

/// One doctor's summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoctorSummary {
    /// The doctor's HPR number.
    pub hpr: String,
    /// GP, substitute or LIS1, from the practitioner list; `None` when the
    /// doctor is not on it.
    pub role: Option<DoctorRole>,
    /// CTRL-9: the patients on the doctor's list, from the practitioner list;
    /// `None` when it does not say.
    pub listed: Option<u32>,
    /// CTRL-9: a new doctor (a LIS1, or started less than a year before the
    /// latest bill date in the file), who gets the `missing` hint.
    pub new_doctor: bool,
    /// The doctor's readable bills.
    pub bills: u64,
    /// Those with at least one error.
    pub with_errors: u64,
    /// Those with at least one warning.
    pub with_warnings: u64,
    /// Rule → issues of it on this doctor's bills.
    pub by_rule: BTreeMap<String, u64>,
    /// Takst → times used on this doctor's bills without errors.
    pub takster: BTreeMap<String, u64>,
    /// The figures per month, earliest first.
    pub months: Vec<MonthFigures>,
    /// New doctors only: takster most peers use and this doctor never does.
    pub missing: Vec<String>,
}

/// A whole file's check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchReport {
    /// Rows of the file, readable or not.
    pub bills: u64,
    /// Rows with at least one error.
    pub with_errors: u64,
    /// Rows with at least one warning.
    pub with_warnings: u64,
    /// Rule (`CTRL-2`, or the issue code of a field error) → issues.
    pub by_rule: BTreeMap<String, u64>,
    /// Every bill with an issue, in file order.
    pub issues: Vec<BillResult>,
    /// One summary per doctor: everyone on the practitioner list and every
    /// other practitioner of a readable bill, by HPR number as text.
    pub doctors: Vec<DoctorSummary>,
    /// The tariff years the bills were checked against.
    pub tariff_years: Vec<TariffUse>,
}

/// How many bills were checked against one tariff year; not exact when
/// the bills are dated after the last year frist has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TariffUse {
    /// The tariff year, by the year of its 1 July start.
    pub year: i32,
    /// `false` when the bills are dated after this year, the last frist has.
    pub exact: bool,
    /// How many bills were checked against it.
    pub bills: u64,
}

/// What the batch needs besides the bills.
#[derive(Debug, Clone, Copy)]
pub struct BatchContext<'a> {
    /// The practitioner list (CTRL-6, CTRL-7, CTRL-9); empty when none was
    /// given, and then no bill is warned as from a doctor not on it.
    pub doctors: &'a [Doctor],
    /// The tariff years to check against.
    pub tariffs: &'a Tariffs,
    /// `--tariff-year`: check every bill against this year instead of the
    /// year in force on its date; `None` for the year in force.
    pub forced_year: Option<i32>,
    /// The day the bills reach Helfo when the file does not say (CTRL-8).
    pub sent: NaiveDate,
}

/// The key CTRL-1 compares: practitioner, patient, date, time, takst set.
type DuplicateKey = (u32, Fodselsnummer, NaiveDate, NaiveTime, Vec<(String, u32)>);

pub(super) struct Checked {
    pub(super) line: u64,
    pub(super) hpr: String,
    pub(super) report: Report,
    pub(super) bill: Option<(Bill, Option<i64>)>,
}

/// CTRL-1 … CTRL-8 over a file of bills, one bill at a time, so a page can
/// check a large file in slices and stay responsive; [`BatchChecker::finish`]
/// adds CTRL-6 (which needs every bill) and the figures per doctor.
pub struct BatchChecker<'a> {
    ctx: BatchContext<'a>,
    by_hpr: HashMap<u32, &'a Doctor>,
    checked: Vec<Checked>,
    first_seen: HashMap<DuplicateKey, (u64, Option<i64>)>,
    at_time: HashMap<(u32, NaiveDate, NaiveTime), Vec<usize>>,
    tariff_use: Vec<TariffUse>,
}

impl<'a> BatchChecker<'a> {
    /// A checker for one file, with nothing checked yet.
    pub fn new(ctx: BatchContext<'a>) -> Self {
        BatchChecker {
            by_hpr: ctx.doctors.iter().map(|d| (d.hpr.get(), d)).collect(),
            ctx,
            checked: Vec::new(),
            first_seen: HashMap::new(),
            at_time: HashMap::new(),
            tariff_use: Vec::new(),
        }
    }

    /// Checks the next row of the file.
    pub fn push(&mut self, row: Result<Bill, (u64, Vec<Issue>)>) {
        let bill = match row {
            Ok(bill) => bill,
            Err((line, issues)) => {
                self.checked.push(Checked {
                    line,
                    hpr: String::new(),
                    report: Report { issues },
                    bill: None,
                });
                return;
            }
        };
        let ctx = &self.ctx;
        let doctor = self.by_hpr.get(&bill.hpr.get()).copied();
        let bill_ctx = BillContext {
            tariffs: ctx.tariffs,
            forced_year: ctx.forced_year,
            sent: ctx.sent,
            doctor,
        };
        let (mut report, refund) = check_bill(&bill, &bill_ctx);
        if let Some((year, exact)) = tariff_for(bill.date, &bill_ctx) {
            match self
                .tariff_use
                .iter_mut()
                .find(|u| u.year == year.year && u.exact == exact)
            {
                Some(u) => u.bills += 1,
                None => self.tariff_use.push(TariffUse {
                    year: year.year,
                    exact,
                    bills: 1,
                }),
            }
        }
        // CTRL-9 counts what is paid: the amount claimed, else the tariff's
        // (when it gives one for every takst).
        let refund = bill.amount_ore.or(refund);
        if !ctx.doctors.is_empty() && doctor.is_none() {
            report.push(Issue::warning("hpr", IssueCode::DoctorNotListed));
        }
        // CTRL-1: the same bill twice; the same but for the amount, flagged.
        let mut set: Vec<(String, u32)> = bill
            .takster
            .iter()
            .map(|l| (l.code.clone(), l.count))
            .collect();
        set.sort();
        let key = (bill.hpr.get(), bill.patient, bill.date, bill.time, set);
        match self.first_seen.get(&key) {
            Some((first, amount)) if *amount == bill.amount_ore => report.push(rule(
                Issue::error("", IssueCode::BillDuplicate).with("first_line", *first as i64),
                "CTRL-1",
            )),
            Some((first, _)) => report.push(rule(
                Issue::warning("belop", IssueCode::BillDiffersOnlyInAmount)
                    .with("first_line", *first as i64),
                "CTRL-1",
            )),
            None => {
                self.first_seen.insert(key, (bill.line, bill.amount_ore));
            }
        }
        self.at_time
            .entry((bill.hpr.get(), bill.date, bill.time))
            .or_default()
            .push(self.checked.len());
        self.checked.push(Checked {
            line: bill.line,
            hpr: bill.hpr.to_string(),
            report,
            bill: Some((bill, refund)),
        });
    }

    /// CTRL-6 over every bill, then the report.
    pub fn finish(self) -> BatchReport {
        let BatchChecker {
            ctx,
            mut checked,
            at_time,
            mut tariff_use,
            ..
        } = self;
        // CTRL-6: a substitute and the GP they cover bill the same date and time.
        let mut marks: Vec<(usize, u64, String)> = Vec::new();
        for d in ctx.doctors {
            let Some(gp) = d.covers else { continue };
            for ((hpr, date, time), own) in &at_time {
                if *hpr != d.hpr.get() {
                    continue;
                }
                let Some(theirs) = at_time.get(&(gp.get(), *date, *time)) else {
                    continue;
                };
                for (a, b, who) in [(own, theirs, gp), (theirs, own, d.hpr)] {
                    for i in a {
                        marks.push((*i, checked[b[0]].line, who.to_string()));
                    }
                }
            }
        }
        marks.sort();
        marks.dedup();
        for (i, other_line, other_hpr) in marks {
            checked[i].report.push(rule(
                Issue::warning("", IssueCode::SubstituteOverlap)
                    .with("other_line", other_line as i64)
                    .with("other_hpr", other_hpr.as_str()),
                "CTRL-6",
            ));
        }
        let mut report = summarise(checked, ctx.doctors);
        tariff_use.sort_by_key(|u| (u.year, u.exact));
        report.tariff_years = tariff_use;
        report
    }
}

/// CTRL-1 … CTRL-8 over a file of bills, with the figures per doctor.
pub fn check_batch(
    rows: &[Result<Bill, (u64, Vec<Issue>)>],
    ctx: &BatchContext<'_>,
) -> BatchReport {
    let mut checker = BatchChecker::new(*ctx);
    for row in rows {
        checker.push(row.clone());
    }
    checker.finish()
}
