//! Signing in and out, and the session.

use frist_domain::api::{LoginRequest, SessionView};
use gloo_net::http::Request;

use super::client::{ApiError, get, read, send_json};

/// Who is logged in; `Ok(None)` when nobody is.
pub async fn session() -> Result<Option<SessionView>, ApiError> {
    match get("/api/v1/session").await {
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
    get("/api/v1/session/options").await
}
