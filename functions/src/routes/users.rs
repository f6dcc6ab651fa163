//! Users: Helfo administrators create them, change their name, reset their
//! password and deactivate them (which ends their sessions at once, ASVS
//! 7.4.2). Everyone sees the users of their own organisation; Helfo sees
//! all. Changes need `If-Match` with the user's version.

use frist_domain::access::{NewUser, normalise_email};
use frist_domain::api::{UserPatch, UserView};
use frist_domain::{Issue, IssueCode};
use wasm_bindgen::JsValue;
use worker::D1Database;

use crate::audit::{self, Entry};
use crate::ctx::Ctx;
use crate::db::{flag, int, iso, opt, text};
use crate::http::{self, ApiError, ApiResult};
use crate::problem::ProblemKind;
use crate::routes::{Listing, alphabetical_page, create_object};

#[derive(serde::Deserialize)]
struct Row {
    id: String,
    name: String,
    email: String,
    role: String,
    organisation_id: String,
    active: i64,
    version: i64,
    created_at: String,
}

impl Row {
    fn view(self) -> Option<UserView> {
        Some(UserView {
            role: self.role.parse().ok()?,
            id: self.id,
            name: self.name,
            email: self.email,
            organisation_id: self.organisation_id,
            active: self.active != 0,
            version: self.version,
            created_at: self.created_at,
        })
    }
}

const COLUMNS: &str = "id, name, email, role, organisation_id, active, version, created_at";

/// One user within `scope` (NULL: any organisation).
pub async fn load(db: &D1Database, id: &str, scope: JsValue) -> worker::Result<Option<UserView>> {
    Ok(db
        .prepare(format!(
            "SELECT {COLUMNS} FROM users WHERE id = ?1 AND (?2 IS NULL OR organisation_id = ?2)"
        ))
        .bind(&[text(id), scope])?
        .first::<Row>(None)
        .await?
        .and_then(Row::view))
}

pub async fn get(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let user = load(&ctx.db, ctx.param("id"), caller.scope())
        .await?
        .ok_or_else(ApiError::not_found)?;
    http::json_with_etag(&user, user.version, 200)
}

/// Alphabetical by name, optionally for one organisation
/// (`?organisation_id=`); the cursor is the last id of the page.
pub async fn list(ctx: &Ctx) -> ApiResult {
    let listing = Listing {
        table: "users",
        columns: COLUMNS,
        scope_column: "organisation_id",
        filter: ("organisation_id", ctx.query("organisation_id")),
    };
    alphabetical_page(ctx, &listing, Row::view, |u: &UserView| u.id.clone()).await
}

pub async fn create(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let form: NewUser = ctx.json()?;
    let org = if form.organisation_id.trim().is_empty() {
        None
    } else {
        crate::routes::organisations::load(&ctx.db, form.organisation_id.trim(), caller.scope())
            .await?
    };
    let report = form.validate(org.as_ref().map(|o| o.kind));
    let (Some(org), Ok(role), false) = (org, form.role.parse(), report.has_errors()) else {
        return Err(ApiError::invalid(report));
    };
    let view = UserView {
        id: crate::crypto::new_id("u")?,
        name: form.name.trim().to_owned(),
        email: normalise_email(&form.email),
        role,
        organisation_id: org.id,
        active: true,
        version: 1,
        created_at: iso(ctx.now),
    };
    let hash = crate::crypto::hash_password(&form.password).await?;
    let insert = ctx
        .db
        .prepare(
            "INSERT INTO users (id, organisation_id, name, email, role, password_hash, active, version, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, 1, ?7)",
        )
        .bind(&[
            text(&view.id),
            text(&view.organisation_id),
            text(&view.name),
            text(&view.email),
            text(view.role.as_str()),
            text(&hash),
            text(&view.created_at),
        ])?;
    let entry = Entry {
        action: "user.create",
        object_kind: "user",
        object_id: Some(&view.id),
        organisation_id: Some(&view.organisation_id),
    };
    create_object(
        ctx,
        vec![insert],
        &entry,
        &view,
        ("users", Issue::error("email", IssueCode::AlreadyExists)),
    )
    .await
}

/// 412 with the current version, so the client can reload and retry.
pub fn stale(current: i64) -> ApiError {
    ApiError::new(ProblemKind::StaleVersion).with_header("ETag", format!("\"{current}\""))
}

pub async fn update(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let user = load(&ctx.db, ctx.param("id"), caller.scope())
        .await?
        .ok_or_else(ApiError::not_found)?;
    let expected = ctx.if_match.unwrap_or(-1);
    if expected != user.version {
        return Err(stale(user.version));
    }
    let patch: UserPatch = ctx.json()?;
    let mut report = patch.validate(&user.email);
    if patch.active == Some(false) && user.id == caller.user_id {
        report.push(Issue::error("active", IssueCode::CannotDeactivateSelf));
    }
    if patch.is_empty() {
        report.push(Issue::error("", IssueCode::Required));
    }
    if report.has_errors() {
        return Err(ApiError::invalid(report));
    }
    let hash = match &patch.password {
        Some(pw) => Some(crate::crypto::hash_password(pw).await?),
        None => None,
    };
    let ends_sessions = patch.active == Some(false) || hash.is_some();
    let action = match (patch.active, hash.is_some()) {
        (Some(false), _) => "user.deactivate",
        (Some(true), _) if !user.active => "user.activate",
        (_, true) => "user.password_reset",
        _ => "user.update",
    };
    let update = ctx
        .db
        .prepare(
            "UPDATE users SET name = COALESCE(?1, name), active = COALESCE(?2, active), \
                 password_hash = COALESCE(?3, password_hash), version = version + 1, updated_at = ?4 \
             WHERE id = ?5 AND version = ?6",
        )
        .bind(&[
            opt(patch.name.as_deref().map(str::trim)),
            patch.active.map_or(JsValue::NULL, flag),
            opt(hash.as_deref()),
            text(&iso(ctx.now)),
            text(&user.id),
            int(expected),
        ])?;
    let entry = audit::entry_if_changed(
        &ctx.db,
        ctx.now,
        caller,
        &Entry {
            action,
            object_kind: "user",
            object_id: Some(&user.id),
            organisation_id: Some(&user.organisation_id),
        },
    )?;
    // `changes()` here is the audit insert's, which wrote a row only if the
    // conditional update won.
    let end_sessions = ctx
        .db
        .prepare(
            "UPDATE sessions SET ended_ms = ?1, ended_reason = ?2 \
             WHERE user_id = ?3 AND ended_ms IS NULL AND ?4 = 1 AND changes() = 1",
        )
        .bind(&[
            int(ctx.now),
            text(action),
            text(&user.id),
            flag(ends_sessions),
        ])?;
    // Whether this very update applied: the version is then one more.
    let won_here = "EXISTS (SELECT 1 FROM users WHERE id = ?2 AND version = ?3)";
    // A new password or a deactivation also kills the user's API tokens:
    // a token never outlives the reason it was trusted.
    let revoke_tokens = ctx
        .db
        .prepare(format!(
            "UPDATE api_tokens SET revoked_ms = ?1 WHERE user_id = ?2 AND revoked_ms IS NULL \
             AND ?4 = 1 AND {won_here}"
        ))
        .bind(&[
            int(ctx.now),
            text(&user.id),
            int(expected + 1),
            flag(ends_sessions),
        ])?;
    // The administrator's reset is the way back into a locked account: it
    // clears the account's failed logins.
    let unlock = ctx
        .db
        .prepare(format!(
            "DELETE FROM login_failures WHERE key = ?1 AND ?4 = 1 AND {won_here}"
        ))
        .bind(&[
            text(&crate::routes::session::account_key(&user.email)),
            text(&user.id),
            int(expected + 1),
            flag(hash.is_some()),
        ])?;
    let results = ctx
        .db
        .batch(vec![update, entry, end_sessions, revoke_tokens, unlock])
        .await?;
    let won = crate::db::first_changed(&results);
    let now_user = load(&ctx.db, &user.id, JsValue::NULL)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if !won {
        return Err(stale(now_user.version));
    }
    http::json_with_etag(&now_user, now_user.version, 200)
}
