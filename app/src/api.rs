//! The typed API client: one function per route of
//! [`frist_domain::api::ROUTES`], the wire types from the same crate.
//! Cookies go along automatically (same origin); the browser adds `Origin`
//! to every state-changing request, which the edge's CSRF check requires.

use frist_domain::access::{NewOrganisation, NewUser};
use frist_domain::api::{
    AuditEntry, LoginRequest, OrganisationView, Page, Problem, SessionView, UserPatch, UserView,
};
use frist_domain::fristbrudd::{
    CaseCreated, CaseSummary, CaseView, EventForm, MonthStats, NotificationForm, OutboxMessage,
    PatientCheck, PatientCheckAnswer,
};
use frist_domain::mail::Delivery;
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
                Lang::Nn => lookup(&format!("api.problem.{}", p.title), Lang::Nn)
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

/// "The service answered with error {status}." in `lang`, for an answer
/// without a problem body.
fn status_text(lang: Lang, status: u16) -> String {
    with_status(
        lookup("api.problem.error", lang).unwrap_or_default(),
        status,
    )
}

async fn read<T: DeserializeOwned>(resp: Response) -> Result<T, ApiError> {
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
            detail: status_text(Lang::Nb, status),
            detail_en: status_text(Lang::En, status),
            issues: Vec::new(),
        })),
    }
}

async fn send<T: DeserializeOwned>(req: RequestBuilder) -> Result<T, ApiError> {
    let resp = req.send().await.map_err(|_| ApiError::Network)?;
    read(resp).await
}

/// A request whose success has no body (204).
async fn send_empty(req: RequestBuilder) -> Result<(), ApiError> {
    let resp = req.send().await.map_err(|_| ApiError::Network)?;
    if resp.ok() {
        Ok(())
    } else {
        read::<serde_json::Value>(resp).await.map(|_| ())
    }
}

async fn send_json<T: DeserializeOwned, B: serde::Serialize>(
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

/// Fetches the health of the edge; `None` when it does not answer.
pub async fn health() -> Option<Health> {
    send(Request::get("/api/v1/health")).await.ok()
}

/// Who is logged in; `Ok(None)` when nobody is.
pub async fn session() -> Result<Option<SessionView>, ApiError> {
    match send(Request::get("/api/v1/session")).await {
        Ok(s) => Ok(Some(s)),
        Err(ApiError::Problem(p)) if p.status == 401 => Ok(None),
        Err(e) => Err(e),
    }
}

pub async fn login(form: &LoginRequest) -> Result<SessionView, ApiError> {
    send_json(Request::post("/api/v1/session"), form).await
}

/// Logs out; after a HelseID or ID-porten sign-in, answers where to end
/// the provider's session too.
pub async fn logout() -> Result<Option<String>, ApiError> {
    let resp = Request::delete("/api/v1/session")
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    if resp.status() == 200 {
        let body: serde_json::Value = resp.json().await.unwrap_or_default();
        Ok(body["end_session_url"].as_str().map(str::to_owned))
    } else if resp.ok() || resp.status() == 401 {
        Ok(None)
    } else {
        read::<serde_json::Value>(resp).await.map(|_| None)
    }
}

/// What the login page offers: the sign-in services and whether e-mail
/// and password are accepted.
pub async fn login_options() -> Result<frist_domain::oidc::LoginOptions, ApiError> {
    send(Request::get("/api/v1/session/options")).await
}

/// The sign-in identities linked to a user.
pub async fn identities(user: &str) -> Result<Vec<frist_domain::oidc::IdentityLinkView>, ApiError> {
    #[derive(serde::Deserialize)]
    struct Items {
        items: Vec<frist_domain::oidc::IdentityLinkView>,
    }
    let page: Items = send(Request::get(&format!("/api/v1/users/{user}/identities"))).await?;
    Ok(page.items)
}

pub async fn link_identity(
    user: &str,
    form: &frist_domain::oidc::NewIdentityLink,
    key: &str,
) -> Result<frist_domain::oidc::IdentityLinkView, ApiError> {
    send_json(
        Request::post(&format!("/api/v1/users/{user}/identities")).header("Idempotency-Key", key),
        form,
    )
    .await
}

pub async fn unlink_identity(user: &str, link: &str) -> Result<(), ApiError> {
    send_empty(Request::delete(&format!(
        "/api/v1/users/{user}/identities/{link}"
    )))
    .await
}

fn with_cursor(path: &str, cursor: Option<&str>) -> String {
    match cursor {
        Some(c) => format!("{path}?limit=50&cursor={c}"),
        None => format!("{path}?limit=50"),
    }
}

pub async fn organisations(cursor: Option<String>) -> Result<Page<OrganisationView>, ApiError> {
    send(Request::get(&with_cursor(
        "/api/v1/organisations",
        cursor.as_deref(),
    )))
    .await
}

pub async fn create_organisation(
    form: &NewOrganisation,
    key: &str,
) -> Result<OrganisationView, ApiError> {
    send_json(
        Request::post("/api/v1/organisations").header("Idempotency-Key", key),
        form,
    )
    .await
}

/// FK-9: records the account the RHF has set for an organisation's refunds.
pub async fn set_payout_account(
    id: &str,
    form: &frist_domain::api::PayoutAccountForm,
) -> Result<OrganisationView, ApiError> {
    send_json(
        Request::put(&format!("/api/v1/organisations/{id}/payout-account")),
        form,
    )
    .await
}

pub async fn users(cursor: Option<String>) -> Result<Page<UserView>, ApiError> {
    send(Request::get(&with_cursor(
        "/api/v1/users",
        cursor.as_deref(),
    )))
    .await
}

pub async fn create_user(form: &NewUser, key: &str) -> Result<UserView, ApiError> {
    send_json(
        Request::post("/api/v1/users").header("Idempotency-Key", key),
        form,
    )
    .await
}

/// Changes a user; `version` is the version the change was made against.
pub async fn update_user(id: &str, version: i64, patch: &UserPatch) -> Result<UserView, ApiError> {
    send_json(
        Request::patch(&format!("/api/v1/users/{id}"))
            .header("If-Match", &format!("\"{version}\"")),
        patch,
    )
    .await
}

pub async fn audit(cursor: Option<String>) -> Result<Page<AuditEntry>, ApiError> {
    send(Request::get(&with_cursor(
        "/api/v1/audit",
        cursor.as_deref(),
    )))
    .await
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

// --- fristbrudd --------------------------------------------------------------

pub async fn create_case(form: &NotificationForm, key: &str) -> Result<CaseCreated, ApiError> {
    send_json(
        Request::post("/api/v1/fristbrudd/cases").header("Idempotency-Key", key),
        form,
    )
    .await
}

/// Whether the patient already has an open case here (the number goes in
/// the body, never in the URL).
pub async fn patient_check(fnr: &str) -> Result<PatientCheckAnswer, ApiError> {
    send_json(
        Request::post("/api/v1/fristbrudd/patient-check"),
        &PatientCheck {
            patient_fnr: fnr.to_owned(),
        },
    )
    .await
}

/// Helfo: every case of one patient (the number in the body, never a URL).
pub async fn patient_search(fnr: &str) -> Result<Vec<CaseSummary>, ApiError> {
    send_json(
        Request::post("/api/v1/fristbrudd/patient-search"),
        &frist_domain::api::PatientSearch {
            patient_fnr: fnr.to_owned(),
        },
    )
    .await
}

/// The caller's work, counted, for the front page.
pub async fn overview() -> Result<frist_domain::api::Overview, ApiError> {
    send(Request::get("/api/v1/overview")).await
}

/// The case, message or claim a number names, if the caller may see it.
pub async fn find(number: &str) -> Result<frist_domain::api::Found, ApiError> {
    let q = js_sys::encode_uri_component(number);
    send(Request::get(&format!("/api/v1/find?number={q}"))).await
}

/// The caller's cases, next deadline first; `state` is a state, `open` or
/// `closed` (or empty for all).
pub async fn cases(state: String, cursor: Option<String>) -> Result<Page<CaseSummary>, ApiError> {
    let path = with_cursor("/api/v1/fristbrudd/cases", cursor.as_deref());
    let path = if state.is_empty() {
        path
    } else {
        format!("{path}&state={state}")
    };
    send(Request::get(&path)).await
}

/// Helfo's queue in FB-3 order.
pub async fn queue(cursor: Option<String>) -> Result<Page<CaseSummary>, ApiError> {
    send(Request::get(&with_cursor(
        "/api/v1/fristbrudd/queue",
        cursor.as_deref(),
    )))
    .await
}

pub async fn case(id: &str) -> Result<CaseView, ApiError> {
    send(Request::get(&format!("/api/v1/fristbrudd/cases/{id}"))).await
}

/// One transition, decided on `version` of the case.
pub async fn case_event(id: &str, version: i64, event: &EventForm) -> Result<CaseView, ApiError> {
    send_json(
        Request::post(&format!("/api/v1/fristbrudd/cases/{id}/events"))
            .header("If-Match", &format!("\"{version}\"")),
        event,
    )
    .await
}

/// Uploads the documentation PDF (FB-7).
pub async fn upload_document(
    id: &str,
    version: i64,
    file: &web_sys::File,
) -> Result<CaseView, ApiError> {
    let req = Request::put(&format!("/api/v1/fristbrudd/cases/{id}/document"))
        .header("If-Match", &format!("\"{version}\""))
        .header("Content-Type", "application/pdf")
        .body(wasm_bindgen::JsValue::from(file.clone()))
        .map_err(|_| ApiError::Network)?;
    let resp = req.send().await.map_err(|_| ApiError::Network)?;
    read(resp).await
}

pub async fn fb_stats() -> Result<Vec<MonthStats>, ApiError> {
    send(Request::get("/api/v1/fristbrudd/stats")).await
}

pub async fn outbox(cursor: Option<String>) -> Result<Page<OutboxMessage>, ApiError> {
    send(Request::get(&with_cursor(
        "/api/v1/outbox",
        cursor.as_deref(),
    )))
    .await
}

/// E-mail delivery (administrators, issue 26): newest first, no bodies.
pub async fn deliveries(cursor: Option<String>) -> Result<Page<Delivery>, ApiError> {
    send(Request::get(&with_cursor(
        "/api/v1/mail",
        cursor.as_deref(),
    )))
    .await
}

/// Queues a failed or cut-off e-mail again.
pub async fn resend_mail(id: &str) -> Result<Delivery, ApiError> {
    send_json(
        Request::post(&format!("/api/v1/mail/{id}/resend")),
        &serde_json::json!({}),
    )
    .await
}

// --- fastlege ----------------------------------------------------------------

pub async fn send_fl_message(
    form: &frist_domain::fastlege::MessageForm,
    key: &str,
) -> Result<frist_domain::fastlege::MessageCreated, ApiError> {
    send_json(
        Request::post("/api/v1/fastlege/messages").header("Idempotency-Key", key),
        form,
    )
    .await
}

/// The caller's messages (Helfo: all), soonest effective first.
pub async fn fl_messages(
    status: String,
    cursor: Option<String>,
) -> Result<Page<frist_domain::fastlege::MessageView>, ApiError> {
    let path = with_cursor("/api/v1/fastlege/messages", cursor.as_deref());
    let path = if status.is_empty() {
        path
    } else {
        format!("{path}&status={status}")
    };
    send(Request::get(&path)).await
}

/// One message, for its page.
pub async fn fl_message(id: &str) -> Result<frist_domain::fastlege::MessageView, ApiError> {
    send(Request::get(&format!("/api/v1/fastlege/messages/{id}"))).await
}

/// FL-8: Helfo registers a message, decided on `version`.
pub async fn fl_register(
    id: &str,
    version: i64,
) -> Result<frist_domain::fastlege::MessageView, ApiError> {
    send_json(
        Request::post(&format!("/api/v1/fastlege/messages/{id}/register"))
            .header("If-Match", &format!("\"{version}\"")),
        &frist_domain::fastlege::RegisterRequest::default(),
    )
    .await
}

pub async fn fl_dashboard() -> Result<frist_domain::fastlege::Dashboard, ApiError> {
    send(Request::get("/api/v1/fastlege/dashboard")).await
}

pub async fn fl_chase() -> Result<Vec<frist_domain::fastlege::Ending>, ApiError> {
    send(Request::get("/api/v1/fastlege/chase")).await
}

// --- frikort -----------------------------------------------------------------

use frist_domain::frikort::{
    Chunk, ChunkAnswer, ClaimView, DecisionForm, LineView, NewClaim, PaymentForm, RepaymentForm,
};

pub async fn create_claim(form: &NewClaim, key: &str) -> Result<ClaimView, ApiError> {
    send_json(
        Request::post("/api/v1/frikort/claims").header("Idempotency-Key", key),
        form,
    )
    .await
}

pub async fn claim(id: &str) -> Result<ClaimView, ApiError> {
    send(Request::get(&format!("/api/v1/frikort/claims/{id}"))).await
}

pub async fn claims(cursor: Option<String>) -> Result<Page<ClaimView>, ApiError> {
    send(Request::get(&with_cursor(
        "/api/v1/frikort/claims",
        cursor.as_deref(),
    )))
    .await
}

/// The health trust's claims made from the file with this fingerprint.
pub async fn claims_with_file(fingerprint: &str) -> Result<Page<ClaimView>, ApiError> {
    send(Request::get(&format!(
        "/api/v1/frikort/claims?file={fingerprint}"
    )))
    .await
}

/// CTRL-9: a month's sums per doctor, replacing the last ones sent; the
/// answer is the comparison with the municipality's size class.
pub async fn put_kontroll_month(
    month: &str,
    upload: &frist_domain::kontroll::MonthUpload,
) -> Result<frist_domain::kontroll::PeerView, ApiError> {
    send_json(
        Request::put(&format!("/api/v1/kontroll/months/{month}")),
        upload,
    )
    .await
}

/// CTRL-9: the comparison for a month against `peers`.
pub async fn kontroll_month(
    month: &str,
    peers: frist_domain::kontroll::PeerGroup,
) -> Result<frist_domain::kontroll::PeerView, ApiError> {
    let peers: &str = peers.into();
    send(Request::get(&format!(
        "/api/v1/kontroll/months/{month}?peers={peers}"
    )))
    .await
}

/// One chunk; sending the same chunk again is safe (the edge replays).
pub async fn put_chunk(id: &str, n: u32, chunk: &Chunk) -> Result<ChunkAnswer, ApiError> {
    send_json(
        Request::put(&format!("/api/v1/frikort/claims/{id}/chunks/{n}")),
        chunk,
    )
    .await
}

pub async fn submit_claim(id: &str) -> Result<ClaimView, ApiError> {
    send_json(
        Request::post(&format!("/api/v1/frikort/claims/{id}/submit")),
        &serde_json::json!({}),
    )
    .await
}

/// Lines of a claim; `only` is `issues`, `undecided` or empty.
pub async fn claim_lines(
    id: String,
    only: &'static str,
    cursor: Option<String>,
) -> Result<Page<LineView>, ApiError> {
    let path = with_cursor(
        &format!("/api/v1/frikort/claims/{id}/lines"),
        cursor.as_deref(),
    );
    send(Request::get(&format!("{path}&only={only}"))).await
}

pub async fn decide_line(id: &str, line: u64, form: &DecisionForm) -> Result<ClaimView, ApiError> {
    send_json(
        Request::post(&format!(
            "/api/v1/frikort/claims/{id}/lines/{line}/decision"
        )),
        form,
    )
    .await
}

pub async fn approve_clean(id: &str) -> Result<ClaimView, ApiError> {
    send_json(
        Request::post(&format!("/api/v1/frikort/claims/{id}/approve-clean")),
        &serde_json::json!({}),
    )
    .await
}

pub async fn pay_claim(id: &str, version: i64, form: &PaymentForm) -> Result<ClaimView, ApiError> {
    send_json(
        Request::post(&format!("/api/v1/frikort/claims/{id}/payment"))
            .header("If-Match", &format!("\"{version}\"")),
        form,
    )
    .await
}

pub async fn demand_repayment(
    id: &str,
    version: i64,
    form: &RepaymentForm,
) -> Result<ClaimView, ApiError> {
    send_json(
        Request::post(&format!("/api/v1/frikort/claims/{id}/repayment"))
            .header("If-Match", &format!("\"{version}\"")),
        form,
    )
    .await
}

/// `POST /api/v1/tokens`: a new API token for the caller (shown once).
/// The caller's own API tokens.
pub async fn tokens() -> Result<Vec<frist_domain::api::TokenView>, ApiError> {
    send(Request::get("/api/v1/tokens")).await
}

/// Revokes one of the caller's tokens.
pub async fn revoke_token(id: &str) -> Result<(), ApiError> {
    send_empty(Request::delete(&format!("/api/v1/tokens/{id}"))).await
}

pub async fn create_token<T: serde::de::DeserializeOwned>(
    body: &serde_json::Value,
) -> Result<T, ApiError> {
    send_json(Request::post("/api/v1/tokens"), body).await
}
