//! The receipt shown once a notification is sent.

use frist_domain::fristbrudd::CaseCreated;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::form::nb;
use crate::i18n::t;

use super::case_table::site_action_text;

/// The receipt after a notification: number, what happens next, the
/// deadlines that now run.
#[component]
pub(super) fn Receipt(receipt: CaseCreated) -> impl IntoView {
    let href = format!("/fristbrudd/saker/{}", receipt.id);
    view! {
        <section id="receipt" tabindex="-1" class="frist-receipt" data-testid="receipt">
            <div class="ds-alert" data-color="success" role="status">
                <h1 class="ds-heading" data-size="md">
                    {t("fristbrudd.receipt_title")}
                </h1>
                <p class="ds-paragraph">
                    {t("fristbrudd.case_number")}": "
                    <strong data-testid="case-number">{receipt.number.clone()}</strong>
                </p>
            </div>
            <h2 class="ds-heading" data-size="sm">
                {t("fristbrudd.what_next")}
            </h2>
            <dl class="frist-facts">
                <dt>{t("fristbrudd.notified")}</dt>
                <dd>{nb(receipt.notified_on)}</dd>
                <dt>{t("fristbrudd.contact_patient")}</dt>
                <dd>{t("fristbrudd.contact_within")}</dd>
                <dt>{t("fristbrudd.first_answer_by")}</dt>
                <dd>{nb(receipt.service_limit)}</dd>
            </dl>
            <p class="ds-paragraph">{site_action_text(&receipt.site_action)}</p>
            <p class="ds-paragraph">{t("fristbrudd.email_notice")}</p>
            <div class="frist-actions frist-no-print">
                <A href=href attr:class="ds-link">
                    {t("fristbrudd.go_to_case")}
                </A>
                <button
                    class="ds-button"
                    data-variant="secondary"
                    type="button"
                    on:click=|_| {
                        let _ = window().print();
                    }
                >
                    {t("fristbrudd.print_receipt")}
                </button>
                <a class="ds-link" href="/fristbrudd/ny" rel="external">
                    {t("fristbrudd.report_new")}
                </a>
            </div>
        </section>
    }
}
