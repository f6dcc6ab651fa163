//! The fastlege form's closing fields: who to contact, and a comment.

use leptos::prelude::*;

use crate::form::{FormErrors, TextField};
use crate::i18n::t;

use super::fields::Fields;

#[component]
pub(super) fn ContactFields(f: Fields, errors: FormErrors) -> impl IntoView {
    let field = move |id: &'static str| errors.field(id);
    view! {
        <fieldset class="ds-fieldset">
            <legend class="ds-heading" data-size="xs">
                {t("fastlege.contact_legend")}
            </legend>
            <TextField
                id="fl-contact.name"
                label=t("fastlege.contact_name_label")
                value=f.contact_name
                error=field("fl-contact.name")
            />
            <TextField
                id="fl-contact.phone"
                label=t("fastlege.contact_phone_label")
                value=f.contact_phone
                error=field("fl-contact.phone")
                input_type="tel"
            />
            <TextField
                id="fl-contact.email"
                label=t("fastlege.contact_email_label")
                value=f.contact_email
                error=field("fl-contact.email")
                input_type="email"
            />
        </fieldset>
    }
}

/// The free-text comment: a textarea, so written out here rather than as a
/// `TextField`.
#[component]
pub(super) fn CommentField(f: Fields, errors: FormErrors) -> impl IntoView {
    let field = move |id: &'static str| errors.field(id);
    view! {
        <div class="ds-field">
            <label class="ds-label" for="fl-comment">
                {t("fastlege.comment_label")}
            </label>
            <div class="ds-paragraph frist-description" data-size="sm" id="fl-comment-description">
                {t("fastlege.comment_description")}
            </div>
            <textarea
                class="ds-input"
                id="fl-comment"
                name="fl-comment"
                rows="3"
                aria-describedby=move || {
                    if field("fl-comment").get().is_some() {
                        "fl-comment-description fl-comment-error"
                    } else {
                        "fl-comment-description"
                    }
                }
                aria-invalid=move || field("fl-comment").get().map(|_| "true")
                prop:value=move || f.comment.get()
                on:input=move |ev| f.comment.set(event_target_value(&ev))
            ></textarea>
            {move || {
                field("fl-comment")
                    .get()
                    .map(|e| {
                        view! {
                            <div
                                class="ds-validation-message"
                                data-color="danger"
                                id="fl-comment-error"
                            >
                                {e}
                            </div>
                        }
                    })
            }}
        </div>
    }
}
