//! Issue 6: fastlege messages through the API on fixed dates (the test
//! clock): every message kind as `kommune`, Helfo's list and registration
//! (FL-8), the FL-6 class of a late new GP, FL-9 and FL-12 refusals, the
//! dashboard and the FL-7 chase list, and cross-municipality access.

use frist_domain::fastlege::SCHEMA_VERSION;
use frist_tests::{Answer, Server, Session, server};
use serde_json::{Value, json};

fn contact() -> Value {
    json!({"name": "Kari Kommune", "phone": "61 05 00 00", "email": "kari@lillehammer.example"})
}

/// A message of `kind` with `fields`, built against the current form.
fn message(kind: &str, fields: Value) -> Value {
    let mut m = json!({"schema_version": SCHEMA_VERSION, "kind": kind, "contact": contact()});
    for (k, v) in fields.as_object().unwrap() {
        m[k] = v.clone();
    }
    m
}

fn send(s: &Server, who: &Session, on: &str, body: &Value) -> Answer {
    s.call("POST", "/api/v1/fastlege/messages")
        .session(who)
        .idempotent()
        .on(on)
        .json(body)
        .send()
}

fn sent(s: &Server, who: &Session, on: &str, body: &Value) -> Value {
    let a = send(s, who, on, body);
    assert_eq!(a.status, 201, "{body}: {:?}", a.body);
    a.body
}

fn termination(gp: &str, hpr: &str, notice: &str) -> Value {
    message(
        "termination",
        json!({"gp_name": gp, "gp_hpr": hpr, "practice": "Storgata legesenter", "notice_date": notice}),
    )
}

fn ids(a: &Answer) -> Vec<String> {
    a.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_owned())
        .collect()
}

fn list(s: &Server, who: &Session) -> Answer {
    let a = s
        .call("GET", "/api/v1/fastlege/messages?limit=200")
        .session(who)
        .send();
    assert_eq!(a.status, 200, "{:?}", a.body);
    a
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fl_2_10_every_message_kind_is_sent_by_the_kommune_and_listed_for_helfo() {
    let s = server();
    let kommune = s.login_as("kommune");
    let helfo = s.login_as("helfo");
    let today = "2026-11-23";
    let kinds = [
        termination("Per Olsen", "9144889", "2026-11-20"),
        message(
            "new_gp",
            json!({"gp_name": "Nora Ny", "gp_hpr": "9144891", "practice": "Storgata legesenter",
                   "start_date": "01.03.2027", "listetak": "1000", "citizens_moved": "0",
                   "self_employed": true, "direct_settlement_date": "15.02.2027"}),
        ),
        message(
            "new_vacant_list",
            json!({"practice": "Fjellet legekontor", "start_date": "01.02.2027", "listetak": "0"}),
        ),
        message(
            "list_size",
            json!({"gp_name": "Per Olsen", "gp_hpr": "9144889", "effective_date": "01.01.2027",
                   "current_list_size": "1200", "new_listetak": "1000", "citizens_moved": "200",
                   "move_to": "ny ubesatt liste ved Storgata legesenter", "confirmed": true}),
        ),
        message(
            "substitute_start",
            json!({"substitute_name": "Vera Vikar", "substitute_hpr": "9144890",
                   "gp_name": "Per Olsen", "gp_hpr": "9144889", "start_date": "01.12.2026",
                   "end_date": "31.05.2027", "competence": "approved"}),
        ),
        message(
            "substitute_change",
            json!({"substitute_name": "Vera Vikar", "substitute_hpr": "9144890",
                   "gp_name": "Nora Ny", "gp_hpr": "9144891", "effective_date": "01.03.2027"}),
        ),
        message(
            "substitute_end",
            json!({"substitute_name": "Vera Vikar", "substitute_hpr": "9144890",
                   "gp_name": "Nora Ny", "gp_hpr": "9144891", "end_date": "30.04.2027"}),
        ),
    ];
    let mut mine = Vec::new();
    for body in &kinds {
        let created = sent(s, &kommune, today, body);
        assert!(created["number"].as_str().unwrap().starts_with("FL-2026-"));
        assert_eq!(created["kind"], body["kind"]);
        mine.push(created["id"].as_str().unwrap().to_owned());
    }
    // The kommune sees its own; Helfo sees them too, soonest effective first.
    let own = ids(&list(s, &kommune));
    assert!(mine.iter().all(|id| own.contains(id)));
    let all = list(s, &helfo);
    let effective: Vec<&str> = all.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["effective"].as_str().unwrap())
        .collect();
    let mut sorted = effective.clone();
    sorted.sort();
    assert_eq!(effective, sorted);
    // The termination: T at the month boundary, chased from the day after
    // a month before (FL-7).
    let t = s
        .call("GET", &format!("/api/v1/fastlege/messages/{}", mine[0]))
        .session(&helfo)
        .send();
    assert_eq!(t.body["timing"]["termination"], "2027-05-31");
    assert_eq!(t.body["timing"]["chase_from"], "2027-05-01");
    assert_eq!(t.body["status"], "sent");
    assert_eq!(t.body["form"]["contact"]["name"], "Kari Kommune");
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fl_9_and_fl_12_wrong_numbers_and_an_old_form_are_refused_and_nothing_is_stored() {
    let s = server();
    let kommune = s.login_as("kommune");
    let before = ids(&list(s, &kommune)).len();
    let wrong = message(
        "list_size",
        json!({"gp_name": "Per Olsen", "gp_hpr": "9144889", "effective_date": "01.01.2027",
               "current_list_size": "1200", "new_listetak": "1000", "citizens_moved": "150",
               "move_to": "Dr. Hansen", "confirmed": true}),
    );
    let a = send(s, &kommune, "2026-11-23", &wrong);
    assert_eq!(a.status, 422);
    assert_eq!(a.issues(), ["citizens_moved:list_numbers_do_not_add_up"]);
    assert_eq!(a.body["issues"][0]["params"]["expected"], 200);
    let mut unconfirmed = wrong.clone();
    unconfirmed["citizens_moved"] = json!("200");
    unconfirmed["confirmed"] = json!(false);
    let a = send(s, &kommune, "2026-11-23", &unconfirmed);
    assert_eq!(a.issues(), ["confirmed:confirm_moves"]);
    let mut old = termination("Per Olsen", "9144889", "2026-11-20");
    old["schema_version"] = json!(SCHEMA_VERSION - 1);
    let a = send(s, &kommune, "2026-11-23", &old);
    assert_eq!(a.status, 422);
    assert_eq!(a.issues(), ["schema_version:schema_outdated"]);
    // A message without a schema version is an old one too.
    old.as_object_mut().unwrap().remove("schema_version");
    assert_eq!(
        send(s, &kommune, "2026-11-23", &old).issues(),
        ["schema_version:schema_outdated"]
    );
    assert_eq!(ids(&list(s, &kommune)).len(), before);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fl_6_8_a_late_new_gp_gets_class_ii_and_helfo_registers_it_once() {
    let s = server();
    let kommune = s.login_as("kommune");
    let helfo = s.login_as("helfo");
    // Notice 2 March 2026 → last working day 30 September 2026 (T).
    let t = sent(
        s,
        &kommune,
        "2026-03-02",
        &termination("Ola Gammel", "9144892", "2026-03-02"),
    );
    assert_eq!(t["timing"]["termination"], "2026-09-30");
    // Sent Thursday 24 September → R Monday 28th: inside the 14-day line.
    let new_gp = message(
        "new_gp",
        json!({"gp_name": "Nils Ny", "gp_hpr": "9144893", "practice": "Storgata legesenter",
               "start_date": "01.10.2026", "listetak": "1100", "citizens_moved": "1050",
               "replaces": t["id"], "confirmed": true}),
    );
    let created = sent(s, &kommune, "2026-09-24", &new_gp);
    assert_eq!(created["timing"]["expected_registration"], "2026-09-28");
    assert_eq!(created["timing"]["class"], "II");
    assert_eq!(created["timing"]["fourteen_day_line"], "2026-09-16");
    // Too late to be visible a month early: sent with that warning.
    let warnings: Vec<&str> = created["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert_eq!(warnings, ["not_visible_month_before"]);
    let id = created["id"].as_str().unwrap();
    let path = format!("/api/v1/fastlege/messages/{id}/register");
    let stale = s
        .call("POST", &path)
        .session(&helfo)
        .header("If-Match", "\"7\"")
        .json(&json!({}))
        .send();
    assert_eq!(stale.status, 412);
    let done = s
        .call("POST", &path)
        .session(&helfo)
        .if_match(&created["version"])
        .on("2026-09-28")
        .json(&json!({}))
        .send();
    assert_eq!(done.status, 200, "{:?}", done.body);
    assert_eq!(done.body["status"], "registered");
    assert_eq!(done.body["registered_on"], "2026-09-28");
    // FL-8: a letter to each citizen who moves.
    assert_eq!(done.body["letters"], 1050);
    let again = s
        .call("POST", &path)
        .session(&helfo)
        .if_match(&done.body["version"])
        .json(&json!({}))
        .send();
    assert_eq!(again.status, 409);
    assert_eq!(again.issues(), ["status:already_registered"]);
    // The kommune cannot register its own message.
    let own = s
        .call("POST", &path)
        .session(&kommune)
        .if_match(&done.body["version"])
        .json(&json!({}))
        .send();
    assert_eq!(own.status, 403);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fl_1_7_the_dashboard_and_the_chase_list_follow_terminations_until_a_message_comes() {
    let s = server();
    let kommune = s.login_as("kommune");
    let helfo = s.login_as("helfo");
    let mut t = termination("Eldre Lege", "9144894", "2026-06-10");
    t["gp_birth_date"] = json!("15.03.1957");
    let t = sent(s, &kommune, "2026-06-10", &t);
    let number = t["number"].as_str().unwrap();
    // T = 31 December 2026: in time until 30 November, chased from 1 December.
    assert_eq!(t["timing"]["termination"], "2026-12-31");
    let dash = s
        .call("GET", "/api/v1/fastlege/dashboard")
        .session(&kommune)
        .on("2026-11-23")
        .send();
    assert_eq!(dash.status, 200, "{:?}", dash.body);
    let numbers = |key: &str, a: &Answer| -> Vec<String> {
        a.body[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["number"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(numbers("upcoming_terminations", &dash).contains(&number.to_owned()));
    assert!(numbers("without_message", &dash).contains(&number.to_owned()));
    // FL-1: turns 70 on 15 March 2027, within twelve months.
    let ages = dash.body["age_limit"].as_array().unwrap();
    assert!(
        ages.iter()
            .any(|a| a["gp_hpr"] == "9144894" && a["reaches_limit_on"] == "2027-03-15")
    );
    let chase = |on: &str| -> Vec<String> {
        let a = s
            .call("GET", "/api/v1/fastlege/chase")
            .session(&helfo)
            .on(on)
            .send();
        assert_eq!(a.status, 200, "{:?}", a.body);
        a.body
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["number"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(
        !chase("2026-11-30").contains(&number.to_owned()),
        "still in time on T − 1 month"
    );
    assert!(chase("2026-12-01").contains(&number.to_owned()));
    // A vacant list that replaces it ends the chase and the dashboard line.
    sent(
        s,
        &kommune,
        "2026-11-30",
        &message(
            "new_vacant_list",
            json!({"practice": "Storgata legesenter", "start_date": "01.01.2027", "listetak": "0",
                   "replaces": t["id"]}),
        ),
    );
    assert!(!chase("2026-12-01").contains(&number.to_owned()));
    let dash = s
        .call("GET", "/api/v1/fastlege/dashboard")
        .session(&kommune)
        .on("2026-11-30")
        .send();
    assert!(!numbers("without_message", &dash).contains(&number.to_owned()));
    assert!(numbers("upcoming_terminations", &dash).contains(&number.to_owned()));
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn another_municipality_can_neither_see_nor_build_on_the_messages() {
    let s = server();
    let other = s.elsewhere(
        ("Gjøvik kommune", "920000002", "kommune"),
        ("Gina Gjøvik", "gina@gjovik.example"),
        "kommune",
    );
    let kommune = s.login_as("kommune");
    let t = sent(
        s,
        &kommune,
        "2026-11-23",
        &termination("Per Privat", "9144895", "2026-11-23"),
    );
    let id = t["id"].as_str().unwrap();
    let a = s
        .call("GET", &format!("/api/v1/fastlege/messages/{id}"))
        .session(&other)
        .send();
    assert_eq!(a.status, 404);
    assert!(!ids(&list(s, &other)).contains(&id.to_owned()));
    // Replacing another municipality's agreement: not found, nothing stored.
    let a = send(
        s,
        &other,
        "2026-11-23",
        &message(
            "new_vacant_list",
            json!({"practice": "Gjøvik legesenter", "start_date": "01.06.2027", "listetak": "0",
                   "replaces": id}),
        ),
    );
    assert_eq!(a.status, 422);
    assert_eq!(a.issues(), ["replaces:not_found"]);
    let dash = s
        .call("GET", "/api/v1/fastlege/dashboard")
        .session(&other)
        .on("2026-11-23")
        .send();
    assert_eq!(dash.body["upcoming_terminations"], json!([]));
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn the_demo_seed_messages_read_back_and_feed_the_chase_list() {
    let s = server();
    let helfo = s.login_as("helfo");
    for id in ["fl_demo_1", "fl_demo_2"] {
        let a = s
            .call("GET", &format!("/api/v1/fastlege/messages/{id}"))
            .session(&helfo)
            .send();
        assert_eq!(a.status, 200, "{:?}", a.body);
        assert_eq!(a.body["kind"], "termination");
        assert_eq!(a.body["form"]["schema_version"], SCHEMA_VERSION);
    }
    let a = s
        .call("GET", "/api/v1/fastlege/chase")
        .session(&helfo)
        .on("2026-11-23")
        .send();
    let due: Vec<&str> = a
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["number"].as_str().unwrap())
        .collect();
    // T 30 November (chased from 31 October) is due; T 31 December is not yet.
    assert!(due.contains(&"FL-2026-000001"), "{due:?}");
    assert!(!due.contains(&"FL-2026-000002"), "{due:?}");
    let kommune = s.login_as("kommune");
    let dash = s
        .call("GET", "/api/v1/fastlege/dashboard")
        .session(&kommune)
        .on("2026-11-23")
        .send();
    let ages = dash.body["age_limit"].as_array().unwrap();
    assert!(
        ages.iter()
            .any(|a| a["gp_hpr"] == "9144889" && a["reaches_limit_on"] == "2027-02-10")
    );
}

/// FL-7: the chase list is filtered where it is read, so however many
/// terminations there are, a newly due one is on it (it used to read the
/// 500 oldest and filter afterwards).
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fl_7_a_due_termination_is_chased_however_many_there_are() {
    let s = Server::start(frist_tests::TEST_CLOCK).expect("server");
    let kommune = s.login_as("kommune");
    let helfo = s.login_as("helfo");
    // 510 terminations that a vacant list already follows up, ending soon.
    for i in 0..510u32 {
        let hpr = format!("{}", 7_000_000 + i);
        let t = sent(
            s_ref(&s),
            &kommune,
            "2026-01-05",
            &termination("Lege Lang", &hpr, "2026-01-05"),
        );
        if i == 0 {
            assert_eq!(t["timing"]["termination"], "2026-07-31");
        }
        sent(
            s_ref(&s),
            &kommune,
            "2026-01-05",
            &message(
                "new_vacant_list",
                json!({"practice": "Storgata legesenter", "start_date": "01.08.2026", "listetak": "0",
                       "replaces": t["id"]}),
            ),
        );
    }
    // Then one later termination that nobody follows up.
    let late = sent(
        &s,
        &kommune,
        "2026-03-02",
        &termination("Siste Lege", "7999999", "2026-03-02"),
    );
    assert_eq!(late["timing"]["termination"], "2026-09-30");
    let number = late["number"].as_str().unwrap();
    let chase = s
        .call("GET", "/api/v1/fastlege/chase")
        .session(&helfo)
        .on("2026-09-01")
        .send();
    assert_eq!(chase.status, 200, "{:?}", chase.body);
    let due: Vec<&str> = chase
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["number"].as_str().unwrap())
        .collect();
    assert!(due.contains(&number), "{} due: {due:?}", due.len());
    assert!(
        !due.iter()
            .any(|n| *n != number && n.starts_with("FL-2026-0000")),
        "{due:?}"
    );
}

fn s_ref(s: &Server) -> &Server {
    s
}

/// FL-1: seed 001 — Helfo follows GPs reaching the age limit itself, so
/// Helfo sees every municipality's list, with the municipality; a GP whose
/// agreement already ended is no longer on it.
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fl_1_helfo_sees_the_gps_reaching_the_age_limit_in_every_municipality() {
    let s = server();
    let kommune = s.login_as("kommune");
    let helfo = s.login_as("helfo");
    // Ended on 31 July 2026, would turn 70 on 1 June 2027.
    let mut ended = termination("Gammel Lege", "9144896", "2026-01-05");
    ended["gp_birth_date"] = json!("01.06.1957");
    sent(s, &kommune, "2026-01-05", &ended);
    let dash = |who: &Session| {
        let a = s
            .call("GET", "/api/v1/fastlege/dashboard")
            .session(who)
            .on("2026-11-23")
            .send();
        assert_eq!(a.status, 200, "{:?}", a.body);
        a.body["age_limit"].as_array().unwrap().clone()
    };
    let seen = dash(&helfo);
    let per = seen
        .iter()
        .find(|a| a["gp_hpr"] == "9144889")
        .expect("the demo GP reaching 70");
    assert_eq!(per["organisation_name"], "Lillehammer kommune");
    assert_eq!(per["reaches_limit_on"], "2027-02-10");
    for list in [seen, dash(&kommune)] {
        assert!(
            !list.iter().any(|a| a["gp_hpr"] == "9144896"),
            "an ended agreement: {list:?}"
        );
    }
}

/// FL-10 across messages: the year is a total over every period of the
/// doctor, early ends applied; FL-2's comment reaches Helfo.
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fl_10_a_substitute_without_lis1_has_one_year_in_total_over_every_message() {
    let s = server();
    let kommune = s.login_as("kommune");
    let helfo = s.login_as("helfo");
    let substitute = |start: &str, end: &str| {
        message(
            "substitute_start",
            json!({"gp_name": "Per Olsen", "gp_hpr": "9144889", "practice": "Storgata legesenter",
                   "substitute_name": "Vera Vikar", "substitute_hpr": "9144897",
                   "start_date": start, "end_date": end, "competence": "none"}),
        )
    };
    sent(
        s,
        &kommune,
        "2026-01-05",
        &substitute("01.02.2026", "31.07.2026"),
    );
    // Six months used (181 of the 365 days from 1 February 2026); a second
    // period of eight months is too long: 184 days from 1 September reach
    // 3 March 2027.
    let second = send(
        s,
        &kommune,
        "2026-01-05",
        &substitute("01.09.2026", "30.04.2027"),
    );
    assert_eq!(second.status, 422, "{:?}", second.body);
    assert_eq!(second.issues(), ["end_date:substitute_too_long"]);
    assert_eq!(second.body["issues"][0]["params"]["max_end"], "2027-03-03");
    // The first period ended early, on 30 April: room for the eight months.
    sent(
        s,
        &kommune,
        "2026-01-05",
        &message(
            "substitute_end",
            json!({"gp_name": "Per Olsen", "gp_hpr": "9144889", "practice": "Storgata legesenter",
                   "substitute_name": "Vera Vikar", "substitute_hpr": "9144897",
                   "end_date": "30.04.2026"}),
        ),
    );
    let mut again = substitute("01.09.2026", "30.04.2027");
    again["comment"] = json!("Vikaren har søkt godkjenning; vi melder fra når den kommer.");
    let ok = sent(s, &kommune, "2026-01-05", &again);
    let seen = s
        .call(
            "GET",
            &format!("/api/v1/fastlege/messages/{}", ok["id"].as_str().unwrap()),
        )
        .session(&helfo)
        .send();
    assert_eq!(
        seen.body["form"]["comment"],
        "Vikaren har søkt godkjenning; vi melder fra når den kommer."
    );
    let mut long = termination("Per Lang", "9144898", "2026-01-05");
    long["comment"] = json!("x".repeat(1001));
    let refused = send(s, &kommune, "2026-01-05", &long);
    assert_eq!(refused.issues(), ["comment:too_long"]);
}

/// FL-10: the list bounds are the deployment's setting, and the browser
/// checks as the edge does: the session tells the app the bounds the edge
/// was started with, and the edge refuses a listetak above them.
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fl_10_the_configured_list_bounds_reach_the_browser_and_hold_at_the_edge() {
    let s = Server::start(&[
        ("FRIST_TEST_CLOCK", "1"),
        ("FRIST_LISTETAK_MIN", "100"),
        ("FRIST_LISTETAK_MAX", "2500"),
    ])
    .expect("server");
    let kommune = s.login_as("kommune");
    let session = s.call("GET", "/api/v1/session").session(&kommune).send();
    assert_eq!(session.status, 200, "{:?}", session.body);
    assert_eq!(
        session.body["list_bounds"],
        json!({"min": 100, "max": 2500})
    );
    let vacant = |listetak: &str| {
        message(
            "new_vacant_list",
            json!({"practice": "Fjellet legekontor", "start_date": "01.02.2027", "listetak": listetak}),
        )
    };
    let refused = send(&s, &kommune, "2026-11-02", &vacant("2600"));
    assert_eq!(refused.status, 422, "{:?}", refused.body);
    assert!(
        refused.body["issues"].to_string().contains("listetak"),
        "{:?}",
        refused.body
    );
    let taken = send(&s, &kommune, "2026-11-02", &vacant("2500"));
    assert_eq!(taken.status, 201, "{:?}", taken.body);
}
