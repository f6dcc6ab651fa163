//! `/fristbrudd/saker/:id`: one case with its deadlines, actions and history.

use frist_domain::access::Role;
use frist_domain::fristbrudd::{Actor, CaseView};
use frist_domain::ics::{self, Deadline};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{self, ApiError, show_loaded};
use crate::form::{alert, loading_or_failure, save_file};
use crate::i18n::{issue, name, t, tf};
use crate::search::{BackLink, Breadcrumbs};
use crate::session::use_session;

use super::actions::Actions;
use super::case_facts::{CaseFacts, SiteAction};
use super::case_table::state_tag;
use super::copy_case::CopyCase;
use super::deadlines::Deadlines;
use super::history::History;

/// The pages a case is opened from, for its back link.
const CASE_LISTS: &[(&str, &str)] = &[
    ("/fristbrudd/ko", "nav.back_to_queue"),
    ("/fristbrudd/saker", "fristbrudd.all_cases"),
    ("/", "nav.back_to_home"),
];

pub(super) fn case_id() -> Signal<String> {
    let params = use_params_map();
    Signal::derive(move || params.get().get("id").unwrap_or_default())
}

/// The side the signed-in user acts for on a case: a hospital, or Helfo.
fn own_side() -> Actor {
    let role = use_session().view().map(|s| s.user.role);
    if role == Some(Role::Behandlingssted) {
        Actor::Site
    } else {
        Actor::Helfo
    }
}

#[component]
pub fn CaseDetail() -> impl IntoView {
    let id = case_id();
    let case = RwSignal::new(None::<CaseView>);
    let failure = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    // Loaded for the case in the address, and dropped with the page.
    let loaded = LocalResource::new(move || {
        let id = id.get();
        async move { api::case(&id).await }
    });
    show_loaded(loaded, case, failure);
    let reload = move || {
        // Also called after an answer, when the page may be gone.
        if !case.is_disposed() {
            loaded.refetch();
        }
    };
    let actor = own_side();
    // After a change: the new case, or why not (a stale version reloads).
    let changed = move |result: Result<CaseView, ApiError>, what: String| match result {
        Ok(c) => {
            case.set(Some(c));
            failure.set(None);
            done.set(Some(what));
        }
        Err(ApiError::Problem(p)) if p.status == 412 => {
            done.set(None);
            failure.set(Some(t("fristbrudd.stale_case").into()));
            reload();
        }
        Err(e) => {
            done.set(None);
            let detail = e.issues().iter().map(issue).collect::<Vec<_>>().join(" ");
            failure.set(Some(if detail.is_empty() { e.text() } else { detail }));
        }
    };

    move || {
        let Some(c) = case.get() else {
            // Loading, or why not: an unknown case says so, never "loading"
            // for ever.
            return view! {
                <BackLink fallback=("/fristbrudd/saker", "fristbrudd.all_cases") lists=CASE_LISTS />
                {loading_or_failure(failure, "fristbrudd.loading_case")}
            }
            .into_any();
        };
        let list = if actor == Actor::Site {
            ("/fristbrudd/saker", "fristbrudd.all_cases")
        } else {
            ("/fristbrudd/ko", "nav.fristbrudd")
        };
        view! {
            <Breadcrumbs list=list current=c.number.clone() />
            <BackLink fallback=("/fristbrudd/saker", "fristbrudd.all_cases") lists=CASE_LISTS />
            <h1 class="ds-heading" data-size="lg">
                {tf("fristbrudd.case_title", &[("number", &c.number)])}
            </h1>
            <p class="ds-paragraph" data-testid="case-state">
                {t("fristbrudd.status")}
                ": "
                {state_tag(c.case.state)}
                {c.case.variant.map(|v| view! { <span>" – "{name(v)}</span> })}
            </p>
            {move || failure.get().map(|t| alert("danger", t))}
            {move || done.get().map(|t| alert("success", t))}
            <SiteAction c=c.clone() actor=actor />
            <Deadlines c=c.clone() />
            <Actions c=c.clone() actor=actor changed=changed />
            <CaseFacts c=c.clone() />
            {(actor == Actor::Site).then(|| view! { <CopyCase c=c.clone() /> })}
            <History c=c.clone() />
        }
        .into_any()
    }
}

/// The running deadlines as an `.ics` file, made in the browser: the case
/// number and what is due, never the patient (calendars sync elsewhere).
pub(super) fn save_calendar(c: &CaseView) {
    let deadlines: Vec<Deadline> = c
        .case
        .running_deadlines()
        .into_iter()
        .map(|(kind, date)| Deadline {
            key: kind.into(),
            date,
            summary: tf(
                "fristbrudd.ics_summary",
                &[("number", &c.number), ("what", name(kind))],
            ),
        })
        .collect();
    let stamp =
        chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    let text = ics::calendar(
        &c.number,
        &tf("fristbrudd.ics_name", &[("number", &c.number)]),
        &deadlines,
        stamp,
    );
    save_file(
        &format!("{}.ics", c.number),
        "text/calendar;charset=utf-8",
        &text,
    );
}
