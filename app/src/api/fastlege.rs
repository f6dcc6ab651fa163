//! Fastlege: messages, registration, the dashboard and the chase list.

use frist_domain::api::Page;
use gloo_net::http::Request;

use super::client::{ApiError, get, send_json, with_cursor};

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
    get(&path).await
}

/// One message, for its page.
pub async fn fl_message(id: &str) -> Result<frist_domain::fastlege::MessageView, ApiError> {
    get(&format!("/api/v1/fastlege/messages/{id}")).await
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
    get("/api/v1/fastlege/dashboard").await
}

pub async fn fl_chase() -> Result<Vec<frist_domain::fastlege::Ending>, ApiError> {
    get("/api/v1/fastlege/chase").await
}
