//! The fristbrudd notification form (FB-1): the hospital's draft, checked on
//! each keystroke, reviewed, then sent.

use frist_domain::fristbrudd::{BreachKind, CaseCreated, NotificationForm};
use frist_domain::ids::FnrContext;
use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::api;
use crate::confirm::{Confirm, Question};
use crate::form::{
    CheckboxField, DeliveryStatus, ErrorSummary, SelectField, Sending, TextField, alert, draft,
    focus_summary, send_form, today, use_form,
};
use crate::i18n::{t, tf};
use crate::session::use_session;

use super::frist_check::FristCheck;
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
    let fnr = RwSignal::new(start.patient_fnr.clone());
    let name = RwSignal::new(start.patient_name.clone());
    let phone = RwSignal::new(start.patient_phone.clone());
    let specialty = RwSignal::new(start.specialty.clone());
    let fristdato = RwSignal::new(start.fristdato.clone());
    let referral = RwSignal::new(start.referral_received.clone());
    let warning = RwSignal::new(start.warning_sent.clone());
    let kind = RwSignal::new(start.kind.clone());
    let urgent = RwSignal::new(start.urgent);
    let urgent_reason = RwSignal::new(start.urgent_reason.clone());
    let open_case = RwSignal::new(None::<String>);
    let ctx = fnr_context();

    let form = move || NotificationForm {
        patient_fnr: fnr.get(),
        patient_name: name.get(),
        patient_phone: phone.get(),
        specialty: specialty.get(),
        fristdato: fristdato.get(),
        referral_received: referral.get(),
        warning_sent: warning.get(),
        kind: kind.get(),
        urgent: urgent.get(),
        urgent_reason: urgent_reason.get(),
    };
    let hook = use_form::<CaseCreated, _>(DRAFT_KEY, form);
    let tried = hook.tried;
    let Sending {
        busy: sending,
        edge_issues,
        failure,
        summary,
        receipt,
        delivery,
        ..
    } = hook.sending;
    // FB-1: one open case per patient — asked as soon as the number is valid.
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
    let report = Memo::new(move |_| form().check(&ctx).err().unwrap_or_default());
    // Before the first attempt, a field shows its errors once something is
    // typed in it; after, every error shows.
    let typed = move |path: &str| {
        let f = form();
        match path {
            "patient_fnr" => !f.patient_fnr.is_empty(),
            "patient_name" => !f.patient_name.is_empty(),
            "patient_phone" => !f.patient_phone.is_empty(),
            "specialty" => !f.specialty.is_empty(),
            "fristdato" => !f.fristdato.is_empty(),
            "referral_received" => !f.referral_received.is_empty(),
            "warning_sent" => !f.warning_sent.is_empty(),
            "kind" => !f.kind.is_empty(),
            "urgent_reason" => !f.urgent_reason.is_empty(),
            _ => false,
        }
    };
    let errors = hook.errors(move || report.get(), typed, "fb-");
    let summary_errors = errors.summary;
    let field = move |id: &'static str| errors.field(id);
    let kinds = Signal::derive(|| {
        BreachKind::iter()
            .map(|k| (<&str>::from(k).to_owned(), crate::i18n::name(k).to_owned()))
            .collect::<Vec<_>>()
    });

    let send = move || {
        tried.set(true);
        edge_issues.set(Vec::new());
        failure.set(None);
        if report.get_untracked().has_errors() {
            draft::set_pending(DRAFT_KEY, false);
            focus_summary(summary);
            return;
        }
        let f = form();
        let k = draft::submission_key(DRAFT_KEY, &f);
        send_form(hook.sending, move || {
            let (f, k) = (f.clone(), k.clone());
            async move { api::create_case(&f, &k).await }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send();
    };
    // In the outbox when the page closed (offline, a crash): on its way again.
    if restored && draft::pending(DRAFT_KEY) {
        send();
    }
    // Emptying the form throws away what was typed: asked first.
    let ask_clear = RwSignal::new(None::<Question>);
    let clear = Callback::new(move |()| {
        for s in [
            fnr,
            name,
            phone,
            specialty,
            fristdato,
            referral,
            warning,
            kind,
            urgent_reason,
        ] {
            s.set(String::new());
        }
        urgent.set(false);
        tried.set(false);
        draft::clear(DRAFT_KEY);
    });

    move || {
        match receipt.get() {
        Some(r) => view! { <Receipt receipt=r/> }.into_any(),
        None => view! {
            <h1 class="ds-heading" data-size="lg">{t("fristbrudd.new_title")}</h1>
            <p class="ds-paragraph">
                {t("fristbrudd.new_intro")}
            </p>
            {restored.then(|| alert("info", t("fristbrudd.draft_restored").into()))}
            <form on:submit=submit novalidate class="frist-form" data-testid="fb-form">
                <ErrorSummary errors=summary_errors node_ref=summary/>
                {move || failure.get().map(|t| alert("danger", t))}
                <fieldset class="ds-fieldset">
                    <legend class="ds-heading" data-size="xs">{t("fristbrudd.legend_patient")}</legend>
                    <TextField id="fb-patient_fnr" label=t("fristbrudd.fnr_label")
                        description=t("fristbrudd.fnr_description") value=fnr error=field("fb-patient_fnr") autocomplete="off"/>
                    {move || open_case.get().map(|n| view! {
                        <div class="ds-alert" data-color="warning" role="status" data-testid="open-case">
                            <p class="ds-paragraph">{tf("fristbrudd.open_case", &[("number", &n)])}</p>
                        </div>
                    })}
                    <TextField id="fb-patient_name" label=t("fristbrudd.name_label") value=name error=field("fb-patient_name") autocomplete="off"/>
                    <TextField id="fb-patient_phone" label=t("fristbrudd.phone_label") description=t("fristbrudd.phone_description")
                        value=phone error=field("fb-patient_phone") input_type="tel"/>
                </fieldset>
                <fieldset class="ds-fieldset">
                    <legend class="ds-heading" data-size="xs">{t("fristbrudd.legend_deadline")}</legend>
                    <TextField id="fb-specialty" label=t("fristbrudd.specialty") value=specialty error=field("fb-specialty")/>
                    <TextField id="fb-referral_received" label=t("fristbrudd.referral_received_label") description=t("fristbrudd.date_hint")
                        value=referral error=field("fb-referral_received")/>
                    <TextField id="fb-fristdato" label=t("fristbrudd.fristdato") description=t("fristbrudd.fristdato_description")
                        value=fristdato error=field("fb-fristdato")/>
                    <SelectField id="fb-kind" label=t("fristbrudd.breach") value=kind options=kinds error=field("fb-kind")/>
                    <TextField id="fb-warning_sent" label=t("fristbrudd.warning_sent_label") description=t("fristbrudd.date_hint")
                        value=warning error=field("fb-warning_sent")/>
                    <FristCheck fristdato=fristdato kind=kind/>
                </fieldset>
                <fieldset class="ds-fieldset">
                    <legend class="ds-heading" data-size="xs">{t("fristbrudd.urgency")}</legend>
                    <CheckboxField id="fb-urgent" label=t("fristbrudd.urgent_checkbox") value=urgent/>
                    <Show when=move || urgent.get()>
                        <TextField id="fb-urgent_reason" label=t("fristbrudd.urgent_reason_label")
                            description=t("fristbrudd.urgent_reason_description")
                            value=urgent_reason error=field("fb-urgent_reason")/>
                    </Show>
                </fieldset>
                <div class="frist-actions">
                    <button class="ds-button" data-variant="primary" type="submit" disabled=move || sending.get()>
                        {move || if sending.get() { t("fristbrudd.sending") } else { t("fristbrudd.send") }}
                    </button>
                    <button class="ds-button" data-variant="tertiary" type="button"
                            on:click=move |_| ask_clear.set(Some(Question {
                                title: t("fristbrudd.clear_confirm_title").to_owned(),
                                body: t("fristbrudd.clear_confirm_body").to_owned(),
                                yes: t("fristbrudd.clear").to_owned(),
                            }))>{t("fristbrudd.clear")}</button>
                        <Confirm id="clear-confirm" ask=ask_clear on_yes=clear/>
                </div>
                <DeliveryStatus delivery=delivery/>
            </form>
        }
        .into_any(),
    }
    }
}
