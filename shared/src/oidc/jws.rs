//! A compact JWS taken apart, before its signature is checked (by the
//! edge, with WebCrypto).

use serde::Deserialize;

use super::Refusal;

/// The signature algorithms frist verifies (RFC 7518 names).
pub const ACCEPTED_ALGS: &[&str] = &["ES256", "RS256", "PS256"];

/// The three parts of a compact JWS.
#[derive(Debug, Clone)]
pub struct Jws<'a> {
    /// The protected header, decoded.
    pub header: JwsHeader,
    /// `header.payload`, the bytes the signature covers.
    pub signing_input: &'a str,
    /// The payload, still base64url.
    pub payload_b64: &'a str,
    /// The signature, still base64url.
    pub signature_b64: &'a str,
}

/// The header fields frist reads.
#[derive(Debug, Clone, Deserialize)]
pub struct JwsHeader {
    /// The signature algorithm.
    pub alg: String,
    /// The id of the key that signed.
    #[serde(default)]
    pub kid: Option<String>,
}

/// Splits a compact JWS; `decode` turns base64url into bytes (the caller's
/// base64 crate). Refuses `alg: none` and anything not in [`ACCEPTED_ALGS`].
pub fn split_jws<'a>(
    token: &'a str,
    decode: impl Fn(&str) -> Option<Vec<u8>>,
) -> Result<Jws<'a>, Refusal> {
    let mut parts = token.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refusal::Malformed);
    };
    let header: JwsHeader = decode(h)
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or(Refusal::Malformed)?;
    if !ACCEPTED_ALGS.contains(&header.alg.as_str()) || s.is_empty() {
        return Err(Refusal::Malformed);
    }
    Ok(Jws {
        header,
        signing_input: &token[..h.len() + 1 + p.len()],
        payload_b64: p,
        signature_b64: s,
    })
}
