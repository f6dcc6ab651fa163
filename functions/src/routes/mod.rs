//! The router. Every request passes the same gate, in this order, before a
//! handler sees it:
//!
//! 1. the route, from [`frist_domain::api::ROUTES`] (404 / 405 with `Allow`);
//! 2. CSRF: a state-changing request must carry an `Origin` equal to this
//!    site's (403);
//! 3. the body: at most the route's cap (413), and JSON (415);
//! 4. the session (401), then the route's roles (403, and an audit entry);
//! 5. on creating routes, `Idempotency-Key` (400 if missing; a replay
//!    answers from the store);
//! 6. on changing routes, `If-Match` (428 if missing).
//!
//! Handlers then scope every query to the caller's organisation (Helfo
//! sees all), so another organisation's object is simply not found (404).

mod audit;
pub mod fastlege;
mod frikort;
pub mod fristbrudd;
mod health;
mod kontroll;
mod mail;
pub mod organisations;
mod outbox;
mod overview;
pub mod session;
mod tokens;
pub mod users;

use frist_domain::api::{Access, Content, NoRoute, Page, RouteId, RouteSpec, find_route};
use frist_domain::{Issue, IssueCode};
use wasm_bindgen::JsValue;
use worker::{D1Database, Env, Request, Response, Result};

use crate::audit::Entry;
use crate::ctx::{Config, Ctx};
use crate::http::{ApiError, ApiResult};
use crate::problem::ProblemKind;

pub async fn handle(req: Request, env: Env) -> Result<Response> {
    match dispatch(req, &env).await {
        Ok(resp) => Ok(resp),
        Err(e) => e.into_response(),
    }
}

fn is_safe(method: &str) -> bool {
    matches!(method, "GET" | "HEAD" | "OPTIONS")
}

async fn dispatch(mut req: Request, env: &Env) -> ApiResult {
    let url = req.url()?;
    let method = req.method().to_string();
    let path = url.path().to_owned();
    let m = match find_route(&method, &path) {
        Ok(m) => m,
        Err(NoRoute::NotFound) => return Err(ApiError::not_found()),
        Err(NoRoute::MethodNotAllowed { allowed }) => {
            return Err(ApiError::new(ProblemKind::MethodNotAllowed)
                .with_header("Allow", allowed.join(", ")));
        }
    };
    let spec = m.spec;
    let config = Config::from_env(env);
    if spec.local_only && !config.local {
        return Err(ApiError::not_found());
    }
    // Production without its secrets does no work (only health answers, and
    // names what is missing): never a half-configured service.
    if spec.id != RouteId::Health && !config.missing_secrets().is_empty() {
        return Err(ApiError::new(ProblemKind::Misconfigured));
    }
    let params: Vec<(&'static str, String)> = m
        .params
        .iter()
        .map(|(k, v)| (*k, (*v).to_owned()))
        .collect();
    let now = now(&req, &config)?;
    let today = today(&req, &config, now)?;
    let host = url.host_str().unwrap_or("");
    let secure_cookies =
        !(url.scheme() == "http" && matches!(host, "localhost" | "127.0.0.1" | "[::1]"));

    if !is_safe(&method) {
        check_origin(&req, &url)?;
    }
    // Who is asking comes first: an anonymous or unauthorised caller is
    // refused before a byte of the body is read.
    let db = env.d1("DB")?;
    let secret = config.server_secret.clone().unwrap_or_default();
    // The client as the throttle and the audit trail know it: a keyed hash
    // of its address (a plain hash of an IPv4 address is easily reversed).
    let client_key = crate::crypto::keyed_hex(
        &secret,
        req.headers()
            .get("CF-Connecting-IP")?
            .unwrap_or_else(|| "unknown".into())
            .as_bytes(),
    )?;
    let caller = if spec.access == Access::Public {
        None
    } else {
        let mut caller = crate::auth::authenticate(&req, &db, &config, secure_cookies, now)
            .await?
            .ok_or_else(crate::auth::unauthenticated)?;
        caller.client_key = client_key.clone();
        if !spec.access.allows(caller.role) {
            deny(&db, now, &caller, spec.id).await?;
            return Err(ApiError::new(ProblemKind::Forbidden));
        }
        Some(caller)
    };
    let body = read_body(&mut req, spec, &method).await?;

    let idem = match (spec.creates, &caller) {
        (true, Some(c)) => {
            let key = crate::idempotency::key_from_header(req.headers().get("Idempotency-Key")?)?;
            let route: &'static str = spec.id.into();
            match crate::idempotency::begin(&db, &c.user_id, key, route, &body, &secret, now)
                .await?
            {
                Ok(replay) => return Ok(replay),
                Err(fresh) => Some(fresh),
            }
        }
        _ => None,
    };
    let if_match = if spec.conditional {
        Some(parse_if_match(req.headers().get("If-Match")?)?)
    } else {
        None
    };

    let ctx = Ctx {
        db,
        params,
        query: url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect(),
        body,
        caller,
        now,
        config,
        today,
        env: env.clone(),
        secure_cookies,
        client_key,
        idem,
        if_match,
    };
    let remaining = ctx
        .caller
        .as_ref()
        .and_then(|c| c.session_expires)
        .map(|e| e - now);
    let result = match spec.id {
        RouteId::Health => health::get(&ctx).await,
        RouteId::Login => session::login(&ctx).await,
        RouteId::SessionGet => session::get(&ctx).await,
        RouteId::Logout => session::logout(&ctx).await,
        RouteId::OrganisationList => organisations::list(&ctx).await,
        RouteId::OrganisationCreate => organisations::create(&ctx).await,
        RouteId::OrganisationGet => organisations::get(&ctx).await,
        RouteId::OrganisationAccount => organisations::set_account(&ctx).await,
        RouteId::UserList => users::list(&ctx).await,
        RouteId::UserCreate => users::create(&ctx).await,
        RouteId::UserGet => users::get(&ctx).await,
        RouteId::UserUpdate => users::update(&ctx).await,
        RouteId::AuditList => audit::list(&ctx).await,
        RouteId::FbCaseCreate => fristbrudd::create(&ctx).await,
        RouteId::FbPatientCheck => fristbrudd::patient_check(&ctx).await,
        RouteId::FbCaseList => fristbrudd::list(&ctx).await,
        RouteId::FbQueue => fristbrudd::queue(&ctx).await,
        RouteId::FbCaseGet => fristbrudd::get(&ctx).await,
        RouteId::FbEvent => fristbrudd::event(&ctx).await,
        RouteId::FbDocumentPut => fristbrudd::put_document(&ctx).await,
        RouteId::FbDocumentGet => fristbrudd::get_document(&ctx).await,
        RouteId::FbStats => fristbrudd::stats(&ctx).await,
        RouteId::OutboxList => outbox::list(&ctx).await,
        RouteId::Sweep => fristbrudd::sweep_route(&ctx).await,
        RouteId::FlMessageCreate => fastlege::create(&ctx).await,
        RouteId::FlMessageList => fastlege::list(&ctx).await,
        RouteId::FlMessageGet => fastlege::get(&ctx).await,
        RouteId::FlRegister => fastlege::register(&ctx).await,
        RouteId::FlDashboard => fastlege::dashboard(&ctx).await,
        RouteId::FlChase => fastlege::chase(&ctx).await,
        RouteId::FkClaimCreate => frikort::create(&ctx).await,
        RouteId::FkClaimList => frikort::list(&ctx).await,
        RouteId::FkClaimGet => frikort::get(&ctx).await,
        RouteId::FkChunkPut => frikort::put_chunk(&ctx).await,
        RouteId::FkSubmit => frikort::submit(&ctx).await,
        RouteId::FkLines => frikort::lines(&ctx).await,
        RouteId::FkDecision => frikort::decide(&ctx).await,
        RouteId::FkApproveClean => frikort::approve_clean(&ctx).await,
        RouteId::FkPayment => frikort::payment(&ctx).await,
        RouteId::FkRepayment => frikort::repayment(&ctx).await,
        RouteId::FkReport => frikort::report(&ctx).await,
        RouteId::TokenCreate => tokens::create(&ctx).await,
        RouteId::TokenList => tokens::list(&ctx).await,
        RouteId::TokenRevoke => tokens::revoke(&ctx).await,
        RouteId::KtMonthPut => kontroll::put_month(&ctx).await,
        RouteId::KtMonthGet => kontroll::get_month(&ctx).await,
        RouteId::Overview => overview::overview(&ctx).await,
        RouteId::Find => overview::find(&ctx).await,
        RouteId::FbPatientSearch => fristbrudd::patient_search(&ctx).await,
        RouteId::MailList => mail::list(&ctx).await,
        RouteId::MailResend => mail::resend(&ctx).await,
        RouteId::MailSend => mail::send_now(&ctx).await,
    };
    // How long the session lasts unused: the app warns before it ends.
    if let (Ok(resp), Some(ms)) = (&result, remaining) {
        let _ = resp.headers().set("X-Session-Remaining", &ms.to_string());
    }
    // A probe of an object the caller may not see (another organisation's
    // id, or none at all) answers 404 like a missing one — and is audited.
    if let (Err(e), Some(caller)) = (&result, &ctx.caller)
        && e.kind.status() == 404
        && let Some((_, id)) = ctx.params.first()
    {
        let id: String = id.chars().take(100).collect();
        let route: &'static str = spec.id.into();
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
    result
}

/// The instant of this request (Unix ms); in local mode with the test clock
/// on, the one the `X-Frist-Now` header names, so tests of session expiry
/// and throttle windows never depend on how fast the machine is.
fn now(req: &Request, config: &Config) -> std::result::Result<i64, ApiError> {
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
fn today(
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
fn check_origin(req: &Request, url: &worker::Url) -> std::result::Result<(), ApiError> {
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

async fn read_body(
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
fn parse_if_match(value: Option<String>) -> std::result::Result<i64, ApiError> {
    let Some(v) = value else {
        return Err(ApiError::new(ProblemKind::IfMatchRequired));
    };
    let v = v.trim();
    let v = v.strip_prefix("W/").unwrap_or(v);
    v.trim_matches('"')
        .parse::<i64>()
        .map_err(|_| crate::routes::users::stale(0))
}

async fn deny(
    db: &D1Database,
    now: i64,
    caller: &crate::ctx::Caller,
    route: RouteId,
) -> Result<()> {
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

/// The page of `items` (fetched with one extra row to see if more follow).
pub fn page<T>(mut items: Vec<T>, limit: i64, cursor_of: impl Fn(&T) -> String) -> Page<T> {
    let limit = usize::try_from(limit).unwrap_or(0);
    let more = items.len() > limit;
    items.truncate(limit);
    let next_cursor = if more {
        items.last().map(cursor_of)
    } else {
        None
    };
    Page { items, next_cursor }
}

/// `?cursor=` of a list newest first: the last sequence number of the
/// previous page (a positive whole number, else 400).
pub fn seq_cursor(ctx: &Ctx) -> std::result::Result<Option<i64>, ApiError> {
    match ctx.query("cursor").filter(|c| !c.is_empty()) {
        None => Ok(None),
        Some(c) => c
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0)
            .map(Some)
            .ok_or_else(|| ApiError::bad_request(Issue::error("cursor", IssueCode::CursorInvalid))),
    }
}

/// One row of `table` (aliased `alias`, joined to its organisation as `o`)
/// by id, if the caller's `scope` may see it (NULL: Helfo sees all).
pub async fn load_scoped<R: serde::de::DeserializeOwned>(
    db: &D1Database,
    columns: &str,
    (table, alias): (&str, &str),
    id: &str,
    scope: JsValue,
) -> std::result::Result<Option<R>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT {columns} FROM {table} {alias} JOIN organisations o ON o.id = {alias}.organisation_id \
             WHERE {alias}.id = ?1 AND (?2 IS NULL OR {alias}.organisation_id = ?2)"
        ))
        .bind(&[JsValue::from_str(id), scope])?
        .first::<R>(None)
        .await?)
}

/// The next number of the yearly counter `name` (`fristbrudd`,
/// `fastlege`), formatted by `format(year, n)`. A number taken by a
/// submission that is then refused is not reused: gaps, never duplicates.
pub async fn next_number(
    db: &D1Database,
    name: &str,
    year: i32,
    format: fn(i32, i64) -> String,
) -> std::result::Result<String, ApiError> {
    #[derive(serde::Deserialize)]
    struct N {
        n: i64,
    }
    let n = db
        .prepare(
            "INSERT INTO counters (name, year, n) VALUES (?1, ?2, 1) \
             ON CONFLICT (name, year) DO UPDATE SET n = n + 1 RETURNING n",
        )
        .bind(&[JsValue::from_str(name), crate::db::int(i64::from(year))])?
        .first::<N>(None)
        .await?
        .ok_or_else(|| worker::Error::RustError("counter returned nothing".into()))?;
    Ok(format(year, n.n))
}

/// `?limit=` and `?cursor=` of a list of `table`: the page size (1–200),
/// and the id the previous page ended on. A cursor that names no row the
/// caller can see (scoped by `scope_column`) is refused (400), never
/// silently restarted.
pub async fn list_window<'c>(
    ctx: &'c Ctx,
    table: &str,
    scope_column: &str,
) -> std::result::Result<(i64, Option<&'c str>), ApiError> {
    let caller = ctx.caller()?;
    let limit =
        frist_domain::api::parse_limit(ctx.query("limit")).map_err(ApiError::bad_request)?;
    let cursor = ctx.query("cursor").filter(|c| !c.is_empty());
    if let Some(c) = cursor {
        let found = ctx
            .db
            .prepare(format!(
                "SELECT 1 AS ok FROM {table} WHERE id = ?1 AND (?2 IS NULL OR {scope_column} = ?2)"
            ))
            .bind(&[JsValue::from_str(c), caller.scope()])?
            .first::<serde_json::Value>(None)
            .await?;
        if found.is_none() {
            return Err(ApiError::bad_request(Issue::error(
                "cursor",
                IssueCode::CursorInvalid,
            )));
        }
    }
    Ok((limit, cursor))
}

/// A list of a table with `id` and `name` columns, sorted by name.
pub struct Listing<'a> {
    pub table: &'static str,
    pub columns: &'static str,
    /// The column holding the owning organisation's id.
    pub scope_column: &'static str,
    /// An optional `column = value` filter from the query string.
    pub filter: (&'static str, Option<&'a str>),
}

/// One page of `listing` as the caller may see it, alphabetical by name.
/// `?limit=` sets the page size; `?cursor=` is the last id of the previous
/// page. A cursor that names no row the caller can see is refused (400),
/// never silently restarted.
pub async fn alphabetical_page<R, V>(
    ctx: &Ctx,
    listing: &Listing<'_>,
    view: impl Fn(R) -> Option<V>,
    id_of: impl Fn(&V) -> String,
) -> ApiResult
where
    R: serde::de::DeserializeOwned,
    V: serde::Serialize,
{
    let caller = ctx.caller()?;
    let Listing {
        table,
        columns,
        scope_column,
        filter: (filter_column, filter),
    } = listing;
    let (limit, cursor) = list_window(ctx, table, scope_column).await?;
    let rows = ctx
        .db
        .prepare(format!(
            "SELECT {columns} FROM {table} \
             WHERE (?1 IS NULL OR {scope_column} = ?1) \
               AND (?2 IS NULL OR (name, id) > (SELECT name, id FROM {table} WHERE id = ?2)) \
               AND (?4 IS NULL OR {filter_column} = ?4) \
             ORDER BY name, id LIMIT ?3"
        ))
        .bind(&[
            caller.scope(),
            crate::db::opt(cursor),
            crate::db::int(limit + 1),
            crate::db::opt(filter.filter(|f| !f.is_empty())),
        ])?
        .all()
        .await?
        .results::<R>()?;
    let items = rows.into_iter().filter_map(view).collect();
    Ok(crate::http::json(&page(items, limit, id_of), 200)?)
}

/// Creates one object: its insert, its audit entry and its idempotency
/// record in one D1 batch, answering 201 with `view`. A unique violation on
/// the table `unique.0` is reported as the issue `unique.1`.
pub async fn create_object<T: serde::Serialize>(
    ctx: &Ctx,
    mut inserts: Vec<worker::D1PreparedStatement>,
    entry: &Entry<'_>,
    view: &T,
    unique: (&str, Issue),
) -> ApiResult {
    let caller = ctx.caller()?;
    inserts.push(crate::audit::entry(&ctx.db, ctx.now, caller, entry)?);
    let body = serde_json::to_string(view).map_err(|e| worker::Error::RustError(e.to_string()))?;
    crate::idempotency::create(&ctx.db, ctx.idem()?, inserts, body, ctx.now, |e| {
        crate::db::is_unique_violation(e, unique.0).then(|| {
            let mut r = frist_domain::Report::new();
            r.push(unique.1.clone());
            ApiError::invalid(r)
        })
    })
    .await
}
