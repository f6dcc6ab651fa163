//! What an ID token says, and the checks it must pass before frist lets
//! its person in.

use serde::Deserialize;
use serde_json::Value;

use super::{CLOCK_SKEW_S, LinkKind, MAX_TOKEN_AGE_S, Provider, Refusal};
use crate::ids::HprNummer;

/// The claims of an ID token frist reads.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct IdClaims {
    /// The issuer.
    #[serde(default)]
    pub iss: String,
    /// The audience: a string or a list on the wire.
    #[serde(default, deserialize_with = "audience")]
    pub aud: Vec<String>,
    /// The authorized party, when the audience has several.
    #[serde(default)]
    pub azp: Option<String>,
    /// Expiry, seconds since the epoch.
    #[serde(default)]
    pub exp: Option<i64>,
    /// Time of issue, seconds since the epoch.
    #[serde(default)]
    pub iat: Option<i64>,
    /// The nonce frist sent with the request.
    #[serde(default)]
    pub nonce: Option<String>,
    /// The provider's subject identifier.
    #[serde(default)]
    pub sub: Option<String>,
    /// The authentication context (ID-porten's security level).
    #[serde(default)]
    pub acr: Option<String>,
    /// ID-porten's national identity number.
    #[serde(default)]
    pub pid: Option<String>,
    /// The provider's session id.
    #[serde(default)]
    pub sid: Option<String>,
    /// HelseID's HPR number.
    #[serde(
        rename = "helseid://claims/hpr/hpr_number",
        default,
        deserialize_with = "text"
    )]
    pub hpr: Option<String>,
    /// HelseID's national identity number.
    #[serde(rename = "helseid://claims/identity/pid", default)]
    pub helseid_pid: Option<String>,
    /// HelseID's security level (`"4"` for high).
    #[serde(
        rename = "helseid://claims/identity/security_level",
        default,
        deserialize_with = "text"
    )]
    pub security_level: Option<String>,
}

/// `aud` is a string or an array of strings (OpenID Connect Core 2).
fn audience<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => vec![s],
        Value::Array(items) => items
            .into_iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    })
}

/// A claim that may come as a string or a number (HPR numbers do both).
fn text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => items.first().and_then(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }),
        _ => None,
    })
}

/// What frist expects of one ID token.
#[derive(Debug, Clone)]
pub struct Expect<'a> {
    /// The provider the token came from.
    pub provider: Provider,
    /// Its issuer identifier.
    pub issuer: &'a str,
    /// frist's client id there.
    pub client_id: &'a str,
    /// The nonce frist sent.
    pub nonce: &'a str,
    /// The lowest level accepted, as the provider writes it.
    pub level: &'a str,
    /// Now, in seconds since the epoch.
    pub now_s: i64,
}

impl IdClaims {
    /// Every check of the module's header, in order; the first that fails
    /// is the answer.
    pub fn check(&self, expect: &Expect<'_>) -> Result<(), Refusal> {
        if self.iss != expect.issuer {
            return Err(Refusal::Issuer);
        }
        let audience_ok = self.aud.iter().any(|a| a == expect.client_id)
            && (self.aud.len() == 1 || self.azp.as_deref() == Some(expect.client_id));
        if !audience_ok {
            return Err(Refusal::Audience);
        }
        match self.exp {
            Some(exp) if exp + CLOCK_SKEW_S > expect.now_s => {}
            _ => return Err(Refusal::Expired),
        }
        match self.iat {
            Some(iat)
                if iat <= expect.now_s + CLOCK_SKEW_S
                    && iat >= expect.now_s - MAX_TOKEN_AGE_S - CLOCK_SKEW_S => {}
            _ => return Err(Refusal::IssuedAt),
        }
        if !constant_time_eq(self.nonce.as_deref().unwrap_or(""), expect.nonce)
            || expect.nonce.is_empty()
        {
            return Err(Refusal::Nonce);
        }
        let required = expect.provider.level_rank(expect.level).unwrap_or(u8::MAX);
        let level = match expect.provider {
            Provider::Helseid => self.security_level.as_deref(),
            Provider::Idporten => self.acr.as_deref(),
        };
        match level.and_then(|l| expect.provider.level_rank(l)) {
            Some(rank) if rank >= required => Ok(()),
            _ => Err(Refusal::Level),
        }
    }

    /// The identifiers that may link this person to a frist user, in the
    /// provider's order of strength (HPR number, national number, `sub`).
    pub fn identities(&self, provider: Provider) -> Vec<(LinkKind, String)> {
        provider
            .link_kinds()
            .iter()
            .filter_map(|kind| {
                let value = match (provider, kind) {
                    (Provider::Helseid, LinkKind::Hpr) => self.hpr.clone(),
                    (Provider::Helseid, LinkKind::Pid) => self.helseid_pid.clone(),
                    (Provider::Idporten, LinkKind::Pid) => self.pid.clone(),
                    (_, LinkKind::Sub) => self.sub.clone(),
                    _ => None,
                };
                let value = value
                    .map(|v| v.trim().to_owned())
                    .filter(|v| !v.is_empty())?;
                // Stored as an administrator's link stores it (HPR numbers
                // left-padded to nine digits).
                let value = match kind {
                    LinkKind::Hpr => value.parse::<HprNummer>().ok()?.as_str(),
                    _ => value,
                };
                Some((*kind, value))
            })
            .collect()
    }
}

/// Equality that takes as long for every string of the same length.
fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}
