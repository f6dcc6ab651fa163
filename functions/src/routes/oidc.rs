//! `GET /api/v1/session/options`, `GET /api/v1/oidc/:provider/start` and
//! `GET /api/v1/oidc/:provider/callback`: sign-in through HelseID and
//! ID-porten (issue 25; the protocol is in [`crate::oidc`]).
//!
//! The two redirects are browser navigations, so a refusal is not a
//! problem+json body but a 303 to the login page with
//! `?innlogging=<refusal>`, whose text the page shows in the user's
//! language — and an audit entry naming the refusal (never the person).

use frist_domain::oidc::{IdClaims, LoginOptions, Provider, ProviderView, Refusal};
use worker::Response;

use crate::audit::{self, Actor, Entry};
use crate::crypto::{keyed_hex, random_bytes, sha256_hex};
use crate::ctx::Ctx;
use crate::http::{self, ApiResult};
use crate::oidc::jose::b64;
use crate::oidc::metadata;
use crate::oidc::{Settings, client};
use crate::routes::session;
use crate::store::identities::{self as store, Pending};

/// The cookie that ties a callback to the browser that started the sign-in.
/// `SameSite=Lax`: the provider's redirect back is a cross-site navigation,
/// on which a `Strict` cookie would not be sent.
fn binding_cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-frist_oidc"
    } else {
        "frist_oidc"
    }
}

fn binding_cookie(value: &str, secure: bool, max_age_s: i64) -> String {
    let secure_attr = if secure { "; Secure" } else { "" };
    format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_s}{secure_attr}",
        binding_cookie_name(secure)
    )
}

fn binding_from(ctx: &Ctx) -> Option<String> {
    let header = ctx.cookies.as_deref()?;
    let name = binding_cookie_name(ctx.secure_cookies);
    header.split(';').find_map(|part| {
        let (k, v) = part.trim().split_once('=')?;
        (k == name && v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| v.to_owned())
    })
}

/// `GET /api/v1/session/options`: the providers configured here, and
/// whether e-mail and password are accepted.
pub async fn options(ctx: &Ctx) -> ApiResult {
    let providers = Settings::all(&ctx.env, ctx.config.local)
        .into_iter()
        .map(|s| ProviderView {
            id: s.provider,
            name: s.provider.display_name().to_owned(),
        })
        .collect();
    let body = LoginOptions {
        providers,
        password: ctx.config.password_login,
    };
    Ok(http::json(&body, 200)?)
}

fn redirect(location: &str) -> worker::Result<Response> {
    let resp = Response::empty()?.with_status(303);
    resp.headers().set("Location", location)?;
    Ok(resp)
}

/// A path inside the app to land on after signing in, or none: never
/// another site (`//…`), never the API.
fn safe_next(next: Option<&str>) -> Option<String> {
    let next = next?;
    (next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/api/")
        && !next.contains('\\')
        && next.len() <= 200
        && next.bytes().all(|b| b.is_ascii_graphic()))
    .then(|| next.to_owned())
}

fn provider_of(ctx: &Ctx) -> Result<Settings, Refusal> {
    let provider: Provider = ctx
        .param("provider")
        .parse()
        .map_err(|_| Refusal::UnknownProvider)?;
    Settings::from_env(&ctx.env, provider, ctx.config.local).ok_or(Refusal::UnknownProvider)
}

/// `GET /api/v1/oidc/:provider/start`.
pub async fn start(ctx: &Ctx) -> ApiResult {
    match begin(ctx).await {
        Ok(resp) => Ok(resp),
        Err(refusal) => refuse(ctx, refusal, None).await,
    }
}

async fn begin(ctx: &Ctx) -> Result<Response, Refusal> {
    let settings = provider_of(ctx)?;
    let meta = metadata::discover(&settings, ctx.now).await?;
    let unavailable = |_| Refusal::ProviderUnavailable;
    let state = client::random_hex().map_err(unavailable)?;
    let nonce = client::random_hex().map_err(unavailable)?;
    let binding = client::random_hex().map_err(unavailable)?;
    let verifier = b64(&random_bytes::<32>().map_err(unavailable)?);
    let redirect_uri = settings.redirect_uri(&ctx.origin);
    let lang = ctx
        .query("lang")
        .filter(|l| matches!(*l, "nb" | "nn" | "en"));
    let request = client::AuthorizationRequest {
        redirect_uri: &redirect_uri,
        state: &state,
        nonce: &nonce,
        verifier: &verifier,
        lang,
    };
    let location = client::authorization_url(&settings, &meta, &request, ctx.now).await?;
    let next = safe_next(ctx.query("next"));
    let pending = store::NewPending {
        state_hash: &sha256_hex(state.as_bytes()),
        provider: settings.provider,
        binding_hash: &sha256_hex(binding.as_bytes()),
        nonce: &nonce,
        verifier: &verifier,
        redirect_uri: &redirect_uri,
        next: next.as_deref(),
    };
    let older_than = ctx.now - frist_domain::oidc::LOGIN_TTL_MS;
    store::keep_pending(&ctx.db, &pending, ctx.now, older_than)
        .await
        .map_err(unavailable)?;
    let resp = redirect(&location).map_err(unavailable)?;
    resp.headers()
        .set(
            "Set-Cookie",
            &binding_cookie(
                &binding,
                ctx.secure_cookies,
                frist_domain::oidc::LOGIN_TTL_MS / 1000,
            ),
        )
        .map_err(unavailable)?;
    Ok(resp)
}

/// `GET /api/v1/oidc/:provider/callback`.
pub async fn callback(ctx: &Ctx) -> ApiResult {
    let provider = ctx.param("provider").parse::<Provider>().ok();
    match finish(ctx).await {
        Ok(resp) => Ok(resp),
        Err(refusal) => refuse(ctx, refusal, provider).await,
    }
}

async fn finish(ctx: &Ctx) -> Result<Response, Refusal> {
    let settings = provider_of(ctx)?;
    let pending = take_pending(ctx, &settings).await?;
    if ctx.query("error").is_some() {
        return Err(Refusal::ProviderError);
    }
    // RFC 9207: a provider that names itself must name the right one.
    if ctx
        .query("iss")
        .is_some_and(|iss| iss.trim_end_matches('/') != settings.issuer)
    {
        return Err(Refusal::Issuer);
    }
    let code = ctx
        .query("code")
        .filter(|c| !c.is_empty())
        .ok_or(Refusal::ProviderError)?;
    let meta = metadata::discover(&settings, ctx.now).await?;
    let id_token = client::exchange(&settings, &meta, code, &pending, ctx.now).await?;
    let claims =
        client::verified_claims(&settings, &meta, &id_token, &pending.nonce, ctx.now).await?;
    let (user_id, organisation_id) = linked_user(ctx, &settings, &claims).await?;
    let unavailable = |_| Refusal::ProviderUnavailable;
    let (_, cookie) = session::open(
        ctx,
        &user_id,
        &organisation_id,
        Some(settings.provider),
        vec![],
    )
    .await
    .map_err(|_| Refusal::ProviderUnavailable)?;
    let resp = redirect(pending.next.as_deref().unwrap_or("/")).map_err(unavailable)?;
    let headers = resp.headers();
    headers.append("Set-Cookie", &cookie).map_err(unavailable)?;
    headers
        .append("Set-Cookie", &binding_cookie("", ctx.secure_cookies, 0))
        .map_err(unavailable)?;
    Ok(resp)
}

/// The sign-in `state` names, taken out of the store so it can never be
/// used again — and only if this browser started it, for this provider,
/// within [`frist_domain::oidc::LOGIN_TTL_MS`].
async fn take_pending(ctx: &Ctx, settings: &Settings) -> Result<Pending, Refusal> {
    let state = ctx
        .query("state")
        .filter(|s| !s.is_empty())
        .ok_or(Refusal::State)?;
    let row = store::take_pending(&ctx.db, &sha256_hex(state.as_bytes()))
        .await
        .map_err(|_| Refusal::ProviderUnavailable)?
        .ok_or(Refusal::State)?;
    let provider: &'static str = settings.provider.into();
    let binding_ok =
        binding_from(ctx).is_some_and(|b| sha256_hex(b.as_bytes()) == row.binding_hash);
    let fresh = row.created_ms + frist_domain::oidc::LOGIN_TTL_MS > ctx.now;
    if row.provider != provider || !binding_ok || !fresh {
        return Err(Refusal::State);
    }
    Ok(row)
}

/// The frist user an administrator linked this person to: by the
/// strongest identifier the token carries that has a link. A deactivated
/// user, or a demo user outside local mode, is no user.
async fn linked_user(
    ctx: &Ctx,
    settings: &Settings,
    claims: &IdClaims,
) -> Result<(String, String), Refusal> {
    let identities = claims.identities(settings.provider);
    if identities.is_empty() {
        return Err(Refusal::NoIdentity);
    }
    let secret = ctx.config.server_secret.as_deref().unwrap_or_default();
    for (kind, value) in identities {
        let hash = link_hash(secret, settings.provider, kind, &value)
            .map_err(|_| Refusal::ProviderUnavailable)?;
        let found = store::linked_user(&ctx.db, settings.provider, kind, &hash, ctx.config.local)
            .await
            .map_err(|_| Refusal::ProviderUnavailable)?;
        if let Some(l) = found {
            return Ok((l.user_id, l.organisation_id));
        }
    }
    Err(Refusal::NotLinked)
}

/// How a link's value is stored: a keyed hash, so the table never holds a
/// national identity number in clear and a leak of it reveals nothing.
pub fn link_hash(
    secret: &str,
    provider: Provider,
    kind: frist_domain::oidc::LinkKind,
    value: &str,
) -> worker::Result<String> {
    let p: &'static str = provider.into();
    let k: &'static str = kind.into();
    keyed_hex(secret, format!("identity:{p}:{k}:{value}").as_bytes())
}

/// A refused sign-in: audited by its reason (never the person), the
/// binding cookie cleared, and the browser sent to the login page, which
/// says what happened and what to do.
async fn refuse(ctx: &Ctx, refusal: Refusal, provider: Option<Provider>) -> ApiResult {
    let reason: &'static str = refusal.into();
    let kind = format!("oidc_{}", provider.map_or("unknown", <&'static str>::from));
    let actor = Actor {
        user_id: None,
        organisation_id: None,
        session_id: None,
        client: Some(&ctx.client_key),
    };
    let entry = Entry {
        action: "login.refused",
        object_kind: &kind,
        object_id: Some(reason),
        organisation_id: None,
    };
    audit::entry(&ctx.db, ctx.now, actor, &entry)?.run().await?;
    let resp = redirect(&format!("/logg-inn?innlogging={reason}"))?;
    resp.headers()
        .set("Set-Cookie", &binding_cookie("", ctx.secure_cookies, 0))?;
    Ok(resp)
}

/// After a provider's sign-in, where to end the provider's session too
/// (RP-initiated logout): its `end_session_endpoint` with frist's client id
/// and the login page to come back to. No `id_token_hint`: an ID token
/// carries the national identity number, which never goes into a URL.
pub async fn end_session_url(ctx: &Ctx, provider: Provider) -> Option<String> {
    let settings = Settings::from_env(&ctx.env, provider, ctx.config.local)?;
    let meta = metadata::discover(&settings, ctx.now).await.ok()?;
    let end = meta.end_session_endpoint?;
    Some(format!(
        "{end}?client_id={}&post_logout_redirect_uri={}",
        client::urlencode(&settings.client_id),
        client::urlencode(&format!("{}/logg-inn", ctx.origin))
    ))
}
