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
use crate::db::{int, iso, text};
use crate::http::{self, ApiError, ApiResult};
use crate::routes::{create_object, oidc::link_hash};

#[derive(serde::Deserialize)]
struct Row {
    id: String,
    user_id: String,
    provider: String,
    kind: String,
    shown: String,
    created_at: String,
}

impl Row {
    fn view(self) -> Option<IdentityLinkView> {
        Some(IdentityLinkView {
            id: self.id,
            user_id: self.user_id,
            provider: self.provider.parse().ok()?,
            kind: self.kind.parse().ok()?,
            shown: self.shown,
            created_at: self.created_at,
        })
    }
}

#[derive(serde::Deserialize)]
struct UserRow {
    organisation_id: String,
}

/// The user the path names (administrators see every user), or 404.
async fn user(ctx: &Ctx) -> Result<(String, String), ApiError> {
    let id = ctx.param("id");
    let row = ctx
        .db
        .prepare("SELECT organisation_id FROM users WHERE id = ?1")
        .bind(&[text(id)])?
        .first::<UserRow>(None)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok((id.to_owned(), row.organisation_id))
}

/// The links of one user, oldest first.
pub async fn list(ctx: &Ctx) -> ApiResult {
    let (user_id, _) = user(ctx).await?;
    let rows = ctx
        .db
        .prepare(
            "SELECT id, user_id, provider, kind, shown, created_at FROM identity_links \
             WHERE user_id = ?1 ORDER BY created_ms, id",
        )
        .bind(&[text(&user_id)])?
        .all()
        .await?
        .results::<Row>()?;
    let items: Vec<IdentityLinkView> = rows.into_iter().filter_map(Row::view).collect();
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
    let insert = ctx
        .db
        .prepare(
            "INSERT INTO identity_links (id, user_id, provider, kind, value_hash, shown, created_ms, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .bind(&[
            text(&id),
            text(&user_id),
            text(<&'static str>::from(provider)),
            text(<&'static str>::from(kind)),
            text(&link_hash(secret, provider, kind, &value)?),
            text(&view.shown),
            int(ctx.now),
            text(&view.created_at),
        ])?;
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
            ctx.db
                .prepare("DELETE FROM identity_links WHERE id = ?1 AND user_id = ?2")
                .bind(&[text(link), text(&user_id)])?,
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
