//! Users: Helfo administrators create them, change their name, reset their
//! password and deactivate them (which ends their sessions at once, ASVS
//! 7.4.2). Everyone sees the users of their own organisation; Helfo sees
//! all. Changes need `If-Match` with the user's version.

use frist_domain::access::{NewUser, normalise_email};
use frist_domain::api::{UserPatch, UserView};
use frist_domain::{Issue, IssueCode};
use wasm_bindgen::JsValue;

use crate::audit::{self, Entry};
use crate::ctx::{Caller, Ctx};
use crate::db::iso;
use crate::http::{self, ApiError, ApiResult};
use crate::problem::ProblemKind;
use crate::routes::{Listing, alphabetical_page, create_object};
use crate::store::users;

/// `GET /api/v1/users/:id`: one user, with its version as `ETag`.
pub async fn get(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let user = users::load(&ctx.db, ctx.param("id"), caller.scope())
        .await?
        .ok_or_else(ApiError::not_found)?;
    http::json_with_etag(&user, user.version, 200)
}

/// Alphabetical by name, optionally for one organisation
/// (`?organisation_id=`); the cursor is the last id of the page.
pub async fn list(ctx: &Ctx) -> ApiResult {
    let listing = Listing {
        table: "users",
        columns: users::COLUMNS,
        scope_column: "organisation_id",
        filter: ("organisation_id", ctx.query("organisation_id")),
    };
    alphabetical_page(ctx, &listing, users::Row::view, |u: &UserView| u.id.clone()).await
}

/// `POST /api/v1/users` (administrators): the role must fit the
/// organisation's kind.
pub async fn create(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let form: NewUser = ctx.json()?;
    let org = if form.organisation_id.trim().is_empty() {
        None
    } else {
        crate::store::organisations::load(&ctx.db, form.organisation_id.trim(), caller.scope())
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
    let insert = users::insert(&ctx.db, &view, &hash)?;
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

/// `PATCH /api/v1/users/:id` (administrators, `If-Match`): a new name,
/// (de)activation or a password reset; deactivation and a reset end the
/// user's sessions and tokens, and a reset clears the account's lock.
pub async fn update(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let user = users::load(&ctx.db, ctx.param("id"), caller.scope())
        .await?
        .ok_or_else(ApiError::not_found)?;
    let expected = ctx.if_match.unwrap_or(-1);
    if expected != user.version {
        return Err(stale(user.version));
    }
    let patch: UserPatch = ctx.json()?;
    check_patch(&patch, &user, &caller.user_id)?;
    let hash = match &patch.password {
        Some(pw) => Some(crate::crypto::hash_password(pw).await?),
        None => None,
    };
    let change = users::Change {
        id: &user.id,
        version: expected,
        name: patch.name.as_deref().map(str::trim),
        active: patch.active,
        password_hash: hash.as_deref(),
        at: &iso(ctx.now),
    };
    let action = action_of(&patch, &user, hash.is_some());
    let won = store_change(ctx, caller, &user, &change, action).await?;
    let now_user = users::load(&ctx.db, &user.id, JsValue::NULL)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if !won {
        return Err(stale(now_user.version));
    }
    http::json_with_etag(&now_user, now_user.version, 200)
}

/// The patch's own rules, and two of the edge's: an administrator cannot
/// deactivate themself, and an empty patch asks for nothing.
fn check_patch(patch: &UserPatch, user: &UserView, caller_id: &str) -> Result<(), ApiError> {
    let mut report = patch.validate(&user.email);
    if patch.active == Some(false) && user.id == caller_id {
        report.push(Issue::error("active", IssueCode::CannotDeactivateSelf));
    }
    if patch.is_empty() {
        report.push(Issue::error("", IssueCode::Required));
    }
    if report.has_errors() {
        return Err(ApiError::invalid(report));
    }
    Ok(())
}

/// The audit action of a change (and the reason its sessions end).
fn action_of(patch: &UserPatch, user: &UserView, new_password: bool) -> &'static str {
    match (patch.active, new_password) {
        (Some(false), _) => "user.deactivate",
        (Some(true), _) if !user.active => "user.activate",
        (_, true) => "user.password_reset",
        _ => "user.update",
    }
}

/// The change, its audit entry and what it does to the user's sessions,
/// tokens and lock, in one batch; whether the change won.
async fn store_change(
    ctx: &Ctx,
    caller: &Caller,
    user: &UserView,
    change: &users::Change<'_>,
    action: &str,
) -> Result<bool, ApiError> {
    let new_password = change.password_hash.is_some();
    let ends_sessions = change.active == Some(false) || new_password;
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
    let account_key = crate::routes::session::account_key(&user.email);
    let results = ctx
        .db
        .batch(vec![
            users::update(&ctx.db, change)?,
            entry,
            users::end_sessions(&ctx.db, change, ctx.now, action, ends_sessions)?,
            users::revoke_tokens(&ctx.db, change, ctx.now, ends_sessions)?,
            users::unlock(&ctx.db, change, &account_key, new_password)?,
        ])
        .await?;
    Ok(crate::db::first_changed(&results))
}
