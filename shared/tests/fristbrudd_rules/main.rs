//! Named tests for the fristbrudd rules FB-1 … FB-11 (docs/rules.md §3, seed 000).
//! Fixed dates only; Easter 2026 is 5 April (holidays 2, 3 and 6 April).

use chrono::NaiveDate;
use frist_domain::IssueCode;
use frist_domain::fristbrudd::{
    Actor, Case, DeadlineKind, Event, EventKind, NotificationForm, QueueItem, SiteAction, State,
    Variant, WaitingList, case_number, check_pdf, queue_order, service_figures,
};
use frist_domain::ids::FnrContext;

mod deadlines;
mod figures;
mod notification;
mod outcomes;
mod transitions;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn ctx(today: &str) -> FnrContext {
    FnrContext {
        today: d(today),
        allow_synthetic: false,
    }
}

fn form() -> NotificationForm {
    NotificationForm {
        patient_fnr: "150385 10190".into(),
        patient_name: "Ola Nordmann".into(),
        patient_phone: "+47 912 34 567".into(),
        specialty: "Ortopedi".into(),
        fristdato: "20.04.2026".into(),
        referral_received: "2026-01-15".into(),
        warning_sent: "10.03.2026".into(),
        kind: "expected".into(),
        urgent: false,
        urgent_reason: String::new(),
    }
}

fn codes(f: &NotificationForm, today: &str) -> Vec<(String, IssueCode)> {
    match f.check(&ctx(today)) {
        Ok(_) => Vec::new(),
        Err(r) => r.issues.into_iter().map(|i| (i.path, i.code)).collect(),
    }
}

fn case_on(notified: &str) -> Case {
    let n = form().check(&ctx("2026-03-20")).unwrap();
    Case::new(&n, d(notified))
}

fn helfo(c: &Case, e: Event, on: &str) -> Case {
    c.apply(&e, Actor::Helfo, d(on))
        .unwrap_or_else(|err| panic!("{e:?} from {:?}: {err:?}", c.state))
}
