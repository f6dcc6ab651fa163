//! The protocol steps of a sign-in, as the edge (the client) takes them:
//! the pushed authorization request, the code exchange with a
//! `private_key_jwt` assertion and a DPoP proof, and the ID token's
//! verification. The routes (`crate::routes::oidc`) decide what to do with
//! the answers.

use frist_domain::oidc::{Expect, IdClaims, Refusal, split_jws};
use serde_json::{Value, json};
use worker::{Fetch, Headers, Method, Request, RequestInit};

use super::Settings;
use super::jose::{self, SigningKey, pkce_challenge, unb64};
use super::metadata::{self, Metadata};
use crate::crypto::random_bytes;
use crate::store::identities::Pending;

/// 256 random bits, hex.
pub fn random_hex() -> worker::Result<String> {
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

/// Percent-encodes a URL component.
pub fn urlencode(s: &str) -> String {
    js_sys::encode_uri_component(s)
        .as_string()
        .unwrap_or_default()
}

/// What one authorization request asks for.
pub struct AuthorizationRequest<'a> {
    pub redirect_uri: &'a str,
    pub state: &'a str,
    pub nonce: &'a str,
    /// The PKCE verifier; the request carries its S256 challenge.
    pub verifier: &'a str,
    /// The person's language, for the provider's pages.
    pub lang: Option<&'a str>,
}

/// Where to send the browser: with PAR (RFC 9126), the request goes to the
/// provider directly, signed in with the client key, and the browser
/// carries only its reference; without, the request is the URL's query.
pub async fn authorization_url(
    settings: &Settings,
    meta: &Metadata,
    request: &AuthorizationRequest<'_>,
    now: i64,
) -> Result<String, Refusal> {
    let challenge = pkce_challenge(request.verifier);
    let mut params: Vec<(&str, &str)> = vec![
        ("client_id", &settings.client_id),
        ("response_type", "code"),
        ("scope", &settings.scopes),
        ("redirect_uri", request.redirect_uri),
        ("state", request.state),
        ("nonce", request.nonce),
        ("code_challenge", &challenge),
        ("code_challenge_method", "S256"),
    ];
    if let Some(acr) = settings.provider.acr_values(&settings.level) {
        params.push(("acr_values", acr));
    }
    if let Some(lang) = request.lang {
        params.push(("ui_locales", lang));
    }
    let Some(par) = &meta.pushed_authorization_request_endpoint else {
        let query = params
            .iter()
            .map(|(k, v)| format!("{k}={}", urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        return Ok(format!("{}?{query}", meta.authorization_endpoint));
    };
    let unavailable = |_| Refusal::ProviderUnavailable;
    let key = SigningKey::import(&settings.key)
        .await
        .map_err(unavailable)?;
    let assertion = client_assertion(settings, &key, now / 1000)
        .await
        .map_err(unavailable)?;
    params.push(("client_assertion_type", ASSERTION_TYPE));
    params.push(("client_assertion", &assertion));
    let (status, answer, _) = post_form(par, &params, None).await?;
    let request_uri = answer
        .get("request_uri")
        .and_then(Value::as_str)
        .filter(|_| status == 201 || status == 200)
        .ok_or(Refusal::ProviderUnavailable)?;
    Ok(format!(
        "{}?client_id={}&request_uri={}",
        meta.authorization_endpoint,
        urlencode(&settings.client_id),
        urlencode(request_uri)
    ))
}

const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// Exchanges the code for tokens: a `private_key_jwt` assertion, the PKCE
/// verifier, and a DPoP proof where the provider binds tokens (sent again
/// once with the provider's nonce if it asks for one).
pub async fn exchange(
    settings: &Settings,
    meta: &Metadata,
    code: &str,
    pending: &Pending,
    now: i64,
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
        let assertion = client_assertion(settings, &key, now / 1000)
            .await
            .map_err(unavailable)?;
        let proof = match &dpop_key {
            Some(k) => Some(
                dpop_proof(k, &meta.token_endpoint, now / 1000, dpop_nonce.as_deref())
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
pub async fn verified_claims(
    settings: &Settings,
    meta: &Metadata,
    id_token: &str,
    nonce: &str,
    now: i64,
) -> Result<IdClaims, Refusal> {
    let jws = split_jws(id_token, unb64)?;
    let key = metadata::signing_key(meta, jws.header.kid.as_deref(), now).await?;
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
        now_s: now / 1000,
    })?;
    Ok(claims)
}
