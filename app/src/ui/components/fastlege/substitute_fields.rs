//! The fastlege form's substitute fields (start, change, end) and the
//! direct settlement asked of a new GP or a starting substitute.

use frist_domain::fastlege::{Competence, MessageKind};
use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::form::{CheckboxField, FormErrors, SelectField, TextField};
use crate::i18n::{name, t};

use super::fields::Fields;

#[component]
pub(super) fn SubstituteFields(f: Fields, errors: FormErrors) -> impl IntoView {
    let field = move |id: &'static str| errors.field(id);
    let is = move |k: MessageKind| f.chosen_kind() == Some(k);
    view! {
        <fieldset class="ds-fieldset">
            <legend class="ds-heading" data-size="xs">
                {t("fastlege.substitute_legend")}
            </legend>
            <TextField
                id="fl-substitute_name"
                label=t("fastlege.substitute_name_label")
                value=f.substitute_name
                error=field("fl-substitute_name")
            />
            <TextField
                id="fl-substitute_hpr"
                label=t("fastlege.substitute_hpr_label")
                value=f.substitute_hpr
                error=field("fl-substitute_hpr")
            />
            <TextField
                id="fl-gp_name"
                label=t("fastlege.substitute_for_label")
                value=f.gp_name
                error=field("fl-gp_name")
            />
            <TextField
                id="fl-gp_hpr"
                label=t("fastlege.gp_hpr_label")
                value=f.gp_hpr
                error=field("fl-gp_hpr")
            />
            <SubstituteStartFields f=f errors=errors />
            {move || {
                is(MessageKind::SubstituteChange)
                    .then(|| {
                        view! {
                            <TextField
                                id="fl-effective_date"
                                label=t("fastlege.change_effective_label")
                                description=t("fastlege.date_hint")
                                value=f.effective_date
                                error=field("fl-effective_date")
                            />
                        }
                    })
            }}
            {move || {
                is(MessageKind::SubstituteEnd)
                    .then(|| {
                        view! {
                            <TextField
                                id="fl-end_date"
                                label=t("fastlege.new_end_date_label")
                                description=t("fastlege.date_hint")
                                value=f.end_date
                                error=field("fl-end_date")
                            />
                        }
                    })
            }}
        </fieldset>
    }
}

/// A substitute's start: the period, the competence and LIS1.
#[component]
fn SubstituteStartFields(f: Fields, errors: FormErrors) -> impl IntoView {
    let field = move |id: &'static str| errors.field(id);
    let is = move |k: MessageKind| f.chosen_kind() == Some(k);
    let competences = Signal::derive(|| {
        Competence::iter()
            .map(|c| (<&str>::from(c).to_owned(), name(c).to_owned()))
            .collect::<Vec<_>>()
    });
    {
        move || {
            is(MessageKind::SubstituteStart).then(|| {
                view! {
                    <TextField
                        id="fl-start_date"
                        label=t("fastlege.substitute_start_label")
                        description=t("fastlege.date_hint")
                        value=f.start_date
                        error=field("fl-start_date")
                    />
                    <TextField
                        id="fl-end_date"
                        label=t("fastlege.substitute_end_label")
                        description=t("fastlege.date_hint")
                        value=f.end_date
                        error=field("fl-end_date")
                    />
                    <SelectField
                        id="fl-competence"
                        label=t("fastlege.competence_label")
                        value=f.competence
                        options=competences
                        error=field("fl-competence")
                    />
                    <CheckboxField
                        id="fl-lis1_completed"
                        label=t("fastlege.lis1_label")
                        value=f.lis1_completed
                    />
                }
            })
        }
    }
}

#[component]
pub(super) fn DirectSettlementFields(f: Fields, errors: FormErrors) -> impl IntoView {
    view! {
        <fieldset class="ds-fieldset">
            <legend class="ds-heading" data-size="xs">
                {t("fastlege.direct_settlement_legend")}
            </legend>
            <CheckboxField
                id="fl-self_employed"
                label=t("fastlege.self_employed_label")
                value=f.self_employed
            />
            <Show when=move || f.self_employed.get()>
                <TextField
                    id="fl-direct_settlement_date"
                    label=t("fastlege.direct_settlement_date_label")
                    description=t("fastlege.direct_settlement_desc")
                    value=f.direct_settlement_date
                    error=errors.field("fl-direct_settlement_date")
                />
            </Show>
        </fieldset>
    }
}
