//! Issue 22: patient data stays with the people allowed to see it — each
//! finding of the review, at the level where it can fail: the throttle
//! raced, tokens that outlived their reason, a deploy without an
//! environment, reads left out of the audit trail, idempotency records
//! that gave passwords away, bodies read before the caller was known, and
//! frikort lines that kept more than settlement needs.

use std::io::{Read, Write};
use std::net::TcpStream;

use frist_tests::{DEMO_PASSWORD, Server, Session, TEST_CLOCK, demo, server};
use serde_json::{Value, json};

/// `wrangler d1 execute` on the server's state: the rows of `sql` as JSON.
fn query(s: &Server, sql: &str) -> Vec<Value> {
    let out = frist_tests::d1(s.state(), &["execute", "DB", "--json", "--command", sql])
        .unwrap_or_else(|e| panic!("{e}"));
    let parsed: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    parsed[0]["results"].as_array().cloned().unwrap_or_default()
}

/// A new user made by the demo administrator; (id, e-mail, password).
fn new_user(s: &Server, org: &str, role: &str, tag: &str) -> (String, String, String) {
    let password = format!("hemmelig-{tag}-passord");
    let (id, email) = s.new_user(org, role, &format!("{tag}@security.example"), &password);
    (id, email, password)
}

/// The administrator changes user `id` (`patch`), naming its current version.
fn admin_patch(s: &Server, id: &str, patch: Value) {
    let admin = s.login_as("helfo_admin");
    let user = s
        .call("GET", &format!("/api/v1/users/{id}"))
        .session(&admin)
        .send();
    let changed = s
        .call("PATCH", &format!("/api/v1/users/{id}"))
        .session(&admin)
        .if_match(&user.body["version"])
        .json(&patch)
        .send();
    assert_eq!(changed.status, 200, "{:?}", changed.body);
}

/// 40 wrong passwords at once for one account: only as many as the limit
/// (5) are weighed against the password; every other one is refused first.
/// The administrator's password reset is the way back in.
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn the_login_throttle_counts_before_the_password_is_weighed_even_when_raced() {
    let s = Server::start(TEST_CLOCK).expect("server");
    let (id, email, _) = new_user(&s, "o_lillehammer", "kommune", "raced");
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..40)
            .map(|i| {
                let (s, email) = (&s, &email);
                scope.spawn(move || {
                    s.call("POST", "/api/v1/session")
                        .header("CF-Connecting-IP", &format!("198.51.100.{i}"))
                        .json(&json!({"email": email, "password": "feil-passord-123"}))
                        .send()
                        .status
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let weighed = statuses.iter().filter(|s| **s == 401).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(weighed + refused, 40, "{statuses:?}");
    assert!(weighed <= 5, "{weighed} were weighed against the password");
    // Locked, even with the right password ...
    admin_patch(&s, &id, json!({"password": "et-nytt-langt-passord"}));
    // ... until the administrator resets the password: then in at once.
    assert_eq!(s.try_login(&email, "et-nytt-langt-passord").status, 201);
}

/// Tokens: only for the roles with a machine path, never made by a token,
/// listed with their use, and dead after a password reset or deactivation.
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn api_tokens_are_for_machine_roles_listed_and_die_with_their_reason() {
    let s = server();
    // A municipality clerk has no machine path: no tokens.
    let kommune = s.login_as("kommune");
    let no = s
        .call("POST", "/api/v1/tokens")
        .session(&kommune)
        .json(&json!({"name": "Skript"}))
        .send();
    assert_eq!(no.status, 403, "{:?}", no.body);

    let (id, email, password) = new_user(s, "o_sorost", "hf", "tokens");
    let hf = s.login(&email, &password);
    let made = s
        .call("POST", "/api/v1/tokens")
        .session(&hf)
        .json(&json!({"name": "Oppgjørsskript"}))
        .send();
    assert_eq!(made.status, 201, "{:?}", made.body);
    let token = made.body["token"].as_str().unwrap().to_owned();
    let bearer = format!("Bearer {token}");
    // A token cannot make tokens.
    let more = s
        .call("POST", "/api/v1/tokens")
        .header("Authorization", &bearer)
        .json(&json!({"name": "Ny"}))
        .send();
    assert_eq!(more.status, 403, "{:?}", more.body);
    assert_eq!(more.kind(), "token_cannot_make_tokens");
    // Used once, it shows as used; the list never holds the token itself.
    let used = s
        .call("GET", "/api/v1/frikort/claims")
        .header("Authorization", &bearer)
        .send();
    assert_eq!(used.status, 200);
    let list = s.call("GET", "/api/v1/tokens").session(&hf).send();
    assert_eq!(list.status, 200, "{:?}", list.body);
    let mine = &list.body[0];
    assert_eq!(mine["name"], "Oppgjørsskript");
    assert!(mine["last_used_at"].is_string(), "{mine}");
    assert_eq!(mine["active"], true);
    assert!(!list.body.to_string().contains(&token));
    // A password reset kills it.
    admin_patch(s, &id, json!({"password": "et-nytt-langt-passord"}));
    let dead = s
        .call("GET", "/api/v1/frikort/claims")
        .header("Authorization", &bearer)
        .send();
    assert_eq!(dead.status, 401);
    // So does a deactivation, for a token made after the reset.
    let hf = s.login(&email, "et-nytt-langt-passord");
    let second = s
        .call("POST", "/api/v1/tokens")
        .session(&hf)
        .json(&json!({"name": "Andre"}))
        .send();
    let bearer = format!("Bearer {}", second.body["token"].as_str().unwrap());
    admin_patch(s, &id, json!({"active": false}));
    let rows = query(
        s,
        &format!(
            "SELECT COUNT(*) AS n FROM api_tokens WHERE user_id = '{id}' AND revoked_ms IS NULL"
        ),
    );
    assert_eq!(rows[0]["n"], 0, "every token revoked");
    let gone = s
        .call("GET", "/api/v1/frikort/claims")
        .header("Authorization", &bearer)
        .send();
    assert_eq!(gone.status, 401);
}

/// Without an environment the configuration is production: no demo, and
/// no work at all until the secrets are set.
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn the_configuration_without_an_environment_is_production_and_refuses_to_work_without_secrets() {
    let toml =
        std::fs::read_to_string(frist_tests::root().join("functions/wrangler.toml")).unwrap();
    let top: toml_lite::Vars = toml_lite::top_level_mode(&toml);
    assert_eq!(
        top.mode.as_deref(),
        Some("production"),
        "wrangler.toml's top level"
    );
    // A server started as a bare deploy would be (no local mode asked for,
    // no secrets): health names what is missing, everything else is 503.
    let s = Server::start(&[("FRIST_MODE", "production")]).expect("server");
    let health = s.call("GET", "/api/v1/health").send();
    assert_eq!(health.status, 503, "{:?}", health.body);
    assert_eq!(health.body["status"], "misconfigured");
    assert_eq!(
        health.body["missing_secrets"],
        json!([
            "FRIST_SERVER_SECRET",
            "FRIST_TRIP_KEY",
            "FRIST_MAIL_FROM",
            "FRIST_APP_URL"
        ])
    );
    let login = s.try_login(demo("kommune").0, DEMO_PASSWORD);
    assert_eq!(login.status, 503);
    assert_eq!(login.kind(), "misconfigured");
}

/// A tiny reader of `wrangler.toml`'s top-level `FRIST_MODE` (the file is
/// simple; this avoids a TOML crate for one value).
mod toml_lite {
    pub struct Vars {
        pub mode: Option<String>,
    }

    pub fn top_level_mode(toml: &str) -> Vars {
        let mut section = String::new();
        for line in toml.lines().map(str::trim) {
            if line.starts_with('[') {
                section = line.to_owned();
            } else if section == "[vars]"
                && let Some(v) = line.strip_prefix("FRIST_MODE")
            {
                let v = v.trim().trim_start_matches('=').trim().trim_matches('"');
                return Vars {
                    mode: Some(v.to_owned()),
                };
            }
        }
        Vars { mode: None }
    }
}

/// Normen: who read which patient's data is traceable. Every list and
/// look-up of a case leaves an entry naming what it showed (ids only), a
/// probe of another organisation's id too, and the trail finds every read
/// of one case.
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn every_read_of_patient_data_is_audited_and_the_trail_finds_each_case() {
    let s = server();
    let site = s.login_as("behandlingssted");
    let created = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(&site)
        .idempotent()
        .on("2026-03-20")
        .json(&frist_tests::fb_notification("31127010040", "2026-04-01"))
        .send();
    assert_eq!(created.status, 201, "{:?}", created.body);
    let id = created.body["id"].as_str().unwrap().to_owned();
    let helfo = s.login_as("helfo");
    let reads: [(&Session, &str, &str); 3] = [
        (&site, "GET", "/api/v1/fristbrudd/cases?limit=200"),
        (&helfo, "GET", "/api/v1/fristbrudd/queue?limit=200"),
        (
            &helfo,
            "GET",
            "/api/v1/fristbrudd/cases?state=open&limit=200",
        ),
    ];
    for (who, method, path) in reads {
        assert_eq!(
            s.call(method, path).session(who).send().status,
            200,
            "{path}"
        );
    }
    let check = s
        .call("POST", "/api/v1/fristbrudd/patient-check")
        .session(&site)
        .json(&json!({"patient_fnr": "31127010040"}))
        .send();
    assert_eq!(check.status, 200);
    // Another hospital probing the case's id: 404, and audited.
    let other = s.elsewhere(
        (
            "Sørlandet sykehus HF (audit)",
            "983975240",
            "behandlingssted",
        ),
        ("Sofie Sør", "sofie@sorlandet-audit.example"),
        "behandlingssted",
    );
    let probe = s
        .call("GET", &format!("/api/v1/fristbrudd/cases/{id}"))
        .session(&other)
        .send();
    assert_eq!(probe.status, 404);
    // The access report for the case: Helfo's administrator asks the trail.
    let admin = s.login_as("helfo_admin");
    let trail = s
        .call("GET", &format!("/api/v1/audit?object_id={id}&limit=200"))
        .session(&admin)
        .send();
    assert_eq!(trail.status, 200, "{:?}", trail.body);
    let actions: Vec<&str> = trail.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for wanted in [
        "fristbrudd.list",
        "fristbrudd.queue",
        "access.not_found",
        "fristbrudd.create",
    ] {
        assert!(actions.contains(&wanted), "{wanted} in {actions:?}");
    }
    let number = created.body["number"].as_str().unwrap();
    assert!(
        trail.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["client"].is_string() || e["action"] == "fristbrudd.create"),
        "{:?}",
        trail.body
    );
    // The look-up is audited by what it found, never by the number asked.
    let lookups = s
        .call(
            "GET",
            "/api/v1/audit?object_kind=fristbrudd_case_number&limit=50",
        )
        .session(&admin)
        .send();
    let text = lookups.body.to_string();
    assert!(text.contains(number), "{text}");
    assert!(!text.contains("31127010040"), "{text}");
    // Nothing in the whole trail is a fødselsnummer.
    let all = query(s, "SELECT object_id, object_ids FROM audit");
    assert!(!serde_json::to_string(&all).unwrap().contains("31127010040"));
}

/// The idempotency record of `POST /users` keeps neither the password nor
/// a plain hash of a body holding it, and records expire.
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn idempotency_records_hold_a_keyed_hash_without_the_password_and_expire() {
    let s = Server::start(TEST_CLOCK).expect("server");
    let admin = s.login_as("helfo_admin");
    let body = json!({"name": "Hemmelig Hansen", "email": "hemmelig@security.example",
                      "role": "kommune", "organisation_id": "o_lillehammer",
                      "password": "korrekt-hest-batteri-stift"});
    let made = s
        .call("POST", "/api/v1/users")
        .session(&admin)
        .header("Idempotency-Key", "idem-security-1")
        .at(1_790_000_000_000)
        .json(&body)
        .send();
    assert_eq!(made.status, 201, "{:?}", made.body);
    let rows = query(
        &s,
        "SELECT body_hash, response FROM idempotency WHERE key = 'idem-security-1'",
    );
    assert_eq!(rows.len(), 1);
    let stored = serde_json::to_string(&rows[0]).unwrap();
    assert!(!stored.contains("korrekt-hest"), "{stored}");
    // Not the plain SHA-256 of the route and the body (which could be
    // tried against guessed passwords at SHA-256 speed).
    use sha2::Digest;
    let mut plain = b"user_create\0".to_vec();
    plain.extend_from_slice(body.to_string().as_bytes());
    let sha = hex::encode(sha2::Sha256::digest(&plain));
    assert_ne!(rows[0]["body_hash"], sha.as_str());
    // A day later the daily sweep forgets it.
    let later = 1_790_000_000_000_i64 + 25 * 60 * 60 * 1000;
    let swept = s
        .call("POST", "/api/v1/sweep")
        .session(&admin)
        .at(later)
        .json(&json!({}))
        .send();
    assert_eq!(swept.status, 200, "{:?}", swept.body);
    assert!(
        query(
            &s,
            "SELECT key FROM idempotency WHERE key = 'idem-security-1'"
        )
        .is_empty()
    );
}

/// Bodies are bounded before they are read, also without Content-Length,
/// and an anonymous caller is refused before the body is read at all.
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn bodies_are_bounded_and_anonymous_callers_refused_before_they_are_read() {
    let s = server();
    let host = s.base.trim_start_matches("http://").to_owned();
    let raw = |head: &str, body: &[u8]| -> String {
        let mut stream = TcpStream::connect(&host).unwrap();
        stream.write_all(head.as_bytes()).unwrap();
        let _ = stream.write_all(body);
        let _ = stream.flush();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
    };
    // Chunked (no Content-Length), 64 KiB to a 16 KiB route, logged in.
    let site = s.login_as("behandlingssted");
    let piece = vec![b'a'; 64 * 1024];
    let mut chunked = format!("{:x}\r\n", piece.len()).into_bytes();
    chunked.extend_from_slice(&piece);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    let answer = raw(
        &format!(
            "POST /api/v1/fristbrudd/patient-check HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\n\
             Cookie: {}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\
             Connection: close\r\n\r\n",
            s.base, site.cookie
        ),
        &chunked,
    );
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    // Anonymous with a body: 401, whatever the body.
    let anonymous = raw(
        &format!(
            "POST /api/v1/fristbrudd/cases HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\n\
             Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
            s.base
        ),
        &chunked,
    );
    assert!(anonymous.starts_with("HTTP/1.1 401"), "{anonymous}");
}

/// A frikort line refused on arrival keeps only its masked number; a valid
/// line keeps the number settlement needs, shown masked everywhere.
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn frikort_lines_keep_what_settlement_needs_and_nothing_more() {
    let s = server();
    let hf = s.login_as("hf");
    let claim = s
        .call("POST", "/api/v1/frikort/claims")
        .session(&hf)
        .idempotent()
        .on("2026-03-20")
        .json(&json!({"file_name": "krav.csv", "aware": "2026-03-01", "lines": 2, "chunks": 1}))
        .send();
    let id = claim.body["id"].as_str().unwrap().to_owned();
    let chunk = s
        .call("PUT", &format!("/api/v1/frikort/claims/{id}/chunks/0"))
        .session(&hf)
        .on("2026-03-20")
        .json(&json!({"lines": [
            {"line": 2, "fodselsnummer": "15038510190", "transportdato": "11.03.2026",
             "utbetalingsdato": "13.03.2026", "egenandel": "171,00"},
            {"line": 3, "fodselsnummer": "1503851019X", "transportdato": "11.03.2026",
             "utbetalingsdato": "13.03.2026", "egenandel": "171,00"}
        ]}))
        .send();
    assert_eq!(chunk.status, 200, "{:?}", chunk.body);
    let rows = query(
        s,
        &format!("SELECT line, fnr FROM fk_lines WHERE claim_id = '{id}' ORDER BY line"),
    );
    assert_eq!(
        rows[0]["fnr"], "15038510190",
        "settlement checks the frikort against it"
    );
    assert_eq!(
        rows[1]["fnr"], "150385 *****",
        "a refused line keeps no number"
    );
}

/// A CLI check of a file without a header row names the problem without
/// printing the first line (a fødselsnummer) to the terminal.
#[test]
#[ignore = "needs the CLI built by `cargo test --workspace`; run by `make test-integration`"]
fn the_cli_never_prints_a_data_line_taken_for_a_header() {
    let dir = std::env::temp_dir().join(format!("frist-security-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("uten-overskrift.csv");
    std::fs::write(&file, "15038510190;02.03.2026;10.03.2026;171,00\n").unwrap();
    let out = std::process::Command::new(frist_tests::root().join("target/debug/frist"))
        .args(["frikort", "check"])
        .arg(&file)
        .output()
        .expect("target/debug/frist is built by `cargo test --workspace`");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.status.success());
    assert!(!text.contains("15038510190"), "{text}");
    assert!(text.contains("overskriftsrad"), "{text}");
}
