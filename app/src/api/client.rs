//! The client's core: the error every call returns, reading answers,
//! sending requests, idempotency keys, and loading every page of a list.

use frist_domain::api::{Page, Problem};
use std::future::Future;
use std::pin::Pin;

use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::{Effect, Get, LocalResource, RwSignal, Set};
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

/// `GET path`, aborted when the reactive owner that asks is cleaned up: a
/// page's resource when the page is left or loads anew, a component when it
/// is gone (as Leptos's hackernews example does). Only reads are aborted; a
/// change that was sent is never cut off by leaving its page.
pub(super) async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let signal = abort_on_cleanup();
    send(Request::get(path).abort_signal(signal.as_ref())).await
}

/// A signal that aborts when the current reactive owner is cleaned up;
/// `None` outside any owner (the entry module's own calls).
fn abort_on_cleanup() -> Option<web_sys::AbortSignal> {
    let owner = leptos::prelude::Owner::current()?;
    let controller = web_sys::AbortController::new().ok()?;
    let signal = controller.signal();
    let controller = send_wrapper::SendWrapper::new(controller);
    owner.with(|| leptos::prelude::on_cleanup(move || controller.abort()));
    Some(signal)
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

/// Every page of a list, loaded into `into` by a resource of the page that
/// calls this (a refusal's text goes to `error`; the pages before it stay).
/// It loads when the page opens and when the page calls `refetch` on what
/// this returns; a page left drops it and aborts its fetch (see [`get`]).
pub fn load_all<T, F, Fut>(
    into: RwSignal<Vec<T>>,
    error: RwSignal<Option<String>>,
    fetch: F,
) -> LocalResource<Listed<T>>
where
    T: Clone + Send + Sync + 'static,
    F: Fn(Option<String>) -> Fut + Copy + 'static,
    Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
{
    load_all_for(into, error, || (), move |(), cursor| fetch(cursor))
}

/// A list as [`load_all`] loads it: the items, and why the pages ended
/// early when they did.
pub type Listed<T> = (Vec<T>, Option<ApiError>);

/// [`load_all`] for a `key` the page chooses (a filter, the object in the
/// address): when a signal that `key` reads changes, the list loads anew
/// and an answer for the old key is dropped.
pub fn load_all_for<T, K, F, Fut>(
    into: RwSignal<Vec<T>>,
    error: RwSignal<Option<String>>,
    key: impl Fn() -> K + 'static,
    fetch: F,
) -> LocalResource<Listed<T>>
where
    T: Clone + Send + Sync + 'static,
    K: Clone + 'static,
    F: Fn(K, Option<String>) -> Fut + Copy + 'static,
    Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
{
    // Boxed: the resource's machinery is built once for each kind of item,
    // not once for each page that loads a list (issue 27's size budget).
    let loaded = LocalResource::new(move || -> Pin<Box<dyn Future<Output = Listed<T>>>> {
        let key = key();
        Box::pin(async move {
            let mut cursor = None;
            let mut all = Vec::new();
            loop {
                let page: Pin<Box<dyn Future<Output = _>>> = Box::pin(fetch(key.clone(), cursor));
                match page.await {
                    Ok(page) => {
                        all.extend(page.items);
                        match page.next_cursor {
                            Some(c) => cursor = Some(c),
                            None => return (all, None),
                        }
                    }
                    Err(e) => return (all, Some(e)),
                }
            }
        })
    });
    Effect::new(move |_| {
        if let Some((all, failed)) = loaded.get() {
            if let Some(e) = failed {
                error.set(Some(e.text()));
            }
            into.set(all);
        }
    });
    loaded
}

/// Fetches the health of the edge; `None` when it does not answer.
pub async fn health() -> Option<Health> {
    get("/api/v1/health").await.ok()
}

/// Shows what a page's `loaded` resource brings: the value in `into`, or
/// the failure's text in `failure`. An answer for a page that is gone is
/// dropped with the resource.
pub fn show_loaded<T: Clone + Send + Sync + 'static>(
    loaded: LocalResource<Result<T, ApiError>>,
    into: RwSignal<Option<T>>,
    failure: RwSignal<Option<String>>,
) {
    Effect::new(move |_| match loaded.get() {
        Some(Ok(value)) => into.set(Some(value)),
        Some(Err(e)) => failure.set(Some(e.text())),
        None => {}
    });
}
