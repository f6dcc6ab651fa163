//! Attaching a document to a case.

use frist_domain::fristbrudd::{self as fb, CaseView};
use leptos::html;
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::i18n::{issue, t};

/// FB-7: one PDF, checked here by size and content before it is sent, and
/// again at the edge.
#[component]
pub(super) fn Upload<F>(c: CaseView, changed: F) -> impl IntoView
where
    F: Fn(Result<CaseView, ApiError>, String) + Copy + 'static,
{
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let input = NodeRef::<html::Input>::new();
    let (id, version) = (c.id.clone(), c.version);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(files) = input.get_untracked().and_then(|i| i.files()) else {
            return;
        };
        if files.length() != 1 {
            error.set(Some(t("fristbrudd.upload_one_pdf").into()));
            return;
        }
        let Some(file) = files.get(0) else { return };
        let id = id.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let head = first_bytes(&file, 8).await;
            let len = file.size() as usize;
            if let Err(problem) = fb::check_pdf(len, &head) {
                error.set(Some(issue(&problem)));
                busy.set(false);
                return;
            }
            error.set(None);
            let r = api::upload_document(&id, version, &file).await;
            busy.set(false);
            changed(r, t("fristbrudd.uploaded").into());
        });
    };
    let described = move || error.get().map(|_| "fb-document-error");
    view! {
        <form class="frist-inline-form" on:submit=submit novalidate data-testid="upload-form">
            <div class="ds-field">
                <label class="ds-label" for="fb-document">
                    {t("fristbrudd.upload_label")}
                </label>
                <input
                    class="ds-input"
                    type="file"
                    id="fb-document"
                    accept="application/pdf,.pdf"
                    node_ref=input
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby=described
                />
                {move || {
                    error
                        .get()
                        .map(|e| {
                            view! {
                                <div
                                    class="ds-validation-message"
                                    data-color="danger"
                                    id="fb-document-error"
                                >
                                    {e}
                                </div>
                            }
                        })
                }}
            </div>
            <button
                class="ds-button"
                data-variant="secondary"
                type="submit"
                disabled=move || busy.get()
            >
                {t("fristbrudd.upload_submit")}
            </button>
        </form>
    }
}

/// The first `n` bytes of a file (for sniffing), or none if unreadable.
async fn first_bytes(file: &web_sys::File, n: i32) -> Vec<u8> {
    let Ok(blob) = file.slice_with_i32_and_i32(0, n) else {
        return Vec::new();
    };
    match wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await {
        Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
        Err(_) => Vec::new(),
    }
}
