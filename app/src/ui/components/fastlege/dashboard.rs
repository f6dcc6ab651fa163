//! `/fastlege/oversikt`: the municipality's overview of its messages.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::form::alert;
use crate::i18n::t;

use super::endings::{age_limit_list, endings_table};

#[component]
pub fn FlDashboard() -> impl IntoView {
    let dash = LocalResource::new(api::fl_dashboard);
    move || match dash.get() {
        None => view! { <p class="ds-paragraph">{t("fastlege.loading")}</p> }.into_any(),
        Some(Err(e)) => alert("danger", e.text()).into_any(),
        Some(Ok(d)) => view! {
            <h1 class="ds-heading" data-size="lg">
                {t("fastlege.dashboard_title")}
            </h1>
            <p class="ds-paragraph">
                <A href="/fastlege/ny">{t("fastlege.send_new")}</A>
                " · "
                <A href="/fastlege/meldinger">{t("fastlege.municipality_messages")}</A>
            </p>
            <h2 class="ds-heading" data-size="sm">
                {t("fastlege.without_message_heading")}
            </h2>
            <p class="ds-paragraph" data-size="sm">
                {t("fastlege.chase_note")}
            </p>
            {endings_table(d.without_message, false, "without-message")}
            <h2 class="ds-heading" data-size="sm">
                {t("fastlege.upcoming_heading")}
            </h2>
            {endings_table(d.upcoming_terminations, false, "upcoming")}
            {age_limit_list(d.age_limit, false)}
        }
        .into_any(),
    }
}
