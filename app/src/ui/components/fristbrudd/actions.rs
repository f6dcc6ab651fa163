//! The actions each side may take on a case now.

use frist_domain::fristbrudd::{Actor, CaseView, EventForm, EventKind};
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::i18n::{name, t, tf};

use super::appointment_form::AppointmentForm;
use super::letter_form::LetterForm;
use super::upload::Upload;

/// The buttons and small forms for exactly the transitions allowed now.
#[component]
pub(super) fn Actions<F>(c: CaseView, actor: Actor, changed: F) -> impl IntoView
where
    F: Fn(Result<CaseView, ApiError>, String) + Copy + 'static,
{
    let allowed = c.allowed.clone();
    if allowed.is_empty() {
        return view! {
            <p class="ds-paragraph" data-testid="no-actions">
                {t("fristbrudd.no_actions")}
            </p>
        }
        .into_any();
    }
    let id = c.id.clone();
    let version = c.version;
    let busy = RwSignal::new(false);
    let send = move |form: EventForm, what: String| {
        let id = id.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let r = api::case_event(&id, version, &form).await;
            busy.set(false);
            changed(r, what);
        });
    };
    let simple = simple_kinds(&allowed);
    let send_simple = send.clone();
    let send_letter = send.clone();
    view! {
        <section class="frist-panel frist-no-print" data-testid="actions">
            <h2 class="ds-heading" data-size="sm">
                {if actor == Actor::Site {
                    t("fristbrudd.report_to_helfo")
                } else {
                    t("fristbrudd.register")
                }}
            </h2>
            <div class="frist-actions">
                {simple
                    .into_iter()
                    .map(|k| simple_button(k, busy, send_simple.clone()))
                    .collect_view()}
            </div>
            {allowed
                .contains(&EventKind::LetterSent)
                .then(|| view! { <LetterForm c=c.clone() send=send_letter busy=busy /> })}
            {allowed
                .contains(&EventKind::SiteFoundAppointment)
                .then(|| view! { <AppointmentForm c=c.clone() send=send.clone() busy=busy /> })}
            {allowed
                .contains(&EventKind::DocumentUploaded)
                .then(|| view! { <Upload c=c.clone() changed=changed /> })}
        </section>
    }
    .into_any()
}

/// The transitions allowed now that take nothing but a click; the letter,
/// the appointment and a document have forms of their own.
fn simple_kinds(allowed: &[EventKind]) -> Vec<EventKind> {
    allowed
        .iter()
        .copied()
        .filter(|k| {
            !matches!(
                k,
                EventKind::LetterSent
                    | EventKind::SiteFoundAppointment
                    | EventKind::DocumentUploaded
            )
        })
        .collect()
}

/// The button that registers one simple transition.
fn simple_button(
    k: EventKind,
    busy: RwSignal<bool>,
    send: impl Fn(EventForm, String) + 'static,
) -> impl IntoView {
    view! {
        <button
            class="ds-button"
            data-variant="secondary"
            type="button"
            data-event=k.as_str()
            disabled=move || busy.get()
            on:click=move |_| send(
                EventForm {
                    event: k.as_str().into(),
                    ..Default::default()
                },
                tf("fristbrudd.registered", &[("event", name(k))]),
            )
        >
            {name(k)}
        </button>
    }
}
