//! A provider's discovery document and key set, fetched over HTTP and kept
//! in the isolate's memory for an hour. The key set is fetched again at
//! once when a token names a key id it does not hold (the provider rotated
//! its keys).

use std::cell::RefCell;
use std::collections::HashMap;

use frist_domain::oidc::Refusal;
use serde::Deserialize;
use serde_json::Value;
use worker::{Fetch, Method, Request, RequestInit};

use super::Settings;

/// How long a discovery document or key set is trusted before it is read again.
const CACHE_MS: i64 = 60 * 60 * 1000;

thread_local! {
    static CACHE: RefCell<HashMap<String, (i64, Value)>> = RefCell::new(HashMap::new());
}

/// What frist reads of a discovery document.
#[derive(Debug, Clone, Deserialize)]
pub struct Metadata {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    #[serde(default)]
    pub pushed_authorization_request_endpoint: Option<String>,
    #[serde(default)]
    pub end_session_endpoint: Option<String>,
}

/// GETs `url` as JSON; any failure is the provider's.
pub async fn get_json(url: &str) -> Result<Value, Refusal> {
    let mut init = RequestInit::new();
    init.with_method(Method::Get);
    let req = Request::new_with_init(url, &init).map_err(|_| Refusal::ProviderUnavailable)?;
    let mut resp = Fetch::Request(req)
        .send()
        .await
        .map_err(|_| Refusal::ProviderUnavailable)?;
    if resp.status_code() != 200 {
        return Err(Refusal::ProviderUnavailable);
    }
    resp.json::<Value>()
        .await
        .map_err(|_| Refusal::ProviderUnavailable)
}

async fn cached(url: &str, now: i64, fresh: bool) -> Result<Value, Refusal> {
    if !fresh
        && let Some(v) = CACHE.with(|c| {
            c.borrow()
                .get(url)
                .filter(|(at, _)| now - at < CACHE_MS && *at <= now)
                .map(|(_, v)| v.clone())
        })
    {
        return Ok(v);
    }
    let value = get_json(url).await?;
    CACHE.with(|c| c.borrow_mut().insert(url.to_owned(), (now, value.clone())));
    Ok(value)
}

/// The provider's discovery document; its `issuer` must be the configured
/// one (OpenID Connect Discovery §4.3).
pub async fn discover(settings: &Settings, now: i64) -> Result<Metadata, Refusal> {
    let url = format!("{}/.well-known/openid-configuration", settings.issuer);
    let doc = cached(&url, now, false).await?;
    let meta: Metadata = serde_json::from_value(doc).map_err(|_| Refusal::ProviderUnavailable)?;
    if meta.issuer.trim_end_matches('/') != settings.issuer {
        return Err(Refusal::ProviderUnavailable);
    }
    Ok(meta)
}

/// The key the provider signs with under `kid` (or its only signing key
/// when the token names none); the key set is fetched again once when the
/// key is not in the cached one.
pub async fn signing_key(meta: &Metadata, kid: Option<&str>, now: i64) -> Result<Value, Refusal> {
    for fresh in [false, true] {
        let set = cached(&meta.jwks_uri, now, fresh).await?;
        let keys: Vec<&Value> = set
            .get("keys")
            .and_then(Value::as_array)
            .map(|k| {
                k.iter()
                    .filter(|k| k.get("use").and_then(Value::as_str).unwrap_or("sig") == "sig")
                    .collect()
            })
            .unwrap_or_default();
        let found = match kid {
            Some(kid) => keys
                .iter()
                .find(|k| k.get("kid").and_then(Value::as_str) == Some(kid)),
            None if keys.len() == 1 => keys.first(),
            None => None,
        };
        if let Some(key) = found {
            return Ok((*key).clone());
        }
    }
    Err(Refusal::UnknownKey)
}
