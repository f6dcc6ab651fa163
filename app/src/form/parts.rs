//! Small parts every page uses: the loading or failure line, an alert,
//! saving a text or a file, and waiting without blocking the page.

use leptos::prelude::*;

use crate::i18n::t;

/// While a page's object loads: the `loading` text, or why it could not be
/// loaded — an unknown number says so, never "loading" for ever.
pub fn loading_or_failure(
    failure: RwSignal<Option<String>>,
    loading: &'static str,
) -> impl IntoView {
    move || match failure.get() {
        Some(text) => alert("danger", text).into_any(),
        None => view! { <p class="ds-paragraph">{t(loading)}</p> }.into_any(),
    }
}

/// A Designsystemet alert: `danger` is announced at once (`role=alert`),
/// the others politely (`role=status`).
pub fn alert(kind: &'static str, text: String) -> impl IntoView {
    let role = if kind == "danger" { "alert" } else { "status" };
    view! {
        <div class="ds-alert" data-color=kind role=role>
            <p class="ds-paragraph">{text}</p>
        </div>
    }
}

/// Offers the CSV `text` as a file download named `name`.
pub fn save_text(name: &str, text: &str) {
    save_file(name, "text/csv;charset=utf-8", text);
}

/// Offers `text` as a file download named `name` of type `mime`. Made in
/// the browser, so nothing personal travels in a URL.
pub fn save_file(name: &str, mime: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Lets the browser paint and handle input before the next slice.
pub async fn yield_now() {
    gloo_sleep(0).await;
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn gloo_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
