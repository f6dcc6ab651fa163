//! Issue 4: local mode and production differ only in configuration, and the
//! demo accounts are local only — a server in production mode refuses them
//! at login, even with the right password; the local-only routes are not
//! there at all.

use frist_tests::{DEMO_PASSWORD, Server, demo};

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn production_mode_refuses_demo_accounts() {
    // With its secrets set (as a real deploy has them), so the refusals
    // here are production's, not a misconfiguration's.
    let s = Server::start(&[
        ("FRIST_MODE", "production"),
        ("FRIST_SERVER_SECRET", "a-test-server-secret-of-some-length"),
        ("FRIST_TRIP_KEY", "a-test-trip-key-of-some-length"),
        ("FRIST_MAIL_FROM", "frist@frist.example"),
        ("FRIST_APP_URL", "https://frist.example"),
        // Password login is off in production unless turned on (issue 25;
        // tests/oidc.rs): on here, so the refusal is the demo account's.
        ("FRIST_PASSWORD_LOGIN", "on"),
    ])
    .unwrap();
    let health = s.call("GET", "/api/v1/health").send();
    assert_eq!(health.body["mode"], "production");
    for role in ["helfo_admin", "kommune"] {
        let a = s.try_login(demo(role).0, DEMO_PASSWORD);
        assert_eq!(a.status, 401, "{role}: {:?}", a.body);
        assert_eq!(a.kind(), "login_failed");
    }
    // The outbox page and the hand-run sweep exist in local mode only, and
    // the test clock is off whatever the request says.
    for (method, path) in [
        ("GET", "/api/v1/outbox"),
        ("POST", "/api/v1/sweep"),
        ("POST", "/api/v1/mail/send"),
    ] {
        let a = s.call(method, path).send();
        assert_eq!(a.status, 404, "{method} {path}");
    }
}
