//! `/logg-inn`: e-mail and password. The edge never says which of the two
//! was wrong; after too many failures it says how long to wait.

use frist_domain::api::LoginRequest;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::form::{ErrorSummary, TextField, error_for, errors_of, focus_summary};
use crate::i18n::t;
use crate::session::{SessionState, use_session};

#[component]
pub fn LoginPage() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let refusal = RwSignal::new(None::<String>);
    let summary = NodeRef::<html::Div>::new();

    // After a session ran out: say so, and go back where the user was.
    let storage = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    let return_to = storage
        .as_ref()
        .and_then(|s| s.get_item(crate::session::RETURN_KEY).ok().flatten());
    let expired = return_to.is_some();
    // Or the page opened before signing in (a link from an e-mail).
    let return_to = return_to.or_else(|| {
        storage
            .as_ref()
            .and_then(|s| s.get_item(crate::session::NEXT_KEY).ok().flatten())
    });
    let go_home = navigate.clone();
    Effect::new(move |_| {
        if matches!(session.0.get(), SessionState::LoggedIn(_)) {
            if let Some(s) = &storage {
                let _ = s.remove_item(crate::session::RETURN_KEY);
                let _ = s.remove_item(crate::session::NEXT_KEY);
            }
            let to = return_to
                .clone()
                .filter(|p| p.starts_with('/') && !p.starts_with("//") && p != "/logg-inn")
                .unwrap_or_else(|| "/".into());
            go_home(&to, Default::default());
        }
    });

    let report = Memo::new(move |_| {
        LoginRequest {
            email: email.get(),
            password: password.get(),
        }
        .validate()
    });
    let errors = Signal::derive(move || {
        if tried.get() {
            errors_of(&report.get(), "login-")
        } else {
            Vec::new()
        }
    });
    let field = move |id: &'static str| Signal::derive(move || error_for(&errors.get(), id));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        refusal.set(None);
        if report.get_untracked().has_errors() {
            focus_summary(summary);
            return;
        }
        busy.set(true);
        let form = LoginRequest {
            email: email.get_untracked(),
            password: password.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match crate::api::login(&form).await {
                Ok(s) => {
                    password.set(String::new());
                    session.set(Some(s));
                }
                Err(e) => {
                    // The refusal speaks for itself: the emptied password
                    // field is not a second error, and the focus goes back
                    // to it for the next try.
                    tried.set(false);
                    refusal.set(Some(e.text()));
                    password.set(String::new());
                    crate::form::yield_now().await;
                    crate::form::focus_id("login-password");
                }
            }
            busy.set(false);
        });
    };

    view! {
        <div class="frist-narrow">
            <h1 class="ds-heading" data-size="lg">{t("login.title")}</h1>
            <p class="ds-paragraph">{t("login.intro")}</p>
            {expired.then(|| view! {
                <div class="ds-alert" data-color="info" role="status" data-testid="expired">
                    <p class="ds-paragraph">{t("login.expired")}</p>
                </div>
            })}
            <form on:submit=submit novalidate>
                <ErrorSummary errors=errors node_ref=summary/>
                {move || refusal.get().map(|text| view! {
                    <div class="ds-alert" data-color="danger" role="alert" data-testid="login-refused">
                        <p class="ds-paragraph">{text}</p>
                    </div>
                })}
                <TextField id="login-email" label=t("login.email") value=email error=field("login-email")
                    input_type="email" autocomplete="username"/>
                <TextField id="login-password" label=t("login.password") value=password error=field("login-password")
                    input_type="password" autocomplete="current-password"/>
                <button class="ds-button" data-variant="primary" type="submit" disabled=move || busy.get()>
                    {move || if busy.get() { t("login.busy") } else { t("login.submit") }}
                </button>
            </form>
        </div>
    }
}
