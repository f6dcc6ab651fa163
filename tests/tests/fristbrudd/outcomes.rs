//! The outcome paths after the patient is reached (FB-6 (a) and (c), FB-8)
//! and FB-9's e-mails: wanting an offer, documents, forwarded, accepted and the
//! site removing the patient (FB-2); declining, no offer found and a declined
//! offer stopping the case and keeping the place; the site's appointment and
//! Helfo's result for each variant.

use super::*;

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
