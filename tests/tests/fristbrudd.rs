//! Issue 5: fristbrudd cases through the API, as the hospital and as Helfo,
//! on fixed dates (the test clock, `X-Frist-Today`): every outcome path of
//! FB-6/FB-8, the FB-5 sweep across Easter, the PDF refusals of FB-7,
//! cross-hospital access, the FB-3 queue, FB-9's e-mails and FB-11.

use frist_domain::fristbrudd::{QueueItem, queue_order};
use frist_tests::{Answer, Server, Session, server};
use serde_json::{Value, json};

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

/// The outbox as Helfo sees it (local mode).
fn outbox(s: &Server, who: &Session) -> Vec<Value> {
    let a = s
        .call("GET", "/api/v1/outbox?limit=200")
        .session(who)
        .send();
    assert_eq!(a.status, 200, "{:?}", a.body);
    a.body["items"].as_array().unwrap().clone()
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fb_1_the_edge_checks_the_notification_and_refuses_a_second_open_case() {
    let s = server();
    let fb = Fb::new(s);
    let empty = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(&fb.site)
        .idempotent()
        .on(NOTIFIED)
        .json(&json!({}))
        .send();
    assert_eq!(empty.status, 422);
    for field in ["patient_fnr", "patient_name", "fristdato", "kind"] {
        assert!(
            empty.issues().contains(&format!("{field}:required")),
            "{:?}",
            empty.issues()
        );
    }
    // FB-1: an expected breach needs a fristdato not yet passed.
    let late = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(&fb.site)
        .idempotent()
        .on(NOTIFIED)
        .json(&notification(&patient(1), "2026-03-19"))
        .send();
    assert_eq!(late.issues(), ["fristdato:expected_needs_future_frist"]);

    let fnr = patient(2);
    let key = "fb1-first";
    let first = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(&fb.site)
        .header("Idempotency-Key", key)
        .on(NOTIFIED)
        .json(&notification(&fnr, "2026-04-01"))
        .send();
    assert_eq!(first.status, 201, "{:?}", first.body);
    let number = first.body["number"].as_str().unwrap().to_owned();
    assert!(number.starts_with("FB-2026-"), "{number}");
    assert_eq!(first.body["notified_on"], NOTIFIED);
    // FB-11: 10 working days from Friday 20 March 2026, past the Easter
    // holidays of 2, 3 and 6 April.
    assert_eq!(first.body["service_limit"], "2026-04-08");
    // The receipt carries no personal data.
    assert!(!first.body.to_string().contains(&fnr));
    assert!(!first.body.to_string().contains("Kari"));
    // The same key again: the same answer, one case.
    let again = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(&fb.site)
        .header("Idempotency-Key", key)
        .on(NOTIFIED)
        .json(&notification(&fnr, "2026-04-01"))
        .send();
    assert_eq!(again.status, 201);
    assert_eq!(again.header("idempotent-replayed"), "true");
    assert_eq!(again.body["number"], number.as_str());
    // A new key for the same patient: FB-1 one open case per patient.
    let second = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(&fb.site)
        .idempotent()
        .on(NOTIFIED)
        .json(&notification(&fnr, "2026-04-01"))
        .send();
    assert_eq!(second.status, 422);
    assert_eq!(second.issues(), ["patient_fnr:open_case_exists"]);
    assert_eq!(
        second.body["issues"][0]["params"]["case_number"],
        number.as_str()
    );
    // The form asks the same while the user types.
    let check = s
        .call("POST", "/api/v1/fristbrudd/patient-check")
        .session(&fb.site)
        .on(NOTIFIED)
        .json(&json!({"patient_fnr": fnr}))
        .send();
    assert_eq!(check.status, 200);
    assert_eq!(check.body["open_case"], number.as_str());
    let other = s
        .call("POST", "/api/v1/fristbrudd/patient-check")
        .session(&fb.site)
        .on(NOTIFIED)
        .json(&json!({"patient_fnr": patient(3)}))
        .send();
    assert_eq!(other.body["open_case"], Value::Null);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fb_6a_8_wants_offer_documents_forwarded_accepted_then_the_site_removes_the_patient() {
    let s = server();
    let fb = Fb::new(s);
    let c = fb.notify(&patient(10), "2026-04-01");
    assert_eq!(c["case"]["state"], "notified");
    assert_eq!(allowed(&c), ["take_up"]);
    let c = fb.event(&fb.helfo, &c, json!({"event": "take_up"}), "2026-03-23");
    // FB-4: 3 days from Monday 23 March.
    assert_eq!(c["deadlines"]["contact_by"], "2026-03-26");
    let c = fb.event(
        &fb.helfo,
        &c,
        json!({"event": "patient_wants_offer"}),
        "2026-03-24",
    );
    assert_eq!(c["case"]["state"], "finding_offer");
    // Forwarding needs the documentation first (FB-6/FB-7).
    let early = fb.try_event(&fb.helfo, &c, json!({"event": "forward"}), "2026-03-24");
    assert_eq!(early.status, 409);
    assert_eq!(early.issues(), ["event:documents_missing"]);
    assert!(!allowed(&c).contains(&"forward".to_owned()));
    // The site sees what it must do — with no date, since no source sets one.
    let site_view = fb.get(&fb.site, c["id"].as_str().unwrap());
    assert_eq!(
        site_view["site_action"],
        json!({"action": "upload_documentation"})
    );
    assert_eq!(
        allowed(&site_view),
        ["document_uploaded", "site_found_appointment"]
    );
    let up = fb.upload(&site_view, pdf(), "application/pdf");
    assert_eq!(up.status, 200, "{:?}", up.body);
    assert_eq!(up.body["document_bytes"], pdf().len());
    // Helfo reads the same bytes back.
    let doc = s
        .call(
            "GET",
            &format!(
                "/api/v1/fristbrudd/cases/{}/document",
                c["id"].as_str().unwrap()
            ),
        )
        .session(&fb.helfo)
        .send();
    assert_eq!(doc.status, 200);
    assert_eq!(doc.header("content-type"), "application/pdf");
    assert!(
        doc.header("content-disposition")
            .contains(c["number"].as_str().unwrap())
    );
    let c = fb.get(&fb.helfo, c["id"].as_str().unwrap());
    let c = fb.event(&fb.helfo, &c, json!({"event": "forward"}), "2026-03-25");
    assert_eq!(c["case"]["state"], "forwarded");
    let c = fb.event(
        &fb.helfo,
        &c,
        json!({"event": "offer_accepted"}),
        "2026-03-30",
    );
    assert_eq!(c["case"]["state"], "accepted");
    // FB-2: only now does the site remove the patient from its list.
    let site_view = fb.get(&fb.site, c["id"].as_str().unwrap());
    assert_eq!(site_view["waiting_list"], "remove");
    assert_eq!(
        site_view["site_action"],
        json!({"action": "remove_from_list"})
    );
    assert_eq!(
        history_events(&site_view),
        [
            "notify",
            "take_up",
            "patient_wants_offer",
            "document_uploaded",
            "forward",
            "offer_accepted"
        ]
    );
    // FB-9: one e-mail per Helfo update, to the notifier, naming only the number.
    let number = c["number"].as_str().unwrap();
    let mails: Vec<Value> = outbox(s, &fb.helfo)
        .into_iter()
        .filter(|m| m["subject"].as_str().unwrap().contains(number))
        .collect();
    assert_eq!(mails.len(), 4, "{mails:?}");
    for m in &mails {
        assert_eq!(m["to"], "sykehus@innlandet.example");
        let text = m.to_string();
        assert!(
            !text.contains("Kari") && !text.contains(&patient(10)[..6]),
            "{text}"
        );
    }
    // The hospital sees its own mail; a municipality sees none of it.
    assert!(
        outbox(s, &fb.site)
            .iter()
            .any(|m| m["subject"].as_str().unwrap().contains(number))
    );
    let kommune = s.login_as("kommune");
    assert!(outbox(s, &kommune).is_empty());
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fb_6c_and_fb_8_declined_no_offer_and_declined_offer_stop_the_case_and_keep_the_place() {
    let s = server();
    let fb = Fb::new(s);
    let ready = |n: u32| {
        let c = fb.notify(&patient(n), "2026-04-01");
        let c = fb.event(&fb.helfo, &c, json!({"event": "take_up"}), "2026-03-23");
        fb.event(
            &fb.helfo,
            &c,
            json!({"event": "contact_attempt"}),
            "2026-03-23",
        )
    };
    // FB-6 (c): the patient does not want help.
    let c = ready(20);
    let c = fb.event(
        &fb.helfo,
        &c,
        json!({"event": "patient_declines"}),
        "2026-03-24",
    );
    assert_eq!(c["case"]["state"], "declined");
    assert!(allowed(&c).is_empty());
    let site_view = fb.get(&fb.site, c["id"].as_str().unwrap());
    assert_eq!(site_view["site_action"]["action"], "stopped_keep_on_list");
    assert_eq!(site_view["waiting_list"], "keep");
    // A closed case refuses everything, naming that nothing is allowed.
    let after = fb.try_event(&fb.helfo, &c, json!({"event": "take_up"}), "2026-03-25");
    assert_eq!(after.status, 409);
    assert!(
        after.body["issues"][0]["params"]["allowed"]
            .as_str()
            .unwrap()
            .contains("avsluttet")
    );
    // FB-8: forwarded, then no offer found / the offer declined.
    for (n, outcome, state) in [
        (21, "no_offer_found", "no_offer_found"),
        (22, "offer_declined", "declined_offer"),
    ] {
        let c = ready(n);
        let c = fb.walk(
            &c,
            &[
                ("patient_wants_offer", "2026-03-24"),
                ("documents_received", "2026-03-25"),
                ("forward", "2026-03-25"),
            ],
        );
        let c = fb.event(&fb.helfo, &c, json!({"event": outcome}), "2026-03-31");
        assert_eq!(c["case"]["state"], state);
        let site_view = fb.get(&fb.site, c["id"].as_str().unwrap());
        assert_eq!(site_view["waiting_list"], "keep", "{outcome}");
    }
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fb_8_the_site_reports_an_appointment_and_helfo_records_each_variants_result() {
    let s = server();
    let fb = Fb::new(s);
    // (1) Within the fristdato: no breach after all. The report does not
    // stop the case; Helfo contacts the patient, then can only stop.
    let c = fb.notify(&patient(30), "2026-04-01");
    let site_view = fb.get(&fb.site, c["id"].as_str().unwrap());
    let c = fb.event(
        &fb.site,
        &site_view,
        json!({"event": "site_found_appointment", "appointment": "31.03.2026"}),
        "2026-03-23",
    );
    assert_eq!(c["case"]["state"], "notified");
    assert_eq!(c["case"]["variant"], "within_frist");
    assert_eq!(c["appointment_on"], "2026-03-31");
    assert_eq!(c["site_action"]["action"], "appointment_reported");
    let c = fb.get(&fb.helfo, c["id"].as_str().unwrap());
    assert_eq!(allowed(&c), ["stop_for_site_appointment"]);
    let blocked = fb.try_event(&fb.helfo, &c, json!({"event": "take_up"}), "2026-03-23");
    assert_eq!(blocked.status, 409);
    assert_eq!(blocked.issues(), ["event:appointment_awaits_helfo"]);
    let c = fb.event(
        &fb.helfo,
        &c,
        json!({"event": "stop_for_site_appointment"}),
        "2026-03-24",
    );
    assert_eq!(c["case"]["state"], "site_found_appointment");
    let site_view = fb.get(&fb.site, c["id"].as_str().unwrap());
    assert_eq!(site_view["site_action"]["action"], "stopped_keep_on_list");
    // (2) After the fristdato, before Helfo found an offer: Helfo goes on.
    let c = fb.notify(&patient(31), "2026-04-01");
    let c = fb.event(&fb.helfo, &c, json!({"event": "take_up"}), "2026-03-23");
    let c = fb.event(
        &fb.site,
        &c,
        json!({"event": "site_found_appointment", "appointment": "2026-04-15"}),
        "2026-03-24",
    );
    assert_eq!(c["case"]["variant"], "before_helfo");
    let c = fb.get(&fb.helfo, c["id"].as_str().unwrap());
    assert_eq!(
        allowed(&c),
        ["stop_for_site_appointment", "continue_despite_appointment"]
    );
    let c = fb.event(
        &fb.helfo,
        &c,
        json!({"event": "continue_despite_appointment"}),
        "2026-03-24",
    );
    assert_eq!(c["case"]["state"], "contacting");
    assert_eq!(c["case"]["variant"], Value::Null);
    assert!(allowed(&c).contains(&"patient_wants_offer".to_owned()));
    // (3) After the patient accepted Helfo's offer: the offer cannot be
    // cancelled at no cost, so it stands and the site removes the patient.
    let c = fb.forwarded(32);
    let c = fb.walk(&c, &[("offer_accepted", "2026-03-26")]);
    let c = fb.event(
        &fb.site,
        &c,
        json!({"event": "site_found_appointment", "appointment": "2026-04-20"}),
        "2026-03-27",
    );
    assert_eq!(c["case"]["variant"], "after_accepted");
    assert_eq!(c["site_action"]["action"], "appointment_reported");
    assert_eq!(c["waiting_list"], "keep");
    let c = fb.get(&fb.helfo, c["id"].as_str().unwrap());
    let c = fb.event(
        &fb.helfo,
        &c,
        json!({"event": "continue_despite_appointment"}),
        "2026-03-30",
    );
    assert_eq!(c["case"]["state"], "accepted");
    let site_view = fb.get(&fb.site, c["id"].as_str().unwrap());
    assert_eq!(site_view["site_action"]["action"], "remove_from_list");
    // Each step is in the history, with the appointment's date.
    let events = history_events(&site_view);
    assert!(
        events.ends_with(&[
            "site_found_appointment".to_owned(),
            "continue_despite_appointment".to_owned()
        ]),
        "{events:?}"
    );
    // The site may only report appointments and upload: never Helfo's steps.
    let c = fb.notify(&patient(33), "2026-04-01");
    let site_view = fb.get(&fb.site, c["id"].as_str().unwrap());
    let refused = fb.try_event(
        &fb.site,
        &site_view,
        json!({"event": "take_up"}),
        "2026-03-23",
    );
    assert_eq!(refused.status, 409);
    assert_eq!(refused.issues(), ["event:transition_not_allowed"]);
    let unknown = fb.try_event(
        &fb.site,
        &site_view,
        json!({"event": "teleport"}),
        "2026-03-23",
    );
    assert_eq!(unknown.status, 422);
    assert_eq!(unknown.issues(), ["event:not_one_of"]);
    let no_date = fb.try_event(
        &fb.site,
        &site_view,
        json!({"event": "site_found_appointment", "appointment": "31.02.2026"}),
        "2026-03-23",
    );
    assert_eq!(no_date.issues(), ["appointment:date_invalid"]);
    // An appointment before the day it is reported (1 January 2020, before
    // the referral): a form error at the field; nothing changes.
    let past = fb.try_event(
        &fb.site,
        &site_view,
        json!({"event": "site_found_appointment", "appointment": "01.01.2020"}),
        "2026-03-23",
    );
    assert_eq!(past.status, 422, "{:?}", past.body);
    assert_eq!(past.issues(), ["appointment:appointment_in_past"]);
    assert_eq!(
        fb.get(&fb.site, c["id"].as_str().unwrap())["version"],
        site_view["version"]
    );
}

/// Seed 000, step 5: «Helfo finner ikke behandlingstilbud. Helfo vil ta
/// kontakt med det opprinnelige behandlingsstedet … og undersøke når
/// pasienten kan få time».
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fb_8_after_no_offer_found_the_site_gives_the_date_the_patient_can_come() {
    let s = server();
    let fb = Fb::new(s);
    let c = fb.forwarded(34);
    let c = fb.walk(&c, &[("no_offer_found", "2026-03-31")]);
    let site_view = fb.get(&fb.site, c["id"].as_str().unwrap());
    assert_eq!(site_view["site_action"]["action"], "give_appointment_date");
    assert_eq!(allowed(&site_view), ["site_found_appointment"]);
    let answered = fb.event(
        &fb.site,
        &site_view,
        json!({"event": "site_found_appointment", "appointment": "04.05.2026"}),
        "2026-04-01",
    );
    assert_eq!(answered["case"]["state"], "no_offer_found");
    assert_eq!(answered["appointment_on"], "2026-05-04");
    assert_eq!(answered["site_action"]["action"], "stopped_keep_on_list");
    let helfo_view = fb.get(&fb.helfo, c["id"].as_str().unwrap());
    assert_eq!(helfo_view["appointment_on"], "2026-05-04");
    assert_eq!(allowed(&helfo_view), Vec::<String>::new());
}

/// Seed 000, steps 2–3: «Helfo får ikke tak i pasienten. Helfo må likevel
/// starte arbeidet med å skaffe et tilbud. Opprinnelig behandlingssted må
/// laste opp henvisning …» — and FB-11 counts it as Helfo's first answer.
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fb_6b_a_patient_helfo_cannot_reach_is_forwarded_after_the_letter_and_the_upload() {
    let s = server();
    let fb = Fb::new(s);
    let c = fb.notify(&patient(35), "2026-04-01");
    let c = fb.event(&fb.helfo, &c, json!({"event": "take_up"}), "2026-03-23");
    // Not on the day it was taken up: the 3 days have not passed.
    let early = fb.try_event(&fb.helfo, &c, json!({"event": "not_reached"}), "2026-03-23");
    assert_eq!(early.status, 409);
    assert_eq!(early.issues(), ["event:not_reached_too_early"]);
    assert!(!allowed(&c).contains(&"not_reached".to_owned()));
    let c = fb.event(&fb.helfo, &c, json!({"event": "not_reached"}), "2026-03-26");
    assert_eq!(c["case"]["first_outcome_on"], "2026-03-26");
    let c = fb.event(
        &fb.helfo,
        &c,
        json!({"event": "letter_sent", "sent": "26.03.2026"}),
        "2026-03-26",
    );
    // The site is asked for the documentation and uploads it.
    let site_view = fb.get(&fb.site, c["id"].as_str().unwrap());
    assert_eq!(site_view["site_action"]["action"], "upload_documentation");
    let up = fb.upload(&site_view, pdf(), "application/pdf");
    assert_eq!(up.status, 200, "{:?}", up.body);
    let c = fb.get(&fb.helfo, c["id"].as_str().unwrap());
    assert!(
        allowed(&c).contains(&"forward".to_owned()),
        "{:?}",
        allowed(&c)
    );
    let c = fb.event(&fb.helfo, &c, json!({"event": "forward"}), "2026-03-27");
    assert_eq!(c["case"]["state"], "forwarded");
    // Forwarded, the case is not returned when the letter's time runs out.
    let admin = s.login_as("helfo_admin");
    let sweep = s
        .call("POST", "/api/v1/sweep")
        .session(&admin)
        .json(&json!({"today": "2026-05-04"}))
        .send();
    assert_eq!(sweep.status, 200, "{:?}", sweep.body);
    let number = c["number"].as_str().unwrap();
    assert!(!sweep.body["returned"].to_string().contains(number));
    let c = fb.event(
        &fb.helfo,
        &c,
        json!({"event": "offer_accepted"}),
        "2026-05-04",
    );
    let site_view = fb.get(&fb.site, c["id"].as_str().unwrap());
    assert_eq!(site_view["site_action"]["action"], "remove_from_list");
}

/// FB-4: the day after the contact deadline, the sweep records "not
/// reached" for a case Helfo left in contact, once, so the letter and the
/// site's upload follow.
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fb_4_the_sweep_records_not_reached_the_day_after_the_contact_deadline() {
    let s = server();
    let fb = Fb::new(s);
    let admin = s.login_as("helfo_admin");
    let c = fb.notify(&patient(36), "2026-04-01");
    // Taken up Friday 27 March: 30 March is a Monday, contact by then.
    let c = fb.event(&fb.helfo, &c, json!({"event": "take_up"}), "2026-03-27");
    assert_eq!(c["deadlines"]["contact_by"], "2026-03-30");
    let number = c["number"].as_str().unwrap().to_owned();
    let sweep = |today: &str| {
        let a = s
            .call("POST", "/api/v1/sweep")
            .session(&admin)
            .json(&json!({ "today": today }))
            .send();
        assert_eq!(a.status, 200, "{:?}", a.body);
        a.body["not_reached"].to_string()
    };
    assert!(
        !sweep("2026-03-30").contains(&number),
        "on the deadline itself"
    );
    assert!(sweep("2026-03-31").contains(&number));
    assert!(!sweep("2026-03-31").contains(&number), "once");
    let c = fb.get(&fb.helfo, c["id"].as_str().unwrap());
    assert_eq!(c["case"]["state"], "not_reached");
    let last = c["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["event"].as_str(), last["actor"].as_str()),
        (Some("not_reached"), Some("system"))
    );
    assert!(allowed(&c).contains(&"letter_sent".to_owned()));
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fb_5_the_sweep_returns_a_case_the_day_after_a_reply_deadline_across_easter_once() {
    let s = server();
    let fb = Fb::new(s);
    let admin = s.login_as("helfo_admin");
    let c = fb.notify(&patient(40), "2026-04-01");
    let c = fb.walk(
        &c,
        &[("take_up", "2026-03-26"), ("not_reached", "2026-03-30")],
    );
    // A letter dated after today is refused as a form error, at its field.
    let future = fb.try_event(
        &fb.helfo,
        &c,
        json!({"event": "letter_sent", "sent": "2026-03-31"}),
        "2026-03-30",
    );
    assert_eq!(future.status, 422);
    assert_eq!(future.issues(), ["sent:letter_date_invalid"]);
    assert_eq!(future.body["issues"][0]["params"]["min"], "26.03.2026");
    assert_eq!(future.body["issues"][0]["params"]["max"], "30.03.2026");
    let c = fb.event(
        &fb.helfo,
        &c,
        json!({"event": "letter_sent", "sent": "30.03.2026"}),
        "2026-03-30",
    );
    // 10 working days from Monday 30 March 2026 skip Maundy Thursday, Good
    // Friday and Easter Monday (2, 3 and 6 April): Thursday 16 April.
    assert_eq!(c["deadlines"]["reply_by"], "2026-04-16");
    let number = c["number"].as_str().unwrap();
    let sweep = |today: &str| {
        let a = s
            .call("POST", "/api/v1/sweep")
            .session(&admin)
            .json(&json!({ "today": today }))
            .send();
        assert_eq!(a.status, 200, "{:?}", a.body);
        a.body["returned"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert!(
        !sweep("2026-04-16").contains(&number.to_owned()),
        "on the deadline itself"
    );
    assert!(sweep("2026-04-17").contains(&number.to_owned()));
    // Safe to run twice: nothing more happens.
    assert!(!sweep("2026-04-17").contains(&number.to_owned()));
    let c = fb.get(&fb.helfo, c["id"].as_str().unwrap());
    assert_eq!(c["case"]["state"], "returned");
    let events = history_events(&c);
    assert_eq!(
        events.iter().filter(|e| *e == "return").count(),
        1,
        "{events:?}"
    );
    assert_eq!(
        c["history"].as_array().unwrap().last().unwrap()["actor"],
        "system"
    );
    // Only administrators may run it by hand.
    let refused = s
        .call("POST", "/api/v1/sweep")
        .session(&fb.helfo)
        .json(&json!({"today": "2026-04-17"}))
        .send();
    assert_eq!(refused.status, 403);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fb_7_the_edge_refuses_a_wrong_type_a_fake_pdf_a_second_file_and_a_too_large_one() {
    let s = server();
    let fb = Fb::new(s);
    let c = fb.notify(&patient(50), "2026-04-01");
    let c = fb.get(&fb.site, c["id"].as_str().unwrap());
    let word = fb.upload(&c, b"PK\x03\x04word".to_vec(), "application/msword");
    assert_eq!(word.status, 415);
    let multipart = fb.upload(
        &c,
        b"--x\r\n\r\n%PDF-1.7".to_vec(),
        "multipart/form-data; boundary=x",
    );
    assert_eq!(multipart.status, 415);
    let fake = fb.upload(&c, b"<html>not a pdf</html>".to_vec(), "application/pdf");
    assert_eq!(fake.status, 422);
    assert_eq!(fake.issues(), ["document:file_not_pdf"]);
    let mut big = pdf();
    big.resize(20 * 1024 * 1024 + 1, b' ');
    let large = fb.upload(&c, big, "application/pdf");
    assert_eq!(large.status, 413);
    // Nothing was stored by the refusals.
    let unchanged = fb.get(&fb.site, c["id"].as_str().unwrap());
    assert_eq!(unchanged["version"], c["version"]);
    assert_eq!(unchanged["document_bytes"], Value::Null);
    let ok = fb.upload(&c, pdf(), "application/pdf");
    assert_eq!(ok.status, 200, "{:?}", ok.body);
    // A second file: refused, whether with the old version or the new one.
    assert_eq!(fb.upload(&c, pdf(), "application/pdf").status, 412);
    let second = fb.upload(&ok.body, pdf(), "application/pdf");
    assert_eq!(second.status, 409);
    assert_eq!(second.issues(), ["event:document_already_uploaded"]);
    // Without If-Match: 428.
    let bare = s
        .call(
            "PUT",
            &format!(
                "/api/v1/fristbrudd/cases/{}/document",
                c["id"].as_str().unwrap()
            ),
        )
        .session(&fb.site)
        .body("application/pdf", pdf())
        .send();
    assert_eq!(bare.status, 428);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn another_hospital_can_neither_see_nor_change_the_case() {
    let s = server();
    let fb = Fb::new(s);
    let other = s.elsewhere(
        ("Vestre Viken HF sykehus", "910000004", "behandlingssted"),
        ("Vera Viken", "vera@viken.example"),
        "behandlingssted",
    );
    let fnr = patient(60);
    let c = fb.notify(&fnr, "2026-04-01");
    let id = c["id"].as_str().unwrap();
    for path in [
        format!("/api/v1/fristbrudd/cases/{id}"),
        format!("/api/v1/fristbrudd/cases/{id}/document"),
    ] {
        let a = s.call("GET", &path).session(&other).send();
        assert_eq!(a.status, 404, "{path}");
    }
    let change = fb.try_event(
        &other,
        &c,
        json!({"event": "site_found_appointment", "appointment": "2026-03-31"}),
        "2026-03-23",
    );
    assert_eq!(change.status, 404);
    let list = s
        .call("GET", "/api/v1/fristbrudd/cases")
        .session(&other)
        .send();
    assert_eq!(list.status, 200);
    assert_eq!(list.body["items"], json!([]));
    // The same patient may have a case at the other hospital (FB-1 is per site).
    let theirs = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(&other)
        .idempotent()
        .on(NOTIFIED)
        .json(&notification(&fnr, "2026-04-01"))
        .send();
    assert_eq!(theirs.status, 201, "{:?}", theirs.body);
    // The demo hospital's list masks the number and never shows the name.
    let mine = s
        .call("GET", "/api/v1/fristbrudd/cases?state=open")
        .session(&fb.site)
        .send();
    let text = mine.body.to_string();
    assert!(!text.contains(&fnr) && !text.contains("Kari"), "{text}");
    assert!(text.contains(&format!("{} *****", &fnr[..6])));
    // Unchanged by all of it.
    assert_eq!(fb.get(&fb.helfo, id)["version"], c["version"]);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fb_3_the_queue_puts_confirmed_urgent_first_then_fristdato_then_arrival() {
    let s = server();
    let fb = Fb::new(s);
    let late = fb.notify(&patient(70), "2026-05-10");
    let early = fb.notify(&patient(71), "2026-04-02");
    let urgent = {
        let mut form = notification(&patient(72), "2026-06-01");
        form["urgent"] = json!(true);
        form["urgent_reason"] = json!("Rask forverring");
        let a = s
            .call("POST", "/api/v1/fristbrudd/cases")
            .session(&fb.site)
            .idempotent()
            .on(NOTIFIED)
            .json(&form)
            .send();
        assert_eq!(a.status, 201, "{:?}", a.body);
        fb.get(&fb.helfo, a.body["id"].as_str().unwrap())
    };
    let ids = |a: &Answer| -> Vec<String> {
        a.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let ours = [&late, &early, &urgent].map(|c| c["id"].as_str().unwrap().to_owned());
    let position = |all: &[String], id: &str| all.iter().position(|x| x == id).unwrap();
    let queue = |s: &Server| {
        s.call("GET", "/api/v1/fristbrudd/queue?limit=200")
            .session(&fb.helfo)
            .send()
    };
    // Unconfirmed urgency does not count yet: fristdato order.
    let q = ids(&queue(s));
    assert!(position(&q, &ours[1]) < position(&q, &ours[0]));
    assert!(position(&q, &ours[0]) < position(&q, &ours[2]));
    fb.event(
        &fb.helfo,
        &urgent,
        json!({"event": "confirm_urgent"}),
        "2026-03-23",
    );
    let answer = queue(s);
    let q = ids(&answer);
    assert!(position(&q, &ours[2]) < position(&q, &ours[1]));
    // The edge's order is the domain's FB-3 order, item for item.
    let items: Vec<QueueItem> = answer.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| QueueItem {
            id: i["id"].as_str().unwrap().to_owned(),
            fristdato: i["fristdato"].as_str().unwrap().parse().unwrap(),
            urgent: i["urgent_confirmed"].as_bool().unwrap(),
            notified_at: i["notified_at"].as_i64().unwrap(),
        })
        .collect();
    let mut sorted = items.clone();
    sorted.sort_by(queue_order);
    assert_eq!(items, sorted);
    // Paging with a cursor continues exactly where the page ended.
    let first = s
        .call("GET", "/api/v1/fristbrudd/queue?limit=1")
        .session(&fb.helfo)
        .send();
    let next = first.body["next_cursor"].as_str().unwrap();
    let second = s
        .call(
            "GET",
            &format!("/api/v1/fristbrudd/queue?limit=1&cursor={next}"),
        )
        .session(&fb.helfo)
        .send();
    assert_eq!(ids(&first)[0], q[0]);
    assert_eq!(ids(&second)[0], q[1]);
    // The queue is Helfo's.
    let site = s
        .call("GET", "/api/v1/fristbrudd/queue")
        .session(&fb.site)
        .send();
    assert_eq!(site.status, 403);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fb_11_the_dashboard_counts_cases_and_first_outcomes_per_month() {
    let s = server();
    let fb = Fb::new(s);
    let c = fb.notify(&patient(80), "2026-04-01");
    let c = fb.event(&fb.helfo, &c, json!({"event": "take_up"}), "2026-03-23");
    fb.event(
        &fb.helfo,
        &c,
        json!({"event": "patient_declines"}),
        "2026-03-24",
    );
    let a = s
        .call("GET", "/api/v1/fristbrudd/stats")
        .session(&fb.helfo)
        .send();
    assert_eq!(a.status, 200, "{:?}", a.body);
    let march = a
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["month"] == "2026-03")
        .cloned()
        .unwrap();
    assert!(march["cases"].as_u64().unwrap() >= 1);
    assert!(march["with_outcome"].as_u64().unwrap() >= 1);
    assert!(march["within_limit"].as_u64().unwrap() >= 1);
    assert!(march["within_limit"].as_u64() <= march["with_outcome"].as_u64());
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn the_demo_seed_cases_read_back_as_the_domain_computes_them() {
    let s = server();
    let fb = Fb::new(s);
    let all = s
        .call("GET", "/api/v1/fristbrudd/cases?limit=200")
        .session(&fb.helfo)
        .send();
    assert_eq!(all.status, 200, "{:?}", all.body);
    let seeded: Vec<&Value> = all.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["id"].as_str().unwrap().starts_with("fb_demo_"))
        .collect();
    assert_eq!(seeded.len(), 5);
    for c in &seeded {
        let full = fb.get(&fb.helfo, c["id"].as_str().unwrap());
        // The stored sorting copy agrees with the rules' view of the case.
        assert_eq!(full["next_deadline"], c["next_deadline"]);
        let events = history_events(&full);
        assert_eq!(events[0], "notify", "{events:?}");
        assert_eq!(full["version"].as_u64().unwrap() as usize, events.len());
    }
    let open = s
        .call("GET", "/api/v1/fristbrudd/cases?state=contacting")
        .session(&fb.helfo)
        .send();
    let demo4 = open.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "fb_demo_4")
        .cloned()
        .unwrap();
    // FB-4: taken up Tuesday 17 November 2026, contact by Friday 20th.
    assert_eq!(demo4["next_deadline"], json!(["contact_by", "2026-11-20"]));
    // A new notification continues the seeded numbering.
    let c = fb.notify(&patient(90), "2026-04-01");
    assert!(c["number"].as_str().unwrap() > "FB-2026-000005");
}
