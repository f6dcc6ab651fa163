//! API tokens (`api_tokens`): made for a user, listed for them, revoked,
//! and looked up by hash for every request that brings one.

use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, Result};

use crate::db::{int, text};

/// A token with its user, as a request's `Authorization` finds it.
#[derive(Deserialize)]
pub struct Bearer {
    pub token_id: String,
    pub user_id: String,
    pub organisation_id: String,
    pub role: String,
    pub active: i64,
    pub demo: i64,
    pub created_ms: i64,
    pub expires_ms: i64,
    pub revoked_ms: Option<i64>,
}

/// The token whose SHA-256 is `token_hash`, with its user.
pub async fn by_hash(db: &D1Database, token_hash: &str) -> Result<Option<Bearer>> {
    db.prepare(
        "SELECT t.id AS token_id, u.id AS user_id, u.organisation_id, u.role, u.active, u.demo,                     t.created_ms, t.expires_ms, t.revoked_ms              FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?1",
    )
    .bind(&[text(token_hash)])?
    .first::<Bearer>(None)
    .await
}

/// Records a token's use, at most once a minute.
pub async fn note_used(db: &D1Database, id: &str, now: i64) -> Result<()> {
    db.prepare(
        "UPDATE api_tokens SET last_used_ms = ?1 WHERE id = ?2 \
         AND (last_used_ms IS NULL OR last_used_ms < ?1 - 60000)",
    )
    .bind(&[int(now), text(id)])?
    .run()
    .await?;
    Ok(())
}

/// A new token, stored only as its hash.
pub struct NewToken<'a> {
    pub id: &'a str,
    pub user_id: &'a str,
    pub token_hash: &'a str,
    pub name: &'a str,
    pub created_at: &'a str,
    pub created_ms: i64,
    pub expires_ms: i64,
}

/// Inserts a new token.
pub fn insert(db: &D1Database, t: &NewToken) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO api_tokens (id, user_id, token_hash, name, created_at, created_ms, expires_ms) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(&[
        text(t.id),
        text(t.user_id),
        text(t.token_hash),
        text(t.name),
        text(t.created_at),
        int(t.created_ms),
        int(t.expires_ms),
    ])
}

/// Revokes one of `user_id`'s tokens, unless already revoked.
pub fn revoke(db: &D1Database, id: &str, user_id: &str, now: i64) -> Result<D1PreparedStatement> {
    db.prepare(
        "UPDATE api_tokens SET revoked_ms = ?1 WHERE id = ?2 AND user_id = ?3 AND revoked_ms IS NULL",
    )
    .bind(&[int(now), text(id), text(user_id)])
}

/// A token as its owner's list shows it.
#[derive(Deserialize)]
pub struct Row {
    pub id: String,
    pub name: String,
    pub created_at: String,
    pub created_ms: i64,
    pub expires_ms: i64,
    pub last_used_ms: Option<i64>,
    pub revoked_ms: Option<i64>,
}

/// The user's tokens, newest first, at most 100.
pub async fn of_user(db: &D1Database, user_id: &str) -> Result<Vec<Row>> {
    db.prepare(
        "SELECT id, name, created_at, created_ms, expires_ms, last_used_ms, revoked_ms \
         FROM api_tokens WHERE user_id = ?1 ORDER BY created_ms DESC, id LIMIT 100",
    )
    .bind(&[text(user_id)])?
    .all()
    .await?
    .results::<Row>()
}
