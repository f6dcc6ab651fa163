//! Rule cases as data (STYLE 8): the JSON files under `tests/cases/` are run
//! here natively (`cargo test`) and under wasm32 (`wasm-bindgen-test`), so the
//! browser, the edge and the CLI provably agree on every case.

use chrono::{DateTime, NaiveDate, Utc};
use frist_domain::calendar::{self, CalendarError, Holiday};
use frist_domain::ids::{
    Epost, FnrContext, Fodselsnummer, HprNummer, IdError, Kontonummer, Organisasjonsnummer,
    Postnummer, Telefon,
};
use serde_json::Value;
// Under wasm32 the same tests run through wasm-bindgen-test (Node).
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const IDS: &str = include_str!("cases/ids.json");
const CALENDAR: &str = include_str!("cases/calendar.json");
const DEFAULT_TODAY: &str = "2026-11-23";

fn date(v: &Value) -> NaiveDate {
    v.as_str().expect("date string").parse().expect("ISO date")
}

fn cases(src: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(src).expect("case file is JSON");
    doc["cases"].as_array().expect("cases array").clone()
}

fn label(case: &Value) -> String {
    format!(
        "{} {}",
        case["rule"].as_str().unwrap_or("?"),
        case["name"].as_str().unwrap_or("?")
    )
}

/// Runs one identifier case; returns a description of the mismatch, if any.
fn run_id_case(case: &Value) -> Option<String> {
    let input = case["input"].as_str().expect("input");
    let expect = &case["expect"];
    let today = date(case.get("today").unwrap_or(&Value::from(DEFAULT_TODAY)));
    let allow_synthetic = case["allow_synthetic"].as_bool().unwrap_or(false);
    let ctx = FnrContext {
        today,
        allow_synthetic,
    };

    let (result, details): (Result<String, IdError>, Option<Fodselsnummer>) =
        match case["kind"].as_str().expect("kind") {
            "fnr" => match Fodselsnummer::parse(input, &ctx) {
                Ok(n) => (Ok(n.as_str()), Some(n)),
                Err(e) => (Err(e), None),
            },
            "orgnr" => (
                input.parse::<Organisasjonsnummer>().map(|v| v.as_str()),
                None,
            ),
            "kontonr" => (input.parse::<Kontonummer>().map(|v| v.as_str()), None),
            "hpr" => (input.parse::<HprNummer>().map(|v| v.as_str()), None),
            "postnr" => (input.parse::<Postnummer>().map(|v| v.as_str()), None),
            "phone" => (input.parse::<Telefon>().map(|v| v.as_str()), None),
            "email" => (input.parse::<Epost>().map(|v| v.as_str().to_owned()), None),
            other => return Some(format!("unknown kind {other}")),
        };

    let want_valid = expect["valid"].as_bool().expect("expect.valid");
    match (&result, want_valid) {
        (Ok(_), false) => return Some(format!("accepted, expected {}", expect["error"])),
        (Err(e), true) => return Some(format!("refused with {e:?}, expected valid")),
        (Err(e), false) => {
            let code = e.code().as_str();
            if Some(code) != expect["error"].as_str() {
                return Some(format!("error {code}, expected {}", expect["error"]));
            }
        }
        (Ok(normalized), true) => {
            if let Some(want) = expect.get("normalized").and_then(Value::as_str)
                && want != normalized
            {
                return Some(format!("normalized {normalized}, expected {want}"));
            }
        }
    }
    if let Some(n) = details {
        if let Some(kind) = expect.get("kind").and_then(Value::as_str)
            && kind != n.kind().as_str()
        {
            return Some(format!("kind {}, expected {kind}", n.kind().as_str()));
        }
        let want_synthetic = expect["synthetic"].as_bool().unwrap_or(false);
        if n.synthetic() != want_synthetic {
            return Some(format!(
                "synthetic {}, expected {want_synthetic}",
                n.synthetic()
            ));
        }
        if let Some(want) = expect.get("birth_date") {
            let got = n.birth_date().map(|d| d.to_string());
            if got.as_deref() != want.as_str() {
                return Some(format!("birth date {got:?}, expected {want}"));
            }
        }
    }
    None
}

fn holiday_name(h: Holiday) -> String {
    serde_json::to_value(h)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

fn run_calendar_case(case: &Value) -> Option<String> {
    let expect = &case["expect"];
    let n = case["n"].as_u64().unwrap_or(0);
    let got: Result<Value, CalendarError> = match case["op"].as_str().expect("op") {
        "easter" => Ok(
            calendar::easter_sunday(case["year"].as_i64().unwrap() as i32)
                .map(|d| d.to_string())
                .into(),
        ),
        "holidays_on" => calendar::holidays_on(date(&case["date"]))
            .map(|hs| hs.map(holiday_name).collect::<Vec<_>>().into()),
        "is_working_day" => calendar::is_working_day(date(&case["date"])).map(Value::from),
        "add_working_days" => {
            calendar::add_working_days(date(&case["date"]), n as u32).map(|d| d.to_string().into())
        }
        "working_days_between" => {
            calendar::working_days_between(date(&case["date"]), date(&case["to"])).map(Value::from)
        }
        "add_days" => {
            calendar::add_days(date(&case["date"]), n as i64).map(|d| d.to_string().into())
        }
        "roll_forward" => calendar::roll_forward(date(&case["date"])).map(|d| d.to_string().into()),
        "add_months" => {
            calendar::add_months(date(&case["date"]), n as u32).map(|d| d.to_string().into())
        }
        "sub_months" => {
            calendar::sub_months(date(&case["date"]), n as u32).map(|d| d.to_string().into())
        }
        "last_day_of_month" => {
            calendar::last_day_of_month(date(&case["date"])).map(|d| d.to_string().into())
        }
        "first_of_next_month" => {
            calendar::first_of_next_month(date(&case["date"])).map(|d| d.to_string().into())
        }
        "oslo_date" => {
            let at: DateTime<Utc> = case["utc"].as_str().unwrap().parse().unwrap();
            Ok(calendar::oslo_date(at).to_string().into())
        }
        other => return Some(format!("unknown op {other}")),
    };
    match (got, case.get("error").and_then(Value::as_str)) {
        (Ok(v), None) if &v == expect => None,
        (Ok(v), None) => Some(format!("got {v}, expected {expect}")),
        (Ok(v), Some(e)) => Some(format!("got {v}, expected error {e}")),
        (Err(CalendarError::OutOfRange(_)), Some("out_of_range")) => None,
        (Err(e), _) => Some(format!("error {e}, expected {expect}")),
    }
}

fn run_all(src: &str, run: fn(&Value) -> Option<String>) {
    let all = cases(src);
    assert!(all.len() > 30, "the case file lost its cases");
    let failures: Vec<String> = all
        .iter()
        .filter_map(|c| run(c).map(|why| format!("{}: {why}", label(c))))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

#[test]
fn id_1_to_id_7_rule_cases() {
    run_all(IDS, run_id_case);
}

#[test]
fn cal_1_to_cal_8_rule_cases() {
    run_all(CALENDAR, run_calendar_case);
}
