//! The typed API client: one function per route.

use gloo_net::http::Request;
use serde::Deserialize;

/// `GET /api/v1/health`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Health {
    pub status: String,
    pub version: String,
    pub d1: bool,
    pub mode: String,
}

/// Fetches the health of the edge; `None` when it does not answer.
pub async fn health() -> Option<Health> {
    let resp = Request::get("/api/v1/health").send().await.ok()?;
    resp.json::<Health>().await.ok()
}
