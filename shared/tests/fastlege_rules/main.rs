//! Named tests for the fastlege rules FL-1 … FL-12 (docs/rules.md §4, seeds 001
//! and 003). Fixed dates only. Easter 2023 is 9 April (holidays 6, 7 and 10
//! April); Easter 2026 is 5 April (2, 3 and 6 April).

use chrono::NaiveDate;
use frist_domain::fastlege::{
    CheckContext, ContactForm, ListBounds, MessageForm, MessageKind, Replaced, SCHEMA_VERSION,
    TimingClass, chase_from, expected_registration, last_working_day, moves_in_words,
    reaching_age_limit, timing, timing_class, turns_age, visible_month_before,
};
use frist_domain::{IssueCode, Report, Severity};

mod message;
mod termination;
mod timing;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn ctx(today: &str) -> CheckContext {
    CheckContext {
        today: d(today),
        bounds: ListBounds::DEFAULT,
    }
}

fn base(kind: &str) -> MessageForm {
    MessageForm {
        schema_version: SCHEMA_VERSION,
        kind: kind.into(),
        contact: ContactForm {
            name: "Kari Kommune".into(),
            phone: "61 05 00 00".into(),
            email: "kari@lillehammer.kommune.no".into(),
        },
        gp_name: "Per Olsen".into(),
        gp_hpr: "9144889".into(),
        practice: "Storgata legesenter".into(),
        ..MessageForm::default()
    }
}

fn codes(r: &Report, severity: Severity) -> Vec<(String, IssueCode)> {
    r.issues
        .iter()
        .filter(|i| i.severity == severity)
        .map(|i| (i.path.clone(), i.code))
        .collect()
}

fn errors(r: &Report) -> Vec<(String, IssueCode)> {
    codes(r, Severity::Error)
}

fn warnings(r: &Report) -> Vec<(String, IssueCode)> {
    codes(r, Severity::Warning)
}

fn e(path: &str, code: IssueCode) -> (String, IssueCode) {
    (path.to_owned(), code)
}
