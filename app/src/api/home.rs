//! The front page's counts, the number search and the local outbox.

use frist_domain::api::Page;
use frist_domain::fristbrudd::OutboxMessage;

use super::client::{ApiError, get, with_cursor};

/// The caller's work, counted, for the front page.
pub async fn overview() -> Result<frist_domain::api::Overview, ApiError> {
    get("/api/v1/overview").await
}

/// The case, message or claim a number names, if the caller may see it.
pub async fn find(number: &str) -> Result<frist_domain::api::Found, ApiError> {
    let q = js_sys::encode_uri_component(number);
    get(&format!("/api/v1/find?number={q}")).await
}

pub async fn outbox(cursor: Option<String>) -> Result<Page<OutboxMessage>, ApiError> {
    get(&with_cursor("/api/v1/outbox", cursor.as_deref())).await
}
