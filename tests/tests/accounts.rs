//! Issue 4: logins, sessions, the throttle, CSRF, idempotency, If-Match,
//! pagination and the audit trail, against a running `wrangler dev`.

use frist_tests::{DEMO_PASSWORD, demo, server, strict_server};
use serde_json::{Value, json};

/// A new user made by the demo administrator; returns (id, e-mail).
fn new_user(org: &str, role: &str, tag: &str) -> (String, String) {
    server().new_user(
        org,
        role,
        &format!("{tag}@test.example"),
        "et-langt-passord",
    )
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn login_sets_a_strict_http_only_cookie_and_logout_ends_the_session_server_side() {
    let s = server();
    let a = s.try_login(demo("kommune").0, DEMO_PASSWORD);
    assert_eq!(a.status, 201, "{:?}", a.body);
    let cookie = a.header("set-cookie").to_owned();
    assert!(cookie.starts_with("frist_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Secure"),
        "plain http on localhost cannot carry Secure"
    );
    assert_eq!(a.body["user"]["role"], "kommune");
    assert_eq!(a.body["organisation"]["id"], "o_lillehammer");
    assert!(a.body["user"].get("password_hash").is_none());

    let session = s.login_as("kommune");
    let me = s.call("GET", "/api/v1/session").session(&session).send();
    assert_eq!(me.status, 200);
    assert_eq!(me.body["user"]["email"], demo("kommune").0);
    assert!(me.body["expires_at"].as_i64().unwrap() > 0);

    let out = s.call("DELETE", "/api/v1/session").session(&session).send();
    assert_eq!(out.status, 204);
    assert!(out.header("set-cookie").contains("Max-Age=0"));
    // The same cookie, replayed after logout, is refused.
    let after = s.call("GET", "/api/v1/session").session(&session).send();
    assert_eq!(after.status, 401);
    assert_eq!(after.kind(), "session_expired");
    // Without any cookie: 401 unauthenticated, as problem+json.
    let anon = s.call("GET", "/api/v1/session").send();
    assert_eq!(anon.status, 401);
    assert_eq!(anon.header("content-type"), "application/problem+json");
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn a_failed_login_never_tells_whether_the_address_exists() {
    let s = server();
    let wrong_pw = s.try_login(demo("hf").0, "feil-passord-123");
    let no_user = s.try_login("finnes.ikke@test.example", "feil-passord-123");
    assert_eq!(wrong_pw.status, 401);
    assert_eq!(no_user.status, 401);
    assert_eq!(wrong_pw.body, no_user.body);
    assert_eq!(wrong_pw.kind(), "login_failed");
    // An empty form is a validation error naming both fields.
    let empty = s.call("POST", "/api/v1/session").json(&json!({})).send();
    assert_eq!(empty.status, 422);
    assert_eq!(empty.issues(), vec!["email:required", "password:required"]);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn five_failures_lock_the_account_but_not_other_accounts() {
    let s = server();
    let (_, email) = new_user("o_lillehammer", "kommune", "throttle");
    for i in 0..5 {
        let a = s.try_login(&email, "feil-passord-123");
        assert_eq!(a.status, 401, "attempt {i}");
    }
    // Now even the right password is refused until the window has passed.
    let locked = s.try_login(&email, "et-langt-passord");
    assert_eq!(locked.status, 429, "{:?}", locked.body);
    assert_eq!(locked.kind(), "too_many_attempts");
    let retry: i64 = locked.header("retry-after").parse().unwrap();
    assert!((800..=900).contains(&retry), "Retry-After {retry}");
    assert!(
        locked.body["detail"]
            .as_str()
            .unwrap()
            .contains("15 minutter")
    );
    // An unknown address is locked the same way: no hint of existence.
    for _ in 0..5 {
        s.try_login("ukjent-throttle@test.example", "feil-passord-123");
    }
    assert_eq!(
        s.try_login("ukjent-throttle@test.example", "x-passord-1234")
            .status,
        429
    );
    // Another account from the same client still logs in.
    s.login_as("hf");
}

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
fn deactivating_a_user_ends_their_sessions_at_once() {
    let s = server();
    let admin = s.login_as("helfo_admin");
    let (id, email) = new_user("o_sorost", "hf", "deactivate");
    let user = s.login(&email, "et-langt-passord");
    assert_eq!(
        s.call("GET", "/api/v1/session")
            .session(&user)
            .send()
            .status,
        200
    );
    let a = s
        .call("PATCH", &format!("/api/v1/users/{id}"))
        .session(&admin)
        .header("If-Match", "\"1\"")
        .json(&json!({"active": false}))
        .send();
    assert_eq!(a.status, 200, "{:?}", a.body);
    assert_eq!(a.body["active"], false);
    assert_eq!(
        s.call("GET", "/api/v1/session")
            .session(&user)
            .send()
            .status,
        401
    );
    assert_eq!(s.try_login(&email, "et-langt-passord").status, 401);
    // An administrator cannot lock themselves out.
    let me = s
        .call("GET", "/api/v1/users/u_demo_admin")
        .session(&admin)
        .send();
    let etag = me.header("etag").to_owned();
    let own = s
        .call("PATCH", "/api/v1/users/u_demo_admin")
        .session(&admin)
        .header("If-Match", &etag)
        .json(&json!({"active": false}))
        .send();
    assert_eq!(own.status, 422);
    assert_eq!(own.issues(), vec!["active:cannot_deactivate_self"]);
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

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn lists_page_with_opaque_cursors_and_refuse_unknown_ones() {
    let s = server();
    let admin = s.login_as("helfo_admin");
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..50 {
        let path = match &cursor {
            Some(c) => format!("/api/v1/users?limit=2&cursor={c}"),
            None => "/api/v1/users?limit=2".into(),
        };
        let page = s.call("GET", &path).session(&admin).send();
        assert_eq!(page.status, 200, "{:?}", page.body);
        let items = page.body["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        seen.extend(items.iter().map(|u| u["id"].as_str().unwrap().to_owned()));
        match page.body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    let all = s
        .call("GET", "/api/v1/users?limit=200")
        .session(&admin)
        .send();
    let all: Vec<String> = all.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(seen, all, "paging visits every user once, in order");
    assert!(all.len() >= 5);
    let bad = s
        .call("GET", "/api/v1/users?cursor=u_nope")
        .session(&admin)
        .send();
    assert_eq!(bad.status, 400);
    assert_eq!(bad.issues(), vec!["cursor:cursor_invalid"]);
    let bad = s
        .call("GET", "/api/v1/audit?cursor=abc")
        .session(&admin)
        .send();
    assert_eq!(bad.status, 400);
    let bad = s
        .call("GET", "/api/v1/users?limit=1000")
        .session(&admin)
        .send();
    assert_eq!(bad.issues(), vec!["limit:number_out_of_range"]);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn the_audit_trail_names_ids_only_and_is_scoped_to_the_organisation() {
    let s = server();
    let (id, email) = new_user("o_lillehammer", "kommune", "audit");
    let admin = s.login_as("helfo_admin");
    let all = s
        .call("GET", "/api/v1/audit?limit=200")
        .session(&admin)
        .send();
    let text = all.body.to_string();
    assert!(text.contains(&id));
    assert!(
        !text.contains(&email),
        "no e-mail address in the audit trail"
    );
    assert!(!text.contains("Test audit"), "no names in the audit trail");
    let entry = all.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["object_id"] == id.as_str())
        .unwrap()
        .clone();
    assert_eq!(entry["actor_user_id"], "u_demo_admin");
    assert!(entry["session_id"].as_str().unwrap().starts_with("s_"));
    assert!(entry["at"].as_str().unwrap().ends_with('Z'));
    // A hospital sees none of Lillehammer's entries.
    let hospital = s.login_as("behandlingssted");
    let theirs = s
        .call("GET", "/api/v1/audit?limit=200")
        .session(&hospital)
        .send();
    for e in theirs.body["items"].as_array().unwrap() {
        let mine =
            e["organisation_id"] == "o_innlandet" || e["actor_organisation_id"] == "o_innlandet";
        assert!(mine, "{e}");
    }
    assert!(!theirs.body.to_string().contains(&id));
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn sessions_expire_when_idle_and_after_their_absolute_lifetime() {
    // The test clock names each request's instant (`X-Frist-Now`), so the
    // 3 s idle and 8 s absolute limits are crossed exactly, however fast or
    // loaded this machine is.
    const T0: i64 = 1_790_000_000_000;
    let s = strict_server();
    let login = |role: &str, at: i64| {
        s.call("POST", "/api/v1/session")
            .at(at)
            .json(&json!({"email": demo(role).0, "password": DEMO_PASSWORD}))
            .send()
            .session()
    };
    let session_at = |who: &frist_tests::Session, at: i64| {
        s.call("GET", "/api/v1/session").session(who).at(at).send()
    };

    // Unused for 3 s: ended; 1 ms earlier it was still alive.
    let idle = login("kommune", T0);
    let still = session_at(&idle, T0 + 2_999);
    assert_eq!(still.status, 200, "{:?}", still.body);
    // That use renewed it: 3 s from now again.
    assert_eq!(still.header("x-session-remaining"), "3000");
    let idle = login("kommune", T0);
    let a = session_at(&idle, T0 + 3_000);
    assert_eq!(a.status, 401);
    assert_eq!(a.kind(), "session_expired");
    assert!(a.header("set-cookie").contains("Max-Age=0"));
    // Once ended, it stays ended even if the clock is turned back.
    assert_eq!(session_at(&idle, T0 + 1).status, 401);

    // Busy every second, it still ends 8 s after login.
    let busy = login("hf", T0);
    for second in 1..8 {
        let a = session_at(&busy, T0 + second * 1_000);
        assert_eq!(a.status, 200, "after {second} s: {:?}", a.body);
    }
    let end = session_at(&busy, T0 + 8_000);
    assert_eq!(end.status, 401, "{:?}", end.body);
    assert_eq!(end.kind(), "session_expired");
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn failures_from_one_client_lock_that_client_across_accounts() {
    let s = strict_server();
    let client = |ip: &'static str, email: &str, pw: &str| -> Value {
        let a = s
            .call("POST", "/api/v1/session")
            .header("CF-Connecting-IP", ip)
            .json(&json!({"email": email, "password": pw}))
            .send();
        json!(a.status)
    };
    for i in 0..4 {
        let email = format!("nobody{i}@test.example");
        assert_eq!(
            client("203.0.113.7", &email, "feil-passord-123"),
            json!(401)
        );
    }
    // The fifth try from that client is locked even for a real account ...
    assert_eq!(
        client("203.0.113.7", demo("helfo").0, DEMO_PASSWORD),
        json!(429)
    );
    // ... while another client logs in to the same account.
    assert_eq!(
        client("198.51.100.9", demo("helfo").0, DEMO_PASSWORD),
        json!(201)
    );
}
