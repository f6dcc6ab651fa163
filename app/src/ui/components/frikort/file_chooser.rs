//! Choosing the claim file (picked or dropped), with what the user was
//! already aware of; choosing one starts its check.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::t;

use super::claim_upload::Upload;

#[component]
pub(super) fn FileChooser(upload: Upload) -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    let aware = upload.aware;
    let on_file = move |_| {
        let chosen = input
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|l| l.get(0));
        upload.file.set(chosen);
        upload.check();
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let dropped = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0));
        if dropped.is_some() {
            upload.file.set(dropped);
            upload.check();
        }
    };
    view! {
        <div class="frist-form">
            <div class="ds-field">
                <label class="ds-label" for="fk-aware">
                    {t("frikort.aware_label")}
                </label>
                <div
                    class="ds-paragraph frist-description"
                    data-size="sm"
                    id="fk-aware-description"
                >
                    {t("frikort.aware_description")}
                </div>
                <input
                    class="ds-input"
                    id="fk-aware"
                    aria-describedby="fk-aware-description"
                    prop:value=move || aware.get()
                    on:input=move |ev| aware.set(event_target_value(&ev))
                />
            </div>
            <div
                class="ds-field frist-drop"
                on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
                on:drop=on_drop
                data-testid="drop-zone"
            >
                <label class="ds-label" for="fk-file">
                    {t("frikort.file_label")}
                </label>
                <input
                    class="ds-input"
                    type="file"
                    id="fk-file"
                    accept=".csv,.txt,.xlsx,text/csv"
                    node_ref=input
                    on:change=on_file
                />
                <p class="ds-paragraph" data-size="sm">
                    {t("frikort.drop_hint")}
                </p>
            </div>
        </div>
    }
}
