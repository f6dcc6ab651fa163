//! `/innstillinger`: API tokens for programs such as `frist frikort submit`,
//! for the roles with a machine path (`API_TOKEN_ROLES`). A token is shown
//! once, when it is made; frist keeps only its hash. The user sees every
//! token they have made (name, made, last used, expiry) and revokes one
//! with a confirmation.

use frist_domain::api::{API_TOKEN_ROLES, TokenView};
use leptos::prelude::*;

use crate::form::{TextField, alert};
use crate::i18n::{t, tf};
use crate::session::use_session;
use crate::ui::components::settings::{TokenTable, day};

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
struct Created {
    id: String,
    name: String,
    token: String,
    expires_at: String,
}

#[component]
pub fn Settings() -> impl IntoView {
    let may = use_session()
        .view()
        .is_some_and(|s| API_TOKEN_ROLES.contains(&s.user.role));
    view! {
        <h1 class="ds-heading" data-size="lg">
            {t("settings.title")}
        </h1>
        <h2 class="ds-heading" data-size="sm">
            {t("settings.api_key_heading")}
        </h2>
        {if may {
            view! { <Tokens /> }.into_any()
        } else {
            view! {
                <p class="ds-paragraph" data-testid="no-tokens-for-role">
                    {t("settings.not_for_role")}
                </p>
            }
                .into_any()
        }}
    }
}

#[component]
fn Tokens() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let created = RwSignal::new(None::<Created>);
    let failure = RwSignal::new(None::<String>);
    let tokens = RwSignal::new(None::<Vec<TokenView>>);
    let loaded = LocalResource::new(crate::api::tokens);
    crate::api::show_loaded(loaded, tokens, failure);
    let reload = move || {
        // Called after an answer, when the page may be gone.
        if !tokens.is_disposed() {
            loaded.refetch();
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = serde_json::json!({ "name": name.get_untracked() });
        leptos::task::spawn_local(async move {
            match crate::api::create_token(&body).await {
                Ok(c) => {
                    failure.set(None);
                    created.set(Some(c));
                    name.set(String::new());
                    reload();
                }
                Err(e) => failure.set(Some(e.text())),
            }
        });
    };
    let revoke = Callback::new(move |token: TokenView| {
        let asked = tf("settings.revoke_confirm", &[("name", &token.name)]);
        let sure = web_sys::window()
            .and_then(|w| w.confirm_with_message(&asked).ok())
            .unwrap_or(false);
        if !sure {
            return;
        }
        leptos::task::spawn_local(async move {
            match crate::api::revoke_token(&token.id).await {
                Ok(()) => {
                    failure.set(None);
                    reload();
                }
                Err(e) => failure.set(Some(e.text())),
            }
        });
    });
    view! {
        <p class="ds-paragraph">{t("settings.intro")}</p>
        {move || failure.get().map(|text| alert("danger", text))}
        <form class="frist-form" on:submit=submit novalidate>
            <TextField
                id="token-name"
                label=t("settings.name_label")
                value=name
                error=Signal::derive(|| None::<String>)
            />
            <button class="ds-button" data-variant="primary" type="submit">
                {t("settings.create")}
            </button>
        </form>
        <CreatedToken created=created />
        <h3 class="ds-heading" data-size="xs">
            {t("settings.your_tokens")}
        </h3>
        {move || view! { <TokenTable list=tokens.get().unwrap_or_default() revoke=revoke /> }}
    }
}

/// The token just made, shown this once, and how to use it.
#[component]
fn CreatedToken(created: RwSignal<Option<Created>>) -> impl IntoView {
    move || {
        created.get().map(|c| {
            view! {
                <div class="ds-alert" data-color="success" role="status" data-testid="token">
                    <p class="ds-paragraph">
                        {tf(
                            "settings.created",
                            &[("name", &c.name), ("id", &c.id), ("expires", &day(&c.expires_at))],
                        )}
                    </p>
                    <pre class="frist-mail-body">{c.token.clone()}</pre>
                    <p class="ds-paragraph" data-size="sm">
                        {t("settings.env_hint")}
                    </p>
                </div>
            }
        })
    }
}
