//! Logins and sessions: the strict HttpOnly cookie and a logout that ends
//! the session on the server, a failed login that never tells whether the
//! address exists, the throttle (five failures lock the account but not
//! others; failures from one client lock that client across accounts),
//! deactivating a user ends their sessions at once, and sessions expire when
//! idle and after their absolute lifetime.

use super::*;

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
