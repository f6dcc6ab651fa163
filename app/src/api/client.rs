//! The client's core: the error every call returns, reading answers,
//! sending requests, idempotency keys, and loading every page of a list.

use frist_domain::api::{Page, Problem};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::i18n::{Lang, lang, lookup, t};

/// `GET /api/v1/health`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Health {
    pub status: String,
    pub version: String,
    pub d1: bool,
    pub mode: String,
}

/// Why a call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The edge refused, with a problem body.
    Problem(Problem),
    /// No answer (offline, the edge down).
    Network,
}

impl ApiError {
    /// The text to show a person, in the chosen language: the edge's own
    /// text in bokmål or English; for nynorsk, the app's text for the kind
    /// of problem (the edge's bokmål text when the app has none).
    pub fn text(&self) -> String {
        match self {
            ApiError::Problem(p) => match lang() {
                Lang::En => p.detail_en.clone(),
                Lang::Nb => p.detail.clone(),
                Lang::Nn => lookup(&format!("api.problem.{}", p.title))
                    .map_or_else(|| p.detail.clone(), |t| with_status(t, p.status)),
            },
            ApiError::Network => t("api.network").to_owned(),
        }
    }

    /// The field issues behind a refusal.
    pub fn issues(&self) -> Vec<frist_domain::Issue> {
        match self {
            ApiError::Problem(p) => p.issues.clone(),
            ApiError::Network => Vec::new(),
        }
    }
}

/// `text` with `{status}` replaced by `status`.
fn with_status(text: &str, status: u16) -> String {
    text.replace("{status}", &status.to_string())
}

/// "The service answered with error {status}." in the chosen language, for
/// an answer without a problem body.
fn status_text(status: u16) -> String {
    with_status(lookup("api.problem.error").unwrap_or_default(), status)
}

pub(super) async fn read<T: DeserializeOwned>(resp: Response) -> Result<T, ApiError> {
    if let Some(ms) = resp
        .headers()
        .get("X-Session-Remaining")
        .and_then(|v| v.parse::<f64>().ok())
    {
        crate::session::note_remaining(ms);
    }
    if resp.ok() {
        return resp.json::<T>().await.map_err(|_| ApiError::Network);
    }
    let status = resp.status();
    match resp.json::<Problem>().await {
        Ok(p) => Err(ApiError::Problem(p)),
        Err(_) => Err(ApiError::Problem(Problem {
            kind: "about:blank".into(),
            title: "error".into(),
            status,
            detail: status_text(status),
            detail_en: status_text(status),
            issues: Vec::new(),
        })),
    }
}

pub(super) async fn send<T: DeserializeOwned>(req: RequestBuilder) -> Result<T, ApiError> {
    let resp = req.send().await.map_err(|_| ApiError::Network)?;
    read(resp).await
}

/// A request whose success has no body (204).
pub(super) async fn send_empty(req: RequestBuilder) -> Result<(), ApiError> {
    let resp = req.send().await.map_err(|_| ApiError::Network)?;
    if resp.ok() {
        Ok(())
    } else {
        read::<serde_json::Value>(resp).await.map(|_| ())
    }
}

pub(super) async fn send_json<T: DeserializeOwned, B: serde::Serialize>(
    req: RequestBuilder,
    body: &B,
) -> Result<T, ApiError> {
    let resp = req
        .json(body)
        .map_err(|_| ApiError::Network)?
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    read(resp).await
}

/// A fresh `Idempotency-Key` for one submission.
pub fn new_idempotency_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("k-{}", js_sys::Date::now()))
}

pub(super) fn with_cursor(path: &str, cursor: Option<&str>) -> String {
    match cursor {
        Some(c) => format!("{path}?limit=50&cursor={c}"),
        None => format!("{path}?limit=50"),
    }
}

/// Loads every page of a list into `into`; a refusal goes to `error`.
pub fn load_all<T, F>(
    into: leptos::prelude::RwSignal<Vec<T>>,
    error: leptos::prelude::RwSignal<Option<String>>,
    fetch: F,
) where
    T: Clone + Send + Sync + 'static,
    F: Fn(
            Option<String>,
        )
            -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Page<T>, ApiError>>>>
        + 'static,
{
    use leptos::prelude::Set;
    leptos::task::spawn_local(async move {
        let mut cursor = None;
        let mut all = Vec::new();
        loop {
            match fetch(cursor).await {
                Ok(page) => {
                    all.extend(page.items);
                    match page.next_cursor {
                        Some(c) => cursor = Some(c),
                        None => break,
                    }
                }
                Err(e) => {
                    error.set(Some(e.text()));
                    break;
                }
            }
        }
        into.set(all);
    });
}

/// Fetches the health of the edge; `None` when it does not answer.
pub async fn health() -> Option<Health> {
    send(Request::get("/api/v1/health")).await.ok()
}

/// Shows what a page's `loaded` resource brings: the value in `into`, or
/// the failure's text in `failure`. An answer for a page that is gone is
/// dropped with the resource.
pub fn show_loaded<T: Clone + Send + Sync + 'static>(
    loaded: leptos::prelude::LocalResource<Result<T, ApiError>>,
    into: leptos::prelude::RwSignal<Option<T>>,
    failure: leptos::prelude::RwSignal<Option<String>>,
) {
    use leptos::prelude::{Effect, Get, Set};
    Effect::new(move |_| match loaded.get() {
        Some(Ok(value)) => into.set(Some(value)),
        Some(Err(e)) => failure.set(Some(e.text())),
        None => {}
    });
}
