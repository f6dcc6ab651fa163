//! The app's texts in bokmål (default), nynorsk and English.
//!
//! Texts live in `texts/app/*.json` as `key: [nb, nn, en]`, beside the
//! domain's issue texts (`texts/issues.json`). They are data, not code
//! (issue 27): the build (`scripts/finish-dist.mjs`) writes one file per
//! language, named by its hash, and the page fetches only the chosen
//! language's before it shows anything — once, since a hashed file is
//! cached for good. The chosen language is remembered in `localStorage`;
//! switching reloads the page, which keeps every draft (drafts are written
//! to `localStorage` on each change) and lets every text be a plain
//! `&'static str` instead of a reactive closure.

use std::cell::{Cell, OnceCell};
use std::collections::HashMap;

pub use frist_domain::messages::Lang;
use frist_domain::{Issue, messages};

/// One language's texts: app keys, and `issue.<code>` for the domain's.
type Table = HashMap<&'static str, &'static str>;

thread_local! {
    static TEXTS: OnceCell<&'static Table> = const { OnceCell::new() };
}

/// Fetches the chosen language's texts (the file the build named in the
/// page's asset list). Until it is in, every text shows as its key.
pub async fn load() -> Result<(), String> {
    let url = crate::assets::texts(lang()).ok_or("the page names no texts")?;
    let body = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| e.to_string())?
        .text()
        .await
        .map_err(|e| e.to_string())?;
    install(&body)
}

/// Installs a language's texts from its JSON (`{ key: text }`). The
/// texts live as long as the page: a language is loaded once.
pub fn install(json: &str) -> Result<(), String> {
    let table: HashMap<String, String> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let leaked: Table = table
        .into_iter()
        .map(|(k, v)| (&*k.leak(), &*v.leak()))
        .collect();
    TEXTS.with(|t| {
        let _ = t.set(Box::leak(Box::new(leaked)));
    });
    Ok(())
}

const STORAGE_KEY: &str = "frist.lang";

thread_local! {
    static CURRENT: Cell<Option<Lang>> = const { Cell::new(None) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The language the user chose (remembered), else bokmål.
pub fn lang() -> Lang {
    CURRENT.with(|c| {
        c.get().unwrap_or_else(|| {
            let chosen = storage()
                .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
                .and_then(|tag| Lang::from_tag(&tag))
                .unwrap_or_default();
            c.set(Some(chosen));
            chosen
        })
    })
}

/// Remembers `lang` and reloads the page in it.
pub fn switch_to(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(STORAGE_KEY, lang.tag());
    }
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Sets `<html lang>` so screen readers pronounce the page right
/// (WCAG 3.1.1).
pub fn mark_document() {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", lang().tag());
    }
}

/// The text of `key` in the loaded language, if the key exists.
pub fn lookup(key: &str) -> Option<&'static str> {
    TEXTS.with(|t| t.get().and_then(|table| table.get(key).copied()))
}

/// The text of `key` in the chosen language. An unknown key shows as
/// itself, which the language test in the browser looks for.
pub fn t(key: &'static str) -> &'static str {
    lookup(key).unwrap_or(key)
}

/// The text of `key` with each `{name}` replaced by its value.
pub fn tf(key: &'static str, args: &[(&str, &str)]) -> String {
    let mut text = t(key).to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The name of a domain value (`enum.<Type>.<variant>` in
/// `texts/app/enums.json`).
pub fn name<T: Into<&'static str>>(value: T) -> &'static str {
    let ty = std::any::type_name::<T>()
        .rsplit("::")
        .next()
        .unwrap_or_default();
    let variant: &'static str = value.into();
    lookup(&format!("enum.{ty}.{variant}")).unwrap_or(variant)
}

/// A domain issue in the chosen language (its template is `issue.<code>`
/// in the language's texts; a code without one shows its name).
pub fn issue(issue: &Issue) -> String {
    let code = issue.code.as_str();
    let template = lookup(&format!("issue.{code}")).unwrap_or(code);
    messages::fill(template, issue)
}
