//! Terminations and the chase list: the dashboard and the chase list follow
//! terminations until a message comes (FL-1, FL-7), the demo seed's messages
//! feed the chase list, a due termination is chased however many there are
//! (FL-7), and Helfo sees the GPs reaching the age limit in every
//! municipality (FL-1).

use super::*;

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
