//! The field pattern (label, description, input, validation message) for a
//! text, a checkbox and a choice, and how a field finds its errors.

use frist_domain::Report;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{issue, t};

/// Moves focus to the element with `id`.
pub fn focus_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The issues of `report` as (field id, message), field ids `prefix` + path.
pub fn errors_of(report: &Report, prefix: &str) -> Vec<(String, String)> {
    report
        .issues
        .iter()
        .filter(|i| i.severity == frist_domain::Severity::Error)
        .map(|i| (format!("{prefix}{}", i.path), issue(i)))
        .collect()
}

/// The label of the field `id` as the page shows it, so the error summary
/// can say which field a message is about.
pub(super) fn label_of(id: &str) -> Option<String> {
    let label = document()
        .query_selector(&format!("label[for='{id}']"))
        .ok()??;
    label.text_content().map(|t| t.trim().to_owned())
}

/// The message for field `id` among `errors`, if any.
pub fn error_for(errors: &[(String, String)], id: &str) -> Option<String> {
    errors.iter().find(|(f, _)| f == id).map(|(_, m)| m.clone())
}

/// A field's `aria-describedby`: its description and its error, when shown.
fn described_by(id: &str, description: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [(description, "description"), (error, "error")]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, part)| format!("{id}-{part}"))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A field's description, under its label.
fn field_description(id: &str, text: &'static str) -> impl IntoView {
    view! {
        <div class="ds-paragraph frist-description" data-size="sm" id=format!("{id}-description")>
            {text}
        </div>
    }
}

/// A field's validation message, under its input.
fn field_error(id: &str, message: String) -> impl IntoView {
    view! {
        <div class="ds-validation-message" data-color="danger" id=format!("{id}-error")>
            {message}
        </div>
    }
}

/// A text input in the field pattern.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] description: Option<&'static str>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
) -> impl IntoView {
    let described = move || described_by(id, description.is_some(), error.get().is_some());
    view! {
        <div class="ds-field">
            <label class="ds-label" for=id>
                {label}
            </label>
            {description.map(|d| field_description(id, d))}
            <input
                class="ds-input"
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {move || error.get().map(|e| field_error(id, e))}
        </div>
    }
}

/// A checkbox with its label beside it (Designsystemet's checkbox field).
#[component]
pub fn CheckboxField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <div class="ds-field frist-check">
            <input
                class="ds-input"
                type="checkbox"
                id=id
                prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev))
            />
            <label class="ds-label" for=id data-weight="regular">
                {label}
            </label>
        </div>
    }
}

/// A select in the field pattern; `options` are (value, text).
#[component]
pub fn SelectField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] description: Option<&'static str>,
) -> impl IntoView {
    let described = move || described_by(id, description.is_some(), error.get().is_some());
    view! {
        <div class="ds-field">
            <label class="ds-label" for=id>
                {label}
            </label>
            {description.map(|d| field_description(id, d))}
            <select
                class="ds-input"
                id=id
                name=id
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                <option value="">{t("form.choose")}</option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(v, t)| {
                            let selected = v == value.get_untracked();
                            view! {
                                <option value=v selected=selected>
                                    {t}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            {move || error.get().map(|e| field_error(id, e))}
        </div>
    }
}
