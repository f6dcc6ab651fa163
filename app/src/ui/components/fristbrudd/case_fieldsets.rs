//! The notification form's three fieldsets: the patient, the deadline and
//! the urgency.

use frist_domain::fristbrudd::BreachKind;
use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::form::{CheckboxField, FormErrors, SelectField, TextField};
use crate::i18n::{t, tf};

use super::case_fields::CaseFields;
use super::frist_check::FristCheck;

/// The patient, with FB-1's note of an open case for the same number.
#[component]
pub(super) fn PatientFields(
    f: CaseFields,
    errors: FormErrors,
    open_case: RwSignal<Option<String>>,
) -> impl IntoView {
    let field = move |id: &'static str| errors.field(id);
    view! {
        <fieldset class="ds-fieldset">
            <legend class="ds-heading" data-size="xs">
                {t("fristbrudd.legend_patient")}
            </legend>
            <TextField
                id="fb-patient_fnr"
                label=t("fristbrudd.fnr_label")
                description=t("fristbrudd.fnr_description")
                value=f.fnr
                error=field("fb-patient_fnr")
                autocomplete="off"
            />
            {move || {
                open_case
                    .get()
                    .map(|n| {
                        view! {
                            <div
                                class="ds-alert"
                                data-color="warning"
                                role="status"
                                data-testid="open-case"
                            >
                                <p class="ds-paragraph">
                                    {tf("fristbrudd.open_case", &[("number", &n)])}
                                </p>
                            </div>
                        }
                    })
            }}
            <TextField
                id="fb-patient_name"
                label=t("fristbrudd.name_label")
                value=f.name
                error=field("fb-patient_name")
                autocomplete="off"
            />
            <TextField
                id="fb-patient_phone"
                label=t("fristbrudd.phone_label")
                description=t("fristbrudd.phone_description")
                value=f.phone
                error=field("fb-patient_phone")
                input_type="tel"
            />
        </fieldset>
    }
}

#[component]
pub(super) fn DeadlineFields(f: CaseFields, errors: FormErrors) -> impl IntoView {
    let field = move |id: &'static str| errors.field(id);
    let kinds = Signal::derive(|| {
        BreachKind::iter()
            .map(|k| (<&str>::from(k).to_owned(), crate::i18n::name(k).to_owned()))
            .collect::<Vec<_>>()
    });
    view! {
        <fieldset class="ds-fieldset">
            <legend class="ds-heading" data-size="xs">
                {t("fristbrudd.legend_deadline")}
            </legend>
            <TextField
                id="fb-specialty"
                label=t("fristbrudd.specialty")
                value=f.specialty
                error=field("fb-specialty")
            />
            <TextField
                id="fb-referral_received"
                label=t("fristbrudd.referral_received_label")
                description=t("fristbrudd.date_hint")
                value=f.referral
                error=field("fb-referral_received")
            />
            <TextField
                id="fb-fristdato"
                label=t("fristbrudd.fristdato")
                description=t("fristbrudd.fristdato_description")
                value=f.fristdato
                error=field("fb-fristdato")
            />
            <SelectField
                id="fb-kind"
                label=t("fristbrudd.breach")
                value=f.kind
                options=kinds
                error=field("fb-kind")
            />
            <TextField
                id="fb-warning_sent"
                label=t("fristbrudd.warning_sent_label")
                description=t("fristbrudd.date_hint")
                value=f.warning
                error=field("fb-warning_sent")
            />
            <FristCheck fristdato=f.fristdato kind=f.kind />
        </fieldset>
    }
}

#[component]
pub(super) fn UrgencyFields(f: CaseFields, errors: FormErrors) -> impl IntoView {
    view! {
        <fieldset class="ds-fieldset">
            <legend class="ds-heading" data-size="xs">
                {t("fristbrudd.urgency")}
            </legend>
            <CheckboxField id="fb-urgent" label=t("fristbrudd.urgent_checkbox") value=f.urgent />
            <Show when=move || f.urgent.get()>
                <TextField
                    id="fb-urgent_reason"
                    label=t("fristbrudd.urgent_reason_label")
                    description=t("fristbrudd.urgent_reason_description")
                    value=f.urgent_reason
                    error=errors.field("fb-urgent_reason")
                />
            </Show>
        </fieldset>
    }
}
