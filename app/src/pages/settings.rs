//! `/innstillinger`: API tokens for programs such as `frist frikort submit`.
//! A token is shown once, when it is made; frist keeps only its hash.

use leptos::prelude::*;

use crate::form::TextField;
use crate::i18n::{t, tf};
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
        <h1 class="ds-heading" data-size="lg">{t("settings.title")}</h1>
        <h2 class="ds-heading" data-size="sm">{t("settings.api_key_heading")}</h2>
        <p class="ds-paragraph">
            {t("settings.intro")}
        </p>
        {move || failure.get().map(|text| view! { <div class="ds-alert" data-color="danger" role="alert"><p class="ds-paragraph">{text}</p></div> })}
        <form class="frist-form" on:submit=submit novalidate>
            <TextField id="token-name" label=t("settings.name_label") value=name error=Signal::derive(|| None::<String>)/>
            <button class="ds-button" data-variant="primary" type="submit">{t("settings.create")}</button>
        </form>
        {move || created.get().map(|c| view! {
            <div class="ds-alert" data-color="success" role="status" data-testid="token">
                <p class="ds-paragraph">{tf("settings.created", &[("name", &c.name), ("id", &c.id), ("expires", &c.expires_at)])}</p>
                <pre class="frist-mail-body">{c.token.clone()}</pre>
                <p class="ds-paragraph" data-size="sm">{t("settings.env_hint")}</p>
            </div>
        })}
    }
}
