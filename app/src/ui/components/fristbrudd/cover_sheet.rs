//! `/fristbrudd/saker/:id/forside`: the printable cover sheet for the postal
//! route (FB-7, form 02-01.01).

use leptos::prelude::*;

use crate::api;
use crate::form::{alert, nb};
use crate::i18n::t;

use super::case_detail::case_id;

#[component]
pub fn CoverSheet() -> impl IntoView {
    let id = case_id();
    let case = LocalResource::new(move || {
        let id = id.get();
        async move { api::case(&id).await }
    });
    move || match case.get() {
        None => view! { <p class="ds-paragraph">{t("fristbrudd.loading")}</p> }.into_any(),
        Some(Err(e)) => alert("danger", e.text()).into_any(),
        Some(Ok(c)) => view! {
            <article class="frist-cover" data-testid="cover-sheet">
                <p class="ds-paragraph frist-no-print">
                    {t("fristbrudd.cover_instructions")}
                    <button
                        class="ds-button"
                        data-variant="primary"
                        type="button"
                        on:click=|_| {
                            let _ = window().print();
                        }
                    >
                        {t("fristbrudd.print")}
                    </button>
                </p>
                <h1 class="ds-heading" data-size="md">
                    {t("fristbrudd.cover_title")}
                </h1>
                <p class="ds-paragraph">{t("fristbrudd.cover_subtitle")}</p>
                <dl class="frist-facts">
                    <dt>{t("fristbrudd.case_number")}</dt>
                    <dd>{c.number.clone()}</dd>
                    <dt>{t("fristbrudd.site")}</dt>
                    <dd>{c.organisation_name.clone()}</dd>
                    <dt>{t("fristbrudd.org_number")}</dt>
                    <dd>{c.organisation_orgnr.clone()}</dd>
                    <dt>{t("fristbrudd.patient_name")}</dt>
                    <dd>{c.patient_name.clone()}</dd>
                    <dt>{t("fristbrudd.fnr")}</dt>
                    <dd>{c.patient_fnr.clone()}</dd>
                    <dt>{t("fristbrudd.specialty")}</dt>
                    <dd>{c.specialty.clone()}</dd>
                    <dt>{t("fristbrudd.referral_received")}</dt>
                    <dd>{nb(c.referral_received)}</dd>
                    <dt>{t("fristbrudd.fristdato")}</dt>
                    <dd>{nb(c.case.fristdato)}</dd>
                    <dt>{t("fristbrudd.attached")}</dt>
                    <dd>{t("fristbrudd.attached_documents")}</dd>
                </dl>
                <div class="frist-signature">
                    <p class="ds-paragraph">{t("fristbrudd.sign_place_date")}</p>
                    <p class="ds-paragraph">{t("fristbrudd.sign_signature")}</p>
                    <p class="ds-paragraph">{t("fristbrudd.sign_name")}</p>
                </div>
                <address class="ds-paragraph">{t("fristbrudd.send_to")}</address>
            </article>
        }
        .into_any(),
    }
}
