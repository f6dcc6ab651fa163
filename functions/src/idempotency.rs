//! `Idempotency-Key` on creating POSTs. The first request with a key
//! creates and stores its answer in the same D1 batch as the object; a
//! repeat with the same body gets that answer again (marked
//! `Idempotent-Replayed: true`); a repeat with another body is refused with
//! 422. Two racing requests with one key cannot both create: the key's
//! primary key (or another unique rule the winner's rows now hold) makes
//! the loser's whole batch roll back, and it replays the winner's answer.

use frist_domain::{Issue, IssueCode};
use worker::{D1Database, D1PreparedStatement, Response};

use crate::http::{ApiError, ApiResult};
use crate::problem::ProblemKind;
use crate::store::idempotency;

/// How long a key is remembered.
pub const KEEP_MS: i64 = 24 * 60 * 60 * 1000;
/// The longest key accepted.
pub const KEY_MAX: usize = 200;

/// A key that has not been used yet, with the hash of its request.
#[derive(Debug, Clone)]
pub struct Idem {
    pub user_id: String,
    pub key: String,
    pub route: &'static str,
    pub body_hash: String,
}

/// Reads the `Idempotency-Key` header value and checks it.
pub fn key_from_header(value: Option<String>) -> Result<String, ApiError> {
    let Some(key) = value.map(|k| k.trim().to_owned()).filter(|k| !k.is_empty()) else {
        return Err(ApiError::new(ProblemKind::IdempotencyKeyRequired));
    };
    if key.len() > KEY_MAX || !key.chars().all(|c| c.is_ascii_graphic()) {
        return Err(ApiError::bad_request(
            Issue::error("Idempotency-Key", IssueCode::TooLong).with("max", KEY_MAX),
        ));
    }
    Ok(key)
}

/// The request as remembered: a keyed hash (HMAC-SHA256 with the server
/// secret) of the route and the body with every `password` field left out.
/// A stored hash of a body with a password in it could be tried against
/// guesses at SHA-256 speed, undoing the password hash; this one reveals
/// nothing without the secret and holds no secret at all.
pub fn request_hash(route: &str, body: &[u8], secret: &str) -> Result<String, ApiError> {
    let without_secrets = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(serde_json::Value::Object(mut fields)) => {
            fields.remove("password");
            serde_json::to_vec(&fields).unwrap_or_default()
        }
        _ => body.to_vec(),
    };
    let mut input = Vec::with_capacity(route.len() + 1 + without_secrets.len());
    input.extend_from_slice(route.as_bytes());
    input.push(0);
    input.extend_from_slice(&without_secrets);
    Ok(crate::crypto::keyed_hex(secret, &input)?)
}

/// Forgets every record older than [`KEEP_MS`] (the daily sweep).
pub fn expire(db: &D1Database, now: i64) -> worker::Result<D1PreparedStatement> {
    idempotency::forget_before(db, now - KEEP_MS)
}

/// Looks the key up. `Ok(Err(idem))` means a fresh key: go on and create;
/// `Ok(Ok(resp))` is the stored answer to replay.
pub async fn begin(
    db: &D1Database,
    user_id: &str,
    key: String,
    route: &'static str,
    body: &[u8],
    secret: &str,
    now: i64,
) -> Result<Result<Response, Idem>, ApiError> {
    let idem = Idem {
        user_id: user_id.to_owned(),
        key,
        route,
        body_hash: request_hash(route, body, secret)?,
    };
    match lookup(db, &idem, now).await? {
        Some(resp) => Ok(Ok(resp)),
        None => Ok(Err(idem)),
    }
}

/// The stored answer to replay for `idem`, if there is one: forgotten
/// after [`KEEP_MS`], refused when the key came with another request.
async fn lookup(db: &D1Database, idem: &Idem, now: i64) -> Result<Option<Response>, ApiError> {
    let stored = idempotency::stored(db, &idem.user_id, &idem.key).await?;
    let Some(stored) = stored else {
        return Ok(None);
    };
    if now - stored.created_ms > KEEP_MS {
        // Forgotten: the key may be used afresh.
        idempotency::forget(db, &idem.user_id, &idem.key).await?;
        return Ok(None);
    }
    if stored.route != idem.route || stored.body_hash != idem.body_hash {
        return Err(ApiError::new(ProblemKind::IdempotencyKeyReused));
    }
    let resp = Response::ok(stored.response)?.with_status(stored.status as u16);
    resp.headers().set("Content-Type", "application/json")?;
    resp.headers().set("Idempotent-Replayed", "true")?;
    Ok(Some(resp))
}

/// The statement that stores the answer; run it in the creating batch.
pub fn record(
    db: &D1Database,
    idem: &Idem,
    status: u16,
    response: &str,
    now: i64,
) -> worker::Result<D1PreparedStatement> {
    idempotency::insert(
        db,
        &idempotency::Record {
            user_id: &idem.user_id,
            key: &idem.key,
            route: idem.route,
            body_hash: &idem.body_hash,
            status,
            response,
            now,
        },
    )
}

/// Runs a creating batch whose last statement is [`record`]; answers 201
/// with `response`, or — if another request with the same key won the race —
/// that request's answer. `on_conflict` maps other unique violations.
pub async fn create(
    db: &D1Database,
    idem: &Idem,
    mut statements: Vec<D1PreparedStatement>,
    response: String,
    now: i64,
    on_conflict: impl Fn(&worker::Error) -> Option<ApiError>,
) -> ApiResult {
    statements.push(record(db, idem, 201, &response, now)?);
    match db.batch(statements).await {
        Ok(_) => {
            let resp = Response::ok(response)?.with_status(201);
            resp.headers().set("Content-Type", "application/json")?;
            Ok(resp)
        }
        Err(e) if crate::db::is_unique_violation(&e, "idempotency") => {
            lookup(db, idem, now).await?.ok_or_else(|| e.into())
        }
        // Another unique rule failed (one open case per patient, say). If a
        // twin of this request — same key, same body — won the race, its
        // rows are what tripped the rule: answer as the twin was answered
        // (found by the fault-injecting proxy test, `tests/tests/faults.rs`).
        Err(e) => match lookup(db, idem, now).await? {
            Some(replay) => Ok(replay),
            None => Err(on_conflict(&e).unwrap_or_else(|| e.into())),
        },
    }
}
