//! Issue 10, crash safety: `wrangler dev` is killed (SIGKILL, no shutdown)
//! in the middle of a claim upload and in the middle of a sweep, then
//! started again on the same local state. No partial claim shows as
//! complete, the upload resumes where it stopped, and the sweep runs again
//! without doubling any history entry.
//!
//! Each crash comes at a point the test *knows* is in the middle, never
//! after a sleep: the upload after a given number of chunks were
//! acknowledged, with the next one sent; the sweep where the test clock
//! makes it hold (after a given number of returns).

use std::io::Write;
use std::net::TcpStream;
use std::time::{Duration, Instant};

use frist_tests::{Server, Session, TEST_CLOCK};
use serde_json::{Value, json};

const TODAY: &str = "2026-03-20";

fn event(s: &Server, who: &Session, id: &str, body: Value, on: &str) {
    let path = format!("/api/v1/fristbrudd/cases/{id}");
    let version = s.call("GET", &path).session(who).send().body["version"].clone();
    let a = s
        .call("POST", &format!("{path}/events"))
        .session(who)
        .if_match(&version)
        .on(on)
        .json(&body)
        .send();
    assert_eq!(a.status, 200, "{body}: {:?}", a.body);
}

/// `n` cases whose letter went out on 23 March: reply by 9 April (FB-5), so
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
            event(s, &helfo, &id, json!({"event": "take_up"}), TODAY);
            // Not reached in the 3 days: contact by Monday 23 March (FB-4).
            event(
                s,
                &helfo,
                &id,
                json!({"event": "not_reached"}),
                "2026-03-23",
            );
            event(
                s,
                &helfo,
                &id,
                json!({"event": "letter_sent", "sent": "23.03.2026"}),
                "2026-03-23",
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

/// Writes a chunk's whole request on a raw connection and returns without
/// waiting for the answer: the server has it (or is reading it) when the
/// crash comes, so the crash lands while that chunk is being handled or
/// just after — both must leave the claim whole.
fn put_chunk_unanswered(s: &Server, hf: &Session, id: &str, chunk: usize) -> TcpStream {
    let body = chunk_body(chunk).to_string();
    let host = s.base.trim_start_matches("http://");
    let request = format!(
        "PUT /api/v1/frikort/claims/{id}/chunks/{chunk} HTTP/1.1\r\nHost: {host}\r\n\
         Cookie: {}\r\nOrigin: {}\r\nX-Frist-Today: {TODAY}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        hf.cookie,
        s.base,
        body.len()
    );
    let mut stream = TcpStream::connect(host).expect("connect");
    stream.write_all(request.as_bytes()).expect("send");
    stream.flush().expect("flush");
    stream
}

/// How many of the cases are `returned` now.
fn returned_count(s: &Server, helfo: &Session) -> usize {
    let page = s
        .call("GET", "/api/v1/fristbrudd/cases?state=returned&limit=200")
        .session(helfo)
        .send();
    assert_eq!(page.status, 200, "{:?}", page.body);
    page.body["items"].as_array().map_or(0, Vec::len)
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn killed_mid_upload_and_mid_sweep_nothing_is_half_done_or_doubled() {
    const CHUNKS: usize = 20;
    /// Chunks acknowledged before the crash; one more is in flight.
    const ACKED: usize = 12;
    const CASES: usize = 100;
    /// The sweep holds after this many returns: the crash comes there.
    const HELD_AFTER: usize = 40;
    let held = HELD_AFTER.to_string();
    let vars = [
        TEST_CLOCK[0],
        ("FRIST_TEST_SWEEP_HOLD_AFTER", held.as_str()),
    ];
    let s = Server::start(&vars).expect("server");
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
    for chunk in 0..ACKED {
        assert_eq!(put_chunk(&s, &hf, &claim_id, chunk), 200, "chunk {chunk}");
    }

    // Crash 1: twelve chunks acknowledged, the thirteenth on its way in.
    let in_flight = put_chunk_unanswered(&s, &hf, &claim_id, ACKED);
    // It comes back with the sweep's hold on, for the second crash.
    let s = Server::start_on(s.crash(), &vars).expect("restart after the crash");
    drop(in_flight);

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
    // Every acknowledged chunk survived; the one in flight is either wholly
    // there or wholly absent, and nothing after it arrived.
    assert!((0..ACKED as u64).all(|c| have.contains(&c)), "{have:?}");
    assert!(
        have.len() == ACKED || (have.len() == ACKED + 1 && have.contains(&(ACKED as u64))),
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

    // Crash 2: in the middle of a sweep that returns 100 cases — after
    // exactly HELD_AFTER of them, where the sweep is held.
    let admin = s.login_as("helfo_admin");
    let helfo = s.login_as("helfo");
    // Returned before the sweep (the demo seed has one).
    let before = returned_count(&s, &helfo);
    let sweeping = {
        let (base, cookie) = (s.url(""), admin.cookie.clone());
        std::thread::spawn(move || {
            reqwest::blocking::Client::builder()
                .timeout(Duration::from_secs(900))
                .build()
                .unwrap()
                .post(format!("{base}/api/v1/sweep"))
                .header("Cookie", &cookie)
                .header("Origin", &base)
                .json(&json!({"today": "2026-05-01"}))
                .send()
                .map(|r| r.status().as_u16())
        })
    };
    // Wait (with a deadline, never a fixed time) until the sweep is held.
    let deadline = Instant::now() + Duration::from_secs(300);
    let mut seen = returned_count(&s, &helfo) - before;
    while seen < HELD_AFTER {
        assert!(
            Instant::now() < deadline,
            "the sweep returned only {seen} cases in 300 s"
        );
        std::thread::sleep(Duration::from_millis(100));
        seen = returned_count(&s, &helfo) - before;
    }
    assert_eq!(seen, HELD_AFTER, "the sweep went past its hold");
    assert!(!sweeping.is_finished(), "the sweep answered while held");
    let s = Server::start_on(s.crash(), TEST_CLOCK).expect("restart after the second crash");
    let first = sweeping.join().unwrap();
    assert!(
        first.is_err(),
        "the crash came after the sweep had answered"
    );
    let admin = s.login_as("helfo_admin");
    let again = s
        .call("POST", "/api/v1/sweep")
        .session(&admin)
        .json(&json!({"today": "2026-05-01"}))
        .send();
    assert_eq!(again.status, 200, "{:?}", again.body);
    let returned_now = again.body["returned"].as_array().unwrap().len();
    assert_eq!(
        returned_now,
        CASES - HELD_AFTER,
        "the second run returns exactly what the first did not"
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
