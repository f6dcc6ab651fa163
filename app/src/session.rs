//! Who is logged in, shared by every page through a context. Loaded from
//! `GET /api/v1/session` when the app starts; the login page sets it and
//! logout clears it.

use frist_domain::access::Role;
use frist_domain::api::SessionView;
use std::cell::Cell;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::i18n::t;

thread_local! {
    /// When the session ends unless used again, by the browser's clock.
    static DEADLINE: Cell<Option<RwSignal<Option<f64>>>> = const { Cell::new(None) };
}

/// The session's deadline (browser clock, ms), kept current by every answer.
pub fn deadline() -> Option<RwSignal<Option<f64>>> {
    DEADLINE.with(Cell::get)
}

/// Notes that the edge says the session lasts `ms` more unless used.
pub fn note_remaining(ms: f64) {
    if let Some(d) = deadline() {
        d.set(Some(js_sys::Date::now() + ms));
    }
}

/// Where the user was when the session ended, and that it ended: the login
/// page says so and goes back there (the drafts are in `localStorage`).
pub const RETURN_KEY: &str = "frist.return_to";

/// The page someone opened before signing in — a link from an e-mail
/// (issue 26): the login page goes there afterwards. A path, never data.
pub const NEXT_KEY: &str = "frist.next";

/// Remembers the page now open as where to go after signing in.
fn remember_next() {
    let Some(w) = web_sys::window() else {
        return;
    };
    let location = w.location();
    let path = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
    if let Ok(Some(storage)) = w.session_storage() {
        let _ = storage.set_item(NEXT_KEY, &path);
    }
}

/// What the app knows about the session.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionState {
    /// Still asking the edge.
    Loading,
    /// Nobody is logged in (or the session ended).
    Anonymous,
    LoggedIn(Box<SessionView>),
}

/// The session context.
#[derive(Debug, Clone, Copy)]
pub struct Session(pub RwSignal<SessionState>);

impl Session {
    /// The logged-in user's session, if any.
    pub fn view(&self) -> Option<SessionView> {
        match self.0.get() {
            SessionState::LoggedIn(s) => Some(*s),
            _ => None,
        }
    }

    /// A logged-in user's session: their drafts are unlocked before any
    /// page shows (so a form finds its draft); `None`: logged out or ended,
    /// the drafts are locked again (still encrypted in the browser).
    pub fn set(&self, s: Option<SessionView>) {
        if let Some(d) = deadline() {
            d.set(
                s.as_ref()
                    .map(|s| js_sys::Date::now() + s.remaining_ms as f64),
            );
        }
        let state = self.0;
        match s {
            Some(s) => leptos::task::spawn_local(async move {
                crate::form::draft::unlock(&s).await;
                state.set(SessionState::LoggedIn(Box::new(s)));
            }),
            None => {
                crate::form::draft::lock();
                state.set(SessionState::Anonymous);
            }
        }
    }
}

/// The context of the entry module's login page: nobody is signed in
/// (the entry asked the edge already).
pub fn provide_anonymous() -> Session {
    let session = Session(RwSignal::new(SessionState::Anonymous));
    provide_context(session);
    session
}

/// Creates the context and starts loading the session.
pub fn provide_session() -> Session {
    let session = Session(RwSignal::new(SessionState::Loading));
    provide_context(session);
    DEADLINE.with(|d| d.set(Some(RwSignal::new(None))));
    leptos::task::spawn_local(async move {
        match crate::api::session().await {
            Ok(s) => session.set(s),
            Err(_) => session.set(None),
        }
    });
    session
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// Shows `children` to a logged-in user whose role is in `roles` (any role
/// when empty); sends everyone else to the login page. The edge checks the
/// same again: hiding a page is a courtesy, not the protection.
#[component]
pub fn Protected(#[prop(optional)] roles: &'static [Role], children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    Effect::new(move |was_in: Option<bool>| {
        let state = session.0.get();
        if state == SessionState::Anonymous {
            // Opened signed out (a link from an e-mail), not signed out
            // here: back to this page after signing in.
            if !was_in.unwrap_or(false) {
                remember_next();
            }
            navigate("/logg-inn", Default::default());
        }
        matches!(state, SessionState::LoggedIn(_))
    });
    move || match session.0.get() {
        SessionState::Loading => {
            view! { <p class="ds-paragraph">{t("session.loading")}</p> }.into_any()
        }
        SessionState::Anonymous => {
            view! { <p class="ds-paragraph">{t("session.must_log_in")}</p> }.into_any()
        }
        SessionState::LoggedIn(s) if roles.is_empty() || roles.contains(&s.user.role) => {
            children().into_any()
        }
        SessionState::LoggedIn(_) => view! {
            <div class="ds-alert" data-color="warning" role="alert">
                <p class="ds-paragraph">{t("session.no_access")}</p>
            </div>
        }
        .into_any(),
    }
}
