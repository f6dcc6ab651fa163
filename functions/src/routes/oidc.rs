//! `GET /api/v1/session/options`, `GET /api/v1/oidc/:provider/start` and
//! `GET /api/v1/oidc/:provider/callback`: sign-in through HelseID and
//! ID-porten (issue 25; the protocol is in [`crate::oidc`]).
//!
//! The two redirects are browser navigations, so a refusal is not a
//! problem+json body but a 303 to the login page with
//! `?innlogging=<refusal>`, whose text the page shows in the user's
//! language — and an audit entry naming the refusal (never the person).

use frist_domain::oidc::{
    Expect, IdClaims, LoginOptions, Provider, ProviderView, Refusal, split_jws,
};
use serde_json::{Value, json};
use worker::{Fetch, Headers, Method, Request, RequestInit, Response};

use crate::audit::{self, Actor, Entry};
use crate::crypto::{keyed_hex, random_bytes, sha256_hex};
use crate::ctx::Ctx;
use crate::db::{int, text};
use crate::http::{self, ApiResult};
use crate::oidc::Settings;
use crate::oidc::jose::{self, SigningKey, b64, pkce_challenge, unb64};
use crate::oidc::metadata::{self, Metadata};
use crate::routes::session;

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

fn random_hex() -> worker::Result<String> {
    Ok(hex::encode(random_bytes::<32>()?))
}

/// The `client_assertion` of `private_key_jwt` (RFC 7523): signed with the
/// client key, for the provider's issuer, used once.
async fn client_assertion(
    settings: &Settings,
    key: &SigningKey,
    now_s: i64,
) -> worker::Result<String> {
    let mut header = jose::object();
    header["typ"] = "JWT".into();
    if let Some(kid) = &key.kid {
        header["kid"] = kid.as_str().into();
    }
    let claims = json!({
        "iss": settings.client_id,
        "sub": settings.client_id,
        "aud": settings.issuer,
        "jti": random_hex()?,
        "iat": now_s,
        "exp": now_s + 60,
    });
    key.sign(header, &claims).await
}

/// POSTs a form to one of the provider's endpoints and reads its JSON
/// answer, with the status and a DPoP nonce if it sent one.
async fn post_form(
    url: &str,
    form: &[(&str, &str)],
    dpop: Option<&str>,
) -> Result<(u16, Value, Option<String>), Refusal> {
    let body = form
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let headers = Headers::new();
    let set = |k: &str, v: &str| headers.set(k, v).map_err(|_| Refusal::ProviderUnavailable);
    set("Content-Type", "application/x-www-form-urlencoded")?;
    set("Accept", "application/json")?;
    if let Some(proof) = dpop {
        set("DPoP", proof)?;
    }
    let mut init = RequestInit::new();
    init.with_method(Method::Post)
        .with_headers(headers)
        .with_body(Some(body.into()));
    let req = Request::new_with_init(url, &init).map_err(|_| Refusal::ProviderUnavailable)?;
    let mut resp = Fetch::Request(req)
        .send()
        .await
        .map_err(|_| Refusal::ProviderUnavailable)?;
    let status = resp.status_code();
    let nonce = resp.headers().get("DPoP-Nonce").ok().flatten();
    let value = resp.json::<Value>().await.unwrap_or(Value::Null);
    Ok((status, value, nonce))
}

fn urlencode(s: &str) -> String {
    js_sys::encode_uri_component(s)
        .as_string()
        .unwrap_or_default()
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
    let key = SigningKey::import(&settings.key)
        .await
        .map_err(unavailable)?;
    let state = random_hex().map_err(unavailable)?;
    let nonce = random_hex().map_err(unavailable)?;
    let binding = random_hex().map_err(unavailable)?;
    let verifier = b64(&random_bytes::<32>().map_err(unavailable)?);
    let redirect_uri = settings.redirect_uri(&ctx.origin);
    let challenge = pkce_challenge(&verifier);
    let mut params: Vec<(&str, &str)> = vec![
        ("client_id", &settings.client_id),
        ("response_type", "code"),
        ("scope", &settings.scopes),
        ("redirect_uri", &redirect_uri),
        ("state", &state),
        ("nonce", &nonce),
        ("code_challenge", &challenge),
        ("code_challenge_method", "S256"),
    ];
    if let Some(acr) = settings.provider.acr_values(&settings.level) {
        params.push(("acr_values", acr));
    }
    let lang = ctx
        .query("lang")
        .filter(|l| matches!(*l, "nb" | "nn" | "en"));
    if let Some(lang) = lang {
        params.push(("ui_locales", lang));
    }
    let location = match &meta.pushed_authorization_request_endpoint {
        // PAR (RFC 9126): the request goes to the provider directly, signed
        // in with the client key; the browser carries only its reference.
        Some(par) => {
            let assertion = client_assertion(&settings, &key, ctx.now / 1000)
                .await
                .map_err(unavailable)?;
            let mut form = params.clone();
            form.push(("client_assertion_type", ASSERTION_TYPE));
            form.push(("client_assertion", &assertion));
            let (status, answer, _) = post_form(par, &form, None).await?;
            let request_uri = answer
                .get("request_uri")
                .and_then(Value::as_str)
                .filter(|_| status == 201 || status == 200)
                .ok_or(Refusal::ProviderUnavailable)?;
            format!(
                "{}?client_id={}&request_uri={}",
                meta.authorization_endpoint,
                urlencode(&settings.client_id),
                urlencode(request_uri)
            )
        }
        None => {
            let query = params
                .iter()
                .map(|(k, v)| format!("{k}={}", urlencode(v)))
                .collect::<Vec<_>>()
                .join("&");
            format!("{}?{query}", meta.authorization_endpoint)
        }
    };
    let next = safe_next(ctx.query("next"));
    let provider: &'static str = settings.provider.into();
    let store = async {
        ctx.db
            .batch(vec![
                ctx.db
                    .prepare("DELETE FROM oidc_logins WHERE created_ms < ?1")
                    .bind(&[int(ctx.now - frist_domain::oidc::LOGIN_TTL_MS)])?,
                ctx.db
                    .prepare(
                        "INSERT INTO oidc_logins (state_hash, provider, binding_hash, nonce, verifier, \
                         redirect_uri, next, created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    )
                    .bind(&[
                        text(&sha256_hex(state.as_bytes())),
                        text(provider),
                        text(&sha256_hex(binding.as_bytes())),
                        text(&nonce),
                        text(&verifier),
                        text(&redirect_uri),
                        next.as_deref().map_or(wasm_bindgen::JsValue::NULL, text),
                        int(ctx.now),
                    ])?,
            ])
            .await?;
        let resp = redirect(&location)?;
        resp.headers().set(
            "Set-Cookie",
            &binding_cookie(
                &binding,
                ctx.secure_cookies,
                frist_domain::oidc::LOGIN_TTL_MS / 1000,
            ),
        )?;
        worker::Result::Ok(resp)
    };
    store.await.map_err(unavailable)
}

const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// A sign-in in progress, as `start` stored it.
#[derive(serde::Deserialize)]
struct Pending {
    provider: String,
    binding_hash: String,
    nonce: String,
    verifier: String,
    redirect_uri: String,
    next: Option<String>,
    created_ms: i64,
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
    let id_token = exchange(ctx, &settings, &meta, code, &pending).await?;
    let claims = verified_claims(ctx, &settings, &meta, &id_token, &pending.nonce).await?;
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
    let row = ctx
        .db
        .prepare("DELETE FROM oidc_logins WHERE state_hash = ?1 RETURNING *")
        .bind(&[text(&sha256_hex(state.as_bytes()))])
        .map_err(|_| Refusal::ProviderUnavailable)?
        .first::<Pending>(None)
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

/// Exchanges the code for tokens: a `private_key_jwt` assertion, the PKCE
/// verifier, and a DPoP proof where the provider binds tokens (sent again
/// once with the provider's nonce if it asks for one).
async fn exchange(
    ctx: &Ctx,
    settings: &Settings,
    meta: &Metadata,
    code: &str,
    pending: &Pending,
) -> Result<String, Refusal> {
    let unavailable = |_| Refusal::ProviderUnavailable;
    let key = SigningKey::import(&settings.key)
        .await
        .map_err(unavailable)?;
    let dpop_key = if settings.dpop {
        Some(SigningKey::generate().await.map_err(unavailable)?)
    } else {
        None
    };
    let mut dpop_nonce: Option<String> = None;
    for _attempt in 0..2 {
        let assertion = client_assertion(settings, &key, ctx.now / 1000)
            .await
            .map_err(unavailable)?;
        let proof = match &dpop_key {
            Some(k) => Some(
                dpop_proof(
                    k,
                    &meta.token_endpoint,
                    ctx.now / 1000,
                    dpop_nonce.as_deref(),
                )
                .await
                .map_err(unavailable)?,
            ),
            None => None,
        };
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", pending.redirect_uri.as_str()),
            ("code_verifier", pending.verifier.as_str()),
            ("client_id", settings.client_id.as_str()),
            ("client_assertion_type", ASSERTION_TYPE),
            ("client_assertion", assertion.as_str()),
        ];
        let (status, answer, nonce) =
            post_form(&meta.token_endpoint, &form, proof.as_deref()).await?;
        let error = answer.get("error").and_then(Value::as_str);
        if status == 400
            && error == Some("use_dpop_nonce")
            && dpop_nonce.is_none()
            && nonce.is_some()
        {
            dpop_nonce = nonce;
            continue;
        }
        return match (status, answer.get("id_token").and_then(Value::as_str)) {
            (200, Some(token)) => Ok(token.to_owned()),
            (400..=499, _) => Err(Refusal::CodeRefused),
            _ => Err(Refusal::ProviderUnavailable),
        };
    }
    Err(Refusal::CodeRefused)
}

/// A DPoP proof (RFC 9449) for a POST to `url`.
async fn dpop_proof(
    key: &SigningKey,
    url: &str,
    now_s: i64,
    nonce: Option<&str>,
) -> worker::Result<String> {
    let mut header = jose::object();
    header["typ"] = "dpop+jwt".into();
    header["jwk"] = key.public.clone();
    let mut claims = json!({"jti": random_hex()?, "htm": "POST", "htu": url, "iat": now_s});
    if let Some(n) = nonce {
        claims["nonce"] = n.into();
    }
    key.sign(header, &claims).await
}

/// The ID token's claims, once its signature verifies with the provider's
/// key and every claim check of [`IdClaims::check`] passes.
async fn verified_claims(
    ctx: &Ctx,
    settings: &Settings,
    meta: &Metadata,
    id_token: &str,
    nonce: &str,
) -> Result<IdClaims, Refusal> {
    let jws = split_jws(id_token, unb64)?;
    let key = metadata::signing_key(meta, jws.header.kid.as_deref(), ctx.now).await?;
    let signature = unb64(jws.signature_b64).ok_or(Refusal::Malformed)?;
    let ok = jose::verify(&jws.header.alg, &key, jws.signing_input, &signature)
        .await
        .map_err(|_| Refusal::Signature)?;
    if !ok {
        return Err(Refusal::Signature);
    }
    let claims: IdClaims = unb64(jws.payload_b64)
        .and_then(|p| serde_json::from_slice(&p).ok())
        .ok_or(Refusal::Malformed)?;
    claims.check(&Expect {
        provider: settings.provider,
        issuer: &settings.issuer,
        client_id: &settings.client_id,
        nonce,
        level: &settings.level,
        now_s: ctx.now / 1000,
    })?;
    Ok(claims)
}

#[derive(serde::Deserialize)]
struct Linked {
    user_id: String,
    organisation_id: String,
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
    let provider: &'static str = settings.provider.into();
    let secret = ctx.config.server_secret.as_deref().unwrap_or_default();
    for (kind, value) in identities {
        let kind_name: &'static str = kind.into();
        let hash = link_hash(secret, settings.provider, kind, &value)
            .map_err(|_| Refusal::ProviderUnavailable)?;
        let found = ctx
            .db
            .prepare(
                "SELECT u.id AS user_id, u.organisation_id FROM identity_links l \
                 JOIN users u ON u.id = l.user_id \
                 WHERE l.provider = ?1 AND l.kind = ?2 AND l.value_hash = ?3 \
                   AND u.active = 1 AND (u.demo = 0 OR ?4 = 1)",
            )
            .bind(&[
                text(provider),
                text(kind_name),
                text(&hash),
                int(i64::from(ctx.config.local)),
            ])
            .map_err(|_| Refusal::ProviderUnavailable)?
            .first::<Linked>(None)
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
        urlencode(&settings.client_id),
        urlencode(&format!("{}/logg-inn", ctx.origin))
    ))
}
