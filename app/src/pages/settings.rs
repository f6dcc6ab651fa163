//! `/innstillinger`: API tokens for programs such as `frist frikort submit`.
//! A token is shown once, when it is made; frist keeps only its hash.

use leptos::prelude::*;

use crate::form::TextField;
use crate::session::Protected;

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
struct Created {
    id: String,
    name: String,
    token: String,
    expires_at: String,
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <Protected>
            <Settings/>
        </Protected>
    }
}

#[component]
fn Settings() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let created = RwSignal::new(None::<Created>);
    let failure = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = serde_json::json!({ "name": name.get_untracked() });
        leptos::task::spawn_local(async move {
            match crate::api::create_token(&body).await {
                Ok(c) => {
                    failure.set(None);
                    created.set(Some(c));
                }
                Err(e) => failure.set(Some(e.text())),
            }
        });
    };
    view! {
        <h1 class="ds-heading" data-size="lg">"Innstillinger"</h1>
        <h2 class="ds-heading" data-size="sm">"API-nøkkel for programmer"</h2>
        <p class="ds-paragraph">
            "Et program (for eksempel kommandoen frist frikort submit) kan sende krav på dine vegne med en API-nøkkel. Nøkkelen har din rolle og organisasjon, varer i 90 dager og vises bare én gang."
        </p>
        {move || failure.get().map(|t| view! { <div class="ds-alert" data-color="danger" role="alert"><p class="ds-paragraph">{t}</p></div> })}
        <form class="frist-form" on:submit=submit novalidate>
            <TextField id="token-name" label="Hva skal nøkkelen brukes til?" value=name error=Signal::derive(|| None::<String>)/>
            <button class="ds-button" data-variant="primary" type="submit">"Lag API-nøkkel"</button>
        </form>
        {move || created.get().map(|c| view! {
            <div class="ds-alert" data-color="success" role="status" data-testid="token">
                <p class="ds-paragraph">{format!("Nøkkelen «{}» er laget (id {}) og gjelder til {}. Kopier den nå – den vises ikke igjen:", c.name, c.id, c.expires_at)}</p>
                <pre class="frist-mail-body">{c.token.clone()}</pre>
                <p class="ds-paragraph" data-size="sm">"Sett den i miljøvariabelen FRIST_API_TOKEN, aldri på kommandolinjen."</p>
            </div>
        })}
    }
}
