//! Sign-in through HelseID and ID-porten (issue 25). The edge is the
//! OpenID client — a backend for the frontend, as HelseID's FAPI 2.0
//! profile requires of a browser app: it holds the client key, pushes the
//! authorization request (PAR), exchanges the code with a `private_key_jwt`
//! assertion (and a DPoP proof where the provider binds tokens), and
//! verifies the ID token. The browser only follows redirects and ends up
//! with frist's own session cookie.
//!
//! A provider is configured by settings (`FRIST_OIDC_<PROVIDER>_…`, see
//! `docs/operations.md`). In local mode each provider defaults to the local
//! stand-in that `make dev` starts (`scripts/local-op/op.mjs`) and to a
//! test client key that only that stand-in knows.

pub mod client;
pub mod jose;
pub mod metadata;

use frist_domain::oidc::Provider;
use serde_json::Value;
use worker::Env;

/// The local stand-in's client key: a test key registered at the local
/// OpenID Provider and nowhere else. Production never uses it (a provider
/// there needs `FRIST_OIDC_<PROVIDER>_KEY`, a secret).
const LOCAL_CLIENT_KEY: &str =
    include_str!("../../../scripts/local-op/frist-local-client.jwk.json");

/// The local stand-in's address per provider, as `make dev` starts it.
const fn local_issuer(provider: Provider) -> &'static str {
    match provider {
        Provider::Helseid => "http://127.0.0.1:9701",
        Provider::Idporten => "http://127.0.0.1:9702",
    }
}

/// One provider's settings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub provider: Provider,
    /// The issuer identifier; discovery is read from
    /// `<issuer>/.well-known/openid-configuration`.
    pub issuer: String,
    pub client_id: String,
    /// The client's P-256 private key as a JWK (with its `kid`).
    pub key: Value,
    pub scopes: String,
    /// The lowest security level accepted, as the provider writes it.
    pub level: String,
    /// Whether token requests carry a DPoP proof (HelseID binds tokens).
    pub dpop: bool,
}

impl Settings {
    /// The settings of `provider`, or `None` when it is not configured.
    pub fn from_env(env: &Env, provider: Provider, local: bool) -> Option<Settings> {
        let name: &'static str = provider.into();
        let key = |suffix: &str| format!("FRIST_OIDC_{}_{suffix}", name.to_ascii_uppercase());
        let var = |suffix: &str| {
            env.secret(&key(suffix))
                .ok()
                .map(|v| v.to_string())
                .or_else(|| env.var(&key(suffix)).ok().map(|v| v.to_string()))
                .filter(|v| !v.trim().is_empty())
        };
        let issuer = var("ISSUER").or_else(|| local.then(|| local_issuer(provider).to_owned()))?;
        let client_id = var("CLIENT_ID").or_else(|| local.then(|| "frist-local".to_owned()))?;
        let key = var("KEY").or_else(|| local.then(|| LOCAL_CLIENT_KEY.to_owned()))?;
        let key: Value = serde_json::from_str(&key).ok()?;
        // Production talks to providers over TLS only.
        if !local && !issuer.starts_with("https://") {
            return None;
        }
        Some(Settings {
            provider,
            issuer: issuer.trim_end_matches('/').to_owned(),
            client_id,
            key,
            scopes: var("SCOPES").unwrap_or_else(|| provider.default_scopes().to_owned()),
            level: var("LEVEL").unwrap_or_else(|| provider.default_level().to_owned()),
            dpop: var("DPOP").map_or(provider == Provider::Helseid, |v| v == "on"),
        })
    }

    /// The configured providers, in a fixed order.
    pub fn all(env: &Env, local: bool) -> Vec<Settings> {
        use strum::IntoEnumIterator;
        Provider::iter()
            .filter_map(|p| Settings::from_env(env, p, local))
            .collect()
    }

    /// Where the provider sends the browser back to.
    pub fn redirect_uri(&self, origin: &str) -> String {
        let name: &'static str = self.provider.into();
        format!("{origin}/api/v1/oidc/{name}/callback")
    }
}
