//! Fristbrudd: notifications, cases, events, documents and statistics.

use frist_domain::api::Page;
use frist_domain::fristbrudd::{
    CaseCreated, CaseSummary, CaseView, EventForm, MonthStats, NotificationForm, PatientCheck,
    PatientCheckAnswer,
};
use gloo_net::http::Request;

use super::client::{ApiError, get, read, send_json, with_cursor};

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

/// The caller's cases, next deadline first; `state` is a state, `open` or
/// `closed` (or empty for all).
pub async fn cases(state: String, cursor: Option<String>) -> Result<Page<CaseSummary>, ApiError> {
    let path = with_cursor("/api/v1/fristbrudd/cases", cursor.as_deref());
    let path = if state.is_empty() {
        path
    } else {
        format!("{path}&state={state}")
    };
    get(&path).await
}

/// Helfo's queue in FB-3 order.
pub async fn queue(cursor: Option<String>) -> Result<Page<CaseSummary>, ApiError> {
    get(&with_cursor("/api/v1/fristbrudd/queue", cursor.as_deref())).await
}

pub async fn case(id: &str) -> Result<CaseView, ApiError> {
    get(&format!("/api/v1/fristbrudd/cases/{id}")).await
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
    get("/api/v1/fristbrudd/stats").await
}
