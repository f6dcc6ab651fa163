//! Issue 10, concurrency: 50 parallel, conflicting state changes on one
//! fristbrudd case, all naming the same version. Exactly one wins; the rest
//! get 412 with the current version in `ETag`, and the history shows only
//! the winner.

use frist_tests::server;
use serde_json::{Value, json};

const TODAY: &str = "2026-03-20";

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fifty_parallel_conflicting_changes_exactly_one_wins() {
    let s = server();
    let site = s.login_as("behandlingssted");
    let helfo = s.login_as("helfo");
    let created = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(&site)
        .idempotent()
        .on(TODAY)
        .json(&frist_tests::fb_notification("15038510190", "2026-04-01"))
        .send();
    assert_eq!(created.status, 201, "{:?}", created.body);
    let id = created.body["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/fristbrudd/cases/{id}");
    let before = s.call("GET", &path).session(&helfo).send().body;
    let version = before["version"].clone();
    let history_before = before["history"].as_array().unwrap().len();

    // Half take the case up, half record a first call attempt: conflicting
    // changes from the same starting version, all at once.
    let answers: Vec<(u16, String, Value)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..50)
            .map(|i| {
                let (helfo, path, version) = (&helfo, &path, &version);
                scope.spawn(move || {
                    let event = if i % 2 == 0 {
                        "take_up"
                    } else {
                        "contact_attempt"
                    };
                    let a = s
                        .call("POST", &format!("{path}/events"))
                        .session(helfo)
                        .if_match(version)
                        .on(TODAY)
                        .json(&json!({ "event": event }))
                        .send();
                    (a.status, a.header("etag").to_owned(), a.body)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let won: Vec<&(u16, String, Value)> = answers.iter().filter(|a| a.0 == 200).collect();
    let stale = answers.iter().filter(|a| a.0 == 412).count();
    let other: Vec<_> = answers
        .iter()
        .filter(|a| a.0 != 200 && a.0 != 412)
        .map(|a| (a.0, a.2.clone()))
        .collect();
    // take_up is the only event allowed from "notified": a contact attempt
    // before it is refused for its state (409), never half-applied.
    assert_eq!(won.len(), 1, "exactly one winner: {answers:?}");
    assert!(other.iter().all(|(status, _)| *status == 409), "{other:?}");
    assert_eq!(stale + other.len(), 49);
    let after = s.call("GET", &path).session(&helfo).send().body;
    let current = format!("\"{}\"", after["version"]);
    assert_eq!(after["version"], version.as_i64().unwrap() + 1);
    for a in answers.iter().filter(|a| a.0 == 412) {
        assert_eq!(a.1, current, "a refusal names the current version");
    }
    let history = after["history"].as_array().unwrap();
    assert_eq!(
        history.len(),
        history_before + 1,
        "only the winner in the history"
    );
    assert_eq!(history.last().unwrap()["event"], "take_up");
}
