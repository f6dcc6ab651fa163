//! Issue 10, crash safety: `wrangler dev` is killed (SIGKILL, no shutdown)
//! in the middle of a claim upload and in the middle of a sweep, then
//! started again on the same local state. No partial claim shows as
//! complete, the upload resumes where it stopped, and the sweep runs again
//! without doubling any history entry.

use std::time::Duration;

use frist_tests::{Server, Session, TEST_CLOCK};
use serde_json::{Value, json};

const TODAY: &str = "2026-03-20";

fn event(s: &Server, who: &Session, id: &str, body: Value) {
    let path = format!("/api/v1/fristbrudd/cases/{id}");
    let version = s.call("GET", &path).session(who).send().body["version"].clone();
    let a = s
        .call("POST", &format!("{path}/events"))
        .session(who)
        .if_match(&version)
        .on(TODAY)
        .json(&body)
        .send();
    assert_eq!(a.status, 200, "{body}: {:?}", a.body);
}

/// `n` cases whose letter went out on 20 March: reply by 3 April (FB-5), so
/// a sweep on 1 May returns every one of them.
fn letters_out(s: &Server, n: usize) -> Vec<String> {
    let (site, helfo) = (s.login_as("behandlingssted"), s.login_as("helfo"));
    frist_tests::valid_fnrs(n)
        .into_iter()
        .map(|fnr| {
            let created = s
                .call("POST", "/api/v1/fristbrudd/cases")
                .session(&site)
                .idempotent()
                .on(TODAY)
                .json(&frist_tests::fb_notification(&fnr, "2026-04-01"))
                .send();
            assert_eq!(created.status, 201, "{:?}", created.body);
            let id = created.body["id"].as_str().unwrap().to_owned();
            event(s, &helfo, &id, json!({"event": "take_up"}));
            event(s, &helfo, &id, json!({"event": "not_reached"}));
            event(
                s,
                &helfo,
                &id,
                json!({"event": "letter_sent", "sent": "20.03.2026"}),
            );
            id
        })
        .collect()
}

fn chunk_body(chunk: usize) -> Value {
    let people = ["15038510190", "01019010046", "31127010040"];
    json!({ "lines": [{"line": chunk + 2, "fodselsnummer": people[chunk % 3],
        "transportdato": format!("{:02}.02.2026", chunk + 1), "utbetalingsdato": "10.03.2026",
        "egenandel": "171,00", "referanse": format!("R{chunk}")}] })
}

fn put_chunk(s: &Server, hf: &Session, id: &str, chunk: usize) -> u16 {
    s.call(
        "PUT",
        &format!("/api/v1/frikort/claims/{id}/chunks/{chunk}"),
    )
    .session(hf)
    .on(TODAY)
    .json(&chunk_body(chunk))
    .send()
    .status
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn killed_mid_upload_and_mid_sweep_nothing_is_half_done_or_doubled() {
    const CHUNKS: usize = 20;
    const CASES: usize = 100;
    let s = Server::start(TEST_CLOCK).expect("server");
    let ids = letters_out(&s, CASES);
    let hf = s.login_as("hf");
    let claim = s
        .call("POST", "/api/v1/frikort/claims")
        .session(&hf)
        .idempotent()
        .on(TODAY)
        .json(&json!({"file_name": "krav.csv", "aware": "2026-03-01", "lines": CHUNKS, "chunks": CHUNKS}))
        .send();
    assert_eq!(claim.status, 201, "{:?}", claim.body);
    let claim_id = claim.body["id"].as_str().unwrap().to_owned();
    for chunk in 0..8 {
        assert_eq!(put_chunk(&s, &hf, &claim_id, chunk), 200);
    }

    // Crash 1: while chunks 8… are on their way.
    let sender = {
        let (base, cookie, id) = (s.url(""), hf.cookie.clone(), claim_id.clone());
        std::thread::spawn(move || {
            let client = reqwest::blocking::Client::new();
            for chunk in 8..CHUNKS {
                let sent = client
                    .put(format!("{base}/api/v1/frikort/claims/{id}/chunks/{chunk}"))
                    .header("Cookie", &cookie)
                    .header("Origin", &base)
                    .header("X-Frist-Today", TODAY)
                    .json(&chunk_body(chunk))
                    .send();
                if sent.is_err() {
                    return chunk; // the server went away under this one
                }
            }
            CHUNKS
        })
    };
    std::thread::sleep(Duration::from_millis(150));
    let s = Server::start_on(s.crash(), TEST_CLOCK).expect("restart after the crash");
    let stopped_at = sender.join().unwrap();
    assert!(
        stopped_at < CHUNKS,
        "the crash came too late to test anything"
    );

    let hf = s.login_as("hf");
    let path = format!("/api/v1/frikort/claims/{claim_id}");
    let after = s.call("GET", &path).session(&hf).send().body;
    assert_eq!(
        after["status"], "receiving",
        "a partial claim is not complete: {after:?}"
    );
    let have: Vec<u64> = after["chunks_received"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_u64().unwrap())
        .collect();
    assert!(
        have.len() < CHUNKS && (0..8).all(|c| have.contains(&c)),
        "{have:?}"
    );
    assert_eq!(
        after["lines"].as_u64(),
        Some(have.len() as u64),
        "lines match the chunks that arrived"
    );
    let early = s
        .call("POST", &format!("{path}/submit"))
        .session(&hf)
        .on(TODAY)
        .json(&json!({}))
        .send();
    assert_eq!(early.status, 409, "{:?}", early.body);
    // Resume: send what is missing (and one chunk again, as a browser might).
    for chunk in (0..CHUNKS).filter(|c| !have.contains(&(*c as u64)) || *c == 0) {
        assert_eq!(put_chunk(&s, &hf, &claim_id, chunk), 200, "chunk {chunk}");
    }
    let done = s
        .call("POST", &format!("{path}/submit"))
        .session(&hf)
        .on(TODAY)
        .json(&json!({}))
        .send();
    assert_eq!(done.status, 200, "{:?}", done.body);
    assert_eq!(done.body["lines"].as_u64(), Some(CHUNKS as u64));
    assert_eq!(
        done.body["claimed_ore"].as_u64(),
        Some(CHUNKS as u64 * 17_100)
    );

    // Crash 2: in the middle of a sweep that returns 100 cases.
    let admin = s.login_as("helfo_admin");
    let sweeping = {
        let (base, cookie) = (s.url(""), admin.cookie.clone());
        std::thread::spawn(move || {
            reqwest::blocking::Client::new()
                .post(format!("{base}/api/v1/sweep"))
                .header("Cookie", &cookie)
                .header("Origin", &base)
                .json(&json!({"today": "2026-05-01"}))
                .send()
                .map(|r| r.status().as_u16())
        })
    };
    std::thread::sleep(Duration::from_millis(300));
    let s = Server::start_on(s.crash(), TEST_CLOCK).expect("restart after the second crash");
    let first = sweeping.join().unwrap();
    let admin = s.login_as("helfo_admin");
    let again = s
        .call("POST", "/api/v1/sweep")
        .session(&admin)
        .json(&json!({"today": "2026-05-01"}))
        .send();
    assert_eq!(again.status, 200, "{:?}", again.body);
    let returned_now = again.body["returned"].as_array().unwrap().len();
    eprintln!("sweep before the crash: {first:?}; after it {returned_now} of {CASES} returned");
    assert!(
        first.is_err(),
        "the crash came after the sweep had answered"
    );
    // A third run finds nothing left, and every case has one return, once.
    let third = s
        .call("POST", "/api/v1/sweep")
        .session(&admin)
        .json(&json!({"today": "2026-05-01"}))
        .send();
    assert_eq!(third.body["returned"].as_array().unwrap().len(), 0);
    let helfo = s.login_as("helfo");
    for id in &ids {
        let case = s
            .call("GET", &format!("/api/v1/fristbrudd/cases/{id}"))
            .session(&helfo)
            .send()
            .body;
        assert_eq!(case["case"]["state"], "returned", "{id}");
        let returns = case["history"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["event"] == "return")
            .count();
        assert_eq!(returns, 1, "{id}: {:?}", case["history"]);
    }
}
