//! Issue 5: fristbrudd cases through the API, as the hospital and as Helfo,
//! on fixed dates (the test clock, `X-Frist-Today`): every outcome path of
//! FB-6/FB-8, the FB-5 sweep across Easter, the PDF refusals of FB-7,
//! cross-hospital access, the FB-3 queue, FB-9's e-mails and FB-11.

use frist_domain::fristbrudd::{QueueItem, queue_order};
use frist_tests::{Answer, Server, Session, server};
use serde_json::{Value, json};

mod not_reached;
mod notification;
mod outcomes;
mod overview;

/// A notification of the demo hospital on 2026-03-20 (FB-1).
fn notification(fnr: &str, fristdato: &str) -> Value {
    frist_tests::fb_notification(fnr, fristdato)
}

const NOTIFIED: &str = "2026-03-20";

/// A synthetic test fødselsnummer (Tenor: month + 80, accepted in local
/// mode only), one per `n`, so every test has its own patients.
fn patient(n: u32) -> String {
    let (day, month) = (1 + n % 28, 81 + (n / 28) % 12);
    for individual in 0..500 {
        let first9 = format!("{day:02}{month:02}90{individual:03}");
        let mut digits = [0u8; 9];
        for (d, b) in digits.iter_mut().zip(first9.bytes()) {
            *d = b - b'0';
        }
        if let Some([k1, k2]) = frist_domain::ids::fnr_check_digits(&digits) {
            return format!("{first9}{k1}{k2}");
        }
    }
    panic!("no valid number for {n}")
}

struct Fb<'a> {
    s: &'a Server,
    site: Session,
    helfo: Session,
}

impl<'a> Fb<'a> {
    fn new(s: &'a Server) -> Self {
        Fb {
            s,
            site: s.login_as("behandlingssted"),
            helfo: s.login_as("helfo"),
        }
    }

    /// A new case of `fnr`; returns its view from Helfo's side.
    fn notify(&self, fnr: &str, fristdato: &str) -> Value {
        let a = self
            .s
            .call("POST", "/api/v1/fristbrudd/cases")
            .session(&self.site)
            .idempotent()
            .on(NOTIFIED)
            .json(&notification(fnr, fristdato))
            .send();
        assert_eq!(a.status, 201, "{:?}", a.body);
        self.get(&self.helfo, a.body["id"].as_str().unwrap())
    }

    fn get(&self, who: &Session, id: &str) -> Value {
        let a = self
            .s
            .call("GET", &format!("/api/v1/fristbrudd/cases/{id}"))
            .session(who)
            .send();
        assert_eq!(a.status, 200, "{:?}", a.body);
        assert_eq!(a.header("etag"), format!("\"{}\"", a.body["version"]));
        a.body
    }

    /// Sends `event` on `on` as `who`, naming the case's current version.
    fn try_event(&self, who: &Session, case: &Value, event: Value, on: &str) -> Answer {
        self.s
            .call(
                "POST",
                &format!(
                    "/api/v1/fristbrudd/cases/{}/events",
                    case["id"].as_str().unwrap()
                ),
            )
            .session(who)
            .if_match(&case["version"])
            .on(on)
            .json(&event)
            .send()
    }

    fn event(&self, who: &Session, case: &Value, event: Value, on: &str) -> Value {
        let a = self.try_event(who, case, event.clone(), on);
        assert_eq!(a.status, 200, "{event}: {:?}", a.body);
        a.body
    }

    /// Helfo's events in order, each on its date.
    fn walk(&self, case: &Value, steps: &[(&str, &str)]) -> Value {
        steps.iter().fold(case.clone(), |c, (event, on)| {
            self.event(&self.helfo, &c, json!({ "event": event }), on)
        })
    }

    /// A new case of patient `n` that Helfo forwarded on 24 March (the
    /// patient wanted an offer; the documentation came by post).
    fn forwarded(&self, n: u32) -> Value {
        let c = self.notify(&patient(n), "2026-04-01");
        self.walk(
            &c,
            &[
                ("take_up", "2026-03-23"),
                ("patient_wants_offer", "2026-03-23"),
                ("documents_received", "2026-03-24"),
                ("forward", "2026-03-24"),
            ],
        )
    }

    fn upload(&self, case: &Value, body: Vec<u8>, content_type: &str) -> Answer {
        self.s
            .call(
                "PUT",
                &format!(
                    "/api/v1/fristbrudd/cases/{}/document",
                    case["id"].as_str().unwrap()
                ),
            )
            .session(&self.site)
            .if_match(&case["version"])
            .body(content_type, body)
            .send()
    }
}

fn pdf() -> Vec<u8> {
    b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".to_vec()
}

fn history_events(case: &Value) -> Vec<String> {
    case["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["event"].as_str().unwrap().to_owned())
        .collect()
}

fn allowed(case: &Value) -> Vec<String> {
    case["allowed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap().to_owned())
        .collect()
}
