//! JOSE through the runtime's WebCrypto: ES256 signatures for the client
//! assertion (`private_key_jwt`) and DPoP proofs, and the verification of
//! the providers' ID tokens (ES256, RS256, PS256). No private-key
//! arithmetic is done in wasm: keys are imported into WebCrypto, which
//! signs in native code, and an RSA key here is only ever a public one.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use js_sys::{Array, Promise, Reflect, Uint8Array};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use worker::{Error, Result};

/// base64url without padding (RFC 7515 §2).
pub fn b64(data: &[u8]) -> String {
    B64.encode(data)
}

/// Decodes base64url without padding; `None` when it is not.
pub fn unb64(text: &str) -> Option<Vec<u8>> {
    B64.decode(text.trim_end_matches('=')).ok()
}

/// PKCE (RFC 7636): the S256 challenge of a verifier.
pub fn pkce_challenge(verifier: &str) -> String {
    b64(&Sha256::digest(verifier.as_bytes()))
}

fn js_err(e: JsValue) -> Error {
    Error::RustError(format!("webcrypto: {e:?}"))
}

fn subtle() -> Result<JsValue> {
    let crypto = Reflect::get(&js_sys::global(), &"crypto".into()).map_err(js_err)?;
    Reflect::get(&crypto, &"subtle".into()).map_err(js_err)
}

/// Calls `crypto.subtle[name](...args)` and awaits it.
async fn call(name: &str, args: &[JsValue]) -> Result<JsValue> {
    let subtle = subtle()?;
    let f: js_sys::Function = Reflect::get(&subtle, &name.into())
        .map_err(js_err)?
        .dyn_into()
        .map_err(js_err)?;
    let list = args.iter().collect::<Array>();
    let promise: Promise = f
        .apply(&subtle, &list)
        .map_err(js_err)?
        .dyn_into()
        .map_err(js_err)?;
    JsFuture::from(promise).await.map_err(js_err)
}

fn js(value: &Value) -> Result<JsValue> {
    js_sys::JSON::parse(&value.to_string()).map_err(js_err)
}

fn usages(what: &str) -> JsValue {
    Array::of1(&what.into()).into()
}

/// The WebCrypto algorithm of a JWS `alg`, for importing and for
/// verifying.
fn algorithm(alg: &str) -> Option<(Value, Value)> {
    match alg {
        "ES256" => Some((
            json!({"name": "ECDSA", "namedCurve": "P-256"}),
            json!({"name": "ECDSA", "hash": "SHA-256"}),
        )),
        "RS256" => Some((
            json!({"name": "RSASSA-PKCS1-v1_5", "hash": "SHA-256"}),
            json!({"name": "RSASSA-PKCS1-v1_5"}),
        )),
        "PS256" => Some((
            json!({"name": "RSA-PSS", "hash": "SHA-256"}),
            json!({"name": "RSA-PSS", "saltLength": 32}),
        )),
        _ => None,
    }
}

/// An ES256 signing key held by WebCrypto, with its public JWK.
pub struct SigningKey {
    key: JsValue,
    /// The public half, as a JWK (for a DPoP header or a JWKS).
    pub public: Value,
    pub kid: Option<String>,
}

impl SigningKey {
    /// Imports a P-256 private key given as a JWK (`kty`, `crv`, `x`, `y`,
    /// `d`, optional `kid`).
    pub async fn import(jwk: &Value) -> Result<SigningKey> {
        let d = jwk.get("d").and_then(Value::as_str);
        let (Some("EC"), Some("P-256"), Some(_)) = (
            jwk.get("kty").and_then(Value::as_str),
            jwk.get("crv").and_then(Value::as_str),
            d,
        ) else {
            return Err(Error::RustError(
                "the client key must be a P-256 private JWK".into(),
            ));
        };
        let private = json!({"kty": "EC", "crv": "P-256", "x": jwk["x"], "y": jwk["y"], "d": d});
        let (import_alg, _) = algorithm("ES256").expect("known");
        let key = call(
            "importKey",
            &[
                "jwk".into(),
                js(&private)?,
                js(&import_alg)?,
                false.into(),
                usages("sign"),
            ],
        )
        .await?;
        Ok(SigningKey {
            key,
            public: json!({"kty": "EC", "crv": "P-256", "x": jwk["x"], "y": jwk["y"]}),
            kid: jwk.get("kid").and_then(Value::as_str).map(str::to_owned),
        })
    }

    /// A fresh key for one DPoP-bound exchange; only its public half leaves
    /// WebCrypto.
    pub async fn generate() -> Result<SigningKey> {
        let (alg, _) = algorithm("ES256").expect("known");
        let pair = call("generateKey", &[js(&alg)?, true.into(), usages("sign")]).await?;
        let private = Reflect::get(&pair, &"privateKey".into()).map_err(js_err)?;
        let public = Reflect::get(&pair, &"publicKey".into()).map_err(js_err)?;
        let jwk = call("exportKey", &["jwk".into(), public]).await?;
        let jwk: Value = serde_json::from_str(
            &js_sys::JSON::stringify(&jwk)
                .map_err(js_err)?
                .as_string()
                .unwrap_or_default(),
        )
        .map_err(|e| Error::RustError(e.to_string()))?;
        Ok(SigningKey {
            key: private,
            public: json!({"kty": "EC", "crv": "P-256", "x": jwk["x"], "y": jwk["y"]}),
            kid: None,
        })
    }

    /// A compact JWS of `claims` with `header` (to which `alg` is added),
    /// signed with ES256.
    pub async fn sign(&self, mut header: Value, claims: &Value) -> Result<String> {
        header["alg"] = "ES256".into();
        let input = format!(
            "{}.{}",
            b64(header.to_string().as_bytes()),
            b64(claims.to_string().as_bytes())
        );
        let (_, alg) = algorithm("ES256").expect("known");
        let data: JsValue = Uint8Array::from(input.as_bytes()).into();
        let sig = call("sign", &[js(&alg)?, self.key.clone(), data]).await?;
        Ok(format!("{input}.{}", b64(&Uint8Array::new(&sig).to_vec())))
    }
}

/// Whether `signature` over `input` verifies with the public `jwk` under
/// `alg`. A key of the wrong type for `alg` does not verify.
pub async fn verify(alg: &str, jwk: &Value, input: &str, signature: &[u8]) -> Result<bool> {
    let Some((import_alg, verify_alg)) = algorithm(alg) else {
        return Ok(false);
    };
    let kty_fits = match alg {
        "ES256" => jwk.get("kty") == Some(&json!("EC")) && jwk.get("crv") == Some(&json!("P-256")),
        _ => jwk.get("kty") == Some(&json!("RSA")),
    };
    if !kty_fits {
        return Ok(false);
    }
    let public = match alg {
        "ES256" => json!({"kty": "EC", "crv": "P-256", "x": jwk["x"], "y": jwk["y"]}),
        _ => json!({"kty": "RSA", "n": jwk["n"], "e": jwk["e"]}),
    };
    let Ok(key) = call(
        "importKey",
        &[
            "jwk".into(),
            js(&public)?,
            js(&import_alg)?,
            false.into(),
            usages("verify"),
        ],
    )
    .await
    else {
        return Ok(false);
    };
    let sig: JsValue = Uint8Array::from(signature).into();
    let data: JsValue = Uint8Array::from(input.as_bytes()).into();
    let ok = call("verify", &[js(&verify_alg)?, key, sig, data]).await?;
    Ok(ok.as_bool() == Some(true))
}

/// An empty JSON object, for headers built up field by field.
pub fn object() -> Value {
    Value::Object(serde_json::Map::new())
}
