//! The first module a browser downloads (issue 27): small, so the login
//! form is usable at once on a slow line. It fetches the chosen language's
//! texts and asks the edge who is signed in, both at once. Nobody: it shows
//! the login page itself (at `/logg-inn`, remembering the page that was
//! asked for), and — once the form is usable — asks the browser to fetch the
//! signed-in app in the background. Someone: it loads the signed-in app's
//! module (`frist-app`), which takes over the page.

use std::cell::Cell;

use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::prelude::*;

use crate::session::{NEXT_KEY, RETURN_KEY};
use crate::{api, assets, i18n, session, shell};

#[wasm_bindgen(inline_js = "export async function start_module(js, wasm) {
  const module = await import(js);
  await module.default({ module_or_path: wasm });
}")]
extern "C" {
    /// Imports a wasm-bindgen ES module and starts it (its `main` runs).
    #[wasm_bindgen(catch)]
    async fn start_module(js: &str, wasm: &str) -> Result<JsValue, JsValue>;
}

thread_local! {
    static IN_ENTRY: Cell<bool> = const { Cell::new(false) };
}

/// The login page runs in the entry module: after signing in, the page is
/// loaded anew (and the signed-in app with it) instead of routed to.
pub fn in_entry() -> bool {
    IN_ENTRY.with(Cell::get)
}

/// The entry module's start.
pub fn start() {
    console_error_panic_hook::set_once();
    IN_ENTRY.with(|e| e.set(true));
    i18n::mark_document();
    wasm_bindgen_futures::spawn_local(async {
        let (tx, rx) = futures_channel::oneshot::channel();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = tx.send(api::session().await);
        });
        let texts = i18n::load().await;
        let signed_in = matches!(rx.await, Ok(Ok(Some(_))));
        if let Err(e) = texts {
            return unavailable(&e);
        }
        if signed_in {
            let app = assets::assets().app;
            if let Err(e) = start_module(&app.js, &app.wasm).await {
                unavailable(&format!("{e:?}"));
            }
        } else {
            show_login();
        }
    });
}

/// The signed-in app's start (its module's `main`).
pub fn start_app() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        if let Err(e) = i18n::load().await {
            return unavailable(&e);
        }
        i18n::mark_document();
        leptos::mount::mount_to_body(shell::App);
    });
}

/// The login page, at `/logg-inn`. Once its form is usable the page calls
/// [`prefetch_app`].
fn show_login() {
    if let Some(w) = web_sys::window() {
        let location = w.location();
        let path = location.pathname().unwrap_or_default();
        if path != "/logg-inn" {
            let asked = path.clone() + &location.search().unwrap_or_default();
            if let Ok(Some(storage)) = w.session_storage()
                && path != "/"
                && storage.get_item(RETURN_KEY).ok().flatten().is_none()
            {
                let _ = storage.set_item(NEXT_KEY, &asked);
            }
            if let Ok(history) = w.history() {
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some("/logg-inn"));
            }
        }
    }
    leptos::mount::mount_to_body(|| {
        session::provide_anonymous();
        view! {
            <Router>
                <shell::LoginShell />
            </Router>
        }
    });
}

/// In the entry module, once the login form is usable: the signed-in app
/// is fetched in the background, so it is in the browser's cache when the
/// user is in. Once a page; elsewhere nothing.
pub fn prefetch_app() {
    thread_local! {
        static ASKED: Cell<bool> = const { Cell::new(false) };
    }
    if !in_entry() || ASKED.with(|a| a.replace(true)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        crate::form::gloo_sleep(0).await;
        let app = assets::assets().app;
        for href in [app.js, app.wasm] {
            prefetch(&href);
        }
    });
}

/// Asks the browser to fetch `href` when idle, into its cache.
fn prefetch(href: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if href.is_empty() {
        return;
    }
    if let (Ok(link), Some(head)) = (document.create_element("link"), document.head()) {
        let _ = link.set_attribute("rel", "prefetch");
        let _ = link.set_attribute("href", href);
        let _ = head.append_child(&link);
    }
}

/// What the page says when its own parts cannot be loaded (the network
/// went): in both languages, since the texts may be what failed.
fn unavailable(detail: &str) {
    web_sys::console::error_1(&JsValue::from_str(detail));
    leptos::mount::mount_to_body(|| {
        view! {
            <main id="main" class="frist-main">
                <div class="ds-alert" data-color="danger" role="alert" data-testid="unavailable">
                    <p class="ds-paragraph">
                        "frist kunne ikke lastes. Sjekk nettforbindelsen og last siden på nytt. / "
                        "frist could not be loaded. Check the network connection and reload the page."
                    </p>
                </div>
            </main>
        }
    });
}
