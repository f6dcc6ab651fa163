//! The layout shell: header (product, who is logged in, log out), the
//! routed main area, and a footer with the service status.

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::hooks::use_navigate;
use leptos_router::path;

use crate::api;
use crate::pages::{
    admin, audit, fastlege, frikort, fristbrudd, home, kontroll, login, outbox, settings,
};
use crate::session::{provide_session, use_session};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_session();
    view! {
        <Router>
            <a class="skip-link" href="#main">"Hopp til hovedinnholdet"</a>
            <Header/>
            <main id="main" class="frist-main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=home::HomePage/>
                    <Route path=path!("/logg-inn") view=login::LoginPage/>
                    <Route path=path!("/admin/organisasjoner") view=admin::OrganisationsPage/>
                    <Route path=path!("/admin/brukere") view=admin::UsersPage/>
                    <Route path=path!("/logg") view=audit::AuditPage/>
                    <Route path=path!("/fristbrudd/ny") view=fristbrudd::NewCasePage/>
                    <Route path=path!("/fristbrudd/saker") view=fristbrudd::CaseListPage/>
                    <Route path=path!("/fristbrudd/saker/:id") view=fristbrudd::CasePage/>
                    <Route path=path!("/fristbrudd/saker/:id/forside") view=fristbrudd::CoverSheetPage/>
                    <Route path=path!("/fristbrudd/ko") view=fristbrudd::QueuePage/>
                    <Route path=path!("/fristbrudd/statistikk") view=fristbrudd::StatsPage/>
                    <Route path=path!("/utboks") view=outbox::OutboxPage/>
                    <Route path=path!("/fastlege/ny") view=fastlege::NewMessagePage/>
                    <Route path=path!("/fastlege/meldinger") view=fastlege::MessagesPage/>
                    <Route path=path!("/fastlege/oversikt") view=fastlege::DashboardPage/>
                    <Route path=path!("/fastlege/purring") view=fastlege::ChasePage/>
                    <Route path=path!("/innstillinger") view=settings::SettingsPage/>
                    <Route path=path!("/kontroll") view=kontroll::KontrollPage/>
                    <Route path=path!("/frikort/ny") view=frikort::NewClaimPage/>
                    <Route path=path!("/frikort/krav") view=frikort::ClaimsPage/>
                    <Route path=path!("/frikort/krav/:id") view=frikort::ClaimPage/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}

#[component]
fn Header() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let logout = move |_| {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let _ = api::logout().await;
            session.set(None);
            navigate("/logg-inn", Default::default());
        });
    };
    view! {
        <header class="frist-header">
            <div class="frist-header__inner">
                <A href="/" attr:class="frist-home-link">
                    <span class="frist-logo" aria-hidden="true">"◷"</span>
                    <span class="frist-product">"frist"</span>
                </A>
                <span class="frist-owner">"Helfo"</span>
                {move || session.view().map(|s| view! {
                    <div class="frist-user">
                        <span data-testid="who">{format!("{} · {}", s.user.name, s.organisation.name)}</span>
                        <button class="ds-button" data-variant="secondary" data-size="sm" type="button"
                            on:click=logout.clone()>"Logg ut"</button>
                    </div>
                })}
            </div>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let health = LocalResource::new(api::health);
    view! {
        <footer class="frist-footer">
            <p class="ds-paragraph" data-size="sm" data-testid="health" aria-live="polite">
                {move || match health.get() {
                    None => "Sjekker tjenesten …".to_string(),
                    Some(Some(h)) if h.d1 => format!("Tjenesten er oppe (versjon {}).", h.version),
                    Some(Some(_)) => "Tjenesten svarer, men databasen er ikke tilgjengelig.".to_string(),
                    Some(None) => "Tjenesten svarer ikke akkurat nå.".to_string(),
                }}
            </p>
            <p class="ds-paragraph" data-size="sm">
                {format!("frist {} · Helfo, Postboks 2415, 3104 Tønsberg", frist_domain::VERSION)}
            </p>
        </footer>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <h1 class="ds-heading" data-size="lg">"Fant ikke siden"</h1>
        <p class="ds-paragraph"><A href="/">"Gå til forsiden"</A></p>
    }
}
