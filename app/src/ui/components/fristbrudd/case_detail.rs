//! `/fristbrudd/saker/:id`: one case with its deadlines, actions and history.

use frist_domain::access::Role;
use frist_domain::fristbrudd::{Actor, CaseView, NotificationForm, State};
use frist_domain::ics::{self, Deadline};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{self, ApiError, show_loaded};
use crate::form::{alert, draft, loading_or_failure, nb, save_file};
use crate::i18n::{issue, name, t, tf};
use crate::search::{BackLink, Breadcrumbs};
use crate::session::use_session;

use super::actions::Actions;
use super::case_table::{site_action_text, state_tag, waiting_text};
use super::deadlines::Deadlines;
use super::history::History;
use super::new_case::DRAFT_KEY;

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
    let role = use_session().view().map(|s| s.user.role);
    let actor = if role == Some(Role::Behandlingssted) {
        Actor::Site
    } else {
        Actor::Helfo
    };
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
                <BackLink fallback=("/fristbrudd/saker", "fristbrudd.all_cases") lists=CASE_LISTS/>
                {loading_or_failure(failure, "fristbrudd.loading_case")}
            }
            .into_any();
        };
        let cover = format!("/fristbrudd/saker/{}/forside", c.id);
        let doc = format!("/api/v1/fristbrudd/cases/{}/document", c.id);
        let list = if actor == Actor::Site {
            ("/fristbrudd/saker", "fristbrudd.all_cases")
        } else {
            ("/fristbrudd/ko", "nav.fristbrudd")
        };
        view! {
            <Breadcrumbs list=list current=c.number.clone()/>
            <BackLink fallback=("/fristbrudd/saker", "fristbrudd.all_cases") lists=CASE_LISTS/>
            <h1 class="ds-heading" data-size="lg">{tf("fristbrudd.case_title", &[("number", &c.number)])}</h1>
            <p class="ds-paragraph" data-testid="case-state">{t("fristbrudd.status")}": "{state_tag(c.case.state)}
                {c.case.variant.map(|v| view! { <span>" – "{name(v)}</span> })}
            </p>
            {move || failure.get().map(|t| alert("danger", t))}
            {move || done.get().map(|t| alert("success", t))}
            <section class="frist-panel" data-testid="site-action">
                <h2 class="ds-heading" data-size="sm">{if actor == Actor::Site { t("fristbrudd.site_must_now") } else { t("fristbrudd.site_shall_now") }}</h2>
                <p class="ds-paragraph"><strong>{site_action_text(&c.site_action)}</strong></p>
                <p class="ds-paragraph" data-size="sm">{tf("fristbrudd.waiting_line", &[("choice", waiting_text(c.waiting_list))])}</p>
            </section>
            {c.appointment_on.map(|d| {
                let key = if c.case.appointment_pending() {
                    "fristbrudd.appointment_pending"
                } else if c.case.state == State::NoOfferFound {
                    "fristbrudd.appointment_given"
                } else {
                    return None;
                };
                Some(view! { <p class="ds-paragraph" data-testid="site-appointment">{tf(key, &[("date", &nb(d))])}</p> })
            })}
            <Deadlines c=c.clone()/>
            <Actions c=c.clone() actor=actor changed=changed/>
            <h2 class="ds-heading" data-size="sm">{t("fristbrudd.patient_and_deadline")}</h2>
            <dl class="frist-facts">
                <dt>{t("fristbrudd.patient")}</dt><dd>{c.patient_name.clone()}</dd>
                <dt>{t("fristbrudd.fnr")}</dt><dd>{c.patient_fnr.clone()}</dd>
                <dt>{t("fristbrudd.phone")}</dt><dd>{c.patient_phone.clone()}</dd>
                <dt>{t("fristbrudd.site")}</dt><dd>{format!("{} ({})", c.organisation_name, c.organisation_orgnr)}</dd>
                <dt>{t("fristbrudd.specialty")}</dt><dd>{c.specialty.clone()}</dd>
                <dt>{t("fristbrudd.referral_received")}</dt><dd>{nb(c.referral_received)}</dd>
                <dt>{t("fristbrudd.fristdato")}</dt><dd>{nb(c.case.fristdato)}</dd>
                <dt>{t("fristbrudd.breach")}</dt><dd>{name(c.kind)}</dd>
                <dt>{t("fristbrudd.warning_sent")}</dt><dd>{nb(c.warning_sent)}</dd>
                <dt>{t("fristbrudd.urgency")}</dt><dd>{match (&c.urgent_reason, c.case.urgent_confirmed) {
                    (Some(r), true) => tf("fristbrudd.urgent_confirmed_reason", &[("reason", r.as_str())]),
                    (Some(r), false) => tf("fristbrudd.urgent_requested_reason", &[("reason", r.as_str())]),
                    (None, _) => t("fristbrudd.normal").into(),
                }}</dd>
                <dt>{t("fristbrudd.documentation")}</dt><dd>{match c.document_bytes {
                    Some(n) => view! { <a class="ds-link" href=doc download="">{tf("fristbrudd.document_link", &[("kb", &((n + 1023) / 1024).to_string())])}</a> }.into_any(),
                    None if c.case.has_documents => view! { <span>{t("fristbrudd.received_by_post")}</span> }.into_any(),
                    None => view! { <span>{t("fristbrudd.not_received")}</span> }.into_any(),
                }}</dd>
            </dl>
            {(actor == Actor::Site).then(|| {
                let copy = copy_form(&c);
                let navigate = leptos_router::hooks::use_navigate();
                view! {
                    <p class="ds-paragraph frist-no-print">
                        <A href=cover>{t("fristbrudd.cover_link")}</A>
                    </p>
                    <p class="ds-paragraph frist-no-print">
                        <button class="ds-button" data-variant="secondary" type="button" data-testid="copy-case"
                            on:click=move |_| {
                                if draft::copy_into(DRAFT_KEY, &copy) {
                                    navigate("/fristbrudd/ny", Default::default());
                                }
                            }>{t("fristbrudd.copy")}</button>
                    </p>
                }
            })}
            <History c=c.clone()/>
        }
        .into_any()
    }
}

/// "Lag kopi": the notification behind a case as the draft of a new one
/// (the same patient with a new referral, say). Everything stays editable.
fn copy_form(c: &CaseView) -> NotificationForm {
    NotificationForm {
        patient_fnr: c.patient_fnr.clone(),
        patient_name: c.patient_name.clone(),
        patient_phone: c.patient_phone.clone(),
        specialty: c.specialty.clone(),
        fristdato: nb(c.case.fristdato),
        referral_received: nb(c.referral_received),
        warning_sent: nb(c.warning_sent),
        kind: <&str>::from(c.kind).to_owned(),
        urgent: c.urgent_reason.is_some(),
        urgent_reason: c.urgent_reason.clone().unwrap_or_default(),
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
