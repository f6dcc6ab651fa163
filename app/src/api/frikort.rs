//! Frikort: claims, their chunks and lines, decisions and payments.

use frist_domain::api::Page;
use frist_domain::frikort::{
    Chunk, ChunkAnswer, ClaimView, DecisionForm, LineView, NewClaim, PaymentForm, RepaymentForm,
};
use gloo_net::http::Request;

use super::client::{ApiError, get, send_json, with_cursor};

pub async fn create_claim(form: &NewClaim, key: &str) -> Result<ClaimView, ApiError> {
    send_json(
        Request::post("/api/v1/frikort/claims").header("Idempotency-Key", key),
        form,
    )
    .await
}

pub async fn claim(id: &str) -> Result<ClaimView, ApiError> {
    get(&format!("/api/v1/frikort/claims/{id}")).await
}

pub async fn claims(cursor: Option<String>) -> Result<Page<ClaimView>, ApiError> {
    get(&with_cursor("/api/v1/frikort/claims", cursor.as_deref())).await
}

/// The health trust's claims made from the file with this fingerprint.
pub async fn claims_with_file(fingerprint: &str) -> Result<Page<ClaimView>, ApiError> {
    get(&format!("/api/v1/frikort/claims?file={fingerprint}")).await
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
    get(&format!("{path}&only={only}")).await
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
