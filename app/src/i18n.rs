//! The app's texts in bokmål (default), nynorsk and English.
//!
//! Texts live in `texts/app/*.json` as `key: [nb, nn, en]`; `build.rs`
//! refuses a key that lacks a language. The chosen language is remembered
//! in `localStorage`; switching reloads the page, which keeps every draft
//! (drafts are written to `localStorage` on each change) and lets every
//! text be a plain `&'static str` instead of a reactive closure.

use std::cell::Cell;

pub use frist_domain::messages::Lang;
use frist_domain::{Issue, messages};

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

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

fn index(lang: Lang) -> usize {
    match lang {
        Lang::Nb => 0,
        Lang::Nn => 1,
        Lang::En => 2,
    }
}

/// The text of `key` in `lang`, if the key exists.
pub fn lookup(key: &str, lang: Lang) -> Option<&'static str> {
    TEXTS
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| TEXTS[i].1[index(lang)])
}

/// The text of `key` in the chosen language. An unknown key shows as
/// itself, which the language test in the browser looks for.
pub fn t(key: &'static str) -> &'static str {
    lookup(key, lang()).unwrap_or(key)
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
    lookup(&format!("enum.{ty}.{variant}"), lang()).unwrap_or(variant)
}

/// A domain issue in the chosen language.
pub fn issue(issue: &Issue) -> String {
    messages::render(issue, lang())
}
