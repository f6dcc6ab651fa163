//! Signing in and out, and the session.

use frist_domain::api::{LoginRequest, SessionView};
use gloo_net::http::Request;

use super::client::{ApiError, read, send, send_json};

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

pub async fn logout() -> Result<(), ApiError> {
    let resp = Request::delete("/api/v1/session")
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    if resp.ok() || resp.status() == 401 {
        Ok(())
    } else {
        read::<serde_json::Value>(resp).await.map(|_| ())
    }
}
