//! The facts of one claim: who, its state, and the sums.

use frist_domain::frikort::{ClaimView, format_ore};
use leptos::prelude::*;

use crate::form::nb;
use crate::i18n::{name, t, tf};

#[component]
pub(super) fn ClaimFacts(c: ClaimView) -> impl IntoView {
    view! {
        <dl class="frist-facts" data-testid="claim-facts">
            <dt>{t("frikort.health_trust")}</dt>
            <dd>{c.organisation_name.clone()}</dd>
            <dt>{t("frikort.status")}</dt>
            <dd data-testid="claim-status">{name(c.status)}</dd>
            <dt>{t("frikort.file")}</dt>
            <dd>{c.file_name.clone()}</dd>
            <dt>{t("frikort.received")}</dt>
            <dd>{c.received_on.map(nb).unwrap_or_else(|| "–".into())}</dd>
            <dt>{t("frikort.pay_by")}</dt>
            <dd>{c.due.map(nb).unwrap_or_else(|| "–".into())}</dd>
            <dt>{t("frikort.lines")}</dt>
            <dd>
                {tf(
                    "frikort.lines_summary",
                    &[
                        ("lines", &c.lines.to_string()),
                        ("valid", &c.valid_lines.to_string()),
                        ("undecided", &c.undecided.to_string()),
                    ],
                )}
            </dd>
            <dt>{t("frikort.claimed")}</dt>
            <dd>{format_ore(c.claimed_ore)}</dd>
            <dt>{t("frikort.approved")}</dt>
            <dd data-testid="approved">{format_ore(c.approved_ore)}</dd>
            <dt>{t("frikort.paid")}</dt>
            <dd data-testid="paid">
                {if c.payments.is_empty() { "–".into() } else { format_ore(c.paid_ore) }}
            </dd>
            <dt>{t("frikort.payable")}</dt>
            <dd data-testid="payable">
                {tf(
                    "frikort.payable_summary",
                    &[
                        ("amount", &format_ore(c.payable_ore)),
                        ("lines", &c.payable_lines.to_string()),
                    ],
                )}
            </dd>
            {(c.repayment_ore > 0)
                .then(|| {
                    view! {
                        <dt>{t("frikort.repayment_demanded")}</dt>
                        <dd>{format_ore(c.repayment_ore)}</dd>
                    }
                })}
        </dl>
    }
}
