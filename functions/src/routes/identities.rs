//! `GET|POST /api/v1/users/:id/identities` and `DELETE …/:link`: the
//! administrator's links from a person at HelseID or ID-porten to a frist
//! user (issue 25). Nobody becomes a user by signing in: only a link made
//! here lets a person in, as the user it names. One person, one user.

use frist_domain::ids::FnrContext;
use frist_domain::oidc::{IdentityLinkView, NewIdentityLink, shown_value};
use frist_domain::{Issue, IssueCode};
use worker::Response;

use crate::audit::{self, Entry};
use crate::ctx::Ctx;
use crate::db::iso;
use crate::http::{self, ApiError, ApiResult};
use crate::routes::{create_object, oidc::link_hash};
use crate::store::identities as store;

/// The user the path names (administrators see every user), or 404.
async fn user(ctx: &Ctx) -> Result<(String, String), ApiError> {
    let id = ctx.param("id");
    let organisation_id = crate::store::users::organisation_of(&ctx.db, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok((id.to_owned(), organisation_id))
}

/// The links of one user, oldest first.
pub async fn list(ctx: &Ctx) -> ApiResult {
    let (user_id, _) = user(ctx).await?;
    let items = store::links_of(&ctx.db, &user_id).await?;
    Ok(http::json(&serde_json::json!({ "items": items }), 200)?)
}

/// Links a person to the user; a person already linked (to this or another
/// user) is a 422 at `value`.
pub async fn create(ctx: &Ctx) -> ApiResult {
    let (user_id, organisation_id) = user(ctx).await?;
    let form: NewIdentityLink = ctx.json()?;
    let fnr = FnrContext {
        today: ctx.today,
        allow_synthetic: ctx.config.local,
    };
    let (provider, kind, value) = form.check(&fnr).map_err(ApiError::invalid)?;
    let id = crate::crypto::new_id("l")?;
    let secret = ctx.config.server_secret.as_deref().unwrap_or_default();
    let view = IdentityLinkView {
        id: id.clone(),
        user_id: user_id.clone(),
        provider,
        kind,
        shown: shown_value(kind, &value),
        created_at: iso(ctx.now),
    };
    let hash = link_hash(secret, provider, kind, &value)?;
    let insert = store::insert_link(&ctx.db, &view, &hash, ctx.now)?;
    let entry = Entry {
        action: "identity.link",
        object_kind: "user",
        object_id: Some(&user_id),
        organisation_id: Some(&organisation_id),
    };
    create_object(
        ctx,
        vec![insert],
        &entry,
        &view,
        (
            "identity_links",
            Issue::error("value", IssueCode::AlreadyExists),
        ),
    )
    .await
}

/// Removes one link of the user (404 when the user has no such link).
pub async fn delete(ctx: &Ctx) -> ApiResult {
    let (user_id, organisation_id) = user(ctx).await?;
    let caller = ctx.caller()?;
    let link = ctx.param("link");
    let results = ctx
        .db
        .batch(vec![
            store::delete_link(&ctx.db, link, &user_id)?,
            audit::entry_if_changed(
                &ctx.db,
                ctx.now,
                caller,
                &Entry {
                    action: "identity.unlink",
                    object_kind: "user",
                    object_id: Some(&user_id),
                    organisation_id: Some(&organisation_id),
                },
            )?,
        ])
        .await?;
    if !crate::db::first_changed(&results) {
        return Err(ApiError::not_found());
    }
    Ok(Response::empty()?.with_status(204))
}
