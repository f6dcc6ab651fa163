//! Issue 4: logins, sessions, the throttle, CSRF, idempotency, If-Match,
//! pagination and the audit trail, against a running `wrangler dev`.

use frist_tests::{DEMO_PASSWORD, demo, server, strict_server};
use serde_json::{Value, json};

mod lists;
mod requests;
mod sessions;

/// A new user made by the demo administrator; returns (id, e-mail).
fn new_user(org: &str, role: &str, tag: &str) -> (String, String) {
    server().new_user(
        org,
        role,
        &format!("{tag}@test.example"),
        "et-langt-passord",
    )
}
