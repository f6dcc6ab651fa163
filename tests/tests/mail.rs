//! Issue 26: e-mail that is really sent. The outbox is the queue, and
//! Cloudflare's `send_email` binding delivers it — simulated by `wrangler
//! dev`, which writes each e-mail to a file before the send returns
//! ([`frist_tests::delivered`]). Each test runs its own servers.
//!
//! The binding is made to fail by sending from an address it does not
//! allow (`allowed_sender_addresses` in wrangler.toml), exactly as
//! Cloudflare refuses an unverified sender.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use frist_tests::{Server, Session, TEST_CLOCK, delivered, fb_notification, valid_fnrs};
use serde_json::{Value, json};

const REFUSED_SENDER: (&str, &str) = ("FRIST_MAIL_FROM", "ikke-godkjent@frist.example");
const DAY_MS: i64 = 86_400_000;

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_millis() as i64
}

/// Waits for `what` to hold, up to a generous deadline: a condition, never
/// an assumption about how fast this machine is.
fn wait_for<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(v) = check() {
            return v;
        }
        assert!(Instant::now() < deadline, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The administrator's delivery list (all of it; the tests make few).
fn deliveries(s: &Server, admin: &Session) -> Vec<Value> {
    let a = s
        .call("GET", "/api/v1/mail?limit=200")
        .session(admin)
        .send();
    assert_eq!(a.status, 200, "{:?}", a.body);
    a.body["items"].as_array().cloned().unwrap_or_default()
}

/// Notifies a case as the hospital and lets Helfo take it up: one FB-9
/// e-mail to the hospital. The case as Helfo sees it.
fn notified_and_taken_up(s: &Server, site: &Session, helfo: &Session, fnr: &str) -> Value {
    let a = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(site)
        .idempotent()
        .on("2026-03-20")
        .json(&fb_notification(fnr, "2026-04-01"))
        .send();
    assert_eq!(a.status, 201, "{:?}", a.body);
    let id = a.body["id"].as_str().unwrap().to_owned();
    let case = s
        .call("GET", &format!("/api/v1/fristbrudd/cases/{id}"))
        .session(helfo)
        .send();
    let taken = s
        .call("POST", &format!("/api/v1/fristbrudd/cases/{id}/events"))
        .session(helfo)
        .if_match(&case.body["version"])
        .on("2026-03-23")
        .json(&json!({"event": "take_up"}))
        .send();
    assert_eq!(taken.status, 200, "{:?}", taken.body);
    taken.body
}

/// The outbox id an e-mail's text names (`Ref. <id>`, its last line).
fn reference(text: &str) -> String {
    text.lines()
        .rev()
        .find_map(|l| l.strip_prefix("Ref. "))
        .unwrap_or_else(|| panic!("no reference in {text}"))
        .trim()
        .to_owned()
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fb_9_an_update_by_helfo_sends_one_email_with_a_link_and_no_patient_data() {
    let s = Server::start(TEST_CLOCK).unwrap();
    let (site, helfo, admin) = (
        s.login_as("behandlingssted"),
        s.login_as("helfo"),
        s.login_as("helfo_admin"),
    );
    let fnr = &valid_fnrs(1)[0];
    let case = notified_and_taken_up(&s, &site, &helfo, fnr);
    // Sent after the answer, without anyone asking.
    let mail = wait_for("the e-mail to be marked sent", || {
        deliveries(&s, &admin)
            .into_iter()
            .find(|d| d["state"] == "sent")
    });
    assert_eq!(mail["kind"], "fb_update");
    assert_eq!(mail["to"], "sykehus@innlandet.example");
    assert_eq!(mail["attempts"], 1);
    assert!(
        mail.get("body").is_none(),
        "the delivery list holds no body"
    );
    let texts = wait_for("the binding's file", || {
        Some(delivered(s.state())).filter(|t| !t.is_empty())
    });
    assert_eq!(texts.len(), 1, "one e-mail: {texts:?}");
    let text = &texts[0];
    let number = case["number"].as_str().unwrap();
    let id = case["id"].as_str().unwrap();
    assert!(text.contains(number), "{text}");
    assert!(
        text.contains(&format!("/fristbrudd/saker/{id}")),
        "a link straight to the case: {text}"
    );
    assert_eq!(reference(text), mail["id"].as_str().unwrap());
    for personal in [fnr.as_str(), "Kari Pasient", "912 34 567", "Ortopedi"] {
        assert!(!text.contains(personal), "{personal} is not in the e-mail");
    }
    // The simulated binding logged it, once.
    let log = std::fs::read_to_string(s.state().join("wrangler.log")).unwrap();
    assert_eq!(log.matches("send_email binding called").count(), 1);
    // Sending again finds nothing to send.
    let run = s
        .call("POST", "/api/v1/mail/send")
        .session(&admin)
        .json(&json!({}))
        .send();
    assert_eq!(run.status, 200, "{:?}", run.body);
    assert_eq!(run.body["sent"], 0);
    assert_eq!(delivered(s.state()).len(), 1);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn a_refused_send_is_retried_with_backoff_then_failed_and_an_administrator_sends_it_again() {
    let s = Server::start(&[TEST_CLOCK[0], REFUSED_SENDER]).unwrap();
    let (site, helfo, admin) = (
        s.login_as("behandlingssted"),
        s.login_as("helfo"),
        s.login_as("helfo_admin"),
    );
    notified_and_taken_up(&s, &site, &helfo, &valid_fnrs(2)[1]);
    // The first try, right after the answer, is refused by the binding.
    let mail = wait_for("the first refusal", || {
        deliveries(&s, &admin)
            .into_iter()
            .find(|d| d["attempts"] == 1 && d["state"] == "queued")
    });
    assert!(
        mail["last_error"].as_str().unwrap().contains("not allowed"),
        "{mail}"
    );
    assert!(mail["next_attempt_at"].is_string(), "{mail}");
    let id = mail["id"].as_str().unwrap().to_owned();
    let send_at = |at: i64| {
        let a = s
            .call("POST", "/api/v1/mail/send")
            .session(&admin)
            .json(&json!({ "at": at }))
            .send();
        assert_eq!(a.status, 200, "{:?}", a.body);
        a.body
    };
    // Tried again after the backoff, not before: 1 minute after the first
    // refusal it is due; the second refusal waits 5 minutes.
    let t = now_ms() + DAY_MS;
    assert_eq!(send_at(t)["retrying"], 1);
    assert_eq!(send_at(t + 4 * 60_000)["retrying"], 0, "not due yet");
    assert_eq!(send_at(t + 5 * 60_000)["retrying"], 1);
    // Attempts 4 and 5 are retried; the sixth gives up.
    assert_eq!(send_at(t + DAY_MS)["retrying"], 1);
    assert_eq!(send_at(t + 2 * DAY_MS)["retrying"], 1);
    let last = send_at(t + 3 * DAY_MS);
    assert_eq!(
        (last["retrying"].clone(), last["failed"].clone()),
        (json!(0), json!(1))
    );
    let failed = s
        .call("GET", "/api/v1/mail?state=failed")
        .session(&admin)
        .send();
    let failed = &failed.body["items"][0];
    assert_eq!(failed["id"], id.as_str());
    assert_eq!(failed["attempts"], 6);
    assert!(
        failed["last_error"]
            .as_str()
            .unwrap()
            .contains("not allowed")
    );
    assert!(delivered(s.state()).is_empty(), "nothing went out");
    // Another state than failed/uncertain cannot be sent again; a failed one
    // is queued again (and tried at once — refused again here), audited.
    let resend = |who: &Session| {
        s.call("POST", &format!("/api/v1/mail/{id}/resend"))
            .session(who)
            .json(&json!({}))
            .send()
    };
    assert_eq!(resend(&helfo).status, 403);
    let again = resend(&admin);
    assert_eq!(again.status, 200, "{:?}", again.body);
    assert_eq!(again.body["attempts"], 0);
    wait_for("the new try", || {
        deliveries(&s, &admin)
            .into_iter()
            .find(|d| d["id"] == id.as_str() && d["attempts"] == 1)
    });
    let twice = resend(&admin);
    assert_eq!(twice.status, 409, "{:?}", twice.body);
    assert_eq!(twice.kind(), "mail_not_resendable");
    let audit = s
        .call(
            "GET",
            &format!("/api/v1/audit?object_kind=outbox&object_id={id}"),
        )
        .session(&admin)
        .send();
    assert!(
        audit.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "mail.resend"),
        "{:?}",
        audit.body
    );
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn killed_mid_send_nothing_is_sent_twice_and_nothing_is_lost() {
    const MAILS: usize = 20;
    const HOLD_AFTER: usize = 5;
    // Twenty e-mails queued: each was tried once and refused.
    let s1 = Server::start(&[TEST_CLOCK[0], REFUSED_SENDER]).unwrap();
    let (site, helfo, admin) = (
        s1.login_as("behandlingssted"),
        s1.login_as("helfo"),
        s1.login_as("helfo_admin"),
    );
    for fnr in valid_fnrs(MAILS) {
        notified_and_taken_up(&s1, &site, &helfo, &fnr);
    }
    // (On a slow machine a row may have been tried twice by the time the
    // last is queued: each request's sender also retries what is due.)
    wait_for("every e-mail tried and queued again", || {
        let all = deliveries(&s1, &admin);
        (all.len() == MAILS
            && all
                .iter()
                .all(|d| d["attempts"].as_u64() >= Some(1) && d["state"] == "queued"))
        .then_some(())
    });
    let state = s1.crash();
    // The sender is allowed now, and stops after the binding accepted its
    // fifth e-mail, before marking it sent: killed there.
    let hold = HOLD_AFTER.to_string();
    let s2 = Server::start_on(
        state,
        &[TEST_CLOCK[0], ("FRIST_TEST_MAIL_HOLD_AFTER", &hold)],
    )
    .unwrap();
    let admin = s2.login_as("helfo_admin");
    let tomorrow = now_ms() + DAY_MS;
    let url = s2.url("/api/v1/mail/send");
    let client = s2.client.clone();
    let (cookie, base) = (admin.cookie.clone(), s2.base.clone());
    // The request never answers (the server dies under it).
    let _running = std::thread::spawn(move || {
        let _ = client
            .post(url)
            .header("Cookie", cookie)
            .header("Origin", base)
            .header("Content-Type", "application/json")
            .body(json!({ "at": tomorrow }).to_string())
            .send();
    });
    wait_for("the fifth e-mail to go out", || {
        (delivered(s2.state()).len() == HOLD_AFTER).then_some(())
    });
    let state = s2.crash();
    assert_eq!(
        delivered(state.path()).len(),
        HOLD_AFTER,
        "held after the fifth"
    );
    // Started again: the rest goes out; the one cut off is not sent again
    // (it did go out, but frist cannot know) and is shown as uncertain.
    let s3 = Server::start_on(state, TEST_CLOCK).unwrap();
    let admin = s3.login_as("helfo_admin");
    let run = s3
        .call("POST", "/api/v1/mail/send")
        .session(&admin)
        .json(&json!({ "at": tomorrow + DAY_MS }))
        .send();
    assert_eq!(run.status, 200, "{:?}", run.body);
    assert_eq!(run.body["sent"], MAILS - HOLD_AFTER, "{:?}", run.body);
    assert_eq!(run.body["uncertain"], 1, "{:?}", run.body);
    let texts = delivered(s3.state());
    let mut refs: Vec<String> = texts.iter().map(|t| reference(t)).collect();
    refs.sort();
    let before = refs.len();
    refs.dedup();
    assert_eq!(before, refs.len(), "no e-mail sent twice: {refs:?}");
    assert_eq!(refs.len(), MAILS, "every e-mail went out once");
    let all = deliveries(&s3, &admin);
    assert_eq!(all.len(), MAILS);
    let uncertain: Vec<&Value> = all.iter().filter(|d| d["state"] == "uncertain").collect();
    assert_eq!(uncertain.len(), 1, "{all:?}");
    assert!(
        all.iter()
            .all(|d| d["state"] == "sent" || d["state"] == "uncertain"),
        "nothing left behind: {all:?}"
    );
    assert!(
        uncertain[0]["last_error"]
            .as_str()
            .unwrap()
            .contains("cut off")
    );
    // The administrator can send the uncertain one again, on purpose.
    let again = s3
        .call(
            "POST",
            &format!(
                "/api/v1/mail/{}/resend",
                uncertain[0]["id"].as_str().unwrap()
            ),
        )
        .session(&admin)
        .json(&json!({}))
        .send();
    assert_eq!(again.status, 200, "{:?}", again.body);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fl_7_the_sweep_emails_each_due_termination_once_and_the_chase_list_says_so() {
    let s = Server::start(TEST_CLOCK).unwrap();
    let (admin, helfo) = (s.login_as("helfo_admin"), s.login_as("helfo"));
    let sweep = |today: &str| {
        let a = s
            .call("POST", "/api/v1/sweep")
            .session(&admin)
            .on(today)
            .json(&json!({ "today": today }))
            .send();
        assert_eq!(a.status, 200, "{:?}", a.body);
        a.body["chased"].clone()
    };
    // The seed's two terminations: chased from 31 October and 1 December.
    assert_eq!(sweep("2026-11-15"), json!(["FL-2026-000001"]));
    assert_eq!(sweep("2026-11-15"), json!([]), "once per termination");
    assert_eq!(sweep("2026-11-16"), json!([]), "not again the next day");
    assert_eq!(sweep("2026-12-02"), json!(["FL-2026-000002"]));
    let chase = s
        .call("GET", "/api/v1/fastlege/chase")
        .session(&helfo)
        .on("2026-12-02")
        .send();
    let chased_on: Vec<(String, String)> = chase
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["number"].as_str().unwrap().to_owned(),
                e["chased_on"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert!(
        chased_on.contains(&("FL-2026-000001".into(), "2026-11-15".into())),
        "{chased_on:?}"
    );
    assert!(
        chased_on.contains(&("FL-2026-000002".into(), "2026-12-02".into())),
        "{chased_on:?}"
    );
    // Two e-mails to the contact person named on the messages, sent.
    let chases = wait_for("both chase e-mails sent", || {
        let all: Vec<Value> = deliveries(&s, &admin)
            .into_iter()
            .filter(|d| d["kind"] == "fl_chase")
            .collect();
        (all.len() == 2 && all.iter().all(|d| d["state"] == "sent")).then_some(all)
    });
    assert!(
        chases
            .iter()
            .all(|d| d["to"] == "kommune@lillehammer.example")
    );
    let texts: Vec<String> = delivered(s.state())
        .into_iter()
        .filter(|t| t.contains("/fastlege/meldinger/"))
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    let first = texts
        .iter()
        .find(|t| t.contains("FL-2026-000001"))
        .expect("the first termination's e-mail");
    assert!(first.contains("/fastlege/meldinger/fl_demo_1") && first.contains("30.11.2026"));
    for personal in ["Per Olsen", "9144889", "61 05 00 00", "Kari Kommune"] {
        assert!(!first.contains(personal), "{personal} is not in the e-mail");
    }
}
