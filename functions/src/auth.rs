//! Sessions: random tokens in an `HttpOnly; SameSite=Strict` cookie, stored
//! only as their SHA-256 in D1 (a database leak yields no usable token),
//! with idle and absolute expiry checked on every request. Logout and
//! deactivation end sessions in D1 at once (ASVS 7.4.1, 7.4.2) — sessions
//! never live in KV, which may be a minute stale.

use frist_domain::access::{Role, SessionStatus};
use worker::{D1Database, Request};

use crate::crypto::sha256_hex;
use crate::ctx::{Caller, Config};
use crate::http::ApiError;
use crate::problem::ProblemKind;
use crate::store::{sessions, tokens};

/// The cookie's name: `__Host-` prefixed (Secure, host-only, Path=/)
/// except over plain HTTP on localhost, where browsers refuse `Secure`.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-frist_session"
    } else {
        "frist_session"
    }
}

/// `Set-Cookie` for a new session.
pub fn session_cookie(token: &str, secure: bool, max_age_s: i64) -> String {
    let secure_attr = if secure { "; Secure" } else { "" };
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age_s}{secure_attr}",
        cookie_name(secure)
    )
}

/// `Set-Cookie` that removes the session cookie.
pub fn clear_cookie(secure: bool) -> String {
    session_cookie("", secure, 0)
}

fn token_from(req: &Request, secure: bool) -> Option<String> {
    let header = req.headers().get("Cookie").ok()??;
    let name = cookie_name(secure);
    header.split(';').find_map(|part| {
        let (k, v) = part.trim().split_once('=')?;
        (k == name && v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| v.to_owned())
    })
}

/// 401: not logged in.
pub fn unauthenticated() -> ApiError {
    ApiError::new(ProblemKind::Unauthenticated)
}

fn expired(secure: bool) -> ApiError {
    ApiError::new(ProblemKind::SessionExpired).with_header("Set-Cookie", clear_cookie(secure))
}

/// A program's `Authorization: Bearer frist_<64 hex>`, if any.
fn bearer_from(req: &Request) -> Option<String> {
    let header = req.headers().get("Authorization").ok()??;
    let token = header.strip_prefix("Bearer ")?.trim();
    let hex = token.strip_prefix("frist_")?;
    (hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit())).then(|| token.to_owned())
}

/// The caller behind an API token: refused (401) when unknown, revoked,
/// expired, or its user is inactive (or a demo user outside local mode).
async fn from_token(
    token: &str,
    db: &D1Database,
    config: &Config,
    now: i64,
) -> Result<Caller, ApiError> {
    let refused = || ApiError::new(ProblemKind::TokenInvalid);
    let row = tokens::by_hash(db, &sha256_hex(token.as_bytes()))
        .await?
        .ok_or_else(refused)?;
    if row.revoked_ms.is_some()
        || now > row.expires_ms
        || row.active == 0
        || (row.demo != 0 && !config.local)
    {
        return Err(refused());
    }
    // Its last use, for the owner's list (at most once a minute: one
    // write per program run is enough to see it is alive).
    tokens::note_used(db, &row.token_id, now).await?;
    Ok(Caller {
        user_id: row.user_id,
        organisation_id: row.organisation_id,
        role: row.role.parse().map_err(|_| refused())?,
        session_id: row.token_id,
        session_created: row.created_ms,
        session_expires: None,
        via_token: true,
        client_key: String::new(),
    })
}

/// The caller of a request, from its session cookie (or, for programs, an
/// API token). Neither: `Ok(None)`.
/// An ended, expired or unknown session, or an account that is inactive
/// (or a demo account in production): 401, and the cookie is cleared.
pub async fn authenticate(
    req: &Request,
    db: &D1Database,
    config: &Config,
    secure: bool,
    now: i64,
) -> Result<Option<Caller>, ApiError> {
    if let Some(bearer) = bearer_from(req) {
        return from_token(&bearer, db, config, now).await.map(Some);
    }
    let Some(token) = token_from(req, secure) else {
        return Ok(None);
    };
    let row = sessions::by_hash(db, &sha256_hex(token.as_bytes())).await?;
    let Some(row) = row else {
        return Err(expired(secure));
    };
    if row.ended_ms.is_some() || row.active == 0 || (row.demo != 0 && !config.local) {
        return Err(expired(secure));
    }
    match config.session.status(row.created_ms, row.last_seen_ms, now) {
        SessionStatus::Expired(reason) => {
            let reason: &'static str = reason.into();
            sessions::expire(db, &row.session_id, now, reason).await?;
            Err(expired(secure))
        }
        SessionStatus::Active { expires_at } => {
            // Record use, at most every quarter of the idle time (and at
            // least once a minute), to keep writes down.
            let step = (config.session.idle_ms / 4).min(60_000);
            let mut expires = expires_at;
            if now - row.last_seen_ms >= step {
                if let SessionStatus::Active { expires_at } =
                    config.session.status(row.created_ms, now, now)
                {
                    expires = expires_at;
                }
                sessions::touch(db, &row.session_id, now).await?;
            }
            let role: Role = row.role.parse().map_err(|_| expired(secure))?;
            Ok(Some(Caller {
                user_id: row.user_id,
                organisation_id: row.organisation_id,
                role,
                session_id: row.session_id,
                session_created: row.created_ms,
                session_expires: Some(expires),
                via_token: false,
                client_key: String::new(),
            }))
        }
    }
}
