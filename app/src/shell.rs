//! The layout shell: header with the product name, main area, footer.

use leptos::prelude::*;

use crate::api;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let health = LocalResource::new(api::health);
    view! {
        <a class="skip-link" href="#main">"Hopp til hovedinnholdet"</a>
        <header class="frist-header">
            <div class="frist-header__inner">
                <span class="frist-logo" aria-hidden="true">"◷"</span>
                <span class="frist-product">"frist"</span>
                <span class="frist-owner">"Helfo"</span>
            </div>
        </header>
        <main id="main" class="frist-main" tabindex="-1">
            <h1 class="ds-heading" data-size="lg">"Varsler og krav til Helfo"</h1>
            <p class="ds-paragraph">
                "frist lar sykehus, kommuner og helseforetak sende fristbrudd, fastlegemeldinger og frikortkrav til Helfo, og lar Helfos saksbehandlere følge dem opp innen fristene."
            </p>
            <section aria-labelledby="status-heading" class="frist-status">
                <h2 id="status-heading" class="ds-heading" data-size="sm">"Status"</h2>
                <p class="ds-paragraph" data-testid="health" aria-live="polite">
                    {move || match health.get() {
                        None => "Sjekker tjenesten …".to_string(),
                        Some(Some(h)) if h.d1 => format!("Tjenesten er oppe (versjon {}).", h.version),
                        Some(Some(_)) => "Tjenesten svarer, men databasen er ikke tilgjengelig.".to_string(),
                        Some(None) => "Tjenesten svarer ikke akkurat nå.".to_string(),
                    }}
                </p>
            </section>
        </main>
        <footer class="frist-footer">
            <p class="ds-paragraph" data-size="sm">
                {format!("frist {} · Helfo, Postboks 2415, 3104 Tønsberg", frist_domain::VERSION)}
            </p>
        </footer>
    }
}
