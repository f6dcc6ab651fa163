//! `/fristbrudd/ko`: Helfo's queue of cases that wait for it.

use frist_domain::fristbrudd::CaseSummary;
use leptos::prelude::*;

use crate::api::{self, load_all};
use crate::form::alert;
use crate::i18n::t;

use super::case_table::CaseTable;

#[component]
pub fn Queue() -> impl IntoView {
    let cases = RwSignal::new(Vec::<CaseSummary>::new());
    let failure = RwSignal::new(None::<String>);
    load_all(cases, failure, api::queue);
    view! {
        <h1 class="ds-heading" data-size="lg">
            {t("fristbrudd.queue_title")}
        </h1>
        <p class="ds-paragraph">{t("fristbrudd.queue_intro")}</p>
        {move || failure.get().map(|t| alert("danger", t))}
        <CaseTable cases=cases caption=t("fristbrudd.queue_caption") queue=true />
    }
}
