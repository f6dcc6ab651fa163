//! `/frikort/krav/:id`: one claim with its decision and payments.

use frist_domain::frikort::{ClaimStatus, ClaimView, LineView};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{self, ApiError, load_all_for, show_loaded};
use crate::confirm::{Confirm, Question};
use crate::form::{alert, loading_or_failure};
use crate::i18n::{issue, t, tf};
use crate::search::{BackLink, Breadcrumbs};
use crate::session::use_session;

use super::claim_facts::ClaimFacts;
use super::claim_lines::ClaimLines;
use super::claims::CLAIM_LISTS;
use super::payment_form::PaymentForm;
use super::payments::Payments;
use super::repayment_form::RepaymentForm;

#[component]
pub fn ClaimDetail() -> impl IntoView {
    let params = use_params_map();
    let id = Signal::derive(move || params.get().get("id").unwrap_or_default());
    let claim = RwSignal::new(None::<ClaimView>);
    let lines = RwSignal::new(Vec::<LineView>::new());
    let failure = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let helfo = use_session()
        .view()
        .is_some_and(|s| s.user.role.sees_all_organisations());
    // Loaded for the claim in the address, and dropped with the page.
    let loaded = LocalResource::new(move || {
        let id = id.get();
        async move { api::claim(&id).await }
    });
    show_loaded(loaded, claim, failure);
    let loaded_lines = load_all_for(
        lines,
        failure,
        move || id.get(),
        |id, cursor| api::claim_lines(id, "issues", cursor),
    );
    let reload = move || {
        // Also called after an answer, when the page may be gone.
        if claim.is_disposed() {
            return;
        }
        loaded.refetch();
        loaded_lines.refetch();
    };
    let changed = move |r: Result<ClaimView, ApiError>, what: String| match r {
        Ok(c) => {
            claim.set(Some(c));
            failure.set(None);
            done.set(Some(what));
            reload();
        }
        Err(e) => {
            done.set(None);
            failure.set(Some(refusal_text(&e)));
        }
    };
    // Approving every clean line at once is asked first: an approved line
    // is paid with the next payment. Kept with the page, so a question
    // open while the claim reloads stays open.
    let ask = RwSignal::new(None::<Question>);
    move || {
        let Some(c) = claim.get() else {
            return view! {
                <BackLink fallback=("/frikort/krav", "frikort.all_claims") lists=CLAIM_LISTS />
                {loading_or_failure(failure, "frikort.loading")}
            }
            .into_any();
        };
        let report = format!("/api/v1/frikort/claims/{}/report", c.id);
        let settling = helfo && c.status == ClaimStatus::Received;
        view! {
            <Breadcrumbs list=("/frikort/krav", "nav.frikort") current=c.number.clone() />
            <BackLink fallback=("/frikort/krav", "frikort.all_claims") lists=CLAIM_LISTS />
            <h1 class="ds-heading" data-size="lg">
                {tf("frikort.claim_title", &[("number", &c.number)])}
            </h1>
            {move || failure.get().map(|t| alert("danger", t))}
            {move || done.get().map(|t| alert("success", t))}
            <ClaimFacts c=c.clone() />
            <Payments c=c.clone() />
            <p class="ds-paragraph">
                <a class="ds-link" href=report download="">
                    {t("frikort.download_report")}
                </a>
            </p>
            {settling.then(|| view! { <Settlement c=c.clone() id=id ask=ask changed=changed /> })}
            {(helfo && !c.payments.is_empty())
                .then(|| view! { <RepaymentForm c=c.clone() changed=changed /> })}
            <ClaimLines lines=lines settling=settling id=id changed=changed />
        }
        .into_any()
    }
}

/// Why the edge refused: the issues it named, or else its message.
fn refusal_text(e: &ApiError) -> String {
    let detail: Vec<String> = e.issues().iter().map(issue).collect();
    if detail.is_empty() {
        e.text()
    } else {
        detail.join(" ")
    }
}

/// Settling a received claim: approving every clean line at once, and
/// recording the payment.
#[component]
fn Settlement<F>(
    c: ClaimView,
    id: Signal<String>,
    ask: RwSignal<Option<Question>>,
    changed: F,
) -> impl IntoView
where
    F: Fn(Result<ClaimView, ApiError>, String) + Copy + Send + Sync + 'static,
{
    let approve_clean = Callback::new(move |()| {
        let id = id.get_untracked();
        leptos::task::spawn_local(async move {
            changed(
                api::approve_clean(&id).await,
                t("frikort.all_clean_approved").into(),
            );
        });
    });
    view! {
        <section class="frist-panel" data-testid="settle">
            <h2 class="ds-heading" data-size="sm">
                {t("frikort.settlement")}
            </h2>
            <button
                class="ds-button"
                data-variant="secondary"
                type="button"
                on:click=move |_| {
                    ask.set(
                        Some(Question {
                            title: t("frikort.approve_all_confirm_title").to_owned(),
                            body: t("frikort.approve_all_confirm_body").to_owned(),
                            yes: t("frikort.approve_all_confirm_yes").to_owned(),
                        }),
                    )
                }
            >
                {t("frikort.approve_all_clean")}
            </button>
            <Confirm id="approve-all-confirm" ask=ask on_yes=approve_clean />
            <PaymentForm c=c changed=changed />
        </section>
    }
}
