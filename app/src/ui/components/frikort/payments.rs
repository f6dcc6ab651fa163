//! A claim's payments and repayments.

use frist_domain::frikort::{ClaimView, format_ore};
use leptos::prelude::*;

use crate::form::nb;
use crate::i18n::t;

/// FK-4/FK-9: the payments so far, each with the lines it paid.
#[component]
pub(super) fn Payments(c: ClaimView) -> impl IntoView {
    (!c.payments.is_empty()).then(|| {
        view! {
            <h2 class="ds-heading" data-size="sm">
                {t("frikort.payments")}
            </h2>
            <div class="frist-table-wrap">
                <table class="ds-table" tabindex="0" data-testid="payments">
                    <thead>
                        <tr>
                            <th scope="col">{t("frikort.payment_n")}</th>
                            <th scope="col">{t("frikort.paid_on")}</th>
                            <th scope="col">{t("frikort.amount")}</th>
                            <th scope="col">{t("frikort.lines")}</th>
                            <th scope="col">{t("frikort.account")}</th>
                            <th scope="col">{t("frikort.repayment_demanded")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {c
                            .payments
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <tr>
                                        <td>{p.n}</td>
                                        <td>{nb(p.paid_on)}</td>
                                        <td>{format_ore(p.amount_ore)}</td>
                                        <td>{p.lines}</td>
                                        <td>{account_text(&p.account)}</td>
                                        <td>
                                            {if p.repaid_ore > 0 {
                                                format!(
                                                    "{} – {}",
                                                    format_ore(p.repaid_ore),
                                                    p.repayment_reason.unwrap_or_default(),
                                                )
                                            } else {
                                                "–".into()
                                            }}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
    })
}

/// An account number as people write it (ID-5: `XXXX XX XXXXX`).
pub(super) fn account_text(account: &str) -> String {
    account
        .parse::<frist_domain::ids::Kontonummer>()
        .map_or_else(|_| account.to_owned(), |k| k.to_string())
}
