//! `POST /api/v1/session` (log in), `GET` (who am I, until when) and
//! `DELETE` (log out).
//!
//! A failed login never says whether the e-mail address exists: an unknown
//! address costs the same PBKDF2 work and gets the same answer as a wrong
//! password. Failures are counted per account and per client; past the
//! limit the answer is 429 with `Retry-After`, without checking the
//! password at all.

use frist_domain::access::{Failures, Throttle, minutes_to_wait, normalise_email};
use frist_domain::api::{LoginRequest, SessionView};
use frist_domain::oidc::Provider;
use worker::Response;

use crate::audit::{self, Actor, Entry};
use crate::auth::{clear_cookie, session_cookie};
use crate::crypto::{DUMMY_HASH, new_id, session_token, sha256_hex, verify_password};
use crate::ctx::Ctx;
use crate::http::{self, ApiError, ApiResult};
use crate::problem::ProblemKind;
use crate::store::{logins, sessions};

/// The throttle's key for an account: a hash of its normalised e-mail, so
/// an unknown address is counted like a known one.
pub fn account_key(email: &str) -> String {
    format!("a:{}", sha256_hex(normalise_email(email).as_bytes()))
}

fn login_failed() -> ApiError {
    ApiError::new(ProblemKind::LoginFailed)
}

/// The keys of one attempt: the account's and the client's, and where
/// the throttle's window starts.
struct Attempt {
    email: String,
    account_key: String,
    client_key: String,
    window_start: i64,
}

/// `POST /api/v1/session`: the throttle, then the password, then a session.
pub async fn login(ctx: &Ctx) -> ApiResult {
    // Production signs people in through HelseID and ID-porten; e-mail and
    // password only where a setting turns them on (and in local mode).
    if !ctx.config.password_login {
        return Err(ApiError::new(ProblemKind::PasswordLoginOff));
    }
    let form: LoginRequest = ctx.json()?;
    let report = form.validate();
    if report.has_errors() {
        return Err(ApiError::invalid(report));
    }
    let email = normalise_email(&form.email);
    let attempt = Attempt {
        account_key: account_key(&email),
        client_key: format!("c:{}", ctx.client_key),
        window_start: ctx.now - ctx.config.throttle.window_ms,
        email,
    };
    check_throttle(ctx, &attempt).await?;
    reserve_attempt(ctx, &attempt).await?;
    let account = weigh_password(ctx, &attempt, &form.password).await?;
    let clear = logins::clear(
        &ctx.db,
        &attempt.account_key,
        &attempt.client_key,
        ctx.now,
        attempt.window_start,
    )?;
    let (view, cookie) = open(
        ctx,
        &account.id,
        &account.organisation_id,
        None,
        vec![clear],
    )
    .await?;
    let resp = http::json(&view, 201)?;
    resp.headers().set("Set-Cookie", &cookie)?;
    Ok(resp)
}

/// 429 with `Retry-After`: wait this long.
fn locked(retry_after_ms: i64) -> ApiError {
    ApiError::new(ProblemKind::TooManyAttempts)
        .arg("minutes", minutes_to_wait(retry_after_ms))
        .with_header("Retry-After", ((retry_after_ms + 999) / 1000).to_string())
}

/// Past the limit (per account or per client), no password is weighed.
async fn check_throttle(ctx: &Ctx, a: &Attempt) -> Result<(), ApiError> {
    let (account, client) =
        logins::failures(&ctx.db, &a.account_key, &a.client_key, a.window_start).await?;
    match ctx.config.throttle.verdict(account, client, ctx.now) {
        Throttle::Locked { retry_after_ms } => Err(locked(retry_after_ms)),
        Throttle::Allowed => Ok(()),
    }
}

/// The attempt is counted before the password is weighed; a success takes
/// its marks away again. When another try took the last place in the
/// meantime, this one is refused as if the limit had been reached.
async fn reserve_attempt(ctx: &Ctx, a: &Attempt) -> Result<(), ApiError> {
    let throttle = ctx.config.throttle;
    let reserved = logins::reserve(
        &ctx.db,
        &a.account_key,
        &a.client_key,
        ctx.now,
        a.window_start,
        throttle,
    )
    .await?;
    if reserved {
        return Ok(());
    }
    let full = Failures {
        count: throttle.per_account.max(throttle.per_client),
        oldest: a.window_start + 1,
    };
    let retry = match throttle.verdict(full, full, ctx.now) {
        Throttle::Locked { retry_after_ms } => retry_after_ms,
        Throttle::Allowed => throttle.window_ms,
    };
    Err(locked(retry))
}

/// The account, if the password is right and the account usable (active;
/// a demo account only in local mode). An unknown address costs the same
/// PBKDF2 work as a known one and gets the same answer; a failure is
/// audited (its mark was made when the attempt was reserved).
async fn weigh_password(
    ctx: &Ctx,
    a: &Attempt,
    password: &str,
) -> Result<logins::Account, ApiError> {
    let account = logins::account(&ctx.db, &a.email).await?;
    let stored = account
        .as_ref()
        .map_or(DUMMY_HASH, |a| a.password_hash.as_str());
    let password_ok = verify_password(password, stored).await?;
    let usable = account
        .as_ref()
        .is_some_and(|a| a.active != 0 && (a.demo == 0 || ctx.config.local));
    let account = match account {
        Some(account) if password_ok && usable => return Ok(account),
        other => other,
    };
    let uid = account.as_ref().map(|a| a.id.as_str());
    let oid = account.as_ref().map(|a| a.organisation_id.as_str());
    let actor = Actor {
        user_id: uid,
        organisation_id: oid,
        session_id: None,
        client: Some(&ctx.client_key),
    };
    let entry = Entry {
        action: "login.failed",
        object_kind: "session",
        object_id: None,
        organisation_id: oid,
    };
    audit::entry(&ctx.db, ctx.now, actor, &entry)?.run().await?;
    Err(login_failed())
}

/// Opens a session for a user who has proved who they are (a password, or
/// a provider's ID token: `provider`), together with `extra` statements in
/// the same batch, and audits the login. Answers the session and the
/// `Set-Cookie` value.
pub async fn open(
    ctx: &Ctx,
    user_id: &str,
    organisation_id: &str,
    provider: Option<Provider>,
    extra: Vec<worker::D1PreparedStatement>,
) -> Result<(SessionView, String), ApiError> {
    let token = session_token()?;
    let session_id = new_id("s")?;
    let provider_name = provider.map(<&'static str>::from);
    let mut batch = vec![
        sessions::insert(
            &ctx.db,
            &sessions::NewSession {
                id: &session_id,
                token_hash: &sha256_hex(token.as_bytes()),
                user_id,
                now: ctx.now,
                provider: provider_name,
            },
        )?,
        audit::entry(
            &ctx.db,
            ctx.now,
            Actor {
                user_id: Some(user_id),
                organisation_id: Some(organisation_id),
                session_id: Some(&session_id),
                client: Some(&ctx.client_key),
            },
            &Entry {
                action: match provider {
                    None => "login",
                    Some(Provider::Helseid) => "login.helseid",
                    Some(Provider::Idporten) => "login.idporten",
                },
                object_kind: "session",
                object_id: Some(&session_id),
                organisation_id: Some(organisation_id),
            },
        )?,
    ];
    batch.extend(extra);
    ctx.db.batch(batch).await?;
    let view = session_view(ctx, user_id, ctx.now).await?;
    let cookie = session_cookie(
        &token,
        ctx.secure_cookies,
        ctx.config.session.absolute_ms / 1000,
    );
    Ok((view, cookie))
}

async fn session_view(ctx: &Ctx, user_id: &str, created: i64) -> Result<SessionView, ApiError> {
    let user = crate::store::users::load(&ctx.db, user_id, wasm_bindgen::JsValue::NULL)
        .await?
        .ok_or_else(crate::auth::unauthenticated)?;
    let organisation = crate::store::organisations::load(
        &ctx.db,
        &user.organisation_id,
        wasm_bindgen::JsValue::NULL,
    )
    .await?
    .ok_or_else(crate::auth::unauthenticated)?;
    let expires_at = ctx.config.session.expires_at(created, ctx.now);
    // The user's draft key, the same at every login of this user and for
    // nobody else: drafts survive an expired session, not a change of user.
    let secret = ctx.config.server_secret.as_deref().unwrap_or_default();
    let draft_key = crate::crypto::keyed_hex(secret, format!("draft-key:{user_id}").as_bytes())?;
    let owner = crate::crypto::keyed_hex(secret, format!("draft-owner:{user_id}").as_bytes())?;
    Ok(SessionView {
        user,
        organisation,
        remaining_ms: expires_at - ctx.now,
        expires_at,
        absolute_expires_at: created + ctx.config.session.absolute_ms,
        mode: ctx.config.mode.clone(),
        draft_key: Some(draft_key),
        draft_owner: Some(owner.chars().take(16).collect()),
        list_bounds: ctx.config.list_bounds,
    })
}

pub async fn get(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let view = session_view(ctx, &caller.user_id, caller.session_created).await?;
    Ok(http::json(&view, 200)?)
}

pub async fn logout(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    ctx.db
        .batch(vec![
            sessions::log_out(&ctx.db, &caller.session_id, ctx.now)?,
            audit::entry(
                &ctx.db,
                ctx.now,
                caller,
                &Entry {
                    action: "logout",
                    object_kind: "session",
                    object_id: Some(&caller.session_id),
                    organisation_id: Some(&caller.organisation_id),
                },
            )?,
        ])
        .await?;
    // After a provider's sign-in, the app sends the browser on to end the
    // provider's session too (RP-initiated logout).
    let provider = sessions::provider_of(&ctx.db, &caller.session_id)
        .await?
        .and_then(|p| p.parse::<Provider>().ok());
    let end_session_url = match provider {
        Some(p) => crate::routes::oidc::end_session_url(ctx, p).await,
        None => None,
    };
    let resp = match end_session_url {
        Some(url) => http::json(&serde_json::json!({ "end_session_url": url }), 200)?,
        None => Response::empty()?.with_status(204),
    };
    resp.headers()
        .set("Set-Cookie", &clear_cookie(ctx.secure_cookies))?;
    Ok(resp)
}
