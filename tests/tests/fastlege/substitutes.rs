//! FL-10 at the edge: a substitute without LIS1 has one year in total over
//! every message, and the configured list bounds reach the browser and hold
//! at the edge.

use super::*;

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
