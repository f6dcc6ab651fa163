//! Drafts, written on every change so a reload, a crash or an ended session
//! never loses what was typed — and readable by nobody but their user.
//!
//! Each draft is kept in `localStorage` encrypted with AES-GCM (WebCrypto)
//! under a key the edge gives only to the logged-in user
//! (`SessionView::draft_key`, derived from a server secret and the user);
//! the key lives in memory as a non-extractable `CryptoKey`, never in any
//! browser store. Entries are named `frist.vault.<owner>.<draft>`, `owner`
//! a keyed hash of the user, so two users of one PC never meet each
//! other's drafts, and a draft waiting to be sent is sent only by its own
//! user. The rest of the app reads and writes drafts synchronously: after
//! login [`unlock`] decrypts the user's drafts into memory, every write
//! updates memory at once and the store a moment later. An ended session
//! [`lock`]s (the encrypted drafts stay for that user's next login); an
//! explicit logout [`forget_all`]s them, after the user is warned.

use std::cell::RefCell;
use std::collections::HashMap;

use frist_domain::api::SessionView;
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const VAULT: &str = "frist.vault";
/// Drafts of frist before they were encrypted: read by nobody, removed.
const CLEAR_TEXT: &[&str] = &["frist.draft.", "frist.upload.", "frist.kontroll."];

struct Vault {
    owner: String,
    key: JsValue,
    plain: HashMap<String, String>,
}

thread_local! {
    static OPEN: RefCell<Option<Vault>> = const { RefCell::new(None) };
    /// Writes begun and finished: on the page as `data-drafts-begun` and
    /// `data-drafts-done`, so one can see when everything typed is
    /// stored (a browser test waits for it rather than for a time).
    static WRITES: std::cell::Cell<(u64, u64)> = const { std::cell::Cell::new((0, 0)) };
}

fn count_write(begun: u64, done: u64) {
    let (b, d) = WRITES.with(|w| {
        let (b, d) = w.get();
        w.set((b + begun, d + done));
        (b + begun, d + done)
    });
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-drafts-begun", &b.to_string());
        let _ = root.set_attribute("data-drafts-done", &d.to_string());
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn stored_name(owner: &str, key: &str) -> String {
    format!("{VAULT}.{owner}.{key}")
}

fn keys_of(storage: &web_sys::Storage) -> Vec<String> {
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect()
}

/// Calls `crypto.subtle.<method>(args…)` and waits for its promise.
async fn subtle(method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let crypto: JsValue = window.crypto()?.into();
    let subtle = Reflect::get(&crypto, &"subtle".into())?;
    let f: Function = Reflect::get(&subtle, &method.into())?.dyn_into()?;
    let args: Array = args.iter().collect();
    let promise: Promise = f.apply(&subtle, &args)?.dyn_into()?;
    JsFuture::from(promise).await
}

fn aes(iv: Option<&[u8]>) -> Result<Object, JsValue> {
    let alg = Object::new();
    Reflect::set(&alg, &"name".into(), &"AES-GCM".into())?;
    if let Some(iv) = iv {
        Reflect::set(&alg, &"iv".into(), &Uint8Array::from(iv))?;
    }
    Ok(alg)
}

fn from_hex(hex: &str) -> Option<Vec<u8>> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

async fn decrypt(key: &JsValue, stored: &str) -> Option<String> {
    let bytes = from_hex(stored)?;
    let (iv, sealed) = bytes.split_at_checked(12)?;
    let alg = aes(Some(iv)).ok()?;
    let plain = subtle(
        "decrypt",
        &[alg.into(), key.clone(), Uint8Array::from(sealed).into()],
    )
    .await
    .ok()?;
    String::from_utf8(Uint8Array::new(&plain).to_vec()).ok()
}

async fn encrypt(key: &JsValue, text: &str) -> Option<String> {
    let mut iv = [0u8; 12];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut iv)
        .ok()?;
    let alg = aes(Some(&iv)).ok()?;
    let sealed = subtle(
        "encrypt",
        &[
            alg.into(),
            key.clone(),
            Uint8Array::from(text.as_bytes()).into(),
        ],
    )
    .await
    .ok()?;
    let mut out = iv.to_vec();
    out.extend(Uint8Array::new(&sealed).to_vec());
    Some(to_hex(&out))
}

/// After login: imports the user's key and decrypts their drafts into
/// memory. Drafts of other users stay where they are, unreadable.
pub async fn unlock(view: &SessionView) {
    let (Some(key_hex), Some(owner)) = (&view.draft_key, &view.draft_owner) else {
        lock();
        return;
    };
    // The same user again ("stay logged in"): what is in memory is newest.
    if OPEN.with(|v| v.borrow().as_ref().is_some_and(|v| &v.owner == owner)) {
        return;
    }
    let Some(storage) = storage() else { return };
    for k in keys_of(&storage) {
        if CLEAR_TEXT.iter().any(|p| k.starts_with(p)) {
            let _ = storage.remove_item(&k);
        }
    }
    let Some(raw) = from_hex(key_hex) else { return };
    let usages: Array = ["encrypt", "decrypt"]
        .iter()
        .map(|u| JsValue::from_str(u))
        .collect();
    let Ok(alg) = aes(None) else { return };
    let Ok(key) = subtle(
        "importKey",
        &[
            "raw".into(),
            Uint8Array::from(raw.as_slice()).into(),
            alg.into(),
            JsValue::FALSE,
            usages.into(),
        ],
    )
    .await
    else {
        return;
    };
    let prefix = format!("{VAULT}.{owner}.");
    let mut plain = HashMap::new();
    for name in keys_of(&storage) {
        let Some(draft) = name.strip_prefix(&prefix) else {
            continue;
        };
        let Some(stored) = storage.get_item(&name).ok().flatten() else {
            continue;
        };
        if let Some(text) = decrypt(&key, &stored).await {
            plain.insert(draft.to_owned(), text);
        }
    }
    OPEN.with(|v| {
        *v.borrow_mut() = Some(Vault {
            owner: owner.clone(),
            key,
            plain,
        })
    });
}

/// The session ended: the key and the plain drafts leave memory; the
/// encrypted drafts stay for this user's next login.
pub fn lock() {
    OPEN.with(|v| *v.borrow_mut() = None);
}

/// Explicit logout: the user's drafts are deleted from this browser.
pub fn forget_all() {
    let owner = OPEN.with(|v| v.borrow().as_ref().map(|v| v.owner.clone()));
    if let (Some(owner), Some(storage)) = (owner, storage()) {
        let prefix = format!("{VAULT}.{owner}.");
        for k in keys_of(&storage) {
            if k.starts_with(&prefix) {
                let _ = storage.remove_item(&k);
            }
        }
    }
    lock();
}

/// Whether the user has typed into a form that is not sent (a draft
/// with some text in it; not a saved file or a submission key): what
/// the logout warning asks about. An untouched form is no draft.
pub fn has_unsent() -> bool {
    fn typed(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::String(s) => !s.trim().is_empty(),
            serde_json::Value::Array(a) => a.iter().any(typed),
            serde_json::Value::Object(o) => {
                o.iter().any(|(k, v)| k != "schema_version" && typed(v))
            }
            _ => false,
        }
    }
    OPEN.with(|v| {
        v.borrow().as_ref().is_some_and(|v| {
            v.plain.iter().any(|(k, text)| {
                k.starts_with("frist.draft.")
                    && !k.ends_with(".key")
                    && !k.ends_with(".pending")
                    && serde_json::from_str::<serde_json::Value>(text).is_ok_and(|v| typed(&v))
            })
        })
    })
}

fn read(key: &str) -> Option<String> {
    OPEN.with(|v| v.borrow().as_ref()?.plain.get(key).cloned())
}

fn write(key: &str, text: Option<String>) {
    let target = OPEN.with(|v| {
        let mut v = v.borrow_mut();
        let vault = v.as_mut()?;
        match &text {
            Some(t) => vault.plain.insert(key.to_owned(), t.clone()),
            None => vault.plain.remove(key),
        };
        Some((stored_name(&vault.owner, key), vault.key.clone()))
    });
    let (Some((name, crypto_key)), Some(storage)) = (target, storage()) else {
        return;
    };
    match text {
        None => {
            let _ = storage.remove_item(&name);
        }
        Some(text) => {
            count_write(1, 0);
            leptos::task::spawn_local(async move {
                if let Some(sealed) = encrypt(&crypto_key, &text).await {
                    // Written only if the draft is still this one (a
                    // later change or a clear wins).
                    let current = read_named(&name);
                    if current.as_deref() == Some(text.as_str()) {
                        let _ = storage.set_item(&name, &sealed);
                    }
                }
                count_write(0, 1);
            });
        }
    }
}

/// The plain text now held for the stored entry `name`, if its vault is open.
fn read_named(name: &str) -> Option<String> {
    OPEN.with(|v| {
        let v = v.borrow();
        let vault = v.as_ref()?;
        let key = name.strip_prefix(&format!("{VAULT}.{}.", vault.owner))?;
        vault.plain.get(key).cloned()
    })
}

pub fn load<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&read(key)?).ok()
}

pub fn save<T: serde::Serialize>(key: &str, value: &T) {
    if let Ok(text) = serde_json::to_string(value) {
        write(key, Some(text));
    }
}

/// Forgets the draft under `key`, with its submission key and its place
/// in the outbox.
pub fn clear(key: &str) {
    for k in [
        key.to_owned(),
        format!("{key}.key"),
        format!("{key}.pending"),
    ] {
        write(&k, None);
    }
}

/// The `Idempotency-Key` of the submission `body` of the draft under
/// `key`, kept beside the draft: a resend after a reload, a crash or a
/// lost answer is the same submission, so the edge answers it once. A
/// changed form is a new submission with a new key.
pub fn submission_key<T: serde::Serialize>(key: &str, body: &T) -> String {
    let at = format!("{key}.key");
    let text = serde_json::to_string(body).unwrap_or_default();
    match load::<(String, String)>(&at) {
        Some((k, sent)) if sent == text => k,
        _ => {
            let k = crate::api::new_idempotency_key();
            save(&at, &(k.clone(), text));
            k
        }
    }
}

/// Marks the draft under `key` as waiting in the outbox (or not).
pub fn set_pending(key: &str, pending: bool) {
    let at = format!("{key}.pending");
    if pending {
        save(&at, &true);
    } else {
        write(&at, None);
    }
}

/// Whether the draft under `key` was in the outbox when the page closed.
pub fn pending(key: &str) -> bool {
    load::<bool>(&format!("{key}.pending")).unwrap_or(false)
}

/// "Lag kopi": `value` (an earlier submission's form) becomes the draft
/// under `key`. A draft the user has started is never overwritten
/// silently: they are asked first, and keep it if they say no.
pub fn copy_into<T: serde::Serialize + serde::de::DeserializeOwned + Default + PartialEq>(
    key: &str,
    value: &T,
) -> bool {
    let started = load::<T>(key).is_some_and(|d| d != T::default() && d != *value);
    if started {
        let ok = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(crate::i18n::t("form.copy_replaces_draft"))
                    .ok()
            })
            .unwrap_or(false);
        if !ok {
            return false;
        }
    }
    save(key, value);
    true
}
