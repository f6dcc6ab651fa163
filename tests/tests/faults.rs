//! Issue 10, retries: 1,000 submissions (fristbrudd notifications and
//! frikort claim chunks) through a loopback proxy that drops requests,
//! drops answers after the edge has acted, duplicates requests and delays
//! both ways, at random (seeded). The client retries each submission with
//! its one `Idempotency-Key` (chunks are keyed by their number) until it
//! gets an answer. Afterwards every notification exists exactly once and
//! every claim line is counted once.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use frist_tests::{Dice, Server, Session, TEST_CLOCK};
use serde_json::{Value, json};

const TODAY: &str = "2026-03-20";
const NOTIFICATIONS: usize = 600;
const CLAIMS: usize = 8;
const CHUNKS: usize = 50;
const LINES_PER_CHUNK: usize = 4;

/// What the proxy did, for the test's own sanity checks.
#[derive(Default)]
struct Counts {
    dropped_requests: AtomicU64,
    dropped_answers: AtomicU64,
    duplicated: AtomicU64,
    delayed: AtomicU64,
    passed: AtomicU64,
}

/// Reads one HTTP/1.1 message: the head, then the body by its
/// `Content-Length`, or by chunks up to the last one (`0\r\n\r\n`). The
/// connection may stay open after it (keep-alive), so EOF is not awaited.
fn read_message(stream: &mut TcpStream) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    let mut piece = [0u8; 16 * 1024];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let header = |name: &str| {
                head.lines()
                    .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_owned()))
            };
            let body = &buf[end + 4..];
            let complete = if header("transfer-encoding:").is_some_and(|v| v.contains("chunked")) {
                body.ends_with(b"0\r\n\r\n")
            } else {
                let length = header("content-length:")
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(0);
                body.len() >= length
            };
            if complete {
                return Ok(buf);
            }
        }
        let n = stream.read(&mut piece)?;
        if n == 0 {
            return Ok(buf);
        }
        buf.extend_from_slice(&piece[..n]);
    }
}

/// The request with `Connection: close`, so each exchange is one connection.
fn closing(request: &[u8]) -> Vec<u8> {
    let end = request
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(request.len());
    let head = String::from_utf8_lossy(&request[..end]);
    let mut out: String = head
        .split("\r\n")
        .filter(|l| !l.to_ascii_lowercase().starts_with("connection:"))
        .collect::<Vec<_>>()
        .join("\r\n");
    out.push_str("\r\nConnection: close");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(&request[end..]);
    bytes
}

fn forward(upstream: &str, request: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut up = TcpStream::connect(upstream)?;
    up.write_all(request)?;
    read_message(&mut up)
}

/// Starts the faulty proxy in front of `upstream`; answers its address.
fn start_proxy(upstream: String, seed: u64, counts: Arc<Counts>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let dice = Arc::new(std::sync::Mutex::new(Dice(seed)));
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut client) = conn else { continue };
            let (upstream, dice, counts) = (upstream.clone(), dice.clone(), counts.clone());
            std::thread::spawn(move || {
                let Ok(request) = read_message(&mut client) else {
                    return;
                };
                let request = closing(&request);
                let (fault, delay) = {
                    let mut d = dice.lock().unwrap();
                    (d.roll() % 100, d.roll() % 100)
                };
                let answer = match fault {
                    // Lost on the way in: the edge never sees it.
                    0..=9 => {
                        counts.dropped_requests.fetch_add(1, Ordering::Relaxed);
                        let _ = client.shutdown(Shutdown::Both);
                        return;
                    }
                    // The edge acts, the answer is lost on the way back.
                    10..=19 => {
                        counts.dropped_answers.fetch_add(1, Ordering::Relaxed);
                        let _ = forward(&upstream, &request);
                        let _ = client.shutdown(Shutdown::Both);
                        return;
                    }
                    // Sent twice at once (a retrying middlebox); the client gets one answer.
                    20..=29 => {
                        counts.duplicated.fetch_add(1, Ordering::Relaxed);
                        let twin = {
                            let (u, r) = (upstream.clone(), request.clone());
                            std::thread::spawn(move || forward(&u, &r))
                        };
                        let first = forward(&upstream, &request);
                        let second = twin.join().unwrap();
                        if delay % 2 == 0 { first } else { second }
                    }
                    // Slow both ways.
                    30..=44 => {
                        counts.delayed.fetch_add(1, Ordering::Relaxed);
                        std::thread::sleep(Duration::from_millis(delay * 3));
                        let a = forward(&upstream, &request);
                        std::thread::sleep(Duration::from_millis(delay * 2));
                        a
                    }
                    _ => {
                        counts.passed.fetch_add(1, Ordering::Relaxed);
                        forward(&upstream, &request)
                    }
                };
                if let Ok(bytes) = answer {
                    let _ = client.write_all(&bytes);
                }
                let _ = client.shutdown(Shutdown::Both);
            });
        }
    });
    addr
}

/// A submission sent until an answer arrives, always with the same key.
struct Retrying {
    client: reqwest::blocking::Client,
    base: String,
    cookie: String,
}

impl Retrying {
    /// Sends until an answer arrives: (status, body, attempts). Each try is
    /// bounded by the client's timeout and the whole by a deadline, never by
    /// a count of tries: on a slow or loaded machine a twin may be in
    /// progress for longer, and that is no fault of the edge.
    fn send(&self, method: &str, path: &str, key: Option<&str>, body: &Value) -> (u16, Value, u32) {
        let deadline = Instant::now() + Duration::from_secs(600);
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            assert!(
                Instant::now() < deadline,
                "{method} {path}: no answer in 600 s ({attempt} attempts)"
            );
            let mut b = self
                .client
                .request(
                    reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
                    format!("{}{path}", self.base),
                )
                .header("Cookie", &self.cookie)
                .header("Origin", &self.base)
                .header("X-Frist-Today", TODAY)
                .json(body);
            if let Some(k) = key {
                b = b.header("Idempotency-Key", k);
            }
            // A client's back-off between tries, growing to at most 1 s.
            let back_off = Duration::from_millis((20 * u64::from(attempt)).min(1_000));
            let Ok(r) = b.send() else {
                std::thread::sleep(back_off);
                continue;
            };
            let status = r.status().as_u16();
            let body: Value = r.json().unwrap_or(Value::Null);
            // The same key still being worked on (its twin is in flight): try again.
            if status == 409 && body["title"] == "idempotency_in_progress" {
                std::thread::sleep(back_off);
                continue;
            }
            return (status, body, attempt);
        }
    }
}

fn all_cases(s: &Server, site: &Session) -> Vec<Value> {
    let mut all = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/fristbrudd/cases?limit=100&cursor={c}"),
            None => "/api/v1/fristbrudd/cases?limit=100".to_owned(),
        };
        let page = s.call("GET", &path).session(site).send();
        assert_eq!(page.status, 200, "{:?}", page.body);
        all.extend(page.body["items"].as_array().unwrap().iter().cloned());
        match page.body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return all,
        }
    }
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn a_thousand_submissions_through_a_faulty_network_arrive_exactly_once() {
    let s = Server::start(TEST_CLOCK).expect("server");
    let site = s.login_as("behandlingssted");
    let hf = s.login_as("hf");
    let upstream = s.url("").trim_start_matches("http://").to_owned();
    let counts = Arc::new(Counts::default());
    let proxy = start_proxy(upstream, 0x5EED_F815_7000_0001, counts.clone());
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let via = |who: &Session| Retrying {
        client: client.clone(),
        base: format!("http://{proxy}"),
        cookie: who.cookie.clone(),
    };
    let before = all_cases(&s, &site).len();

    // Claims: created through the proxy too, then their chunks.
    let people = frist_tests::valid_fnrs(CLAIMS * CHUNKS * LINES_PER_CHUNK);
    let hf_via = via(&hf);
    let claims: Vec<String> = (0..CLAIMS)
        .map(|c| {
            let (status, body, _) = hf_via.send(
                "POST",
                "/api/v1/frikort/claims",
                Some(&format!("fault-claim-{c}")),
                &json!({"file_name": format!("krav-{c}.csv"), "aware": "2026-03-01",
                        "lines": CHUNKS * LINES_PER_CHUNK, "chunks": CHUNKS}),
            );
            assert_eq!(status, 201, "{body:?}");
            body["id"].as_str().unwrap().to_owned()
        })
        .collect();

    // One open case per patient and site (FB-1), so each notification its own patient.
    let patients = frist_tests::valid_fnrs(NOTIFICATIONS);
    // 600 notifications and 400 chunks, four senders at once.
    let jobs: Vec<usize> = (0..NOTIFICATIONS + CLAIMS * CHUNKS).collect();
    let retries = AtomicU64::new(0);
    std::thread::scope(|scope| {
        for worker in 0..4 {
            let (jobs, claims, people, patients, retries) =
                (&jobs, &claims, &people, &patients, &retries);
            let (site_via, hf_via) = (via(&site), via(&hf));
            scope.spawn(move || {
                for &job in jobs.iter().skip(worker).step_by(4) {
                    let (status, body, attempts) = if job < NOTIFICATIONS {
                        let mut n = frist_tests::fb_notification(&patients[job], "2026-04-01");
                        n["specialty"] = json!(format!("Feiltest {job}"));
                        site_via.send(
                            "POST",
                            "/api/v1/fristbrudd/cases",
                            Some(&format!("fault-fb-{job}")),
                            &n,
                        )
                    } else {
                        let k = job - NOTIFICATIONS;
                        let (c, chunk) = (k / CHUNKS, k % CHUNKS);
                        let first = (c * CHUNKS + chunk) * LINES_PER_CHUNK;
                        let lines: Vec<Value> = (0..LINES_PER_CHUNK)
                            .map(|i| {
                                json!({"line": chunk * LINES_PER_CHUNK + i + 2,
                                "fodselsnummer": people[first + i], "transportdato": "02.03.2026",
                                "utbetalingsdato": "10.03.2026", "egenandel": "171,00",
                                "referanse": format!("R{c}-{chunk}-{i}")})
                            })
                            .collect();
                        hf_via.send(
                            "PUT",
                            &format!("/api/v1/frikort/claims/{}/chunks/{chunk}", claims[c]),
                            None,
                            &json!({ "lines": lines }),
                        )
                    };
                    assert!(
                        status == 201 || status == 200,
                        "job {job}: {status} {body:?}"
                    );
                    retries.fetch_add(u64::from(attempts - 1), Ordering::Relaxed);
                }
            });
        }
    });

    // The network really was bad, and the client really retried.
    let c = &counts;
    let (dropped_in, dropped_out, twins) = (
        c.dropped_requests.load(Ordering::Relaxed),
        c.dropped_answers.load(Ordering::Relaxed),
        c.duplicated.load(Ordering::Relaxed),
    );
    eprintln!(
        "proxy: {dropped_in} requests dropped, {dropped_out} answers dropped, {twins} duplicated, {} delayed, {} passed; {} retries",
        c.delayed.load(Ordering::Relaxed),
        c.passed.load(Ordering::Relaxed),
        retries.load(Ordering::Relaxed)
    );
    assert!(
        dropped_in > 50 && dropped_out > 50 && twins > 50,
        "too few faults"
    );

    // Every notification exactly once.
    let cases = all_cases(&s, &site);
    assert_eq!(cases.len(), before + NOTIFICATIONS, "cases created");
    for job in 0..NOTIFICATIONS {
        let name = format!("Feiltest {job}");
        let n = cases
            .iter()
            .filter(|c| c["specialty"] == name.as_str())
            .count();
        assert_eq!(n, 1, "{name} exists {n} times");
    }
    // Every claim line counted once: all chunks there, each line valid once.
    for id in &claims {
        let submitted = s
            .call("POST", &format!("/api/v1/frikort/claims/{id}/submit"))
            .session(&hf)
            .on(TODAY)
            .json(&json!({}))
            .send();
        assert_eq!(submitted.status, 200, "{:?}", submitted.body);
        let b = &submitted.body;
        let lines = (CHUNKS * LINES_PER_CHUNK) as u64;
        assert_eq!(b["lines"].as_u64(), Some(lines), "{b:?}");
        assert_eq!(b["valid_lines"].as_u64(), Some(lines), "{b:?}");
        assert_eq!(b["claimed_ore"].as_u64(), Some(lines * 17_100), "{b:?}");
    }
}
