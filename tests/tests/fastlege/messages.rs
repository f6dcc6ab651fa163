//! Sending and registering messages: every message kind sent by the kommune
//! and listed for Helfo (FL-2, FL-10, FL-8), wrong list numbers (FL-9) and an
//! old form (FL-12) refused with nothing stored, a late new GP's class II
//! (FL-6) registered once by Helfo (FL-8), and another municipality can neither
//! see nor build on the messages.

use super::*;

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
