//! Finding one's way (issue 24): the menu between areas with the number
//! search, and back links that return where the user came from.

use frist_domain::access::Role;
use frist_domain::api::{Found, NumberKind, parse_number};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

use crate::api::{self, ApiError};
use crate::i18n::{t, tf};
use crate::session::use_session;

/// The page a found number opens.
pub fn path_of(found: &Found) -> String {
    match found.kind {
        NumberKind::Case => format!("/fristbrudd/saker/{}", found.id),
        NumberKind::Message => format!("/fastlege/meldinger/{}", found.id),
        NumberKind::Claim => format!("/frikort/krav/{}", found.id),
    }
}

/// A case, message or claim number: read as typed (the edge's reading),
/// then the edge says whether the user may see it, and its page opens.
/// `id` keeps the header's field apart from a list's.
#[component]
pub fn NumberSearch(id: &'static str) -> impl IntoView {
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let error_id = format!("{id}-error");
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = value.get_untracked();
        let number = match parse_number(&typed) {
            Ok((_, number)) => number,
            Err(issue) => {
                error.set(Some(crate::i18n::issue(&issue)));
                return;
            }
        };
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match api::find(&number).await {
                Ok(found) => {
                    error.set(None);
                    value.set(String::new());
                    navigate(&path_of(&found), Default::default());
                    // The search field stays; the user is taken to the page.
                    leptos::prelude::request_animation_frame(|| focus_heading(true));
                }
                Err(ApiError::Problem(p)) if p.status == 404 => {
                    error.set(Some(tf("search.not_found", &[("number", &number)])));
                }
                Err(e) => error.set(Some(e.text())),
            }
        });
    };
    let described = error_id.clone();
    view! {
        <form role="search" class="frist-search" on:submit=submit data-testid=id>
            <label class="ds-label" data-weight="regular" for=id>
                {t("search.label")}
            </label>
            <div class="frist-search__row">
                <input
                    class="ds-input"
                    id=id
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="FB-2026-000123"
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby=move || error.get().map(|_| described.clone())
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        value.set(event_target_value(&ev));
                        error.set(None);
                    }
                />
                <button class="ds-button" data-variant="secondary" type="submit">
                    {t("search.button")}
                </button>
            </div>
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <div
                                class="ds-validation-message"
                                data-color="danger"
                                id=error_id.clone()
                                role="alert"
                            >
                                {e}
                            </div>
                        }
                    })
            }}
        </form>
    }
}

/// The menu between the areas the user's role works in, and the number
/// search. `aria-current` marks the area of the page shown.
#[component]
pub fn AreaNav() -> impl IntoView {
    let session = use_session();
    let location = use_location();
    move || {
        session.view().map(|s| {
            let role = s.user.role;
            let helfo = role.sees_all_organisations();
            let mut items: Vec<(&'static str, &'static str, &'static str)> =
                vec![("/", "/", t("nav.home"))];
            if helfo {
                items.push(("/fristbrudd/ko", "/fristbrudd", t("nav.fristbrudd")));
                items.push(("/fastlege/meldinger", "/fastlege", t("nav.fastlege")));
                items.push(("/frikort/krav", "/frikort", t("nav.frikort")));
            }
            match role {
                Role::Behandlingssted => {
                    items.push(("/fristbrudd/saker", "/fristbrudd", t("nav.fristbrudd")));
                }
                Role::Kommune => {
                    items.push(("/fastlege/oversikt", "/fastlege", t("nav.fastlege")));
                    items.push(("/kontroll", "/kontroll", t("nav.kontroll")));
                }
                Role::Hf => items.push(("/frikort/krav", "/frikort", t("nav.frikort"))),
                Role::HelfoAdmin => items.push(("/admin/brukere", "/admin", t("nav.admin"))),
                Role::Helfo => {}
            }
            items.push(("/logg", "/logg", t("nav.audit")));
            view! {
                <div class="frist-nav">
                    <div class="frist-nav__inner">
                        <nav aria-label=t("nav.label")>
                            <ul class="frist-nav__list">
                                {items
                                    .into_iter()
                                    .map(|(href, area, label)| {
                                        let current = move || {
                                            let path = location.pathname.get();
                                            let here = if area == "/" {
                                                path == "/"
                                            } else {
                                                path.starts_with(area)
                                            };
                                            here.then_some("page")
                                        };
                                        view! {
                                            <li>
                                                <a class="frist-nav__link" href=href aria-current=current>
                                                    {label}
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </nav>
                        <NumberSearch id="header-search" />
                    </div>
                </div>
            }
        })
    }
}

/// Where the user was before this page, within frist (issue 24: a back
/// link returns there, not always to one fixed list).
#[derive(Clone, Copy)]
pub struct Trail {
    previous: RwSignal<Option<String>>,
    current: RwSignal<Option<String>>,
}

/// Starts following the user's way through the app; call once, inside the
/// router.
pub fn provide_trail() {
    let trail = Trail {
        previous: RwSignal::new(None),
        current: RwSignal::new(None),
    };
    let location = use_location();
    Effect::new(move |_| {
        let here = format!("{}{}", location.pathname.get(), location.search.get());
        let was = trail.current.get_untracked();
        if was.as_deref() != Some(here.as_str()) {
            let moved = was
                .as_deref()
                .is_some_and(|w| w.split('?').next() != here.split('?').next());
            trail.previous.set(was);
            trail.current.set(Some(here));
            if moved {
                leptos::prelude::request_animation_frame(|| focus_heading(false));
            }
        }
    });
    provide_context(trail);
}

/// After a move to another page, focus that was lost with the old page
/// (on `<body>`) goes to the new page's heading, so a keyboard or screen
/// reader user starts there (issue 24). Focus the user has already put
/// somewhere is left alone, unless `always`.
fn focus_heading(always: bool) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lost = doc.active_element().is_none_or(|el| {
        doc.body()
            .is_some_and(|b| el == *b.unchecked_ref::<web_sys::Element>())
    });
    if !lost && !always {
        return;
    }
    let target = doc
        .query_selector("#main h1")
        .ok()
        .flatten()
        .or_else(|| doc.get_element_by_id("main"));
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let _ = el.focus();
    }
}

/// A link back: to the list the user came from when that is one of
/// `lists` (path prefixes, each with its link text), else to `fallback`.
#[component]
pub fn BackLink(
    fallback: (&'static str, &'static str),
    lists: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    let trail = use_context::<Trail>();
    move || {
        let previous = trail.and_then(|t| t.previous.get());
        let (href, label) = previous
            .and_then(|p| {
                let path = p.split('?').next().unwrap_or_default().to_owned();
                lists
                    .iter()
                    .find(|(list, _)| path == *list)
                    .map(|(_, key)| (p.clone(), t(key)))
            })
            .unwrap_or_else(|| (fallback.0.to_owned(), t(fallback.1)));
        view! {
            <p class="ds-paragraph frist-no-print">
                <A href=href>{label}</A>
            </p>
        }
    }
}

/// Where a page stands (Designsystemet's breadcrumbs): the front page, the
/// area's list, then the page itself, which is not a link.
#[component]
pub fn Breadcrumbs(list: (&'static str, &'static str), current: String) -> impl IntoView {
    view! {
        <nav class="ds-breadcrumbs frist-no-print" aria-label=t("nav.breadcrumbs")>
            <ol>
                <li>
                    <A href="/" attr:class="ds-link">
                        {t("nav.home")}
                    </A>
                </li>
                <li>
                    <A href=list.0 attr:class="ds-link">
                        {t(list.1)}
                    </A>
                </li>
                <li>
                    <span aria-current="page">{current}</span>
                </li>
            </ol>
        </nav>
    }
}
