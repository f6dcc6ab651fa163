//! Issue 2: one `wrangler dev` serves the app and the API.

use frist_tests::server;

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn health_reports_version_and_d1() {
    let s = server();
    let r = s.client.get(s.url("/api/v1/health")).send().unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/json");
    let body: serde_json::Value = r.json().unwrap();
    assert_eq!(body["version"], frist_domain::VERSION);
    assert_eq!(body["d1"], true);
    assert_eq!(body["status"], "ok");
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn unknown_api_route_is_a_problem_json_404() {
    let s = server();
    let r = s.client.get(s.url("/api/v1/no-such-thing")).send().unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    let body: serde_json::Value = r.json().unwrap();
    assert_eq!(body["status"], 404);
    assert!(body["detail"].as_str().unwrap().contains("Fant ikke"));
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn api_answers_carry_security_headers() {
    let s = server();
    let r = s.client.get(s.url("/api/v1/health")).send().unwrap();
    let h = r.headers();
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert!(
        h["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn the_app_is_served_with_a_strict_csp_and_spa_fallback() {
    let s = server();
    let r = s.client.get(s.url("/")).send().unwrap();
    assert_eq!(r.status(), 200);
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
        "{csp}"
    );
    assert!(csp.contains("frame-ancestors 'none'"));
    let html = r.text().unwrap();
    assert!(html.contains("<title>frist"), "{html}");
    assert!(html.contains(".wasm"), "the page loads the app's wasm");
    // A deep link that only the app knows is answered with the app.
    let deep = s.client.get(s.url("/fristbrudd/saker")).send().unwrap();
    assert_eq!(deep.status(), 200);
    assert!(deep.text().unwrap().contains("<title>frist"));
}
