//! Idempotency records (`idempotency`): the answer to a creating request,
//! kept under its user and key (a unique constraint), so a repeat gets the
//! same answer. The policy is `crate::idempotency`.

use worker::{D1Database, D1PreparedStatement, Result};

use crate::db::{int, text};

/// A stored answer.
#[derive(serde::Deserialize)]
pub struct Stored {
    pub route: String,
    pub body_hash: String,
    pub status: i64,
    pub response: String,
    pub created_ms: i64,
}

/// The answer stored under the user's key, if any.
pub async fn stored(db: &D1Database, user_id: &str, key: &str) -> Result<Option<Stored>> {
    db.prepare(
        "SELECT route, body_hash, status, response, created_ms FROM idempotency \
         WHERE user_id = ?1 AND key = ?2",
    )
    .bind(&[text(user_id), text(key)])?
    .first::<Stored>(None)
    .await
}

/// Forgets the answer stored under the user's key.
pub async fn forget(db: &D1Database, user_id: &str, key: &str) -> Result<()> {
    db.prepare("DELETE FROM idempotency WHERE user_id = ?1 AND key = ?2")
        .bind(&[text(user_id), text(key)])?
        .run()
        .await?;
    Ok(())
}

/// Forgets every answer made before `before` (Unix ms).
pub fn forget_before(db: &D1Database, before: i64) -> Result<D1PreparedStatement> {
    db.prepare("DELETE FROM idempotency WHERE created_ms < ?1")
        .bind(&[int(before)])
}

/// A new record: the answer to one creating request.
pub struct Record<'a> {
    pub user_id: &'a str,
    pub key: &'a str,
    pub route: &'a str,
    pub body_hash: &'a str,
    pub status: u16,
    pub response: &'a str,
    pub now: i64,
}

/// Inserts a record; a second under the same user and key fails on the
/// unique constraint.
pub fn insert(db: &D1Database, r: &Record) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO idempotency (user_id, key, route, body_hash, status, response, created_ms) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(&[
        text(r.user_id),
        text(r.key),
        text(r.route),
        text(r.body_hash),
        int(i64::from(r.status)),
        text(r.response),
        int(r.now),
    ])
}
