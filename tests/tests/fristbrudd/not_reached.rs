//! A patient Helfo cannot reach and the daily sweep: FB-6 (b) (not reached,
//! the letter, the upload, forwarded), FB-4 (the sweep records not reached the
//! day after the contact deadline) and FB-5 (the sweep returns a case the day
//! after its reply deadline, across Easter, once).

use super::*;

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
