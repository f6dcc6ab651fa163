//! Sign-in through HelseID and ID-porten (`identity_links`, `oidc_logins`):
//! the administrator's links from a person to a user, and the sign-ins in
//! progress. A link's value is only ever a keyed hash here.

use frist_domain::oidc::{IdentityLinkView, LinkKind, Provider};
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, Result};

use crate::db::{int, text};

/// A link as stored.
#[derive(Deserialize)]
struct LinkRow {
    id: String,
    user_id: String,
    provider: String,
    kind: String,
    shown: String,
    created_at: String,
}

impl LinkRow {
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

/// The links of one user, oldest first.
pub async fn links_of(db: &D1Database, user_id: &str) -> Result<Vec<IdentityLinkView>> {
    let rows = db
        .prepare(
            "SELECT id, user_id, provider, kind, shown, created_at FROM identity_links \
             WHERE user_id = ?1 ORDER BY created_ms, id",
        )
        .bind(&[text(user_id)])?
        .all()
        .await?
        .results::<LinkRow>()?;
    Ok(rows.into_iter().filter_map(LinkRow::view).collect())
}

/// Inserts a link (`identity_links` is unique on provider, kind and hash).
pub fn insert_link(
    db: &D1Database,
    view: &IdentityLinkView,
    value_hash: &str,
    now: i64,
) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO identity_links (id, user_id, provider, kind, value_hash, shown, created_ms, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )
    .bind(&[
        text(&view.id),
        text(&view.user_id),
        text(<&'static str>::from(view.provider)),
        text(<&'static str>::from(view.kind)),
        text(value_hash),
        text(&view.shown),
        int(now),
        text(&view.created_at),
    ])
}

/// Deletes one link of a user.
pub fn delete_link(db: &D1Database, link: &str, user_id: &str) -> Result<D1PreparedStatement> {
    db.prepare("DELETE FROM identity_links WHERE id = ?1 AND user_id = ?2")
        .bind(&[text(link), text(user_id)])
}

/// The user and organisation a link lets a person in as.
#[derive(Deserialize)]
pub struct Linked {
    pub user_id: String,
    pub organisation_id: String,
}

/// The active user (a demo user only in local mode) linked by this
/// provider, kind and value hash.
pub async fn linked_user(
    db: &D1Database,
    provider: Provider,
    kind: LinkKind,
    value_hash: &str,
    local: bool,
) -> Result<Option<Linked>> {
    db.prepare(
        "SELECT u.id AS user_id, u.organisation_id FROM identity_links l \
         JOIN users u ON u.id = l.user_id \
         WHERE l.provider = ?1 AND l.kind = ?2 AND l.value_hash = ?3 \
           AND u.active = 1 AND (u.demo = 0 OR ?4 = 1)",
    )
    .bind(&[
        text(<&'static str>::from(provider)),
        text(<&'static str>::from(kind)),
        text(value_hash),
        int(i64::from(local)),
    ])?
    .first::<Linked>(None)
    .await
}

/// A sign-in in progress, as the start stored it.
#[derive(Deserialize)]
pub struct Pending {
    pub provider: String,
    pub binding_hash: String,
    pub nonce: String,
    pub verifier: String,
    pub redirect_uri: String,
    pub next: Option<String>,
    pub created_ms: i64,
}

/// What the start of a sign-in keeps (the state and the binding cookie
/// only as hashes).
pub struct NewPending<'a> {
    pub state_hash: &'a str,
    pub provider: Provider,
    pub binding_hash: &'a str,
    pub nonce: &'a str,
    pub verifier: &'a str,
    pub redirect_uri: &'a str,
    pub next: Option<&'a str>,
}

/// Forgets sign-ins started before `older_than` and keeps a new one.
pub async fn keep_pending(
    db: &D1Database,
    p: &NewPending<'_>,
    now: i64,
    older_than: i64,
) -> Result<()> {
    db.batch(vec![
        db.prepare("DELETE FROM oidc_logins WHERE created_ms < ?1")
            .bind(&[int(older_than)])?,
        db.prepare(
            "INSERT INTO oidc_logins (state_hash, provider, binding_hash, nonce, verifier, \
             redirect_uri, next, created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .bind(&[
            text(p.state_hash),
            text(<&'static str>::from(p.provider)),
            text(p.binding_hash),
            text(p.nonce),
            text(p.verifier),
            text(p.redirect_uri),
            p.next.map_or(wasm_bindgen::JsValue::NULL, text),
            int(now),
        ])?,
    ])
    .await?;
    Ok(())
}

/// Takes the sign-in `state_hash` names out of the store, so it can never
/// be used again.
pub async fn take_pending(db: &D1Database, state_hash: &str) -> Result<Option<Pending>> {
    db.prepare("DELETE FROM oidc_logins WHERE state_hash = ?1 RETURNING *")
        .bind(&[text(state_hash)])?
        .first::<Pending>(None)
        .await
}
