//! `/logg-inn`: sign in through HelseID or ID-porten (the buttons lead to
//! the edge, which sends the browser on to the provider), or — where it is
//! on: in local mode, or in production with a setting — with e-mail and
//! password. The edge never says which of the two was wrong; after too many
//! failures it says how long to wait. A refused sign-in comes back here
//! with `?innlogging=<reason>`, and the page says what happened and whom
//! to ask.

use frist_domain::api::LoginRequest;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::form::{ErrorSummary, TextField, error_for, errors_of, focus_summary};
use crate::i18n::t;
use crate::session::{SessionState, use_session};

#[component]
pub fn LoginPage() -> impl IntoView {
    let (return_to, expired) = where_to_return();
    go_on_when_signed_in(return_to.clone());
    let options = LocalResource::new(crate::api::login_options);
    let query = use_query_map();
    let refused_by_provider = move || query.read().get("innlogging").map(|r| refusal_text(&r));
    // The form is usable once the options are in: then the signed-in app
    // may be fetched in the background (in the entry module).
    Effect::new(move |_| {
        if options.get().is_some() {
            crate::entry::prefetch_app();
        }
    });
    let password_on = move || {
        options
            .get()
            .map(|o| o.as_ref().map_or(true, |o| o.password))
            .unwrap_or(false)
    };

    view! {
        <div class="frist-narrow">
            <h1 class="ds-heading" data-size="lg">
                {t("login.title")}
            </h1>
            <p class="ds-paragraph">{t("login.intro")}</p>
            {expired.then(expired_notice)}
            {move || refused_by_provider().map(provider_refusal)}
            <Providers options=options next=return_to />
            <Show when=password_on>
                <PasswordForm />
            </Show>
        </div>
    }
}

/// Where to go after signing in — back where the user was when the session
/// ran out (`true`: it ran out, say so), or the page opened before signing
/// in (a link from an e-mail) — if anywhere.
fn where_to_return() -> (Option<String>, bool) {
    let storage = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    let item = |key| {
        storage
            .as_ref()
            .and_then(|s| s.get_item(key).ok().flatten())
    };
    let expired = item(crate::session::RETURN_KEY);
    let is_expired = expired.is_some();
    (
        expired.or_else(|| item(crate::session::NEXT_KEY)),
        is_expired,
    )
}

/// Once signed in: forget where to return, and go there (or to the front
/// page). In the entry module the page is loaded anew, with the signed-in
/// app (fetched while the form was filled in).
fn go_on_when_signed_in(return_to: Option<String>) {
    let session = use_session();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if !matches!(session.0.get(), SessionState::LoggedIn(_)) {
            return;
        }
        if let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
            let _ = s.remove_item(crate::session::RETURN_KEY);
            let _ = s.remove_item(crate::session::NEXT_KEY);
        }
        let to = return_to
            .clone()
            .filter(|p| p.starts_with('/') && !p.starts_with("//") && p != "/logg-inn")
            .unwrap_or_else(|| "/".into());
        match web_sys::window().filter(|_| crate::entry::in_entry()) {
            Some(w) => {
                let _ = w.location().assign(&to);
            }
            None => navigate(&to, Default::default()),
        }
    });
}

fn login_refusal(text: String) -> impl IntoView {
    view! {
        <div class="ds-alert" data-color="danger" role="alert" data-testid="login-refused">
            <p class="ds-paragraph">{text}</p>
        </div>
    }
}

fn expired_notice() -> impl IntoView {
    view! {
        <div class="ds-alert" data-color="info" role="status" data-testid="expired">
            <p class="ds-paragraph">{t("login.expired")}</p>
        </div>
    }
}

fn provider_refusal(text: String) -> impl IntoView {
    view! {
        <div class="ds-alert" data-color="danger" role="alert" data-testid="provider-refused">
            <p class="ds-paragraph">{text}</p>
        </div>
    }
}

/// The buttons of the configured sign-in services. Each is a link to the
/// edge's start route (a full page load: the edge sends the browser on to
/// the provider), carrying where to land afterwards and the language.
#[component]
fn Providers(
    options: LocalResource<Result<frist_domain::oidc::LoginOptions, crate::api::ApiError>>,
    next: Option<String>,
) -> impl IntoView {
    let next = next.filter(|p| p.starts_with('/') && !p.starts_with("//") && p != "/logg-inn");
    let forget_return = || {
        if let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
            let _ = s.remove_item(crate::session::RETURN_KEY);
            let _ = s.remove_item(crate::session::NEXT_KEY);
        }
    };
    move || {
        let providers = options
            .get()
            .and_then(Result::ok)
            .map(|o| o.providers)
            .unwrap_or_default();
        let lang = crate::i18n::lang().tag();
        let next = next.clone();
        (!providers.is_empty()).then(|| view! {
            <div class="frist-providers" data-testid="providers">
                {providers
                    .into_iter()
                    .map(|p| {
                        let id: &'static str = p.id.into();
                        let mut href = format!("/api/v1/oidc/{id}/start?lang={lang}");
                        if let Some(n) = &next {
                            href.push_str(&format!("&next={}", js_sys::encode_uri_component(n)));
                        }
                        let label = crate::i18n::tf(
                            "login.with_provider",
                            &[("provider", &p.name)],
                        );
                        view! {
                            <a
                                class="ds-button"
                                data-variant="primary"
                                href=href
                                rel="external"
                                data-testid=format!("login-{id}")
                                on:click=move |_| forget_return()
                            >
                                {label}
                            </a>
                        }
                    })
                    .collect_view()}
            </div>
        })
    }
}

/// The state of the e-mail and password form.
#[derive(Clone, Copy)]
struct LoginState {
    email: RwSignal<String>,
    password: RwSignal<String>,
    /// A send was tried: show the errors.
    tried: RwSignal<bool>,
    busy: RwSignal<bool>,
    /// The edge's refusal, in words.
    refusal: RwSignal<Option<String>>,
    summary: NodeRef<html::Div>,
}

impl LoginState {
    fn request(&self, tracked: bool) -> LoginRequest {
        if tracked {
            LoginRequest {
                email: self.email.get(),
                password: self.password.get(),
            }
        } else {
            LoginRequest {
                email: self.email.get_untracked(),
                password: self.password.get_untracked(),
            }
        }
    }
}

/// E-mail and password.
#[component]
fn PasswordForm() -> impl IntoView {
    let session = use_session();
    let state = LoginState {
        email: RwSignal::new(String::new()),
        password: RwSignal::new(String::new()),
        tried: RwSignal::new(false),
        busy: RwSignal::new(false),
        refusal: RwSignal::new(None),
        summary: NodeRef::new(),
    };
    let report = Memo::new(move |_| state.request(true).validate());
    let errors = Signal::derive(move || {
        if state.tried.get() {
            errors_of(&report.get(), "login-")
        } else {
            Vec::new()
        }
    });
    let field = move |id: &'static str| Signal::derive(move || error_for(&errors.get(), id));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.tried.set(true);
        state.refusal.set(None);
        if report.get_untracked().has_errors() {
            focus_summary(state.summary);
            return;
        }
        state.busy.set(true);
        leptos::task::spawn_local(send(state, session));
    };
    let busy = state.busy;
    view! {
        <h2 class="ds-heading" data-size="sm">
            {t("login.password_heading")}
        </h2>
        <form on:submit=submit novalidate>
            <ErrorSummary errors=errors node_ref=state.summary />
            {move || state.refusal.get().map(login_refusal)}
            <TextField
                id="login-email"
                label=t("login.email")
                value=state.email
                error=field("login-email")
                input_type="email"
                autocomplete="username"
            />
            <TextField
                id="login-password"
                label=t("login.password")
                value=state.password
                error=field("login-password")
                input_type="password"
                autocomplete="current-password"
            />
            <button
                class="ds-button"
                data-variant="primary"
                type="submit"
                disabled=move || busy.get()
            >
                {move || if busy.get() { t("login.busy") } else { t("login.submit") }}
            </button>
        </form>
    }
}

/// Sends the login; a refusal speaks for itself: the emptied password
/// field is not a second error, and the focus goes back to it.
async fn send(state: LoginState, session: crate::session::Session) {
    let form = state.request(false);
    match crate::api::login(&form).await {
        Ok(s) => {
            state.password.try_set(String::new());
            session.set(Some(s));
        }
        Err(e) => {
            state.tried.try_set(false);
            state.refusal.try_set(Some(e.text()));
            state.password.try_set(String::new());
            crate::form::yield_now().await;
            crate::form::focus_id("login-password");
        }
    }
    state.busy.try_set(false);
}

/// What the login page says about a refused sign-in, by the edge's reason
/// (`frist_domain::oidc::Refusal`): what happened and what to do.
fn refusal_text(reason: &str) -> String {
    let key = match reason {
        "unknown_provider" => "login.refused_unknown_provider",
        "provider_unavailable" => "login.refused_provider_unavailable",
        "provider_error" => "login.refused_provider_error",
        "state" | "code_refused" => "login.refused_state",
        "expired" | "issued_at" => "login.refused_expired",
        "level" => "login.refused_level",
        "not_linked" | "no_identity" => "login.refused_not_linked",
        _ => "login.refused_unverified",
    };
    let code: String = reason
        .chars()
        .filter(|c| c.is_ascii_lowercase() || *c == '_')
        .take(40)
        .collect();
    crate::i18n::tf(key, &[("code", &code)])
}
