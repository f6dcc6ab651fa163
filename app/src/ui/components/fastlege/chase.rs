//! `/fastlege/purring`: Helfo's list of municipalities to chase.

use leptos::prelude::*;

use crate::api;
use crate::form::alert;
use crate::i18n::t;

use super::endings::{age_limit_list, endings_table};

#[component]
pub fn Chase() -> impl IntoView {
    let due = LocalResource::new(api::fl_chase);
    let dash = LocalResource::new(api::fl_dashboard);
    view! {
        {move || match due.get() {
            None => view! { <p class="ds-paragraph">{t("fastlege.loading")}</p> }.into_any(),
            Some(Err(e)) => alert("danger", e.text()).into_any(),
            Some(Ok(rows)) => {
                view! {
                    <h1 class="ds-heading" data-size="lg">
                        {t("fastlege.chase_title")}
                    </h1>
                    <p class="ds-paragraph">{t("fastlege.chase_intro")}</p>
                    {endings_table(rows, true, "chase")}
                }
                    .into_any()
            }
        }}
        {move || match dash.get() {
            Some(Ok(d)) => age_limit_list(d.age_limit, true).into_any(),
            Some(Err(e)) => alert("danger", e.text()).into_any(),
            None => ().into_any(),
        }}
    }
}
