//! What every changing request must carry: this site's origin (CSRF), an
//! idempotency key that replays the first answer and refuses a changed body,
//! an If-Match that answers 412 when stale and changes nothing, and bodies
//! that are capped, typed and parsed with clear errors.

use super::*;

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn state_changes_without_this_sites_origin_are_refused() {
    let s = server();
    let session = s.login_as("helfo_admin");
    for origin in [None, Some("https://evil.example"), Some("null")] {
        let mut c = s
            .call("POST", "/api/v1/organisations")
            .session(&session)
            .idempotent()
            .json(&json!({"name": "Falsk kommune", "orgnr": "939817964", "kind": "kommune"}));
        c = match origin {
            None => c.no_origin(),
            Some(o) => c.header("Origin", o),
        };
        let a = c.send();
        assert_eq!(a.status, 403, "{origin:?}");
        assert_eq!(a.kind(), "csrf_origin");
    }
    // Nothing was created, and a logout from elsewhere does not end the session.
    let orgs = s
        .call("GET", "/api/v1/organisations?limit=200")
        .session(&session)
        .send();
    assert!(!orgs.body.to_string().contains("939817964"));
    let out = s
        .call("DELETE", "/api/v1/session")
        .session(&session)
        .header("Origin", "https://evil.example")
        .send();
    assert_eq!(out.status, 403);
    assert_eq!(
        s.call("GET", "/api/v1/session")
            .session(&session)
            .send()
            .status,
        200
    );
    // A login from a foreign page is refused too (login CSRF).
    let a = s
        .call("POST", "/api/v1/session")
        .header("Origin", "https://evil.example")
        .json(&json!({"email": demo("hf").0, "password": DEMO_PASSWORD}))
        .send();
    assert_eq!(a.status, 403);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn a_repeated_idempotency_key_replays_the_first_answer_and_a_changed_body_is_refused() {
    let s = server();
    let admin = s.login_as("helfo_admin");
    let body = json!({"name": "Gjøvik kommune", "orgnr": "974 931 001", "kind": "kommune"});
    let first = s
        .call("POST", "/api/v1/organisations")
        .session(&admin)
        .header("Idempotency-Key", "org-gjovik-1")
        .json(&body)
        .send();
    assert_eq!(first.status, 201, "{:?}", first.body);
    assert_eq!(first.body["orgnr"], "974931001");
    let again = s
        .call("POST", "/api/v1/organisations")
        .session(&admin)
        .header("Idempotency-Key", "org-gjovik-1")
        .json(&body)
        .send();
    assert_eq!(again.status, 201);
    assert_eq!(again.header("idempotent-replayed"), "true");
    assert_eq!(again.body, first.body);
    let changed = s
        .call("POST", "/api/v1/organisations")
        .session(&admin)
        .header("Idempotency-Key", "org-gjovik-1")
        .json(&json!({"name": "Gjøvik kommune", "orgnr": "974931001", "kind": "hf"}))
        .send();
    assert_eq!(changed.status, 422);
    assert_eq!(changed.kind(), "idempotency_key_reused");
    // Without a key: refused, nothing made.
    let keyless = s
        .call("POST", "/api/v1/organisations")
        .session(&admin)
        .json(&json!({"name": "Vestre Toten kommune", "orgnr": "910000004", "kind": "kommune"}))
        .send();
    assert_eq!(keyless.status, 400);
    assert_eq!(keyless.kind(), "idempotency_key_required");
    // A second organisation with the same orgnr under a new key: 422 at orgnr.
    let dup = s
        .call("POST", "/api/v1/organisations")
        .session(&admin)
        .idempotent()
        .json(&body)
        .send();
    assert_eq!(dup.status, 422);
    assert_eq!(dup.issues(), vec!["orgnr:already_exists"]);
    // Exactly one Gjøvik, with exactly one audit entry.
    let list = s
        .call("GET", "/api/v1/organisations?limit=200")
        .session(&admin)
        .send();
    let n = list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["orgnr"] == "974931001")
        .count();
    assert_eq!(n, 1);
    let id = first.body["id"].as_str().unwrap();
    let audit = s
        .call("GET", &format!("/api/v1/audit?object_id={id}"))
        .session(&admin)
        .send();
    assert_eq!(
        audit.body["items"].as_array().unwrap().len(),
        1,
        "{:?}",
        audit.body
    );
    assert_eq!(audit.body["items"][0]["action"], "organisation.create");
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn a_stale_if_match_answers_412_and_changes_nothing() {
    let s = server();
    let admin = s.login_as("helfo_admin");
    let (id, _) = new_user("o_innlandet", "behandlingssted", "etag");
    let path = format!("/api/v1/users/{id}");
    let got = s.call("GET", &path).session(&admin).send();
    assert_eq!(got.header("etag"), "\"1\"");

    let missing = s
        .call("PATCH", &path)
        .session(&admin)
        .json(&json!({"name": "Uten versjon"}))
        .send();
    assert_eq!(missing.status, 428);

    let ok = s
        .call("PATCH", &path)
        .session(&admin)
        .header("If-Match", "\"1\"")
        .json(&json!({"name": "Nytt Navn"}))
        .send();
    assert_eq!(ok.status, 200, "{:?}", ok.body);
    assert_eq!(ok.header("etag"), "\"2\"");
    assert_eq!(ok.body["version"], 2);

    let stale = s
        .call("PATCH", &path)
        .session(&admin)
        .header("If-Match", "\"1\"")
        .json(&json!({"name": "Gammel versjon"}))
        .send();
    assert_eq!(stale.status, 412);
    assert_eq!(stale.header("etag"), "\"2\"");
    let now = s.call("GET", &path).session(&admin).send();
    assert_eq!(now.body["name"], "Nytt Navn");
    assert_eq!(now.body["version"], 2);
    let audit = s
        .call("GET", &format!("/api/v1/audit?object_id={id}"))
        .session(&admin)
        .send();
    let actions: Vec<&str> = audit.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, vec!["user.update", "user.create"]);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn bodies_are_capped_typed_and_parsed_with_clear_errors() {
    let s = server();
    let admin = s.login_as("helfo_admin");
    let big = format!("{{\"name\":\"{}\"}}", "x".repeat(20_000));
    let a = s
        .call("POST", "/api/v1/organisations")
        .session(&admin)
        .idempotent()
        .body("application/json", big)
        .send();
    assert_eq!(a.status, 413);
    let a = s
        .call("POST", "/api/v1/organisations")
        .session(&admin)
        .idempotent()
        .body("text/plain", "name=x")
        .send();
    assert_eq!(a.status, 415);
    let a = s
        .call("POST", "/api/v1/organisations")
        .session(&admin)
        .idempotent()
        .body("application/json", "{\"name\": ")
        .send();
    assert_eq!(a.status, 400);
    assert_eq!(a.issues(), vec![":invalid_json"]);
    let a = s
        .call("POST", "/api/v1/organisations")
        .session(&admin)
        .idempotent()
        .json(&json!({"name": "X", "orgnr": "123", "kind": "bank", "admin": true}))
        .send();
    assert_eq!(a.status, 400, "unknown fields are refused: {:?}", a.body);
    let a = s
        .call("POST", "/api/v1/users")
        .session(&admin)
        .idempotent()
        .json(
            &json!({"name": "", "email": "ikke-epost", "role": "kommune",
                      "organisation_id": "o_helfo", "password": "kort"}),
        )
        .send();
    assert_eq!(a.status, 422);
    assert_eq!(
        a.issues(),
        vec![
            "name:required",
            "email:email_invalid",
            "role:role_not_for_org_kind",
            "password:password_too_short"
        ]
    );
    assert!(
        a.body["detail"]
            .as_str()
            .unwrap()
            .contains("Skjemaet har feil")
    );
    assert!(
        a.body["detail_en"]
            .as_str()
            .unwrap()
            .contains("The form has errors")
    );
}
