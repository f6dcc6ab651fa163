//! The gate every request passes before its handler (see [`super`]): the
//! request's clock, CSRF, the body, the caller and its roles, idempotency
//! and `If-Match`, and the audit of a probe that found nothing.

use frist_domain::api::{Access, Content, RouteId, RouteSpec};
use frist_domain::{Issue, IssueCode};
use worker::{D1Database, Request, Response, Result};

use crate::audit::Entry;
use crate::ctx::{Caller, Config, Ctx};
use crate::http::{ApiError, ApiResult};
use crate::idempotency::Idem;
use crate::problem::ProblemKind;

pub(super) fn is_safe(method: &str) -> bool {
    matches!(method, "GET" | "HEAD" | "OPTIONS")
}

/// Whether the session cookie is `Secure`: always, but on plain-HTTP
/// localhost.
pub(super) fn secure_cookies(url: &worker::Url) -> bool {
    let host = url.host_str().unwrap_or("");
    !(url.scheme() == "http" && matches!(host, "localhost" | "127.0.0.1" | "[::1]"))
}

/// The client as the throttle and the audit trail know it: a keyed hash of
/// its address (a plain hash of an IPv4 address is easily reversed).
pub(super) fn client_key(req: &Request, config: &Config) -> std::result::Result<String, ApiError> {
    let secret = config.server_secret.clone().unwrap_or_default();
    Ok(crate::crypto::keyed_hex(
        &secret,
        req.headers()
            .get("CF-Connecting-IP")?
            .unwrap_or_else(|| "unknown".into())
            .as_bytes(),
    )?)
}

/// Production without its secrets does no work (only health answers, and
/// names what is missing): never a half-configured service. A local-only
/// route is not found elsewhere.
pub(super) fn check_config(spec: &RouteSpec, config: &Config) -> std::result::Result<(), ApiError> {
    if spec.local_only && !config.local {
        return Err(ApiError::not_found());
    }
    if spec.id != RouteId::Health && !config.missing_secrets().is_empty() {
        return Err(ApiError::new(ProblemKind::Misconfigured));
    }
    Ok(())
}

/// Who is asking, on any route but a public one: 401 without a session,
/// 403 (audited) when the route's roles do not include the caller's.
pub(super) async fn caller(
    req: &Request,
    db: &D1Database,
    config: &Config,
    spec: &RouteSpec,
    secure_cookies: bool,
    now: i64,
    client_key: &str,
) -> std::result::Result<Option<Caller>, ApiError> {
    if spec.access == Access::Public {
        return Ok(None);
    }
    let mut caller = crate::auth::authenticate(req, db, config, secure_cookies, now)
        .await?
        .ok_or_else(crate::auth::unauthenticated)?;
    caller.client_key = client_key.to_owned();
    if !spec.access.allows(caller.role) {
        deny(db, now, &caller, spec.id).await?;
        return Err(ApiError::new(ProblemKind::Forbidden));
    }
    Ok(Some(caller))
}

/// On a creating route, the `Idempotency-Key`: `Err` with the stored answer
/// when this is a replay, else the record to complete.
pub(super) async fn idempotency(
    req: &Request,
    db: &D1Database,
    spec: &RouteSpec,
    caller: Option<&Caller>,
    body: &[u8],
    config: &Config,
    now: i64,
) -> std::result::Result<std::result::Result<Option<Idem>, Response>, ApiError> {
    let (true, Some(c)) = (spec.creates, caller) else {
        return Ok(Ok(None));
    };
    let secret = config.server_secret.clone().unwrap_or_default();
    let key = crate::idempotency::key_from_header(req.headers().get("Idempotency-Key")?)?;
    let route: &'static str = spec.id.into();
    Ok(
        match crate::idempotency::begin(db, &c.user_id, key, route, body, &secret, now).await? {
            Ok(replay) => Err(replay),
            Err(fresh) => Ok(Some(fresh)),
        },
    )
}

/// On a changing route, the version `If-Match` names.
pub(super) fn if_match(
    req: &Request,
    spec: &RouteSpec,
) -> std::result::Result<Option<i64>, ApiError> {
    if !spec.conditional {
        return Ok(None);
    }
    Ok(Some(parse_if_match(req.headers().get("If-Match")?)?))
}

/// After the handler: how long the session lasts unused (the app warns
/// before it ends); and a probe of an object the caller may not see
/// (another organisation's id, or none at all) answers 404 like a missing
/// one — and is audited.
pub(super) async fn after(
    ctx: &Ctx,
    route: RouteId,
    result: &ApiResult,
    remaining: Option<i64>,
) -> Result<()> {
    if let (Ok(resp), Some(ms)) = (result, remaining) {
        let _ = resp.headers().set("X-Session-Remaining", &ms.to_string());
    }
    if let (Err(e), Some(caller)) = (result, &ctx.caller)
        && e.kind.status() == 404
        && let Some((_, id)) = ctx.params.first()
    {
        let id: String = id.chars().take(100).collect();
        let route: &'static str = route.into();
        let entry = Entry {
            action: "access.not_found",
            object_kind: route,
            object_id: Some(&id),
            organisation_id: None,
        };
        crate::audit::entry(&ctx.db, ctx.now, caller, &entry)?
            .run()
            .await?;
    }
    Ok(())
}

/// The instant of this request (Unix ms); in local mode with the test clock
/// on, the one the `X-Frist-Now` header names, so tests of session expiry
/// and throttle windows never depend on how fast the machine is.
pub(super) fn now(req: &Request, config: &Config) -> std::result::Result<i64, ApiError> {
    let real = worker::Date::now().as_millis() as i64;
    if !config.test_clock {
        return Ok(real);
    }
    match req.headers().get("X-Frist-Now")? {
        None => Ok(real),
        Some(v) => v
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|ms| *ms > 0)
            .ok_or_else(|| {
                ApiError::bad_request(
                    Issue::error("X-Frist-Now", IssueCode::NumberOutOfRange)
                        .with("min", 1i64)
                        .with("max", i64::MAX),
                )
            }),
    }
}

/// Today in Oslo; in local mode with the test clock on, the date the
/// `X-Frist-Today` header names (400 if it names none).
pub(super) fn today(
    req: &Request,
    config: &Config,
    now: i64,
) -> std::result::Result<chrono::NaiveDate, ApiError> {
    let oslo = frist_domain::calendar::oslo_date_from_millis(now)
        .ok_or_else(|| worker::Error::RustError("clock out of range".into()))?;
    if !config.test_clock {
        return Ok(oslo);
    }
    match req.headers().get("X-Frist-Today")? {
        None => Ok(oslo),
        Some(v) => frist_domain::calendar::parse_date(&v).ok_or_else(|| {
            ApiError::bad_request(Issue::error("X-Frist-Today", IssueCode::DateInvalid))
        }),
    }
}

/// CSRF: the `Origin` of a state-changing request must be this site.
/// Browsers always send it on cross-site and same-site POST/PATCH/DELETE;
/// other clients (the CLI) send it themselves.
pub(super) fn check_origin(req: &Request, url: &worker::Url) -> std::result::Result<(), ApiError> {
    let origin = req.headers().get("Origin")?;
    let own = url.origin().ascii_serialization();
    let via_host = req
        .headers()
        .get("Host")?
        .map(|h| format!("{}://{h}", url.scheme()));
    match origin {
        Some(o) if o == own || Some(&o) == via_host.as_ref() => Ok(()),
        _ => Err(ApiError::new(ProblemKind::CsrfOrigin)),
    }
}

pub(super) async fn read_body(
    req: &mut Request,
    spec: &RouteSpec,
    method: &str,
) -> std::result::Result<Vec<u8>, ApiError> {
    let max = spec.max_body;
    let too_large = || ApiError::new(ProblemKind::BodyTooLarge).arg("kb", max / 1024);
    if let Some(len) = req.headers().get("Content-Length")?
        && len.trim().parse::<usize>().map_or(true, |n| n > max)
    {
        return Err(too_large());
    }
    if is_safe(method) {
        return Ok(Vec::new());
    }
    // Read piece by piece and stop at the cap: a body sent without (or with
    // a false) Content-Length is never held whole beyond it.
    let mut body = Vec::new();
    if let Ok(mut stream) = req.stream() {
        use futures_util::StreamExt;
        while let Some(piece) = stream.next().await {
            let Ok(piece) = piece else { break };
            if body.len() + piece.len() > max {
                return Err(too_large());
            }
            body.extend_from_slice(&piece);
        }
    }
    let (wanted, refused) = match spec.content {
        Content::Json => ("application/json", ProblemKind::UnsupportedJson),
        Content::Pdf => ("application/pdf", ProblemKind::UnsupportedPdf),
    };
    let typed = req.headers().get("Content-Type")?.is_some_and(|t| {
        t.split(';')
            .next()
            .is_some_and(|m| m.trim().eq_ignore_ascii_case(wanted))
    });
    if !body.is_empty() && !typed
        || body.is_empty() && matches!(method, "POST" | "PUT" | "PATCH") && !typed
    {
        return Err(ApiError::new(refused));
    }
    Ok(body)
}

/// `If-Match: "3"` → 3. Missing: 428. Malformed: 412 (it matches nothing).
pub(super) fn parse_if_match(value: Option<String>) -> std::result::Result<i64, ApiError> {
    let Some(v) = value else {
        return Err(ApiError::new(ProblemKind::IfMatchRequired));
    };
    let v = v.trim();
    let v = v.strip_prefix("W/").unwrap_or(v);
    v.trim_matches('"')
        .parse::<i64>()
        .map_err(|_| crate::routes::users::stale(0))
}

async fn deny(db: &D1Database, now: i64, caller: &Caller, route: RouteId) -> Result<()> {
    let route: &'static str = route.into();
    crate::audit::entry(
        db,
        now,
        caller,
        &Entry {
            action: "access.denied",
            object_kind: "route",
            object_id: Some(route),
            organisation_id: Some(&caller.organisation_id),
        },
    )?
    .run()
    .await?;
    Ok(())
}
