//! The receipt shown once a claim file's valid lines are sent.

use frist_domain::frikort::{ClaimView, format_ore};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::form::nb;
use crate::i18n::t;

#[component]
pub(super) fn ClaimReceipt(c: ClaimView) -> impl IntoView {
    view! {
        <section id="receipt" class="frist-receipt" data-testid="receipt" tabindex="-1">
            <div class="ds-alert" data-color="success" role="status">
                <h2 class="ds-heading" data-size="md">
                    {t("frikort.sent_heading")}
                </h2>
                <p class="ds-paragraph">
                    {t("frikort.claim_number")}" "
                    <strong data-testid="claim-number">{c.number.clone()}</strong>
                </p>
            </div>
            <dl class="frist-facts">
                <dt>{t("frikort.lines")}</dt>
                <dd>{c.lines}</dd>
                <dt>{t("frikort.claimed")}</dt>
                <dd>{format_ore(c.claimed_ore)}</dd>
                <dt>{t("frikort.helfo_pays_by")}</dt>
                <dd>{c.due.map(nb).unwrap_or_default()}</dd>
            </dl>
            <A href=format!("/frikort/krav/{}", c.id)>{t("frikort.go_to_claim")}</A>
        </section>
    }
}
