//! Password logins (`login_failures`, and the account a login names): the
//! throttle's marks and the account row. The marks are keyed by a hash of
//! the e-mail address (`a:…`) and of the client (`c:…`).

use frist_domain::access::{Failures, LoginThrottle};
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, Result};

use crate::db::{int, text};

/// The account a login names.
#[derive(Deserialize)]
pub struct Account {
    pub id: String,
    pub organisation_id: String,
    pub password_hash: String,
    pub active: i64,
    pub demo: i64,
}

#[derive(Deserialize)]
struct FailureRow {
    key: String,
    n: i64,
    oldest: i64,
}

/// The failures of the account and of the client since `window_start`.
pub async fn failures(
    db: &D1Database,
    account_key: &str,
    client_key: &str,
    window_start: i64,
) -> Result<(Failures, Failures)> {
    let rows = db
        .prepare(
            "SELECT key, COUNT(*) AS n, MIN(at_ms) AS oldest FROM login_failures \
             WHERE key IN (?1, ?2) AND at_ms > ?3 GROUP BY key",
        )
        .bind(&[text(account_key), text(client_key), int(window_start)])?
        .all()
        .await?
        .results::<FailureRow>()?;
    let of = |key: &str| {
        rows.iter()
            .find(|r| r.key == key)
            .map_or(Failures::default(), |r| Failures {
                count: u32::try_from(r.n).unwrap_or(u32::MAX),
                oldest: r.oldest,
            })
    };
    Ok((of(account_key), of(client_key)))
}

/// Counts an attempt before its password is weighed, in one D1 statement
/// that counts and inserts together: of many parallel tries, only as many
/// as the limit allows get a mark (D1 runs one statement at a time).
/// Answers whether this attempt got one.
pub async fn reserve(
    db: &D1Database,
    account_key: &str,
    client_key: &str,
    now: i64,
    window_start: i64,
    throttle: LoginThrottle,
) -> Result<bool> {
    let reserve = db
        .prepare(
            "INSERT INTO login_failures (key, at_ms) SELECT ?1, ?3 \
             WHERE (SELECT COUNT(*) FROM login_failures WHERE key = ?1 AND at_ms > ?4) < ?5 \
               AND (SELECT COUNT(*) FROM login_failures WHERE key = ?2 AND at_ms > ?4) < ?6",
        )
        .bind(&[
            text(account_key),
            text(client_key),
            int(now),
            int(window_start),
            int(i64::from(throttle.per_account)),
            int(i64::from(throttle.per_client)),
        ])?;
    let reserve_client = db
        .prepare("INSERT INTO login_failures (key, at_ms) SELECT ?1, ?2 WHERE changes() = 1")
        .bind(&[text(client_key), int(now)])?;
    let reserved = db.batch(vec![reserve, reserve_client]).await?;
    Ok(crate::db::first_changed(&reserved))
}

/// After a success: clears the account's marks and this attempt's mark on
/// the client, and forgets marks older than the window.
pub fn clear(
    db: &D1Database,
    account_key: &str,
    client_key: &str,
    now: i64,
    window_start: i64,
) -> Result<D1PreparedStatement> {
    db.prepare(
        "DELETE FROM login_failures WHERE key = ?1 OR (key = ?2 AND at_ms = ?3) \
         OR at_ms <= ?4",
    )
    .bind(&[
        text(account_key),
        text(client_key),
        int(now),
        int(window_start),
    ])
}

/// The account with this (normalised) e-mail address, if any.
pub async fn account(db: &D1Database, email: &str) -> Result<Option<Account>> {
    db.prepare(
        "SELECT id, organisation_id, password_hash, active, demo FROM users WHERE email = ?1",
    )
    .bind(&[text(email)])?
    .first::<Account>(None)
    .await
}
