//! What a handler knows about its request: the matched route, the caller,
//! the body (already size- and type-checked), the time, the configuration.

use frist_domain::access::{LoginThrottle, Role, SessionPolicy};
use frist_domain::{Issue, IssueCode};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;
use worker::{D1Database, Env};

use crate::http::ApiError;
use crate::idempotency::Idem;
use crate::problem::ProblemKind;

/// Settings read from the environment (`[vars]` in wrangler.toml). The
/// session and throttle numbers can be shortened for tests.
#[derive(Debug, Clone)]
pub struct Config {
    /// `local` allows demo accounts and synthetic identities; anything else
    /// counts as production.
    pub local: bool,
    pub mode: String,
    pub session: SessionPolicy,
    pub throttle: LoginThrottle,
    /// FL-10: the listetak bounds agreed locally (`FRIST_LISTETAK_MIN`/`_MAX`).
    pub list_bounds: frist_domain::fastlege::ListBounds,
    /// FK-8: the key of the trip hash (`FRIST_TRIP_KEY`, a secret in
    /// production; a fixed development key in local mode).
    pub trip_key: Option<String>,
    /// The key of frist's own keyed hashes (`FRIST_SERVER_SECRET`, a secret
    /// in production; a fixed development key in local mode): idempotency
    /// records and the users' draft keys.
    pub server_secret: Option<String>,
    /// FL-1: the GP age limit (`FRIST_GP_AGE_LIMIT`, default 70).
    pub age_limit: u32,
    /// CTRL-9: the k of median + k·MAD (`FRIST_CTRL9_K`, 1–10, default 3).
    pub ctrl9_k: f64,
    /// Local mode with `FRIST_TEST_CLOCK=1`: the `X-Frist-Today` header sets
    /// the date the rules use, so tests can cross Easter on a fixed date.
    pub test_clock: bool,
    /// Local mode with the test clock on: `FRIST_TEST_SWEEP_HOLD_AFTER=n`
    /// makes the sweep wait after its n-th return, so the crash test kills
    /// the server half-way through a sweep on any machine, fast or slow.
    pub sweep_hold_after: Option<usize>,
    /// Local mode with the test clock on: `FRIST_TEST_MAIL_HOLD_AFTER=n`
    /// makes the sender wait after the binding accepted its n-th e-mail and
    /// before marking it sent — the worst moment to be cut off — so the
    /// crash test kills it exactly there on any machine.
    pub mail_hold_after: Option<usize>,
    /// E-mail (issue 26): the sender (`FRIST_MAIL_FROM`, an address the
    /// `MAIL` binding may send from), an optional reply-to
    /// (`FRIST_MAIL_REPLY_TO`), and the app's address for the links in the
    /// e-mails (`FRIST_APP_URL`, no trailing slash).
    pub mail_from: Option<String>,
    pub mail_reply_to: Option<String>,
    pub app_url: Option<String>,
    /// Whether e-mail and password are accepted at `POST /session`: always
    /// in local mode; in production only with `FRIST_PASSWORD_LOGIN=on`
    /// (people sign in through HelseID and ID-porten there).
    pub password_login: bool,
}

/// The secrets and settings production cannot work without (the e-mail
/// sender and the app's address: FB-9 and FL-7 e-mails must go out).
pub const REQUIRED_SECRETS: &[&str] = &[
    "FRIST_SERVER_SECRET",
    "FRIST_TRIP_KEY",
    "FRIST_MAIL_FROM",
    "FRIST_APP_URL",
];

impl Config {
    /// The required secrets and settings that are missing (none in local
    /// mode, where development values stand in).
    pub fn missing_secrets(&self) -> Vec<&'static str> {
        let have = [
            self.server_secret.is_some(),
            self.trip_key.is_some(),
            self.mail_from.is_some(),
            self.app_url.is_some(),
        ];
        REQUIRED_SECRETS
            .iter()
            .zip(have)
            .filter(|(_, ok)| !ok)
            .map(|(name, _)| *name)
            .collect()
    }

    /// The link to `path` in the app, for an e-mail.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.app_url.as_deref().unwrap_or(""))
    }

    pub fn from_env(env: &Env) -> Config {
        let var = |name: &str| env.var(name).ok().map(|v| v.to_string());
        // A secret, or in tests a plain var of the same name; never empty.
        let secret = |name: &str| {
            env.secret(name)
                .ok()
                .map(|v| v.to_string())
                .or_else(|| var(name))
                .filter(|v| !v.trim().is_empty())
        };
        let num = |name: &str| {
            var(name)
                .and_then(|v| v.parse::<i64>().ok())
                .filter(|n| *n > 0)
        };
        let mode = var("FRIST_MODE").unwrap_or_else(|| "production".into());
        let d = SessionPolicy::DEFAULT;
        let t = LoginThrottle::DEFAULT;
        let local = mode == "local";
        let bounds = frist_domain::fastlege::ListBounds::DEFAULT;
        let whole = |name: &str, default: u32| {
            var(name)
                .and_then(|v| v.parse::<u32>().ok())
                .unwrap_or(default)
        };
        Config {
            list_bounds: frist_domain::fastlege::ListBounds {
                min: whole("FRIST_LISTETAK_MIN", bounds.min),
                max: whole("FRIST_LISTETAK_MAX", bounds.max),
            },
            age_limit: whole("FRIST_GP_AGE_LIMIT", frist_domain::fastlege::AGE_LIMIT),
            ctrl9_k: var("FRIST_CTRL9_K")
                .and_then(|v| v.parse::<f64>().ok())
                .filter(|k| (1.0..=10.0).contains(k))
                .unwrap_or(frist_domain::kontroll::DEFAULT_K),
            trip_key: secret("FRIST_TRIP_KEY")
                .or_else(|| local.then(|| "frist-local-development-trip-key".to_owned())),
            server_secret: secret("FRIST_SERVER_SECRET")
                .or_else(|| local.then(|| "frist-local-development-server-secret".to_owned())),
            test_clock: local && var("FRIST_TEST_CLOCK").as_deref() == Some("1"),
            sweep_hold_after: var("FRIST_TEST_SWEEP_HOLD_AFTER")
                .and_then(|v| v.parse::<usize>().ok())
                .filter(|_| local && var("FRIST_TEST_CLOCK").as_deref() == Some("1")),
            mail_hold_after: var("FRIST_TEST_MAIL_HOLD_AFTER")
                .and_then(|v| v.parse::<usize>().ok())
                .filter(|_| local && var("FRIST_TEST_CLOCK").as_deref() == Some("1")),
            mail_from: var("FRIST_MAIL_FROM")
                .filter(|v| v.contains('@'))
                .or_else(|| local.then(|| "frist@frist.example".to_owned())),
            mail_reply_to: var("FRIST_MAIL_REPLY_TO").filter(|v| v.contains('@')),
            app_url: var("FRIST_APP_URL")
                .filter(|v| v.starts_with("https://") || (local && v.starts_with("http://")))
                .map(|v| v.trim_end_matches('/').to_owned())
                .or_else(|| local.then(|| "http://localhost:8787".to_owned())),
            password_login: local || var("FRIST_PASSWORD_LOGIN").as_deref() == Some("on"),
            local,
            mode,
            session: SessionPolicy {
                idle_ms: num("FRIST_SESSION_IDLE_SECS").map_or(d.idle_ms, |s| s * 1000),
                absolute_ms: num("FRIST_SESSION_ABSOLUTE_SECS").map_or(d.absolute_ms, |s| s * 1000),
            },
            throttle: LoginThrottle {
                per_account: num("FRIST_LOGIN_PER_ACCOUNT").map_or(t.per_account, |n| n as u32),
                per_client: num("FRIST_LOGIN_PER_CLIENT").map_or(t.per_client, |n| n as u32),
                window_ms: num("FRIST_LOGIN_WINDOW_SECS").map_or(t.window_ms, |s| s * 1000),
            },
        }
    }
}

/// The logged-in user behind a request.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user_id: String,
    pub organisation_id: String,
    pub role: Role,
    pub session_id: String,
    pub session_created: i64,
    /// When the session ends unless used again (Unix ms); `None` for API
    /// tokens. Sent back as `X-Session-Remaining` so the app can warn.
    pub session_expires: Option<i64>,
    /// A program with an API token rather than a person in a session.
    pub via_token: bool,
    /// A keyed hash of the client's address, for the audit trail.
    pub client_key: String,
}

impl Caller {
    /// The organisation every query is limited to, or NULL for Helfo (which
    /// sees all). Bind it as `?N` in `(?N IS NULL OR organisation_id = ?N)`.
    pub fn scope(&self) -> JsValue {
        if self.role.sees_all_organisations() {
            JsValue::NULL
        } else {
            JsValue::from_str(&self.organisation_id)
        }
    }
}

/// One request, ready for its handler.
pub struct Ctx {
    pub db: D1Database,
    pub params: Vec<(&'static str, String)>,
    pub query: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub caller: Option<Caller>,
    /// Unix milliseconds at the start of the request.
    pub now: i64,
    pub config: Config,
    /// Today in Europe/Oslo (CAL-5), or the test clock's date.
    pub today: chrono::NaiveDate,
    pub env: Env,
    /// Cookies get `Secure` and the `__Host-` prefix unless served over
    /// plain HTTP on localhost.
    pub secure_cookies: bool,
    /// An opaque key for the client (a hash of its address), for the login
    /// throttle.
    pub client_key: String,
    /// Set on creating routes.
    pub idem: Option<Idem>,
    /// Set on conditional routes: the version `If-Match` names.
    pub if_match: Option<i64>,
    /// The request's origin (`https://frist.example`), where a provider
    /// sends the browser back to.
    pub origin: String,
    /// The request's `Cookie` header, for the sign-in's binding cookie.
    pub cookies: Option<String>,
}

impl Ctx {
    /// The caller of a route that requires one (the router has checked).
    pub fn caller(&self) -> Result<&Caller, ApiError> {
        self.caller
            .as_ref()
            .ok_or_else(crate::auth::unauthenticated)
    }

    /// A path parameter.
    pub fn param(&self, name: &str) -> &str {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// A query parameter.
    pub fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as `T`. Malformed JSON, wrong types and unknown fields are a
    /// 400 naming the line and column — never echoing the input.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, ApiError> {
        serde_json::from_slice(&self.body).map_err(|e| {
            ApiError::bad_request(
                Issue::error("", IssueCode::InvalidJson)
                    .with("line", e.line())
                    .with("column", e.column()),
            )
        })
    }

    /// The idempotency record of a creating route.
    pub fn idem(&self) -> Result<&Idem, ApiError> {
        self.idem
            .as_ref()
            .ok_or_else(|| ApiError::new(ProblemKind::Internal))
    }
}
