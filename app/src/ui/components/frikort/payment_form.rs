//! Recording a payment of a claim.

use frist_domain::frikort::{ClaimView, PaymentForm, format_ore};
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::form::{ErrorSummary, nb, ready_to_send, today};
use crate::i18n::{t, tf};

use super::payments::account_text;

/// FK-4/FK-9: the payment of the approved lines not yet paid, to the
/// account the RHF has set (ID-5) — lines still disputed do not hold it
/// back. The domain's check runs as the caseworker types; errors show
/// after the first attempt to send, then follow every change (the Aksel
/// timing).
#[component]
pub(super) fn PaymentForm<F>(c: ClaimView, changed: F) -> impl IntoView
where
    F: Fn(Result<ClaimView, ApiError>, String) + Copy + 'static,
{
    let paid_on = RwSignal::new(nb(today()));
    let amount = RwSignal::new(
        format_ore(c.payable_ore)
            .replace(['\u{a0}', 'k', 'r'], "")
            .trim()
            .to_owned(),
    );
    let account = RwSignal::new(String::new());
    let (id, version) = (c.id.clone(), c.version);
    let (lines, payable) = (c.payable_lines, c.payable_ore);
    let on_record = c.payout_account.clone();
    let shown_account = on_record.as_deref().map(account_text);
    let form = move || PaymentForm {
        paid_on: paid_on.get(),
        amount: amount.get(),
        account: account.get(),
    };
    let check = Memo::new(move |_| {
        form()
            .check(lines, payable, on_record.as_deref(), today())
            .err()
    });
    let (errors, field, summary, tried) = crate::form::checked_fields(check, "fk-");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !ready_to_send(check, tried, summary) {
            return;
        }
        let form = form();
        let id = id.clone();
        leptos::task::spawn_local(async move {
            changed(
                api::pay_claim(&id, version, &form).await,
                t("frikort.payment_registered").into(),
            );
        });
    };
    view! {
        <form class="frist-inline-form" on:submit=submit novalidate data-testid="payment-form">
            <h3 class="ds-heading" data-size="xs">
                {t("frikort.register_payment")}
            </h3>
            <p class="ds-paragraph" data-size="sm" data-testid="payment-account">
                {match shown_account {
                    Some(k) => tf("frikort.pays_to", &[("account", &k)]),
                    None => t("frikort.no_payout_account").into(),
                }}
            </p>
            <ErrorSummary errors=errors node_ref=summary />
            <crate::form::TextField
                id="fk-paid_on"
                label=t("frikort.paid_on")
                value=paid_on
                error=field("fk-paid_on")
            />
            <crate::form::TextField
                id="fk-amount"
                label=t("frikort.amount_payable")
                value=amount
                error=field("fk-amount")
            />
            <crate::form::TextField
                id="fk-account"
                label=t("frikort.rhf_account")
                description=t("frikort.rhf_account_hint")
                value=account
                error=field("fk-account")
            />
            <button class="ds-button" data-variant="primary" type="submit">
                {t("frikort.register_payment")}
            </button>
        </form>
    }
}
