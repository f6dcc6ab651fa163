//! Issue 6: fastlege messages through the API on fixed dates (the test
//! clock): every message kind as `kommune`, Helfo's list and registration
//! (FL-8), the FL-6 class of a late new GP, FL-9 and FL-12 refusals, the
//! dashboard and the FL-7 chase list, and cross-municipality access.

use frist_domain::fastlege::SCHEMA_VERSION;
use frist_tests::{Answer, Server, Session, server};
use serde_json::{Value, json};

mod chase;
mod messages;
mod substitutes;

fn contact() -> Value {
    json!({"name": "Kari Kommune", "phone": "61 05 00 00", "email": "kari@lillehammer.example"})
}

/// A message of `kind` with `fields`, built against the current form.
fn message(kind: &str, fields: Value) -> Value {
    let mut m = json!({"schema_version": SCHEMA_VERSION, "kind": kind, "contact": contact()});
    for (k, v) in fields.as_object().unwrap() {
        m[k] = v.clone();
    }
    m
}

fn send(s: &Server, who: &Session, on: &str, body: &Value) -> Answer {
    s.call("POST", "/api/v1/fastlege/messages")
        .session(who)
        .idempotent()
        .on(on)
        .json(body)
        .send()
}

fn sent(s: &Server, who: &Session, on: &str, body: &Value) -> Value {
    let a = send(s, who, on, body);
    assert_eq!(a.status, 201, "{body}: {:?}", a.body);
    a.body
}

fn termination(gp: &str, hpr: &str, notice: &str) -> Value {
    message(
        "termination",
        json!({"gp_name": gp, "gp_hpr": hpr, "practice": "Storgata legesenter", "notice_date": notice}),
    )
}

fn ids(a: &Answer) -> Vec<String> {
    a.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_owned())
        .collect()
}

fn list(s: &Server, who: &Session) -> Answer {
    let a = s
        .call("GET", "/api/v1/fastlege/messages?limit=200")
        .session(who)
        .send();
    assert_eq!(a.status, 200, "{:?}", a.body);
    a
}
