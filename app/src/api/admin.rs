//! Organisations, users, the audit log, mail deliveries and API tokens.

use frist_domain::access::{NewOrganisation, NewUser};
use frist_domain::api::{AuditEntry, OrganisationView, Page, UserPatch, UserView};
use frist_domain::mail::Delivery;
use gloo_net::http::Request;

use super::client::{ApiError, get, send_empty, send_json, with_cursor};

pub async fn organisations(cursor: Option<String>) -> Result<Page<OrganisationView>, ApiError> {
    get(&with_cursor("/api/v1/organisations", cursor.as_deref())).await
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
    get(&with_cursor("/api/v1/users", cursor.as_deref())).await
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
    get(&with_cursor("/api/v1/audit", cursor.as_deref())).await
}

/// E-mail delivery (administrators, issue 26): newest first, no bodies.
pub async fn deliveries(cursor: Option<String>) -> Result<Page<Delivery>, ApiError> {
    get(&with_cursor("/api/v1/mail", cursor.as_deref())).await
}

/// Queues a failed or cut-off e-mail again.
pub async fn resend_mail(id: &str) -> Result<Delivery, ApiError> {
    send_json(
        Request::post(&format!("/api/v1/mail/{id}/resend")),
        &serde_json::json!({}),
    )
    .await
}

/// `POST /api/v1/tokens`: a new API token for the caller (shown once).
/// The caller's own API tokens.
pub async fn tokens() -> Result<Vec<frist_domain::api::TokenView>, ApiError> {
    get("/api/v1/tokens").await
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

/// The sign-in identities linked to a user.
pub async fn identities(user: &str) -> Result<Vec<frist_domain::oidc::IdentityLinkView>, ApiError> {
    #[derive(serde::Deserialize)]
    struct Items {
        items: Vec<frist_domain::oidc::IdentityLinkView>,
    }
    let page: Items = get(&format!("/api/v1/users/{user}/identities")).await?;
    Ok(page.items)
}

/// Links a person at HelseID or ID-porten to a user.
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

/// Removes one of a user's sign-in identities.
pub async fn unlink_identity(user: &str, link: &str) -> Result<(), ApiError> {
    send_empty(Request::delete(&format!(
        "/api/v1/users/{user}/identities/{link}"
    )))
    .await
}
