//! Named tests for the frikort rules FK-1 … FK-9 (docs/rules.md §5, seed 002)
//! and the claim-file readers. Fixed dates only.

use chrono::NaiveDate;
use frist_domain::frikort::{
    Checker, ClaimLine, Duplicates, FileError, LineContext, LineRules, RawRef, Record, check_line,
    format_ore, parse_amount, payment_due, read_xlsx, return_trip_ore, submission_deadline,
    time_bar,
};
use frist_domain::ids::FnrContext;
use frist_domain::{IssueCode, Param, Severity};

mod deadlines;
mod duplicates;
mod files;
mod lines;
mod settlement;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn ctx(today: &str, aware: Option<&str>) -> LineContext {
    LineContext {
        fnr: FnrContext {
            today: d(today),
            allow_synthetic: false,
        },
        received: d(today),
        aware: aware.map(d),
    }
}

fn raw<'a>(fnr: &'a str, transport: &'a str, payout: &'a str, amount: &'a str) -> RawRef<'a> {
    RawRef {
        fodselsnummer: fnr,
        transportdato: transport,
        utbetalingsdato: payout,
        egenandel: amount,
        referanse: "",
    }
}

fn codes(issues: &[frist_domain::Issue]) -> Vec<(String, IssueCode, Severity)> {
    issues
        .iter()
        .map(|i| (i.path.clone(), i.code, i.severity))
        .collect()
}
