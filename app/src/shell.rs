//! The layout shell: header (product, who is logged in, log out), the
//! routed main area (the routes are the page table, `pages::table`), and a footer with the service status.

use leptos::prelude::*;
use leptos_router::components::{A, Router};
use leptos_router::hooks::use_navigate;

use crate::api;
use crate::i18n::{t, tf};
use crate::session::{Session, provide_session, use_session};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_session();
    view! {
        <Router>
            <Shell />
        </Router>
    }
}

/// Everything inside the router: the header, the area menu, the page and
/// the footer.
#[component]
fn Shell() -> impl IntoView {
    crate::search::provide_trail();
    view! {
        <a class="skip-link" href="#main">
            {t("shell.skip_link")}
        </a>
        <Header />
        <crate::search::AreaNav />
        <ExpiryWarning />
        <main id="main" class="frist-main" tabindex="-1">
            {crate::pages::table::routes()}
        </main>
        <Footer />
    }
}

/// The login page in the entry module (issue 27): the same header and
/// footer as every page, without the signed-in app's parts.
#[component]
pub fn LoginShell() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">
            {t("shell.skip_link")}
        </a>
        <Header />
        <main id="main" class="frist-main" tabindex="-1">
            <crate::pages::login::LoginPage />
        </main>
        <Footer />
    }
}

#[component]
fn Header() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    // An explicit logout deletes the user's drafts from this browser (the
    // next person at this PC must not meet them), after a warning when one
    // has not been sent.
    let logout = move |_| {
        if crate::form::draft::has_unsent() {
            let sure = web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message(t("shell.logout_drafts_warning"))
                        .ok()
                })
                .unwrap_or(false);
            if !sure {
                return;
            }
        }
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let end_session = api::logout().await.ok().flatten();
            crate::form::draft::forget_all();
            match end_session.zip(web_sys::window()) {
                // Signed in through HelseID or ID-porten: end that session
                // too. The page is left for the provider, which sends the
                // browser back to /logg-inn; the app does not go there first.
                Some((url, w)) => {
                    let _ = w.location().assign(&url);
                }
                None => {
                    session.set(None);
                    navigate("/logg-inn", Default::default());
                }
            }
        });
    };
    view! {
        <header class="frist-header">
            <div class="frist-header__inner">
                <A href="/" attr:class="frist-home-link">
                    <span class="frist-logo" aria-hidden="true">
                        "◷"
                    </span>
                    <span class="frist-product">"frist"</span>
                </A>
                <span class="frist-owner">"Helfo"</span>
                {move || {
                    session
                        .view()
                        .map(|s| {
                            view! {
                                <div class="frist-user">
                                    <span data-testid="who">
                                        {format!("{} · {}", s.user.name, s.organisation.name)}
                                    </span>
                                    <button
                                        class="ds-button"
                                        data-variant="secondary"
                                        data-size="sm"
                                        type="button"
                                        on:click=logout.clone()
                                    >
                                        {t("shell.logout")}
                                    </button>
                                </div>
                            }
                        })
                }}
                <crate::language::LanguageSwitch />
            </div>
        </header>
    }
}

/// Two minutes before the session ends for lack of use, a warning with
/// "Forbli innlogget" (WCAG 2.2.1); at the end, the user is logged out and
/// brought back here after logging in again. Drafts are stored (encrypted
/// for this user) on every change, so nothing typed is lost.
#[component]
fn ExpiryWarning() -> impl IntoView {
    let session = use_session();
    let left = RwSignal::new(None::<f64>);
    let button = NodeRef::<leptos::html::Button>::new();
    watch_expiry(left, session);
    // The warning takes the focus when it appears, so a keyboard or
    // screen-reader user is at the button at once.
    Effect::new(move |_| {
        if let Some(b) = button.get() {
            let _ = b.focus();
        }
    });
    let stay = move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(s) = api::session().await {
                session.set(s);
            }
            left.set(None);
        });
    };
    view! {
        <Show when=move || left.get().is_some()>
            <div
                class="ds-alert frist-expiry"
                data-color="warning"
                role="alertdialog"
                aria-labelledby="expiry-title"
                aria-describedby="expiry-text"
                data-testid="expiry-warning"
            >
                <h2 class="ds-heading" data-size="xs" id="expiry-title">
                    {t("shell.expiry_title")}
                </h2>
                <p class="ds-paragraph" id="expiry-text">
                    {move || {
                        let secs = (left.get().unwrap_or(0.0) / 1000.0).ceil() as i64;
                        tf(
                            "shell.expiry_text",
                            &[("time", &format!("{}:{:02}", secs / 60, secs % 60))],
                        )
                    }}
                </p>
                <button
                    class="ds-button"
                    data-variant="primary"
                    type="button"
                    node_ref=button
                    on:click=stay
                >
                    {t("shell.stay")}
                </button>
            </div>
        </Show>
    }
}

/// Each second: the time left before the session ends in `left` once
/// under two minutes; at the end, the address to come back to is kept and
/// the user logged out.
fn watch_expiry(left: RwSignal<Option<f64>>, session: Session) {
    const WARN_MS: f64 = 120_000.0;
    leptos::task::spawn_local(async move {
        loop {
            crate::form::gloo_sleep(1000).await;
            // The shell gone (signed out): this watch ends with it.
            if left.is_disposed() {
                return;
            }
            let Some(deadline) = crate::session::deadline().and_then(|d| d.get_untracked()) else {
                left.set(None);
                continue;
            };
            let rem = deadline - js_sys::Date::now();
            if rem <= 0.0 {
                left.set(None);
                if let Some(storage) =
                    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
                {
                    let path = web_sys::window()
                        .and_then(|w| w.location().pathname().ok())
                        .unwrap_or_else(|| "/".into());
                    let _ = storage.set_item(crate::session::RETURN_KEY, &path);
                }
                let _ = api::logout().await;
                session.set(None);
            } else if rem <= WARN_MS {
                left.set(Some(rem));
            } else {
                left.set(None);
            }
        }
    });
}

#[component]
fn Footer() -> impl IntoView {
    let health = LocalResource::new(api::health);
    view! {
        <footer class="frist-footer">
            <p class="ds-paragraph" data-size="sm" data-testid="health" aria-live="polite">
                {move || match health.get() {
                    None => t("shell.health_checking").to_string(),
                    Some(Some(h)) if h.d1 => tf("shell.health_up", &[("version", &h.version)]),
                    Some(Some(_)) => t("shell.health_no_db").to_string(),
                    Some(None) => t("shell.health_down").to_string(),
                }}
            </p>
            <p class="ds-paragraph" data-size="sm">
                {tf("shell.footer", &[("version", frist_domain::VERSION)])}
            </p>
        </footer>
    }
}

/// What a path that is no page shows.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1 class="ds-heading" data-size="lg">
            {t("shell.not_found")}
        </h1>
        <p class="ds-paragraph">
            <A href="/">{t("shell.to_front_page")}</A>
        </p>
    }
}
