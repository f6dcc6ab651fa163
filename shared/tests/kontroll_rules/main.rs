//! Claims control, rule by rule (CTRL-1 … CTRL-9 in docs/rules.md §6), with the
//! takster docs/rules.md and seed 003 name, checked against the tariff data
//! files in `shared/data/takster/`.

use chrono::NaiveDate;
use frist_domain::IssueCode;
use frist_domain::ids::FnrContext;
use frist_domain::kontroll::{
    Aggregate, BatchContext, Bill, BillContext, Doctor, DoctorRole, Line, Rep, Tariffs,
    check_batch, check_bill, entry_covers, missing_takster, parse_takster, peer_distribution,
    read_bills, read_doctors, rule_of, time_bar,
};
use frist_domain::table::FileError;

mod batches;
mod combinations;
mod dates;
mod peers;
mod tariffs;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn fnr() -> FnrContext {
    FnrContext::production(d(2026, 11, 23))
}

/// A bill in the 2023–24 tariff year (October 2023), sent in time.
fn bill(takster: &str) -> Bill {
    Bill {
        line: 2,
        hpr: "9144889".parse().unwrap(),
        patient: frist_domain::ids::Fodselsnummer::parse("15038510190", &fnr()).unwrap(),
        date: d(2023, 10, 10),
        time: chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        takster: parse_takster(takster).unwrap(),
        amount_ore: None,
        sent: None,
    }
}

fn ctx() -> BillContext<'static> {
    BillContext {
        tariffs: Tariffs::builtin(),
        forced_year: None,
        sent: d(2023, 11, 1),
        doctor: None,
    }
}

/// The (code, rule, takst) of every issue of a bill.
fn findings(takster: &str) -> Vec<(IssueCode, String, String)> {
    let (report, _) = check_bill(&bill(takster), &ctx());
    report
        .issues
        .iter()
        .map(|i| {
            let takst = match i.params.get("takst") {
                Some(frist_domain::Param::Text(t)) => t.clone(),
                _ => String::new(),
            };
            (i.code, rule_of(i).to_owned(), takst)
        })
        .collect()
}

const DOCTORS: &str = "hpr;rolle;vikar_for;avtale_fra;listepasienter;startet
9144889;fastlege;;2015-03-01;1200;2015-03-01
9144888;fastlege;;;1100;
6654321;vikar;9144888;01.10.2023;;2023-10-01
";

fn batch(bills: &str) -> frist_domain::kontroll::BatchReport {
    let (doctors, problems) = read_doctors(DOCTORS.as_bytes()).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let rows = read_bills(bills.as_bytes(), &fnr()).unwrap();
    check_batch(
        &rows,
        &BatchContext {
            doctors: &doctors,
            tariffs: Tariffs::builtin(),
            forced_year: None,
            sent: d(2023, 11, 1),
        },
    )
}
