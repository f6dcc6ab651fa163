//! The fristbrudd notification form (FB-1): the hospital's draft, checked on
//! each keystroke, reviewed, then sent.

use frist_domain::Report;
use frist_domain::fristbrudd::{CaseCreated, NotificationForm};
use frist_domain::ids::FnrContext;
use leptos::prelude::*;

use crate::api;
use crate::confirm::{Confirm, Question};
use crate::form::{
    DeliveryStatus, ErrorSummary, FormHook, Sending, alert, draft, focus_summary, send_form, today,
    use_form,
};
use crate::i18n::t;
use crate::session::use_session;

use super::case_fields::CaseFields;
use super::case_fieldsets::{DeadlineFields, PatientFields, UrgencyFields};
use super::receipt::Receipt;

pub(super) const DRAFT_KEY: &str = "frist.draft.fristbrudd";

/// The FB-1 context in the browser: today in Oslo, and synthetic test
/// identities only where the edge runs in local mode.
fn fnr_context() -> FnrContext {
    let local = use_session().view().is_some_and(|s| s.mode == "local");
    FnrContext {
        today: today(),
        allow_synthetic: local,
    }
}

#[component]
pub fn NewCase() -> impl IntoView {
    let start: NotificationForm = draft::load(DRAFT_KEY).unwrap_or_default();
    let restored = start != NotificationForm::default();
    let f = CaseFields::new(&start);
    let ctx = fnr_context();
    let hook = use_form::<CaseCreated, _>(DRAFT_KEY, move || f.form());
    let tried = hook.tried;
    let Sending {
        busy: sending,
        failure,
        summary,
        receipt,
        delivery,
        ..
    } = hook.sending;
    let open_case = open_case_of(f.fnr, ctx);
    let report = Memo::new(move |_| f.form().check(&ctx).err().unwrap_or_default());
    let errors = hook.errors(move || report.get(), move |path| f.typed(path), "fb-");

    let send = sender(f, hook, report);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send.run(());
    };
    // In the outbox when the page closed (offline, a crash): on its way again.
    if restored && draft::pending(DRAFT_KEY) {
        send.run(());
    }
    // Emptying the form throws away what was typed: asked first.
    let ask_clear = RwSignal::new(None::<Question>);
    let clear = Callback::new(move |()| {
        f.clear();
        tried.set(false);
        draft::clear(DRAFT_KEY);
    });

    move || match receipt.get() {
        Some(r) => view! { <Receipt receipt=r /> }.into_any(),
        None => view! {
            <h1 class="ds-heading" data-size="lg">
                {t("fristbrudd.new_title")}
            </h1>
            <p class="ds-paragraph">{t("fristbrudd.new_intro")}</p>
            {restored.then(|| alert("info", t("fristbrudd.draft_restored").into()))}
            <form on:submit=submit novalidate class="frist-form" data-testid="fb-form">
                <ErrorSummary errors=errors.summary node_ref=summary />
                {move || failure.get().map(|t| alert("danger", t))}
                <PatientFields f=f errors=errors open_case=open_case />
                <DeadlineFields f=f errors=errors />
                <UrgencyFields f=f errors=errors />
                <FormActions sending=sending ask_clear=ask_clear clear=clear />
                <DeliveryStatus delivery=delivery />
            </form>
        }
        .into_any(),
    }
}

/// Send, and empty the form (asked first).
#[component]
fn FormActions(
    sending: RwSignal<bool>,
    ask_clear: RwSignal<Option<Question>>,
    clear: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="frist-actions">
            <button
                class="ds-button"
                data-variant="primary"
                type="submit"
                disabled=move || sending.get()
            >
                {move || {
                    if sending.get() { t("fristbrudd.sending") } else { t("fristbrudd.send") }
                }}
            </button>
            <button
                class="ds-button"
                data-variant="tertiary"
                type="button"
                on:click=move |_| {
                    ask_clear
                        .set(
                            Some(Question {
                                title: t("fristbrudd.clear_confirm_title").to_owned(),
                                body: t("fristbrudd.clear_confirm_body").to_owned(),
                                yes: t("fristbrudd.clear").to_owned(),
                            }),
                        )
                }
            >
                {t("fristbrudd.clear")}
            </button>
            <Confirm id="clear-confirm" ask=ask_clear on_yes=clear />
        </div>
    }
}

/// FB-1: one open case per patient — asked as soon as the number is valid.
/// The case number of the patient's open case, if any.
fn open_case_of(fnr: RwSignal<String>, ctx: FnrContext) -> RwSignal<Option<String>> {
    let open_case = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let number = fnr.get();
        open_case.set(None);
        if frist_domain::ids::Fodselsnummer::parse(&number, &ctx).is_ok() {
            leptos::task::spawn_local(async move {
                // The form may be gone by the answer (the user moved on).
                if let Ok(a) = api::patient_check(&number).await
                    && fnr.try_get_untracked().is_some_and(|now| now == number)
                {
                    open_case.set(a.open_case);
                }
            });
        }
    });
    open_case
}

/// Sends the notification (on submit, or again from the outbox), unless
/// the live check still finds errors.
fn sender(f: CaseFields, hook: FormHook<CaseCreated>, report: Memo<Report>) -> Callback<()> {
    let tried = hook.tried;
    let Sending {
        edge_issues,
        failure,
        summary,
        ..
    } = hook.sending;
    Callback::new(move |()| {
        tried.set(true);
        edge_issues.set(Vec::new());
        failure.set(None);
        if report.get_untracked().has_errors() {
            draft::set_pending(DRAFT_KEY, false);
            focus_summary(summary);
            return;
        }
        let form = f.form();
        let k = draft::submission_key(DRAFT_KEY, &form);
        send_form(hook.sending, move || {
            let (form, k) = (form.clone(), k.clone());
            async move { api::create_case(&form, &k).await }
        });
    })
}
