//! The receipt shown once a fastlege message is sent.

use frist_domain::fastlege::MessageCreated;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::form::{nb, today};
use crate::i18n::{issue, name, t};

use super::timeline::{ClassBox, Timeline};

#[component]
pub(super) fn MessageReceipt(r: MessageCreated) -> impl IntoView {
    let today = today();
    view! {
        <section id="receipt" tabindex="-1" class="frist-receipt" data-testid="receipt">
            <div class="ds-alert" data-color="success" role="status">
                <h1 class="ds-heading" data-size="md">
                    {t("fastlege.receipt_heading")}
                </h1>
                <p class="ds-paragraph">
                    {t("fastlege.message_number")}" "
                    <strong data-testid="message-number">{r.number.clone()}</strong>
                </p>
            </div>
            <dl class="frist-facts">
                <dt>{t("fastlege.message")}</dt>
                <dd>{name(r.kind)}</dd>
                <dt>{t("fastlege.effective_from")}</dt>
                <dd>{nb(r.effective)}</dd>
                <dt>{t("fastlege.expected_registered")}</dt>
                <dd>{nb(r.timing.expected_registration)}</dd>
            </dl>
            <h2 class="ds-heading" data-size="sm">
                {t("fastlege.whats_next")}
            </h2>
            <Timeline timing=r.timing today=today kind=r.kind />
            {r.timing.class.map(|c| view! { <ClassBox class=c /> })}
            {(!r.warnings.is_empty())
                .then(|| {
                    view! {
                        <div class="ds-alert" data-color="warning" role="status">
                            <p class="ds-paragraph">{t("fastlege.sent_with_warnings")}</p>
                            <ul class="ds-list">
                                {r
                                    .warnings
                                    .iter()
                                    .map(|w| view! { <li>{issue(w)}</li> })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                })}
            <div class="frist-actions frist-no-print">
                <button
                    class="ds-button"
                    data-variant="secondary"
                    type="button"
                    on:click=|_| {
                        let _ = window().print();
                    }
                >
                    {t("fastlege.print_receipt")}
                </button>
                <A href="/fastlege/meldinger">{t("fastlege.see_all_messages")}</A>
                <a class="ds-link" href="/fastlege/ny" rel="external">
                    {t("fastlege.send_new")}
                </a>
            </div>
        </section>
    }
}
