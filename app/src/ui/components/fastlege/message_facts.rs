//! The facts of one sent message, and the warnings it was sent with.

use frist_domain::fastlege::MessageView;
use leptos::prelude::*;

use crate::form::{due_tag, nb};
use crate::i18n::{issue, name, t};

use super::messages::{registration_due, status_text};

#[component]
pub(super) fn MessageFacts(m: MessageView) -> impl IntoView {
    let status_text = status_text(&m);
    let tag = registration_due(&m).and_then(due_tag);
    let contact = m.form.contact.clone();
    view! {
        <dl class="frist-facts" data-testid="message-facts">
            <dt>{t("fastlege.message")}</dt>
            <dd>{name(m.kind)}</dd>
            <dt>{t("fastlege.col_municipality")}</dt>
            <dd>{m.organisation_name.clone()}</dd>
            <dt>{t("fastlege.what")}</dt>
            <dd>{m.summary.clone()}</dd>
            <dt>{t("fastlege.effective_from")}</dt>
            <dd>{nb(m.effective)}</dd>
            <dt>{t("fastlege.expected_registered")}</dt>
            <dd>{nb(m.timing.expected_registration)}</dd>
            <dt>{t("fastlege.col_status")}</dt>
            <dd data-testid="message-status">{status_text}{tag}</dd>
            {m
                .registered_on
                .map(|d| {
                    view! {
                        <dt>{t("fastlege.registered_on")}</dt>
                        <dd>{nb(d)}</dd>
                    }
                })}
            {(m.citizens_moved > 0)
                .then(|| {
                    view! {
                        <dt>{t("fastlege.citizens_moved")}</dt>
                        <dd>{m.citizens_moved}</dd>
                    }
                })}
            <dt>{t("fastlege.contact_legend")}</dt>
            <dd>{format!("{}, {}, {}", contact.name, contact.phone, contact.email)}</dd>
            {(!m.form.comment.trim().is_empty())
                .then(|| {
                    view! {
                        <dt>{t("fastlege.comment_label")}</dt>
                        <dd data-testid="message-comment">{m.form.comment.trim().to_owned()}</dd>
                    }
                })}
        </dl>
        {(!m.warnings.is_empty())
            .then(|| {
                view! {
                    <div class="ds-alert" data-color="warning" role="status">
                        <p class="ds-paragraph">{t("fastlege.sent_with_warnings")}</p>
                        <ul class="ds-list">
                            {m
                                .warnings
                                .iter()
                                .map(|w| view! { <li>{issue(w)}</li> })
                                .collect_view()}
                        </ul>
                    </div>
                }
            })}
    }
}
