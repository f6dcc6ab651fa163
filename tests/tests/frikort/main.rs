//! Issue 7: frikort claims through the API on fixed dates: a file with mixed
//! lines sent in chunks (one replayed, one changed), submitted only when
//! complete, settled line by line by Helfo (FK-4, FK-5), paid (FK-9) and
//! partly reclaimed (FK-7); a trip claimed twice across claims (FK-8); and
//! another health trust kept out.

use frist_tests::{Answer, Server, Session, server};
use serde_json::{Value, json};

mod claims;
mod cli_submit;
mod settlement;

const TODAY: &str = "2026-03-20";

fn line(n: u64, fnr: &str, transport: &str, payout: &str, amount: &str) -> Value {
    json!({"line": n, "fodselsnummer": fnr, "transportdato": transport,
           "utbetalingsdato": payout, "egenandel": amount, "referanse": format!("R{n}")})
}

fn new_claim(s: &Server, hf: &Session, lines: u64, chunks: u32) -> Value {
    let a = s
        .call("POST", "/api/v1/frikort/claims")
        .session(hf)
        .idempotent()
        .on(TODAY)
        .json(&json!({"file_name": "krav-mars.csv", "aware": "2026-03-01", "lines": lines, "chunks": chunks}))
        .send();
    assert_eq!(a.status, 201, "{:?}", a.body);
    assert!(a.body["number"].as_str().unwrap().starts_with("FK-2026-"));
    a.body
}

fn chunk(s: &Server, hf: &Session, id: &str, n: u32, lines: &[Value]) -> Answer {
    s.call("PUT", &format!("/api/v1/frikort/claims/{id}/chunks/{n}"))
        .session(hf)
        .on(TODAY)
        .json(&json!({ "lines": lines }))
        .send()
}

fn post(s: &Server, who: &Session, path: &str, body: Value) -> Answer {
    s.call("POST", path)
        .session(who)
        .on(TODAY)
        .json(&body)
        .send()
}

fn codes_of(answer: &Value) -> Vec<(u64, Vec<String>)> {
    answer["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["line"].as_u64().unwrap(),
                l["issues"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i["code"].as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect()
}
