//! FK-7: demanding that the HF repay part of one payment.

use frist_domain::frikort::{ClaimView, RepaymentCause, RepaymentForm, format_ore};
use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::api::{self, ApiError};
use crate::form::{ErrorSummary, nb, ready_to_send, today};
use crate::i18n::{name, t, tf};

/// FK-7: a demand that the HF repay part of one payment — not when Helfo's
/// own wrong information caused the advance.
#[component]
pub(super) fn RepaymentForm<F>(c: ClaimView, changed: F) -> impl IntoView
where
    F: Fn(Result<ClaimView, ApiError>, String) + Copy + 'static,
{
    let payment = RwSignal::new(
        c.payments
            .last()
            .map(|p| p.n.to_string())
            .unwrap_or_default(),
    );
    let [amount, cause, reason] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let (id, version) = (c.id.clone(), c.version);
    let payments = c.payments.clone();
    let form = move || RepaymentForm {
        payment: payment.get(),
        amount: amount.get(),
        cause: cause.get(),
        reason: reason.get(),
    };
    let check = Memo::new(move |_| form().check(&payments, today()).err());
    let (errors, field, summary, tried) = crate::form::checked_fields(check, "fk-repay-");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !ready_to_send(check, tried, summary) {
            return;
        }
        let form = form();
        let id = id.clone();
        leptos::task::spawn_local(async move {
            changed(
                api::demand_repayment(&id, version, &form).await,
                t("frikort.repayment_registered").into(),
            );
        });
    };
    let (payment_options, causes) = (payment_options(&c), cause_options());
    view! {
        <form
            class="frist-inline-form frist-panel"
            on:submit=submit
            novalidate
            data-testid="repayment-form"
        >
            <h2 class="ds-heading" data-size="sm">
                {t("frikort.demand_repayment")}
            </h2>
            <ErrorSummary errors=errors node_ref=summary />
            <crate::form::SelectField
                id="fk-repay-payment"
                label=t("frikort.payment")
                value=payment
                options=payment_options
                error=field("fk-repay-payment")
            />
            <crate::form::TextField
                id="fk-repay-amount"
                label=t("frikort.amount")
                value=amount
                error=field("fk-repay-amount")
            />
            <crate::form::SelectField
                id="fk-repay-cause"
                label=t("frikort.repayment_cause")
                description=t("frikort.repayment_cause_hint")
                value=cause
                options=causes
                error=field("fk-repay-cause")
            />
            <crate::form::TextField
                id="fk-repay-reason"
                label=t("frikort.reason")
                value=reason
                error=field("fk-repay-reason")
            />
            <button class="ds-button" data-variant="secondary" type="submit">
                {t("frikort.register_demand")}
            </button>
        </form>
    }
}

/// Each payment of the claim: its number, date and amount.
fn payment_options(c: &ClaimView) -> Vec<(String, String)> {
    c.payments
        .iter()
        .map(|p| {
            let label = tf(
                "frikort.payment_option",
                &[
                    ("n", &p.n.to_string()),
                    ("date", &nb(p.paid_on)),
                    ("amount", &format_ore(p.amount_ore)),
                ],
            );
            (p.n.to_string(), label)
        })
        .collect()
}

/// Every cause of a repayment.
fn cause_options() -> Vec<(String, String)> {
    RepaymentCause::iter()
        .map(|c| (<&str>::from(c).to_owned(), name(c).to_owned()))
        .collect()
}
