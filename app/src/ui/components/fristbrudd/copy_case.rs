//! The site's own links on a case: its cover sheet, and "Lag kopi".

use frist_domain::fristbrudd::{CaseView, NotificationForm};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::form::{draft, nb};
use crate::i18n::t;

use super::new_case::DRAFT_KEY;

#[component]
pub(super) fn CopyCase(c: CaseView) -> impl IntoView {
    let cover = format!("/fristbrudd/saker/{}/forside", c.id);
    let copy = copy_form(&c);
    let navigate = leptos_router::hooks::use_navigate();
    view! {
        <p class="ds-paragraph frist-no-print">
            <A href=cover>{t("fristbrudd.cover_link")}</A>
        </p>
        <p class="ds-paragraph frist-no-print">
            <button
                class="ds-button"
                data-variant="secondary"
                type="button"
                data-testid="copy-case"
                on:click=move |_| {
                    if draft::copy_into(DRAFT_KEY, &copy) {
                        navigate("/fristbrudd/ny", Default::default());
                    }
                }
            >
                {t("fristbrudd.copy")}
            </button>
        </p>
    }
}

/// "Lag kopi": the notification behind a case as the draft of a new one
/// (the same patient with a new referral, say). Everything stays editable.
fn copy_form(c: &CaseView) -> NotificationForm {
    NotificationForm {
        patient_fnr: c.patient_fnr.clone(),
        patient_name: c.patient_name.clone(),
        patient_phone: c.patient_phone.clone(),
        specialty: c.specialty.clone(),
        fristdato: nb(c.case.fristdato),
        referral_received: nb(c.referral_received),
        warning_sent: nb(c.warning_sent),
        kind: <&str>::from(c.kind).to_owned(),
        urgent: c.urgent_reason.is_some(),
        urgent_reason: c.urgent_reason.clone().unwrap_or_default(),
    }
}
