//! The files the page loads after its first module (issue 27): the
//! signed-in app's module, the checker worker and each language's texts.
//! Their names carry a hash of their content, so each is cached for good;
//! the build (`scripts/finish-dist.mjs`) lists them in `index.html` as
//! `<script type="application/json" id="frist-assets">`, which this reads.

use std::cell::OnceCell;

use serde::Deserialize;

use crate::i18n::Lang;

/// The page's asset list.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Assets {
    /// The signed-in app: its JS (an ES module) and its wasm.
    pub app: Module,
    /// The checker worker's module script.
    pub checker: String,
    /// Each language's texts, by tag.
    pub texts: std::collections::BTreeMap<String, String>,
}

/// A wasm-bindgen module: its JS and its wasm.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Module {
    /// The ES module's path.
    pub js: String,
    /// The wasm's path.
    pub wasm: String,
}

thread_local! {
    static ASSETS: OnceCell<Assets> = const { OnceCell::new() };
}

/// The page's asset list (empty when the page has none: a build without
/// `finish-dist`).
pub fn assets() -> Assets {
    ASSETS.with(|a| {
        a.get_or_init(|| {
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("frist-assets"))
                .and_then(|e| e.text_content())
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default()
        })
        .clone()
    })
}

/// The texts file of `lang`.
pub fn texts(lang: Lang) -> Option<String> {
    assets().texts.get(lang.tag()).cloned()
}
