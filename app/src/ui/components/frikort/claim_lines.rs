//! A claim's lines with issues, each with its decision; while the claim is
//! being settled, the undecided ones can be approved or rejected here.

use frist_domain::frikort::{ClaimView, Decision, DecisionForm, LineView, Reason, format_ore};
use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::api::{self, ApiError};
use crate::form::nb;
use crate::i18n::{issue, name, t, tf};

/// A decision on a line: its number, "approved" or "rejected", the reason
/// and the note.
type Decide = Callback<(u64, &'static str, String, String)>;

#[component]
pub(super) fn ClaimLines<F>(
    lines: RwSignal<Vec<LineView>>,
    settling: bool,
    id: Signal<String>,
    changed: F,
) -> impl IntoView
where
    F: Fn(Result<ClaimView, ApiError>, String) + Copy + Send + Sync + 'static,
{
    let decide = Callback::new(
        move |(line, decision, reason, note): (u64, &'static str, String, String)| {
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
        },
    );
    view! {
        <h2 class="ds-heading" data-size="sm">
            {t("frikort.lines_with_issues")}
        </h2>
        <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid="claim-lines">
                <thead>
                    <tr>
                        <th scope="col">{t("frikort.line")}</th>
                        <th scope="col">{t("frikort.patient")}</th>
                        <th scope="col">{t("frikort.trip")}</th>
                        <th scope="col">{t("frikort.amount")}</th>
                        <th scope="col">{t("frikort.issue_or_remark")}</th>
                        <th scope="col">{t("frikort.decision")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        lines
                            .get()
                            .into_iter()
                            .map(|l| {
                                let open = settling && l.decision.is_none();
                                view! { <LineRow l=l open=open decide=decide /> }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn LineRow(l: LineView, open: bool, decide: Decide) -> impl IntoView {
    let decided = decided_text(&l);
    let n = l.line;
    view! {
        <tr>
            <td>{l.line}</td>
            <td>{l.fnr_masked.clone()}</td>
            <td>{l.transport.map(nb).unwrap_or_default()}</td>
            <td>{l.amount_ore.map(format_ore).unwrap_or_default()}</td>
            <td>{l.issues.iter().map(issue).collect::<Vec<_>>().join(" ")}</td>
            <td>{decided} {open.then(|| view! { <LineDecision n=n decide=decide /> })}</td>
        </tr>
    }
}

/// Helfo's decision on one open line: approve, or reject with a reason and
/// a note.
#[component]
fn LineDecision(n: u64, decide: Decide) -> impl IntoView {
    let reason = RwSignal::new(Reason::WrongAmount.as_str().to_owned());
    let note = RwSignal::new(String::new());
    view! {
        <div class="frist-actions">
            <button
                class="ds-button"
                data-size="sm"
                data-variant="secondary"
                type="button"
                aria-label=tf("frikort.approve_line_label", &[("line", &n.to_string())])
                on:click=move |_| { decide.run((n, "approved", String::new(), String::new())) }
            >
                {t("frikort.approve")}
            </button>
            <label class="ds-sr-only" for=format!("fk-reason-{n}")>
                {tf("frikort.reason_for_line", &[("line", &n.to_string())])}
            </label>
            <select
                class="ds-input"
                id=format!("fk-reason-{n}")
                prop:value=move || reason.get()
                on:change=move |ev| reason.set(event_target_value(&ev))
            >
                {Reason::iter()
                    .map(|r| {
                        view! { <option value=r.as_str()>{name(r)}</option> }
                    })
                    .collect_view()}
            </select>
            <label class="ds-sr-only" for=format!("fk-note-{n}")>
                {tf("frikort.note_for_line", &[("line", &n.to_string())])}
            </label>
            <input
                class="ds-input"
                id=format!("fk-note-{n}")
                type="text"
                placeholder=t("frikort.note_placeholder")
                prop:value=move || note.get()
                on:input=move |ev| note.set(event_target_value(&ev))
            />
            <button
                class="ds-button"
                data-size="sm"
                data-variant="tertiary"
                type="button"
                aria-label=tf("frikort.reject_line_label", &[("line", &n.to_string())])
                on:click=move |_| {
                    decide.run((n, "rejected", reason.get_untracked(), note.get_untracked()))
                }
            >
                {t("frikort.reject")}
            </button>
        </div>
    }
}

/// The line's decision in words (with the payment, once paid).
fn decided_text(l: &LineView) -> String {
    match (l.decision, l.reason) {
        (Some(Decision::Approved), _) if l.payment.is_some() => tf(
            "frikort.decided_paid",
            &[
                (
                    "amount",
                    &l.approved_ore.map(format_ore).unwrap_or_default(),
                ),
                (
                    "payment",
                    &l.payment.map(|n| n.to_string()).unwrap_or_default(),
                ),
            ],
        ),
        (Some(Decision::Approved), _) => tf(
            "frikort.decided_approved",
            &[(
                "amount",
                &l.approved_ore.map(format_ore).unwrap_or_default(),
            )],
        ),
        (Some(Decision::Rejected), Some(r)) => {
            tf("frikort.decided_rejected_reason", &[("reason", name(r))])
        }
        (Some(Decision::Rejected), None) => t("frikort.decided_rejected").into(),
        (None, _) => t("frikort.not_decided").into(),
    }
}
