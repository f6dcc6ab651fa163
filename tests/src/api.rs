//! A small client for the API as a browser would call it: the session
//! cookie, `Origin` on state-changing requests, JSON in and out.

use reqwest::blocking::RequestBuilder;
use reqwest::header::HeaderMap;
use serde_json::Value;

use crate::Server;

/// Every demo account's password (README).
pub const DEMO_PASSWORD: &str = "frist-demo-2026";

/// The seeded demo accounts: (role, e-mail, user id, organisation id).
pub fn demo(role: &str) -> (&'static str, &'static str, &'static str) {
    match role {
        "helfo" => ("saksbehandler@helfo.example", "u_demo_helfo", "o_helfo"),
        "helfo_admin" => ("admin@helfo.example", "u_demo_admin", "o_helfo"),
        "behandlingssted" => ("sykehus@innlandet.example", "u_demo_sykehus", "o_innlandet"),
        "kommune" => (
            "kommune@lillehammer.example",
            "u_demo_kommune",
            "o_lillehammer",
        ),
        "hf" => ("okonomi@helse-sorost.example", "u_demo_hf", "o_sorost"),
        other => panic!("no demo user for role {other}"),
    }
}

/// A logged-in user: the cookie to send.
#[derive(Debug, Clone)]
pub struct Session {
    pub cookie: String,
    pub user: Value,
}

/// An answer: status, headers and the body as JSON (`Null` when empty).
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Answer {
    /// A header as text ("" when absent).
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The session a successful login answer set.
    pub fn session(&self) -> Session {
        assert_eq!(self.status, 201, "login: {:?}", self.body);
        let cookie = self.header("set-cookie").split(';').next().unwrap_or("");
        Session {
            cookie: cookie.to_owned(),
            user: self.body["user"].clone(),
        }
    }

    /// The problem kind (`title`) of an error answer.
    pub fn kind(&self) -> &str {
        self.body["title"].as_str().unwrap_or("")
    }

    /// The issue codes of an error answer, as `path:code`.
    pub fn issues(&self) -> Vec<String> {
        self.body["issues"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|i| {
                        format!(
                            "{}:{}",
                            i["path"].as_str().unwrap_or(""),
                            i["code"].as_str().unwrap_or("")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// One request being built.
pub struct Call<'s> {
    server: &'s Server,
    builder: RequestBuilder,
    origin: bool,
    method: String,
}

impl Server {
    /// A request to `path`; non-GET requests carry this site's `Origin`.
    pub fn call(&self, method: &str, path: &str) -> Call<'_> {
        let m = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        Call {
            server: self,
            builder: self.client.request(m, self.url(path)),
            origin: method != "GET" && method != "HEAD",
            method: method.to_owned(),
        }
    }

    /// Logs in; panics unless it succeeds.
    pub fn login(&self, email: &str, password: &str) -> Session {
        let a = self.try_login(email, password);
        assert_eq!(a.status, 201, "login {email}: {:?}", a.body);
        a.session()
    }

    /// Tries to log in and gives the answer.
    pub fn try_login(&self, email: &str, password: &str) -> Answer {
        self.call("POST", "/api/v1/session")
            .json(&serde_json::json!({"email": email, "password": password}))
            .send()
    }

    /// A new organisation (made by the demo administrator) with one user of
    /// `role`, logged in: someone of the same kind as a demo user, elsewhere.
    /// `org` is (name, orgnr, kind); `user` is (name, e-mail).
    pub fn elsewhere(&self, org: (&str, &str, &str), user: (&str, &str), role: &str) -> Session {
        let admin = self.login_as("helfo_admin");
        let (name, orgnr, kind) = org;
        let o = self
            .call("POST", "/api/v1/organisations")
            .session(&admin)
            .idempotent()
            .json(&serde_json::json!({"name": name, "orgnr": orgnr, "kind": kind}))
            .send();
        assert_eq!(o.status, 201, "{:?}", o.body);
        let password = "et-langt-passord";
        let u = self
            .call("POST", "/api/v1/users")
            .session(&admin)
            .idempotent()
            .json(
                &serde_json::json!({"name": user.0, "email": user.1, "role": role,
                      "organisation_id": o.body["id"], "password": password}),
            )
            .send();
        assert_eq!(u.status, 201, "{:?}", u.body);
        self.login(user.1, password)
    }

    /// A new user of `role` in `org`, made by the demo administrator;
    /// (id, e-mail).
    pub fn new_user(&self, org: &str, role: &str, email: &str, password: &str) -> (String, String) {
        let admin = self.login_as("helfo_admin");
        let name = email.split('@').next().unwrap_or(email);
        let a = self
            .call("POST", "/api/v1/users")
            .session(&admin)
            .idempotent()
            .json(
                &serde_json::json!({"name": format!("Test {name}"), "email": email,
                      "role": role, "organisation_id": org, "password": password}),
            )
            .send();
        assert_eq!(a.status, 201, "{:?}", a.body);
        (
            a.body["id"].as_str().unwrap_or("").to_owned(),
            email.to_owned(),
        )
    }

    /// Logs in as the demo user of `role`.
    pub fn login_as(&self, role: &str) -> Session {
        self.login(demo(role).0, DEMO_PASSWORD)
    }
}

impl Call<'_> {
    pub fn session(mut self, s: &Session) -> Self {
        self.builder = self.builder.header("Cookie", &s.cookie);
        self
    }

    pub fn json(mut self, v: &Value) -> Self {
        self.builder = self.builder.json(v);
        self
    }

    pub fn body(mut self, content_type: &str, body: impl Into<reqwest::blocking::Body>) -> Self {
        self.builder = self.builder.header("Content-Type", content_type).body(body);
        self
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        if name.eq_ignore_ascii_case("origin") {
            self.origin = false;
        }
        self.builder = self.builder.header(name, value);
        self
    }

    /// The date the edge's rules use for this request (the test clock).
    pub fn on(self, date: &str) -> Self {
        self.header("X-Frist-Today", date)
    }

    /// The instant (Unix ms) the edge takes as now for this request (the
    /// test clock): session and throttle tests never wait for real time.
    pub fn at(self, unix_ms: i64) -> Self {
        self.header("X-Frist-Now", &unix_ms.to_string())
    }

    /// `If-Match` naming `version`.
    pub fn if_match(self, version: &Value) -> Self {
        let v = format!("\"{}\"", version.as_i64().expect("version is a number"));
        self.header("If-Match", &v)
    }

    /// Leaves out the `Origin` header.
    pub fn no_origin(mut self) -> Self {
        self.origin = false;
        self
    }

    /// A fresh `Idempotency-Key`.
    pub fn idempotent(self) -> Self {
        let key = format!("test-{}-{}", std::process::id(), next());
        self.header("Idempotency-Key", &key)
    }

    pub fn send(self) -> Answer {
        let mut b = self.builder;
        if self.origin {
            b = b.header("Origin", &self.server.base);
        }
        let r = b
            .send()
            .unwrap_or_else(|e| panic!("{} failed: {e}", self.method));
        let status = r.status().as_u16();
        let headers = r.headers().clone();
        let text = r.text().unwrap_or_default();
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        Answer {
            status,
            headers,
            body,
        }
    }
}

fn next() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}
