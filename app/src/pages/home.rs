//! `/`: each role's front page: what the role does in frist and where to go.

use frist_domain::access::Role;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::session::{Protected, use_session};

/// The heading and introduction of a role's front page.
pub fn role_home(role: Role) -> (&'static str, &'static str) {
    match role {
        Role::Behandlingssted => (
            "Fristbrudd",
            "Meld fra til Helfo når en pasients juridiske frist for behandling er brutt eller vil bli brutt, og følg sakene til pasienten har fått tilbud.",
        ),
        Role::Kommune => (
            "Fastlegeordningen",
            "Send meldinger til Helfo om fastlegeavtaler, ledige lister, listelengde og vikarer – kontrollert før de sendes – og kontroller legenes regninger før Helfo gjør det.",
        ),
        Role::Hf => (
            "Frikort – refusjonskrav",
            "Krev refusjon fra Helfo for egenandeler helseforetaket har forskuttert for pasientreiser.",
        ),
        Role::Helfo | Role::HelfoAdmin => (
            "Saksbehandling i Helfo",
            "Fristbrudd, fastlegemeldinger og frikortkrav som er kommet inn, sortert etter frist.",
        ),
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
                        {format!("Du er logget inn som {} ({}), {}.", s.user.name, s.user.role.name_nb(), s.organisation.name)}
                    </p>
                    <h2 class="ds-heading" data-size="sm">"Snarveier"</h2>
                    <ul class="ds-list" data-testid="shortcuts">
                        {site.then(|| view! {
                            <li><A href="/fristbrudd/ny">"Meld fristbrudd"</A></li>
                            <li><A href="/fristbrudd/saker">"Fristbruddsaker"</A></li>
                        })}
                        {kommune.then(|| view! {
                            <li><A href="/fastlege/ny">"Melding til fastlegeregisteret"</A></li>
                            <li><A href="/fastlege/meldinger">"Kommunens meldinger"</A></li>
                            <li><A href="/fastlege/oversikt">"Fastlegeoversikt"</A></li>
                            <li><A href="/kontroll">"Kontroll av legeregninger"</A></li>
                        })}
                        {hf.then(|| view! {
                            <li><A href="/frikort/ny">"Send refusjonskrav"</A></li>
                            <li><A href="/frikort/krav">"Refusjonskrav"</A></li>
                        })}
                        {helfo.then(|| view! {
                            <li><A href="/frikort/krav">"Refusjonskrav – frikort"</A></li>
                            <li><A href="/fastlege/meldinger">"Innkomne fastlegemeldinger"</A></li>
                            <li><A href="/fastlege/purring">"Etterspør melding fra kommunen"</A></li>
                            <li><A href="/fristbrudd/ko">"Kø – fristbrudd"</A></li>
                            <li><A href="/fristbrudd/saker">"Alle fristbruddsaker"</A></li>
                            <li><A href="/fristbrudd/statistikk">"Fristbrudd – tjenestenivå"</A></li>
                        })}
                        {local.then(|| view! { <li><A href="/utboks">"Utboks (lokal modus)"</A></li> })}
                        {admin.then(|| view! {
                            <li><A href="/admin/organisasjoner">"Organisasjoner"</A></li>
                            <li><A href="/admin/brukere">"Brukere"</A></li>
                        })}
                        <li><A href="/logg">"Hendelseslogg"</A></li>
                        <li><A href="/innstillinger">"Innstillinger og API-nøkler"</A></li>
                    </ul>
                </section>
            }
        })
    }
}
