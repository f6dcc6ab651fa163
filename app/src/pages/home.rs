//! `/`: each role's front page: what the role does in frist and where to go.

use frist_domain::access::Role;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{name, t, tf};
use crate::session::{Protected, use_session};

/// The heading and introduction of a role's front page.
pub fn role_home(role: Role) -> (&'static str, &'static str) {
    match role {
        Role::Behandlingssted => (
            t("home.behandlingssted_title"),
            t("home.behandlingssted_intro"),
        ),
        Role::Kommune => (t("home.kommune_title"), t("home.kommune_intro")),
        Role::Hf => (t("home.hf_title"), t("home.hf_intro")),
        Role::Helfo | Role::HelfoAdmin => (t("home.helfo_title"), t("home.helfo_intro")),
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Protected>
            <Home/>
        </Protected>
    }
}

#[component]
fn Home() -> impl IntoView {
    let session = use_session();
    move || {
        session.view().map(|s| {
            let (title, intro) = role_home(s.user.role);
            let role = s.user.role;
            let admin = role == Role::HelfoAdmin;
            let site = role == Role::Behandlingssted;
            let kommune = role == Role::Kommune;
            let hf = role == Role::Hf;
            let helfo = matches!(role, Role::Helfo | Role::HelfoAdmin);
            let local = s.mode == "local";
            view! {
                <section data-testid="home" data-role=s.user.role.as_str()>
                    <h1 class="ds-heading" data-size="lg">{title}</h1>
                    <p class="ds-paragraph">{intro}</p>
                    <p class="ds-paragraph" data-size="sm">
                        {tf("home.logged_in_as", &[("name", &s.user.name), ("role", name(s.user.role)), ("organisation", &s.organisation.name)])}
                    </p>
                    <h2 class="ds-heading" data-size="sm">{t("home.shortcuts")}</h2>
                    <ul class="ds-list" data-testid="shortcuts">
                        {site.then(|| view! {
                            <li><A href="/fristbrudd/ny">{t("home.report_fristbrudd")}</A></li>
                            <li><A href="/fristbrudd/saker">{t("home.fristbrudd_cases")}</A></li>
                        })}
                        {kommune.then(|| view! {
                            <li><A href="/fastlege/ny">{t("home.fastlege_new")}</A></li>
                            <li><A href="/fastlege/meldinger">{t("home.fastlege_messages")}</A></li>
                            <li><A href="/fastlege/oversikt">{t("home.fastlege_overview")}</A></li>
                            <li><A href="/kontroll">{t("home.kontroll")}</A></li>
                        })}
                        {hf.then(|| view! {
                            <li><A href="/frikort/ny">{t("home.frikort_new")}</A></li>
                            <li><A href="/frikort/krav">{t("home.frikort_claims")}</A></li>
                        })}
                        {helfo.then(|| view! {
                            <li><A href="/frikort/krav">{t("home.frikort_claims_helfo")}</A></li>
                            <li><A href="/fastlege/meldinger">{t("home.fastlege_incoming")}</A></li>
                            <li><A href="/fastlege/purring">{t("home.fastlege_reminder")}</A></li>
                            <li><A href="/fristbrudd/ko">{t("home.fristbrudd_queue")}</A></li>
                            <li><A href="/fristbrudd/saker">{t("home.fristbrudd_all")}</A></li>
                            <li><A href="/fristbrudd/statistikk">{t("home.fristbrudd_stats")}</A></li>
                        })}
                        {local.then(|| view! { <li><A href="/utboks">{t("home.outbox")}</A></li> })}
                        {admin.then(|| view! {
                            <li><A href="/admin/organisasjoner">{t("home.organisations")}</A></li>
                            <li><A href="/admin/brukere">{t("home.users")}</A></li>
                        })}
                        <li><A href="/logg">{t("home.audit")}</A></li>
                        <li><A href="/innstillinger">{t("home.settings")}</A></li>
                    </ul>
                </section>
            }
        })
    }
}
