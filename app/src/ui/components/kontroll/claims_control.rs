//! `/kontroll`: the municipality's claims control: files in, report out.

use leptos::prelude::*;

use crate::form::alert;
use crate::i18n::t;

use super::control::Control;
use super::control_inputs::ControlInputs;
use super::peers::Peers;
use super::results::Results;

#[component]
pub fn Kontroll() -> impl IntoView {
    let control = Control::new();
    let Control {
        checking,
        failure,
        report,
        file_name,
        doctor_filter,
        ..
    } = control;
    view! {
        <h1 class="ds-heading" data-size="lg">
            {t("kontroll.title")}
        </h1>
        <p class="ds-paragraph">{t("kontroll.intro")}</p>
        <FormatHelp />
        <ControlInputs control=control />
        {move || {
            checking
                .get()
                .then(|| {
                    view! {
                        <p
                            class="ds-paragraph"
                            role="status"
                            aria-live="polite"
                            data-testid="checking"
                        >
                            {t("kontroll.checking")}
                        </p>
                    }
                })
        }}
        {move || failure.get().map(|text| alert("danger", text))}
        {move || {
            report
                .get()
                .map(|r| {
                    view! {
                        <Results r=r file_name=file_name.get() doctor_filter=doctor_filter />
                        <Peers control=control />
                    }
                })
        }}
    }
}

/// What the two files look like, with an example of each.
#[component]
fn FormatHelp() -> impl IntoView {
    view! {
        <details class="frist-details">
            <summary>{t("kontroll.format_summary")}</summary>
            <p class="ds-paragraph">
                {t("kontroll.format_bills_start")}
                <code>"hpr;pasient;dato;klokkeslett;takster"</code>
                {t("kontroll.format_bills_optional")} <code>"belop"</code>
                {t("kontroll.format_bills_amount")} <code>"innsendt"</code>
                {t("kontroll.format_bills_sent")} <code>"2cd*2"</code>
                {t("kontroll.format_bills_dates")}
            </p>
            <p class="ds-paragraph">
                {t("kontroll.format_doctors_start")}
                <code>"hpr;rolle;vikar_for;avtale_fra;listepasienter;startet"</code>
                {t("kontroll.format_doctors_roles")}
            </p>
            <ul class="ds-list">
                <li>
                    <a href="/eksempel/regningskort.csv" download>
                        {t("kontroll.example_bills")}
                    </a>
                </li>
                <li>
                    <a href="/eksempel/legeliste.csv" download>
                        {t("kontroll.example_doctors")}
                    </a>
                </li>
            </ul>
        </details>
    }
}
