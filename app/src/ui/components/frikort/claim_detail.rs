//! `/frikort/krav/:id`: one claim with its decision and payments.

use frist_domain::frikort::{
    ClaimStatus, ClaimView, Decision, DecisionForm, LineView, Reason, format_ore,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use strum::IntoEnumIterator;

use crate::api::{self, ApiError, load_all, show_loaded};
use crate::confirm::{Confirm, Question};
use crate::form::{alert, loading_or_failure, nb};
use crate::i18n::{issue, name, t, tf};
use crate::search::{BackLink, Breadcrumbs};
use crate::session::use_session;

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
    let load_lines = move |id: String| {
        load_all(lines, failure, move |c| {
            Box::pin(api::claim_lines(id.clone(), "issues", c))
        });
    };
    Effect::new(move |_| load_lines(id.get()));
    let reload = move || {
        // Also called after an answer, when the page may be gone.
        let Some(id) = id.try_get_untracked() else {
            return;
        };
        loaded.refetch();
        load_lines(id);
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
            let detail: Vec<String> = e.issues().iter().map(issue).collect();
            failure.set(Some(if detail.is_empty() {
                e.text()
            } else {
                detail.join(" ")
            }));
        }
    };
    // Approving every clean line at once is asked first: an approved line
    // is paid with the next payment.
    let ask = RwSignal::new(None::<Question>);
    let approve_clean = Callback::new(move |()| {
        let id = id.get_untracked();
        leptos::task::spawn_local(async move {
            changed(
                api::approve_clean(&id).await,
                t("frikort.all_clean_approved").into(),
            );
        });
    });
    let decide = move |line: u64, decision: &'static str, reason: String, note: String| {
        let id = id.get_untracked();
        leptos::task::spawn_local(async move {
            let form = DecisionForm {
                decision: decision.into(),
                reason,
                note,
                ..Default::default()
            };
            changed(
                api::decide_line(&id, line, &form).await,
                tf("frikort.line_decided", &[("line", &line.to_string())]),
            );
        });
    };
    move || {
        let Some(c) = claim.get() else {
            return view! {
                <BackLink fallback=("/frikort/krav", "frikort.all_claims") lists=CLAIM_LISTS/>
                {loading_or_failure(failure, "frikort.loading")}
            }
            .into_any();
        };
        let report = format!("/api/v1/frikort/claims/{}/report", c.id);
        let settling = helfo && c.status == ClaimStatus::Received;
        view! {
            <Breadcrumbs list=("/frikort/krav", "nav.frikort") current=c.number.clone()/>
            <BackLink fallback=("/frikort/krav", "frikort.all_claims") lists=CLAIM_LISTS/>
            <h1 class="ds-heading" data-size="lg">{tf("frikort.claim_title", &[("number", &c.number)])}</h1>
            {move || failure.get().map(|t| alert("danger", t))}
            {move || done.get().map(|t| alert("success", t))}
            <dl class="frist-facts" data-testid="claim-facts">
                <dt>{t("frikort.health_trust")}</dt><dd>{c.organisation_name.clone()}</dd>
                <dt>{t("frikort.status")}</dt><dd data-testid="claim-status">{name(c.status)}</dd>
                <dt>{t("frikort.file")}</dt><dd>{c.file_name.clone()}</dd>
                <dt>{t("frikort.received")}</dt><dd>{c.received_on.map(nb).unwrap_or_else(|| "–".into())}</dd>
                <dt>{t("frikort.pay_by")}</dt><dd>{c.due.map(nb).unwrap_or_else(|| "–".into())}</dd>
                <dt>{t("frikort.lines")}</dt><dd>{tf("frikort.lines_summary", &[
                    ("lines", &c.lines.to_string()),
                    ("valid", &c.valid_lines.to_string()),
                    ("undecided", &c.undecided.to_string()),
                ])}</dd>
                <dt>{t("frikort.claimed")}</dt><dd>{format_ore(c.claimed_ore)}</dd>
                <dt>{t("frikort.approved")}</dt><dd data-testid="approved">{format_ore(c.approved_ore)}</dd>
                <dt>{t("frikort.paid")}</dt><dd data-testid="paid">{if c.payments.is_empty() { "–".into() } else { format_ore(c.paid_ore) }}</dd>
                <dt>{t("frikort.payable")}</dt><dd data-testid="payable">{tf("frikort.payable_summary", &[
                    ("amount", &format_ore(c.payable_ore)), ("lines", &c.payable_lines.to_string()),
                ])}</dd>
                {(c.repayment_ore > 0).then(|| view! {
                    <dt>{t("frikort.repayment_demanded")}</dt><dd>{format_ore(c.repayment_ore)}</dd>
                })}
            </dl>
            <Payments c=c.clone()/>
            <p class="ds-paragraph"><a class="ds-link" href=report download="">{t("frikort.download_report")}</a></p>
            {settling.then(|| view! {
                <section class="frist-panel" data-testid="settle">
                    <h2 class="ds-heading" data-size="sm">{t("frikort.settlement")}</h2>
                    <button class="ds-button" data-variant="secondary" type="button"
                        on:click=move |_| ask.set(Some(Question {
                            title: t("frikort.approve_all_confirm_title").to_owned(),
                            body: t("frikort.approve_all_confirm_body").to_owned(),
                            yes: t("frikort.approve_all_confirm_yes").to_owned(),
                        }))>
                        {t("frikort.approve_all_clean")}
                    </button>
                    <Confirm id="approve-all-confirm" ask=ask on_yes=approve_clean/>
                    <PaymentForm c=c.clone() changed=changed/>
                </section>
            })}
            {(helfo && !c.payments.is_empty()).then(|| view! { <RepaymentForm c=c.clone() changed=changed/> })}
            <h2 class="ds-heading" data-size="sm">{t("frikort.lines_with_issues")}</h2>
            <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid="claim-lines">
                <thead><tr>
                    <th scope="col">{t("frikort.line")}</th><th scope="col">{t("frikort.patient")}</th><th scope="col">{t("frikort.trip")}</th>
                    <th scope="col">{t("frikort.amount")}</th><th scope="col">{t("frikort.issue_or_remark")}</th><th scope="col">{t("frikort.decision")}</th>
                </tr></thead>
                <tbody>
                    {move || lines.get().into_iter().map(|l| {
                        let decided = match (l.decision, l.reason) {
                            (Some(Decision::Approved), _) if l.payment.is_some() => tf("frikort.decided_paid", &[
                                ("amount", &l.approved_ore.map(format_ore).unwrap_or_default()),
                                ("payment", &l.payment.map(|n| n.to_string()).unwrap_or_default()),
                            ]),
                            (Some(Decision::Approved), _) => tf("frikort.decided_approved", &[("amount", &l.approved_ore.map(format_ore).unwrap_or_default())]),
                            (Some(Decision::Rejected), Some(r)) => tf("frikort.decided_rejected_reason", &[("reason", name(r))]),
                            (Some(Decision::Rejected), None) => t("frikort.decided_rejected").into(),
                            (None, _) => t("frikort.not_decided").into(),
                        };
                        let open = settling && l.decision.is_none();
                        let reason = RwSignal::new(Reason::WrongAmount.as_str().to_owned());
                        let note = RwSignal::new(String::new());
                        let n = l.line;
                        view! {
                            <tr>
                                <td>{l.line}</td>
                                <td>{l.fnr_masked.clone()}</td>
                                <td>{l.transport.map(nb).unwrap_or_default()}</td>
                                <td>{l.amount_ore.map(format_ore).unwrap_or_default()}</td>
                                <td>{l.issues.iter().map(issue).collect::<Vec<_>>().join(" ")}</td>
                                <td>
                                    {decided}
                                    {open.then(|| view! {
                                        <div class="frist-actions">
                                            <button class="ds-button" data-size="sm" data-variant="secondary" type="button"
                                                aria-label=tf("frikort.approve_line_label", &[("line", &n.to_string())]) on:click=move |_| decide(n, "approved", String::new(), String::new())>{t("frikort.approve")}</button>
                                            <label class="ds-sr-only" for=format!("fk-reason-{n}")>{tf("frikort.reason_for_line", &[("line", &n.to_string())])}</label>
                                            <select class="ds-input" id=format!("fk-reason-{n}") prop:value=move || reason.get()
                                                on:change=move |ev| reason.set(event_target_value(&ev))>
                                                {Reason::iter().map(|r| view! { <option value=r.as_str()>{name(r)}</option> }).collect_view()}
                                            </select>
                                            <label class="ds-sr-only" for=format!("fk-note-{n}")>{tf("frikort.note_for_line", &[("line", &n.to_string())])}</label>
                                            <input class="ds-input" id=format!("fk-note-{n}") type="text" placeholder=t("frikort.note_placeholder")
                                                prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/>
                                            <button class="ds-button" data-size="sm" data-variant="tertiary" type="button"
                                                aria-label=tf("frikort.reject_line_label", &[("line", &n.to_string())]) on:click=move |_| decide(n, "rejected", reason.get_untracked(), note.get_untracked())>{t("frikort.reject")}</button>
                                        </div>
                                    })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        }
        .into_any()
    }
}
