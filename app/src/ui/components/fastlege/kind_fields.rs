//! The fastlege form's fields below the kind: the ones the chosen kind of
//! message asks for, then contact, comment and the "before sending" panel.

use frist_domain::Report;
use frist_domain::fastlege::{Ending, Message, MessageKind};
use leptos::prelude::*;

use crate::form::{FormErrors, TextField};
use crate::i18n::t;

use super::before_sending::BeforeSending;
use super::contact_fields::{CommentField, ContactFields};
use super::fields::Fields;
use super::list_fields::{ListSizeFields, NewListFields};
use super::substitute_fields::{DirectSettlementFields, SubstituteFields};

#[component]
pub(super) fn KindFields(
    f: Fields,
    errors: FormErrors,
    endings: Signal<Vec<Ending>>,
    checked: Memo<(Report, Option<Message>)>,
    today: chrono::NaiveDate,
) -> impl IntoView {
    let is = move |k: MessageKind| f.chosen_kind() == Some(k);
    let substitute = move || {
        matches!(
            f.chosen_kind(),
            Some(
                MessageKind::SubstituteStart
                    | MessageKind::SubstituteChange
                    | MessageKind::SubstituteEnd
            )
        )
    };
    view! {
        {move || {
            (!substitute() && !is(MessageKind::NewVacantList))
                .then(|| view! { <GpFields f=f errors=errors /> })
        }}
        {move || {
            (is(MessageKind::Termination) || is(MessageKind::NewGp)
                || is(MessageKind::NewVacantList))
                .then(|| {
                    view! {
                        <TextField
                            id="fl-practice"
                            label=t("fastlege.practice_label")
                            value=f.practice
                            error=errors.field("fl-practice")
                        />
                    }
                })
        }}
        {move || {
            is(MessageKind::Termination).then(|| view! { <TerminationFields f=f errors=errors /> })
        }}
        {move || {
            (is(MessageKind::NewGp) || is(MessageKind::NewVacantList))
                .then(|| view! { <NewListFields f=f errors=errors endings=endings /> })
        }}
        {move || is(MessageKind::ListSize).then(|| view! { <ListSizeFields f=f errors=errors /> })}
        {move || substitute().then(|| view! { <SubstituteFields f=f errors=errors /> })}
        {move || {
            (is(MessageKind::NewGp) || is(MessageKind::SubstituteStart))
                .then(|| view! { <DirectSettlementFields f=f errors=errors /> })
        }}
        <ContactFields f=f errors=errors />
        <CommentField f=f errors=errors />
        <BeforeSending checked=checked today=today />
        <div class="frist-actions">
            <button class="ds-button" data-variant="primary" type="submit">
                {t("fastlege.review_button")}
            </button>
        </div>
    }
}

#[component]
fn GpFields(f: Fields, errors: FormErrors) -> impl IntoView {
    let field = move |id: &'static str| errors.field(id);
    view! {
        <fieldset class="ds-fieldset">
            <legend class="ds-heading" data-size="xs">
                {t("fastlege.gp_legend")}
            </legend>
            <TextField
                id="fl-gp_name"
                label=t("fastlege.gp_name_label")
                value=f.gp_name
                error=field("fl-gp_name")
            />
            <TextField
                id="fl-gp_hpr"
                label=t("fastlege.gp_hpr_label")
                value=f.gp_hpr
                error=field("fl-gp_hpr")
            />
            <TextField
                id="fl-gp_birth_date"
                label=t("fastlege.birth_date_label")
                description=t("fastlege.birth_date_desc")
                value=f.gp_birth_date
                error=field("fl-gp_birth_date")
            />
        </fieldset>
    }
}

#[component]
fn TerminationFields(f: Fields, errors: FormErrors) -> impl IntoView {
    let field = move |id: &'static str| errors.field(id);
    view! {
        <fieldset class="ds-fieldset">
            <legend class="ds-heading" data-size="xs">
                {t("fastlege.termination_legend")}
            </legend>
            <TextField
                id="fl-notice_date"
                label=t("fastlege.notice_date_label")
                description=t("fastlege.date_hint")
                value=f.notice_date
                error=field("fl-notice_date")
            />
            <TextField
                id="fl-notice_months"
                label=t("fastlege.notice_months_label")
                description=t("fastlege.notice_months_desc")
                value=f.notice_months
                error=field("fl-notice_months")
            />
            <TextField
                id="fl-last_working_day"
                label=t("fastlege.last_working_day_label")
                description=t("fastlege.last_working_day_desc")
                value=f.last_working_day
                error=field("fl-last_working_day")
            />
        </fieldset>
    }
}
