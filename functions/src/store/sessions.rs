//! Sessions (`sessions`): opened at login, found by the cookie's hash on
//! every request, kept alive, and ended by logout, expiry or an
//! administrator's change to the user.

use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

use crate::db::{int, text};

/// A session with its user, as a request's cookie finds it.
#[derive(serde::Deserialize)]
pub struct Row {
    pub session_id: String,
    pub user_id: String,
    pub organisation_id: String,
    pub role: String,
    pub active: i64,
    pub demo: i64,
    pub created_ms: i64,
    pub last_seen_ms: i64,
    pub ended_ms: Option<i64>,
}

/// The session whose cookie's SHA-256 is `token_hash`, with its user.
pub async fn by_hash(db: &D1Database, token_hash: &str) -> Result<Option<Row>> {
    db.prepare(
        "SELECT s.id AS session_id, u.id AS user_id, u.organisation_id, u.role, u.active, u.demo, \
                    s.created_ms, s.last_seen_ms, s.ended_ms \
             FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1",
    )
    .bind(&[text(token_hash)])?
    .first::<Row>(None)
    .await
}

/// Ends an open session that has expired, for `reason`.
pub async fn expire(db: &D1Database, id: &str, now: i64, reason: &str) -> Result<()> {
    db.prepare(
        "UPDATE sessions SET ended_ms = ?1, ended_reason = ?2 WHERE id = ?3 AND ended_ms IS NULL",
    )
    .bind(&[int(now), text(reason), text(id)])?
    .run()
    .await?;
    Ok(())
}

/// Records a session's use.
pub async fn touch(db: &D1Database, id: &str, now: i64) -> Result<()> {
    db.prepare("UPDATE sessions SET last_seen_ms = ?1 WHERE id = ?2")
        .bind(&[int(now), text(id)])?
        .run()
        .await?;
    Ok(())
}

/// A new session, stored by its cookie's hash.
pub struct NewSession<'a> {
    pub id: &'a str,
    pub token_hash: &'a str,
    pub user_id: &'a str,
    pub now: i64,
    /// The provider signed in with; `None` for a password.
    pub provider: Option<&'a str>,
}

/// Inserts a new session, last seen when it was made.
pub fn insert(db: &D1Database, s: &NewSession) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO sessions (id, token_hash, user_id, created_ms, last_seen_ms, provider) \
                 VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
    )
    .bind(&[
        text(s.id),
        text(s.token_hash),
        text(s.user_id),
        int(s.now),
        s.provider.map_or(JsValue::NULL, text),
    ])
}

/// Ends an open session at logout.
pub fn log_out(db: &D1Database, id: &str, now: i64) -> Result<D1PreparedStatement> {
    db.prepare(
        "UPDATE sessions SET ended_ms = ?1, ended_reason = 'logout' WHERE id = ?2 AND ended_ms IS NULL",
    )
    .bind(&[int(now), text(id)])
}

/// The provider a session was signed in with, if any.
pub async fn provider_of(db: &D1Database, id: &str) -> Result<Option<String>> {
    Ok(db
        .prepare("SELECT provider FROM sessions WHERE id = ?1")
        .bind(&[text(id)])?
        .first::<Option<String>>(Some("provider"))
        .await?
        .flatten())
}
