//! API tokens for programs (`frist frikort submit`), for the roles with a
//! machine path only (`API_TOKEN_ROLES`): `POST /api/v1/tokens` makes one
//! for the caller — from a session, never from another token; shown once,
//! stored only as its SHA-256, never kept in an idempotency record —
//! `GET /api/v1/tokens` lists the caller's own (name, created, last used,
//! expiry, revoked), and `DELETE /api/v1/tokens/:id` revokes one. A program
//! sends `Authorization: Bearer frist_…` and acts as the user, with the
//! user's role and organisation. A password reset or a deactivation
//! revokes every token of the user (`users::update`).

use frist_domain::{Issue, IssueCode, Report};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Entry};
use crate::ctx::Ctx;
use crate::db::iso;
use crate::http::{self, ApiError, ApiResult};
use crate::problem::ProblemKind;
use crate::store::tokens;

/// How long a token lives.
pub const TOKEN_DAYS: i64 = 90;

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct NewToken {
    name: String,
}

#[derive(Serialize)]
struct Created {
    id: String,
    name: String,
    /// Shown this once; frist keeps only its hash.
    token: String,
    expires_at: String,
}

fn entry<'a>(action: &'a str, id: &'a str, org: &'a str) -> Entry<'a> {
    Entry {
        action,
        object_kind: "api_token",
        object_id: Some(id),
        organisation_id: Some(org),
    }
}

/// `POST /api/v1/tokens`: a new token for the caller, shown once; never
/// made with a token.
pub async fn create(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    if caller.via_token {
        return Err(ApiError::new(ProblemKind::TokenCannotMakeTokens));
    }
    let form: NewToken = ctx.json()?;
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > 80 {
        let code = if name.is_empty() {
            IssueCode::Required
        } else {
            IssueCode::TooLong
        };
        return Err(ApiError::invalid(Report::of(
            Issue::error("name", code).with("max", 80i64),
        )));
    }
    let id = crate::crypto::new_id("t")?;
    let token = format!("frist_{}", crate::crypto::session_token()?);
    let expires = ctx.now + TOKEN_DAYS * 24 * 60 * 60 * 1000;
    let insert = tokens::insert(
        &ctx.db,
        &tokens::NewToken {
            id: &id,
            user_id: &caller.user_id,
            token_hash: &crate::crypto::sha256_hex(token.as_bytes()),
            name,
            created_at: &iso(ctx.now),
            created_ms: ctx.now,
            expires_ms: expires,
        },
    )?;
    let audit = audit::entry(
        &ctx.db,
        ctx.now,
        caller,
        &entry("token.create", &id, &caller.organisation_id),
    )?;
    ctx.db.batch(vec![insert, audit]).await?;
    Ok(http::json(
        &Created {
            id,
            name: name.to_owned(),
            token,
            expires_at: iso(expires),
        },
        201,
    )?)
}

/// Revokes one of the caller's own tokens (404 for anyone else's).
pub async fn revoke(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let id = ctx.param("id");
    let update = tokens::revoke(&ctx.db, id, &caller.user_id, ctx.now)?;
    let audit = audit::entry_if_changed(
        &ctx.db,
        ctx.now,
        caller,
        &entry("token.revoke", id, &caller.organisation_id),
    )?;
    let results = ctx.db.batch(vec![update, audit]).await?;
    if !crate::db::first_changed(&results) {
        return Err(ApiError::not_found());
    }
    Ok(worker::Response::empty()?.with_status(204))
}

/// `GET /api/v1/tokens`: the caller's own tokens, newest first; never the
/// token itself (frist does not have it).
pub async fn list(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let rows = tokens::of_user(&ctx.db, &caller.user_id).await?;
    let items: Vec<frist_domain::api::TokenView> = rows
        .into_iter()
        .map(|r| frist_domain::api::TokenView {
            active: r.revoked_ms.is_none() && ctx.now <= r.expires_ms,
            id: r.id,
            name: r.name,
            created_at: r.created_at,
            expires_at: iso(r.expires_ms),
            last_used_at: r.last_used_ms.map(iso),
            revoked_at: r.revoked_ms.map(iso),
            created_ms: r.created_ms,
        })
        .collect();
    Ok(http::json(&items, 200)?)
}
