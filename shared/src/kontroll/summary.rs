//! The figures per doctor and month that end a batch check.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::batch::BatchReport;
use super::batch::BillResult;
use super::batch::Checked;
use super::batch::DoctorSummary;
use super::batch::MonthFigures;
use super::bill::Bill;
use super::doctor::Doctor;
use super::peers::missing_takster;
use crate::validation::Severity;
use crate::validation::{Issue, Report};

/// The batch's report from its checked bills: counts per rule, the
/// figures per doctor and month, and the missing-takster hint.
pub(super) fn summarise(checked: Vec<Checked>, doctors: &[Doctor]) -> BatchReport {
    let mut out = BatchReport::default();
    let mut per: BTreeMap<String, DoctorSummary> = doctors
        .iter()
        .map(|d| (d.hpr.to_string(), summary_for(d.hpr.to_string(), Some(d))))
        .collect();
    let mut latest: Option<NaiveDate> = None;
    for c in checked {
        out.bills += 1;
        let errors = c.report.has_errors();
        let warnings = c
            .report
            .issues
            .iter()
            .any(|i| i.severity == Severity::Warning);
        out.with_errors += u64::from(errors);
        out.with_warnings += u64::from(warnings);
        for i in &c.report.issues {
            count_in(&mut out.by_rule, rule_of(i), 1);
        }
        if let Some((bill, refund)) = &c.bill {
            latest = latest.max(Some(bill.date));
            let s = per
                .entry(c.hpr.clone())
                .or_insert_with(|| summary_for(c.hpr.clone(), None));
            add_bill(s, &c.report, bill, *refund, warnings);
        }
        if !c.report.is_empty() {
            out.issues.push(BillResult {
                line: c.line,
                hpr: c.hpr,
                report: c.report,
            });
        }
    }
    out.doctors = per.into_values().collect();
    for s in &mut out.doctors {
        s.months.sort_by(|a, b| a.month.cmp(&b.month));
    }
    if let Some(month) = latest {
        add_missing_hint(&mut out.doctors, doctors, month);
    }
    out
}

/// Counts one readable bill into its doctor's summary and month.
fn add_bill(
    s: &mut DoctorSummary,
    report: &Report,
    bill: &Bill,
    refund: Option<i64>,
    warnings: bool,
) {
    let errors = report.has_errors();
    s.bills += 1;
    s.with_errors += u64::from(errors);
    s.with_warnings += u64::from(warnings);
    for i in &report.issues {
        count_in(&mut s.by_rule, rule_of(i), 1);
    }
    if !errors {
        for l in &bill.takster {
            count_in(&mut s.takster, &l.code, u64::from(l.count));
        }
    }
    let month = month_of(bill.date);
    let m = match s.months.iter().position(|m| m.month == month) {
        Some(i) => i,
        None => {
            s.months.push(MonthFigures {
                month,
                bills: 0,
                with_errors: 0,
                refund_ore: 0,
                unpriced: 0,
            });
            s.months.len() - 1
        }
    };
    let m = &mut s.months[m];
    m.bills += 1;
    m.with_errors += u64::from(errors);
    if !errors {
        match refund {
            Some(r) => m.refund_ore += r,
            None => m.unpriced += 1,
        }
    }
}

/// CTRL-9's hint: the takster new doctors (as of `month`) leave out that
/// the established ones use.
fn add_missing_hint(summaries: &mut [DoctorSummary], doctors: &[Doctor], month: NaiveDate) {
    let new: Vec<bool> = summaries
        .iter()
        .map(|s| {
            doctors
                .iter()
                .find(|d| d.hpr.to_string() == s.hpr)
                .is_some_and(|d| d.is_new(month))
        })
        .collect();
    let peers: Vec<&BTreeMap<String, u64>> = summaries
        .iter()
        .zip(&new)
        .filter(|(s, new)| !**new && s.bills > 0)
        .map(|(s, _)| &s.takster)
        .collect();
    let missing: Vec<Vec<String>> = summaries
        .iter()
        .zip(&new)
        .map(|(s, new)| {
            if *new {
                missing_takster(&s.takster, &peers)
            } else {
                Vec::new()
            }
        })
        .collect();
    for ((s, new), missing) in summaries.iter_mut().zip(new).zip(missing) {
        s.new_doctor = new;
        s.missing = missing;
    }
}

fn summary_for(hpr: String, d: Option<&Doctor>) -> DoctorSummary {
    DoctorSummary {
        hpr,
        role: d.map(|d| d.role),
        listed: d.and_then(|d| d.listed),
        new_doctor: false,
        bills: 0,
        with_errors: 0,
        with_warnings: 0,
        by_rule: BTreeMap::new(),
        takster: BTreeMap::new(),
        months: Vec::new(),
        missing: Vec::new(),
    }
}

/// `YYYY-MM` of a date.
pub fn month_of(date: NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// The rule an issue belongs to: its `rule` parameter, else its code.
pub fn rule_of(issue: &Issue) -> &str {
    match issue.params.get("rule") {
        Some(crate::validation::Param::Text(r)) => r,
        _ => issue.code.as_str(),
    }
}

/// Adds `n` to the count under `key`, allocating the key only when new.
fn count_in(map: &mut BTreeMap<String, u64>, key: &str, n: u64) {
    match map.get_mut(key) {
        Some(v) => *v += n,
        None => {
            map.insert(key.to_owned(), n);
        }
    }
}
