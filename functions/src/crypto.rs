//! Randomness and hashing for sessions, ids and passwords. Random bytes and
//! PBKDF2 come from the runtime's WebCrypto (native code, outside the wasm
//! CPU budget's slow path); SHA-256 of short strings uses the `sha2` crate.

use frist_domain::access::{HASH_LEN, PBKDF2_ITERATIONS, PasswordHash, SALT_LEN};
use js_sys::{Array, Object, Reflect, Uint8Array};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use worker::{Error, Result};

fn crypto() -> Result<web_sys::Crypto> {
    let c = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .map_err(|_| Error::RustError("no crypto".into()))?;
    Ok(c.unchecked_into())
}

fn js_err(e: JsValue) -> Error {
    Error::RustError(format!("webcrypto: {e:?}"))
}

/// `n` bytes from the platform's CSPRNG.
pub fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut buf = [0u8; N];
    crypto()?
        .get_random_values_with_u8_array(&mut buf)
        .map_err(js_err)?;
    Ok(buf)
}

/// A session token: 256 random bits, URL-safe hex (ASVS 7.2.3 asks ≥ 128).
pub fn session_token() -> Result<String> {
    Ok(hex::encode(random_bytes::<32>()?))
}

/// A new opaque object id such as `u_3f9c…`: 96 random bits.
pub fn new_id(prefix: &str) -> Result<String> {
    Ok(format!("{prefix}_{}", hex::encode(random_bytes::<12>()?)))
}

/// SHA-256 in hex.
pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// HMAC-SHA256 of `data` under `key`, hex: a hash nobody without the key
/// can reverse by trying every input.
pub fn keyed_hex(key: &str, data: &[u8]) -> Result<String> {
    use hmac::Mac;
    let mut mac = hmac::Hmac::<Sha256>::new_from_slice(key.as_bytes())
        .map_err(|_| worker::Error::RustError("key unusable".into()))?;
    mac.update(data);
    Ok(hex::encode(mac.finalize().into_bytes()))
}

async fn pbkdf2(password: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>> {
    let subtle = crypto()?.subtle();
    let raw = Uint8Array::from(password.as_bytes());
    let usages = Array::of1(&JsValue::from_str("deriveBits"));
    let import_alg = Object::new();
    set(&import_alg, "name", &"PBKDF2".into())?;
    let key = JsFuture::from(
        subtle
            .import_key_with_object("raw", &raw, &import_alg, false, &usages)
            .map_err(js_err)?,
    )
    .await
    .map_err(js_err)?;
    let alg = Object::new();
    set(&alg, "name", &"PBKDF2".into())?;
    set(&alg, "hash", &"SHA-256".into())?;
    set(&alg, "salt", &Uint8Array::from(salt).into())?;
    set(&alg, "iterations", &JsValue::from(iterations))?;
    let bits = JsFuture::from(
        subtle
            .derive_bits_with_object(&alg, key.unchecked_ref(), (HASH_LEN * 8) as u32)
            .map_err(js_err)?,
    )
    .await
    .map_err(js_err)?;
    Ok(Uint8Array::new(&bits).to_vec())
}

fn set(obj: &Object, key: &str, value: &JsValue) -> Result<()> {
    Reflect::set(obj, &JsValue::from_str(key), value).map_err(js_err)?;
    Ok(())
}

/// Hashes a new password with a fresh salt.
pub async fn hash_password(password: &str) -> Result<String> {
    let salt = random_bytes::<SALT_LEN>()?.to_vec();
    let hash = pbkdf2(password, &salt, PBKDF2_ITERATIONS).await?;
    Ok(PasswordHash {
        iterations: PBKDF2_ITERATIONS,
        salt,
        hash,
    }
    .to_string())
}

/// A stored hash that matches no password: verifying against it costs the
/// same as verifying a real one, so an unknown e-mail address takes as long
/// to refuse as a wrong password.
pub const DUMMY_HASH: &str = "pbkdf2-sha256$100000$00000000000000000000000000000000$0000000000000000000000000000000000000000000000000000000000000000";

/// Whether `password` matches `stored`, compared in constant time.
pub async fn verify_password(password: &str, stored: &str) -> Result<bool> {
    let Some(h) = PasswordHash::parse(stored) else {
        return Ok(false);
    };
    let got = pbkdf2(password, &h.salt, h.iterations).await?;
    Ok(bool::from(got.ct_eq(&h.hash)))
}
